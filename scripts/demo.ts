// `npm run demo`: what a district methodist sees on the samples, as of their day: the
// findings of every card, then the district summary written to out/.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../dist/cli/bin.js", import.meta.url));
const asOf = "2026-11-16";
const summaryFile = `out/сводка-${asOf}.xlsx`;

process.stderr.write(`iom validate samples --today ${asOf}\n\n`);
const validate = spawnSync(process.execPath, [bin, "validate", "samples", "--today", asOf], {
  stdio: "inherit",
});

mkdirSync("out", { recursive: true });
process.stderr.write(`\niom summary samples -o ${summaryFile} --today ${asOf} --force\n\n`);
const summary = spawnSync(
  process.execPath,
  [bin, "summary", "samples", "-o", summaryFile, "--today", asOf, "--force"],
  { stdio: "inherit" },
);

// Findings in the samples are expected (samples/README.md): status 1 is the demo working.
const validated = validate.status === 0 || validate.status === 1;
process.exitCode = validated && summary.status === 0 ? 0 : (summary.status ?? validate.status ?? 1);

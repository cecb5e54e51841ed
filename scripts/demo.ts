// `npm run demo`: what a district methodist sees on the samples, as of their day.
// Findings in the samples are expected (samples/README.md), so status 1 is the demo working.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../dist/cli/bin.js", import.meta.url));
const asOf = "2026-11-16";

process.stderr.write(`iom validate samples --today ${asOf}\n\n`);
const run = spawnSync(process.execPath, [bin, "validate", "samples", "--today", asOf], {
  stdio: "inherit",
});
process.exitCode = run.status === 0 || run.status === 1 ? 0 : (run.status ?? 1);

// `npm run test:manifest`: the manifest in the repository, the same rewritten for a public
// host, and the production build's copy where one was built, each checked offline.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { manifestProblems, rewriteManifest } from "./manifest.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const schemaDir = join(root, "addin", "manifest-schemas");

const source = await readFile(join(root, "manifest.xml"), "utf8");
/** @type {[string, string][]} */
const cases = [
  ["manifest.xml", source],
  [
    "manifest.xml rewritten for https://rmc.example.ru/iom/",
    rewriteManifest(source, "https://rmc.example.ru/iom/"),
  ],
];
const built = join(root, "out", "addin", "manifest.xml");
if (existsSync(built)) {
  cases.push(["out/addin/manifest.xml", await readFile(built, "utf8")]);
}

let failed = 0;
for (const [name, xml] of cases) {
  const problems = await manifestProblems(xml, schemaDir);
  if (problems.length === 0) {
    console.log(`✓ ${name}`);
    continue;
  }
  failed++;
  console.log(`✗ ${name}`);
  problems.forEach((problem) => console.log(`    ${problem}`));
}
console.log(`${cases.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

/**
 * Renders docs/template.png and docs/filled.png: the blank card and a sample card filled by
 * `iom fill`, page 1 of each as LibreOffice prints it. Needs LibreOffice (`soffice`, Debian's
 * libreoffice-calc-nogui) and pdftoppm (poppler-utils); `npm test` does not.
 *
 *   npx tsx scripts/docs/render.ts
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { readCardSheet } from "../../lib/sheet/readCard.js";
import { createCardWorkbook } from "../../lib/xlsx/createCardWorkbook.js";
import { fillWorkbook } from "../../lib/xlsx/fillWorkbook.js";
import { readGrids } from "../../lib/xlsx/readGrids.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const work = await mkdtemp(join(tmpdir(), "iom-docs-"));

// A sample card (samples/), laid out in the template and filled as of the day after its route.
const sample = join(root, "samples", "Берёзовская СОШ", "Лебедев А.С.xlsx");
const [grid] = await readGrids(await readFile(sample));
const card = readCardSheet(grid!)!.card;
const filled = await fillWorkbook(await createCardWorkbook(card), { asOf: new Date(2026, 5, 15) });
if (filled.kind !== "filled") {
  throw new Error(`the sample was not filled: ${filled.losses.join(", ")}`);
}

const books = { template: await createCardWorkbook(), filled: filled.bytes };
for (const [name, bytes] of Object.entries(books)) {
  const xlsx = join(work, `${name}.xlsx`);
  await writeFile(xlsx, bytes);
  await run("soffice", ["--headless", "--convert-to", "pdf", "--outdir", work, xlsx], {
    timeout: 180_000,
  });
  await run("pdftoppm", [
    "-png",
    "-r",
    "110",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    join(work, `${name}.pdf`),
    join(work, name),
  ]);
  await rename(join(work, `${name}.png`), join(root, "docs", `${name}.png`));
  process.stdout.write(`docs/${name}.png\n`);
}

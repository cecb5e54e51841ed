/**
 * The raw floor of `npm run bench`: what reading the files costs below any workbook model.
 * One process unzips each workbook with JSZip (the zip library exceljs itself uses) and scans
 * every worksheet's XML for its cells and values, building nothing. Against the exceljs floor
 * it shows how much of a read is exceljs's model rather than the bytes.
 *
 * `node raw-floor.js PATH...`, compiled by run.ts as floor.ts is. Prints what it saw.
 */
import { readFile } from "node:fs/promises";

import JSZip from "jszip";

import { workbookFiles } from "./files.js";

/** Worksheet parts where Excel, LibreOffice and exceljs put them. */
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

const files = await workbookFiles(process.argv.slice(2));
let sheets = 0;
let cells = 0;
let values = 0;
for (const file of files) {
  const zip = await JSZip.loadAsync(await readFile(file));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !WORKSHEET.test(entry.name)) {
      continue;
    }
    sheets++;
    const xml = await entry.async("string");
    const counted = scanCells(xml);
    cells += counted.cells;
    values += counted.values;
  }
}
process.stdout.write(
  `raw floor: ${files.length} files, ${sheets} sheets, ${cells} cells, ${values} values\n`,
);

/** Counts `<c …>` elements and the `<v>` and inline `<is>` values in them, by indexOf. */
function scanCells(xml: string): { cells: number; values: number } {
  let cells = 0;
  let values = 0;
  for (let at = xml.indexOf("<c"); at >= 0; at = xml.indexOf("<c", at + 2)) {
    const next = xml.charCodeAt(at + 2);
    // «<c » or «<c>»: a cell; «<col», «<cols» and the like are not.
    if (next !== 0x20 && next !== 0x3e) {
      continue;
    }
    cells++;
    const end = xml.indexOf(">", at);
    if (end > 0 && xml.charCodeAt(end - 1) !== 0x2f) {
      const close = xml.indexOf("</c>", end);
      const body = xml.slice(end + 1, close < 0 ? end + 1 : close);
      if (body.includes("<v") || body.includes("<is")) {
        values++;
      }
    }
  }
  return { cells, values };
}

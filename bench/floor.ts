/**
 * The floor of `npm run bench`: the least any exceljs-based reader of the files must do. One
 * process loads each workbook's bytes with exceljs (`workbook.xlsx.load`, as iom-kit does, not
 * the streaming reader) and visits every cell of every sheet, nothing else. `iom validate` and
 * `iom summary` are budgeted as ratios to this.
 *
 * `node floor.js PATH...` (run.ts compiles this file for plain Node, so that neither side pays
 * for a TypeScript loader): files and folders, searched as the CLI searches them. Prints the
 * files, sheets and cells it saw.
 */
import { readFile } from "node:fs/promises";

import ExcelJS from "exceljs";

import { workbookFiles } from "./files.js";

const files = await workbookFiles(process.argv.slice(2));
let sheets = 0;
let cells = 0;
let kinds = 0;
for (const file of files) {
  const workbook = new ExcelJS.Workbook();
  // exceljs types the argument as a Node Buffer, which readFile gives.
  await workbook.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
  workbook.eachSheet((sheet) => {
    sheets++;
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells++;
        // Reading the type and value makes the visit a real one, as a reader's would be.
        kinds += cell.type + (cell.value === null ? 0 : 1);
      });
    });
  });
}
process.stdout.write(`floor: ${files.length} files, ${sheets} sheets, ${cells} cells (${kinds})\n`);

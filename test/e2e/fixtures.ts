import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

import ExcelJS from "exceljs";

import type { FixtureValue } from "../fixtures/cardSheet.js";
import { cardRows } from "../fixtures/cardSheet.js";

/** A workbook of card sheets as .xlsx bytes, written by exceljs as a school's file would be. */
export async function cardWorkbook(
  sheets: { name: string; rows: FixtureValue[][] }[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) {
          return;
        }
        const cell = worksheet.getCell(r + 1, c + 1);
        if (typeof value === "object") {
          cell.value = value.formula
            ? { formula: value.formula.slice(1), result: value.value }
            : value.value;
          cell.numFmt = value.format;
        } else {
          cell.value = value;
        }
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The files the browser-mode tests open: two schools' cards, one with errors. */
export async function sampleFiles(): Promise<Map<string, Uint8Array>> {
  return new Map([
    [
      "Иванова.xlsx",
      await cardWorkbook([
        { name: "Карта ИОМ", rows: cardRows({ badPhone: true, wrongColumn: true }) },
      ]),
    ],
    [
      "Петрова.xlsx",
      await cardWorkbook([
        { name: "Карта ИОМ", rows: cardRows({ teacher: "Петрова Анна Ивановна" }) },
      ]),
    ],
  ]);
}

/** The workbooks under a folder, by their path inside it with «/», as `npm start` offers them. */
export async function workbooksIn(dir: string): Promise<Map<string, Uint8Array>> {
  const names = (await readdir(dir, { recursive: true }))
    .filter((name) => name.endsWith(".xlsx"))
    .sort();
  const files = new Map<string, Uint8Array>();
  for (const name of names) {
    files.set(
      relative(dir, join(dir, name)).split(sep).join("/"),
      new Uint8Array(await readFile(join(dir, name))),
    );
  }
  return files;
}

/** What samples/README.md promises each sample produces: «sheet cell severity code» per finding. */
export function promisedFindings(readme: string): Map<string, string[]> {
  const promised = new Map<string, string[]>();
  for (const section of readme.split(/^### /m).slice(1)) {
    // A file's section ends at the next heading of any level (a later «## …» part is no file's).
    const body = section.split(/^#{1,2} /m)[0]!;
    const file = body.split("\n")[0]!.trim();
    const rows = body
      .split("\n")
      .filter((line) => /^\| [^-]/.test(line) && !line.startsWith("| sheet"))
      .map((line) => line.split("|").map((cell) => cell.trim()))
      .filter(([, , , severity]) => severity === "error" || severity === "warning")
      .map(
        ([, sheet, cell, severity, code]) => `${sheet || "-"} ${cell || "-"} ${severity} ${code}`,
      );
    promised.set(file, rows);
  }
  return promised;
}

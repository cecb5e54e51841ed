import type { RowBreak as RowBreakModel, Workbook } from "exceljs";

import { readWorkbookPackage } from "./workbookPackage.js";
import { decodeXml } from "./xml.js";
import { readEntry, readZip } from "./zip.js";

/** A manual page break after a row (1-based), across columns `min`…`max` where given. */
export interface RowBreak {
  row: number;
  min?: number;
  max?: number;
}

/**
 * The manual page breaks of each worksheet, by sheet name. exceljs writes row breaks but does
 * not read them (exceljs 2249), so a workbook it loads and writes again would lose them:
 * `restoreRowBreaks` puts them back.
 */
export async function readRowBreaks(bytes: Uint8Array): Promise<Map<string, RowBreak[]>> {
  const breaks = new Map<string, RowBreak[]>();
  const pkg = await readWorkbookPackage(readZip(bytes));
  for (const sheet of pkg?.worksheets ?? []) {
    const xml = decodeXml(await readEntry(pkg!.archive, sheet.entry!));
    const block = /<(?:\w+:)?rowBreaks\b[^>]*>([\s\S]*?)<\/(?:\w+:)?rowBreaks>/.exec(xml)?.[1];
    if (block === undefined) {
      continue;
    }
    const rows: RowBreak[] = [];
    for (const [tag] of block.matchAll(/<(?:\w+:)?brk\b[^>]*>/g)) {
      const number = (name: string) => {
        const value = new RegExp(`\\b${name}="(\\d+)"`).exec(tag)?.[1];
        return value === undefined ? undefined : Number(value);
      };
      const row = number("id");
      if (row !== undefined && row > 0) {
        rows.push({ row, min: number("min"), max: number("max") });
      }
    }
    breaks.set(sheet.name, rows);
  }
  return breaks;
}

/** Puts row breaks (those `readRowBreaks` read, or new ones) into a workbook: a break after each row. */
export function restoreRowBreaks(
  workbook: Workbook,
  breaks: ReadonlyMap<string, RowBreak[]>,
): void {
  for (const [name, rows] of breaks) {
    // The worksheet keeps `rowBreaks` though its type leaves it out (only the model has it).
    const sheet = workbook.worksheets.find((ws) => ws.name === name) as
      { rowBreaks: RowBreakModel[] } | undefined;
    if (!sheet || sheet.rowBreaks.length > 0) {
      continue;
    }
    for (const { row, min, max } of rows) {
      // As the file had them; exceljs's own addPageBreak would shift the columns by one.
      const brk = { id: row, ...(min === undefined ? {} : { min }), max: max ?? 16383, man: 1 };
      sheet.rowBreaks.push(brk as RowBreakModel);
    }
  }
}

/**
 * A print area as exceljs should be given it: exceljs writes `$` before each corner only, so
 * `A1:H80` would come out as the mixed `$A1:$H80`; `A$1:H$80` comes out as `$A$1:$H$80`.
 */
export function printAreaForExceljs(area: string): string {
  return area
    .split("&&")
    .map((range) => range.replace(/\$?([A-Z]{1,3})\$?(\d+)/g, "$1$$$2"))
    .join("&&");
}

/** Every print area of a loaded workbook made absolute again before it is written. */
export function keepPrintAreas(workbook: Workbook): void {
  for (const sheet of workbook.worksheets) {
    const area = sheet.pageSetup?.printArea;
    if (area) {
      sheet.pageSetup.printArea = printAreaForExceljs(area);
    }
  }
}

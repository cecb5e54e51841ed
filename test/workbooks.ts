/**
 * Helpers for tests of workbooks: the samples, exceljs loading, and a cell-by-cell
 * comparison of two workbooks (value, style, merge, data validation, note).
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

import ExcelJS from "exceljs";
import type { Workbook } from "exceljs";

export const SAMPLES = join(import.meta.dirname, "..", "samples");

/** Every sample workbook, as paths relative to samples/, in name order. */
export function sampleFiles(): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name, "ru"),
    )) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (/\.xlsx$/i.test(entry.name)) {
        files.push(relative(SAMPLES, path));
      }
    }
  };
  walk(SAMPLES);
  return files;
}

export async function loadExcel(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  return workbook;
}

/** What a cell holds that a fill must keep, as comparable data. */
function snapshot(cell: ExcelJS.Cell): unknown {
  return {
    value: cell.isMerged && cell.master !== cell ? { merged: cell.master.address } : cell.value,
    style: cell.style,
    validation: cell.dataValidation ?? null,
    note: cell.note ?? null,
  };
}

/**
 * The cells of `before` that differ in `after`, as «Лист!A1» lines; cells in `except` (as
 * «Лист!A1») and sheets in `skipSheets` are passed over. Empty when every other cell kept its
 * value, style, merge, validation and note.
 */
export function changedCells(
  before: Workbook,
  after: Workbook,
  except: ReadonlySet<string> = new Set(),
  skipSheets: ReadonlySet<string> = new Set(),
): string[] {
  const changed: string[] = [];
  for (const sheet of before.worksheets) {
    if (skipSheets.has(sheet.name)) {
      continue;
    }
    const other = after.getWorksheet(sheet.name);
    if (!other) {
      changed.push(`${sheet.name}: лист пропал`);
      continue;
    }
    const rows = Math.max(sheet.rowCount, other.rowCount);
    const cols = Math.max(sheet.columnCount, other.columnCount);
    for (let row = 1; row <= rows; row++) {
      for (let col = 1; col <= cols; col++) {
        const a = sheet.getCell(row, col);
        const key = `${sheet.name}!${a.address}`;
        if (except.has(key)) {
          continue;
        }
        const x = JSON.stringify(normalize(snapshot(a)));
        const y = JSON.stringify(normalize(snapshot(other.getCell(row, col))));
        if (x !== y) {
          changed.push(`${key}: ${x} → ${y}`);
        }
      }
    }
  }
  return changed;
}

/** Plain data with keys in order, so that two equal styles compare equal as text. */
function normalize(value: unknown): unknown {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    return value.map(normalize);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalize(v)]),
    );
  }
  return value;
}

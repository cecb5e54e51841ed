import ExcelJS from "exceljs";
import type { Workbook, Worksheet } from "exceljs";

import { createCatalogue } from "../domain/catalogue.js";
import type { Config } from "../domain/config.js";
import { defaultConfig } from "../domain/config.js";
import { formatDay, serialToDate } from "../domain/dates.js";
import { DERIVED_FONT } from "../sheet/derived.js";
import type { AppliedWrite, FillRecordEntry, RecordedFont } from "../sheet/fillRecord.js";
import {
  fontText,
  mergeFillRecord,
  ownCells,
  planUndo,
  readFillRecord,
  RECORD_COLUMNS,
} from "../sheet/fillRecord.js";
import type { Grid } from "../sheet/grid.js";
import { parseAddress } from "../sheet/grid.js";
import type { LocatedFinding } from "../sheet/located.js";
import type { CellWrite } from "../sheet/planFill.js";
import { applyWrites, planFill, takesDerivedFont } from "../sheet/planFill.js";
import { readCardSheet } from "../sheet/readCard.js";
import { readCards, RECORD_SHEET } from "../sheet/readCards.js";
import { findLosses } from "./findLosses.js";
import { keepPrintAreas, readRowBreaks, restoreRowBreaks } from "./printSetup.js";
import { readGrids } from "./readGrids.js";
import { readWorkbookPackage, sheetNameProblem } from "./workbookPackage.js";
import { readZip } from "./zip.js";

export interface FillWorkbookOptions {
  /** The file's name as the user gave it, for messages and findings. */
  fileName?: string;
  /** The day to judge overdue activities as of, and the date of the record; today by default. */
  asOf?: Date;
  config?: Config;
  /** Write although exceljs would drop parts of the workbook (charts, pivot tables, macros…). */
  allowLoss?: boolean;
}

/** A write fill could not make: a formula stands in one of its cells. */
export interface SkippedWrite extends CellWrite {
  sheet: string;
  why: string;
}

export type FillOutcome =
  | {
      kind: "refused";
      /** What exceljs would drop, in Russian («диаграммы», «макросы (VBA)»). */
      losses: string[];
      /** False where no flag helps: exceljs cannot write the file back as it is at all. */
      overridable: boolean;
    }
  | {
      kind: "filled";
      bytes: Uint8Array;
      /** Every cell changed, in sheet order. */
      writes: AppliedWrite[];
      skipped: SkippedWrite[];
      /** The findings of the filled workbook, as `iom validate` would give them. */
      findings: LocatedFinding[];
      /** What was dropped with `allowLoss`. */
      losses: string[];
      cards: number;
    };

/**
 * Fills the derived cells of every card of a workbook (see `planFill`): moves a percent into
 * its level column and writes the route's period, the stage, the entry-vs-final comparison and
 * the overdue marks into empty cells, in the template's italic dark grey of derived cells
 * (their fill, borders and size stay). Each change goes into the hidden sheet «iom-kit» with
 * its old value, so a second fill updates its own cells and `undoFill` puts them back. Every
 * other cell keeps its value, style, merge, validation and note.
 *
 * The input bytes are never changed. Where exceljs would drop parts of the workbook on writing,
 * nothing is written (`kind: "refused"`) unless `allowLoss`.
 *
 * @throws {UnreadableWorkbookError} when the bytes are not a workbook.
 * @example const outcome = await fillWorkbook(bytes, { fileName: "Иванова.xlsx", asOf: new Date(2025, 10, 16) });
 */
export async function fillWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  options: FillWorkbookOptions = {},
): Promise<FillOutcome> {
  const data = copyOf(bytes);
  const asOf = options.asOf ?? new Date();
  const config = options.config ?? defaultConfig;
  const catalogue = createCatalogue(config);
  const file = options.fileName ?? "книга";

  const grids = await readGrids(data, { fileName: options.fileName });
  const opened = await openForWriting(data, options.allowLoss === true);
  if (opened.kind === "refused") {
    return opened;
  }
  const { workbook, losses } = opened;

  const previous = recordOf(grids);
  const applied: AppliedWrite[] = [];
  const skipped: SkippedWrite[] = [];
  const after: Grid[] = [];
  let cards = 0;
  for (const grid of grids) {
    const read = grid.name === RECORD_SHEET ? null : readCardSheet(grid);
    const sheet = workbook.worksheets.find((ws) => ws.name === grid.name);
    if (!read || !sheet) {
      after.push(grid);
      continue;
    }
    cards++;
    const own = ownCells(previous, grid.name);
    const writes = planFill(grid, read, { asOf, config, catalogue, own });
    const done = applyToSheet(sheet, grid, writes);
    applied.push(...done.applied);
    skipped.push(...done.skipped);
    after.push(applyWrites(grid, done.applied));
  }

  writeRecord(workbook, mergeFillRecord(previous, applied, formatDay(asOf)));
  const findings = readCards(
    after.filter((g) => g.name !== RECORD_SHEET),
    { file, asOf, config, catalogue },
  ).findings;
  return {
    kind: "filled",
    bytes: await bytesOf(workbook),
    writes: applied,
    skipped,
    findings,
    losses,
    cards,
  };
}

export type UndoOutcome =
  | { kind: "refused"; losses: string[]; overridable: boolean }
  | {
      kind: "undone";
      bytes: Uint8Array;
      /** The cells put back. */
      restored: FillRecordEntry[];
      /** Cells changed since fill wrote them: left as they are, kept in the record. */
      changed: FillRecordEntry[];
      losses: string[];
    };

/**
 * Undoes every fill of a workbook from its record sheet: each recorded cell that still holds
 * what fill wrote gets its old value and number format back; one changed since is left as it
 * is and stays in the record. With nothing left to undo the record sheet goes. A cell emptied
 * again keeps the italic grey font fill gave it: the record keeps values and number formats,
 * not fonts.
 *
 * @throws {UnreadableWorkbookError} when the bytes are not a workbook.
 * @example const { bytes } = await undoFill(filled, { fileName: "Иванова.xlsx" });
 */
export async function undoFill(
  bytes: Uint8Array | ArrayBuffer,
  options: Pick<FillWorkbookOptions, "fileName" | "allowLoss"> = {},
): Promise<UndoOutcome> {
  const data = copyOf(bytes);
  const grids = await readGrids(data, { fileName: options.fileName });
  const opened = await openForWriting(data, options.allowLoss === true);
  if (opened.kind === "refused") {
    return opened;
  }
  const { workbook, losses } = opened;

  const steps = planUndo(recordOf(grids), grids);
  const restored: FillRecordEntry[] = [];
  const changed: FillRecordEntry[] = [];
  for (const { entry, action } of steps) {
    const sheet = workbook.worksheets.find((ws) => ws.name === entry.sheet);
    if (action === "changed" || !sheet) {
      changed.push(entry);
      continue;
    }
    const cell = sheet.getCell(entry.cell);
    if (entry.oldFormat !== entry.newFormat) {
      cell.style = { ...structuredClone(cell.style), numFmt: entry.oldFormat ?? "General" };
    }
    if (entry.oldFont) {
      restoreFont(cell, entry.oldFont);
    }
    cell.value =
      entry.old === null
        ? null
        : entry.oldDate && typeof entry.old === "number"
          ? excelDate(entry.old)
          : entry.old;
    restored.push(entry);
  }

  writeRecord(workbook, changed);
  return { kind: "undone", bytes: await bytesOf(workbook), restored, changed, losses };
}

// --- workbook -----------------------------------------------------------------------------------

type Opened =
  | { kind: "open"; workbook: Workbook; losses: string[] }
  | { kind: "refused"; losses: string[]; overridable: boolean };

/** The workbook loaded as it is, unless writing it back would lose parts and that is not allowed. */
async function openForWriting(data: Uint8Array, allowLoss: boolean): Promise<Opened> {
  const losses = await findLosses(data);
  if (losses.length > 0 && !allowLoss) {
    return { kind: "refused", losses, overridable: true };
  }

  const workbook = new ExcelJS.Workbook();
  const pkg = await readWorkbookPackage(readZip(data));
  const canonical = pkg?.canonical === true;
  // A sheet name Excel would not take (LibreOffice and scripts write them): the user can
  // rename the sheet and fill again.
  const named = pkg && !canonical ? sheetNameProblem(pkg.sheets) : null;
  if (named !== null) {
    return { kind: "refused", losses: [`${named}; переименуйте лист`], overridable: false };
  }
  try {
    if (!canonical) {
      throw new Error("not canonical");
    }
    // exceljs types the argument as a Node Buffer, but JSZip under it takes any Uint8Array.
    await workbook.xlsx.load(data as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  } catch {
    // readGrids reads such a file through a rebuilt package, which keeps values and number
    // formats only: writing that back would lose the card's look (exceljs 1437, 104, 2802).
    return {
      kind: "refused",
      losses: ["оформление: книга записана программой, чьё оформление iom-kit не может сохранить"],
      overridable: false,
    };
  }
  restoreRowBreaks(workbook, await readRowBreaks(data));
  keepPrintAreas(workbook);
  return { kind: "open", workbook, losses };
}

function recordOf(grids: readonly Grid[]): FillRecordEntry[] {
  const record = grids.find((g) => g.name === RECORD_SHEET);
  return record ? readFillRecord(record) : [];
}

/**
 * Applies one sheet's writes. A level move is two writes (the old cell emptied, the new one
 * filled): both are made or neither. No write replaces a formula.
 */
function applyToSheet(
  sheet: Worksheet,
  grid: Grid,
  writes: readonly CellWrite[],
): { applied: AppliedWrite[]; skipped: SkippedWrite[] } {
  const applied: AppliedWrite[] = [];
  const skipped: SkippedWrite[] = [];
  const groups = groupMoves(writes);

  for (const group of groups) {
    const formula = group.find((w) => sheet.getCell(w.cell).type === ExcelJS.ValueType.Formula);
    if (formula) {
      for (const write of group) {
        skipped.push({ ...write, sheet: sheet.name, why: `в ячейке ${formula.cell} формула` });
      }
      continue;
    }
    for (const write of group) {
      applied.push(applyWrite(sheet, grid, write));
    }
  }
  widenAddedColumns(sheet, applied);
  return { applied, skipped };
}

function applyWrite(sheet: Worksheet, grid: Grid, write: CellWrite): AppliedWrite {
  const cell = sheet.getCell(write.cell);
  const { row, col } = parseAddress(write.cell);
  const before = grid.rows[row]?.[col];
  const result: AppliedWrite = { ...write, sheet: sheet.name };
  const numFmt = cell.numFmt as string | undefined;
  if (numFmt !== undefined && numFmt !== "General") {
    result.oldFormat = numFmt;
  }
  if (before?.date) {
    result.oldDate = true;
  }

  const priorFont = cell.font;
  // Fresh style objects only: exceljs shares one style object between the cells of a loaded
  // file that have the same style, and changing it in place would restyle them all (exceljs 2055).
  if (write.styleFrom) {
    cell.style = structuredClone(sheet.getCell(write.styleFrom).style);
  }
  if (write.format !== undefined) {
    cell.style = { ...structuredClone(cell.style), numFmt: write.format };
  }
  if (takesDerivedFont(write)) {
    const style = structuredClone(cell.style);
    result.oldFont = recordedFont(priorFont);
    style.font = {
      ...style.font,
      italic: DERIVED_FONT.italic,
      color: { argb: `FF${DERIVED_FONT.color}` },
    };
    cell.style = style;
  }
  cell.value =
    write.new === null
      ? null
      : write.date && typeof write.new === "number"
        ? excelDate(write.new)
        : write.new;
  return result;
}

function recordedFont(font: Partial<ExcelJS.Font> | undefined): RecordedFont {
  return {
    italic: font?.italic ?? null,
    color: font?.color ? (structuredClone(font.color) as RecordedFont["color"]) : null,
  };
}

/** Puts back what a cell's font had set before fill, where the font still is fill's. */
function restoreFont(cell: ExcelJS.Cell, old: RecordedFont): void {
  const font = cell.font as Partial<ExcelJS.Font> | undefined;
  if (font?.italic !== DERIVED_FONT.italic || font.color?.argb !== `FF${DERIVED_FONT.color}`) {
    return;
  }
  const { italic: _italic, color: _color, ...rest } = structuredClone(font);
  const restored: Partial<ExcelJS.Font> = { ...rest };
  if (old.italic !== null) {
    restored.italic = old.italic;
  }
  if (old.color !== null) {
    restored.color = old.color as Partial<ExcelJS.Color>;
  }
  cell.style = { ...structuredClone(cell.style), font: restored };
}

/**
 * A column fill added to a table («Динамика», «Контроль сроков») gets a width for its marks
 * where the sheet gave it none, so that they do not spill over the next columns.
 */
function widenAddedColumns(sheet: Worksheet, applied: readonly AppliedWrite[]): void {
  for (const write of applied) {
    const column = sheet.getColumn(parseAddress(write.cell).col + 1);
    if (write.styleFrom !== undefined && write.new !== null && column.width === undefined) {
      column.width = ADDED_COLUMN_WIDTH;
    }
  }
}

const ADDED_COLUMN_WIDTH = 18;

/** Writes grouped so that a level move's two halves stay together. */
function groupMoves(writes: readonly CellWrite[]): CellWrite[][] {
  const groups: CellWrite[][] = [];
  for (let i = 0; i < writes.length; i++) {
    const write = writes[i]!;
    const next = writes[i + 1];
    if (write.kind === "level-column" && next?.kind === "level-column" && write.new === null) {
      groups.push([write, next]);
      i++;
    } else {
      groups.push([write]);
    }
  }
  return groups;
}

/** The record sheet, rewritten whole: hidden, last, gone when it has nothing to record. */
function writeRecord(workbook: Workbook, entries: readonly FillRecordEntry[]): void {
  const existing = workbook.getWorksheet(RECORD_SHEET);
  if (existing) {
    workbook.removeWorksheet(existing.id);
  }
  if (entries.length === 0) {
    return;
  }

  const sheet = workbook.addWorksheet(RECORD_SHEET, { state: "hidden" });
  sheet.columns = [16, 10, 24, 24, 60, 12, 14, 14, 14, 24].map((width) => ({ width }));
  sheet.addRow([...RECORD_COLUMNS]).font = { bold: true };
  for (const entry of entries) {
    const row = sheet.addRow([
      entry.sheet,
      entry.cell,
      recorded(entry.old, entry.oldDate),
      recorded(entry.new, entry.newDate),
      entry.reason,
      entry.date,
      entry.oldFormat ?? null,
      entry.newFormat ?? null,
      entry.kind,
      entry.oldFont ? fontText(entry.oldFont) : null,
    ]);
    if (entry.oldDate) {
      row.getCell(3).numFmt = "dd.mm.yyyy";
    }
    if (entry.newDate) {
      row.getCell(4).numFmt = "dd.mm.yyyy";
    }
  }
}

function recorded(value: FillRecordEntry["old"], date: boolean | undefined): ExcelJS.CellValue {
  return date && typeof value === "number" ? excelDate(value) : value;
}

/**
 * A date for exceljs from a serial of the 1900 system: exceljs turns a Date into the serial of
 * the workbook's own system (1900 or 1904) from its UTC day.
 */
function excelDate(serial: number): Date {
  const day = serialToDate(serial);
  return new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()));
}

async function bytesOf(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A copy, so that nothing done to the workbook can touch the caller's bytes. */
function copyOf(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes.slice(0));
}

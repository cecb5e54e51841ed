import type { Raw } from "../../../lib/domain/card.js";
import { createCatalogue } from "../../../lib/domain/catalogue.js";
import type { Config } from "../../../lib/domain/config.js";
import { formatDay } from "../../../lib/domain/dates.js";
import { DERIVED_FONT } from "../../../lib/sheet/derived.js";
import type { AppliedWrite, FillRecordEntry, RecordedFont } from "../../../lib/sheet/fillRecord.js";
import {
  fontText,
  mergeFillRecord,
  ownCells,
  planUndo,
  RECORD_COLUMNS,
  readFillRecord,
} from "../../../lib/sheet/fillRecord.js";
import type { Grid, Range } from "../../../lib/sheet/grid.js";
import { parseAddress } from "../../../lib/sheet/grid.js";
import type { CellWrite } from "../../../lib/sheet/planFill.js";
import { changedCells, planFill, takesDerivedFont } from "../../../lib/sheet/planFill.js";
import { readCardSheet } from "../../../lib/sheet/readCard.js";
import { RECORD_SHEET } from "../../../lib/sheet/readCards.js";
import type { Capabilities } from "./capabilities.js";
import { readSheets } from "./readSheets.js";

export interface FillOptions {
  asOf: Date;
  config: Config;
  capabilities: Pick<Capabilities, "mergedAreas" | "copyFormats" | "formulaCells">;
  onProgress?: (done: number, total: number) => void;
}

export interface FillReport {
  cards: number;
  /** Cells written. */
  cells: number;
  /** Writes left out because a formula stands in one of their cells. */
  skipped: number;
}

/**
 * «Заполнить» in Excel: what `iom fill` does to a file, done to the open workbook — the derived
 * cells of every card sheet (`planFill`), in the template's italic dark grey of derived cells
 * (the cell's fill, borders and size stay), each change kept with its old value in the hidden
 * record sheet «iom-kit», so that a second fill updates its own cells and «Отменить
 * заполнение» puts them back, after a reopen too. A write into a cell holding a formula is left
 * out (with the other half of a percent's move). Three syncs: two to read (the cells that
 * hold formulas come with the values), one to write. Before ExcelApi 1.9, or where the cells
 * had to be read in blocks, the formulas of the cells to write are asked in a fourth.
 */
export async function fillSheets(
  context: Excel.RequestContext,
  options: FillOptions,
): Promise<FillReport> {
  const formulas = options.capabilities.formulaCells ? new Map<string, Range[]>() : undefined;
  const grids = await readSheets(context, {
    scope: "all",
    record: true,
    capabilities: options.capabilities,
    onProgress: options.onProgress,
    formulas,
  });
  const recordGrid = grids.find((grid) => grid.name === RECORD_SHEET);
  const previous = recordGrid ? readFillRecord(recordGrid) : [];
  const catalogue = createCatalogue(options.config);

  const planned: { grid: Grid; groups: Group[] }[] = [];
  for (const grid of grids) {
    const read = grid.name === RECORD_SHEET ? null : readCardSheet(grid);
    if (!read) {
      continue;
    }
    const writes = planFill(grid, read, {
      asOf: options.asOf,
      config: options.config,
      catalogue,
      own: ownCells(previous, grid.name),
    });
    planned.push({ grid, groups: groupWrites(context, grid.name, writes, formulas) });
  }
  if (planned.some(({ groups }) => groups.some((group) => group.asked.length > 0))) {
    await context.sync();
  }

  const applied: AppliedWrite[] = [];
  let skipped = 0;
  for (const { grid, groups } of planned) {
    for (const group of groups) {
      if (group.formula || group.asked.some((range) => hasFormula(range.formulas))) {
        skipped += group.writes.length;
        continue;
      }
      applied.push(
        ...group.writes.map((write) => applyWrite(context, grid, write, options.capabilities)),
      );
    }
  }
  writeRecord(
    context,
    mergeFillRecord(previous, applied, formatDay(options.asOf)),
    recordGrid !== undefined,
  );
  await context.sync();

  return { cards: planned.length, cells: changedCells(applied), skipped };
}

/**
 * «Отменить заполнение»: every cell the record lists that still holds what fill wrote gets its
 * old value and format back; a cell changed since is left as it is and stays in the record.
 * Works from the record sheet alone, so the pane may have been closed in between. A cell
 * emptied again keeps fill's italic grey font (the record, shared with `iom fill`, keeps values
 * and number formats). Three syncs: the sheets, their cells, the writes.
 *
 * @returns the cells put back and the cells left because they were changed.
 */
export async function undoFill(
  context: Excel.RequestContext,
  capabilities: Pick<Capabilities, "mergedAreas">,
): Promise<{ restored: number; changed: number }> {
  const grids = await readSheets(context, { scope: "all", record: true, capabilities });
  const recordGrid = grids.find((grid) => grid.name === RECORD_SHEET);
  if (!recordGrid) {
    return { restored: 0, changed: 0 };
  }

  const steps = planUndo(readFillRecord(recordGrid), grids);
  const kept: FillRecordEntry[] = [];
  for (const { entry, action } of steps) {
    if (action === "changed") {
      kept.push(entry);
      continue;
    }
    const range = context.workbook.worksheets.getItem(entry.sheet).getRange(entry.cell);
    if (entry.newFormat !== entry.oldFormat) {
      range.numberFormat = [[entry.oldFormat ?? "General"]];
    }
    if (entry.oldFont) {
      restoreFont(range, entry.oldFont);
    }
    range.values = [[cellValue(entry.old)]];
  }
  writeRecord(context, kept, true);
  await context.sync();
  return { restored: steps.length - kept.length, changed: kept.length };
}

/**
 * The font a fill by `iom fill` recorded, put back: the slant, and the colour where the file gave
 * one in RGB (Office.js sets no theme colour; automatic is black).
 */
function restoreFont(range: Excel.Range, old: RecordedFont): void {
  range.format.font.italic = old.italic ?? false;
  const argb = old.color === null ? "FF000000" : old.color.argb;
  if (typeof argb === "string" && /^[0-9A-F]{8}$/i.test(argb)) {
    range.format.font.color = `#${argb.slice(2)}`;
  }
}

interface Group {
  writes: CellWrite[];
  /** A cell of the group holds a formula, as the reading learnt. */
  formula: boolean;
  /** Cells the reading did not learn about, their formulas queued for loading. */
  asked: Excel.Range[];
}

/**
 * The writes in groups that stand or fall together (a percent's move clears one cell and fills
 * another, as fillWorkbook groups them), each knowing whether a formula stands in one of its
 * cells: from the formula cells the reading learnt, else from the cells' formulas, queued for
 * loading.
 */
function groupWrites(
  context: Excel.RequestContext,
  sheet: string,
  writes: readonly CellWrite[],
  formulas: ReadonlyMap<string, Range[]> | undefined,
): Group[] {
  const known = formulas?.get(sheet);
  const groups: Group[] = [];
  for (let i = 0; i < writes.length; i++) {
    const write = writes[i]!;
    const next = writes[i + 1];
    const members =
      write.kind === "level-column" && next?.kind === "level-column" && write.new === null
        ? [write, next]
        : [write];
    i += members.length - 1;

    if (known) {
      const formula = members.some((member) => inAny(known, parseAddress(member.cell)));
      groups.push({ writes: members, formula, asked: [] });
      continue;
    }
    const asked = members.map((member) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(member.cell);
      range.load("formulas");
      return range;
    });
    groups.push({ writes: members, formula: false, asked });
  }
  return groups;
}

function inAny(areas: readonly Range[], at: { row: number; col: number }): boolean {
  return areas.some(
    (area) =>
      at.row >= area.top && at.row <= area.bottom && at.col >= area.left && at.col <= area.right,
  );
}

function hasFormula(formulas: unknown[][]): boolean {
  const first = formulas[0]?.[0];
  return typeof first === "string" && first.startsWith("=");
}

function applyWrite(
  context: Excel.RequestContext,
  grid: Grid,
  write: CellWrite,
  capabilities: Pick<Capabilities, "copyFormats">,
): AppliedWrite {
  const { row, col } = parseAddress(write.cell);
  const before = grid.rows[row]?.[col];
  const applied: AppliedWrite = { ...write, sheet: grid.name };
  if (before?.format !== undefined) {
    applied.oldFormat = before.format;
  }
  if (before?.date) {
    applied.oldDate = true;
  }

  const range = context.workbook.worksheets.getItem(grid.name).getRange(write.cell);
  if (write.styleFrom && capabilities.copyFormats) {
    // A column fill adds to a table: the new cell looks like its neighbour (ExcelApi 1.9).
    range.copyFrom(
      context.workbook.worksheets.getItem(grid.name).getRange(write.styleFrom),
      "Formats",
    );
  }
  if (write.format !== undefined) {
    range.numberFormat = [[write.format]];
  }
  if (takesDerivedFont(write)) {
    range.format.font.italic = DERIVED_FONT.italic;
    range.format.font.color = `#${DERIVED_FONT.color}`;
  }
  range.values = [[cellValue(write.new)]];
  return applied;
}

/**
 * The record sheet rewritten whole, hidden, as the CLI writes it: so that either may fill the
 * workbook next and find the other's record. Gone when it has nothing to record.
 */
function writeRecord(
  context: Excel.RequestContext,
  entries: readonly FillRecordEntry[],
  exists: boolean,
): void {
  const worksheets = context.workbook.worksheets;
  if (exists) {
    worksheets.getItem(RECORD_SHEET).delete();
  }
  if (entries.length === 0) {
    return;
  }

  const sheet = worksheets.add(RECORD_SHEET);
  sheet.visibility = "Hidden";
  const rows: Raw[][] = [
    [...RECORD_COLUMNS],
    ...entries.map((entry) => [
      entry.sheet,
      entry.cell,
      entry.old,
      entry.new,
      entry.reason,
      entry.date,
      entry.oldFormat ?? null,
      entry.newFormat ?? null,
      entry.kind,
      entry.oldFont ? fontText(entry.oldFont) : null,
    ]),
  ];
  // Text stays text: Excel would read «01.09.2025» written as a value into a date of its own.
  const formats = rows.map((row, index) => {
    const entry = entries[index - 1];
    return row.map((value, col) =>
      col === 2 && entry?.oldDate
        ? "dd.mm.yyyy"
        : col === 3 && entry?.newDate
          ? "dd.mm.yyyy"
          : formatFor(value),
    );
  });
  const range = sheet.getRangeByIndexes(0, 0, rows.length, RECORD_COLUMNS.length);
  range.numberFormat = formats;
  range.values = rows.map((row) => row.map(cellValue));
}

function formatFor(value: Raw): string {
  return typeof value === "string" ? "@" : "General";
}

/** A value as Office.js takes it: "" for an empty cell. */
function cellValue(value: Raw): string | number | boolean {
  return value ?? "";
}

import type { Raw } from "../domain/card.js";
import type { Grid, GridCell } from "./grid.js";
import { parseAddress } from "./grid.js";
import type { CellWrite, FillKind, OwnCell } from "./planFill.js";
import { ADDED_HEADING } from "./planFill.js";
import { sameValue } from "./planFill.js";

/**
 * The record `iom fill` keeps of what it changed, one row a cell, in the hidden sheet
 * «iom-kit» (RECORD_SHEET): so that a second run knows which cells are its own and an undo can
 * put every old value back. The same rows serve the CLI and the add-in.
 */

/** The record sheet's columns, in order. */
export const RECORD_COLUMNS = [
  "Лист",
  "Ячейка",
  "Было",
  "Стало",
  "Причина",
  "Дата",
  "Формат (было)",
  "Формат (стало)",
  "Вид",
  "Шрифт (было)",
] as const;

/**
 * What a cell's font had set before fill gave it the font of derived cells (DERIVED_FONT), so
 * that an undo puts exactly that back.
 */
export interface RecordedFont {
  /** The slant the cell had set, or null where it set none (upright). */
  italic: boolean | null;
  /**
   * The colour the cell had set, as the file writes it — `{ argb: "FF1F4E79" }`, `{ theme: 1,
   * tint: -0.25 }` — or null where it set none (automatic).
   */
  color: Record<string, string | number> | null;
}

/** One cell fill changed: its value before the first fill, and now. */
export interface FillRecordEntry {
  sheet: string;
  cell: string;
  old: Raw;
  new: Raw;
  /** The value is a date serial (1900 system): written back as a date. */
  oldDate?: boolean;
  newDate?: boolean;
  oldFormat?: string;
  newFormat?: string;
  reason: string;
  /** The day of the fill, YYYY-MM-DD. */
  date: string;
  kind: FillKind;
  /**
   * The cell's font before the first fill gave it the derived look; absent where the writer
   * did not know it (the add-in learns no fonts) or left the font alone.
   */
  oldFont?: RecordedFont;
}

/** A planned write as the writer applied it: with the cell's number format before. */
export interface AppliedWrite extends CellWrite {
  sheet: string;
  oldFormat?: string;
  /** The old value was a date. */
  oldDate?: boolean;
  /** The font before the write gave the cell the derived look, where the writer knew it. */
  oldFont?: RecordedFont;
}

const KINDS = new Set<FillKind>(["level-column", "route-period", "stage", "comparison", "overdue"]);

/**
 * The entries of a record sheet's grid; rows that are not entries (a header, a row someone
 * typed) are passed over.
 */
export function readFillRecord(grid: Grid): FillRecordEntry[] {
  const entries: FillRecordEntry[] = [];
  for (const row of grid.rows.slice(1)) {
    const at = (index: number): GridCell | undefined => row?.[index] ?? undefined;
    const sheet = at(0)?.value;
    const cell = at(1)?.value;
    const kind = at(8)?.value;
    if (typeof sheet !== "string" || typeof cell !== "string" || !KINDS.has(kind as FillKind)) {
      continue;
    }
    const entry: FillRecordEntry = {
      sheet,
      cell,
      old: at(2)?.value ?? null,
      new: at(3)?.value ?? null,
      reason: String(at(4)?.value ?? ""),
      date: String(at(5)?.value ?? ""),
      kind: kind as FillKind,
    };
    if (at(2)?.date) {
      entry.oldDate = true;
    }
    if (at(3)?.date) {
      entry.newDate = true;
    }
    const oldFormat = at(6)?.value;
    const newFormat = at(7)?.value;
    if (typeof oldFormat === "string" && oldFormat !== "") {
      entry.oldFormat = oldFormat;
    }
    if (typeof newFormat === "string" && newFormat !== "") {
      entry.newFormat = newFormat;
    }
    const oldFont = parseFont(at(9)?.value);
    if (oldFont) {
      entry.oldFont = oldFont;
    }
    entries.push(entry);
  }
  return entries;
}

/** The cells of one sheet fill wrote before, for `planFill`'s `own`. */
export function ownCells(entries: readonly FillRecordEntry[], sheet: string): Map<string, OwnCell> {
  const own = new Map<string, OwnCell>();
  for (const entry of entries) {
    if (entry.sheet === sheet) {
      own.set(entry.cell, { value: entry.new, kind: entry.kind });
    }
  }
  return own;
}

/**
 * The record after a fill: a cell changed again keeps its first old value, one back at that
 * value is dropped, a new one is added.
 *
 * @example mergeFillRecord([], writes, "2025-11-16")
 */
export function mergeFillRecord(
  previous: readonly FillRecordEntry[],
  writes: readonly AppliedWrite[],
  date: string,
): FillRecordEntry[] {
  const entries = previous.map((entry) => ({ ...entry }));
  for (const write of writes) {
    const index = entries.findIndex((e) => e.sheet === write.sheet && e.cell === write.cell);
    const first = index >= 0 ? entries[index]! : undefined;
    const entry: FillRecordEntry = {
      sheet: write.sheet,
      cell: write.cell,
      old: first ? first.old : write.old,
      new: write.new,
      reason: write.reason,
      date,
      kind: write.kind,
    };
    const oldFormat = first ? first.oldFormat : write.oldFormat;
    const newFormat = write.format ?? oldFormat;
    if (oldFormat !== undefined) {
      entry.oldFormat = oldFormat;
    }
    if (newFormat !== undefined) {
      entry.newFormat = newFormat;
    }
    if (first ? first.oldDate : write.oldDate) {
      entry.oldDate = true;
    }
    if (write.date) {
      entry.newDate = true;
    }
    const oldFont = first ? first.oldFont : write.oldFont;
    if (oldFont) {
      entry.oldFont = oldFont;
    }

    // A cell back at its old value and format is no change any more, unless its font still
    // is fill's: the entry stays, so that an undo puts the font back.
    const back =
      sameValue(entry.old, entry.new) &&
      entry.oldFormat === entry.newFormat &&
      entry.oldFont === undefined;
    if (index >= 0) {
      entries.splice(index, 1);
    }
    if (!back) {
      entries.push(entry);
    }
  }
  return entries;
}

/**
 * A recorded font as the record sheet holds it: JSON, a technical column of a hidden sheet.
 *
 * @example fontText({ italic: null, color: null }) // '{"italic":null,"color":null}'
 */
export function fontText(font: RecordedFont): string {
  return JSON.stringify({ italic: font.italic, color: font.color });
}

function parseFont(value: Raw | undefined): RecordedFont | undefined {
  if (typeof value !== "string" || value === "") {
    return undefined;
  }
  try {
    const { italic, color } = JSON.parse(value) as Partial<RecordedFont>;
    const colorOk =
      color === null ||
      (typeof color === "object" &&
        color !== undefined &&
        Object.values(color).every((v) => typeof v === "string" || typeof v === "number"));
    const italicOk = italic === null || typeof italic === "boolean";
    return colorOk && italicOk ? { italic: italic!, color: color! } : undefined;
  } catch {
    return undefined;
  }
}

/** One cell an undo puts back, or one it leaves because someone changed it since. */
export interface UndoStep {
  entry: FillRecordEntry;
  /** `restore`: the cell still holds what fill wrote; `changed`: it holds something else now. */
  action: "restore" | "changed";
}

/**
 * What undoing every fill does: each recorded cell that still holds what fill wrote gets its
 * old value back; a cell changed since is left as it is.
 */
export function planUndo(entries: readonly FillRecordEntry[], grids: readonly Grid[]): UndoStep[] {
  const steps: UndoStep[] = entries.map((entry) => {
    const grid = grids.find((g) => g.name === entry.sheet);
    const current = grid ? valueAt(grid, entry.cell) : undefined;
    return { entry, action: grid && sameValue(current, entry.new) ? "restore" : "changed" };
  });

  // A moved result is two cells: the one it left and the one it went to. Both go back, or
  // neither: putting back one half of a move someone corrected since leaves a result in two
  // columns of the row.
  const moved = (step: UndoStep) =>
    step.entry.kind === "level-column"
      ? `${step.entry.sheet}!${parseAddress(step.entry.cell).row}`
      : null;
  const touched = new Set(steps.filter((step) => step.action === "changed").map(moved));

  // A heading fill added stays over a value someone typed below it since: that value is kept,
  // and would otherwise stand in a column with no heading.
  const column = (entry: FillRecordEntry) =>
    `${entry.sheet}!${entry.kind}!${parseAddress(entry.cell).col}`;
  const headed = new Set(
    steps.filter((step) => step.action === "changed").map((step) => column(step.entry)),
  );
  return steps.map((step) =>
    step.action === "restore" &&
    ((moved(step) !== null && touched.has(moved(step))) ||
      (step.entry.reason === ADDED_HEADING && headed.has(column(step.entry))))
      ? { ...step, action: "changed" }
      : step,
  );
}

function valueAt(grid: Grid, address: string): Raw {
  const { row, col } = parseAddress(address);
  return grid.rows[row]?.[col]?.value ?? null;
}

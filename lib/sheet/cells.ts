import type { Raw } from "../domain/card.js";
import type { Grid, GridCell } from "./grid.js";
import { cellAt } from "./grid.js";

/**
 * The raw value of a grid cell for the card: text trimmed, a form's blank (`________`) and
 * control characters (no one types them; another program's `_x0001_` escapes leave them)
 * dropped, a cached error or a formula without result as empty (the reader reports those
 * separately), a date as its serial, a number that is none (NaN) as empty.
 */
export function rawOf(cell: GridCell | undefined): Raw {
  if (!cell || cell.error !== undefined || cell.formulaWithoutResult) {
    return null;
  }
  if (typeof cell.value === "string") {
    const text = cell.value
      // eslint-disable-next-line no-control-regex -- control characters are what goes
      .replace(/[\x00-\x08\x0e-\x1f\x7f]/g, "")
      // Word's line break (a vertical tab), pasted into a cell.
      .replace(/[\v\f]/g, "\n")
      .replace(/_{3,}/g, " ")
      .replace(/[ \t]+\n/g, "\n")
      .trim();
    return text === "" ? null : text;
  }
  // NaN and infinities: no spreadsheet stores them, a broken file's cell may read as one.
  if (typeof cell.value === "number" && !Number.isFinite(cell.value)) {
    return null;
  }
  return cell.value;
}

/** The text of a cell for matching labels: strings only, numbers and dates are never labels. */
export function textAt(grid: Grid, row: number, col: number): string {
  const cell = cellAt(grid, row, col);
  return typeof cell?.value === "string" ? cell.value : "";
}

/**
 * Whether a cell shows its number as a percent: a «%» in its format outside quoted text,
 * brackets and escapes.
 */
export function isPercentFormat(cell: GridCell | undefined): boolean {
  const format = cell?.format;
  if (!format) {
    return false;
  }
  return format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").includes("%");
}

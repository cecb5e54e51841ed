import type { GridCell, Range } from "../sheet/grid.js";
import { parseAttributes } from "./xml.js";

/**
 * The merged ranges a worksheet's XML lists (`<mergeCell ref="A1:D1"/>`), 0-based, in the
 * order written; a range overlapping one listed before it is left out, as Excel cannot have
 * it and the rebuilt package drops it (exceljs throws «Cannot merge already merged cells»).
 * iom-kit reads them itself rather than having exceljs merge them on load: exceljs makes a
 * cell object for every cell of every range (a card has some fifty ranges), which the grid
 * does not need.
 *
 * @example readMergeCells('<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>')
 * // [{ top: 0, left: 1, bottom: 0, right: 2 }]
 */
export function readMergeCells(xml: string): Range[] {
  const ranges: Range[] = [];
  for (const match of xml.matchAll(/<mergeCell\b([^>]*)>/g)) {
    const range = parseRange(parseAttributes(match[1]!).get("ref") ?? "");
    if (range && !ranges.some((other) => overlaps(range, other))) {
      ranges.push(range);
    }
  }
  return ranges;
}

/**
 * Empties every cell of each merged range but its top-left one, as Excel shows them and as
 * exceljs loads them (a value another program repeated there is not the cell's own), then
 * trims the rows so that a row ends with its last cell and the grid with its last such row.
 */
export function clearMergedCells(rows: (GridCell | null)[][], merges: readonly Range[]): void {
  for (const merge of merges) {
    for (let r = merge.top; r <= merge.bottom && r < rows.length; r++) {
      const row = rows[r];
      for (let c = merge.left; row && c <= merge.right && c < row.length; c++) {
        if (r !== merge.top || c !== merge.left) {
          row[c] = null;
        }
      }
    }
  }
  for (const row of rows) {
    while (row && row.length > 0 && row[row.length - 1] === null) {
      row.pop();
    }
  }
  while (rows.length > 0 && !rows[rows.length - 1]?.length) {
    rows.pop();
  }
}

/** A range in A1 form («B4», «$A$1:D1»), 0-based; undefined where the text is none. */
export function parseRange(ref: string): Range | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!match) {
    return undefined;
  }
  const a = { col: columnIndex(match[1]!), row: Number(match[2]) - 1 };
  const b = match[3] ? { col: columnIndex(match[3]), row: Number(match[4]) - 1 } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Whether two ranges share a cell. */
export function overlaps(a: Range, b: Range): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) {
    n = n * 26 + letter.charCodeAt(0) - 64;
  }
  return n - 1;
}

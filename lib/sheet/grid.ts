/**
 * A neutral grid of cells: what both adapters (exceljs for files, Office.js in Excel) turn a
 * sheet into, and all the card reader sees. Plain data, so it crosses worker threads and
 * `postMessage` as it is.
 */

/** A cell as the sheet stores it. */
export interface GridCell {
  /**
   * Text, a number, a boolean, or null. Dates are Excel serials of the 1900 system whatever
   * the workbook's own system, with `date` set.
   */
  value: string | number | boolean | null;
  /** What the user sees, where the adapter knows it (Office.js `text`); else absent. */
  text?: string;
  /** The number format («0%», «dd.mm.yyyy», «[$-419]D MMMM YYYY»), where not General. */
  format?: string;
  /** The value is a date (by the format or the file's own type). */
  date?: boolean;
  /** A cached formula error: `#REF!`, `#N/A`, `#DIV/0!`… The value is then null. */
  error?: string;
  /** A formula saved with no computed result: its value is unknown, not empty. */
  formulaWithoutResult?: boolean;
  /** A hyperlink's target, where the cell is one. */
  hyperlink?: string;
}

/** A rectangle of cells, 0-based, both corners included. */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sheet. */
export interface Grid {
  name: string;
  /** Rows of cells from A1, 0-based; a missing cell is empty. */
  rows: (GridCell | null | undefined)[][];
  /** Merged ranges; the value stands in the top-left cell (some programs repeat it). */
  merges: Range[];
  state?: "visible" | "hidden" | "veryHidden";
}

/**
 * The cell at a position, a merged range's top-left cell standing for the whole range.
 *
 * @example cellAt(grid, 3, 1) // the cell B4
 */
export function cellAt(grid: Grid, row: number, col: number): GridCell | undefined {
  const own = grid.rows[row]?.[col] ?? undefined;
  if (own && !isBlank(own)) {
    return own;
  }
  const merge = mergeAt(grid, row, col);
  if (merge && (merge.top !== row || merge.left !== col)) {
    return grid.rows[merge.top]?.[merge.left] ?? undefined;
  }
  return own;
}

/** The merged range a cell belongs to, if any. */
export function mergeAt(grid: Grid, row: number, col: number): Range | undefined {
  return mergesOfRow(grid, row).find((m) => col >= m.left && col <= m.right);
}

/**
 * The merged ranges that cover a row. A card has dozens of merges and the reader asks of
 * every cell it looks at: an index by row, made once per grid, keeps that a lookup. A grid
 * is not changed after it is read (a new grid is made instead), so the index stays true.
 */
export function mergesOfRow(grid: Grid, row: number): readonly Range[] {
  let index = mergeIndexes.get(grid);
  if (!index || index.count !== grid.merges.length) {
    index = indexMerges(grid.merges);
    mergeIndexes.set(grid, index);
  }
  const listed = index.byRow.get(row) ?? NONE;
  if (index.tall.length === 0) {
    return listed;
  }
  return [...listed, ...index.tall.filter((m) => row >= m.top && row <= m.bottom)];
}

interface MergeIndex {
  count: number;
  byRow: Map<number, Range[]>;
  /** Ranges too tall to list row by row (a whole column merged): checked one by one. */
  tall: Range[];
}

const mergeIndexes = new WeakMap<Grid, MergeIndex>();
const NONE: readonly Range[] = [];
const TALL = 1000;

function indexMerges(merges: readonly Range[]): MergeIndex {
  const byRow = new Map<number, Range[]>();
  const tall: Range[] = [];
  for (const merge of merges) {
    if (merge.bottom - merge.top >= TALL) {
      tall.push(merge);
      continue;
    }
    for (let row = merge.top; row <= merge.bottom; row++) {
      const list = byRow.get(row);
      if (list) {
        list.push(merge);
      } else {
        byRow.set(row, [merge]);
      }
    }
  }
  return { count: merges.length, byRow, tall };
}

/** Whether a cell holds nothing: no value, no error, no unknown formula result. */
export function isBlank(cell: GridCell | null | undefined): boolean {
  if (!cell) {
    return true;
  }
  if (cell.error !== undefined || cell.formulaWithoutResult) {
    return false;
  }
  return cell.value === null || (typeof cell.value === "string" && cell.value.trim() === "");
}

/** How many columns the widest row has. */
export function columnCount(grid: Grid): number {
  let count = 0;
  for (const row of grid.rows) {
    if (row && row.length > count) {
      count = row.length;
    }
  }
  for (const merge of grid.merges) {
    count = Math.max(count, merge.right + 1);
  }
  return count;
}

/**
 * A cell's address in A1 form from 0-based row and column.
 *
 * @example cellAddress(3, 1) // "B4"
 */
export function cellAddress(row: number, col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}

/**
 * 0-based row and column of an A1 address («$B$4» too).
 *
 * @throws {RangeError} when the text is not an address.
 */
export function parseAddress(address: string): { row: number; col: number } {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(address.trim());
  if (!match) {
    throw new RangeError(`«${address}» не адрес ячейки вида B4`);
  }
  let col = 0;
  for (const letter of match[1]!.toUpperCase()) {
    col = col * 26 + (letter.charCodeAt(0) - 64);
  }
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/**
 * A sheet's name as Excel writes it before `!`: quoted where it holds anything but letters,
 * digits and underscores or could be read as an address, an inner quote doubled.
 *
 * @example sheetReference("Карта ИОМ (2)") // "'Карта ИОМ (2)'"
 * @example sheetReference("Лист1") // "Лист1"
 */
export function sheetReference(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[a-z]{1,3}\d+$/i.test(name) &&
    !/^r\d*c\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * A grid from plain values, for tests and for callers that have rows already.
 *
 * @example gridOf("Лист1", [["ФИО педагога", "Иванова А. П."]])
 */
export function gridOf(
  name: string,
  values: readonly (readonly (string | number | boolean | null | GridCell | undefined)[])[],
  merges: Range[] = [],
): Grid {
  return {
    name,
    rows: values.map((row) =>
      row.map((value) =>
        value === undefined || value === null
          ? null
          : typeof value === "object"
            ? value
            : { value },
      ),
    ),
    merges,
  };
}

import type { Range } from "../../../lib/sheet/grid.js";
import { cellAddress, parseAddress } from "../../../lib/sheet/grid.js";

/**
 * A workbook as the stand-in for the Excel API keeps it: plain data, so a test can build it
 * in Node or hand it to a page as JSON.
 */
export interface WorkbookData {
  /** The workbook's file name. */
  name?: string;
  sheets: SheetData[];
  /** The active sheet's name; the first sheet by default. */
  active?: string;
  /** The highest ExcelApi set the host supports, e.g. "1.18" or "1.8". */
  apiVersion?: string;
  /** Bytes a request's answer may take (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** Settings saved in the workbook. */
  settings?: Record<string, unknown>;
}

export interface SheetData {
  name: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Rows of values from A1; an object gives a number format too. */
  cells: (
    string | number | boolean | null | { value: string | number | boolean; format: string }
  )[][];
  /** Merged ranges in A1 form, «A1:C1». */
  merges?: string[];
  /** Fill colours by cell, «B4»: "#FFFF00". */
  fills?: Record<string, string>;
  /** Notes by cell. */
  notes?: Record<string, string>;
  /** Number formats of cells with no value, «B4»: "dd.mm.yyyy". */
  formats?: Record<string, string>;
}

/** A cell of the live model. */
export interface CellState {
  value: string | number | boolean;
  format: string;
  /** A formula, «=A1+1», whose cached result is `value`. */
  formula?: string;
}

/** A drop-down list and its messages, as `Range.dataValidation` sets them (ExcelApi 1.8). */
export interface ValidationState {
  /** The list's source, «=Список_компетенций»; absent for an input message alone. */
  list?: string;
  prompt?: { title: string; message: string };
  /** Excel's alert for a value off the list: «Warning» lets the user keep it. */
  alert?: { style: string; title: string; message: string };
}

/** A rule of conditional formatting (ExcelApi 1.6). */
export interface ConditionalState {
  range: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  barColor?: string;
}

/** A chart (ExcelApi 1.1, 1.7): what it shows as its source range held it when added. */
export interface ChartState {
  type: string;
  /** The source range, «A12:E27». */
  source: string;
  seriesBy: string;
  /** The series: names from the source's first row, values from its columns. */
  series: { name: string; values: number[] }[];
  /** The categories: the source's first column below its first row. */
  categories: string[];
  title: string | null;
  valueAxisTitle: string | null;
  reversePlotOrder: boolean;
  colors: string[];
  position: { from: string; to: string } | null;
}

/** A sheet of the live model. */
export class SheetState {
  readonly cells = new Map<string, CellState>();
  readonly fills = new Map<string, { color: string; pattern: string }>();
  readonly notes = new Map<string, string>();
  /** Number formats of cells with no value. */
  readonly formats = new Map<string, string>();
  merges: Range[];
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** What the adapter set of each cell's look: «font.bold», «border.EdgeTop.style», … */
  readonly styles = new Map<string, Record<string, unknown>>();
  readonly validations = new Map<string, ValidationState>();
  readonly conditional: ConditionalState[] = [];
  readonly charts: ChartState[] = [];
  /** Hyperlinks by cell key: a place in this workbook, or an address outside it. */
  readonly links = new Map<string, { documentReference?: string; address?: string }>();
  /** Names scoped to the sheet, with their formulas, «='Карта'!$A$3:$H$24». */
  readonly names = new Map<string, string>();
  /** Widths and heights in points, by 0-based column and row. */
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  frozenRows = 0;
  showGridlines = true;
  /** Print set-up (ExcelApi 1.9), as set: «orientation», «printTitleRows», … */
  readonly pageLayout: Record<string, unknown> = {};
  autoFilter: string | null = null;

  constructor(
    public name: string,
    data: SheetData,
  ) {
    this.visibility = data.visibility ?? "Visible";
    data.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null || cell === "") {
          return;
        }
        const state = typeof cell === "object" ? cell : { value: cell, format: "General" };
        this.cells.set(key(r, c), { ...state });
      }),
    );
    this.merges = (data.merges ?? []).map(parseRange);
    for (const [address, color] of Object.entries(data.fills ?? {})) {
      const { row, col } = parseAddress(address);
      this.fills.set(key(row, col), { color, pattern: "Solid" });
    }
    for (const [address, content] of Object.entries(data.notes ?? {})) {
      this.notes.set(normalize(address), content);
    }
    for (const [address, format] of Object.entries(data.formats ?? {})) {
      const { row, col } = parseAddress(address);
      this.formats.set(key(row, col), format);
    }
  }

  /** The sheet as data again: what a workbook saved and opened again holds. */
  toData(): SheetData {
    const cells: SheetData["cells"] = [];
    for (const [at, cell] of this.cells) {
      const [r, c] = at.split(",").map(Number) as [number, number];
      const row = (cells[r] ??= []);
      row[c] = cell.format === "General" && cell.formula === undefined ? cell.value : { ...cell };
    }
    for (let r = 0; r < cells.length; r++) {
      cells[r] = Array.from(cells[r] ?? [], (cell) => cell ?? null);
    }
    const address = (at: string) => {
      const [r, c] = at.split(",").map(Number) as [number, number];
      return cellAddress(r, c);
    };
    return {
      name: this.name,
      visibility: this.visibility,
      cells,
      merges: this.merges.map(
        (m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`,
      ),
      fills: Object.fromEntries(
        [...this.fills]
          .filter(([, f]) => f.pattern !== "None")
          .map(([at, f]) => [address(at), f.color]),
      ),
      notes: Object.fromEntries(this.notes),
      formats: Object.fromEntries([...this.formats].map(([at, f]) => [address(at), f])),
    };
  }

  /** The used range by values, as `getUsedRange(true)` sees it; null for an empty sheet. */
  usedRange(): Range | null {
    let range: Range | null = null;
    for (const k of this.cells.keys()) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      range = range
        ? {
            top: Math.min(range.top, r),
            left: Math.min(range.left, c),
            bottom: Math.max(range.bottom, r),
            right: Math.max(range.right, c),
          }
        : { top: r, left: c, bottom: r, right: c };
    }
    return range;
  }

  /**
   * Sets a cell's value as Office.js `values` does: "" empties it, the format stays. A text
   * beginning with =, +, − or @ is a formula, as if typed, unless the cell is formatted as text
   * («@») or the text begins with an apostrophe (which Excel keeps out of the value).
   */
  setValue(row: number, col: number, value: string | number | boolean): void {
    const format =
      this.cells.get(key(row, col))?.format ?? this.formats.get(key(row, col)) ?? "General";
    if (value === "") {
      this.cells.delete(key(row, col));
      this.formats.set(key(row, col), format);
    } else if (typeof value === "string" && value.startsWith("'")) {
      this.cells.set(key(row, col), { value: value.slice(1), format });
    } else if (typeof value === "string" && format !== "@" && /^[=+\-@]/.test(value)) {
      const formula = value.startsWith("=") ? value : `=${value}`;
      this.cells.set(key(row, col), { value: "#NAME?", format, formula });
    } else {
      this.cells.set(key(row, col), { value, format });
    }
  }

  /** Records a property of a cell's look. */
  setStyle(row: number, col: number, name: string, value: unknown): void {
    const style = this.styles.get(key(row, col)) ?? {};
    style[name] = value;
    this.styles.set(key(row, col), style);
  }

  styleAt(row: number, col: number): Record<string, unknown> {
    return this.styles.get(key(row, col)) ?? {};
  }

  setFormat(row: number, col: number, format: string): void {
    const cell = this.cells.get(key(row, col));
    if (cell) {
      cell.format = format;
      delete cell.formula;
    } else {
      this.formats.set(key(row, col), format);
    }
  }

  formatAt(row: number, col: number): string {
    return this.cells.get(key(row, col))?.format ?? this.formats.get(key(row, col)) ?? "General";
  }

  fillAt(row: number, col: number): { color: string; pattern: string } {
    return this.fills.get(key(row, col)) ?? { color: "#FFFFFF", pattern: "None" };
  }
}

export function key(row: number, col: number): string {
  return `${row},${col}`;
}

/** «b4» and «$B$4» as «B4». */
export function normalize(address: string): string {
  const { row, col } = parseAddress(address);
  return cellAddress(row, col);
}

export function parseRange(text: string): Range {
  const [from, to] = text.split(":");
  const a = parseAddress(from!);
  const b = parseAddress(to ?? from!);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

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

/** A sheet of the live model. */
export class SheetState {
  readonly cells = new Map<string, CellState>();
  readonly fills = new Map<string, { color: string; pattern: string }>();
  readonly notes = new Map<string, string>();
  /** Number formats of cells with no value. */
  readonly formats = new Map<string, string>();
  merges: Range[];
  visibility: "Visible" | "Hidden" | "VeryHidden";

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

  /** Sets a cell's value as Office.js `values` does: "" empties it, the format stays. */
  setValue(row: number, col: number, value: string | number | boolean): void {
    const format =
      this.cells.get(key(row, col))?.format ?? this.formats.get(key(row, col)) ?? "General";
    if (value === "") {
      this.cells.delete(key(row, col));
      this.formats.set(key(row, col), format);
    } else {
      this.cells.set(key(row, col), { value, format });
    }
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

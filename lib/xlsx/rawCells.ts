/**
 * Cells read from a worksheet's XML directly, for the few formula cells whose cached result
 * exceljs loses: it keeps no result when `<v>` is empty (a formula that returned "") and
 * turns a text or error result in a date-formatted cell into an Invalid Date. Only sheets
 * holding such cells are scanned.
 */

/** A cell as the XML has it. */
export interface RawCell {
  /** The `t` attribute: `str`, `e`, `b`, `d`, `s`, `inlineStr`, or undefined for a number. */
  type: string | undefined;
  /** The text of `<v>`, "" when it is empty, undefined when the cell has no `<v>`. */
  value: string | undefined;
}

const CELL =
  /<(?:[\w.-]+:)?c\b((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const VALUE = /<(?:[\w.-]+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/;

/** The cells at the given A1 addresses (upper case, no `$`). */
export function findRawCells(xml: string, addresses: ReadonlySet<string>): Map<string, RawCell> {
  const found = new Map<string, RawCell>();
  for (const match of xml.matchAll(CELL)) {
    const attributes = match[1]!;
    const r = /\sr\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
    if (r === undefined || !addresses.has(r)) {
      continue;
    }
    const value = VALUE.exec(match[2] ?? "");
    found.set(r, {
      type: /\st\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1],
      value: value ? (value[1] ?? "") : undefined,
    });
    if (found.size === addresses.size) {
      break;
    }
  }
  return found;
}

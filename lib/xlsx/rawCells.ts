/**
 * Cells read from a worksheet's XML directly, for the few cells exceljs misreads: it keeps no
 * result when a formula's `<v>` is empty (a formula that returned ""), turns a text or error
 * result in a date-formatted cell into an Invalid Date, and reads a date stored as ISO text
 * (`t="d"`) as its year. Only sheets holding such cells are scanned.
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
  return collect(xml, (address) => addresses.has(address), addresses.size);
}

/**
 * The cells typed `t="d"`, dates stored as ISO 8601 text (Strict Open XML, openpyxl with
 * `iso_dates`), by address; none without scanning where the sheet has no such cell.
 *
 * @example findDateCells('<c r="C18" t="d"><v>2026-10-01</v></c>') // Map { "C18" => { type: "d", value: "2026-10-01" } }
 */
export function findDateCells(xml: string): Map<string, RawCell> {
  if (!DATE_TYPED.test(xml)) {
    return new Map();
  }
  return collect(xml, (_, attributes) => TYPE.exec(attributes)?.[1] === "d");
}

const ADDRESS = /\sr\s*=\s*["']([^"']*)["']/;
const TYPE = /\st\s*=\s*["']([^"']*)["']/;
const DATE_TYPED = /<(?:[\w.-]+:)?c\b[^>]*?\st\s*=\s*["']d["']/;

function collect(
  xml: string,
  wanted: (address: string, attributes: string) => boolean,
  limit = Infinity,
): Map<string, RawCell> {
  const found = new Map<string, RawCell>();
  for (const match of xml.matchAll(CELL)) {
    const attributes = match[1]!;
    const r = ADDRESS.exec(attributes)?.[1];
    if (r === undefined || !wanted(r, attributes)) {
      continue;
    }
    const value = VALUE.exec(match[2] ?? "");
    found.set(r, {
      type: TYPE.exec(attributes)?.[1],
      value: value ? (value[1] ?? "") : undefined,
    });
    if (found.size === limit) {
      break;
    }
  }
  return found;
}

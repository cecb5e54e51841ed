/**
 * The cells of a worksheet's rows read from its XML directly, for sheets too large for
 * exceljs: exceljs builds a row, a cell and a model object for each cell it reads, and a sheet
 * of 100 000 rows read through it peaked above 700 MB (issue 8 asks for 500). What each cell
 * yields is what exceljs gives for it, down to its quirks (noted where they are), so that a
 * large sheet reads into the same grid as a small one (sheetCells.test.ts compares the two).
 */
import { parseAddress } from "../sheet/grid.js";
import { DAYS_1904, serialFromDate } from "./numberFormat.js";
import type { RawCell } from "./rawCells.js";
import { decodeEntities, detach, parseAttributes } from "./xml.js";

/** A cell as exceljs would give it, with its number format and hyperlink. */
export type SheetCell = {
  /** 0-based. */
  row: number;
  col: number;
  /** The format as exceljs names it (`mm-dd-yy` for the built-in 14), none for General. */
  numFmt: string | undefined;
  /** The target of an external hyperlink on the cell. */
  hyperlink?: string;
} & (
  | { formula: false; raw?: undefined; value: string | number | boolean | { error: string } }
  /**
   * A value readGrids reads from the XML itself (see rawCells.ts): a formula's cached result,
   * or a date stored as ISO text (`t="d"`), which exceljs reads as its year.
   */
  | { formula: boolean; raw: RawCell }
);

/** What the cells of a workbook's sheets refer to, read once for the workbook. */
export interface SheetCellsContext {
  /** The shared strings as text, rich text flattened; null for an `<si>` with no text node. */
  strings: readonly (string | null)[];
  /** Number formats by cell style index (`s`). */
  formats: ReadonlyMap<number, string>;
  /** External hyperlink targets by cell address, of the sheet being read. */
  links: ReadonlyMap<string, string>;
  /** The workbook counts dates from 1904. */
  date1904: boolean;
}

const CELL = /<c\b((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(?:\/>|>([\s\S]*?)<\/c>)/g;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const VALUE = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/;

/**
 * The cells of a run of `<row>` elements (as `repairWorksheet` leaves them: every cell with
 * its `r`), in document order. Cells with no value are left out, as exceljs leaves them empty.
 *
 * @example [...sheetCells('<row r="1"><c r="A1"><v>5</v></c></row>', context)] // [{ row: 0, col: 0, formula: false, value: 5, numFmt: undefined }]
 */
export function* sheetCells(xml: string, context: SheetCellsContext): Generator<SheetCell> {
  for (const match of xml.matchAll(CELL)) {
    const attributes = parseAttributes(match[1] ?? "");
    const address = attributes.get("r");
    if (address === undefined) {
      continue;
    }
    const body = match[2] ?? "";
    const type = attributes.get("t");
    const style = attributes.get("s");
    const numFmt = style === undefined ? undefined : context.formats.get(parseInt(style, 10));
    const hyperlink = context.links.get(address);
    const { row, col } = parseAddress(address);

    const formula = FORMULA.exec(body);
    // exceljs takes a cell for a formula where <f> has text or a type (a shared formula's
    // other cells: `<f t="shared" si="0"/>`); an empty <f/> is no formula.
    if (formula && ((formula[2] ?? "") !== "" || /\st\s*=/.test(` ${formula[1]}`))) {
      let value = VALUE.exec(body)?.[1];
      if (value && isNumberType(type) && isExceljsDate(numFmt)) {
        value = String(asExceljsDate(parseFloat(value), context.date1904));
      }
      const raw: RawCell = { type, value: value === undefined ? undefined : detach(value) };
      yield { row, col, numFmt, ...(hyperlink && { hyperlink }), formula: true, raw };
      continue;
    }

    if (type === "d") {
      const iso = VALUE.exec(body)?.[1];
      if (iso) {
        const raw: RawCell = { type, value: detach(iso) };
        yield { row, col, numFmt, ...(hyperlink && { hyperlink }), formula: false, raw };
      }
      continue;
    }

    let value = plainValue(type, body, context);
    if (typeof value === "number" && isExceljsDate(numFmt)) {
      value = asExceljsDate(value, context.date1904);
    }
    if (value !== undefined) {
      yield { row, col, numFmt, ...(hyperlink && { hyperlink }), formula: false, value };
    }
  }
}

/**
 * The shared strings part's items as text: the runs of a rich text joined, phonetic runs left
 * out, `_x000D_`-style escapes decoded (as exceljs's TextXform does).
 */
export function sharedStringTexts(xml: string): (string | null)[] {
  const texts: (string | null)[] = [];
  for (const match of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    const body = (match[1] ?? "").replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
    const runs = [...body.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)];
    // exceljs reads an <si> with no text node as an empty object: a cell with no value.
    texts.push(
      runs.length === 0
        ? null
        : detach(unescapeControl(runs.map((run) => decodeEntities(run[1] ?? "")).join(""))),
    );
  }
  return texts;
}

function plainValue(
  type: string | undefined,
  body: string,
  context: SheetCellsContext,
): string | number | boolean | { error: string } | undefined {
  if (type === "inlineStr") {
    return inlineText(body);
  }
  const v = VALUE.exec(body)?.[1];
  if (v === undefined || v === "") {
    return undefined;
  }
  switch (type) {
    case "s":
      // exceljs leaves an index past the part's end, or an empty item, with no text.
      return context.strings[parseInt(v, 10)] ?? undefined;
    case "str":
      // exceljs decodes a `str` value's entities twice (cell-xform.js, xmlDecode after sax).
      return detach(decodeEntities(decodeEntities(v)));
    case "b":
      return parseInt(v, 10) !== 0;
    case "e":
      return { error: detach(v) };
    default:
      return parseFloat(v);
  }
}

/**
 * An inline string's text: rich runs joined, or the plain `<t>`, phonetic runs left out and
 * escapes decoded (as exceljs reads the XML `inlineStringsForExceljs` gives it); none where it
 * holds no text, as exceljs gives none.
 */
function inlineText(body: string): string | undefined {
  const is = /<is\b[^>]*?(?:\/>|>([\s\S]*?)<\/is>)/.exec(body)?.[1] ?? "";
  const texts = (xml: string) =>
    [...xml.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)].map((t) => decodeEntities(t[1] ?? ""));
  const runs = [...is.matchAll(/<r\b[^>]*>([\s\S]*?)<\/r>/g)];
  if (runs.length > 0) {
    return detach(unescapeControl(runs.flatMap((run) => texts(run[1]!)).join("")));
  }
  const text = texts(is.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "")).join("");
  return text === "" ? undefined : detach(unescapeControl(text));
}

function isNumberType(type: string | undefined): boolean {
  return type === undefined || type === "n";
}

/**
 * Whether exceljs makes a Date of a number in this format (utils.isDateFmt: any of y m d h s
 * b outside quotes and brackets), which readGrids turns back into a serial.
 */
function isExceljsDate(numFmt: string | undefined): boolean {
  return numFmt !== undefined && /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]|"[^"]*"/g, ""));
}

/**
 * A serial as it comes back from exceljs's Date: rounded to the millisecond (utils.excelToDate)
 * and from there by `serialFromDate`, which takes a millisecond before midnight for midnight.
 */
function asExceljsDate(serial: number, date1904: boolean): number {
  const shift = date1904 ? DAYS_1904 : 0;
  const ms = Math.round((serial - UNIX_EPOCH + shift) * MS_PER_DAY);
  return serialFromDate(new Date(ms)) - shift;
}

const UNIX_EPOCH = 25_569;
const MS_PER_DAY = 86_400_000;

/**
 * `_x000D_` and the like: how OOXML escapes characters XML cannot hold (ST_Xstring), and
 * `_x005F_` an underscore that would otherwise start one. Upper-case digits only, as Excel
 * writes them and exceljs's TextXform decodes them.
 */
function unescapeControl(text: string): string {
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

import type { Cell, CellErrorValue, CellRichTextValue, Workbook, Worksheet } from "exceljs";

import type { Grid, GridCell } from "../sheet/grid.js";
import { checkParts } from "./checkParts.js";
import { exceljs, ValueType } from "./exceljs.js";
import { clearMergedCells, readMergeCells } from "./mergeCells.js";
import {
  DAYS_1904,
  isDateFormat,
  reportedFormat,
  serialFromDate,
  serialFromIso,
} from "./numberFormat.js";
import { findDateCells, findRawCells, type RawCell } from "./rawCells.js";
import { rebuildPackage, rowSlices } from "./repair.js";
import { sheetCells, type SheetCellsContext } from "./sheetCells.js";
import { slimPackage } from "./slimPackage.js";
import { NOT_A_WORKBOOK, sniffNonZip, sniffZip } from "./sniff.js";
import { UnreadableWorkbookError } from "./unreadableWorkbookError.js";
import { readWorkbookPackage, type SheetPart, type WorkbookPackage } from "./workbookPackage.js";
import { decodeEntities, detach } from "./xml.js";
import { readZip, ZipFormatError, type ZipArchive } from "./zip.js";

export { UnreadableWorkbookError } from "./unreadableWorkbookError.js";
export type { UnreadableReason } from "./unreadableWorkbookError.js";

export interface ReadGridsOptions {
  /** The file's name, for error messages. */
  fileName?: string;
}

/** Refuse archives declaring more than this much uncompressed data… */
const MAX_UNCOMPRESSED = 1024 * 1024 * 1024;
/** …or more than this much at a ratio no real workbook reaches. */
const MAX_UNCOMPRESSED_AT_RATIO = 100 * 1024 * 1024;
const MAX_RATIO = 100;
/**
 * A worksheet part larger than this (about 200 000 cells; a card's sheet is some 100 KB) has
 * its rows read from the XML by iom-kit (sheetCells.ts), a slice of about this size at a time:
 * exceljs keeps some 500 bytes a cell, so a sheet of 100 000 rows loaded whole took 500 MB,
 * and loaded by exceljs a slice at a time still peaked at 1 GB (issue 8).
 */
const SLICE_FROM = 8 * 1024 * 1024;
const SLICE_SIZE = 2 * 1024 * 1024;

/**
 * Every sheet of a workbook (.xlsx, .xlsm) as a neutral grid, in tab order, hidden ones and
 * iom-kit's own record sheet included. Works in Node and in the browser (bytes in, no file
 * system).
 *
 * Values are what the file stores: text (rich text flattened), numbers with their format
 * (General omitted, `0%` kept, so 0.75 is known to show as 75 %), booleans, a formula's
 * cached result (an error in `error`, none in `formulaWithoutResult`), a hyperlink's text with
 * its target. Dates (numbers in a date format, and dates stored as ISO text, `t="d"`, in any
 * format) are serials of the 1900 system with `date` set, whatever the workbook's own system
 * and however exceljs read them. Shared and inline strings have their `_xHHHH_` escapes
 * decoded (`_x000D_` is a CR). A merged range's value stands in its top-left cell only, the
 * ranges in `merges`.
 *
 * Files exceljs cannot load as they are (prefixed XML from WPS, МойОфис and the OpenXML SDK,
 * styles it cannot parse, unusual part names, sheet names it refuses) are rebuilt and read
 * again; the rebuilt package keeps the values and the number formats, salvaged from the styles
 * part by pattern. Hint: where even that finds no format (a styles part that is missing or
 * unreadable text), dates in that file read as plain numbers.
 *
 * @example
 * const [grid] = await readGrids(bytes, { fileName: "Иванова.xlsx" });
 * grid.rows[3]?.[1]; // { value: "учитель математики" }
 *
 * @throws {UnreadableWorkbookError} when the bytes are not a workbook iom-kit can read (empty,
 *   truncated, an .xls, .xlsb, .ods, CSV or HTML file, password-protected, a zip bomb…),
 *   with a Russian message naming the file and saying what to do.
 */
export async function readGrids(
  bytes: Uint8Array | ArrayBuffer,
  options: ReadGridsOptions = {},
): Promise<Grid[]> {
  const file = options.fileName;
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);

  try {
    const archive = openArchive(data, file);
    const verdict = await sniffZip(archive);
    if (verdict) {
      throw new UnreadableWorkbookError(verdict.reason, file, { detail: verdict.detail });
    }
    const pkg = await readWorkbookPackage(archive);
    if (!pkg) {
      throw new UnreadableWorkbookError(NOT_A_WORKBOOK.reason, file, {
        detail: NOT_A_WORKBOOK.detail,
      });
    }
    const missing = pkg.sheets.find((sheet) => sheet.missing);
    if (missing) {
      throw new UnreadableWorkbookError("corrupt", file, { detail: missingSheet(missing) });
    }

    const large = pkg.worksheets.map((sheet) => sheet.entry!.size > SLICE_FROM);
    const book = await loadBook(pkg, file, large);
    if (!pkg.sharedStrings && pkg.worksheets.some((_, i) => usesSharedStrings(book, i))) {
      throw new UnreadableWorkbookError("corrupt", file, {
        detail: "в нём нет части с текстом ячеек — xl/sharedStrings.xml",
      });
    }
    const context: DateContext = {
      date1904: pkg.date1904,
      exceljsDate1904: book.workbook.properties?.date1904 === true,
    };
    const grids: Grid[] = [];
    for (const [i, sheet] of pkg.worksheets.entries()) {
      grids.push(await toGrid(book, i, sheet, context));
    }
    return grids;
  } catch (error) {
    if (error instanceof ZipFormatError) {
      const verdict = error.reason === "not-zip" ? sniffNonZip(data) : { reason: error.reason };
      throw new UnreadableWorkbookError(verdict.reason, file, {
        detail: verdict.detail,
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * What is wrong with a sheet the workbook lists but the package does not hold. Such a card
 * used to read as a workbook with no card in it, and drop out of a summary unnoticed.
 */
function missingSheet(sheet: SheetPart): string {
  return sheet.missing === "outside"
    ? `ссылка на лист «${sheet.name}» ведёт за пределы книги`
    : `в книге нет листа «${sheet.name}», на который она ссылается`;
}

/** A cell whose text is in the shared strings part (`t="s"`). */
const SHARED_STRING_CELL = /<c\b[^>]*?\st\s*=\s*["']s["']/;

/**
 * Whether a sheet has cells whose text is in the shared strings part: a package without that
 * part has lost their text (exceljs gives their indexes, or nothing), and with it the card.
 */
function usesSharedStrings(book: LoadedBook, index: number): boolean {
  const frame = book.frame(index);
  if (!frame) {
    return SHARED_STRING_CELL.test(book.xml(index));
  }
  const decoder = new TextDecoder();
  for (const slice of rowSlices(frame.rows, SLICE_SIZE)) {
    if (SHARED_STRING_CELL.test(decoder.decode(slice.rows))) {
      return true;
    }
  }
  return false;
}

interface LoadedBook {
  workbook: Workbook;
  /** The exceljs worksheet for `pkg.worksheets[i]`: without its rows where it is sliced. */
  sheet(i: number): Worksheet;
  /** The XML exceljs read for `pkg.worksheets[i]` (a sliced sheet's without its rows). */
  xml(i: number): string;
  /** A large sheet's rows, read from its XML by `sheetCells`; undefined for one loaded whole. */
  frame(i: number): { rows: Uint8Array; cells: SheetCellsContext } | undefined;
}

interface DateContext {
  /** The workbook counts serials from 1904, by iom-kit's own reading of `workbookPr`. */
  date1904: boolean;
  /** exceljs applied the 1904 system to the Dates it made: only for `date1904="1"`, not "true". */
  exceljsDate1904: boolean;
}

function openArchive(data: Uint8Array, file: string | undefined): ZipArchive {
  if (data.length === 0) {
    throw new UnreadableWorkbookError("empty", file);
  }
  const archive = readZip(data);

  let total = 0;
  for (const entry of archive.entries) {
    total += entry.size;
    // Deflate never makes data much bigger, so an entry declaring far fewer bytes than its
    // compressed data lies about its size, and JSZip under exceljs would inflate it whole.
    if (entry.method === 8 && entry.compressedSize > entry.size + entry.size / 64 + 1024) {
      throw new UnreadableWorkbookError("corrupt", file, {
        detail: "размеры в оглавлении архива не сходятся с данными",
      });
    }
  }
  if (
    total > MAX_UNCOMPRESSED ||
    (total > MAX_UNCOMPRESSED_AT_RATIO && total > MAX_RATIO * data.length)
  ) {
    throw new UnreadableWorkbookError("too-large", file, {
      detail: `${Math.ceil(total / (1024 * 1024))} МБ`,
    });
  }
  return archive;
}

/**
 * The workbook loaded by exceljs: from the package's own parts where it is canonical and
 * exceljs takes it with every worksheet (`slimPackage`), else from a rebuilt package (exceljs
 * 1437, 104, 2802 and the like throw on load). The sheets marked `large` are rebuilt without
 * their rows, which are loaded a slice at a time (`slices`).
 */
async function loadBook(
  pkg: WorkbookPackage,
  file: string | undefined,
  large: readonly boolean[],
): Promise<LoadedBook> {
  if (pkg.canonical && !large.includes(true)) {
    const slim = await slimPackage(pkg);
    const workbook = await loadExceljs(slim.bytes, file).catch((error: unknown) => {
      if (error instanceof UnreadableWorkbookError) {
        throw error;
      }
      return undefined;
    });
    const sheets = workbook && pkg.worksheets.map((sheet) => workbook.getWorksheet(sheet.sheetId));
    if (workbook && sheets?.every(Boolean)) {
      return {
        workbook,
        sheet: (i) => sheets[i]!,
        xml: (i) => slim.sheetXml[i]!,
        frame: () => undefined,
      };
    }
  }

  const rebuilt = await rebuildPackage(pkg, { frames: large });
  const load = async (bytes: Uint8Array) => {
    try {
      return await loadExceljs(bytes, file);
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) {
        throw error;
      }
      throw new UnreadableWorkbookError("corrupt", file, { cause: error });
    }
  };
  const workbook = await load(rebuilt.bytes);
  const sheets = pkg.worksheets.map((_, i) => workbook.getWorksheet(i + 1));
  if (!sheets.every(Boolean)) {
    throw new UnreadableWorkbookError("corrupt", file, { detail: "листы не читаются" });
  }
  return {
    workbook,
    sheet: (i) => sheets[i]!,
    xml: (i) => rebuilt.sheetXml[i]!,
    frame: (i) => {
      const frame = rebuilt.frames[i];
      return frame && { rows: frame.rows, cells: { ...rebuilt.cells, links: frame.links } };
    },
  };
}

/**
 * The elements of a worksheet exceljs is told to pass over: all but the cells and their
 * hyperlinks. Merged ranges are read from the XML (mergeCells.ts); the rest (columns, views,
 * validations, conditional formats, drawings, tables, page setup) no grid shows, and drawings
 * and tables would look up parts the package handed to exceljs leaves out.
 */
const IGNORED_NODES = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "autoFilter",
  "mergeCells",
  "rowBreaks",
  "pageMargins",
  "dataValidations",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "drawing",
  "sheetProtection",
  "tableParts",
  "conditionalFormatting",
  "extLst",
];

/**
 * A package iom-kit made (stored, every part inflated by it), loaded by exceljs. A document
 * type declaration in any part is refused before exceljs sees it (checkParts.ts).
 */
async function loadExceljs(bytes: Uint8Array, file: string | undefined): Promise<Workbook> {
  if (await checkParts(readZip(bytes))) {
    throw new UnreadableWorkbookError("corrupt", file, {
      detail: "в нём объявления DTD, каких не пишут ни Excel, ни LibreOffice",
    });
  }
  const { Workbook } = await exceljs();
  const workbook = new Workbook();
  type Load = Parameters<Workbook["xlsx"]["load"]>;
  // exceljs types the argument as a Node Buffer, but JSZip under it takes any Uint8Array;
  // `ignoreNodes` is read by its worksheet parser, though missing from its types.
  const options = { ignoreNodes: IGNORED_NODES } as Load[1];
  await workbook.xlsx.load(bytes as unknown as Load[0], options);
  return workbook;
}

/** A cell whose value must be read from the XML (see rawCells.ts): a formula's, an ISO date. */
interface Pending {
  row: (GridCell | null)[];
  col: number;
  address: string;
  numFmt: string | undefined;
}

async function toGrid(
  book: LoadedBook,
  index: number,
  sheet: SheetPart,
  context: DateContext,
): Promise<Grid> {
  const rows: (GridCell | null)[][] = [];
  const frame = book.frame(index);
  if (frame) {
    readFrame(frame.rows, frame.cells, context, rows);
  } else {
    readRows(book.sheet(index), context, () => book.xml(index), rows);
  }
  const merges = readMergeCells(book.xml(index));
  clearMergedCells(rows, merges);
  for (let i = 0; i < rows.length; i++) {
    rows[i] ??= [];
  }

  const grid: Grid = {
    name: sheet.name,
    rows,
    // A one-cell "merge" is none.
    merges: merges
      .filter((r) => r.bottom > r.top || r.right > r.left)
      .sort((a, b) => a.top - b.top || a.left - b.left),
  };
  if (sheet.state !== "visible") {
    grid.state = sheet.state;
  }
  return grid;
}

/** The rows of an exceljs worksheet into `rows` (0-based). */
function readRows(
  worksheet: Worksheet,
  context: DateContext,
  xml: () => string,
  rows: (GridCell | null)[][],
): void {
  const pending: Pending[] = [];
  const dates = findDateCells(xml());

  worksheet.eachRow((row, rowNumber) => {
    const cells: (GridCell | null)[] = [];
    row.eachCell((cell, colNumber) => {
      const converted = dates.get(cell.address)?.value ? PENDING : convert(cell, context);
      if (converted === null) {
        return;
      }
      while (cells.length < colNumber - 1) {
        cells.push(null);
      }
      if (converted === PENDING) {
        cells.push(null);
        pending.push({
          row: cells,
          col: colNumber - 1,
          address: cell.address,
          numFmt: cell.numFmt,
        });
      } else {
        cells.push(converted);
      }
    });
    if (cells.length > 0) {
      rows[rowNumber - 1] = cells;
    }
  });

  const unread = pending.filter((p) => !dates.has(p.address));
  const raw =
    unread.length > 0 ? findRawCells(xml(), new Set(unread.map((p) => p.address))) : undefined;
  for (const p of pending) {
    p.row[p.col] = fromRaw(dates.get(p.address) ?? raw?.get(p.address), p.numFmt, context);
  }
}

/**
 * The rows of a large sheet into `rows` (0-based), read from their XML a slice of some
 * megabytes at a time: each cell as exceljs would give it (sheetCells.ts), converted as
 * `convert` converts exceljs's.
 */
function readFrame(
  xml: Uint8Array,
  cells: SheetCellsContext,
  context: DateContext,
  rows: (GridCell | null)[][],
): void {
  const decoder = new TextDecoder();
  for (const slice of rowSlices(xml, SLICE_SIZE)) {
    for (const cell of sheetCells(decoder.decode(slice.rows), cells)) {
      const shown = cell.raw
        ? fromRaw(cell.raw, cell.numFmt, context)
        : plainCell(cell.value, cell.numFmt, context);
      if (shown === null) {
        continue;
      }
      const row = (rows[cell.row] ??= []);
      while (row.length < cell.col) {
        row.push(null);
      }
      row[cell.col] = cell.hyperlink ? { ...shown, hyperlink: cell.hyperlink } : shown;
    }
  }
}

const PENDING = Symbol("pending");

/**
 * One exceljs cell as a grid cell, null where empty. Reads `type`, `value`, `result` and
 * `numFmt` only: `text` throws on a merged cell whose master is empty (exceljs 1399, 740),
 * and merged cells other than the master are skipped, as their value is the master's.
 */
function convert(cell: Cell, context: DateContext): GridCell | null | typeof PENDING {
  const numFmt = cell.numFmt as string | undefined;
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Formula:
      return formulaCell(cell.result as unknown, numFmt, context);
    case ValueType.Hyperlink: {
      const { text, hyperlink } = cell.value as { text?: unknown; hyperlink?: string };
      const shown = plainCell(text ?? null, numFmt, context) ?? withFormat({ value: null }, numFmt);
      return hyperlink ? { ...shown, hyperlink: detach(hyperlink) } : shown;
    }
    default:
      // A number in a date format past JavaScript's dates (year 275 760) is an Invalid Date in
      // exceljs: the XML still has the number.
      if (cell.value instanceof Date && Number.isNaN(cell.value.getTime())) {
        return PENDING;
      }
      return plainCell(cell.value, numFmt, context);
  }
}

/** A value as exceljs gives it: string, number, boolean, Date, rich text or error. */
function plainCell(
  value: unknown,
  numFmt: string | undefined,
  context: DateContext,
): GridCell | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === "number") {
    return numberCell(value, numFmt, context);
  }
  if (typeof value === "string") {
    // The text exceljs gives is a substring of the part it parsed (xml.ts, `detach`).
    return withFormat({ value: detach(value) }, numFmt);
  }
  if (typeof value === "boolean") {
    return withFormat({ value }, numFmt);
  }
  if (value instanceof Date) {
    return dateCell(value, numFmt, context);
  }
  if (typeof value === "object" && "richText" in value) {
    const runs = (value as CellRichTextValue).richText ?? [];
    return withFormat({ value: detach(runs.map((run) => run.text ?? "").join("")) }, numFmt);
  }
  if (typeof value === "object" && "error" in value) {
    return withFormat({ value: null, error: String((value as CellErrorValue).error) }, numFmt);
  }
  return null;
}

function formulaCell(
  result: unknown,
  numFmt: string | undefined,
  context: DateContext,
): GridCell | typeof PENDING {
  // exceljs keeps no result for an empty <v> (a formula returning "") nor for a missing one
  // (exceljs 2088), and makes an Invalid Date of a text or error result in a date-formatted
  // cell: the XML tells them apart.
  if (result === undefined || (result instanceof Date && Number.isNaN(result.getTime()))) {
    return PENDING;
  }
  return plainCell(result, numFmt, context) ?? withFormat({ value: null }, numFmt);
}

function fromRaw(
  raw: RawCell | undefined,
  numFmt: string | undefined,
  context: DateContext,
): GridCell {
  if (raw?.value === undefined) {
    return withFormat({ value: null, formulaWithoutResult: true }, numFmt);
  }
  switch (raw.type) {
    case "str":
    case "inlineStr":
      return withFormat({ value: detach(decodeEntities(raw.value)) }, numFmt);
    case "e":
      return withFormat({ value: null, error: raw.value }, numFmt);
    case "b":
      return withFormat({ value: raw.value === "1" || raw.value === "true" }, numFmt);
    case "d": {
      // A date whatever the format, as a serial in a date format is: the type says so.
      const serial = serialFromIso(raw.value);
      return serial === undefined
        ? withFormat({ value: detach(decodeEntities(raw.value)) }, numFmt)
        : withFormat({ value: serial, date: true }, numFmt);
    }
    default: {
      const number = raw.value.trim() === "" ? NaN : Number(raw.value);
      return Number.isNaN(number)
        ? withFormat({ value: null, formulaWithoutResult: true }, numFmt)
        : numberCell(number, numFmt, context);
    }
  }
}

/**
 * A number as stored. Where the format shows a date it is a serial in the workbook's own
 * system, brought to the 1900 system: exceljs leaves such numbers alone when it does not take
 * the format for a date (`ДД.ММ.ГГГГ`, `YYYY`, exceljs 2939; LibreOffice files, exceljs 113).
 */
function numberCell(value: number, numFmt: string | undefined, context: DateContext): GridCell {
  if (isDateFormat(numFmt)) {
    return withFormat({ value: value + (context.date1904 ? DAYS_1904 : 0), date: true }, numFmt);
  }
  return withFormat({ value }, numFmt);
}

/**
 * A Date exceljs made from a serial. Back to the serial as stored (exceljs shifted it by 1462
 * days where it applied the 1904 system), then to the 1900 system where the format shows a
 * date; a time or a duration keeps its serial (exceljs 219: a 1904 workbook written
 * `date1904="true"`, as LibreOffice does, is one exceljs reads as 1900).
 */
function dateCell(date: Date, numFmt: string | undefined, context: DateContext): GridCell {
  const stored = serialFromDate(date) - (context.exceljsDate1904 ? DAYS_1904 : 0);
  if (isDateFormat(numFmt)) {
    return withFormat({ value: stored + (context.date1904 ? DAYS_1904 : 0), date: true }, numFmt);
  }
  return withFormat({ value: stored }, numFmt);
}

function withFormat(cell: GridCell, numFmt: string | undefined): GridCell {
  const format = reportedFormat(numFmt);
  if (format !== undefined) {
    cell.format = format;
  }
  return cell;
}

/**
 * A package exceljs can read, rebuilt from one it cannot: only the parts a grid needs, under
 * the names exceljs looks for, in the XML dialect it parses. Used when the original fails to
 * load or is known to trip exceljs (files from WPS, МойОфис, the OpenXML SDK, LibreOffice or
 * Google Sheets with long sheet names, broken styles…). Values survive; of the styles only the
 * number formats are kept, salvaged from the styles part even where it does not parse.
 */
import { cellAddress, type Range } from "../sheet/grid.js";
import { inlineStringsForExceljs } from "./inlineStrings.js";
import { overlaps, parseRange } from "./mergeCells.js";
import { builtInFormat } from "./numberFormat.js";
import type { SheetCellsContext } from "./sheetCells.js";
import { sharedStringTexts } from "./sheetCells.js";
import { directoryOf, readRelationships, relationshipsPath } from "./workbookPackage.js";
import type { WorkbookPackage } from "./workbookPackage.js";
import { readEntry, writeStoredZip, type ZipArchive, type ZipEntry } from "./zip.js";
import { decodeXml, escapeAttribute, namespaces, parseAttributes } from "./xml.js";

export interface RebuiltPackage {
  bytes: Uint8Array;
  /** Each worksheet's XML as handed to exceljs, in `pkg.worksheets` order. */
  sheetXml: string[];
  /**
   * The sheets rebuilt as frames (`RebuildOptions.frames`), each in `pkg.worksheets` order: its
   * rows, kept out of `bytes`, to be read a slice at a time with `sheetCells`.
   */
  frames: (SheetFrame | undefined)[];
  /** What the frames' cells refer to: their shared strings and number formats. */
  cells: Omit<SheetCellsContext, "links">;
}

/**
 * A worksheet's XML around its rows, and the rows themselves (`<row>` elements, in order) as
 * UTF-8: half the memory of the text, and sliced without copying.
 */
export interface SheetFrame {
  before: string;
  rows: Uint8Array;
  after: string;
  /** The targets of the sheet's external hyperlinks by cell, as exceljs attaches them. */
  links: Map<string, string>;
}

export interface RebuildOptions {
  /**
   * By `pkg.worksheets` index, the sheets whose rows stay out of the package (an empty
   * `<sheetData/>` in their place): sheets too large for exceljs to hold at once.
   */
  frames?: readonly boolean[];
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const UNPREFIXED = new Set([
  MAIN,
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
  PACKAGE_RELATIONSHIPS,
]);
const R_PREFIXED = new Set([
  RELATIONSHIPS,
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);

/**
 * Parts of a worksheet a grid does not need whose relationships the rebuilt package drops,
 * or that exceljs may fail on: drawings, tables, comments' VML, controls, conditional
 * formats, validations and extensions.
 */
const DROPPED = [
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "tableParts",
  "oleObjects",
  "controls",
  "webPublishItems",
  "conditionalFormatting",
  "dataValidations",
  "extLst",
];

/** Rebuilds a workbook's package in the form exceljs reads. */
export async function rebuildPackage(
  pkg: WorkbookPackage,
  options: RebuildOptions = {},
): Promise<RebuiltPackage> {
  const { archive } = pkg;
  const encoder = new TextEncoder();
  const files: { name: string; data: Uint8Array }[] = [];
  const sheetXml: string[] = [];
  const frames: (SheetFrame | undefined)[] = [];

  for (const [i, sheet] of pkg.worksheets.entries()) {
    const entry = sheet.entry!;
    const links = await hyperlinkRelationships(archive, entry);
    let xml = repairWorksheet(normalizePrefixes(decodeXml(await readEntry(archive, entry))), links);
    const frame = options.frames?.[i] ? splitRows(xml, links, encoder) : undefined;
    if (frame) {
      xml = `${frame.before}<sheetData/>${frame.after}`;
    }
    frames.push(frame);
    sheetXml.push(xml);
    const rels = encoder.encode(
      relationshipsXml([...links].map(([id, target]) => [id, "hyperlink", target, true])),
    );
    files.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: encoder.encode(xml) });
    files.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: rels });
  }

  const strings = pkg.sharedStrings
    ? normalizePrefixes(decodeXml(await readEntry(archive, pkg.sharedStrings)))
    : undefined;
  const stringsData = strings === undefined ? undefined : encoder.encode(strings);
  const styles = pkg.styles ? decodeXml(await readEntry(archive, pkg.styles)) : undefined;
  const stylesData = encoder.encode(salvageStyles(styles));
  const framed = frames.some(Boolean);
  const cells = {
    strings: framed && strings !== undefined ? sharedStringTexts(strings) : [],
    formats: framed ? cellFormats(styles) : new Map<number, string>(),
    date1904: pkg.date1904,
  };
  const common = (sheets: number) => {
    const parts = [
      { name: "xl/styles.xml", data: stylesData },
      { name: "xl/workbook.xml", data: encoder.encode(workbookXml(sheets, pkg.date1904)) },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: encoder.encode(workbookRelationships(sheets, stringsData !== undefined)),
      },
    ];
    if (stringsData !== undefined) {
      parts.push({ name: "xl/sharedStrings.xml", data: stringsData });
    }
    return parts;
  };

  return {
    bytes: writeStoredZip([...files, ...common(pkg.worksheets.length)]),
    sheetXml,
    frames,
    cells,
  };
}

/**
 * A worksheet's rows apart from the rest of its XML; undefined where it has no `<sheetData>`
 * with rows (nothing to slice).
 */
function splitRows(
  xml: string,
  relationships: ReadonlyMap<string, string>,
  encoder: TextEncoder,
): SheetFrame | undefined {
  const open = /<sheetData\b[^>]*>/.exec(xml);
  const close = xml.lastIndexOf("</sheetData>");
  if (!open || close < open.index || open[0].endsWith("/>")) {
    return undefined;
  }
  const after = xml.slice(close + "</sheetData>".length);
  // exceljs links a cell to the relationship of the <hyperlink> whose ref is its address;
  // links within the workbook (`location` alone) it leaves out.
  const links = new Map<string, string>();
  for (const match of after.matchAll(/<hyperlink\b[^>]*>/g)) {
    const attributes = parseAttributes(match[0]);
    const target = relationships.get(attributes.get("r:id") ?? "");
    const ref = attributes.get("ref");
    if (target !== undefined && ref !== undefined) {
      links.set(ref, target);
    }
  }
  return {
    before: xml.slice(0, open.index),
    rows: encoder.encode(xml.slice(open.index + open[0].length, close)),
    after,
    links,
  };
}

/** One slice of a frame's rows, and the numbers (1-based) of its first and last row. */
export interface RowSlice {
  rows: Uint8Array;
  first: number;
  last: number;
}

/**
 * A frame's rows in slices of about `size` bytes, each ending where a row ends. Rows carry their
 * `r` numbers here (`repairWorksheet` gives them one where the file left it out).
 */
export function* rowSlices(rows: Uint8Array, size: number): Generator<RowSlice> {
  for (let start = rowStart(rows, 0); start >= 0;) {
    const end = rowStart(rows, start + size);
    const slice = rows.subarray(start, end < 0 ? rows.length : end);
    yield { rows: slice, first: rowNumber(slice, 0), last: rowNumber(slice, lastRowStart(slice)) };
    start = end;
  }
}

/** `<row` followed by white space, `>` or `/`: where a row starts, at or after `from`. */
function rowStart(bytes: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(0x3c, from); at >= 0; at = bytes.indexOf(0x3c, at + 1)) {
    if (isRowTag(bytes, at)) {
      return at;
    }
  }
  return -1;
}

function lastRowStart(bytes: Uint8Array): number {
  for (let at = bytes.lastIndexOf(0x3c); at >= 0; at = bytes.lastIndexOf(0x3c, at - 1)) {
    if (isRowTag(bytes, at)) {
      return at;
    }
  }
  return 0;
}

function isRowTag(bytes: Uint8Array, at: number): boolean {
  const next = bytes[at + 4];
  return (
    bytes[at + 1] === 0x72 && // r
    bytes[at + 2] === 0x6f && // o
    bytes[at + 3] === 0x77 && // w
    (next === 0x20 ||
      next === 0x09 ||
      next === 0x0a ||
      next === 0x0d ||
      next === 0x3e ||
      next === 0x2f)
  );
}

function rowNumber(rows: Uint8Array, at: number): number {
  const end = rows.indexOf(0x3e, at);
  const tag = new TextDecoder().decode(rows.subarray(at + 4, end < 0 ? rows.length : end));
  return Number(parseAttributes(tag).get("r"));
}

function workbookXml(sheets: number, date1904: boolean): string {
  const items = Array.from(
    { length: sheets },
    (_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  ).join("");
  return (
    `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    (date1904 ? `<workbookPr date1904="1"/>` : "") +
    `<sheets>${items}</sheets></workbook>`
  );
}

function workbookRelationships(sheets: number, strings: boolean): string {
  const rels: [string, string, string, boolean][] = Array.from({ length: sheets }, (_, i) => [
    `rId${i + 1}`,
    "worksheet",
    `worksheets/sheet${i + 1}.xml`,
    false,
  ]);
  rels.push(["rIdStyles", "styles", "styles.xml", false]);
  if (strings) {
    rels.push(["rIdStrings", "sharedStrings", "sharedStrings.xml", false]);
  }
  return relationshipsXml(rels);
}

/**
 * XML with the SpreadsheetML and package-relationship namespaces unprefixed
 * (`<x:workbook xmlns:x="…/main">` → `<workbook xmlns="…/main">`), and the relationships
 * namespace's attributes under `r:`, as exceljs matches tag and attribute names literally
 * (exceljs 1437: the OpenXML SDK, WPS and МойОфис write prefixed parts).
 */
export function normalizePrefixes(xml: string): string {
  const declared = namespaces(xml);
  let out = xml;
  let defaultNamespace: string | undefined;

  for (const [prefix, uri] of declared) {
    if (prefix === "") {
      continue;
    }
    const p = prefix.replace(/[.-]/g, "\\$&");
    if (UNPREFIXED.has(uri)) {
      out = out
        .replace(new RegExp(`<(/?)${p}:`, "g"), "<$1")
        .replace(new RegExp(`\\sxmlns:${p}\\s*=\\s*("[^"]*"|'[^']*')`, "g"), "");
      defaultNamespace ??= uri;
    } else if (R_PREFIXED.has(uri) && prefix !== "r") {
      const attribute = new RegExp(`(\\s)${p}:`, "g");
      out = out
        .replace(/<[^!?/][^>]*>/g, (tag) => tag.replace(attribute, "$1r:"))
        .replace(
          new RegExp(`\\sxmlns:${p}\\s*=\\s*("[^"]*"|'[^']*')`, "g"),
          declared.has("r") ? "" : ` xmlns:r="${uri}"`,
        );
    }
  }

  if (defaultNamespace && !declared.has("")) {
    out = out.replace(/<(?![?!])([\w.-]+)/, `<$1 xmlns="${defaultNamespace}"`);
  }
  return out;
}

/**
 * A styles part that keeps only the number formats (`numFmts`, and each cell format's
 * `numFmtId`, in order, so cells' style indexes still point at the right one), salvaged by
 * pattern from whatever the original holds, even XML exceljs cannot parse (exceljs 104,
 * 2802) or no styles part at all (exceljs 2704).
 */
export function salvageStyles(xml: string | undefined): string {
  const { numFmts, xfs } = numberFormats(xml);
  const formats = [...numFmts].map(
    ([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`,
  );
  const cells = (xfs.length > 0 ? xfs : [0]).map((id) => `<xf numFmtId="${id}"/>`);

  return (
    `${DECLARATION}<styleSheet xmlns="${MAIN}">` +
    (formats.length ? `<numFmts count="${formats.length}">${formats.join("")}</numFmts>` : "") +
    `<cellXfs count="${cells.length}">${cells.join("")}</cellXfs></styleSheet>`
  );
}

/**
 * The number format of each cell style index, as exceljs reads the salvaged styles part: the
 * part's own format of that id, else exceljs's name of the built-in one; none for General.
 */
function cellFormats(xml: string | undefined): Map<number, string> {
  const { numFmts, xfs } = numberFormats(xml);
  const formats = new Map<number, string>();
  xfs.forEach((id, index) => {
    // exceljs drops a format's backslash escapes as it reads them (numfmt-xform.js).
    const own = numFmts.get(id)?.replace(/\\(.)/g, "$1");
    const format = id === 0 ? undefined : (own ?? builtInFormat(id));
    if (format !== undefined) {
      formats.set(index, format);
    }
  });
  return formats;
}

/** The styles part's number formats by id, and each cell format's format id in order. */
function numberFormats(xml: string | undefined): { numFmts: Map<number, string>; xfs: number[] } {
  const numFmts = new Map<number, string>();
  const xfs: number[] = [];
  if (!xml) {
    return { numFmts, xfs };
  }
  for (const match of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*)>/g)) {
    const attributes = parseAttributes(match[1]!);
    const id = Number(attributes.get("numFmtId"));
    const code = attributes.get("formatCode");
    if (Number.isInteger(id) && code !== undefined) {
      numFmts.set(id, code);
    }
  }
  // To the end of the text where the part is cut off before `</cellXfs>`.
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)(?:<\/(?:[\w.-]+:)?cellXfs>|$)/.exec(xml);
  for (const match of cellXfs?.[1]?.matchAll(/<(?:[\w.-]+:)?xf\b([^>]*)>/g) ?? []) {
    const id = Number(parseAttributes(match[1]!).get("numFmtId") ?? 0);
    xfs.push(Number.isInteger(id) ? id : 0);
  }
  return { numFmts, xfs };
}

/**
 * A worksheet exceljs can load on its own: the parts `DROPPED` lists removed, hyperlinks
 * whose relationship is gone removed (exceljs throws on them), overlapping merges reduced to
 * the first (exceljs throws «Cannot merge already merged cells»), rows and cells without an
 * `r` reference numbered (the format allows leaving it out; exceljs then fails), and inline
 * strings as exceljs reads them right (`inlineStringsForExceljs`). ISO dates (`t="d"`) stay:
 * readGrids reads them from the XML, as exceljs keeps only their year.
 */
export function repairWorksheet(xml: string, links: ReadonlyMap<string, string>): string {
  let out = xml;
  for (const name of DROPPED) {
    out = out
      .replace(new RegExp(`<${name}\\b[^>]*/>`, "g"), "")
      .replace(new RegExp(`<${name}\\b[^>]*>[\\s\\S]*?</${name}>`, "g"), "");
  }

  out = out.replace(/<hyperlink\b[^>]*>/g, (tag) => {
    const id = parseAttributes(tag).get("r:id");
    return id === undefined || links.has(id) ? tag : "";
  });

  const kept: Range[] = [];
  out = out.replace(/<mergeCell\b[^>]*>/g, (tag) => {
    const range = parseRange(parseAttributes(tag).get("ref") ?? "");
    if (!range || kept.some((other) => overlaps(range, other))) {
      return "";
    }
    kept.push(range);
    return tag;
  });

  if (/<row\b(?![^>]*\sr\s*=)/.test(out) || /<c\b(?![^>]*\sr\s*=)/.test(out)) {
    out = numberCells(out);
  }

  return inlineStringsForExceljs(out);
}

const DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** A worksheet's hyperlinks by relationship id: their targets, from its relationships part. */
export async function hyperlinkRelationships(
  archive: ZipArchive,
  sheet: ZipEntry,
): Promise<Map<string, string>> {
  const relsName = relationshipsPath(sheet.name).toLowerCase();
  const relsEntry = archive.entries.find((entry) => entry.name.toLowerCase() === relsName);
  const links = new Map<string, string>();
  if (!relsEntry) {
    return links;
  }
  const xml = normalizePrefixes(decodeXml(await readEntry(archive, relsEntry)));
  for (const [id, rel] of readRelationships(xml, directoryOf(sheet.name))) {
    if (/\/hyperlink$/.test(rel.type)) {
      links.set(id, rel.target);
    }
  }
  return links;
}

/** A relationships part of `[id, type, target, external]`, `type` the last word of its URI. */
export function relationshipsXml(
  rels: readonly (readonly [string, string, string, boolean])[],
): string {
  const items = rels.map(
    ([id, type, target, external]) =>
      `<Relationship Id="${escapeAttribute(id)}" Type="${RELATIONSHIPS}/${type}" Target="${escapeAttribute(target)}"${external ? ` TargetMode="External"` : ""}/>`,
  );
  return `${DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${items.join("")}</Relationships>`;
}

/** Gives every row and cell its `r` reference, counting on from the previous one. */
function numberCells(xml: string): string {
  let row = 0;
  let col = 0;
  return xml.replace(/<(row|c)\b([^>]*?)(\/?)>/g, (tag, name: string, rest: string, close) => {
    const r = parseAttributes(rest).get("r");
    if (name === "row") {
      row = r !== undefined && Number(r) > 0 ? Number(r) : row + 1;
      col = 0;
      return r !== undefined ? tag : `<row r="${row}"${rest}${close}>`;
    }
    const own = r !== undefined ? parseRange(r) : undefined;
    // 1-based, as the rows are.
    col = own ? own.left + 1 : col + 1;
    return own ? tag : `<c r="${cellAddress(row - 1, col - 1)}"${rest}${close}>`;
  });
}

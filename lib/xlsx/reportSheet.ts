import type {
  Alignment,
  Borders,
  CellValue,
  Fill,
  Font,
  Style,
  Workbook,
  Worksheet,
} from "exceljs";

import { printAreaForExceljs, restoreRowBreaks } from "./printSetup.js";

/**
 * The parts the summary workbook's visible sheets are made of: a sheet with a title, print
 * set-up and frozen header, and Excel tables styled by hand as well. LibreOffice, МойОфис and
 * Р7 ignore Excel's table styles (they keep the filters), so every header, border and fill is
 * also written on the cells themselves; Excel shows the same.
 */

/** How a column shows its values. */
export type ColumnKind = "text" | "wrap" | "count" | "number" | "share" | "date" | "link";

export interface ReportColumn {
  /** The table's column name: unique within its table, no line breaks (Excel's rule). */
  header: string;
  /** Width in characters of the default font; widened where a word would not fit. */
  width: number;
  kind?: ColumnKind;
  /**
   * A data bar on the column's values, from zero to the column's largest (1 for shares):
   * `true` for the neutral colour, or a colour (ARGB) that means something (red for high).
   */
  bar?: boolean | string;
  /** A cell's fill by its value (ARGB), or null for none. */
  fill?: (value: ReportValue) => string | null;
}

/** A value of a table cell: a hyperlink's text and target, or a plain value. */
export type ReportValue = string | number | Date | null | { text: string; link: string | null };

export interface ReportTable {
  /** The Excel table's name: unique in the workbook, ASCII (LibreOffice is strict about it). */
  name: string;
  /** A heading row above the table, where the sheet has more than one. */
  heading?: string;
  /** A line of explanation under the heading. */
  note?: string;
  /** Headings over runs of columns (0-based, both ends included), in a row above the header. */
  groups?: { title: string; from: number; to: number }[];
  /**
   * Headers of the figure columns written upwards, as statistical tables do, so that a wide
   * table of counts fits a page.
   */
  verticalHeaders?: boolean;
  columns: ReportColumn[];
  rows: ReportValue[][];
  /** What the single row of an empty table says (a table needs a row). */
  empty: string;
  /** A row under the table (totals), outside it so that filters and sorting leave it be. */
  footer?: ReportValue[];
  /** Lines of small text under the table: what its words mean. */
  footnotes?: string[];
  /**
   * Cells styled as a table but no Excel table: for a page to print, where filter buttons are
   * clutter.
   */
  plain?: boolean;
}

/** Where a sheet's next row goes, and what its tables need. */
export interface Report {
  sheet: Worksheet;
  /** The next free row, 1-based. */
  row: number;
  /** The first table's header rows (its group row and its header): frozen and printed. */
  headerRows: [number, number] | null;
  /** The next priority of a conditional format (Excel wants them distinct). */
  priority: number;
  /** Tables written so far. */
  tables: number;
  /**
   * Where each table after the first begins (its heading) and the row it must reach on the
   * same page (its header and a few rows): a page break goes before it where it would not.
   */
  keep: { from: number; to: number }[];
}

/** Bars of what needs work: high deficits, overdue activities, errors. */
export const ALERT_BAR = "FFF4B183";
/** Bars of medium deficits. */
export const WARN_BAR = "FFFFD966";
const BAR_COLOUR = "FF8EA9DB";

const FONT: Partial<Font> = { name: "Arial", size: 10 };
const TITLE_FONT: Partial<Font> = {
  name: "Arial",
  size: 14,
  bold: true,
  color: { argb: "FF1F3864" },
};
const HEADING_FONT: Partial<Font> = {
  name: "Arial",
  size: 11,
  bold: true,
  color: { argb: "FF1F3864" },
};
const NOTE_FONT: Partial<Font> = {
  name: "Arial",
  size: 9,
  italic: true,
  color: { argb: "FF595959" },
};
const LINK_FONT: Partial<Font> = { ...FONT, color: { argb: "FF0563C1" }, underline: true };
const HEADER_FILL = solid("FFD9E2F3");
const GROUP_FILL = solid("FFB4C6E7");
const FOOTER_FILL = solid("FFF2F2F2");
const LINE = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const BORDER: Partial<Borders> = { top: LINE, left: LINE, bottom: LINE, right: LINE };

/** Characters a cell of Excel holds. */
const MAX_CELL = 32_767;
/** Points a line of the default font takes (Excel's row height for Arial 10). */
const LINE_HEIGHT = 12.75;
/** The widest a column grows for a long word of its values… */
const MAX_WIDE = 24;
/** …and for a link's whole text. */
const MAX_LINK = 44;
/** The width of a figure column under an upward header. */
const VERTICAL_WIDTH = 6;

const FORMATS: Partial<Record<ColumnKind, string>> = {
  // A dash for none, as statistical tables print it: the zeros of a sparse table hide its
  // figures. The value stays 0 for filters and sums. `_)` keeps a figure a bracket's width
  // off the border (an indent is not applied to a format's text, as the dash, in LibreOffice).
  count: '0_);-0_);"–"_)',
  number: "0_)",
  share: "0%_)",
  date: "dd.mm.yyyy",
};

/**
 * A sheet with a title and a subtitle, A4 landscape (or portrait) fitted to the page's width,
 * a footer naming the summary, the sheet and the page.
 */
export function addReport(
  workbook: Workbook,
  name: string,
  options: {
    title: string;
    subtitle: string;
    footer: string;
    orientation?: "landscape" | "portrait";
  },
): Report {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: options.orientation ?? "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L&8${options.footer}&C&8&A&R&8Страница &P из &N` },
  });

  const title = sheet.getCell(1, 1);
  title.value = cellText(options.title);
  title.font = TITLE_FONT;
  sheet.getRow(1).height = 21;
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = cellText(options.subtitle);
  subtitle.font = { ...NOTE_FONT, size: 10 };
  return { sheet, row: 4, headerRows: null, priority: 1, tables: 0, keep: [] };
}

/**
 * Writes a table at the report's next row (an Excel table with filters unless `plain`), its
 * heading and note above it, its footer and footnotes below, and moves the report on.
 */
export function addTable(report: Report, table: ReportTable): void {
  const { sheet } = report;
  const rows: ReportValue[][] =
    table.rows.length > 0 ? table.rows : [[table.empty, ...table.columns.slice(1).map(() => null)]];
  const widths = table.columns.map((column, index) => {
    const wide = Math.max(
      sheet.getColumn(index + 1).width ?? 0,
      widthOf(column, table.verticalHeaders === true, [
        ...rows.map((row) => row[index] ?? null),
        table.footer?.[index] ?? null,
      ]),
    );
    sheet.getColumn(index + 1).width = wide;
    return wide;
  });

  const start = report.row;
  if (table.heading !== undefined) {
    headingRow(report, table.heading);
  }
  if (table.note !== undefined) {
    noteRow(report, table.note);
  }
  const firstHeaderRow = report.row;
  if (table.groups) {
    groupRow(report, table.groups, widths);
  }

  const top = report.row;
  writeValues(report, table, top, rows);
  styleHeader(report, table, top, widths);
  rows.forEach((values, index) => styleRow(report, table.columns, top + 1 + index, values, widths));
  if (table.rows.length > 0) {
    table.columns.forEach((column, index) => {
      if (column.bar) {
        const colour = typeof column.bar === "string" ? column.bar : BAR_COLOUR;
        addBar(report, index + 1, top + 1, top + rows.length, column.kind === "share", colour);
      }
    });
  }
  report.row = top + rows.length + 1;

  if (table.footer) {
    styleRow(report, table.columns, report.row, table.footer, widths, true);
    report.row += 1;
  }
  for (const line of table.footnotes ?? []) {
    noteRow(report, line);
  }
  report.headerRows ??= [firstHeaderRow, top];
  if (report.tables > 0) {
    report.keep.push({ from: start, to: top + Math.min(rows.length, 3) });
  }
  report.tables += 1;
  report.row += 1;
}

/**
 * Freezes the first table's header (and `frozenColumns` columns); on a sheet of one table,
 * repeats it on every printed page (on a sheet of several, a later table's pages would carry
 * a header not theirs). Prints the first `printColumns` columns where given: a column for the
 * screen only, as the file of a card, stays off paper.
 */
export function finishReport(
  report: Report,
  options: { frozenColumns?: number; printColumns?: number } = {},
): void {
  const { sheet } = report;
  const [from, to] = report.headerRows ?? [report.row, report.row];
  sheet.views = [
    { state: "frozen", xSplit: options.frozenColumns ?? 0, ySplit: to, showGridLines: false },
  ];
  if (report.tables === 1) {
    sheet.pageSetup.printTitlesRow = `${from}:${to}`;
  }
  const columns = options.printColumns ?? sheet.columnCount;
  if (options.printColumns !== undefined) {
    const last = sheet.getColumn(columns).letter;
    sheet.pageSetup.printArea = printAreaForExceljs(`A1:${last}${report.row}`);
  }
  keepTablesTogether(report, columns);
}

/**
 * Page breaks before a later table whose heading, header and first rows would not fit on the
 * page where it begins, so that no header is left at the foot of a page. The page's height in
 * rows is estimated from the scale that fitting the columns to the page's width gives.
 */
function keepTablesTogether(report: Report, columns: number): void {
  const { sheet } = report;
  if (report.keep.length === 0) {
    return;
  }

  const portrait = sheet.pageSetup.orientation === "portrait";
  const margins = sheet.pageSetup.margins!;
  // A4 in points; a column of width w is about 7w + 5 pixels, 0.75 of a point each.
  const pageWidth = (portrait ? 595 : 842) - (margins.left + margins.right) * 72;
  const pageHeight = (portrait ? 842 : 595) - (margins.top + margins.bottom) * 72;
  let width = 0;
  for (let column = 1; column <= columns; column++) {
    width += ((sheet.getColumn(column).width ?? 9) * 7 + 5) * 0.75;
  }
  const room = pageHeight / Math.min(1, pageWidth / width);
  // A row of no height of its own is one line of Arial 10 (LibreOffice, Excel: 12.75).
  const height = (row: number) => sheet.getRow(row).height ?? 12.75;

  const breaks: number[] = [];
  let used = 0;
  let pageStart = 1;
  for (let row = 1; row < report.row; row++) {
    const keep = report.keep.find((k) => k.from === row);
    if (keep && row > pageStart) {
      let block = 0;
      for (let r = keep.from; r <= keep.to; r++) {
        block += height(r);
      }
      if (used + block > room) {
        breaks.push(row - 1);
        used = 0;
        pageStart = row;
      }
    }
    used += height(row);
    if (used > room) {
      used = height(row);
      pageStart = row;
    }
  }
  restoreRowBreaks(sheet.workbook, new Map([[sheet.name, breaks.map((row) => ({ row }))]]));
}

/** A bold heading row (a section of the sheet). */
export function headingRow(report: Report, text: string): void {
  const cell = report.sheet.getCell(report.row, 1);
  cell.value = cellText(text);
  cell.font = HEADING_FONT;
  report.sheet.getRow(report.row).height = 18;
  report.row += 1;
}

/** A line of small italic text: what a table counts. */
export function noteRow(report: Report, text: string): void {
  const cell = report.sheet.getCell(report.row, 1);
  cell.value = cellText(text);
  cell.font = NOTE_FONT;
  report.row += 1;
}

/**
 * Text as a cell may hold it. XML 1.0 has no place for control characters, U+FFFE, U+FFFF or
 * a lone surrogate (a workbook with one does not open): each becomes U+FFFD. `_x0041_` in a
 * cell's text is an escape of the file format (exceljs and Excel decode it): its underscore
 * is escaped in turn, so the text reads back as written. Excel keeps 32,767 characters a cell:
 * a longer text is cut, with «…» (the summary's own data keeps it whole).
 */
export function cellText(text: string): string {
  const cut = text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
  return xmlText(cut).replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
}

/** Text XML 1.0 can hold: control characters, U+FFFE, U+FFFF, lone surrogates as U+FFFD. */
export function xmlText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    "\uFFFD",
  );
}

/**
 * Lines a text takes in a wrapped cell of a width, its words wrapped as a spreadsheet wraps
 * them. A width counts digits of the workbook's default font (Calibri 11); Arial 10 fits
 * about 1.3 letters in each, less the cell's indent (measured on LibreOffice's rendering).
 */
export function linesOf(text: string, width: number, bold = false): number {
  const capacity = Math.max(1, Math.floor((width - 1.5) * (bold ? 1.15 : 1.3)));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      if (used > 0 && used + 1 + word.length > capacity) {
        lines += 1;
        used = 0;
      }
      if (used === 0 && word.length > capacity) {
        lines += Math.ceil(word.length / capacity) - 1;
        used = word.length % capacity;
      } else {
        used += (used > 0 ? 1 : 0) + word.length;
      }
    }
  }
  return lines;
}

function writeValues(report: Report, table: ReportTable, top: number, rows: ReportValue[][]) {
  const { sheet } = report;
  if (!table.plain) {
    sheet.addTable({
      name: table.name,
      displayName: table.name,
      ref: sheet.getCell(top, 1).address,
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: table.columns.map((column) => ({
        name: cellText(column.header),
        filterButton: true,
      })),
      rows: rows.map((row) => row.map(plainValue)),
    });
    return;
  }

  table.columns.forEach((column, index) => {
    sheet.getCell(top, index + 1).value = cellText(column.header);
  });
  rows.forEach((values, row) =>
    values.forEach((value, index) => {
      sheet.getCell(top + 1 + row, index + 1).value = plainValue(value);
    }),
  );
}

function groupRow(
  report: Report,
  groups: NonNullable<ReportTable["groups"]>,
  widths: readonly number[],
): void {
  const { sheet } = report;
  const row = report.row;
  let lines = 1;
  widths.forEach((_, index) => {
    sheet.getCell(row, index + 1).border = BORDER;
  });
  for (const group of groups) {
    const cell = sheet.getCell(row, group.from + 1);
    cell.value = cellText(group.title);
    cell.font = { ...FONT, bold: true };
    cell.fill = GROUP_FILL;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    if (group.to > group.from) {
      sheet.mergeCells(row, group.from + 1, row, group.to + 1);
    }
    const width = widths.slice(group.from, group.to + 1).reduce((sum, w) => sum + w, 0);
    lines = Math.max(lines, linesOf(group.title, width, true));
  }
  sheet.getRow(row).height = lines * LINE_HEIGHT + 4;
  report.row += 1;
}

function styleHeader(report: Report, table: ReportTable, row: number, widths: number[]): void {
  let height = LINE_HEIGHT;
  table.columns.forEach((column, index) => {
    const cell = report.sheet.getCell(row, index + 1);
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    if (table.verticalHeaders && isFigure(column)) {
      cell.alignment = {
        horizontal: "center",
        vertical: "bottom",
        wrapText: true,
        textRotation: 90,
      };
      // Upwards, a header's length is the row's height: about 6 points a letter.
      const longest = Math.max(...column.header.split(/\s+/).map((w) => w.length));
      const lines = Math.ceil(column.header.length / Math.max(longest, 12));
      height = Math.max(height, Math.max(longest, 12) * 6 + 6, lines * 0);
      return;
    }
    cell.alignment = {
      horizontal: isFigure(column) ? "center" : "left",
      vertical: "middle",
      wrapText: true,
      ...(isFigure(column) ? {} : { indent: 1 }),
    };
    height = Math.max(height, linesOf(column.header, widths[index]!, true) * LINE_HEIGHT);
  });
  report.sheet.getRow(row).height = height + 4;
}

function styleRow(
  report: Report,
  columns: readonly ReportColumn[],
  row: number,
  values: readonly ReportValue[],
  widths: readonly number[],
  footer = false,
): void {
  let lines = 1;
  columns.forEach((column, index) => {
    const cell = report.sheet.getCell(row, index + 1);
    const value = values[index] ?? null;
    if (footer) {
      cell.value = plainValue(value);
    }
    const link = isLink(value) ? value.link : null;
    if (link !== null) {
      cell.value = { text: cellText(textOf(value)!), hyperlink: xmlText(link) };
    }
    const fill = footer ? "footer" : value === null ? null : (column.fill?.(value) ?? null);
    cell.style = bodyStyle(column.kind, link !== null, footer, fill);
    const text = textOf(value);
    if (text !== null && column.kind === "wrap") {
      lines = Math.max(lines, linesOf(text, widths[index]!));
    }
  });
  if (lines > 1) {
    report.sheet.getRow(row).height = lines * LINE_HEIGHT + 3;
  }
}

/**
 * The style of a table's cell. One object for all the cells that look alike: a region's
 * summary has a hundred thousand cells, and exceljs keeps a cell's style object as given
 * (assigned whole, never changed after).
 */
function bodyStyle(
  kind: ColumnKind | undefined,
  link: boolean,
  footer: boolean,
  fill: string | null,
): Partial<Style> {
  const key = `${kind}|${link}|${footer}|${fill}`;
  let style = STYLES.get(key);
  if (!style) {
    const format = FORMATS[kind ?? "text"];
    style = {
      font: link ? LINK_FONT : { ...FONT, bold: footer },
      border: BORDER,
      alignment: alignmentOf(kind),
      ...(format ? { numFmt: format } : {}),
      ...(fill === null ? {} : { fill: fill === "footer" ? FOOTER_FILL : solid(fill) }),
    };
    STYLES.set(key, style);
  }
  return style;
}

const STYLES = new Map<string, Partial<Style>>();

/**
 * A column's width, widened where a word of its header or of a value would not fit: a wrapped
 * cell breaks a word that does not (`заключительн|ый`). Values widen it up to `MAX_WIDE`; the
 * figures under an upward header take `VERTICAL_WIDTH`.
 */
function widthOf(column: ReportColumn, vertical: boolean, values: readonly ReportValue[]): number {
  const longest = (text: string) => Math.max(...text.split(/\s+/).map((word) => word.length));
  const wanted = vertical && isFigure(column) ? VERTICAL_WIDTH : column.width;
  const header = vertical && isFigure(column) ? 0 : Math.ceil(longest(column.header) / 1.2 + 2);
  // LibreOffice shows a hyperlink's text on one line, wrapped or not: the column takes it all.
  const span = column.kind === "link" ? (text: string) => text.length : longest;
  const value = Math.max(
    0,
    ...values.map((v) => {
      const text = textOf(v);
      // A link's whole text is measured with room to spare: it cannot wrap to be saved.
      const perUnit = column.kind === "link" ? 1.15 : 1.3;
      return text === null ? 0 : Math.ceil(span(text) / perUnit + 2);
    }),
  );
  return Math.max(wanted, header, Math.min(value, column.kind === "link" ? MAX_LINK : MAX_WIDE));
}

function isFigure(column: ReportColumn): boolean {
  return column.kind === "count" || column.kind === "number" || column.kind === "share";
}

/** Text and figures a space off the cell's border, as a printed table has them. */
function alignmentOf(kind: ColumnKind | undefined): Partial<Alignment> {
  switch (kind) {
    case "count":
    case "number":
    case "share":
      return { horizontal: "right", vertical: "top" };
    case "date":
      return { horizontal: "center", vertical: "top" };
    case "wrap":
    case "link":
      return { horizontal: "left", vertical: "top", wrapText: true, indent: 1 };
    default:
      return { horizontal: "left", vertical: "top", indent: 1 };
  }
}

function addBar(
  report: Report,
  column: number,
  from: number,
  to: number,
  share: boolean,
  colour: string,
): void {
  const letter = report.sheet.getColumn(column).letter;
  report.sheet.addConditionalFormatting({
    ref: `${letter}${from}:${letter}${to}`,
    rules: [
      {
        type: "dataBar",
        priority: report.priority++,
        // From zero, so that a bar's length is its count (with `min`, the least has none).
        cfvo: share
          ? [
              { type: "num", value: 0 },
              { type: "num", value: 1 },
            ]
          : [{ type: "num", value: 0 }, { type: "max" }],
        // A solid bar is written with Excel 2010's extension, whose bars start at zero length:
        // Excel 2007's gradient bars give a count of 0 a tenth of a bar.
        gradient: false,
        // exceljs writes the colour of a data bar, but its type leaves the field out.
        ...({ color: { argb: colour } } as object),
      },
    ],
  });
}

function solid(argb: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

function isLink(value: ReportValue): value is { text: string; link: string | null } {
  return value !== null && typeof value === "object" && !(value instanceof Date);
}

function plainValue(value: ReportValue): CellValue {
  if (value === null || value instanceof Date || typeof value === "number") {
    return value;
  }
  return cellText(typeof value === "string" ? value : value.text);
}

function textOf(value: ReportValue): string | null {
  if (value === null || value instanceof Date || typeof value === "number") {
    return null;
  }
  return typeof value === "string" ? value : value.text;
}

import type { Raw } from "../../../lib/domain/card.js";
import { cellAddress } from "../../../lib/sheet/grid.js";
import type { Capabilities } from "./capabilities.js";
import { applyStyle, columnPoints } from "./cellStyle.js";
import type { ReportColumn, ReportSheet, ReportTable, ReportValue } from "./summaryReport.js";
import { writeRows } from "./writeCells.js";

const FORMATS: Partial<Record<NonNullable<ReportColumn["kind"]>, string>> = {
  count: "0",
  share: "0%",
  date: "dd.mm.yyyy",
};

const HEADER_FILL = "DDE7F2";
const LINK_COLOR = "#0563C1";

/**
 * Lays a report sheet (summaryReport.ts) out on an empty worksheet through Office.js: the
 * title and subtitle, then each table with its heading and note, a header in the colours of
 * the template, thin borders, number formats by the column's kind, links to the cards of this
 * workbook, and a stacked bar chart where the table asks for one. Each table's values go in
 * as one block, so the writes do not grow with the rows but for the links and fills. A list
 * keeps its header frozen and, with ExcelApi 1.9, gets a filter and its print set-up.
 * Queues the writes; the caller syncs.
 */
export function writeReport(
  sheet: Excel.Worksheet,
  report: ReportSheet,
  capabilities: Pick<Capabilities, "pageLayout">,
): void {
  const widths = columnWidths(report);
  widths.forEach((width, col) => {
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = columnPoints(width);
  });
  writeRows(sheet.getRangeByIndexes(0, 0, 2, 1), [[report.title], [report.subtitle]]);
  applyStyle(
    sheet.getRangeByIndexes(0, 0, 1, 1),
    { bold: true, size: 14, color: "1F3864" },
    { indents: false },
  );
  applyStyle(
    sheet.getRangeByIndexes(1, 0, 1, 1),
    { italic: true, color: "595959" },
    {
      indents: false,
    },
  );

  let row = 3;
  let list: { header: number; rows: number; cols: number } | null = null;
  for (const table of report.tables) {
    const { header, end } = writeTable(sheet, table, row, widths);
    list ??= { header, rows: end - header, cols: table.columns.length };
    row = end;
    if (table.chart && table.rows.length > 0) {
      row = addChart(sheet, table, header, row + 1, widths.length);
    }
    row += 1;
  }

  if (report.list && list) {
    sheet.freezePanes.freezeRows(list.header + 1);
    if (capabilities.pageLayout) {
      sheet.autoFilter.apply(sheet.getRangeByIndexes(list.header, 0, list.rows, list.cols));
    }
  } else {
    sheet.showGridlines = false;
  }
  if (capabilities.pageLayout) {
    setUpPrinting(sheet, report, widths, list?.header ?? null);
  }
}

/** Writes one table from `top`; returns the row of its header and the row after it. */
function writeTable(
  sheet: Excel.Worksheet,
  table: ReportTable,
  top: number,
  widths: readonly number[],
): { header: number; end: number } {
  let row = top;
  const cols = table.columns.length;
  if (table.heading) {
    writeRows(sheet.getRangeByIndexes(row, 0, 1, 1), [[table.heading]]);
    applyStyle(sheet.getRangeByIndexes(row, 0, 1, 1), { bold: true, size: 12 }, { indents: false });
    row++;
  }
  if (table.note) {
    const note = sheet.getRangeByIndexes(row, 0, 1, cols);
    writeRows(note, [[table.note, ...Array<Raw>(cols - 1).fill(null)]]);
    note.merge(false);
    applyStyle(
      note,
      { italic: true, size: 9, color: "595959", wrap: true, vertical: "top" },
      {
        indents: false,
      },
    );
    // Excel fits no row to a merged cell's text: the note's lines are counted here.
    const width = widths.slice(0, cols).reduce((sum, w) => sum + w, 0);
    note.format.rowHeight = 12 * Math.ceil(table.note.length / (width * 1.2)) + 3;
    row++;
  }

  const empty = table.rows.length === 0;
  const body = empty ? [[table.empty, ...Array<ReportValue>(cols - 1).fill(null)]] : table.rows;
  const block = [
    table.columns.map((c) => c.header),
    ...body,
    ...(table.footer ? [table.footer] : []),
  ];
  const formats = block.map((values, r) =>
    values.map((_, c) => (r === 0 ? undefined : FORMATS[table.columns[c]?.kind ?? "text"])),
  );
  writeRows(
    sheet.getRangeByIndexes(row, 0, block.length, cols),
    block.map((values) => values.map(textOf)),
    formats,
  );

  applyStyle(
    sheet.getRangeByIndexes(row, 0, 1, cols),
    { bold: true, fill: HEADER_FILL, horizontal: "center", vertical: "middle", wrap: true },
    { indents: false },
  );
  const all = sheet.getRangeByIndexes(row, 0, block.length, cols);
  for (const edge of BORDERS) {
    const border = all.format.borders.getItem(edge);
    border.style = "Continuous";
    border.color = "#808080";
  }
  table.columns.forEach((column, c) => {
    if (column.kind === "wrap" && block.length > 1) {
      const cells = sheet.getRangeByIndexes(row + 1, c, block.length - 1, 1);
      cells.format.wrapText = true;
      cells.format.verticalAlignment = "Top";
    }
  });
  if (empty) {
    applyStyle(sheet.getRangeByIndexes(row + 1, 0, 1, 1), { italic: true }, { indents: false });
  }
  if (table.footer) {
    applyStyle(
      sheet.getRangeByIndexes(row + block.length - 1, 0, 1, cols),
      { bold: true },
      {
        indents: false,
      },
    );
  }

  body.forEach((values, r) =>
    values.forEach((value, c) => {
      const cell = sheet.getRangeByIndexes(row + 1 + r, c, 1, 1);
      if (value !== null && typeof value === "object") {
        cell.hyperlink = { documentReference: value.link, textToDisplay: value.text };
        cell.format.font.color = LINK_COLOR;
        cell.format.font.underline = "Single";
      }
      const fill = table.fill?.column === c ? table.fill.colors[String(value)] : undefined;
      if (fill) {
        cell.format.fill.color = fill;
      }
    }),
  );
  all.format.autofitRows();
  return { header: row, end: row + block.length };
}

/**
 * A stacked bar chart of the table whose header is at row `header`, placed from row `top`
 * across the report's columns; returns the row after it. Bars go top to bottom in the table's
 * order (a bar chart's categories run upward unless reversed).
 */
function addChart(
  sheet: Excel.Worksheet,
  table: ReportTable,
  header: number,
  top: number,
  columns: number,
): number {
  const spec = table.chart!;
  const source = sheet.getRangeByIndexes(header, 0, table.rows.length + 1, spec.series + 1);
  const chart = sheet.charts.add("BarStacked", source, "Columns");
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  chart.axes.categoryAxis.reversePlotOrder = true;
  chart.axes.valueAxis.title.text = spec.axis;
  spec.colors.forEach((color, index) =>
    chart.series.getItemAt(index).format.fill.setSolidColor(color),
  );
  // Some 30 points a bar, and room for the title, the axis and the legend.
  const rows = Math.max(14, Math.ceil((table.rows.length * 30 + 110) / 15));
  chart.setPosition(cellAddress(top, 0), cellAddress(top + rows - 1, Math.max(0, columns - 1)));
  return top + rows;
}

/** A list prints landscape, its header on every page; the overview portrait; both fit the width. */
function setUpPrinting(
  sheet: Excel.Worksheet,
  report: ReportSheet,
  widths: readonly number[],
  header: number | null,
): void {
  const page = sheet.pageLayout;
  page.orientation = report.orientation === "landscape" ? "Landscape" : "Portrait";
  page.paperSize = "A4";
  const inch = 72;
  // A4 is 8.27 by 11.69 inches; Excel's default margins take 0.7 inch a side.
  const paper = report.orientation === "landscape" ? 11.69 : 8.27;
  const width = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  const room = (paper - 1.4) * inch;
  page.zoom = { scale: Math.max(10, Math.min(100, Math.floor((room / width) * 100))) };
  if (report.list && header !== null) {
    page.setPrintTitleRows(`$${header + 1}:$${header + 1}`);
  }
}

/** Each column as wide as the widest of its tables. */
function columnWidths(report: ReportSheet): number[] {
  const widths: number[] = [];
  for (const table of report.tables) {
    table.columns.forEach((column, c) => {
      widths[c] = Math.max(widths[c] ?? 0, column.width);
    });
  }
  return widths;
}

function textOf(value: ReportValue): Raw {
  return value !== null && typeof value === "object" ? value.text : value;
}

const BORDERS = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

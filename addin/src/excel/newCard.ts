import { CardSchema } from "../../../lib/domain/card.js";
import type { Raw } from "../../../lib/domain/card.js";
import type { Config } from "../../../lib/domain/config.js";
import { parseAddress, sheetReference } from "../../../lib/sheet/grid.js";
import type {
  InputRule,
  ListName,
  PrintSetup,
  TemplateLayout,
  TemplateSheet,
} from "../../../lib/sheet/template.js";
import {
  cardTemplate,
  LISTS_SHEET,
  TEMPLATE_FONT,
  TEMPLATE_STYLES,
} from "../../../lib/sheet/template.js";
import { OFF_LIST } from "../../../lib/sheet/templatePrompts.js";
import type { Capabilities } from "./capabilities.js";
import { applyStyle, columnPoints } from "./cellStyle.js";
import { cardSheetName, uniqueSheetName } from "./sheetNames.js";
import { writeRows } from "./writeCells.js";

export interface NewCardOptions {
  config: Config;
  capabilities: Pick<Capabilities, "pageLayout">;
}

/**
 * «Новая карта» in Excel: the card template (`cardTemplate`, the same layout `iom template`
 * writes with exceljs) laid out on a new sheet named after the teacher, with the ФИО filled
 * in: values, number formats, merges, styles, column widths and row heights, the drop-down
 * lists with their input messages, the colours of the levels, the defined names of its
 * sections (scoped to the sheet, so that cards of one workbook do not clash) and, with
 * ExcelApi 1.9, the print set-up. The drop-downs read the lists sheet «Справочники» through
 * the workbook's names (`Список_компетенций`, …): made with the first card, rewritten with
 * the district's lists by the next ones. Two syncs: the sheets and names there are, then
 * every write.
 *
 * @returns the new sheet's name, and the lists sheet's.
 *
 * @example await Excel.run((context) => addCardSheet(context, "Иванова Анна Петровна", options))
 */
export async function addCardSheet(
  context: Excel.RequestContext,
  teacher: string,
  options: NewCardOptions,
): Promise<{ name: string; lists: string }> {
  const worksheets = context.workbook.worksheets;
  const names = context.workbook.names;
  worksheets.load("items/name");
  names.load("items/name,items/formula");
  await context.sync();

  const taken = worksheets.items.map((sheet) => sheet.name);
  const defined = new Map(names.items.map((item) => [item.name.toLowerCase(), item]));
  const layout = cardTemplate(CardSchema.parse({ general: { fullName: teacher } }), {
    config: options.config,
  });
  const name = cardSheetName(teacher, taken);
  const ownLists = listsSheetOf(defined, layout, taken);
  const lists = ownLists ?? uniqueSheetName(LISTS_SHEET, [...taken, name]);

  // The card first, so that a lists sheet made now stands after it.
  const card = worksheets.add(name);
  const listsSheet = ownLists ? worksheets.getItem(lists) : worksheets.add(lists);
  if (ownLists) {
    // The lists are the district's as configured now: the old ones go.
    listsSheet.getUsedRange(true).clear("All");
  }
  layOut(listsSheet, layout.lists, options.capabilities);
  for (const list of layout.referenceLists) {
    const cells = list.range.slice(list.range.indexOf("!") + 1);
    const existing = defined.get(list.name.toLowerCase());
    if (existing) {
      existing.formula = `=${sheetReference(lists)}!${cells}`;
    } else {
      names.add(list.name, listsSheet.getRange(cells));
    }
  }

  layOut(card, layout.card, options.capabilities);
  addInputRules(card, layout);
  const cardReference = `${sheetReference(layout.card.name)}!`;
  for (const section of layout.names.filter((n) => n.range.startsWith(cardReference))) {
    card.names.add(section.name, card.getRange(section.range.slice(cardReference.length)));
  }
  for (const rule of layout.conditional) {
    const format = card.getRange(rule.range).conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${rule.formula}`;
    if (rule.fill) {
      format.custom.format.fill.color = `#${rule.fill}`;
    }
    if (rule.color) {
      format.custom.format.font.color = `#${rule.color}`;
    }
  }
  card.freezePanes.freezeRows(layout.frozenRows);
  card.showGridlines = false;
  if (options.capabilities.pageLayout) {
    setUpPrinting(card, layout.print, layout.card.columns);
  }
  card.activate();
  await context.sync();

  return { name, lists };
}

/**
 * The lists sheet the workbook's names already point at, where it is still there: a card made
 * earlier (here, or by `iom template`) made it. Null where there is none.
 */
function listsSheetOf(
  defined: ReadonlyMap<string, Excel.NamedItem>,
  layout: TemplateLayout,
  taken: readonly string[],
): string | null {
  const first = layout.referenceLists[0];
  const formula = first ? defined.get(first.name.toLowerCase())?.formula : undefined;
  const match =
    typeof formula === "string" ? /^=?(?:'((?:[^']|'')+)'|([^!]+))!/.exec(formula) : null;
  const sheet = match ? (match[1]?.replace(/''/g, "'") ?? match[2]!) : null;
  return sheet !== null && taken.some((name) => name.toLowerCase() === sheet.toLowerCase())
    ? taken.find((name) => name.toLowerCase() === sheet.toLowerCase())!
    : null;
}

/**
 * Widths, heights, values with their number formats, merges and styles of one sheet of the
 * template. The values go in as one block, so that their number of writes does not grow with
 * the cells; merges come after them (a merge keeps its top-left cell's value, and the others
 * are empty).
 */
function layOut(
  sheet: Excel.Worksheet,
  template: TemplateSheet,
  capabilities: Pick<Capabilities, "pageLayout">,
): void {
  template.columns.forEach((width, col) => {
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = columnPoints(width);
  });
  for (const { row, height } of template.heights) {
    sheet.getRangeByIndexes(row - 1, 0, 1, 1).format.rowHeight = height;
  }

  const placed = template.cells.map((item) => ({ item, at: parseAddress(item.cell) }));
  const rows = Math.max(0, ...placed.map(({ at }) => at.row + 1));
  const cols = Math.max(template.columns.length, ...placed.map(({ at }) => at.col + 1));
  if (rows > 0) {
    const values: Raw[][] = Array.from({ length: rows }, () => Array<Raw>(cols).fill(null));
    const formats: (string | undefined)[][] = Array.from({ length: rows }, () =>
      Array<string | undefined>(cols).fill(undefined),
    );
    for (const { item, at } of placed) {
      values[at.row]![at.col] = item.value;
      formats[at.row]![at.col] = item.numFmt;
    }
    writeRows(sheet.getRangeByIndexes(0, 0, rows, cols), values, formats);
  }

  for (const { item } of placed) {
    const range = sheet.getRange(item.merge ?? item.cell);
    if (item.merge) {
      range.merge(false);
    }
    applyStyle(range, TEMPLATE_STYLES[item.style], {
      font: TEMPLATE_FONT,
      indents: capabilities.pageLayout,
    });
  }
}

/** The drop-down lists and input messages of the card's cells. */
function addInputRules(sheet: Excel.Worksheet, layout: TemplateLayout): void {
  const listNames = new Map<ListName, string>(layout.referenceLists.map((l) => [l.id, l.name]));
  for (const item of layout.card.cells) {
    if (item.input) {
      setRule(sheet.getRange(item.merge ?? item.cell).dataValidation, item.input, listNames);
    }
  }
}

function setRule(
  validation: Excel.DataValidation,
  input: InputRule,
  listNames: ReadonlyMap<ListName, string>,
): void {
  if (input.list) {
    validation.rule = {
      list: { inCellDropDown: true, source: `=${listNames.get(input.list)}` },
    };
    // A closed list warns and lets the user keep another value; an open one (competencies,
    // forms, signs beside percents) only suggests: Excel's default alert would refuse «75%».
    validation.errorAlert = input.strict
      ? { showAlert: true, style: "Warning", title: OFF_LIST.title, message: OFF_LIST.text }
      : { showAlert: false, style: "Stop", title: "", message: "" };
  }
  validation.prompt = { showPrompt: true, title: input.prompt.title, message: input.prompt.text };
}

/**
 * A4 landscape as the template's file prints: the title row on every page, a page for each of
 * the first sections, the footer with the page number. Scaled so that the columns fit the
 * page's width (ExcelApi's «fit to pages» leaves the height to guesswork).
 */
function setUpPrinting(
  sheet: Excel.Worksheet,
  print: PrintSetup,
  columns: readonly number[],
): void {
  const page = sheet.pageLayout;
  const inch = 72;
  page.orientation = "Landscape";
  page.paperSize = "A4";
  page.leftMargin = print.margins.left * inch;
  page.rightMargin = print.margins.right * inch;
  page.topMargin = print.margins.top * inch;
  page.bottomMargin = print.margins.bottom * inch;
  page.headerMargin = print.margins.header * inch;
  page.footerMargin = print.margins.footer * inch;
  page.centerHorizontally = true;

  // A4 is 11.69 inches wide in landscape.
  const width = columns.reduce((sum, c) => sum + columnPoints(c), 0);
  const room = (11.69 - print.margins.left - print.margins.right) * inch;
  page.zoom = { scale: Math.max(10, Math.min(100, Math.floor((room / width) * 100))) };
  page.setPrintTitleRows(`$${print.titleRows.replace(":", ":$")}`);
  page.setPrintArea(print.area);

  const [, left = "", right = ""] = /^&L(.*?)(?:&R(.*))?$/.exec(print.footer) ?? [];
  page.headersFooters.defaultForAllPages.leftFooter = left;
  page.headersFooters.defaultForAllPages.rightFooter = right;
  for (const row of print.breaksBefore) {
    sheet.horizontalPageBreaks.add(`A${row}`);
  }
}

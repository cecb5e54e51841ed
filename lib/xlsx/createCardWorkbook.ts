import ExcelJS from "exceljs";
import type { Borders, DataValidation, Style, Workbook, Worksheet } from "exceljs";

import type { Card } from "../domain/card.js";
import { cellAddress, parseAddress } from "../sheet/grid.js";
import type {
  CellStyle,
  InputRule,
  ListName,
  TemplateLayout,
  TemplateOptions,
  TemplateSheet,
} from "../sheet/template.js";
import { cardTemplate, TEMPLATE_FONT, TEMPLATE_STYLES } from "../sheet/template.js";
import { OFF_LIST } from "../sheet/templatePrompts.js";
import { printAreaForExceljs, restoreRowBreaks } from "./printSetup.js";

/**
 * The card workbook of the template: the card sheet «Карта ИОМ» (Appendix 1 of the
 * regulation with DESIGN.md's additions) and the sheet of reference lists its drop-downs
 * read. Without a card it is the blank template; with one, the card filled in (as
 * `templateCard` describes). Bytes out, so it works in Node and in the browser.
 *
 * @example await writeFile("card.xlsx", await createCardWorkbook());
 */
export async function createCardWorkbook(
  card?: Card,
  options: TemplateOptions = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "iom-kit";
  addTemplate(workbook, cardTemplate(card, options));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Lays a template out in a workbook: the card sheet, the lists sheet, the defined names. */
export function addTemplate(workbook: Workbook, layout: TemplateLayout): Worksheet {
  const { print } = layout;
  const sheet = workbook.addWorksheet(layout.card.name, {
    views: [{ state: "frozen", ySplit: layout.frozenRows, showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.fitToWidth,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: print.margins,
      printTitlesRow: print.titleRows,
      printArea: printAreaForExceljs(print.area),
    },
    headerFooter: { oddFooter: print.footer, evenFooter: print.footer },
  });
  const listNames = new Map(layout.referenceLists.map((list) => [list.id, list.name]));
  layOut(sheet, layout.card, listNames);
  restoreRowBreaks(
    workbook,
    new Map([[layout.card.name, print.breaksBefore.map((row) => ({ row: row - 1 }))]]),
  );
  layout.conditional.forEach((rule, index) => {
    sheet.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: "expression",
          priority: index + 1,
          formulae: [rule.formula],
          style: {
            ...(rule.fill ? { fill: solid(rule.fill) } : {}),
            ...(rule.color ? { font: { color: { argb: argb(rule.color) } } } : {}),
          },
        },
      ],
    });
  });

  const lists = workbook.addWorksheet(layout.lists.name, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: print.margins,
    },
  });
  layOut(lists, layout.lists, listNames);

  for (const { name, range } of layout.names) {
    workbook.definedNames.add(range, name);
  }
  return sheet;
}

/** Widths, heights, merges, values, styles, drop-downs and input messages of one sheet. */
function layOut(
  sheet: Worksheet,
  template: TemplateSheet,
  listNames: ReadonlyMap<ListName, string>,
): void {
  sheet.columns = template.columns.map((width) => ({ width }));
  for (const { row, height } of template.heights) {
    sheet.getRow(row).height = height;
  }

  for (const item of template.cells) {
    if (item.merge) {
      sheet.mergeCells(item.merge);
    }
    const style = excelStyle(TEMPLATE_STYLES[item.style], item.numFmt);
    for (const address of cellsOf(item.merge ?? item.cell)) {
      // A fresh object per cell: exceljs shares a style object between the cells it is
      // given to, and a later change to one would change them all (exceljs 2055).
      sheet.getCell(address).style = structuredClone(style);
    }

    const cell = sheet.getCell(item.cell);
    if (item.value !== null) {
      // Strings stay strings: exceljs writes a formula only from { formula }, so a value
      // typed as «=…», «+» or «-» is kept as text.
      cell.value = item.value;
    }
    if (item.input) {
      cell.dataValidation = validation(item.input, listNames);
    }
  }
}

function validation(input: InputRule, listNames: ReadonlyMap<ListName, string>): DataValidation {
  const message = {
    showInputMessage: true,
    promptTitle: input.prompt.title,
    prompt: input.prompt.text,
  };
  if (!input.list) {
    // exceljs writes a validation of type «any» as an input message alone; its types omit it.
    return { type: "any", ...message } as unknown as DataValidation;
  }
  return {
    type: "list",
    allowBlank: true,
    formulae: [listNames.get(input.list)],
    ...message,
    // A closed list warns and lets the user keep another value; an open one (competencies,
    // forms, signs and percents) only suggests.
    ...(input.strict
      ? {
          showErrorMessage: true,
          errorStyle: "warning",
          errorTitle: OFF_LIST.title,
          error: OFF_LIST.text,
        }
      : {}),
  };
}

function excelStyle(style: CellStyle, numFmt: string | undefined): Partial<Style> {
  const result: Partial<Style> = {
    font: {
      name: TEMPLATE_FONT.name,
      size: style.size ?? TEMPLATE_FONT.size,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
    },
    alignment: {
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.indent ? { indent: style.indent } : {}),
    },
  };
  if (style.fill) {
    result.fill = solid(style.fill);
  }
  if (style.border) {
    result.border = borders(style.border);
  }
  if (numFmt) {
    result.numFmt = numFmt;
  }
  return result;
}

function borders(kind: NonNullable<CellStyle["border"]>): Partial<Borders> {
  const thin = { style: "thin" as const, color: { argb: "FF808080" } };
  return kind === "all" ? { top: thin, left: thin, bottom: thin, right: thin } : { bottom: thin };
}

function solid(colour: string): ExcelJS.FillPattern {
  // Excel paints a differential (conditional) fill with bgColor and a cell's with fgColor.
  return {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: argb(colour) },
    bgColor: { argb: argb(colour) },
  };
}

function argb(colour: string): string {
  return `FF${colour}`;
}

/** Every address of a range, `C5:D6` → C5, D5, C6, D6. */
function cellsOf(range: string): string[] {
  const [from, to = from] = range.split(":") as [string, string?];
  const a = parseAddress(from);
  const b = parseAddress(to);
  const addresses: string[] = [];
  for (let row = a.row; row <= b.row; row++) {
    for (let col = a.col; col <= b.col; col++) {
      addresses.push(cellAddress(row, col));
    }
  }
  return addresses;
}

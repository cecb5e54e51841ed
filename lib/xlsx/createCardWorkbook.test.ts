import { readFile } from "node:fs/promises";
import { join } from "node:path";

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { AS_OF, buildCard, cleanCard } from "../../test/builders.js";
import { loadExcel, SAMPLES, sampleFiles } from "../../test/workbooks.js";
import { CardSchema } from "../domain/card.js";
import { readCardSheet } from "../sheet/readCard.js";
import { RECORD_SHEET } from "../sheet/readCards.js";
import { CARD_SHEET, cardTemplate, LISTS_SHEET, templateCard } from "../sheet/template.js";
import { createCardWorkbook } from "./createCardWorkbook.js";
import { readGrids } from "./readGrids.js";
import { readWorkbook } from "./readWorkbook.js";

async function readBack(bytes: Uint8Array) {
  const grids = await readGrids(bytes);
  return readCardSheet(grids.find((g) => g.name === CARD_SHEET)!)!;
}

describe("createCardWorkbook", () => {
  it("writes the clean card so that it reads back the same, with no finding", async () => {
    const bytes = await createCardWorkbook(cleanCard());
    const { records, findings } = await readWorkbook(bytes, { file: "карта.xlsx", asOf: AS_OF });

    expect(findings).toEqual([]);
    expect(records.map((r) => r.sheet)).toEqual([CARD_SHEET]);
    expect(records[0]!.card).toEqual(cleanCard());
  });

  it.each(sampleFiles())("gives back the cards of %s as the template holds them", async (file) => {
    const grids = await readGrids(await readFile(join(SAMPLES, file)));
    const cards = grids.map(readCardSheet).filter((read) => read !== null);

    for (const { card } of cards) {
      const back = await readBack(await createCardWorkbook(card));
      expect(back.card).toEqual(templateCard(card));
      expect(back.problems).toEqual([]);
    }
  });

  it("writes drop-downs and input messages that exceljs reads back", async () => {
    const layout = cardTemplate();
    const workbook = await loadExcel(await createCardWorkbook());
    const sheet = workbook.getWorksheet(CARD_SHEET)!;
    const cellOf = (field: string) =>
      sheet.getCell(layout.card.cells.find((c) => c.field === field)!.cell);

    expect(cellOf("general.category").dataValidation).toMatchObject({
      type: "list",
      formulae: ["Список_категорий"],
      showInputMessage: true,
      promptTitle: "Квалификационная категория",
      showErrorMessage: true,
      errorStyle: "warning",
    });
    expect(cellOf("general.diagnosticForms").dataValidation).toMatchObject({
      type: "list",
      formulae: ["Список_форм_оценки"],
    });
    expect(cellOf("general.diagnosticForms").dataValidation.showErrorMessage).toBeUndefined();
    expect(cellOf("general.phone").dataValidation).toMatchObject({
      type: "any",
      showInputMessage: true,
      promptTitle: "Мобильный телефон",
    });
    expect(cellOf("finalEvent.level").dataValidation.formulae).toEqual([
      "Список_уровней_мероприятия",
    ]);
    expect(cellOf("entry.0.high").dataValidation.formulae).toEqual(["Список_знаков"]);

    const lists = workbook.getWorksheet(LISTS_SHEET)!;
    expect(lists.getColumn(3).values.slice(2)).toEqual([
      "высшая",
      "первая",
      "соответствие занимаемой должности",
      "без категории",
    ]);
  });

  it("names each section and list in the workbook", async () => {
    const workbook = await loadExcel(await createCardWorkbook());
    const names = workbook.definedNames.model.map((n) => [n.name, n.ranges]);

    expect(names).toContainEqual(["Общие_сведения", ["'Карта ИОМ'!$A$3:$H$25"]]);
    expect(names).toContainEqual(["Список_знаков", ["'Справочники'!$H$2:$H$3"]]);
    expect(names).toHaveLength(cardTemplate().names.length);
  });

  it("sets the card up for A4 across, fitted to the width, the title on every page", async () => {
    const workbook = await loadExcel(await createCardWorkbook());
    const sheet = workbook.getWorksheet(CARD_SHEET)!;

    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.headerFooter.oddFooter).toContain("Страница &P из &N");
  });

  it("colours deficit levels and overdue activities", async () => {
    const workbook = await loadExcel(await createCardWorkbook());
    // The loaded rules are on the worksheet, though its type leaves them out.
    const { conditionalFormattings: rules } = workbook.getWorksheet(CARD_SHEET)! as unknown as {
      conditionalFormattings: { ref: string; rules: unknown[] }[];
    };

    expect(rules.map((r) => r.ref)).toEqual(cardTemplate().conditional.map((c) => c.range));
    expect(rules.some((r) => JSON.stringify(r.rules).includes("TODAY()"))).toBe(true);
  });

  it("keeps text beginning with =, +, - or @ as text", async () => {
    const card = buildCard((c) => {
      c.general.extra = '=HYPERLINK("http://example.ru")';
      c.general.awards = "@грамота";
      c.entry[0]!.results = { low: { value: "-" }, medium: { value: "-" }, high: { value: "-" } };
      c.entry[3]!.results = { medium: { value: "+" } };
      c.plan[0]!.result = "+1 открытый урок";
    });
    const bytes = await createCardWorkbook(card);
    const sheet = (await loadExcel(bytes)).getWorksheet(CARD_SHEET)!;
    const layout = cardTemplate(card);
    const typeOf = (field: string) =>
      sheet.getCell(layout.card.cells.find((c) => c.field === field)!.cell).type;

    for (const field of [
      "general.extra",
      "general.awards",
      "entry.0.low",
      "entry.3.medium",
      "plan.0.result",
    ]) {
      expect(typeOf(field), field).toBe(ExcelJS.ValueType.String);
    }
    expect((await readBack(bytes)).card).toEqual(card);
  });

  it("adds no record sheet and no card but the one", async () => {
    const grids = await readGrids(await createCardWorkbook());

    expect(grids.map((g) => g.name)).toEqual([CARD_SHEET, LISTS_SHEET]);
    expect(grids.map((g) => g.name)).not.toContain(RECORD_SHEET);
  });

  it("starts a new card with its teacher's name and the card's competencies", async () => {
    const read = await readBack(
      await createCardWorkbook(CardSchema.parse({ general: { fullName: "Петрова Е. И." } })),
    );

    expect(read.card.general.fullName).toBe("Петрова Е. И.");
    expect(read.card.entry).toHaveLength(15);
  });
});

import { readFile } from "node:fs/promises";
import { join } from "node:path";

import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import * as samples from "../../scripts/samples/data.js";
import {
  cardRecord,
  DISTRICT_AS_OF,
  districtRecords,
  located,
  sketchCard,
  testAnonymizer,
} from "../../test/builders-summary.js";
import { loadExcel, SAMPLES, sampleFiles } from "../../test/workbooks.js";
import type { Summary } from "../domain/summary.js";
import {
  addCard,
  addUnreadable,
  createSummary,
  finishSummary,
  summarize,
} from "../domain/summary.js";
import { aggregate } from "../domain/summary-aggregate.js";
import { readGrids } from "./readGrids.js";
import { readSummaryWorkbook } from "./readSummaryWorkbook.js";
import { readWorkbook } from "./readWorkbook.js";
import { SUMMARY_SHEET } from "./summaryData.js";
import { relativeLink, writeSummaryWorkbook } from "./writeSummaryWorkbook.js";

const SHEETS = [
  "Сводка",
  "Педагоги",
  "Дефициты",
  "Мероприятия",
  "Результативность",
  "ОО",
  "Потребность",
  "Замечания",
];

/** The summary of every sample as `iom summary samples` makes it, files named from samples/. */
async function samplesSummary(): Promise<Summary> {
  const asOf = new Date(2026, 10, 16);
  const summary = createSummary({ asOf });
  for (const file of sampleFiles()) {
    const read = await readWorkbook(await readFile(join(SAMPLES, file)), { file, asOf });
    read.records.forEach((record) => addCard(summary, record));
    if (read.records.length === 0) {
      read.findings.forEach((item) => addUnreadable(summary, item));
    }
  }
  return finishSummary(summary);
}

const district = () => summarize(districtRecords(), { asOf: DISTRICT_AS_OF });

describe("writeSummaryWorkbook", () => {
  it("writes the sheets for people, then its own data in a very hidden sheet", async () => {
    const workbook = await loadExcel(await writeSummaryWorkbook(await samplesSummary()));

    expect(workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ...SHEETS.map((name) => [name, "visible"]),
      [SUMMARY_SHEET, "veryHidden"],
    ]);
  });

  it("makes each list an Excel table with filters, a frozen header, data bars and A4 print set-up", async () => {
    const workbook = await loadExcel(await writeSummaryWorkbook(await samplesSummary()));

    for (const name of SHEETS.slice(1, -1)) {
      const sheet = workbook.getWorksheet(name)!;
      const [table] = sheet.getTables() as unknown as {
        table: { tableRef: string; autoFilterRef?: string };
      }[];
      expect(table, name).toBeDefined();
      expect(sheet.views[0]).toMatchObject({ state: "frozen" });
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      const rules = (
        sheet as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }
      ).conditionalFormattings.flatMap((cf) => cf.rules.map((rule) => rule.type));
      expect(rules, name).toContain("dataBar");
    }
    expect(workbook.getWorksheet("Замечания")!.getTables()).toHaveLength(1);
    const teachers = workbook.getWorksheet("Педагоги")!;
    expect(teachers.views[0]).toMatchObject({ xSplit: 2, ySplit: 5 });
    expect(teachers.pageSetup.printTitlesRow).toBe("4:5");
    expect(workbook.getWorksheet("Сводка")!.pageSetup).toMatchObject({ orientation: "portrait" });
  });

  it("gives the key figures on «Сводка»", async () => {
    const summary = await samplesSummary();
    const { findings } = aggregate(summary);
    const [overview] = await readGrids(await writeSummaryWorkbook(summary));
    const figure = (label: string) =>
      overview!.rows.find((row) => row[0]?.value === label)?.[1]?.value;

    expect(overview!.rows[1]![0]!.value).toBe("на 16 ноября 2026 г.");
    expect(figure("Карт ИОМ прочитано")).toBe(13);
    expect(figure("Педагогов (каждый учтён один раз)")).toBe(12);
    expect(figure("Образовательных организаций")).toBe(3);
    expect(figure("Ошибок в картах")).toBe(findings.errors);
    expect(figure("Предупреждений")).toBe(findings.warnings);
    expect(figure("Реализация ИОМ")).toBe(7);
    expect(figure("Методическая компетенция")).toBe(8);
  });

  it("links each finding and each teacher to the file, sheet and cell of the card", async () => {
    const bytes = await writeSummaryWorkbook(await samplesSummary());
    const grids = await readGrids(bytes);
    const links = (name: string) =>
      grids
        .find((g) => g.name === name)!
        .rows.flatMap((row) => row.flatMap((cell) => (cell?.hyperlink ? [cell.hyperlink] : [])));

    expect(links("Замечания")).toContain("Берёзовская%20СОШ/Кузнецова%20О.И.xlsx#'Карта ИОМ'!C27");
    expect(links("Замечания")).toContain(
      "Кедровская%20СОШ%20№2/Карты%20ИОМ%202026.xlsx#'Фёдорова ''прошлый'' ИОМ'!C3",
    );
    expect(links("Замечания")).toContain("Озёрная%20ООШ/План%20ШМО.xlsx");
    expect(links("Педагоги")).toContain("Берёзовская%20СОШ/Соколова%20И.В.xlsx#'Карта ИОМ'!C3");
    expect(links("Сводка")).toEqual([]);
  });

  it("takes the links the caller makes, and makes none for an anonymized summary", async () => {
    const plain = await readGrids(
      await writeSummaryWorkbook(district(), { link: (file) => `../карты/${relativeLink(file)}` }),
    );
    const anonymized = await readGrids(
      await writeSummaryWorkbook(
        summarize(districtRecords(), { asOf: DISTRICT_AS_OF, anonymize: testAnonymizer("ключ") }),
        { link: (file) => file },
      ),
    );
    const links = (grids: typeof plain) =>
      grids
        .flatMap((g) => g.rows.flat())
        .flatMap((cell) => (cell?.hyperlink ? [cell.hyperlink] : []));

    expect(links(plain).every((link) => link.startsWith("../карты/"))).toBe(true);
    expect(links(plain).length).toBeGreaterThan(0);
    expect(links(anonymized)).toEqual([]);
  });

  it("keeps a text that starts like a formula a text", async () => {
    const summary = summarize(
      [
        cardRecord(
          "=HYPERLINK(1).xlsx",
          "+Лист",
          sketchCard({
            general: {
              fullName: "=1+1",
              school: "@SUM(A1)",
              position: "-учитель",
              mentor: "+7",
            },
            entry: [["Методическая", { high: "55%" }]],
          }),
          [located("plan.overdue", "=HYPERLINK(1).xlsx", "+Лист", "B4", "=2+2")],
        ),
      ],
      { asOf: DISTRICT_AS_OF },
    );
    const workbook = await loadExcel(await writeSummaryWorkbook(summary));

    const texts = ["=1+1", "@SUM(A1)", "-учитель", "+7", "=2+2", "=HYPERLINK(1).xlsx", "+Лист"];
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
    for (const text of texts) {
      const found = cells.filter((cell) => cell.text === text);
      expect(found.length, text).toBeGreaterThan(0);
      expect(
        found.every((cell) => cell.formula === undefined),
        text,
      ).toBe(true);
    }
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it("writes a summary of no cards", async () => {
    const summary = summarize([], { asOf: DISTRICT_AS_OF });
    const bytes = await writeSummaryWorkbook(summary);

    expect((await readSummaryWorkbook(bytes))!.summary).toStrictEqual(summary);
    expect((await readGrids(bytes)).find((g) => g.name === "Замечания")!.rows[4]![0]!.value).toBe(
      "замечаний нет",
    );
  });

  it("writes no phone and no e-mail anywhere: every cell of the summary of every sample", async () => {
    const grids = await readGrids(await writeSummaryWorkbook(await samplesSummary()));
    const texts = grids.flatMap((grid) =>
      grid.rows.flatMap((row) =>
        row.flatMap((cell) => (cell?.value == null ? [] : [String(cell.value)])),
      ),
    );
    const cards = Object.values(samples).filter(
      (value): value is samples.SampleCard => typeof value === "object" && "general" in value,
    );
    const phones = cards.map((card) => String(card.general.phone).replace(/\D/g, ""));
    const emails = cards.map((card) => String(card.general.email));
    // The rules' own messages show the pattern with invented examples: those are no one's.
    const examples = ["+7 913 123-45-67", "8 913 123-45-67", "ivanova@school.ru"];

    expect(phones).toHaveLength(13);
    for (const text of texts) {
      const rest = examples.reduce((t, example) => t.split(example).join(""), text);
      expect(rest).not.toMatch(/[\w.+-]+@[\w-]+\.[\p{L}]{2,}/u);
      expect(rest).not.toMatch(
        /(?:\+7|(?<![\d-])8)[\s(-]*9\d{2}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}/,
      );
      expect(rest).not.toMatch(/(?<![\d-])\d{2}-\d{2}-\d{2}(?![\d-])/);
      const digits = rest.replace(/\D/g, "");
      for (const phone of phones) {
        expect(digits).not.toContain(phone.slice(-7));
      }
      for (const email of emails) {
        expect(text).not.toContain(email);
      }
    }
  });
});

describe("readSummaryWorkbook", () => {
  it("gives back exactly the summary a workbook was written from", async () => {
    const summary = await samplesSummary();
    const read = await readSummaryWorkbook(await writeSummaryWorkbook(summary, { keyId: "abc" }));

    expect(read).toStrictEqual({ summary, keyId: "abc" });
  });

  it("gives back exactly any text, however long and strange", async () => {
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.constantFrom(
        "_x0041_",
        "_x005F_x0041_",
        " начало",
        "конец ",
        "=1+1",
        "\uFFFE\uFFFF",
        "\uD800",
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 4 }), async (names) => {
        const summary = summarize(
          names.map((name, index) =>
            cardRecord(
              `${name}.xlsx`,
              `${index}`,
              sketchCard({ general: { fullName: name, school: name, mentor: name } }),
              [located("general.phone", `${name}.xlsx`, name, "B4", name)],
            ),
          ),
          { asOf: DISTRICT_AS_OF },
        );

        const read = await readSummaryWorkbook(await writeSummaryWorkbook(summary));
        expect(read!.summary).toStrictEqual(summary);
      }),
      { numRuns: 25 },
    );
  });

  it("reads data longer than a cell holds, split between the halves of no character pair", async () => {
    const long = `${"наставничество ".repeat(3_000)}😀${"😀".repeat(20_000)}`;
    const summary = summarize(
      [cardRecord("a.xlsx", "Лист1", sketchCard({ general: { fullName: long } }))],
      { asOf: DISTRICT_AS_OF },
    );
    const bytes = await writeSummaryWorkbook(summary);
    const data = (await readGrids(bytes)).find((g) => g.name === SUMMARY_SHEET)!;

    expect(data.rows.length).toBeGreaterThan(3);
    expect(data.rows.every((row) => String(row[0]!.value).length <= 32_000)).toBe(true);
    expect((await readSummaryWorkbook(bytes))!.summary).toStrictEqual(summary);
  });

  it("is null for a card, and a summary workbook holds no card for the card reader", async () => {
    const card = await readFile(join(SAMPLES, "Берёзовская СОШ", "Соколова И.В.xlsx"));
    const summaryBytes = await writeSummaryWorkbook(await samplesSummary());

    expect(await readSummaryWorkbook(card)).toBeNull();
    expect(await readWorkbook(summaryBytes, { file: "сводка.xlsx" })).toEqual({
      records: [],
      findings: [],
      summary: true,
    });
  });

  it("says so where the data was cut or edited, or written by a later version", async () => {
    const bytes = await writeSummaryWorkbook(district());
    const edit = async (change: (text: string) => string) => {
      const workbook = await loadExcel(bytes);
      const cell = workbook.getWorksheet(SUMMARY_SHEET)!.getCell("A1");
      cell.value = change(String(cell.value));
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    };

    await expect(readSummaryWorkbook(await edit((t) => t.slice(0, -10)))).rejects.toThrow(
      "данные сводки обрезаны или изменены",
    );
    await expect(
      readSummaryWorkbook(await edit((t) => t.replace('"cards":5', '"cards":-5'))),
    ).rejects.toThrow("данные сводки не те, что записывает iom-kit (cards)");
    await expect(
      readSummaryWorkbook(await edit((t) => t.replace('"version":1', '"version":2'))),
    ).rejects.toThrow("сводка составлена более новой версией iom-kit");
  });
});

describe("relativeLink", () => {
  it("encodes what a URL gives a meaning to, and turns Windows folders", () => {
    expect(relativeLink("..\\Школа №1\\100% готово #2?.xlsx")).toBe(
      "../Школа%20№1/100%25%20готово%20%232%3F.xlsx",
    );
  });
});

import { describe, expect, it } from "vitest";

import { defaultConfig } from "../../../lib/domain/config.js";
import { createSummary } from "../../../lib/domain/summary.js";
import { aggregate } from "../../../lib/domain/summary-aggregate.js";
import { cardRows, FIXTURE_AS_OF } from "../../../test/fixtures/cardSheet.js";
import { cardWorkbook } from "../../../test/e2e/fixtures.js";
import { createStandin } from "../../test/standin/standin.js";
import type { StandinState } from "../../test/standin/standin.js";
import type { WorkbookData } from "../../test/standin/workbook.js";
import { addFiles } from "../browser/addFiles.js";
import { ExcelHost } from "./excelHost.js";
import { REPORT_SHEETS } from "./summaryReport.js";
import { SUMMARY_SETTING } from "./summarizeWorkbook.js";
import { excelSummaryFeature } from "./summaryFeature.js";

const options = { asOf: FIXTURE_AS_OF, config: defaultConfig, includeWorkbook: true };
const SHEETS = Object.values(REPORT_SHEETS);

function workbook(count: number, extra: Partial<WorkbookData> = {}): WorkbookData {
  return {
    name: "Карты школы.xlsx",
    sheets: Array.from({ length: count }, (_, i) => ({
      name: i === 0 ? "Иванова" : `Педагог ${i + 1}`,
      cells: cardRows({
        teacher: i === 0 ? "Иванова Анна Петровна" : `Педагог ${i + 1}`,
        wrongColumn: i === 0,
      }),
    })),
    ...extra,
  };
}

function hostOn(data: WorkbookData) {
  const standin = createStandin(data);
  return { host: new ExcelHost(standin.Excel, standin.Office), state: standin.state };
}

async function summarize(host: ExcelHost, includeWorkbook = true) {
  const summary = createSummary({ asOf: FIXTURE_AS_OF, config: defaultConfig });
  return await host.summarize(summary, { ...options, includeWorkbook });
}

/** Every value of the given sheets, as text. */
function texts(state: StandinState, names: readonly string[]): string[] {
  return state.sheets
    .filter((sheet) => names.includes(sheet.name))
    .flatMap((sheet) => [...sheet.cells.values()].map((cell) => String(cell.value)));
}

describe("«Сводка по району» in Excel", () => {
  it("writes the summary's sheets with a stacked bar chart of teachers per level per competency", async () => {
    const { host, state } = hostOn(workbook(3));

    const { summary, sheets } = await summarize(host);

    expect(sheets).toEqual(SHEETS);
    expect(state.sheets.map((s) => s.name)).toEqual([
      "Иванова",
      "Педагог 2",
      "Педагог 3",
      ...SHEETS,
    ]);
    expect(state.active).toBe("Сводка ИОМ");
    const [chart, ...others] = state.sheet("Сводка ИОМ")!.charts;
    expect(others).toEqual([]);
    expect(chart).toMatchObject({ type: "BarStacked", reversePlotOrder: true });
    expect(chart!.series.map((s) => s.name)).toEqual([
      "высокий",
      "средний",
      "низкий",
      "«+» без уровня",
    ]);
    const tables = aggregate(summary);
    const shown = tables.competencies.filter((c) => c.entry.none < tables.teachers.length);
    expect(chart!.categories).toEqual(shown.map((c) => c.name));
    expect(chart!.series[0]!.values).toEqual(shown.map((c) => c.entry.high));
    expect(chart!.series[3]!.values).toEqual(shown.map((c) => c.entry.present));
    expect(summary.cards).toBe(3);
  });

  it("lists the teachers, each ФИО a link to the card's sheet, and every finding", async () => {
    const { host, state } = hostOn(workbook(2));

    const { summary } = await summarize(host);

    const teachers = state.sheet(REPORT_SHEETS.teachers)!;
    const names = [...teachers.cells.values()].map((c) => c.value);
    expect(names).toContain("Иванова Анна Петровна");
    expect([...teachers.links.values()]).toContainEqual({ documentReference: "Иванова!B3" });
    const findings = texts(state, [REPORT_SHEETS.findings]);
    const { errors, warnings } = aggregate(summary).findings;
    expect(findings.filter((text) => text === "ошибка")).toHaveLength(errors);
    expect(findings.filter((text) => text === "предупреждение")).toHaveLength(warnings);
    expect(teachers.frozenRows).toBe(4);
    expect(teachers.autoFilter).toMatch(/^A4:Q\d+$/);
  });

  it("puts no phone, no e-mail and no formula into the summary, whatever the cards hold", async () => {
    const data = workbook(2);
    data.sheets[1]!.cells[2]![1] = "=Петрова Анна";
    data.sheets[1]!.cells[13]![1] = "+МБОУ «СОШ №1»";
    const { host, state } = hostOn(data);

    await summarize(host);

    const written = texts(state, SHEETS);
    expect(written).toContain("=Петрова Анна");
    expect(written).toContain("+МБОУ «СОШ №1»");
    expect(written.filter((text) => /555-12-34|12-34-56|@example\.ru/.test(text))).toEqual([]);
    const formulas = state.sheets.flatMap((sheet) =>
      [...sheet.cells.values()].filter((cell) => cell.formula !== undefined),
    );
    expect(formulas).toEqual([]);
  });

  it("replaces the sheets of the previous summary and never reads them as cards", async () => {
    const { host, state } = hostOn(workbook(2));

    await summarize(host);
    const again = await summarize(host);

    expect(again.summary.cards).toBe(2);
    expect(state.sheets.map((s) => s.name)).toEqual(["Иванова", "Педагог 2", ...SHEETS]);
    expect(state.settings.get(SUMMARY_SETTING)).toBe(JSON.stringify(SHEETS));
  });

  it("leaves «Проверить» the same cards and findings: no summary sheet reads as a card", async () => {
    const { host } = hostOn(workbook(2));
    const check = () => host.check({ scope: "all", mark: false, ...options });
    const before = await check();

    await summarize(host);
    const after = await check();

    expect(after.cards).toBe(before.cards);
    expect(after.findings).toEqual(before.findings);
  });

  it("leaves a sheet of the user's own named like a summary sheet alone", async () => {
    const data = workbook(1);
    data.sheets.push({ name: "Сводка ИОМ", cells: [["моя сводка"]] });
    const { host, state } = hostOn(data);

    const { sheets } = await summarize(host);

    expect(sheets[0]).toBe("Сводка ИОМ (2)");
    expect(state.sheet("Сводка ИОМ")!.cells.get("0,0")?.value).toBe("моя сводка");
  });

  it("adds the cards of the files picked to those of the workbook", async () => {
    const { host } = hostOn(workbook(1));
    const summary = createSummary({ asOf: FIXTURE_AS_OF, config: defaultConfig });
    const bytes = await cardWorkbook([
      { name: "Карта ИОМ", rows: cardRows({ teacher: "Петрова Анна Ивановна" }) },
    ]);
    await addFiles(
      summary,
      [{ name: "Петрова.xlsx", arrayBuffer: async () => bytes.buffer as ArrayBuffer }],
      {
        asOf: FIXTURE_AS_OF,
        config: defaultConfig,
      },
    );

    const result = await host.summarize(summary, options);

    expect(result.summary.cards).toBe(2);
    expect(result.summary.teachers.map((t) => [t.file, t.name])).toEqual([
      ["Карты школы.xlsx", "Иванова Анна Петровна"],
      ["Петрова.xlsx", "Петрова Анна Ивановна"],
    ]);
  });

  it("moves the progress bar through the files, the workbook and the writing, up to the end", async () => {
    const { host } = hostOn(workbook(10));
    const bytes = await cardWorkbook([{ name: "Карта ИОМ", rows: cardRows() }]);
    const files = ["1.xlsx", "2.xlsx"].map((name) => ({
      name,
      arrayBuffer: async () => bytes.slice().buffer,
    }));
    const progress: number[] = [];

    const outcome = await excelSummaryFeature(host).summarize(files, {
      ...options,
      onProgress: (done, total) => progress.push(done / total),
    });

    expect(outcome).toMatchObject({ cards: 12, written: "Сводка ИОМ" });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it("works on ExcelApi 1.8, without filters and print set-up", async () => {
    const { host, state } = hostOn(workbook(2, { apiVersion: "1.8" }));

    await summarize(host);

    expect(state.sheet(REPORT_SHEETS.overview)!.charts).toHaveLength(1);
    expect(state.sheet(REPORT_SHEETS.teachers)!.autoFilter).toBeNull();
  });

  it("spends one run and three syncs for 1, 10 and 100 card sheets, two without them", async () => {
    const syncs: number[] = [];
    for (const count of [1, 10, 100]) {
      const { host, state } = hostOn(workbook(count));
      await summarize(host);
      expect(state.runs).toBe(1);
      syncs.push(state.syncs);
    }
    const { host, state } = hostOn(workbook(10));
    await summarize(host, false);

    expect(syncs).toEqual([3, 3, 3]);
    expect(state.syncs).toBe(2);
  });
});

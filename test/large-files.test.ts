import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readGrids } from "../lib/xlsx/readGrids.js";
import { readWorkbook } from "../lib/xlsx/readWorkbook.js";
import { cardRows, FIXTURE_AS_OF } from "./fixtures/cardSheet.js";
import {
  hundredThousandRows,
  JOURNAL_HEADER,
  JOURNAL_ROWS,
  journalRow,
  limitCards,
  LIMIT_SHEETS,
  LONGEST_TEXT,
  longestText,
} from "./fixtures/large/build.js";
import type { MeasuredIom } from "./measuredIom.js";
import { measuredIom } from "./measuredIom.js";

/**
 * Issue 8, large but valid files (test/fixtures/large/build.ts): a card with a journal of
 * 100 000 rows below it, cells of 32 767 characters, formulas whose cached results are errors,
 * sheet names with quotes. Each reads right, its findings at their cells, and `iom` stays under
 * 500 MB at its peak.
 */

const PEAK_MB = 500;
const TODAY = "2025-11-16";

let dir: string;
let large: string;
let limits: string;
let iom: MeasuredIom;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "iom-large-"));
  large = join(dir, "Карта с журналом.xlsx");
  limits = join(dir, "Карты на пределе.xlsx");
  [iom] = await Promise.all([measuredIom(), hundredThousandRows(large), limitCards(limits)]);
}, 60_000);

afterAll(async () => {
  await iom?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("a card with 100 000 rows below it", () => {
  it("gives the card's findings alone, at their cells, under 500 MB", async () => {
    const { status, stdout, stderr, peakMB } = await iom.run(
      "validate",
      large,
      "--today",
      TODAY,
      "--json",
    );
    const findings = JSON.parse(stdout.join("\n")) as Record<string, unknown>[];

    expect(stderr).toEqual([]);
    expect(status).toBe(1);
    expect(findings.map((f) => [f.sheet, f.cell, f.code])).toEqual([
      ["Карта ИОМ", "B12", "general.phone"],
      ["Карта ИОМ", "E29", "plan.overdue"],
    ]);
    expect(peakMB).toBeLessThan(PEAK_MB);
  }, 60_000);

  it("reads every row of the journal as written", async () => {
    const [grid] = await readGrids(await readFile(large), { fileName: large });
    const journal = (n: number) => grid!.rows[JOURNAL_HEADER - 1 + n]?.map((cell) => cell?.value);

    expect(grid!.rows).toHaveLength(JOURNAL_HEADER + JOURNAL_ROWS);
    expect(grid!.rows[2]?.[1]).toEqual({ value: "Кузнецова Дарья Олеговна" });
    expect(grid!.rows[16]?.[1]).toEqual({ value: 45901, date: true, format: "dd.mm.yyyy" });
    for (const n of [1, 2, 7, 49_999, 50_000, JOURNAL_ROWS]) {
      expect(journal(n), `row ${n}`).toEqual(journalRow(n));
    }
    // Between the card and the journal's title.
    expect(grid!.rows.filter((row) => row.length === 0)).toHaveLength(
      JOURNAL_HEADER - 2 - cardRows().length,
    );
  }, 60_000);
});

describe("cards at the limits of a cell and of a sheet's name", () => {
  it("reads cells of 32 767 characters whole, where they stand", async () => {
    const { records } = await readWorkbook(await readFile(limits), {
      file: limits,
      asOf: FIXTURE_AS_OF,
    });
    const card = records.find((r) => r.sheet === LIMIT_SHEETS.longest)!.card;

    expect(longestText()).toHaveLength(LONGEST_TEXT);
    expect(card.general.courses).toBe(longestText());
    expect(card.entry[1]?.difficulties).toBe(longestText());
    expect(card.plan[0]?.result).toBe(longestText());
  });

  it("puts each finding at its cell, quotes a hundred characters of a value, and sheet names as Excel does", async () => {
    const { status, stdout } = await iom.run("validate", limits, "--today", TODAY);
    const quoted = longestText().slice(0, 100).trimEnd();

    expect(status).toBe(1);
    expect(stdout).toEqual([
      `${limits} › 'Карта О''Нил'!B7  ошибка  Квалификационная категория «${quoted}…» не из списка: высшая, первая, соответствие занимаемой должности, без категории`,
      `${limits} › 'Карта О''Нил'!B12  ошибка  Мобильный телефон записан не по образцу: нужно 11 цифр, например +7 913 123-45-67 или 8 913 123-45-67`,
      `${limits} › 'Карта О''Нил'!E29  предупреждение  Мероприятие «Посещение уроков наставника»: срок прошёл (31.10.2025), а отметки о выполнении нет; отметьте выполнение или укажите причину`,
      `${limits} › 'Карта «ИОМ» (2)'!B12  ошибка  Мобильный телефон записан не по образцу: нужно 11 цифр, например +7 913 123-45-67 или 8 913 123-45-67`,
      `${limits} › 'Карта «ИОМ» (2)'!B17  ошибка  В ячейке ошибка формулы «#REF!»: исправьте формулу или впишите значение`,
      `${limits} › 'Карта «ИОМ» (2)'!E24  ошибка  В ячейке ошибка формулы «#DIV/0!»: исправьте формулу или впишите значение`,
      `${limits} › 'Карта «ИОМ» (2)'!E29  предупреждение  Мероприятие «Посещение уроков наставника»: срок прошёл (31.10.2025), а отметки о выполнении нет; отметьте выполнение или укажите причину`,
      "1 файл, 2 карты, 5 ошибок, 2 предупреждения",
    ]);
  });

  it("names the sheet as it is in --json", async () => {
    const { stdout } = await iom.run("validate", limits, "--today", TODAY, "--json");
    const sheets = (JSON.parse(stdout.join("\n")) as { sheet: string }[]).map((f) => f.sheet);

    expect(new Set(sheets)).toEqual(new Set(["Карта О'Нил", "Карта «ИОМ» (2)"]));
  });
});

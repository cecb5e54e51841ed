import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { cardRows } from "../../test/fixtures/cardSheet.js";
import type { FixtureValue } from "../../test/fixtures/cardSheet.js";
import type { FindingCode } from "../domain/finding.js";
import { RULES } from "../domain/finding.js";
import { summarize } from "../domain/summary.js";
import { summaryToJson } from "../domain/summary-json.js";
import type { Grid, GridCell } from "./grid.js";
import { parseAddress } from "./grid.js";
import type { LocatedFinding } from "./located.js";
import { readCards } from "./readCards.js";

/**
 * Issue 8, fuzz: grids no one typed — a card with its cells replaced, rows dropped and added,
 * ranges merged — read as cards, validated and summarised: nothing throws, and every finding
 * says where it is.
 */

const FILE = "школа/карта.xlsx";
const AS_OF = new Date(2025, 10, 16);

/**
 * The findings that may stand at no cell: those of the whole file, and a card with no table of
 * entry diagnostics at all (nothing to point at). Every other is about a cell, or falls back
 * to its row's or its section's (`locateField`).
 */
const NO_CELL: ReadonlySet<FindingCode> = new Set([
  "file.unreadable",
  "file.no-card",
  "entry.missing",
]);

/** Texts that mean something to the card reader, and some that look as if they might. */
const WORDS = [
  "ФИО педагога",
  "1. Общие сведения о педагоге",
  "2. Результаты входной диагностики",
  "3. Карта профессионального развития",
  "4. Заключительное мероприятие",
  "5. Результаты итоговой диагностики",
  "Компетенции",
  "Затруднения",
  "Низкий (81–100 %)",
  "Средний",
  "Высокий (менее 60 %)",
  "Методическая компетенция",
  "Функциональная грамотность",
  "Иное (указать)",
  "Уровень ОО",
  "Муниципальный уровень",
  "Мероприятие",
  "Сроки проведения",
  "Отметка о выполнении",
  "выполнено",
  "не выполнено",
  "в процессе",
  "+",
  "−",
  "-",
  "75%",
  "0,75",
  "75 из 100 баллов",
  "75 баллов",
  "Оптимальный",
  "высокий",
  "01.09.2025",
  "01.01.1000",
  "__.__.2022",
  "сентябрь 2025",
  "2023/2024",
  "с 01.09.2025 по 31.05.2026",
  "в течение года",
  "Мобильный телефон",
  "12-34-56",
  "+7 913 555-12-34",
  "ivanova.mail.ru",
  "=СУММ(A1:A3)",
  "Должность: учитель\nСтаж: 12 лет",
  "высшая",
  "вторая",
  "Выводы:",
  "Итог",
  "завершён успешно",
];

const cellArbitrary: fc.Arbitrary<GridCell | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...WORDS).map((value) => ({ value })),
  fc.string({ maxLength: 40 }).map((value) => ({ value })),
  fc.double({ noNaN: false }).map((value) => ({ value })),
  fc.integer({ min: -10, max: 60_000 }).map((value) => ({ value })),
  fc.integer({ min: 1, max: 80_000 }).map((value) => ({ value, date: true, format: "dd.mm.yyyy" })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((value) => ({ value, format: "0%" })),
  fc.boolean().map((value) => ({ value })),
  fc.constantFrom("#REF!", "#DIV/0!", "#N/A").map((error) => ({ value: null, error })),
  fc.constant({ value: null, formulaWithoutResult: true }),
  fc.constant({ value: "d.kuznetsova@example.ru", hyperlink: "mailto:d.kuznetsova@example.ru" }),
);

function fixtureCell(value: FixtureValue): GridCell | null {
  if (value === null) {
    return null;
  }
  return typeof value === "object" ? { value: value.value, format: value.format } : { value };
}

/** A grid: the card of test/fixtures/cardSheet.ts, or nothing, then edited at random. */
const gridArbitrary: fc.Arbitrary<Grid> = fc
  .record({
    name: fc.oneof(fc.constant("Карта ИОМ"), fc.string({ minLength: 1, maxLength: 31 })),
    base: fc.boolean(),
    edits: fc.array(fc.tuple(fc.nat(40), fc.nat(9), cellArbitrary), { maxLength: 40 }),
    dropped: fc.array(fc.nat(40), { maxLength: 4 }),
    merges: fc.array(fc.tuple(fc.nat(40), fc.nat(8), fc.nat(3), fc.nat(3)), { maxLength: 4 }),
  })
  .map(({ name, base, edits, dropped, merges }) => {
    let rows: (GridCell | null)[][] = base
      ? cardRows({ badPhone: true, wrongColumn: true }).map((row) => row.map(fixtureCell))
      : [];
    for (const [row, col, cell] of edits) {
      while (rows.length <= row) {
        rows.push([]);
      }
      while (rows[row]!.length < col) {
        rows[row]!.push(null);
      }
      rows[row]![col] = cell;
    }
    rows = rows.filter((_, index) => !dropped.includes(index));
    return {
      name,
      rows,
      merges: merges.map(([top, left, height, width]) => ({
        top,
        left,
        bottom: top + height,
        right: left + width,
      })),
    };
  });

/** What every finding must say of where it is. */
function checkLocation(item: LocatedFinding, grids: readonly Grid[]): void {
  expect(item.file).toBe(FILE);
  expect(RULES[item.code]?.severity).toBe(item.severity);
  expect(item.message.length).toBeGreaterThan(0);
  if (!item.code.startsWith("file.")) {
    expect(
      grids.map((g) => g.name),
      item.code,
    ).toContain(item.sheet);
  }
  if (!NO_CELL.has(item.code)) {
    expect(item.cell, `${item.code}: ${item.message}`).not.toBeNull();
  }
  if (item.cell !== null) {
    expect(() => parseAddress(item.cell!)).not.toThrow();
  }
}

describe("readCards (properties)", () => {
  it("reads and validates any grid without throwing, every finding at its place", () => {
    fc.assert(
      fc.property(fc.array(gridArbitrary, { minLength: 1, maxLength: 3 }), (grids) => {
        const { records, findings } = readCards(grids, { file: FILE, asOf: AS_OF });

        for (const item of findings) {
          checkLocation(item, grids);
        }
        for (const record of records) {
          expect(grids.map((g) => g.name)).toContain(record.sheet);
          for (const cell of record.sources.values()) {
            expect(() => parseAddress(cell)).not.toThrow();
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("summarises whatever cards it read without throwing", () => {
    fc.assert(
      fc.property(fc.array(gridArbitrary, { minLength: 1, maxLength: 3 }), (grids) => {
        const { records } = readCards(grids, { file: FILE, asOf: AS_OF });

        const summary = summarize(records, { asOf: AS_OF });

        expect(summary.cards).toBe(records.length);
        expect(() => JSON.stringify(summaryToJson(summary))).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});

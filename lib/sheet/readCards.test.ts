import { describe, expect, it } from "vitest";

import { cardRows } from "../../test/fixtures/cardSheet.js";
import type { FixtureValue } from "../../test/fixtures/cardSheet.js";
import type { Grid } from "./grid.js";
import { readCards } from "./readCards.js";

const AS_OF = new Date(2025, 10, 16);

/** The fixture card with `extra` rows put in after its row `after` (1-based, as in Excel). */
function card(after: number, ...extra: FixtureValue[][]): Grid {
  const rows = cardRows();
  rows.splice(after, 0, ...extra);
  return {
    name: "Карта ИОМ",
    rows: rows.map((row) =>
      row.map((value) =>
        value === null || typeof value !== "object"
          ? { value }
          : { value: value.value, format: value.format, date: true },
      ),
    ),
    merges: [],
  };
}

function read(grid: Grid) {
  const { records, findings } = readCards([grid], { file: "карта.xlsx", asOf: AS_OF });
  return { records, codes: findings.map((f) => `${f.cell} ${f.code}`), findings };
}

describe("a field filled twice", () => {
  it("reads the first «ФИО» of one card, and reports the second, rather than cutting the card", () => {
    const { records, codes, findings } = read(card(19, ["ФИО педагога", "Другая Анна Сергеевна"]));

    expect(records.map((r) => r.card.general.fullName)).toEqual(["Кузнецова Дарья Олеговна"]);
    expect(records[0]!.card.general.position).toBe("Учитель математики");
    expect(codes).toEqual(["B20 cell.repeated-field", "E30 plan.overdue"]);
    expect(findings[0]!.message).toBe(
      "Поле «ФИО педагога» заполнено ещё раз, по-другому: «Другая Анна Сергеевна», а в B3 — «Кузнецова Дарья Олеговна»; читается первое, оставьте одно",
    );
  });

  it("says nothing of a field repeated with the same value, or left empty the second time", () => {
    const { codes } = read(
      card(19, ["Занимаемая должность", "учитель  математики"], ["Муниципалитет", null]),
    );

    expect(codes).toEqual(["E31 plan.overdue"]);
  });

  it("shows a date filled twice as the sheet shows it", () => {
    const { findings } = read(card(19, ["Начало ИОМ", { value: 45931, format: "dd.mm.yyyy" }]));

    expect(findings[0]!.message).toBe(
      "Поле «Начало ИОМ» заполнено ещё раз, по-другому: «01.10.2025», а в B17 — «01.09.2025»; читается первое, оставьте одно",
    );
  });
});

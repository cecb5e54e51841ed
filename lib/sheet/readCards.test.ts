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
  return gridOf(rows);
}

function gridOf(rows: FixtureValue[][]): Grid {
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
  return readCards([grid], { file: "карта.xlsx", asOf: AS_OF });
}

describe("cards on one sheet, told by their «ФИО»", () => {
  it("reads a second «ФИО» in one card's general information as no second card", () => {
    const { records } = read(card(19, ["ФИО педагога", "Другая Анна Сергеевна"]));

    expect(records.map((r) => r.card.general.fullName)).toEqual(["Кузнецова Дарья Олеговна"]);
    expect(records[0]!.card.general.position).toBe("Учитель математики");
    expect(records[0]!.card.entry.length).toBeGreaterThan(0);
  });

  it("reads two cards stacked, each with a signature line «ФИО педагога» below it", () => {
    const signed = (name: string): FixtureValue[][] => [
      ...cardRows({ teacher: name }),
      [null],
      ["ФИО педагога", name.split(" ")[0]!],
      [null],
      [null],
    ];

    const { records } = read(
      gridOf([...signed("Кузнецова Дарья Олеговна"), ...signed("Петров Пётр Петрович")]),
    );

    expect(records.map((r) => r.card.general.fullName)).toEqual([
      "Кузнецова Дарья Олеговна",
      "Петров Пётр Петрович",
    ]);
  });
});

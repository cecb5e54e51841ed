import { describe, expect, it } from "vitest";

import { gridOf } from "./grid.js";
import { diagnosticRole } from "./labels.js";
import { readCardSheet } from "./readCard.js";
import { headerAt } from "./tables.js";

const levels = (roles: Map<string, number>) => roles.has("competency") && roles.has("low");

describe("headerAt", () => {
  it("takes a two-row header whose other columns are merged down from the top row", () => {
    // «Динамика» spans both header rows, as «№» does in many cards: no heading of its own
    // in the second row, so that row is still all headings.
    const grid = gridOf(
      "Карта",
      [
        ["Компетенции", "Уровень — в % или знаковое обозначение", null, null, "Динамика"],
        [null, "Низкий", "Средний", "Высокий", null],
        ["Методическая", null, "70%", null, null],
      ],
      [
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 0, right: 3 },
        { top: 0, left: 4, bottom: 1, right: 4 },
      ],
    );

    expect(headerAt(grid, 0, 5, diagnosticRole, levels)).toEqual({
      headerTop: 0,
      headerBottom: 1,
      columns: new Map([
        ["competency", 0],
        ["low", 1],
        ["medium", 2],
        ["high", 3],
      ]),
    });
  });

  it("starts no header at a row with no heading of the table", () => {
    const grid = gridOf("Карта", [
      ["Окончание ИОМ", "31.05.2026"],
      ["Компетенции", "Низкий", "Средний", "Высокий"],
    ]);

    expect(headerAt(grid, 0, 4, diagnosticRole, levels)).toBeUndefined();
    expect(headerAt(grid, 1, 4, diagnosticRole, levels)?.headerTop).toBe(1);
  });
});

describe("readCardSheet", () => {
  it("keeps a general field that stands right above a table", () => {
    const grid = gridOf("Карта", [
      ["ФИО педагога", "Иванова А. П."],
      ["Занимаемая должность", "учитель"],
      ["Компетенции", "Затруднения", "Низкий", "Средний", "Высокий"],
      ["Методическая", null, null, "70%", null],
    ]);
    const read = readCardSheet(grid);

    expect(read?.card.general.position).toBe("учитель");
    expect(read?.tables.entry).toMatchObject({ headerTop: 2, headerBottom: 2, rows: [3] });
  });
});

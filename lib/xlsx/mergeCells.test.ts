import { describe, expect, it } from "vitest";

import type { GridCell } from "../sheet/grid.js";
import { clearMergedCells, readMergeCells } from "./mergeCells.js";

describe("readMergeCells", () => {
  it("reads the ranges 0-based, a reversed or one-cell range as well", () => {
    const xml =
      '<mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="$F$3:E2"/><mergeCell ref="B5"/></mergeCells>';

    expect(readMergeCells(xml)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 1, left: 4, bottom: 2, right: 5 },
      { top: 4, left: 1, bottom: 4, right: 1 },
    ]);
  });

  it("leaves out a range that overlaps one before it, and one it cannot read", () => {
    const xml =
      '<mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/><mergeCell ref="Итого"/><mergeCell ref="D1:D2"/>';

    expect(readMergeCells(xml)).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 0, left: 3, bottom: 1, right: 3 },
    ]);
  });
});

describe("clearMergedCells", () => {
  const cell = (value: string): GridCell => ({ value });

  it("keeps a range's top-left cell, empties the others and trims what is left empty", () => {
    const rows: (GridCell | null)[][] = [
      [cell("ФИО"), cell("ФИО"), cell("Петрова")],
      [cell("повтор"), null],
      [cell("Должность"), cell("учитель")],
    ];

    clearMergedCells(rows, [
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 1, bottom: 5, right: 3 },
    ]);

    expect(rows).toEqual([
      [cell("ФИО"), null, cell("Петрова")],
      [],
      [cell("Должность"), cell("учитель")],
    ]);
  });

  it("leaves no empty rows at the end of the grid", () => {
    const rows: (GridCell | null)[][] = [[cell("Итог")], [null, cell("повтор")]];

    clearMergedCells(rows, [{ top: 0, left: 0, bottom: 1, right: 1 }]);

    expect(rows).toEqual([[cell("Итог")]]);
  });
});

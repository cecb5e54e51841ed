import { describe, expect, it } from "vitest";

import type { AppliedWrite, FillRecordEntry } from "./fillRecord.js";
import {
  fontText,
  mergeFillRecord,
  ownCells,
  planUndo,
  readFillRecord,
  RECORD_COLUMNS,
} from "./fillRecord.js";
import type { GridCell } from "./grid.js";
import { gridOf } from "./grid.js";
import { ADDED_HEADING } from "./planFill.js";

function write(cell: string, old: AppliedWrite["old"], value: AppliedWrite["new"]): AppliedWrite {
  return { sheet: "Карта ИОМ", cell, old, new: value, kind: "stage", reason: "Этап ИОМ" };
}

describe("mergeFillRecord", () => {
  it("records each cell with its value before and after", () => {
    const entries = mergeFillRecord([], [write("C25", null, "реализация ИОМ")], "2025-11-16");

    expect(entries).toEqual([
      {
        sheet: "Карта ИОМ",
        cell: "C25",
        old: null,
        new: "реализация ИОМ",
        reason: "Этап ИОМ",
        date: "2025-11-16",
        kind: "stage",
      },
    ]);
  });

  it("keeps the first old value of a cell filled again", () => {
    const first = mergeFillRecord([], [write("C25", null, "реализация ИОМ")], "2025-11-16");
    const second = mergeFillRecord(
      first,
      [write("C25", "реализация ИОМ", "заключительный")],
      "2026-06-15",
    );

    expect(second).toEqual([
      expect.objectContaining({ old: null, new: "заключительный", date: "2026-06-15" }),
    ]);
  });

  it("drops a cell back at its old value", () => {
    const first = mergeFillRecord(
      [],
      [write("H40", null, "просрочено (срок 31.10.2025)")],
      "2025-11-16",
    );

    expect(
      mergeFillRecord(first, [write("H40", "просрочено (срок 31.10.2025)", null)], "2025-12-01"),
    ).toEqual([]);
  });

  it("keeps the font a cell had before the first fill, and the entry while the font is fill's", () => {
    const font = { italic: null, color: { argb: "FF1F4E79" } };
    const first = mergeFillRecord(
      [],
      [{ ...write("H40", null, "просрочено (срок 31.10.2025)"), oldFont: font }],
      "2025-11-16",
    );
    const second = mergeFillRecord(
      first,
      [write("H40", "просрочено (срок 31.10.2025)", null)],
      "2025-12-01",
    );

    expect(second).toEqual([expect.objectContaining({ old: null, new: null, oldFont: font })]);
  });

  it("keeps the number format a moved result brought", () => {
    const moved: AppliedWrite = { ...write("D30", null, 0.72), kind: "level-column", format: "0%" };

    expect(mergeFillRecord([], [moved], "2025-11-16")[0]).toMatchObject({ newFormat: "0%" });
    expect(mergeFillRecord([], [moved], "2025-11-16")[0]?.oldFormat).toBeUndefined();
  });
});

describe("readFillRecord", () => {
  it("reads the entries of a record sheet, passing over rows that are none", () => {
    const grid = gridOf("iom-kit", [
      [...RECORD_COLUMNS],
      [
        "Карта ИОМ",
        "C22",
        null,
        { value: 45931, date: true },
        "Начало ИОМ",
        "2025-11-16",
        null,
        "dd.mm.yyyy",
        "route-period",
      ],
      ["заметка", "о чём-то"],
      ["Карта ИОМ", "C27", "75%", null, "Перенос", "2025-11-16", null, null, "level-column"],
      [
        "Карта ИОМ",
        "C25",
        null,
        "реализация",
        "Этап ИОМ",
        "2025-11-16",
        null,
        null,
        "stage",
        fontText({ italic: true, color: { theme: 1, tint: -0.25 } }),
      ],
    ]);

    expect(readFillRecord(grid)).toEqual([
      {
        sheet: "Карта ИОМ",
        cell: "C22",
        old: null,
        new: 45931,
        newDate: true,
        newFormat: "dd.mm.yyyy",
        reason: "Начало ИОМ",
        date: "2025-11-16",
        kind: "route-period",
      },
      {
        sheet: "Карта ИОМ",
        cell: "C27",
        old: "75%",
        new: null,
        reason: "Перенос",
        date: "2025-11-16",
        kind: "level-column",
      },
      {
        sheet: "Карта ИОМ",
        cell: "C25",
        old: null,
        new: "реализация",
        reason: "Этап ИОМ",
        date: "2025-11-16",
        kind: "stage",
        oldFont: { italic: true, color: { theme: 1, tint: -0.25 } },
      },
    ]);
  });
});

describe("ownCells and planUndo", () => {
  const entries: FillRecordEntry[] = [
    {
      sheet: "Карта ИОМ",
      cell: "A1",
      old: null,
      new: "заключительный",
      reason: "",
      date: "",
      kind: "stage",
    },
    {
      sheet: "Карта ИОМ",
      cell: "B1",
      old: null,
      new: "устранён",
      reason: "",
      date: "",
      kind: "comparison",
    },
    { sheet: "Другой", cell: "A1", old: "x", new: "y", reason: "", date: "", kind: "stage" },
  ];

  it("gives the cells of one sheet", () => {
    expect(ownCells(entries, "Карта ИОМ")).toEqual(
      new Map([
        ["A1", { value: "заключительный", kind: "stage" }],
        ["B1", { value: "устранён", kind: "comparison" }],
      ]),
    );
  });

  it("restores a cell that still holds what fill wrote and leaves one changed since", () => {
    const grid = gridOf("Карта ИОМ", [["заключительный", "снизился"]]);

    expect(planUndo(entries, [grid]).map((s) => [s.entry.cell, s.entry.sheet, s.action])).toEqual([
      ["A1", "Карта ИОМ", "restore"],
      ["B1", "Карта ИОМ", "changed"],
      ["A1", "Другой", "changed"],
    ]);
  });
});

describe("planUndo of a moved result", () => {
  const move = (cell: string, old: string | null, value: string | null): FillRecordEntry => ({
    sheet: "Карта ИОМ",
    cell,
    old,
    new: value,
    reason: "",
    date: "",
    kind: "level-column",
  });
  const entries = [move("C31", "75%", null), move("D31", null, "75%")];

  it("puts both halves back while nobody touched them", () => {
    const grid = gridOf("Карта ИОМ", []);
    grid.rows[30] = [null, null, null, { value: "75%" }];

    expect(planUndo(entries, [grid]).map((step) => step.action)).toEqual(["restore", "restore"]);
  });

  it("leaves both halves where a person corrected one of them", () => {
    const grid = gridOf("Карта ИОМ", []);
    grid.rows[30] = [null, null, null, { value: "78%" }];

    expect(planUndo(entries, [grid]).map((step) => step.action)).toEqual(["changed", "changed"]);
  });
});

describe("planUndo of a column fill added", () => {
  const mark = (cell: string, value: string, reason = ""): FillRecordEntry => ({
    sheet: "Карта ИОМ",
    cell,
    old: null,
    new: value,
    reason,
    date: "",
    kind: "overdue",
  });
  const entries = [
    mark("H43", "Контроль сроков", ADDED_HEADING),
    mark("H45", "просрочено (срок 31.10.2026)"),
    mark("H46", "просрочено (срок 30.11.2026)"),
  ];
  /** A row with one cell in column H. */
  const inH = (value: string): (GridCell | null)[] => [
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    { value },
  ];
  const grid = (h45: string) => {
    const sheet = gridOf("Карта ИОМ", []);
    sheet.rows[42] = inH("Контроль сроков");
    sheet.rows[44] = inH(h45);
    sheet.rows[45] = inH("просрочено (срок 30.11.2026)");
    return sheet;
  };

  it("takes the heading away with the marks", () => {
    expect(planUndo(entries, [grid("просрочено (срок 31.10.2026)")]).map((s) => s.action)).toEqual([
      "restore",
      "restore",
      "restore",
    ]);
  });

  it("keeps the heading over a mark someone rewrote since", () => {
    expect(planUndo(entries, [grid("перенесено на декабрь")]).map((s) => s.action)).toEqual([
      "changed",
      "changed",
      "restore",
    ]);
  });
});

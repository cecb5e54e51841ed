import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";

import { readCards } from "../../../lib/sheet/readCards.js";
import { cardRows, FIXTURE_AS_OF } from "../../../test/fixtures/cardSheet.js";
import { createStandin } from "../../test/standin/standin.js";
import type { SheetData } from "../../test/standin/workbook.js";
import { parseAreas, readSheets } from "./readSheets.js";

const ALL = { notes: true, mergedAreas: true, fillPattern: true };

function cards(count: number): SheetData[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Карта ${i + 1}`,
    cells: cardRows({ badPhone: i % 2 === 0 }),
  }));
}

async function syncsToRead(sheets: SheetData[], scope: "active" | "all", budget?: number) {
  const { Excel, state } = createStandin({ sheets });
  const grids = await Excel.run((context) =>
    readSheets(context, { scope, capabilities: ALL, budget }),
  );
  return { grids, syncs: state.syncs, runs: state.runs, state };
}

describe("readSheets on the stand-in", () => {
  it("reads a card sheet into the grid the card reader takes, with the same findings as from a file", async () => {
    const { grids } = await syncsToRead(cards(1), "all");

    const { records, findings } = readCards(grids, { file: "книга.xlsx", asOf: FIXTURE_AS_OF });

    expect(records).toHaveLength(1);
    expect(findings.map((f) => [f.cell, f.code])).toEqual([
      ["B12", "general.phone"],
      ["E29", "plan.overdue"],
    ]);
    expect(grids[0]!.rows[16]![1]).toEqual({ value: 45901, format: "dd.mm.yyyy", date: true });
  });

  it("keeps the syncs of a check of every sheet at two for 1, 10 and 100 sheets", async () => {
    const counts = [];
    for (const n of [1, 10, 100]) {
      const { syncs, runs, grids } = await syncsToRead(cards(n), "all");
      expect(grids).toHaveLength(n);
      expect(runs).toBe(1);
      counts.push(syncs);
    }
    expect(counts).toEqual([2, 2, 2]);
  });

  it("reads the active sheet in one sync", async () => {
    const { syncs, grids } = await syncsToRead(cards(10), "active");

    expect(grids.map((g) => g.name)).toEqual(["Карта 1"]);
    expect(syncs).toBe(1);
  });

  it("grows the syncs with the cells, not with the sheets, past what one answer may carry", async () => {
    const { Excel, state } = createStandin({ sheets: cards(100), payloadLimit: 400_000 });
    const grids = await Excel.run((context) =>
      readSheets(context, { scope: "all", capabilities: ALL, budget: 10_000 }),
    );
    const cells = 100 * 30 * 7;

    // The sheets, the used ranges refused as too large, their extents, then one per 10 000 cells.
    expect(state.syncs).toBe(3 + Math.ceil(cells / 10_000));
    expect(readCards(grids, { file: "книга.xlsx", asOf: FIXTURE_AS_OF }).records).toHaveLength(100);
  });

  it("reads a sheet wider than the budget in 2-D blocks", async () => {
    const wide = [
      { name: "Широкий", cells: [Array.from({ length: 50 }, (_, i) => `ячейка ${i + 1}`)] },
    ];
    const { Excel, state } = createStandin({ sheets: wide, payloadLimit: 800 });

    const [grid] = await Excel.run((context) =>
      readSheets(context, { scope: "all", capabilities: ALL, budget: 20 }),
    );

    expect(grid!.rows[0]).toHaveLength(50);
    expect(grid!.rows[0]![49]).toEqual({ value: "ячейка 50" });
    expect(state.syncs).toBe(3 + 3);
  });

  it("halves its blocks and asks again where Excel refuses an answer over the payload limit", async () => {
    const { Excel, state } = createStandin({ sheets: cards(20), payloadLimit: 60_000 });

    const grids = await Excel.run((context) =>
      readSheets(context, { scope: "all", capabilities: ALL }),
    );

    expect(readCards(grids, { file: "книга.xlsx", asOf: FIXTURE_AS_OF }).records).toHaveLength(20);
    expect(state.largestAnswer).toBeLessThanOrEqual(60_000);
  });

  it("loads only values and number formats of the cells, and the used ranges' extents", async () => {
    const { state } = await syncsToRead(cards(3), "all");

    expect(new Set(state.loads)).toEqual(
      new Set([
        "WorksheetCollection.items",
        "Range.rowIndex",
        "Range.columnIndex",
        "Range.rowCount",
        "Range.columnCount",
        "RangeAreas.address",
        "Range.values",
        "Range.numberFormat",
      ]),
    );
  });

  it("takes merged areas where ExcelApi 1.13 has them, and goes without them on ExcelApi 1.8", async () => {
    const sheet = { name: "Карта", cells: [["ФИО педагога", null, "Иванова"]], merges: ["A1:B1"] };
    const modern = createStandin({ sheets: [sheet] });
    const old = createStandin({ sheets: [sheet], apiVersion: "1.8" });

    const [withMerges] = await modern.Excel.run((c) =>
      readSheets(c, { scope: "all", capabilities: ALL }),
    );
    const [without] = await old.Excel.run((c) =>
      readSheets(c, { scope: "all", capabilities: { ...ALL, mergedAreas: false } }),
    );

    expect(withMerges!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(without!.merges).toEqual([]);
  });

  it("skips iom-kit's record sheet and empty sheets cost no block", async () => {
    const { grids } = await syncsToRead(
      [{ name: "iom-kit", cells: [["запись"]] }, { name: "Пустой", cells: [] }, ...cards(1)],
      "all",
    );

    expect(grids.map((g) => [g.name, g.rows.length])).toEqual([
      ["Пустой", 0],
      ["Карта 1", 30],
    ]);
  });

  it("reads formula errors as errors and keeps percent formats", async () => {
    const sheet = { name: "Л", cells: [["#REF!", { value: 0.75, format: "0%" }, true]] };

    const { grids } = await syncsToRead([sheet], "all");

    expect(grids[0]!.rows[0]).toEqual([
      { value: null, error: "#REF!" },
      { value: 0.75, format: "0%" },
      { value: true },
    ]);
  });
});

describe("readSheets with office-addin-mock", () => {
  it("loads before it reads and reads the active sheet in one sync", async () => {
    const used = new OfficeMockObject({
      rowIndex: 0,
      columnIndex: 0,
      rowCount: 1,
      columnCount: 2,
      values: [["ФИО педагога", "Иванова Анна Петровна"]],
      numberFormat: [["General", "General"]],
    });
    const sheet = new OfficeMockObject({
      name: "Карта",
      visibility: "Visible",
      getUsedRange: () => used,
    });
    let syncs = 0;
    const context = new OfficeMockObject({
      workbook: {
        worksheets: { getActiveWorksheet: () => sheet, getItem: () => sheet },
      },
    });
    context.sync = async () => {
      syncs++;
      // office-addin-mock syncs the objects it holds; these came from functions, so sync them too.
      await Promise.all([sheet.sync(), used.sync()]);
    };

    const grids = await readSheets(context as unknown as Excel.RequestContext, {
      scope: "active",
      capabilities: { ...ALL, mergedAreas: false },
    });

    expect(syncs).toBe(1);
    expect(grids).toEqual([
      {
        name: "Карта",
        state: "visible",
        merges: [],
        rows: [[{ value: "ФИО педагога" }, { value: "Иванова Анна Петровна" }]],
      },
    ]);
  });

  it("would read nothing unloaded: a property read before load is the mock's error, not data", () => {
    const range = new OfficeMockObject({ values: [["x"]] });

    expect(range.values).not.toEqual([["x"]]);
  });
});

describe("parseAreas", () => {
  it("reads every area of a quoted sheet's address", () => {
    expect(
      parseAreas("'Карта ИОМ (2)'!A1:C1, 'Карта ИОМ (2)'!$B$5:$B$7, 'Карта ИОМ (2)'!D9"),
    ).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 4, left: 1, bottom: 6, right: 1 },
      { top: 8, left: 3, bottom: 8, right: 3 },
    ]);
  });
});

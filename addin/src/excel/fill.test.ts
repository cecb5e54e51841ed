import { describe, expect, it } from "vitest";

import { defaultConfig } from "../../../lib/domain/config.js";
import { readCards, RECORD_SHEET } from "../../../lib/sheet/readCards.js";
import { cardRows, FIXTURE_AS_OF } from "../../../test/fixtures/cardSheet.js";
import { createStandin } from "../../test/standin/standin.js";
import type { WorkbookData } from "../../test/standin/workbook.js";
import { ExcelHost } from "./excelHost.js";
import { readSheets } from "./readSheets.js";

const options = { asOf: FIXTURE_AS_OF, config: defaultConfig };

/** Every cell of every sheet, in a stable order. */
function contents(state: ReturnType<typeof createStandin>["state"]): string[] {
  return state.sheets
    .flatMap((sheet) =>
      [...sheet.cells].map(([at, cell]) => `${sheet.name}!${at} ${JSON.stringify(cell)}`),
    )
    .sort();
}

function workbook(): WorkbookData {
  return {
    sheets: [
      { name: "Иванова", cells: cardRows({ wrongColumn: true }) },
      { name: "Петрова", cells: cardRows() },
    ],
  };
}

function hostOn(data: WorkbookData) {
  const standin = createStandin(data);
  return { host: new ExcelHost(standin.Excel, standin.Office), standin, state: standin.state };
}

async function findings(standin: ReturnType<typeof createStandin>) {
  const grids = await standin.Excel.run((context) =>
    readSheets(context, { scope: "all", capabilities: { mergedAreas: true } }),
  );
  return readCards(grids, { file: "книга.xlsx", ...options }).findings.map(
    (f) => `${f.sheet}!${f.cell} ${f.code}`,
  );
}

describe("fill in Excel", () => {
  it("moves a percent into its level's column and records the change in the hidden sheet «iom-kit»", async () => {
    const { host, state, standin } = hostOn(workbook());
    expect(await findings(standin)).toContain("Иванова!C23 deficit.wrong-column");

    const report = await host.fill(options);

    const ivanova = state.sheet("Иванова")!;
    expect(report.cards).toBe(2);
    expect(report.cells).toBeGreaterThan(1);
    expect(ivanova.cells.get("22,2")).toBeUndefined();
    expect(ivanova.cells.get("22,3")?.value).toBe("75%");
    expect(state.sheet(RECORD_SHEET)?.visibility).toBe("Hidden");
    expect(await findings(standin)).not.toContain("Иванова!C23 deficit.wrong-column");
  });

  it("fills in one run and three syncs for 1, 10 and 100 card sheets, and undoes in three", async () => {
    const counts = [];
    for (const n of [1, 10, 100]) {
      const sheets = Array.from({ length: n }, (_, i) => ({
        name: `Карта ${i + 1}`,
        cells: cardRows({ wrongColumn: true }),
      }));
      const { host, state } = hostOn({ sheets });
      await host.fill(options);
      const filled = state.counters();
      await host.undoFill();
      counts.push([filled.runs, filled.syncs, state.syncs - filled.syncs]);
    }

    expect(counts).toEqual([
      [1, 3, 3],
      [1, 3, 3],
      [1, 3, 3],
    ]);
  });

  it("asks for the formulas of the cells it writes in a fourth sync before ExcelApi 1.9", async () => {
    const syncs: Record<string, number> = {};
    for (const apiVersion of ["1.18", "1.9", "1.8"]) {
      const { host, state } = hostOn({ ...workbook(), apiVersion });
      await host.fill(options);
      syncs[apiVersion] = state.syncs;
    }

    expect(syncs).toEqual({ "1.18": 3, "1.9": 3, "1.8": 4 });
  });

  it("writes what it derives in italic grey and keeps the cell's fill; a moved percent keeps its look", async () => {
    const data = workbook();
    data.sheets[0]!.fills = { G29: "#FFFF00" };
    const { host, state } = hostOn(data);

    await host.fill(options);

    const ivanova = state.sheet("Иванова")!;
    // H29: the overdue mark, in a column fill added beside the plan, with its neighbour's look.
    expect(ivanova.cells.get("28,7")?.value).toMatch(/^просрочено/);
    expect(ivanova.styleAt(28, 7)).toMatchObject({ "font.italic": true, "font.color": "#404040" });
    expect(ivanova.fillAt(28, 7).color).toBe("#FFFF00");
    expect(ivanova.styleAt(22, 3)["font.italic"]).toBeUndefined();
  });

  it("puts everything back on undo, after the pane was reopened, and removes the record", async () => {
    const { host, state } = hostOn(workbook());
    const before = contents(state);
    await host.fill(options);

    const again = createStandin({ sheets: [] });
    Object.assign(again.state, { sheets: state.sheets });
    const undone = await new ExcelHost(again.Excel, again.Office).undoFill();

    expect(undone.changed).toBe(0);
    expect(undone.restored).toBeGreaterThan(1);
    expect(again.state.sheet(RECORD_SHEET)).toBeUndefined();
    expect(contents(again.state)).toEqual(before);
  });

  it("leaves on undo a cell the user changed after the fill, and keeps it in the record", async () => {
    const { host, state } = hostOn(workbook());
    await host.fill(options);
    state.sheet("Иванова")!.setValue(22, 3, "78%");

    const undone = await host.undoFill();

    // Both halves of the move stay: putting back one would leave a result in two columns.
    expect(undone.changed).toBe(2);
    expect(state.sheet("Иванова")!.cells.get("22,3")?.value).toBe("78%");
    expect(state.sheet("Иванова")!.cells.get("22,2")?.value ?? null).toBeNull();
    expect(state.sheet(RECORD_SHEET)).toBeDefined();
  });

  it("updates its own cells on a second fill instead of recording them twice", async () => {
    const { host, state } = hostOn(workbook());
    await host.fill(options);
    const recorded = state.sheet(RECORD_SHEET)!.cells.size;

    await host.fill(options);

    expect(state.sheet(RECORD_SHEET)!.cells.size).toBe(recorded);
  });

  it.each(["1.18", "1.8"])(
    "leaves out a move into or out of a cell that holds a formula (ExcelApi %s)",
    async (apiVersion) => {
      const rows = cardRows({ wrongColumn: true });
      rows[22]![2] = { value: "75%", format: "General", formula: '="75%"' };
      const { host, state } = hostOn({ sheets: [{ name: "Иванова", cells: rows }], apiVersion });

      const report = await host.fill(options);

      expect(report.skipped).toBe(2);
      expect(state.sheet("Иванова")!.cells.get("22,2")?.value).toBe("75%");
    },
  );
});

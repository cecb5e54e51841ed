import { describe, expect, it } from "vitest";

import { defaultConfig } from "../../../lib/domain/config.js";
import { cardRows, FIXTURE_AS_OF } from "../../../test/fixtures/cardSheet.js";
import { createStandin } from "../../test/standin/standin.js";
import type { WorkbookData } from "../../test/standin/workbook.js";
import { ExcelHost } from "./excelHost.js";
import type { LocatedFinding } from "../../../lib/sheet/located.js";
import { capabilitiesOf } from "./capabilities.js";
import {
  applyMarks,
  MARK_COLORS,
  MARKS_SETTING,
  NOTE_TITLE,
  prepareLooks,
  queueMarks,
} from "./marks.js";
import { readSheets } from "./readSheets.js";

function workbook(extra: Partial<WorkbookData> = {}): WorkbookData {
  return {
    sheets: [
      {
        name: "Иванова",
        cells: cardRows({ badPhone: true, wrongColumn: true }),
        fills: { B12: "#00B0F0" },
      },
      { name: "Петрова", cells: cardRows() },
    ],
    ...extra,
  };
}

function hostOn(data: WorkbookData) {
  const standin = createStandin(data);
  return { host: new ExcelHost(standin.Excel, standin.Office), state: standin.state };
}

const check = { asOf: FIXTURE_AS_OF, config: defaultConfig, mark: true } as const;
const ALL_CAPABILITIES = capabilitiesOf(() => true);

describe("marks on faulty cells", () => {
  it("colours each faulty cell by its worst severity and adds a note with its findings", async () => {
    const { host, state } = hostOn(workbook());

    const result = await host.check({ ...check, scope: "all" });

    const ivanova = state.sheet("Иванова")!;
    expect(result.marked).toBe(5);
    expect(ivanova.fillAt(11, 1).color).toBe(MARK_COLORS.error);
    expect(ivanova.fillAt(28, 4).color).toBe(MARK_COLORS.warning);
    expect(ivanova.notes.get("B12")).toMatch(new RegExp(`^${NOTE_TITLE}\\n• Мобильный телефон`));
    expect(state.sheet("Петрова")!.notes.get("E29")).toContain("срок прошёл");
  });

  it("takes off exactly what it added, giving back the prior fill colours", async () => {
    const { host, state } = hostOn(workbook());
    await host.check({ ...check, scope: "all" });

    const removed = await host.clearMarks();

    const ivanova = state.sheet("Иванова")!;
    expect(removed).toBe(5);
    expect(ivanova.fillAt(11, 1)).toEqual({ color: "#00B0F0", pattern: "Solid" });
    expect(ivanova.fills.size).toBe(1);
    expect(ivanova.notes.size).toBe(0);
    expect(state.settings.get(MARKS_SETTING)).toBe("[]");
  });

  it("leaves a cell the user recoloured or a note the user rewrote as the user left it", async () => {
    const { host, state } = hostOn(workbook());
    await host.check({ ...check, scope: "all" });
    const ivanova = state.sheet("Иванова")!;
    ivanova.fills.set("11,1", { color: "#92D050", pattern: "Solid" });
    ivanova.notes.set("C23", "Проверила, всё верно");

    await host.clearMarks();

    expect(ivanova.fillAt(11, 1).color).toBe("#92D050");
    expect(ivanova.notes.get("C23")).toBe("Проверила, всё верно");
  });

  it("keeps a note of the user's own and marks that cell by colour only", async () => {
    const { host, state } = hostOn(
      workbook({
        sheets: [
          { name: "Иванова", cells: cardRows({ badPhone: true }), notes: { B12: "уточнить" } },
        ],
      }),
    );

    await host.check({ ...check, scope: "all" });
    await host.clearMarks();

    expect(state.sheet("Иванова")!.notes.get("B12")).toBe("уточнить");
  });

  it("remembers the prior colours across checks and after the pane is reopened", async () => {
    const data = workbook();
    const first = hostOn(data);
    await first.host.check({ ...check, scope: "all" });
    await first.host.check({ ...check, scope: "all" });

    // A new pane on the same workbook: only the workbook's settings carry the marks.
    const again = createStandinOver(first.state);
    const reopened = new ExcelHost(again.Excel, again.Office);
    expect(await reopened.markCount()).toBe(5);
    await reopened.clearMarks();

    expect(first.state.sheet("Иванова")!.fillAt(11, 1).color).toBe("#00B0F0");
    expect(first.state.sheet("Петрова")!.fills.size).toBe(0);
  });

  it("checking one sheet leaves the marks of the others", async () => {
    const { host, state } = hostOn(workbook());
    await host.check({ ...check, scope: "all" });
    state.active = "Петрова";

    const result = await host.check({ ...check, scope: "active" });

    expect(result.marked).toBe(5);
    expect(state.sheet("Иванова")!.fillAt(11, 1).color).toBe(MARK_COLORS.error);
  });

  it("marks by colour only on ExcelApi 1.8, where notes are missing, and restores white as no fill", async () => {
    const { host, state } = hostOn(workbook({ apiVersion: "1.8" }));

    await host.check({ ...check, scope: "all" });
    expect(state.sheet("Петрова")!.fillAt(28, 4).color).toBe(MARK_COLORS.warning);
    expect(state.sheet("Петрова")!.notes.size).toBe(0);
    await host.clearMarks();

    expect(state.sheet("Петрова")!.fills.size).toBe(0);
    expect(state.sheet("Иванова")!.fillAt(11, 1).color).toBe("#00B0F0");
  });

  it("spends one run and the same syncs for 1, 10 and 100 card sheets", async () => {
    const syncs = [];
    for (const n of [1, 10, 100]) {
      const { host, state } = hostOn({
        sheets: Array.from({ length: n }, (_, i) => ({
          name: `Карта ${i + 1}`,
          cells: cardRows({ badPhone: true }),
        })),
      });
      await host.check({ ...check, scope: "all" });
      expect(state.runs).toBe(1);
      syncs.push(state.syncs);
    }

    // Two to read (the cells' fills and notes with them), one to mark.
    expect(syncs).toEqual([3, 3, 3]);
  });

  it("marks in three syncs from ExcelApi 1.9, four before it, where the cells' fills come apart", async () => {
    const syncs: Record<string, number> = {};
    for (const apiVersion of ["1.18", "1.13", "1.9", "1.8"]) {
      const { host, state } = hostOn(workbook({ apiVersion }));
      await host.check({ ...check, scope: "all" });
      syncs[apiVersion] = state.syncs;
    }

    expect(syncs).toEqual({ "1.18": 3, "1.13": 3, "1.9": 3, "1.8": 4 });
  });

  it("marks the same where the cells had to be read in blocks, and takes the marks off again", async () => {
    const plain = hostOn(workbook());
    const blocks = hostOn(workbook({ payloadLimit: 6_000 }));

    await plain.host.check({ ...check, scope: "all" });
    await blocks.host.check({ ...check, scope: "all" });
    await blocks.host.check({ ...check, scope: "all" });

    expect(blocks.state.syncs).toBeGreaterThan(6);
    expect(blocks.state.settings.get(MARKS_SETTING)).toEqual(
      plain.state.settings.get(MARKS_SETTING),
    );
    await blocks.host.clearMarks();
    expect(blocks.state.sheet("Иванова")!.fills).toEqual(
      new Map([["11,1", { color: "#00B0F0", pattern: "Solid" }]]),
    );
    expect(blocks.state.sheet("Иванова")!.notes.size).toBe(0);
  });

  it("asks Excel how a faulty cell outside the used ranges looks, in a sync of its own", async () => {
    const { Excel, state } = createStandin(
      workbook({
        sheets: [{ name: "Иванова", cells: cardRows(), fills: { Z99: "#00B0F0" } }],
      }),
    );
    const finding = (cell: string): LocatedFinding => ({
      file: "книга.xlsx",
      sheet: "Иванова",
      cell,
      severity: "error",
      code: "general.phone",
      message: "Проверьте телефон",
    });

    const { marks, syncs } = await Excel.run(async (context) => {
      const previous = queueMarks(context);
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const sheets = () => new Set(["Иванова"]);
      const looks = prepareLooks(context, previous, sheets, ALL_CAPABILITIES);
      await readSheets(context, {
        scope: "all",
        capabilities: ALL_CAPABILITIES,
        fills: looks.fills,
        alongside: looks.alongside,
      });
      const before = state.syncs;
      const marks = await applyMarks(
        context,
        previous(),
        [finding("B12"), finding("Z99")],
        sheets(),
        ALL_CAPABILITIES,
        sheets(),
        looks.known,
      );
      return { marks, syncs: state.syncs - before };
    });

    expect(syncs).toBe(2);
    expect(marks.map((m) => [m.cell, m.prior])).toEqual([
      ["B12", { color: "#FFFFFF", none: true }],
      ["Z99", { color: "#00B0F0", none: false }],
    ]);
  });

  it("selects a finding's cell on its sheet in one sync", async () => {
    const { host, state } = hostOn(workbook());

    await host.select("Петрова", "E29");

    expect(state.selection).toEqual({ sheet: "Петрова", address: "E29" });
    expect(state.active).toBe("Петрова");
    expect(state.syncs).toBe(1);
  });
});

/** Another stand-in over the same live workbook: a pane opened again. */
function createStandinOver(state: ReturnType<typeof createStandin>["state"]) {
  const again = createStandin({ sheets: [] });
  Object.assign(again.state, {
    sheets: state.sheets,
    settings: state.settings,
    active: state.active,
  });
  return again;
}

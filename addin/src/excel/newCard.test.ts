import { describe, expect, it } from "vitest";

import { defaultConfig, parseConfig } from "../../../lib/domain/config.js";
import { parseAddress } from "../../../lib/sheet/grid.js";
import { readCardSheet } from "../../../lib/sheet/readCard.js";
import { readCards } from "../../../lib/sheet/readCards.js";
import { CardSchema } from "../../../lib/domain/card.js";
import { cardTemplate, layoutGrid } from "../../../lib/sheet/template.js";
import { cardRows } from "../../../test/fixtures/cardSheet.js";
import { createStandin } from "../../test/standin/standin.js";
import type { StandinState } from "../../test/standin/standin.js";
import type { WorkbookData } from "../../test/standin/workbook.js";
import { ExcelHost } from "./excelHost.js";
import { readSheets } from "./readSheets.js";

const options = { config: defaultConfig };

function hostOn(data: WorkbookData) {
  const standin = createStandin(data);
  return { host: new ExcelHost(standin.Excel, standin.Office), standin, state: standin.state };
}

function cards(count: number): WorkbookData {
  return {
    sheets: Array.from({ length: count }, (_, i) => ({
      name: `Педагог ${i + 1}`,
      cells: cardRows({ teacher: `Педагог ${i + 1}` }),
    })),
  };
}

/** Every formula in the workbook: the adapter writes none, so any is text Excel took for one. */
function formulas(state: StandinState): string[] {
  return state.sheets.flatMap((sheet) =>
    [...sheet.cells]
      .filter(([, cell]) => cell.formula !== undefined)
      .map(([at, cell]) => `${sheet.name}!${at} ${cell.formula}`),
  );
}

describe("«Новая карта» in Excel", () => {
  it("lays the template out on a new sheet named after the teacher, made active", async () => {
    const { host, state } = hostOn(cards(1));

    const { name } = await host.newCard("Сидорова Мария Петровна", options);

    expect(name).toBe("Сидорова Мария Петровна");
    expect(state.sheets.map((sheet) => sheet.name)).toEqual([
      "Педагог 1",
      "Сидорова Мария Петровна",
      "Справочники",
    ]);
    expect(state.active).toBe("Сидорова Мария Петровна");
    const sheet = state.sheet(name)!;
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.showGridlines).toBe(false);
    expect(sheet.styleAt(0, 0)).toMatchObject({ "font.bold": true, "font.size": 14 });
    const layout = cardTemplate(CardSchema.parse({ general: { fullName: name } }));
    expect(sheet.merges).toHaveLength(layout.card.cells.filter((c) => c.merge).length);
    expect(formulas(state)).toEqual([]);
  });

  it("gives the cells their drop-down lists and input messages, a closed list only warning", async () => {
    const { host, state } = hostOn(cards(1));

    const { name } = await host.newCard("Сидорова Мария Петровна", options);

    const layout = cardTemplate(CardSchema.parse({ general: { fullName: name } }));
    const sheet = state.sheet(name)!;
    const validation = (field: string) => {
      const { row, col } = parseAddress(layout.card.cells.find((c) => c.field === field)!.cell);
      return sheet.validations.get(`${row},${col}`);
    };
    expect(validation("entry.0.competency")).toMatchObject({
      list: "=Список_компетенций",
      prompt: { title: expect.any(String) },
    });
    expect(validation("entry.0.competency")?.alert).toBeUndefined();
    expect(validation("general.category")).toMatchObject({
      list: "=Список_категорий",
      alert: { style: "Warning", title: "Значения нет в списке" },
    });
    expect(validation("general.phone")).toMatchObject({ prompt: { title: "Мобильный телефон" } });
    expect(validation("general.phone")?.list).toBeUndefined();
    const competencies = state.names.get("Список_компетенций");
    expect(competencies).toBe("=Справочники!$A$2:$A$16");
    expect(sheet.names.get("Входная_диагностика")).toMatch(/^='Сидорова Мария Петровна'!\$A\$\d+/);
    expect(state.sheet("Справочники")!.cells.get("1,0")?.value).toBe("Предметная компетенция");
  });

  it("reads back as the template's own layout reads, the ФИО in its cell", async () => {
    const { host, standin } = hostOn(cards(1));

    const { name } = await host.newCard("Сидорова Мария Петровна", options);

    const grids = await standin.Excel.run((context) =>
      readSheets(context, { scope: "all", capabilities: { mergedAreas: true } }),
    );
    const grid = grids.find((g) => g.name === name)!;
    const expected = cardTemplate(
      CardSchema.parse({ general: { fullName: "Сидорова Мария Петровна" } }),
    );
    expect(readCardSheet(grid)?.card).toEqual(readCardSheet(layoutGrid(expected.card))?.card);
    const { records } = readCards(grids, { file: "книга.xlsx" });
    expect(records.map((r) => [r.sheet, r.card.general.fullName])).toEqual([
      ["Педагог 1", "Педагог 1"],
      [name, "Сидорова Мария Петровна"],
    ]);
  });

  it("writes a name Excel would take for a formula as text, and signs in the lists as signs", async () => {
    const { host, state, standin } = hostOn(cards(1));

    const { name } = await host.newCard("=HYPERLINK(1)", options);

    expect(formulas(state)).toEqual([]);
    const grids = await standin.Excel.run((context) =>
      readSheets(context, { scope: "all", capabilities: { mergedAreas: true } }),
    );
    const grid = grids.find((g) => g.name === name)!;
    expect(readCardSheet(grid)?.card.general.fullName).toBe("=HYPERLINK(1)");
    const lists = state.sheet("Справочники")!;
    const signs = [...lists.cells.values()].filter((c) => c.value === "+" || c.value === "-");
    expect(signs).toHaveLength(2);
  });

  it("names a second card of one teacher «(2)», shortens a long ФИО and keeps one lists sheet", async () => {
    const { host, state } = hostOn(cards(1));

    await host.newCard("Сидорова Мария Петровна", options);
    const second = await host.newCard("Сидорова Мария Петровна", options);
    const long = await host.newCard("Константинопольская Александра Владимировна", options);

    expect(second.name).toBe("Сидорова Мария Петровна (2)");
    expect(long.name).toBe("Константинопольская А. В.");
    expect(state.sheets.filter((sheet) => sheet.name.startsWith("Справочники"))).toHaveLength(1);
    expect(formulas(state)).toEqual([]);
  });

  it("puts the district's competencies in the list, rewriting the lists of an earlier card", async () => {
    const { host, state } = hostOn(cards(1));
    await host.newCard("Сидорова Мария Петровна", options);
    const config = parseConfig({
      competencies: [{ id: "communicative", name: "Коммуникативная компетенция" }],
    });

    await host.newCard("Петрова Анна Ивановна", { config });

    const lists = state.sheet("Справочники")!;
    const column = [...lists.cells].filter(([at]) => at.endsWith(",0")).map(([, c]) => c.value);
    expect(column).toContain("Коммуникативная компетенция");
    expect(state.names.get("Список_компетенций")).toBe("=Справочники!$A$2:$A$17");
  });

  it("leaves a sheet «Справочники» of the user's own alone", async () => {
    const { host, state } = hostOn({
      sheets: [{ name: "Справочники", cells: [["Мои списки"]] }],
    });

    await host.newCard("Сидорова Мария Петровна", options);

    expect(state.sheet("Справочники")!.cells.get("0,0")?.value).toBe("Мои списки");
    expect(state.names.get("Список_компетенций")).toBe("='Справочники (2)'!$A$2:$A$16");
  });

  it("prints on A4 landscape where ExcelApi 1.9 is there, and still makes the card on 1.8", async () => {
    const full = hostOn(cards(1));
    const old = hostOn({ ...cards(1), apiVersion: "1.8" });

    const a = await full.host.newCard("Сидорова Мария Петровна", options);
    const b = await old.host.newCard("Сидорова Мария Петровна", options);

    expect(full.state.sheet(a.name)!.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$1",
    });
    expect(old.state.sheet(b.name)!.pageLayout).toEqual({});
    expect(old.state.sheet(b.name)!.validations.size).toBeGreaterThan(0);
  });

  it("spends one run and two syncs whatever the number of sheets", async () => {
    const syncs: number[] = [];
    for (const count of [1, 10, 100]) {
      const { host, state } = hostOn(cards(count));
      await host.newCard("Сидорова Мария Петровна", options);
      expect(state.runs).toBe(1);
      syncs.push(state.syncs);
    }

    expect(syncs).toEqual([2, 2, 2]);
  });
});

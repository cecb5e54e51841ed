import { describe, expect, it } from "vitest";

import { createStandin } from "./standin.js";

const workbook = { sheets: [{ name: "Карта", cells: [["ФИО педагога", "Иванова"]] }] };

describe("the stand-in for the Excel API", () => {
  it("throws PropertyNotLoaded for a property read before load", async () => {
    const { Excel } = createStandin(workbook);

    await expect(
      Excel.run(
        async (context) => context.workbook.worksheets.getItem("Карта").getRange("A1:B1").values,
      ),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("throws PropertyNotLoaded for a property loaded but not yet synced, and gives it after sync", async () => {
    const { Excel, state } = createStandin(workbook);

    const values = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Карта").getRange("A1:B1");
      range.load("values");
      // The misuse the lint rules forbid, on purpose: the stand-in must catch it too.
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      return range.values;
    });

    expect(values).toEqual([["ФИО педагога", "Иванова"]]);
    expect(state.syncs).toBe(1);
    expect(state.loads).toEqual(["Range.values"]);
  });

  it("applies writes only at sync", async () => {
    const { Excel, state } = createStandin(workbook);

    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Карта").getRange("B1").format.fill.color = "#FFC7CE";
      expect(state.sheet("Карта")!.fills.size).toBe(0);
      await context.sync();
    });

    expect(state.sheet("Карта")!.fillAt(0, 1).color).toBe("#FFC7CE");
  });

  it("refuses an answer over the payload limit, as Excel on the web does past 5 MB", async () => {
    const { Excel } = createStandin({ ...workbook, payloadLimit: 10 });

    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Карта").getRange("A1:B1").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  it("has no notes below ExcelApi 1.18 and no merged areas below 1.13", async () => {
    const { Excel, Office } = createStandin({ ...workbook, apiVersion: "1.12" });

    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    await expect(
      Excel.run(async (context) => context.workbook.worksheets.getItem("Карта").notes),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(
      Excel.run(async (context) =>
        context.workbook.worksheets.getItem("Карта").getRange("A1").getMergedAreasOrNullObject(),
      ),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("refuses a load of everything", async () => {
    const { Excel } = createStandin(workbook);

    await expect(
      Excel.run(async (context) =>
        context.workbook.worksheets.getItem("Карта").getRange("A1").load(),
      ),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("takes a text beginning with =, + or − for a formula, as Excel does, unless the cell is text", async () => {
    const { Excel, state } = createStandin(workbook);

    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Карта");
      sheet.getRange("A2:B2").values = [["+", "=1+1"]];
      const text = sheet.getRange("A3:C3");
      text.numberFormat = [["@", "@", "General"]];
      text.values = [["+", "=1+1", "'-"]];
      await context.sync();
    });

    const cells = state.sheet("Карта")!.cells;
    expect(cells.get("1,0")).toMatchObject({ formula: "=+" });
    expect(cells.get("1,1")).toMatchObject({ formula: "=1+1" });
    expect(["2,0", "2,1", "2,2"].map((at) => cells.get(at)?.value)).toEqual(["+", "=1+1", "-"]);
    expect(["2,0", "2,1", "2,2"].some((at) => cells.get(at)?.formula)).toBe(false);
  });

  it("refuses a merge over a merge and a drop-down list whose name is not defined", async () => {
    const { Excel } = createStandin(workbook);
    const run = (apply: (sheet: Excel.Worksheet) => void) =>
      Excel.run(async (context) => {
        apply(context.workbook.worksheets.getItem("Карта"));
        await context.sync();
      });

    await expect(
      run((sheet) => {
        sheet.getRange("A1:B1").merge(false);
        sheet.getRange("B1:C1").merge(false);
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      run((sheet) => {
        sheet.getRange("A5").dataValidation.rule = {
          list: { inCellDropDown: true, source: "=Список_компетенций" },
        };
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("gives back its workbook as data that opens as the same workbook", async () => {
    const { Excel, state } = createStandin({
      ...workbook,
      sheets: [
        {
          name: "Карта",
          cells: [["ФИО", { value: 0.75, format: "0%" }]],
          merges: ["A1:A2"],
          notes: { B1: "н" },
        },
      ],
    });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Карта").getRange("C3").format.fill.color = "#FFEB9C";
      context.workbook.settings.add("k", "v");
      await context.sync();
    });

    const again = createStandin(JSON.parse(JSON.stringify(state.toData())));

    expect(again.state.toData()).toEqual(state.toData());
    expect(again.state.sheet("Карта")!.fillAt(2, 2).color).toBe("#FFEB9C");
    expect(again.state.settings.get("k")).toBe("v");
  });
});

import { describe, expect, it } from "vitest";

import type { Raw } from "../../../lib/domain/card.js";
import { classifyDeficit } from "../../../lib/domain/classify.js";
import { createStandin } from "../../test/standin/standin.js";
import { readSheets } from "./readSheets.js";
import { writeRows } from "./writeCells.js";

/** What a user may type that Excel, given it as a value, would take for a formula. */
const TYPED: Raw[] = ["=СУММ(A1:A3)", "+7 913 555-12-34", "-", "+", "−", "@Смирнова", "=1+1"];

async function written(rows: Raw[][], formats?: (string | undefined)[][]) {
  const standin = createStandin({ sheets: [{ name: "Карта", cells: [] }] });
  await standin.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Карта");
    writeRows(sheet.getRangeByIndexes(0, 0, rows.length, rows[0]!.length), rows, formats);
    await context.sync();
  });
  const [grid] = await standin.Excel.run((context) =>
    readSheets(context, { scope: "all", capabilities: { mergedAreas: true } }),
  );
  return { sheet: standin.state.sheet("Карта")!, grid: grid! };
}

describe("writeRows", () => {
  it("writes text that begins with = + - or @ as text, never as a formula", async () => {
    const { sheet, grid } = await written([TYPED]);

    expect([...sheet.cells.values()].filter((cell) => cell.formula !== undefined)).toEqual([]);
    expect(grid.rows[0]!.map((cell) => cell?.value)).toEqual(TYPED);
  });

  it("leaves the signs «+» and «−» signs to the card reader", async () => {
    const { grid } = await written([["+", "−", "-"]]);

    expect(
      grid.rows[0]!.map((cell) => classifyDeficit(cell!.value as string, { column: "high" }).level),
    ).toEqual(["high", "absent", "absent"]);
  });

  it("keeps numbers numbers, in the format given for them", async () => {
    const { sheet, grid } = await written([[0.75, 45901, "0,75"]], [["0%", "dd.mm.yyyy", "0%"]]);

    expect(grid.rows[0]).toEqual([
      { value: 0.75, format: "0%" },
      { value: 45901, format: "dd.mm.yyyy", date: true },
      { value: "0,75", format: "@" },
    ]);
    expect(sheet.formatAt(0, 2)).toBe("@");
  });
});

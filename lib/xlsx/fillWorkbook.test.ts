import { readFile } from "node:fs/promises";
import { join } from "node:path";

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { AS_OF, buildCard, cleanCard, row } from "../../test/builders.js";
import { changedCells, loadExcel, SAMPLES, sampleFiles } from "../../test/workbooks.js";
import type { Card } from "../domain/card.js";
import { validateCard } from "../domain/validate.js";
import { readCardSheet } from "../sheet/readCard.js";
import { RECORD_SHEET } from "../sheet/readCards.js";
import { CARD_SHEET, cardTemplate } from "../sheet/template.js";
import { createCardWorkbook } from "./createCardWorkbook.js";
import type { FillOutcome } from "./fillWorkbook.js";
import { fillWorkbook, undoFill } from "./fillWorkbook.js";
import { readGrids } from "./readGrids.js";
import { readWorkbook } from "./readWorkbook.js";
import { readEntry, readZip, writeStoredZip } from "./zip.js";

/** The samples' as-of day (samples/README.md). */
const SAMPLES_AS_OF = new Date(2026, 10, 16);

type Filled = Extract<FillOutcome, { kind: "filled" }>;

async function fill(bytes: Uint8Array, asOf = AS_OF, fileName?: string): Promise<Filled> {
  const outcome = await fillWorkbook(bytes, { asOf, fileName });
  if (outcome.kind !== "filled") {
    throw new Error(`refused: ${outcome.losses.join(", ")}`);
  }
  return outcome;
}

function written(outcome: Filled): Set<string> {
  return new Set(outcome.writes.map((w) => `${w.sheet}!${w.cell}`));
}

/** The card of the template, filled in, with a percent in the wrong column and an overdue activity. */
function workingCard(): Card {
  return buildCard((c) => {
    c.entry[1] = row(
      "Методическая компетенция",
      { low: "55%" },
      { difficulties: "Проектирование урока" },
    );
    c.plan[2]!.done = null;
    c.general.routeStart = null;
    c.general.routeEnd = null;
    c.general.routePeriod = "с 01.09.2025 по 31.05.2026";
  });
}

describe("fillWorkbook", () => {
  it.each(sampleFiles())(
    "keeps every cell of %s it does not write, and leaves no result in a wrong column",
    async (file) => {
      const input = new Uint8Array(await readFile(join(SAMPLES, file)));
      const copy = input.slice();
      const outcome = await fill(input, SAMPLES_AS_OF, file);

      expect(input).toEqual(copy);
      const before = await loadExcel(input);
      const after = await loadExcel(outcome.bytes);
      expect(changedCells(before, after, written(outcome), new Set([RECORD_SHEET]))).toEqual([]);

      const { findings } = await readWorkbook(outcome.bytes, { file, asOf: SAMPLES_AS_OF });
      expect(findings.filter((f) => f.code === "deficit.wrong-column")).toEqual([]);
      expect(findings).toEqual(outcome.findings);
    },
  );

  it("moves the result, writes the period, the stage, the comparison and the overdue mark", async () => {
    const card = workingCard();
    const layout = cardTemplate(card);
    const cellOf = (field: string) => layout.card.cells.find((c) => c.field === field)!.cell;
    const outcome = await fill(await createCardWorkbook(card), new Date(2026, 0, 20));

    expect(outcome.writes.map((w) => [w.cell, w.kind])).toEqual([
      [cellOf("entry.1.low"), "level-column"],
      [cellOf("entry.1.high"), "level-column"],
      [cellOf("general.routeStart"), "route-period"],
      [cellOf("general.routeEnd"), "route-period"],
      [layout.derived.stage, "stage"],
      [expect.stringMatching(/^G\d+$/), "comparison"],
      [expect.stringMatching(/^G\d+$/), "comparison"],
      [expect.stringMatching(/^H\d+$/), "overdue"],
    ]);

    const sheet = (await loadExcel(outcome.bytes)).getWorksheet(CARD_SHEET)!;
    expect(sheet.getCell(cellOf("entry.1.high")).value).toBe("55%");
    expect(sheet.getCell(cellOf("entry.1.low")).value).toBeNull();
    expect(sheet.getCell(cellOf("general.routeStart")).value).toEqual(
      new Date(Date.UTC(2025, 8, 1)),
    );
    expect(sheet.getCell(cellOf("general.routeStart")).numFmt).toBe("dd.mm.yyyy");
    expect(sheet.getCell(layout.derived.stage).value).toBe("заключительный");
  });

  it("writes what it derives in the template's italic grey, keeping the cell's fill and borders", async () => {
    const card = workingCard();
    const layout = cardTemplate(card);
    const cellOf = (field: string) => layout.card.cells.find((c) => c.field === field)!.cell;
    const workbook = await loadExcel(await createCardWorkbook(card));
    const start = workbook.getWorksheet(CARD_SHEET)!.getCell(cellOf("general.routeStart"));
    start.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    const input = new Uint8Array(await workbook.xlsx.writeBuffer());

    const sheet = (await loadExcel((await fill(input, new Date(2026, 0, 20))).bytes)).getWorksheet(
      CARD_SHEET,
    )!;

    const filled = sheet.getCell(cellOf("general.routeStart"));
    expect(filled.font).toMatchObject({ italic: true, color: { argb: "FF404040" } });
    expect(filled.fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(filled.border).toEqual(start.border);
    // A moved percent is the user's: it takes its new column's look, not the derived one.
    expect(sheet.getCell(cellOf("entry.1.high")).font?.italic).not.toBe(true);
  });

  it("marks an overdue activity beside it, and validate reports it just as before", async () => {
    const card = buildCard((c) => {
      c.plan[2]!.done = null;
      c.finalEvent.activity = null;
      c.final.rows = [];
      c.final.endDate = null;
    });
    const asOf = new Date(2026, 0, 20);
    const bytes = await createCardWorkbook(card);
    const outcome = await fill(bytes, asOf);
    const mark = outcome.writes.find((w) => w.kind === "overdue");

    expect(mark).toMatchObject({ new: "просрочено (срок 15.01.2026)" });
    const before = await readWorkbook(bytes, { file: "карта.xlsx", asOf });
    const after = await readWorkbook(outcome.bytes, { file: "карта.xlsx", asOf });
    expect(after.findings).toEqual(before.findings);
    expect(after.findings.filter((f) => f.code === "plan.overdue")).toEqual([
      expect.objectContaining({ severity: "warning", cell: `E${mark!.cell.slice(1)}` }),
    ]);
  });

  it("records each change in a hidden sheet «iom-kit» and undoes them all", async () => {
    const input = await createCardWorkbook(workingCard());
    const outcome = await fill(input);
    const filled = await loadExcel(outcome.bytes);
    const record = filled.getWorksheet(RECORD_SHEET)!;

    expect(record.state).toBe("hidden");
    expect(record.getRow(1).values).toEqual([
      undefined,
      "Лист",
      "Ячейка",
      "Было",
      "Стало",
      "Причина",
      "Дата",
      "Формат (было)",
      "Формат (стало)",
      "Вид",
      "Шрифт (было)",
    ]);
    expect(record.rowCount).toBe(outcome.writes.length + 1);
    expect(record.getRow(2).values).toEqual(
      expect.arrayContaining([CARD_SHEET, "55%", "2026-06-15", "level-column"]),
    );

    const undone = await undoFill(outcome.bytes);
    expect(undone.kind).toBe("undone");
    if (undone.kind !== "undone") {
      return;
    }
    expect(undone.restored).toHaveLength(outcome.writes.length);
    const back = await loadExcel(undone.bytes);
    expect(back.getWorksheet(RECORD_SHEET)).toBeUndefined();
    expect(changedCells(await loadExcel(input), back)).toEqual([]);
  });

  it("fills nothing more on a second run", async () => {
    const first = await fill(await createCardWorkbook(workingCard()));
    const second = await fill(first.bytes);

    expect(second.writes).toEqual([]);
    expect(changedCells(await loadExcel(first.bytes), await loadExcel(second.bytes))).toEqual([]);
  });

  it("leaves a cell changed since it was filled when undoing", async () => {
    const first = await fill(await createCardWorkbook(workingCard()));
    const workbook = await loadExcel(first.bytes);
    const stage = cardTemplate().derived.stage;
    workbook.getWorksheet(CARD_SHEET)!.getCell(stage).value = "реализация";
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());

    const undone = await undoFill(edited);
    expect(undone.kind === "undone" && undone.changed.map((e) => e.cell)).toEqual([stage]);
    const back = await loadExcel(undone.kind === "undone" ? undone.bytes : edited);
    expect(back.getWorksheet(CARD_SHEET)!.getCell(stage).value).toBe("реализация");
    expect(back.getWorksheet(RECORD_SHEET)?.rowCount).toBe(2);
  });

  it("keeps notes, validations and merges", async () => {
    const workbook = await loadExcel(await createCardWorkbook(workingCard()));
    const sheet = workbook.getWorksheet(CARD_SHEET)!;
    sheet.getCell("C4").note = "Проверить по личному делу";
    const input = new Uint8Array(await workbook.xlsx.writeBuffer());

    const outcome = await fill(input);
    const after = await loadExcel(outcome.bytes);
    expect(after.getWorksheet(CARD_SHEET)!.getCell("C4").note).toBe("Проверить по личному делу");
    expect(
      changedCells(await loadExcel(input), after, written(outcome), new Set([RECORD_SHEET])),
    ).toEqual([]);
  });

  it("keeps the page breaks and the print area exceljs would lose or bend (exceljs 2249)", async () => {
    const outcome = await fill(await createCardWorkbook(workingCard()));
    const archive = readZip(outcome.bytes);
    const text = async (name: string) =>
      new TextDecoder().decode(await readEntry(archive, archive.byName.get(name)!));

    const sheet = await text("xl/worksheets/sheet1.xml");
    for (const row of cardTemplate(workingCard()).print.breaksBefore) {
      expect(sheet).toContain(`<brk id="${row - 1}"`);
    }
    expect(await text("xl/workbook.xml")).toMatch(
      /Print_Area[^>]*>&apos;Карта ИОМ&apos;!\$A\$1:\$H\$\d+</,
    );
  });

  it("moves no result out of a formula", async () => {
    const card = workingCard();
    const cell = cardTemplate(card).card.cells.find((c) => c.field === "entry.1.low")!.cell;
    const workbook = await loadExcel(await createCardWorkbook(card));
    workbook.getWorksheet(CARD_SHEET)!.getCell(cell).value = { formula: "11/20", result: 0.55 };
    workbook.getWorksheet(CARD_SHEET)!.getCell(cell).numFmt = "0%";
    const input = new Uint8Array(await workbook.xlsx.writeBuffer());

    const outcome = await fill(input);
    expect(outcome.writes.filter((w) => w.kind === "level-column")).toEqual([]);
    expect(outcome.skipped.map((w) => [w.cell, w.why])).toEqual([
      [cell, `в ячейке ${cell} формула`],
      [expect.any(String), `в ячейке ${cell} формула`],
    ]);
    const after = (await loadExcel(outcome.bytes)).getWorksheet(CARD_SHEET)!.getCell(cell);
    expect(after.type).toBe(ExcelJS.ValueType.Formula);
  });

  it("writes nothing where exceljs would drop parts of the workbook, unless allowed", async () => {
    const input = await withPart(await createCardWorkbook(cleanCard()), "xl/vbaProject.bin");

    expect(await fillWorkbook(input, { asOf: AS_OF })).toEqual({
      kind: "refused",
      losses: ["макросы (VBA)"],
      overridable: true,
    });
    const allowed = await fillWorkbook(input, { asOf: AS_OF, allowLoss: true });
    expect(allowed).toMatchObject({ kind: "filled", losses: ["макросы (VBA)"] });
  });

  it("names a chart, a pivot table and a drop-down list on another sheet among the losses", async () => {
    let bytes = await createCardWorkbook();
    bytes = await withPart(bytes, "xl/charts/chart1.xml");
    bytes = await withPart(bytes, "xl/pivotTables/pivotTable1.xml");
    bytes = await withSheetXml(bytes, (xml) =>
      xml.replace(
        "</worksheet>",
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="0"/></ext></extLst></worksheet>',
      ),
    );

    const outcome = await fillWorkbook(bytes, { asOf: AS_OF });
    expect(outcome.kind === "refused" && outcome.losses).toEqual([
      "диаграммы",
      "сводные таблицы",
      "раскрывающиеся списки со ссылками на другие листы",
    ]);
  });

  it("refuses a workbook that is no workbook, as readGrids does", async () => {
    await expect(
      fillWorkbook(new Uint8Array([1, 2, 3]), { fileName: "карта.xlsx" }),
    ).rejects.toThrow(/Файл «карта\.xlsx»/);
  });

  it("reads the filled card as the same card, the derived cells passed over", async () => {
    const card = cleanCard();
    const outcome = await fill(await createCardWorkbook(card));
    const grids = await readGrids(outcome.bytes);
    const read = readCardSheet(grids.find((g) => g.name === CARD_SHEET)!)!;

    expect({ ...read.card, general: { ...read.card.general, routePeriod: null } }).toEqual(card);
    expect(validateCard(read.card, { asOf: AS_OF })).toEqual([]);
  });
});

/** The workbook with one more (empty) part, as a file holding macros or a chart would have. */
async function withPart(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const archive = readZip(bytes);
  const files = await Promise.all(
    archive.entries.map(async (entry) => ({
      name: entry.name,
      data: await readEntry(archive, entry),
    })),
  );
  return writeStoredZip([...files, { name, data: new Uint8Array([0]) }]);
}

async function withSheetXml(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const archive = readZip(bytes);
  const files = await Promise.all(
    archive.entries.map(async (entry) => {
      const data = await readEntry(archive, entry);
      return entry.name === "xl/worksheets/sheet1.xml"
        ? { name: entry.name, data: new TextEncoder().encode(edit(new TextDecoder().decode(data))) }
        : { name: entry.name, data };
    }),
  );
  return writeStoredZip(files);
}

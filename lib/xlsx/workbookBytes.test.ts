import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import { workbookBytes } from "./workbookBytes.js";

/** A workbook with what the summary's sheets hold: a long table, links, styles, a hidden sheet. */
function workbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.created = book.modified = new Date("2026-11-16T00:00:00Z");
  const sheet = book.addWorksheet("Замечания");
  sheet.addTable({
    name: "Findings",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "Файл" }, { name: "Ячейка" }, { name: "Замечание" }],
    rows: Array.from({ length: 1_200 }, (_, i) => [
      { text: `школа ${i % 7}/карта ${i}.xlsx`, hyperlink: `школа%20${i % 7}/карта.xlsx#A${i}` },
      `B${i + 1}`,
      i % 3 === 0 ? "Не заполнено «ФИО педагога»" : i,
    ]),
  });
  sheet.getColumn(3).font = { name: "Arial", size: 10, bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  book.addWorksheet("Сводка").getCell("A1").value = "Сводка по ИОМ";
  book.addWorksheet("данные", { state: "veryHidden" });
  return book;
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const texts = new Map<string, string>();
  for (const file of Object.values(zip.files).filter((file) => !file.dir)) {
    texts.set(file.name.replace(/^\//, ""), await file.async("string"));
  }
  return texts;
}

describe("workbookBytes", () => {
  it("writes the parts exceljs writes, a long sheet's rows included", async () => {
    const ours = await parts(await workbookBytes(workbook()));
    const theirs = await parts(new Uint8Array(await workbook().xlsx.writeBuffer()));

    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [name, text] of theirs) {
      expect(ours.get(name), name).toBe(text);
    }
  });

  it("writes the rows a caller gives into a sheet of its own, and gives the same bytes each time", async () => {
    const rows = () => [new TextEncoder().encode('<row r="1"><c r="A1"><v>5</v></c></row>')];
    const write = () => {
      const book = workbook();
      return workbookBytes(book, { rows: [{ sheetId: book.getWorksheet("данные")!.id, rows }] });
    };

    const bytes = await write();
    const sheet = (await parts(bytes)).get("xl/worksheets/sheet3.xml")!;

    expect(sheet).toContain('<sheetData><row r="1"><c r="A1"><v>5</v></c></row></sheetData>');
    expect(await write()).toEqual(bytes);
  });
});

import { describe, expect, it } from "vitest";

import { createCardWorkbook } from "./createCardWorkbook.js";
import { findLosses } from "./findLosses.js";
import { readEntry, readZip, writeStoredZip } from "./zip.js";

/** The template with some parts replaced or added. */
async function edited(parts: Record<string, (xml: string) => string>): Promise<Uint8Array> {
  const archive = readZip(await createCardWorkbook());
  const files = await Promise.all(
    archive.entries.map(async (entry) => ({
      name: entry.name,
      data: await readEntry(archive, entry),
    })),
  );
  for (const [name, edit] of Object.entries(parts)) {
    const file = files.find((f) => f.name === name);
    const text = edit(file ? new TextDecoder().decode(file.data) : "");
    const data = new TextEncoder().encode(text);
    if (file) {
      file.data = data;
    } else {
      files.push({ name, data });
    }
  }
  return writeStoredZip(files);
}

describe("findLosses", () => {
  it("finds nothing in a workbook exceljs wrote", async () => {
    expect(await findLosses(await createCardWorkbook())).toEqual([]);
  });

  it("names macros, a drawing's shapes, column breaks and a named formula", async () => {
    const bytes = await edited({
      "xl/vbaProject.bin": () => "",
      "xl/drawings/drawing1.xml": () =>
        '<xdr:wsDr xmlns:xdr="x"><xdr:twoCellAnchor><xdr:sp><xdr:txBody/></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>',
      "xl/worksheets/sheet1.xml": (xml) =>
        xml.replace(
          "</worksheet>",
          '<colBreaks count="1"><brk id="3" man="1"/></colBreaks></worksheet>',
        ),
      "xl/workbook.xml": (xml) =>
        xml.replace(
          "<definedNames>",
          '<definedNames><definedName name="Итого">SUM(Лист1!A1:A3)</definedName>',
        ),
    });

    expect((await findLosses(bytes)).sort()).toEqual(
      [
        "макросы (VBA)",
        "фигуры и надписи",
        "разрывы страниц между столбцами",
        "именованные формулы и константы",
      ].sort(),
    );
  });
});

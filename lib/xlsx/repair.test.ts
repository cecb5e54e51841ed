import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { readGrids } from "./readGrids.js";
import { normalizePrefixes, rebuildPackage, repairWorksheet, salvageStyles } from "./repair.js";
import { readWorkbookPackage } from "./workbookPackage.js";
import { readZip } from "./zip.js";

const FIXTURES = new URL("../../test/fixtures/quirks/", import.meta.url);

describe("rebuildPackage", () => {
  it.each([
    "merges.xlsx",
    "rich-text.xlsx",
    "hyperlinks.xlsx",
    "formulas.xlsx",
    "formulas-excel.xlsx",
    "numbers.xlsx",
    "dates.xlsx",
    "date1904.xlsx",
    "date1904-libreoffice.xlsx",
    "libreoffice-dates.xlsx",
    "sheet-names.xlsx",
  ])("keeps every value, format and merge of %s", async (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, FIXTURES)));
    const pkg = await readWorkbookPackage(readZip(bytes));

    const rebuilt = await rebuildPackage(pkg!);

    const content = (grids: { rows: unknown; merges: unknown }[]) =>
      grids.map(({ rows, merges }) => ({ rows, merges }));
    expect(content(await readGrids(rebuilt.bytes))).toEqual(content(await readGrids(bytes)));
  });
});

describe("normalizePrefixes", () => {
  it("unprefixes SpreadsheetML elements and declares the namespace as the default", () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>x:y</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';

    expect(normalizePrefixes(xml)).toBe(
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x:y</t></is></c></row></sheetData></worksheet>',
    );
  });

  it("puts relationship ids under r:, whatever prefix the file used", () => {
    const xml =
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:relationships="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheets><sheet name="Лист1" sheetId="1" relationships:id="rId1"/></sheets></workbook>';

    expect(normalizePrefixes(xml)).toBe(
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
  });

  it("leaves an unprefixed part as it is", () => {
    const xml =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>';

    expect(normalizePrefixes(xml)).toBe(xml);
  });
});

describe("salvageStyles", () => {
  it("keeps the number formats and each cell format's numFmtId, in order", () => {
    const xml =
      '<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165"/></numFmts>' +
      '<cellStyleXfs><xf numFmtId="3"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" applyNumberFormat="1"><alignment wrapText="1"/></xf><xf numFmtId="9"/></cellXfs></styleSheet>';

    expect(salvageStyles(xml)).toContain(
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts>' +
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/></cellXfs>',
    );
  });

  it("keeps what a cut-off part still holds and makes a minimal part of nothing", () => {
    expect(salvageStyles('<styleSheet><cellXfs count="2"><xf numFmtId="14"/><xf numF')).toContain(
      '<cellXfs count="1"><xf numFmtId="14"/></cellXfs>',
    );
    expect(salvageStyles(undefined)).toContain('<cellXfs count="1"><xf numFmtId="0"/></cellXfs>');
  });
});

describe("repairWorksheet", () => {
  it("drops overlapping merges, dangling hyperlinks and drawings", () => {
    const xml =
      '<worksheet><sheetData/><mergeCells count="3"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/><mergeCell ref="D1:E1"/></mergeCells>' +
      '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="A2" r:id="rId9"/></hyperlinks><drawing r:id="rId2"/></worksheet>';

    expect(repairWorksheet(xml, new Map([["rId1", "https://example.ru"]]))).toBe(
      '<worksheet><sheetData/><mergeCells count="3"><mergeCell ref="A1:B2"/><mergeCell ref="D1:E1"/></mergeCells>' +
        '<hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks></worksheet>',
    );
  });

  it("leaves ISO dates as written, for readGrids to read", () => {
    const xml =
      '<sheetData><row r="1"><c r="A1" s="1" t="d"><v>2024-09-01T00:00:00</v></c></row></sheetData>';

    expect(repairWorksheet(xml, new Map())).toBe(xml);
  });

  it("drops phonetic runs from inline strings and puts escaped text in a run", () => {
    const xml =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Соколова</t><rPh sb="0" eb="1"><t>ソ</t></rPh>' +
      '<phoneticPr fontId="1"/></is></c><c r="B1" t="inlineStr"><is><t>55%_x000D_</t></is></c></row></sheetData>';

    expect(repairWorksheet(xml, new Map())).toBe(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Соколова</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><r><t>55%_x000D_</t></r></is></c></row></sheetData>',
    );
  });

  it("numbers rows and cells that have no r reference", () => {
    const xml =
      '<worksheet><sheetData><row><c t="s"><v>0</v></c><c r="C1"/><c/></row><row r="5"><c><v>1</v></c></row><row/></sheetData></worksheet>';

    expect(repairWorksheet(xml, new Map())).toBe(
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"/><c r="D1"/></row>' +
        '<row r="5"><c r="A5"><v>1</v></c></row><row r="6"/></sheetData></worksheet>',
    );
  });
});

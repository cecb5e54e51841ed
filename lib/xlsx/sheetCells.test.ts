import { readFileSync } from "node:fs";
import { join } from "node:path";

import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import { SAMPLES, sampleFiles } from "../../test/workbooks.js";
import type { Grid } from "../sheet/grid.js";
import { readGrids } from "./readGrids.js";
import { sharedStringTexts, sheetCells } from "./sheetCells.js";

const FIXTURES = new URL("../../test/fixtures/quirks/", import.meta.url);
/** Past the size from which readGrids reads a sheet's rows itself (8 MiB). */
const PADDING = 8.5 * 1024 * 1024;
/** Below every fixture's rows. */
const FILLER_ROW = 60_000;

/**
 * The workbook with its first worksheet made large: one more row far below its last, holding
 * one cell of 8.5 MB of text, so that readGrids reads the sheet's rows through sheetCells.
 */
async function padded(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const name = Object.keys(zip.files)
    .filter((file) => /^xl\/worksheets\/[^/]+\.xml$/.test(file))
    .sort()[0]!;
  const xml = await zip.file(name)!.async("string");
  const filler = `<row r="${FILLER_ROW}"><c r="A${FILLER_ROW}" t="inlineStr"><is><t>${"x".repeat(PADDING)}</t></is></c></row>`;
  zip.file(
    name,
    xml.includes("</sheetData>")
      ? xml.replace(/<\/sheetData>(?![\s\S]*<\/sheetData>)/, `${filler}</sheetData>`)
      : xml.replace(/<sheetData\s*\/>/, `<sheetData>${filler}</sheetData>`),
  );
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

/** The grids without the filler row, and the empty rows above it. */
function unpadded(grids: Grid[]): Grid[] {
  return grids.map((grid) => {
    const rows = grid.rows.slice(0, FILLER_ROW - 1);
    while (rows.length > 0 && rows.at(-1)!.length === 0) {
      rows.pop();
    }
    return { ...grid, rows };
  });
}

describe("sheetCells: a large sheet reads as exceljs reads a small one", () => {
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
    "iso-dates.xlsx",
    "phonetic.xlsx",
    "escapes.xlsx",
    "sheet-names.xlsx",
    "prefixed.xlsx",
    "strict.xlsx",
    "styles-missing.xlsx",
    "styles-unparsable.xlsx",
    "missing-references.xlsx",
  ])("gives the grids of %s", async (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, FIXTURES)));

    const large = unpadded(await readGrids(await padded(bytes)));

    expect(large).toEqual(await readGrids(bytes));
  });

  it("gives the grids of every sample", async () => {
    for (const file of sampleFiles()) {
      const bytes = new Uint8Array(readFileSync(join(SAMPLES, file)));

      const large = unpadded(await readGrids(await padded(bytes)));

      expect(large, file).toEqual(await readGrids(bytes));
    }
  });
});

describe("sheetCells", () => {
  const context = {
    strings: sharedStringTexts(
      "<sst><si><t>ФИО</t></si><si><r><t>Мето</t></r><r><rPr><b/></rPr><t>дическая</t></r></si>" +
        '<si><t xml:space="preserve">а_x000D_б</t><rPh><t>ふ</t></rPh></si><si></si></sst>',
    ),
    formats: new Map([[1, "0%"]]),
    links: new Map([["C1", "mailto:a@example.ru"]]),
    date1904: false,
  };
  const cells = (xml: string) =>
    [...sheetCells(xml, context)].map((cell) =>
      cell.raw
        ? [cell.row, cell.col, cell.formula ? "f" : "raw", cell.raw]
        : [cell.row, cell.col, cell.value],
    );

  it("reads shared strings with their runs joined, phonetic runs and escapes handled", () => {
    expect(context.strings).toEqual(["ФИО", "Методическая", "а\rб", null]);
  });

  it("gives each kind of cell as exceljs would, and a formula's cached result as written", () => {
    const xml =
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>0.75</v></c>' +
      '<c r="C1" t="inlineStr"><is><t>a@example.ru</t></is></c><c r="D1" t="b"><v>1</v></c>' +
      '<c r="E1" t="e"><v>#REF!</v></c><c r="F1" t="s"><v>3</v></c><c r="G1" s="1"/></row>' +
      '<row r="2"><c r="A2" t="str"><f>A1&amp;""</f><v>x &amp;amp; y</v></c>' +
      '<c r="B2"><f t="shared" si="0"/><v>4</v></c><c r="C2"><f>SUM(A1)</f></c>' +
      '<c r="D2" t="str"><v>&amp;amp;</v></c><c r="E2"><f/><v>7</v></c></row>';

    expect(cells(xml)).toEqual([
      [0, 0, "Методическая"],
      [0, 1, 0.75],
      [0, 2, "a@example.ru"],
      [0, 3, true],
      [0, 4, { error: "#REF!" }],
      [1, 0, "f", { type: "str", value: "x &amp;amp; y" }],
      [1, 1, "f", { type: undefined, value: "4" }],
      [1, 2, "f", { type: undefined, value: undefined }],
      [1, 3, "&"],
      [1, 4, 7],
    ]);
    expect([...sheetCells(xml, context)].find((c) => c.col === 2 && c.row === 0)).toMatchObject({
      hyperlink: "mailto:a@example.ru",
    });
    expect([...sheetCells(xml, context)][1]).toMatchObject({ numFmt: "0%" });
  });

  it("reads inline strings without their phonetic runs and with their escapes decoded", () => {
    const xml =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Соколова</t><rPh sb="0" eb="1"><t>ソ</t></rPh>' +
      '<phoneticPr fontId="1"/></is></c><c r="B1" t="inlineStr"><is><t>55%_x000D_</t></is></c>' +
      '<c r="C1" t="inlineStr"><is><t>a_x005F_x0001_</t></is></c></row>';

    expect(cells(xml)).toEqual([
      [0, 0, "Соколова"],
      [0, 1, "55%\r"],
      [0, 2, "a_x0001_"],
    ]);
  });

  it("gives a date stored as ISO text as the XML has it, and none where it is empty", () => {
    const xml =
      '<row r="1"><c r="A1" t="d"><v>2026-10-01</v></c><c r="B1" t="d"><v></v></c>' +
      '<c r="C1" t="d"/></row>';

    expect(cells(xml)).toEqual([[0, 0, "raw", { type: "d", value: "2026-10-01" }]]);
  });
});

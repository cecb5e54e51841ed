import { describe, expect, it } from "vitest";

import { inlineStringsForExceljs } from "./inlineStrings.js";

describe("inlineStringsForExceljs", () => {
  it("drops phonetic runs and their properties from inline strings, plain and rich", () => {
    const xml =
      '<c r="C3" t="inlineStr"><is><t>Соколова Ирина Викторовна</t><rPh sb="0" eb="1"><t>ソ</t></rPh>' +
      '<phoneticPr fontId="1" type="noConversion"/></is></c>' +
      '<c r="C4" t="inlineStr"><is><r><t>Соколова</t></r><rPh sb="0" eb="1"><t>ソ</t></rPh></is></c>';

    expect(inlineStringsForExceljs(xml)).toBe(
      '<c r="C3" t="inlineStr"><is><t>Соколова Ирина Викторовна</t></is></c>' +
        '<c r="C4" t="inlineStr"><is><r><t>Соколова</t></r></is></c>',
    );
  });

  it("puts a plain text holding escapes in a run, and leaves runs and other text alone", () => {
    const xml =
      '<c r="E35" t="inlineStr"><is><t xml:space="preserve">55%_x000D_</t></is></c>' +
      '<c r="E36" t="inlineStr"><is><r><t>а_x000D_</t></r></is></c>' +
      '<c r="E37" t="inlineStr"><is><t>55%</t></is></c><c r="E38" t="inlineStr"><is/></c>';

    expect(inlineStringsForExceljs(xml)).toBe(
      '<c r="E35" t="inlineStr"><is><r><t xml:space="preserve">55%_x000D_</t></r></is></c>' +
        '<c r="E36" t="inlineStr"><is><r><t>а_x000D_</t></r></is></c>' +
        '<c r="E37" t="inlineStr"><is><t>55%</t></is></c><c r="E38" t="inlineStr"><is/></c>',
    );
  });

  it("returns a sheet with neither as it is", () => {
    const xml = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>';

    expect(inlineStringsForExceljs(xml)).toBe(xml);
  });
});

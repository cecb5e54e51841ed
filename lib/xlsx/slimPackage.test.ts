import { describe, expect, it } from "vitest";

import { readGrids } from "./readGrids.js";
import { slimPackage } from "./slimPackage.js";
import { readWorkbookPackage } from "./workbookPackage.js";
import { readEntry, readZip, writeStoredZip } from "./zip.js";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * A card as Excel saves one: a theme, document properties, a comment, a cell with borders and
 * no value, and an e-mail whose cell is a link with no text.
 */
function card(): Uint8Array {
  const rels = (items: [string, string, string][]) =>
    `<Relationships xmlns="${PACKAGE}">${items
      .map(
        ([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`,
      )
      .join("")}</Relationships>`;
  const files: Record<string, string> = {
    "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "docProps/core.xml": "<coreProperties/>",
    "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Карта ИОМ" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": rels([
      ["rId1", "worksheet", "worksheets/sheet1.xml"],
      ["rId2", "styles", "styles.xml"],
      ["rId3", "theme", "theme/theme1.xml"],
    ]),
    "xl/styles.xml": `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="0" borderId="1"/></cellXfs></styleSheet>`,
    "xl/theme/theme1.xml": "<theme/>",
    "xl/comments1.xml": "<comments/>",
    "xl/worksheets/sheet1.xml":
      `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>` +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>ФИО педагога</t></is></c><c r="B1" s="1"/></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>E-mail</t></is></c><c r="B2" s="1"/></row>` +
      `</sheetData><hyperlinks><hyperlink ref="B2" r:id="rId1"/></hyperlinks></worksheet>`,
    "xl/worksheets/_rels/sheet1.xml.rels":
      `<Relationships xmlns="${PACKAGE}"><Relationship Id="rId1" Type="${R}/hyperlink" Target="mailto:a.petrova@example.ru" TargetMode="External"/>` +
      `<Relationship Id="rId2" Type="${R}/comments" Target="../comments1.xml"/></Relationships>`,
  };
  const encoder = new TextEncoder();
  return writeStoredZip(
    Object.entries(files).map(([name, text]) => ({ name, data: encoder.encode(text) })),
  );
}

describe("slimPackage", () => {
  it("keeps the parts a grid is made of, under their names, and a sheet's links alone", async () => {
    const pkg = (await readWorkbookPackage(readZip(card())))!;

    const slim = readZip((await slimPackage(pkg)).bytes);

    expect(slim.entries.map((entry) => entry.name).sort()).toEqual([
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "xl/worksheets/sheet1.xml",
    ]);
    const rels = slim.byName.get("xl/worksheets/_rels/sheet1.xml.rels")!;
    const text = new TextDecoder().decode(await readEntry(slim, rels));
    expect(text).toContain("mailto:a.petrova@example.ru");
    expect(text).not.toContain("comments");
  });

  it("drops a cell with a style and no value, and keeps an empty one that is a link", async () => {
    const pkg = (await readWorkbookPackage(readZip(card())))!;

    const [xml] = (await slimPackage(pkg)).sheetXml;

    expect(xml).not.toContain('<c r="B1"');
    expect(xml).toContain('<c r="B2"');
    expect((await readGrids(card()))[0]!.rows).toEqual([
      [{ value: "ФИО педагога" }],
      [{ value: "E-mail" }, { value: null, hyperlink: "mailto:a.petrova@example.ru" }],
    ]);
  });
});

/**
 * The package exceljs loads for a workbook it can take as it is: only the parts a grid is made
 * from, each inflated once, here, and stored uncompressed.
 */
import { inlineStringsForExceljs } from "./inlineStrings.js";
import { hyperlinkRelationships, relationshipsXml } from "./repair.js";
import { relationshipsPath, type WorkbookPackage } from "./workbookPackage.js";
import { decodeXml } from "./xml.js";
import { readEntry, writeStoredZip } from "./zip.js";

export interface SlimPackage {
  bytes: Uint8Array;
  /** Each worksheet's XML as handed to exceljs, in `pkg.worksheets` order. */
  sheetXml: string[];
}

/**
 * A canonical package (`pkg.canonical`) cut down to the workbook, its relationships, the
 * styles, the shared strings, the worksheets and their hyperlinks, under the same names.
 * exceljs parses every part it finds, themes, drawings and document properties included, and
 * inflates them with a JavaScript inflater: given only these parts, stored, it does neither,
 * and every part is inflated once, by Node's zlib where there is one (zip.ts), bounded by the
 * size the archive declares for it. A worksheet loses its empty cells (a style and no value,
 * `<c r="B4" s="3"/>`: two cells in three of a card, for the borders of its tables), which
 * exceljs would otherwise make an object of each; an empty cell holding a hyperlink stays.
 * Its inline strings lose their phonetic runs, and escapes go where exceljs decodes them
 * (`inlineStringsForExceljs`).
 *
 * A worksheet's other relationships (comments, drawings, tables) are left out with the parts
 * they point to; `readGrids` tells exceljs to skip the elements that would look them up.
 *
 * @example const slim = await slimPackage(pkg); await workbook.xlsx.load(slim.bytes);
 * @throws {ZipFormatError} where a part does not inflate, or inflates past its declared size.
 */
export async function slimPackage(pkg: WorkbookPackage): Promise<SlimPackage> {
  const { archive } = pkg;
  const encoder = new TextEncoder();
  const files: { name: string; data: Uint8Array }[] = [
    { name: "xl/workbook.xml", data: pkg.workbookPart },
  ];
  if (pkg.relationshipsPart) {
    files.push({ name: "xl/_rels/workbook.xml.rels", data: pkg.relationshipsPart });
  }
  for (const entry of [pkg.styles, pkg.sharedStrings]) {
    if (entry) {
      files.push({ name: entry.name, data: await readEntry(archive, entry) });
    }
  }

  const sheetXml: string[] = [];
  for (const sheet of pkg.worksheets) {
    const entry = sheet.entry!;
    const xml = inlineStringsForExceljs(
      withoutEmptyCells(decodeXml(await readEntry(archive, entry))),
    );
    sheetXml.push(xml);
    files.push({ name: entry.name, data: encoder.encode(xml) });

    const links = await hyperlinkRelationships(archive, entry);
    if (links.size > 0) {
      files.push({
        name: relationshipsPath(entry.name),
        data: encoder.encode(
          relationshipsXml([...links].map(([id, target]) => [id, "hyperlink", target, true])),
        ),
      });
    }
  }

  return { bytes: writeStoredZip(files), sheetXml };
}

/** A cell element with attributes and no content: `<c r="B4" s="3"/>`. */
const EMPTY_CELL = /<c\b[^>]*\/>/g;
const HYPERLINK_REF = /<hyperlink\b[^>]*?\sref\s*=\s*["']([^"']*)["']/g;
const CELL_REF = /\sr\s*=\s*["']([^"']*)["']/;

function withoutEmptyCells(xml: string): string {
  const linked = new Set([...xml.matchAll(HYPERLINK_REF)].map((match) => match[1]!));
  if (linked.size === 0) {
    return xml.replace(EMPTY_CELL, "");
  }
  return xml.replace(EMPTY_CELL, (cell) =>
    linked.has(CELL_REF.exec(cell)?.[1] ?? "") ? cell : "",
  );
}

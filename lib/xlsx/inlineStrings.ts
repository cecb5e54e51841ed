/**
 * A worksheet's inline strings (`<c t="inlineStr"><is>…</is></c>`) rewritten in the form
 * exceljs reads right, so that a sheet exceljs loads gives the cells `sheetCells` reads from a
 * large one:
 *
 * - phonetic runs (`<rPh>`) and their properties (`<phoneticPr/>`), which Japanese Excel
 *   writes over names, go: exceljs's cell parser knows neither, and loses that cell and every
 *   cell after it on the sheet (in shared strings it skips them);
 * - a plain `<t>` holding `_xHHHH_` escapes (ST_Xstring: `_x000D_` a carriage return,
 *   `_x0001_` a character XML cannot hold, `_x005F_` an underscore) is put in a run, where
 *   exceljs decodes the escapes as it does in shared strings; in a plain `<t>` of a cell it
 *   keeps them as written.
 *
 * @example inlineStringsForExceljs('<is><t>55%_x000D_</t></is>') // '<is><r><t>55%_x000D_</t></r></is>'
 */
export function inlineStringsForExceljs(xml: string): string {
  if (!QUIRKS.test(xml)) {
    return xml;
  }
  return xml.replace(INLINE, (_, open: string, body: string) => {
    let inner = body.replace(PHONETIC, "");
    if (!RUN.test(inner) && ESCAPE.test(inner)) {
      inner = inner.replace(TEXT, "<r>$&</r>");
    }
    return `${open}${inner}</is>`;
  });
}

/** What is worth rewriting: a phonetic element or an escape anywhere in the sheet. */
const QUIRKS = /<rPh\b|<phoneticPr\b|_x[0-9A-F]{4}_/;
/** An inline string with content (`<is/>` has none). */
const INLINE = /(<is(?:\s[^>]*?)?(?<!\/)>)([\s\S]*?)<\/is>/g;
const PHONETIC =
  /<rPh\b[^>]*?\/>|<rPh\b[\s\S]*?<\/rPh>|<phoneticPr\b[^>]*?\/>|<phoneticPr\b[\s\S]*?<\/phoneticPr>/g;
const RUN = /<r[\s>]/;
const TEXT = /<t(?:\s[^>]*?)?(?<!\/)>[\s\S]*?<\/t>/;
/** exceljs decodes upper-case escapes only (TextXform), as Excel writes them. */
const ESCAPE = /_x[0-9A-F]{4}_/;

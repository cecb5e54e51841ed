import type { Workbook } from "exceljs";
import type * as NodeModule from "node:module";

import { deflatePart, deflatePieces, writeZip, type ZipPart } from "./zip.js";

/** Rows a caller writes itself into an empty sheet: `<row>` elements, as UTF-8. */
export interface SheetRows {
  /** The worksheet's `id`. */
  sheetId: number;
  /** Made as the sheet's part is written, a few at a time: never held all at once. */
  rows: () => Iterable<Uint8Array>;
}

/**
 * A workbook's bytes, as `workbook.xlsx.writeBuffer()` writes them, in a fraction of its
 * memory. exceljs renders each part into one string and hands it to JSZip, which keeps every
 * part's text to the end and then deflates them in JavaScript: a region's summary (40 MB of
 * XML) peaked at 630 MB. Here each part is deflated as soon as it is rendered (by Node's zlib,
 * or the platform's `CompressionStream` in a browser), a long sheet's rows are rendered a few
 * hundred at a time (in Node), and the workbook is let go once exceljs has made the model it
 * writes from: the caller keeps no reference to it. The parts are dated 1 January 1980, so
 * that the same workbook gives the same bytes.
 *
 * exceljs renders every part, with its own renderers and in the order of its `XLSX.write`
 * (exceljs 4.4, lib/xlsx/xlsx.js); iom-kit only writes the archive, and the `rows` of sheets
 * whose cells the caller makes itself (into the `<sheetData/>` exceljs writes for a sheet
 * without rows).
 *
 * @example await writeFile("сводка.xlsx", await workbookBytes(workbook));
 */
export function workbookBytes(
  workbook: Workbook,
  options: { rows?: readonly SheetRows[] } = {},
): Promise<Uint8Array> {
  const model = (workbook as unknown as { model: WorkbookModel }).model;
  // exceljs's writer keeps its workbook; its steps need only the model.
  const writer = Object.create(Object.getPrototypeOf(workbook.xlsx) as object) as ExceljsWriter;
  const own = new Map(
    (options.rows ?? []).map((sheet) => [partOf(sheet.sheetId), sheet.rows] as const),
  );
  return writeParts(writer, model, own);
}

/** Rows rendered in one piece: their garbage goes with the young generation. */
const ROWS_PER_BATCH = 500;

async function writeParts(
  xlsx: ExceljsWriter,
  model: WorkbookModel,
  own: ReadonlyMap<string, () => Iterable<Uint8Array>>,
): Promise<Uint8Array> {
  const render = await rowRenderer();
  const encoder = new TextEncoder();
  xlsx.prepareModel(model, {});

  // A long sheet's rows leave the model, to be rendered in batches into its part.
  const batched = new Map<string, RowModel[]>();
  for (const sheet of render ? model.worksheets : []) {
    if (sheet.rows.length > ROWS_PER_BATCH) {
      batched.set(partOf(sheet.id), sheet.rows);
      sheet.rows = [];
    }
  }

  const parts: Promise<ZipPart>[] = [];
  const zip: PartSink = {
    append(data, options) {
      const name = options.name.replace(/^\//, "");
      if (typeof data !== "string") {
        parts.push(deflatePart(name, data));
      } else if (options.base64) {
        parts.push(
          deflatePart(
            name,
            Uint8Array.from(atob(data), (c) => c.charCodeAt(0)),
          ),
        );
      } else if (own.has(name) || batched.has(name)) {
        const rows = own.get(name)?.() ?? render!(batched.get(name)!, encoder);
        batched.delete(name);
        parts.push(deflatePieces(name, withRows(data, rows, encoder)));
      } else {
        parts.push(deflatePart(name, encoder.encode(data)));
      }
    },
  };

  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  await xlsx.addSharedStrings(zip, model);
  await xlsx.addDrawings(zip, model);
  await xlsx.addTables(zip, model);
  await xlsx.addThemes(zip, model);
  await xlsx.addStyles(zip, model);
  await xlsx.addMedia(zip, model);
  await xlsx.addApp(zip, model);
  await xlsx.addCore(zip, model);
  await xlsx.addWorkbook(zip, model);
  return writeZip(await Promise.all(parts));
}

function partOf(sheetId: number): string {
  return `xl/worksheets/sheet${sheetId}.xml`;
}

/** A sheet's XML as exceljs renders it without rows, its `<sheetData/>` holding the rows. */
function* withRows(
  xml: string,
  rows: Iterable<Uint8Array>,
  encoder: TextEncoder,
): Generator<Uint8Array> {
  const at = xml.indexOf("<sheetData/>");
  if (at < 0) {
    throw new RangeError("workbookBytes: a sheet given its rows has rows of its own");
  }
  yield encoder.encode(`${xml.slice(0, at)}<sheetData>`);
  yield* rows;
  yield encoder.encode(`</sheetData>${xml.slice(at + "<sheetData/>".length)}`);
}

type RenderRows = (rows: readonly RowModel[], encoder: TextEncoder) => Iterable<Uint8Array>;

/**
 * exceljs's own renderer of a sheet's rows, a batch at a time, as UTF-8; null outside Node.
 * Its modules are exceljs's own (the ones its `XLSX.write` uses), loaded by path: the browser
 * build of exceljs bundles them out of reach, and a browser's workbooks are small.
 */
async function rowRenderer(): Promise<RenderRows | null> {
  if (typeof process !== "object" || typeof process.versions?.node !== "string") {
    return null;
  }
  const { createRequire } = (await import(
    /* webpackIgnore: true */ /* @vite-ignore */ "node:module"
  )) as typeof NodeModule;
  const require = createRequire(import.meta.url);
  const RowXform = require("exceljs/lib/xlsx/xform/sheet/row-xform.js") as new () => {
    render(stream: XmlStream, row: RowModel, index: number): void;
  };
  const XmlStream = require("exceljs/lib/utils/xml-stream.js") as new () => XmlStream;

  return function* (rows, encoder) {
    const xform = new RowXform();
    for (let start = 0; start < rows.length; start += ROWS_PER_BATCH) {
      const stream = new XmlStream();
      for (let i = start; i < Math.min(start + ROWS_PER_BATCH, rows.length); i++) {
        xform.render(stream, rows[i]!, i);
      }
      yield encoder.encode(stream.xml);
    }
  };
}

/** exceljs's model of a workbook, as far as iom-kit looks into it. */
interface WorkbookModel {
  worksheets: { id: number; rows: RowModel[] }[];
}

/** A row of exceljs's model: rendered by exceljs, never read here. */
type RowModel = object;

interface XmlStream {
  readonly xml: string;
}

/** What exceljs's writer hands its parts to (its ZipWriter's `append`). */
interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

type Add = (zip: PartSink, model: WorkbookModel) => unknown;

/** The steps of exceljs 4.4's `XLSX.write`, each rendering parts into the sink it is given. */
interface ExceljsWriter {
  prepareModel(model: WorkbookModel, options: object): void;
  addContentTypes: Add;
  addOfficeRels: Add;
  addWorkbookRels: Add;
  addWorksheets: Add;
  addSharedStrings: Add;
  addDrawings: Add;
  addTables: Add;
  addThemes: Add;
  addStyles: Add;
  addMedia: Add;
  addApp: Add;
  addCore: Add;
  addWorkbook: Add;
}

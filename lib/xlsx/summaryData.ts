import type { Workbook } from "exceljs";

import type { Summary } from "../domain/summary.js";
import { parseSummary } from "../domain/summary-schema.js";
import type { Grid } from "../sheet/grid.js";
import type { SheetRows } from "./workbookBytes.js";
import { escapeText } from "./xml.js";

/**
 * The summary's own data in its workbook: the `Summary` as JSON in a very hidden sheet, so that
 * a summary workbook read back gives exactly the summary it was written from (the visible
 * sheets are for people and round numbers). A district's summary workbooks merge into a
 * region's this way.
 */

/** The very hidden sheet of a summary workbook (Excel's interface cannot show it). */
export const SUMMARY_SHEET = "iom-kit-summary";

/** What a summary workbook holds besides its sheets for people. */
export interface SummaryData {
  summary: Summary;
  /**
   * A fingerprint of the key an anonymized summary was made with (see the CLI's
   * `--anonymize`), so that summaries of different keys are not merged; null: none given.
   */
  keyId: string | null;
}

const FORMAT = "iom-kit-summary";
const VERSION = 1;

/** Characters a cell holds: Excel keeps 32,767, and a round number leaves room. */
const CHUNK = 32_000;

/**
 * Adds the very hidden data sheet, and gives its rows for `workbookBytes` to write: the JSON
 * in column A, a cell a chunk, each an inline string. A region's JSON is megabytes of text:
 * made exceljs cells and shared strings, it was copied four times over while the workbook
 * was written (README.md, «Performance»); here it is made a record at a time as the sheet is
 * written.
 */
export function addSummaryData(workbook: Workbook, data: SummaryData): SheetRows {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, { state: "veryHidden" });
  const envelope = { format: FORMAT, version: VERSION, keyId: data.keyId, summary: data.summary };
  return { sheetId: sheet.id, rows: () => rowsOf(chunks(safeJson(jsonText(envelope, 3)))) };
}

function* rowsOf(cells: Iterable<string>): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let row = 0;
  for (const text of cells) {
    row += 1;
    yield encoder.encode(
      `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t xml:space="preserve">${escapeText(text)}</t></is></c></row>`,
    );
  }
}

/** Whether a workbook's sheets are a summary workbook's (one sheet is the data sheet). */
export function isSummaryWorkbook(grids: readonly Grid[]): boolean {
  return grids.some((grid) => grid.name === SUMMARY_SHEET);
}

/**
 * The summary a summary workbook's sheets hold; null where the workbook is no summary.
 *
 * @throws {RangeError} where the data sheet is there but is not a summary this version can
 * read (edited by hand, cut short, made by a later version), saying which in Russian.
 */
export function summaryFromGrids(grids: readonly Grid[]): SummaryData | null {
  const grid = grids.find((g) => g.name === SUMMARY_SHEET);
  if (!grid) {
    return null;
  }

  const text = grid.rows.map((row) => row[0]?.value ?? "").join("");
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    throw new RangeError("данные сводки обрезаны или изменены");
  }
  if (!isEnvelope(envelope)) {
    throw new RangeError("данные сводки не те, что записывает iom-kit");
  }
  if (envelope.version > VERSION) {
    throw new RangeError(
      "сводка составлена более новой версией iom-kit: обновите iom-kit (npm install iom-kit@latest)",
    );
  }

  return {
    summary: parseSummary(envelope.summary),
    keyId: typeof envelope.keyId === "string" ? envelope.keyId : null,
  };
}

function isEnvelope(
  value: unknown,
): value is { format: string; version: number; keyId?: unknown; summary: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { format?: unknown }).format === FORMAT &&
    typeof (value as { version?: unknown }).version === "number"
  );
}

/**
 * `JSON.stringify(value)` in pieces, whose text joined is the same: the objects and arrays of
 * the first `depth` levels are written a member at a time, deeper values whole. For plain
 * data (a `Summary`), as JSON.stringify writes it: members whose value is undefined or a
 * function left out, and null for such an item of an array.
 */
function* jsonText(value: unknown, depth: number): Generator<string> {
  if (depth === 0 || typeof value !== "object" || value === null || "toJSON" in value) {
    yield JSON.stringify(value) ?? "null";
  } else if (Array.isArray(value)) {
    yield "[";
    for (const [index, item] of value.entries()) {
      yield index === 0 ? "" : ",";
      yield* jsonText(item, depth - 1);
    }
    yield "]";
  } else {
    let first = true;
    yield "{";
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === "function" || typeof item === "symbol") {
        continue;
      }
      yield `${first ? "" : ","}${JSON.stringify(key)}:`;
      yield* jsonText(item, depth - 1);
      first = false;
    }
    yield "}";
  }
}

/**
 * JSON that a cell keeps as it is. `JSON.stringify` escapes control characters and lone
 * surrogates already; U+FFFE and U+FFFF, which XML cannot hold, surrogate pairs, and `_`, which in a cell's text
 * may start an escape of the file format (`_x0041_` reads back as «A»), are escaped as JSON
 * escapes too. Outside strings JSON has none of them, so the escapes are all inside strings.
 * Each character is escaped on its own, so the text may come in pieces.
 */
function* safeJson(pieces: Iterable<string>): Generator<string> {
  // Surrogates too: exceljs reads a long text in pieces and may cut a character outside the
  // basic plane in two; as JSON escapes they are plain ASCII.
  for (const piece of pieces) {
    yield piece.replace(
      /[_\uFFFE\uFFFF\uD800-\uDFFF]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  }
}

/** The text cut into chunks of `CHUNK` characters (the last one shorter). */
function* chunks(pieces: Iterable<string>): Generator<string> {
  let text = "";
  for (const piece of pieces) {
    text += piece;
    while (text.length >= CHUNK) {
      yield text.slice(0, CHUNK);
      text = text.slice(CHUNK);
    }
  }
  if (text !== "") {
    yield text;
  }
}

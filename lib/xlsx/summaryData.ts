import type { Workbook } from "exceljs";

import type { Summary } from "../domain/summary.js";
import { parseSummary } from "../domain/summary-schema.js";
import type { Grid } from "../sheet/grid.js";

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

/** Adds the very hidden data sheet: the JSON in column A, a cell a chunk. */
export function addSummaryData(workbook: Workbook, data: SummaryData): void {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, { state: "veryHidden" });
  const json = JSON.stringify({
    format: FORMAT,
    version: VERSION,
    keyId: data.keyId,
    summary: data.summary,
  });

  chunks(safeJson(json)).forEach((chunk, index) => {
    sheet.getCell(index + 1, 1).value = chunk;
  });
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
 * JSON that a cell keeps as it is. `JSON.stringify` escapes control characters and lone
 * surrogates already; U+FFFE and U+FFFF, which XML cannot hold, surrogate pairs, and `_`, which in a cell's text
 * may start an escape of the file format (`_x0041_` reads back as «A»), are escaped as JSON
 * escapes too. Outside strings JSON has none of them, so the escapes are all inside strings.
 */
function safeJson(json: string): string {
  // Surrogates too: exceljs reads a long text in pieces and may cut a character outside the
  // basic plane in two; as JSON escapes they are plain ASCII.
  return json.replace(
    /[_\uFFFE\uFFFF\uD800-\uDFFF]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The text cut into chunks, never between the two halves of a surrogate pair. */
function chunks(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + CHUNK, text.length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) {
      end -= 1;
    }
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

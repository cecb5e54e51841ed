import type { SummaryData } from "./summaryData.js";
import { summaryFromGrids } from "./summaryData.js";
import { readGrids } from "./readGrids.js";

/**
 * The summary a summary workbook (`writeSummaryWorkbook`) holds, exactly as it was written;
 * null where the workbook is not a summary (a card, say). Works in Node and in the browser.
 *
 * @example
 * const read = await readSummaryWorkbook(bytes, { file: "район.xlsx" });
 * if (read) combineSummaries(read.summary, other);
 *
 * @throws {UnreadableWorkbookError} where the bytes are not a workbook at all.
 * @throws {RangeError} where the workbook is a summary whose data was cut or edited, or was
 * written by a later version of iom-kit; the message, in Russian, says which.
 */
export async function readSummaryWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  options: { file?: string } = {},
): Promise<SummaryData | null> {
  const grids = await readGrids(bytes, { fileName: options.file });
  return summaryFromGrids(grids);
}

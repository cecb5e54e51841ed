import type { ReadCardsOptions, WorkbookCards } from "../sheet/readCards.js";
import { readCards } from "../sheet/readCards.js";
import { placeFinding } from "../sheet/located.js";
import { finding } from "../domain/finding.js";
import { readGrids, UnreadableWorkbookError } from "./readGrids.js";
import { isSummaryWorkbook } from "./summaryData.js";

/**
 * Reads a workbook's bytes into its cards and every finding located at its cell: the one
 * function the CLI and the pane in a browser use. A file that cannot be read is not an
 * exception but the finding `file.unreadable`, with a Russian message naming the file and
 * what to do, so that a batch goes on with the other files. A district summary workbook has
 * no card and no finding, and says so in `summary`.
 *
 * @example const { records, findings } = await readWorkbook(bytes, { file: "иванова.xlsx" });
 */
export async function readWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  options: ReadCardsOptions,
): Promise<WorkbookCards & { summary?: true }> {
  let grids;
  try {
    grids = await readGrids(bytes, { fileName: options.file });
  } catch (error) {
    if (!(error instanceof UnreadableWorkbookError)) {
      throw error;
    }
    return {
      records: [],
      findings: [placeFinding(finding("file.unreadable", error.message, null), options.file)],
    };
  }
  // A district summary holds no card, and is no file that lacks one: `iom summary` reads it.
  if (isSummaryWorkbook(grids)) {
    return { records: [], findings: [], summary: true };
  }
  return readCards(grids, options);
}

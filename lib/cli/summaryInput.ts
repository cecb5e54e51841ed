import { readFileSync } from "node:fs";

import type { Catalogue } from "../domain/catalogue.js";
import type { Config } from "../domain/config.js";
import { parseDay } from "../domain/dates.js";
import { finding } from "../domain/finding.js";
import type { Summary } from "../domain/summary.js";
import type { Anonymize } from "../domain/summary-teacher.js";
import { addCard, addUnreadable, createSummary, finishSummary } from "../domain/summary.js";
import type { LocatedFinding } from "../sheet/located.js";
import { placeFinding } from "../sheet/located.js";
import { readCards } from "../sheet/readCards.js";
import { readGrids, UnreadableWorkbookError } from "../xlsx/readGrids.js";
import { isSummaryWorkbook, summaryFromGrids } from "../xlsx/summaryData.js";
import type { Input } from "./inputs.js";
import { readProblem } from "./readProblem.js";

/** How `iom summary` reads each input, the same in the main thread and in a worker. */
export interface InputOptions {
  /** The as-of day, YYYY-MM-DD. */
  asOf: string;
  config: Config;
  catalogue: Catalogue;
  /** The pseudonyms of `--anonymize`, or null. */
  anonymize: Anonymize | null;
}

/**
 * One input, read: the summary of its cards (a file's findings and none of its cards: what
 * the summary needs), or the summary a summary workbook holds. Plain data, so that it crosses
 * from a worker thread as it is.
 */
export type InputSummary =
  | {
      kind: "cards";
      summary: Summary;
      /** The file could not be read: its finding with the real path, for the terminal. */
      unreadable: LocatedFinding | null;
    }
  | { kind: "summary"; file: string; summary: Summary; keyId: string | null };

/**
 * Reads an input of `iom summary`: a workbook of cards (every card folded into a summary of
 * its own, the cards let go), a summary workbook, or a path that is none of them (a summary
 * of the finding `file.unreadable`). Nothing that goes wrong with one file throws: the batch
 * goes on with the others (DESIGN.md, exit status 2).
 */
export async function readSummaryInput(input: Input, options: InputOptions): Promise<InputSummary> {
  const start = () =>
    createSummary({
      asOf: options.asOf,
      config: options.config,
      catalogue: options.catalogue,
      anonymize: options.anonymize ?? undefined,
    });
  const unreadable = (message: string): InputSummary => {
    const item = placeFinding(finding("file.unreadable", message, null), input.path);
    return {
      kind: "cards",
      summary: finishSummary(addUnreadable(start(), item)),
      unreadable: item,
    };
  };
  if (input.kind === "missing") {
    return unreadable(input.reason);
  }

  let grids;
  try {
    // Read at once, as `iom validate` reads (validate.ts).
    grids = await readGrids(readFileSync(input.path), { fileName: input.path });
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) {
      return unreadable(error.message);
    }
    return unreadable(readProblem(input.path, error));
  }

  if (isSummaryWorkbook(grids)) {
    try {
      const data = summaryFromGrids(grids)!;
      return { kind: "summary", file: input.path, ...data };
    } catch (error) {
      return unreadable(
        `Файл «${input.path}» — сводка iom-kit, но прочитать её нельзя: ${(error as Error).message}; составьте её заново`,
      );
    }
  }

  try {
    const read = readCards(grids, {
      file: input.path,
      asOf: parseDay(options.asOf),
      config: options.config,
      catalogue: options.catalogue,
    });
    const summary = start();
    read.records.forEach((record) => addCard(summary, record));
    if (read.records.length === 0) {
      read.findings.forEach((item) => addUnreadable(summary, item));
    }
    return { kind: "cards", summary: finishSummary(summary), unreadable: null };
  } catch (error) {
    // A card that breaks the reader must not stop the batch, as in `iom validate`.
    return unreadable(readProblem(input.path, error));
  }
}

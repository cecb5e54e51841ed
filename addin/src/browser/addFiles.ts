import type { Config } from "../../../lib/domain/config.js";
import { formatRussianDay, parseDay } from "../../../lib/domain/dates.js";
import { finding } from "../../../lib/domain/finding.js";
import type { Summary, SummaryAccumulator } from "../../../lib/domain/summary.js";
import {
  addCard,
  addSummary,
  addUnreadable,
  repeatedCards,
  repeatedCardsMessage,
} from "../../../lib/domain/summary.js";
import { placeFinding } from "../../../lib/sheet/located.js";
import type { OpenedFile } from "./checkFiles.js";

/**
 * Folds the .xlsx files the user picked into a summary being built, one file at a time, as
 * `iom summary` does: every card of a file of cards (its findings with it), the summary a
 * summary workbook made for the same day holds (so a district's summary joins a region's), and
 * for a file that gives neither its finding (`file.unreadable`, `file.no-card`), so that the
 * summary still lists it. Nothing thrown for one file stops the others. The workbook reader
 * comes with the first file, as a chunk of its own.
 *
 * @example await addFiles(createSummary({ asOf: "2026-11-16" }), input.files, { asOf, config })
 */
export async function addFiles(
  summary: SummaryAccumulator,
  files: readonly OpenedFile[],
  options: { asOf: Date; config: Config; onProgress?: (done: number, total: number) => void },
): Promise<void> {
  if (files.length === 0) {
    return;
  }
  const [{ readGrids, UnreadableWorkbookError }, { isSummaryWorkbook, summaryFromGrids }] =
    await Promise.all([
      import(/* webpackChunkName: "xlsx" */ "../../../lib/xlsx/readGrids.js"),
      import(/* webpackChunkName: "xlsx" */ "../../../lib/xlsx/summaryData.js"),
    ]);
  const { readCards } = await import("../../../lib/sheet/readCards.js");
  const unreadable = (file: string, message: string) =>
    addUnreadable(summary, placeFinding(finding("file.unreadable", message, null), file));

  // Summary workbooks join after the cards, each checked against every card counted before it,
  // whichever order the files were picked in (as `iom summary` does).
  const summaries: { name: string; read: () => Summary }[] = [];

  for (const [index, file] of files.entries()) {
    options.onProgress?.(index, files.length);
    let grids;
    try {
      grids = await readGrids(new Uint8Array(await file.arrayBuffer()), { fileName: file.name });
    } catch (error) {
      unreadable(
        file.name,
        error instanceof UnreadableWorkbookError
          ? error.message
          : `Файл «${file.name}» не удалось открыть: ${(error as Error).message}`,
      );
      continue;
    }

    if (isSummaryWorkbook(grids)) {
      summaries.push({ name: file.name, read: () => summaryFromGrids(grids)!.summary });
      continue;
    }
    const read = readCards(grids, {
      file: file.name,
      asOf: options.asOf,
      config: options.config,
      catalogue: summary.context.catalogue,
    });
    read.records.forEach((record) => addCard(summary, record));
    if (read.records.length === 0) {
      read.findings.forEach((item) => addUnreadable(summary, item));
    }
  }
  for (const { name, read } of summaries) {
    const refusal = addSummaryOf(summary, name, read);
    if (refusal !== null) {
      unreadable(name, refusal);
    }
  }
  options.onProgress?.(files.length, files.length);
}

/**
 * Adds a summary workbook's summary; returns why it cannot be merged (another day, names
 * replaced by pseudonyms, cards counted already), or null.
 */
function addSummaryOf(
  summary: SummaryAccumulator,
  file: string,
  read: () => Summary,
): string | null {
  let part;
  try {
    part = read();
  } catch (error) {
    return `Файл «${file}» — сводка iom-kit, но её не прочитать: ${(error as Error).message}`;
  }
  const day = (text: string) => formatRussianDay(parseDay(text));
  if (part.asOf !== summary.asOf) {
    return `Файл «${file}» — сводка на ${day(part.asOf)}, а составляется сводка на ${day(summary.asOf)}: объединяются только сводки на один день; укажите этот день на вкладке «Настройки» или составьте сводку этого файла заново`;
  }
  if (part.anonymized) {
    return `Файл «${file}» — обезличенная сводка: её можно объединить только командой iom summary --anonymize с тем же ключом`;
  }
  const repeated = repeatedCards(summary, part);
  if (repeated.length > 0) {
    return repeatedCardsMessage(file, repeated, part.teachers.length);
  }
  addSummary(summary, part);
  return null;
}

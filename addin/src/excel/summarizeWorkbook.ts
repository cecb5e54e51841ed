import type { Config } from "../../../lib/domain/config.js";
import type { Summary, SummaryAccumulator } from "../../../lib/domain/summary.js";
import { addCard, addUnreadable, finishSummary } from "../../../lib/domain/summary.js";
import { aggregate } from "../../../lib/domain/summary-aggregate.js";
import { readCards } from "../../../lib/sheet/readCards.js";
import type { Capabilities } from "./capabilities.js";
import { readSheets } from "./readSheets.js";
import { uniqueSheetName } from "./sheetNames.js";
import { summaryReport } from "./summaryReport.js";
import { writeReport } from "./writeReport.js";

/** The workbook setting that names the sheets of the last summary, so the next replaces them. */
export const SUMMARY_SETTING = "iom-kit.summary";

export interface WorkbookSummaryOptions {
  asOf: Date;
  config: Config;
  /** Summarise the card sheets of the open workbook too, or only what `summary` holds. */
  includeWorkbook: boolean;
  capabilities: Capabilities;
  onProgress?: (done: number, total: number) => void;
}

export interface WorkbookSummary {
  summary: Summary;
  /** The summary's sheets, the overview first. */
  sheets: string[];
}

/**
 * «Сводка по району» in Excel: folds the card sheets of the open workbook into `summary`
 * (which holds the files the user picked, read before), and writes the summary as new sheets
 * (summaryReport.ts) with a stacked bar chart of teachers per level of deficit per competency;
 * the overview is made active. The sheets of the previous summary, remembered in the
 * workbook's settings, are not read as cards and are replaced; a sheet of the user's that
 * happens to bear a summary sheet's name is left alone and the new one is named «… (2)».
 * Three syncs with the workbook's cards (the sheets, their cells, the writes), two without;
 * as many for 1 or 100 sheets.
 *
 * @throws an Error in Russian where Excel on the web refuses the writes as too large.
 */
export async function summarizeWorkbook(
  context: Excel.RequestContext,
  summary: SummaryAccumulator,
  options: WorkbookSummaryOptions,
): Promise<WorkbookSummary> {
  // Queued now, these ride along with the first sync, the reader's or this one's own.
  const previous = queueSummarySheets(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  context.workbook.load("name");

  let workbook: string | null = null;
  if (options.includeWorkbook) {
    const grids = await readSheets(context, {
      scope: "all",
      capabilities: options.capabilities,
      skip: (name) => previous().includes(name),
      onProgress: options.onProgress,
    });
    workbook = context.workbook.name || "Эта книга";
    const read = readCards(grids, {
      file: workbook,
      asOf: options.asOf,
      config: options.config,
      catalogue: summary.context.catalogue,
    });
    read.records.forEach((record) => addCard(summary, record));
    if (read.records.length === 0) {
      read.findings.forEach((item) => addUnreadable(summary, item));
    }
  } else {
    await context.sync();
  }

  const finished = finishSummary(summary);
  const reports = summaryReport(finished, { workbook }, aggregate(finished));
  const existing = worksheets.items.map((sheet) => sheet.name);
  const old = previous().filter((name) => existing.includes(name));
  const free = existing.filter((name) => !old.includes(name));

  // New sheets come in under names no sheet has, the old ones go, then the new take their
  // names: so the workbook never lacks a visible sheet, and no name is taken twice.
  const names: string[] = [];
  const added = reports.map((report, index) => {
    const name = uniqueSheetName(report.name, [...free, ...names]);
    names.push(name);
    const sheet = worksheets.add(uniqueSheetName(`iom-kit ${index + 1}`, existing));
    writeReport(sheet, report, options.capabilities);
    return { sheet, name };
  });
  for (const name of old) {
    worksheets.getItem(name).delete();
  }
  for (const { sheet, name } of added) {
    sheet.name = name;
  }
  added[0]?.sheet.activate();
  context.workbook.settings.add(SUMMARY_SETTING, JSON.stringify(names));

  try {
    await context.sync();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "RequestPayloadSizeLimitExceeded") {
      throw new Error(
        `Сводка слишком велика (карт: ${finished.cards}), чтобы Excel в браузере записал её за один раз. ` +
          "Составьте её в настольном Excel, в браузерном режиме панели (скачается книга сводки) или командой iom summary.",
      );
    }
    throw error;
  }
  return { summary: finished, sheets: names };
}

/**
 * Queues the load of the setting that names the last summary's sheets; the returned function
 * reads them after the next sync.
 */
function queueSummarySheets(context: Excel.RequestContext): () => string[] {
  const setting = context.workbook.settings.getItemOrNullObject(SUMMARY_SETTING);
  setting.load("value");
  return () => sheetsIn(setting);
}

function sheetsIn(setting: Excel.Setting): string[] {
  return setting.isNullObject ? [] : namesIn(setting.value);
}

/** The sheet names a setting's value lists; anything else is none. */
function namesIn(value: unknown): string[] {
  try {
    const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
    return Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === "string") : [];
  } catch {
    return [];
  }
}

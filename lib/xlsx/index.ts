/**
 * `iom-kit/xlsx`: workbooks through exceljs, in Node and in the browser. Explicit exports
 * only; nothing else in lib/xlsx is public.
 */
export { readGrids } from "./readGrids.js";
export type { ReadGridsOptions } from "./readGrids.js";
export { UnreadableWorkbookError } from "./unreadableWorkbookError.js";
export type { UnreadableReason } from "./unreadableWorkbookError.js";
export { readWorkbook } from "./readWorkbook.js";
export { addTemplate, createCardWorkbook } from "./createCardWorkbook.js";
export { fillWorkbook, undoFill } from "./fillWorkbook.js";
export type {
  FillOutcome,
  FillWorkbookOptions,
  SkippedWrite,
  UndoOutcome,
} from "./fillWorkbook.js";
export { findLosses } from "./findLosses.js";
export { relativeLink, writeSummaryWorkbook } from "./writeSummaryWorkbook.js";
export type { SummaryWorkbookOptions } from "./writeSummaryWorkbook.js";
export { readSummaryWorkbook } from "./readSummaryWorkbook.js";
export { SUMMARY_SHEET } from "./summaryData.js";
export type { SummaryData } from "./summaryData.js";

/**
 * iom-kit: individual educational routes (ИОМ) of teachers, as the district regulation's
 * Appendix 1 defines the card. This entry point holds the domain and the sheet layer: no
 * exceljs, no Node built-ins, so it runs in Node and in browsers alike. Workbooks are read
 * and written by `iom-kit/xlsx`.
 */

export * from "./domain/card.js";
export {
  COMPETENCIES,
  OTHER,
  createCatalogue,
  matchCompetency,
  splitCompetencies,
} from "./domain/catalogue.js";
export type { Catalogue, Competency, CompetencyMatch } from "./domain/catalogue.js";
export { classifyDeficit } from "./domain/classify.js";
export type { Classification, ClassifyOptions } from "./domain/classify.js";
export { compareDiagnostics, compareLevels, CHANGE_NAMES } from "./domain/compare.js";
export type { Change, CompetencyChange } from "./domain/compare.js";
export { ConfigError, ConfigSchema, defaultConfig, parseConfig } from "./domain/config.js";
export type { Config, ConfigInput } from "./domain/config.js";
export {
  dateToSerial,
  formatDay,
  formatRussianDay,
  formatSpan,
  parseDay,
  placeSpan,
  readDate,
  serialToDate,
} from "./domain/dates.js";
export type { DateReading, Precision, ReadDateOptions, Span } from "./domain/dates.js";
export { isSignificant, readDiagnosticRow } from "./domain/diagnostics.js";
export type { ResultSlot, RowReading, SlotReading } from "./domain/diagnostics.js";
export { finding, RULES } from "./domain/finding.js";
export type { Finding, FindingCode, Severity } from "./domain/finding.js";
export {
  DEFICIT_COLUMNS,
  DEFICIT_LEVEL_NAMES,
  ROUTE_LEVELS,
  readRouteLevel,
} from "./domain/levels.js";
export { readRoute, routeLength } from "./domain/route.js";
export type { RouteReading } from "./domain/route.js";
export { outcomeOf, stageOf, STAGE_NAMES } from "./domain/stage.js";
export type { Stage } from "./domain/stage.js";
export { validateCard } from "./domain/validate.js";
export type { ValidateOptions } from "./domain/validate.js";
export {
  CATEGORY_NAMES,
  DIAGNOSTIC_FORM_NAMES,
  DONE_MARK_NAMES,
  OUTCOME_NAMES,
  STAFF_CATEGORY_NAMES,
  readCategory,
  readDiagnosticForms,
  readDoneMark,
  readOutcome,
  readStaffCategory,
} from "./domain/vocabulary.js";
export type { DoneMark, Reading } from "./domain/vocabulary.js";

// The district summary.
export {
  addCard,
  addSummary,
  addUnreadable,
  anonymizeSummary,
  combineSummaries,
  createSummary,
  finishSummary,
  repeatedCards,
  repeatedCardsMessage,
  summarize,
} from "./domain/summary.js";
export { parseSummary, SummarySchema } from "./domain/summary-schema.js";
export type {
  CardRef,
  Duplicate,
  Summary,
  SummaryAccumulator,
  SummaryFinding,
  SummaryInput,
  SummaryOptions,
} from "./domain/summary.js";
export { aggregate, ENDING_WITHIN_DAYS } from "./domain/summary-aggregate.js";
export type {
  ActivityCounts,
  ActivityLevelFigures,
  Aggregates,
  CategoryFigures,
  CompetencyFigures,
  EndingRoute,
  FindingFigures,
  GroupFigures,
  LevelCounts,
  LevelKey,
  MentorFigures,
  ReasonCount,
  SchoolFigures,
} from "./domain/summary-aggregate.js";
export { WHAT_WORKED_LIMIT } from "./domain/summary-outcomes.js";
export type {
  ChangeFigures,
  CompetencyEntry,
  DemandFigures,
  WhatWorked,
  WorkedActivity,
} from "./domain/summary-outcomes.js";
export type {
  ActivityStatus,
  Anonymize,
  PseudonymKind,
  TeacherActivity,
  TeacherCompetency,
  TeacherRecord,
} from "./domain/summary-teacher.js";
export { summaryToJson } from "./domain/summary-json.js";
export type { SummaryJson, TeacherJson } from "./domain/summary-json.js";

// The sheet layer: grids of cells and the card reader.
export {
  cellAddress,
  cellAt,
  gridOf,
  isBlank,
  mergeAt,
  parseAddress,
  sheetReference,
} from "./sheet/grid.js";
export type { Grid, GridCell, Range } from "./sheet/grid.js";
export { placeFinding } from "./sheet/located.js";
export type { CardRecord, LocatedFinding, SourceMap } from "./sheet/located.js";
export { readCardSheet } from "./sheet/readCard.js";
export type { CardTables, CellProblem, SheetCard } from "./sheet/readCard.js";
export { locateField, readCards, RECORD_SHEET, sortFindings } from "./sheet/readCards.js";
export type { ReadCardsOptions, WorkbookCards } from "./sheet/readCards.js";

// The sheet layer: the card template, and what `iom fill` writes and records.
export {
  CARD_SHEET,
  cardTemplate,
  layoutGrid,
  LISTS_SHEET,
  TEMPLATE_FONT,
  TEMPLATE_LEVEL_LABELS,
  TEMPLATE_STYLES,
  templateCard,
} from "./sheet/template.js";
export type {
  CellStyle,
  ConditionalRule,
  InputRule,
  ListName,
  PrintSetup,
  ReferenceList,
  StyleName,
  TemplateCell,
  TemplateLayout,
  TemplateOptions,
  TemplateSheet,
} from "./sheet/template.js";
export { levelBands, levelPrompts } from "./sheet/templatePrompts.js";
export type { LevelBand, Prompt, Thresholds } from "./sheet/templatePrompts.js";
export {
  COMPARISON_HEADING,
  DERIVED_FONT,
  isComparisonHeading,
  isOverdueHeading,
  isStageLabel,
  OVERDUE_HEADING,
  STAGE_LABEL,
} from "./sheet/derived.js";
export { applyWrites, planFill, sameValue, takesDerivedFont } from "./sheet/planFill.js";
export type { CellWrite, FillKind, OwnCell, PlanFillOptions } from "./sheet/planFill.js";
export {
  fontText,
  mergeFillRecord,
  ownCells,
  planUndo,
  readFillRecord,
  RECORD_COLUMNS,
} from "./sheet/fillRecord.js";
export type { AppliedWrite, FillRecordEntry, RecordedFont, UndoStep } from "./sheet/fillRecord.js";

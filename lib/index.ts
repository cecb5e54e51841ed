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

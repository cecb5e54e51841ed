import type { GridCell } from "../../../lib/sheet/grid.js";
// The exceljs adapter's own reading of formats, so that a cell reads the same in both modes.
import { isDateFormat } from "../../../lib/xlsx/numberFormat.js";

/**
 * Office.js gives a cell as its value (`values`: serial numbers for dates, the error's text for
 * a formula error, "" for an empty cell) and its number format. This turns one such pair into
 * the grid cell the card reader takes, the same as the exceljs adapter gives for a file.
 *
 * @example gridCell(45901, "dd.mm.yyyy", 0) // { value: 45901, format: "dd.mm.yyyy", date: true }
 */
export function gridCell(value: unknown, format: unknown, dateOffset: number): GridCell | null {
  const numberFormat = typeof format === "string" && format !== "General" ? format : undefined;

  if (value === "" || value === null || value === undefined) {
    return null;
  }
  if (typeof value === "string" && ERRORS.has(value)) {
    return { value: null, error: value };
  }

  if (typeof value === "number" && numberFormat !== undefined && isDateFormat(numberFormat)) {
    // A 1904-system workbook counts days from 1904; the grid speaks the 1900 system.
    return { value: value + dateOffset, format: numberFormat, date: true };
  }
  const cell: GridCell = {
    value: typeof value === "boolean" || typeof value === "number" ? value : String(value),
  };
  if (numberFormat !== undefined) {
    cell.format = numberFormat;
  }
  return cell;
}

/** The texts Office.js puts in `values` for a cached formula error. */
const ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BUSY!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

import type { Card, FieldPath } from "../domain/card.js";
import type { FindingCode, Severity } from "../domain/finding.js";

/**
 * A finding placed in a workbook: the CLI's `--json` row (DESIGN.md, Contracts), the pane's
 * list entry, the summary's «Замечания» row.
 */
export interface LocatedFinding {
  /** The file as the user named it (the CLI: as given on the command line). */
  file: string;
  /** The sheet's name, or null where the finding concerns the whole file. */
  sheet: string | null;
  /** The cell in A1 form, or null where no cell applies. */
  cell: string | null;
  severity: Severity;
  code: FindingCode;
  message: string;
}

/** Where a value of the card was read from: the cell of each field path. */
export type SourceMap = Map<FieldPath, string>;

/** A card read from a sheet, with where each value came from and what was found. */
export interface CardRecord {
  file: string;
  sheet: string;
  card: Card;
  sources: SourceMap;
  findings: LocatedFinding[];
}

/**
 * A domain finding placed at a file, sheet and cell, its keys in the order of the `--json`
 * contract: file, sheet, cell, severity, code, message.
 */
export function placeFinding(
  item: { code: FindingCode; severity: Severity; message: string },
  file: string,
  sheet: string | null = null,
  cell: string | null = null,
): LocatedFinding {
  return { file, sheet, cell, severity: item.severity, code: item.code, message: item.message };
}

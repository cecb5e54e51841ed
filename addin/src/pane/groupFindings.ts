import type { LocatedFinding } from "../../../lib/sheet/located.js";

/** Findings of one place: a sheet of the open workbook, or a sheet of a file opened. */
export interface FindingGroup {
  /** Stable key for React and for the tests. */
  key: string;
  file: string;
  /** The sheet, or null for findings about a whole file. */
  sheet: string | null;
  errors: number;
  warnings: number;
  findings: LocatedFinding[];
}

/**
 * Groups findings by file and sheet, in the order they come (the reader's: file, sheet, row,
 * column), so the pane lists each sheet once with its counts.
 *
 * @example groupFindings(findings).map((g) => g.sheet) // ["Иванова", "Петрова"]
 */
export function groupFindings(findings: readonly LocatedFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = `${finding.file}\u0000${finding.sheet ?? ""}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        file: finding.file,
        sheet: finding.sheet,
        errors: 0,
        warnings: 0,
        findings: [],
      };
      groups.set(key, group);
    }
    group.findings.push(finding);
    if (finding.severity === "error") {
      group.errors++;
    } else {
      group.warnings++;
    }
  }
  return [...groups.values()];
}

/**
 * A Russian count with its noun in the right form.
 *
 * @example count(2, ["ошибка", "ошибки", "ошибок"]) // "2 ошибки"
 */
export function count(n: number, forms: readonly [string, string, string]): string {
  const tens = n % 100;
  const units = n % 10;
  const form =
    tens >= 11 && tens <= 14
      ? forms[2]
      : units === 1
        ? forms[0]
        : units >= 2 && units <= 4
          ? forms[1]
          : forms[2];
  return `${n} ${form}`;
}

export const ERRORS = ["ошибка", "ошибки", "ошибок"] as const;
export const WARNINGS = ["предупреждение", "предупреждения", "предупреждений"] as const;
export const CARDS = ["карта", "карты", "карт"] as const;
export const FILES = ["файл", "файла", "файлов"] as const;
export const CELLS = ["ячейка", "ячейки", "ячеек"] as const;

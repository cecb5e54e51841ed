import type { SummaryFinding } from "./summary.js";
import type { TeacherRecord } from "./summary-teacher.js";
import { squash } from "./text.js";

/**
 * The summary's one order, whatever order its cards came in: that is what lets summaries of
 * parts merge into the summary of the whole. Strings compare by code unit, not by locale, so
 * that every machine sorts alike; keys are normalized first, so Cyrillic sorts as in a
 * dictionary apart from «ё», which normalization folds into «е».
 */

/**
 * Teachers by ОО, then name (both by their letters, as `personKey` compares them: the cards of
 * one person stand together), then file and sheet.
 */
export function sortTeachers(teachers: readonly TeacherRecord[]): TeacherRecord[] {
  return teachers
    .map((teacher) => ({
      teacher,
      keys: [squash(teacher.school ?? ""), squash(teacher.name ?? ""), teacher.file, teacher.sheet],
    }))
    .sort(
      (a, b) =>
        compareKeys(a.keys, b.keys) ||
        // Two records of one sheet: the same card read twice, or two readings that differ.
        compareStrings(JSON.stringify(a.teacher), JSON.stringify(b.teacher)),
    )
    .map(({ teacher }) => teacher);
}

/** Findings by file, sheet (the file's own first), cell (row, then column), code, message. */
export function sortFindings(findings: readonly SummaryFinding[]): SummaryFinding[] {
  return [...findings].sort(compareFindings);
}

export function compareFindings(a: SummaryFinding, b: SummaryFinding): number {
  return (
    compareStrings(a.file, b.file) ||
    compareNullable(a.sheet, b.sheet) ||
    compareCells(a.cell, b.cell) ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.severity, b.severity) ||
    compareStrings(a.message, b.message)
  );
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Group keys in order, the empty key (no ОО, no mentor) last: tables end with «не указано».
 */
export function compareGroupKeys(a: string, b: string): number {
  if (a === "" || b === "") {
    return (a === "" ? 1 : 0) - (b === "" ? 1 : 0);
  }
  return compareStrings(a, b);
}

/**
 * The name a group shows where its members write it differently («МБОУ СОШ №1», «МБОУ СОШ
 * № 1»): the first in code-unit order, so it does not depend on which card came first.
 */
export function firstName(
  current: string | null | undefined,
  candidate: string | null,
): string | null {
  if (current === undefined) {
    return candidate;
  }
  if (current === null || candidate === null) {
    return null;
  }
  return compareStrings(candidate, current) < 0 ? candidate : current;
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareStrings(a[i]!, b[i]!);
    if (order !== 0) {
      return order;
    }
  }
  return 0;
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === null || b === null) {
    return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  }
  return compareStrings(a, b);
}

function compareCells(a: string | null, b: string | null): number {
  if (a === null || b === null) {
    return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  }
  const left = cellPosition(a);
  const right = cellPosition(b);
  return left[0] - right[0] || left[1] - right[1] || compareStrings(a, b);
}

/** Row and column of an A1 address; an address of another form sorts after all cells. */
function cellPosition(cell: string): [number, number] {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(cell);
  if (!match) {
    return [Number.MAX_SAFE_INTEGER, 0];
  }
  let column = 0;
  for (const letter of match[1]!) {
    column = column * 26 + letter.charCodeAt(0) - 64;
  }
  return [Number(match[2]), column];
}

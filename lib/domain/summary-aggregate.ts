import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";

import type { DeficitLevel, Outcome, RouteLevel, StaffCategory } from "./card.js";
import type { Change } from "./compare.js";
import { formatRussianDay, parseDay } from "./dates.js";
import { isSignificant } from "./diagnostics.js";
import { ROUTE_LEVELS } from "./levels.js";
import type { Stage } from "./stage.js";
import type { CardRef, Duplicate, Summary, SummaryFinding } from "./summary.js";
import { splitDuplicates } from "./summary.js";
import { competencyDirectory, demandOf, whatWorkedOf } from "./summary-outcomes.js";
import type { CompetencyEntry, DemandFigures, WhatWorked } from "./summary-outcomes.js";
import {
  compareGroupKeys,
  compareStrings,
  firstName,
  sortFindings,
  sortTeachers,
} from "./summary-order.js";
import type { ActivityStatus, TeacherRecord } from "./summary-teacher.js";
import { competencyKey } from "./summary-teacher.js";
import { squash } from "./text.js";
import { STAFF_CATEGORY_NAMES } from "./vocabulary.js";

/** A level of deficit, or `none` where a teacher has no result. */
export type LevelKey = DeficitLevel | "none";

/** Teachers per level of deficit: `high`, `medium`, `low`, `present`, `absent`, `none`. */
export type LevelCounts = Record<LevelKey, number>;

/** One competency across the district's teachers. */
export interface CompetencyFigures extends CompetencyEntry {
  /** Teachers per level at entry; `none` counts those with no entry result. */
  entry: LevelCounts;
  /** Teachers per level in the final diagnostics; `none`: no final result (yet). */
  final: LevelCounts;
  /**
   * Of the teachers with an entry result, the share with a medium or high deficit (a «+»
   * with no column is not counted: its level is not stated); null where nobody has a result.
   */
  shareMediumOrHigh: number | null;
}

/** Activities by how they stand as of the summary's day. */
export interface ActivityCounts {
  /** Every activity of the plans, whatever its status. */
  planned: number;
  done: number;
  notDone: number;
  inProgress: number;
  /** Dated before the as-of day and not marked. */
  overdue: number;
  /** Not marked and not yet due. */
  notDue: number;
}

/** Reasons of activities not done, grouped by their letters; `reason` null: none given. */
export interface ReasonCount {
  reason: string | null;
  count: number;
}

/** One level of the route's activities («Личностный уровень» … «Федеральный уровень»). */
export interface ActivityLevelFigures extends ActivityCounts {
  /** Null for rows whose level names no level of the card. */
  level: RouteLevel | null;
  name: string;
  /** Reasons of the activities not done, the most frequent first. */
  reasons: ReasonCount[];
}

/** Figures of a group of teachers: an ОО, a category of staff, a mentor. */
export interface GroupFigures {
  teachers: number;
  stages: Record<Stage, number>;
  outcomes: Record<Outcome | "none", number>;
  /** Teachers with a medium, high or «+» deficit at entry in some competency. */
  withDeficit: number;
  /** Entry results of all competencies of the group's teachers, by level. */
  deficits: Record<DeficitLevel, number>;
  /** Entry → final changes of all competencies of the group's teachers. */
  changes: Record<Change, number>;
  activities: ActivityCounts;
  /** Routes ending within `ENDING_WITHIN_DAYS` of the as-of day. */
  endingSoon: number;
  /** Findings of the group's cards. */
  errors: number;
  warnings: number;
}

export interface SchoolFigures extends GroupFigures {
  /** The ОО as written (the first spelling in code-unit order); null: not stated. */
  school: string | null;
}

export interface CategoryFigures extends GroupFigures {
  /** Педагог or управленческий кадр; null: unknown. */
  category: StaffCategory | null;
  name: string;
}

export interface MentorFigures extends GroupFigures {
  /** The mentor or tutor as written; null: not stated. */
  mentor: string | null;
}

/** A route ending within `ENDING_WITHIN_DAYS` of the as-of day. */
export interface EndingRoute {
  name: string | null;
  school: string | null;
  mentor: string | null;
  stage: Stage;
  outcome: Outcome | null;
  /** The route's last day, YYYY-MM-DD. */
  end: string;
  /** Days from the as-of day to the last day: 0 is the as-of day itself. */
  daysLeft: number;
  file: string;
  sheet: string;
}

/** Findings of the summary: those of the cards and files and the duplicate warnings. */
export interface FindingFigures {
  errors: number;
  warnings: number;
  /** Sorted by file, sheet, cell. */
  items: SummaryFinding[];
}

/** Every table of the summary. */
export interface Aggregates {
  /** The records that count: one per teacher, duplicates left out; by ОО, name, file, sheet. */
  teachers: TeacherRecord[];
  /** The catalogue's competencies in the card's order, the district's, then each «Иное». */
  competencies: CompetencyFigures[];
  /** The five levels in the card's order, then rows of no known level if any. */
  activities: ActivityLevelFigures[];
  schools: SchoolFigures[];
  endingSoon: EndingRoute[];
  demand: DemandFigures[];
  whatWorked: WhatWorked;
  /** Педагог, управленческий кадр, then unknown if any. */
  byCategory: CategoryFigures[];
  byMentor: MentorFigures[];
  duplicates: Duplicate[];
  findings: FindingFigures;
}

/** A route ending within this many days of the as-of day is «ending soon». */
export const ENDING_WITHIN_DAYS = 30;

/**
 * The summary's tables from its teacher records (duplicates left out). Pure and
 * deterministic: equal summaries give equal tables, and so do summaries merged in any order.
 *
 * @example aggregate(summarize(records, { asOf: "2025-11-16" })).competencies[1].entry.high
 */
export function aggregate(summary: Summary): Aggregates {
  const asOf = parseDay(summary.asOf);
  const { counted, duplicates } = splitDuplicates(sortTeachers(summary.teachers));
  const directory = competencyDirectory(counted);

  return {
    teachers: counted,
    competencies: competencyFigures(counted, directory),
    activities: activityFigures(counted),
    schools: groups(counted, (t) => t.school).map(([school, members]) => ({
      school,
      ...groupFigures(members, asOf),
    })),
    endingSoon: endingSoon(counted, asOf),
    demand: demandOf(counted, directory),
    whatWorked: whatWorkedOf(counted, directory),
    byCategory: categoryFigures(counted, asOf),
    byMentor: groups(counted, (t) => t.mentor).map(([mentor, members]) => ({
      mentor,
      ...groupFigures(members, asOf),
    })),
    duplicates,
    findings: findingFigures(summary.findings, duplicates),
  };
}

/**
 * The key figures of a summary as its overview lists them, label and value; `findingsSheet`
 * names the sheet that lists the files not read. The counts of duplicate cards and of
 * unreadable files appear only where there are some.
 *
 * @example keyFigures(summary, aggregate(summary), "Замечания")[0] // ["Карт ИОМ прочитано", 13]
 */
export function keyFigures(
  summary: Summary,
  tables: Aggregates,
  findingsSheet: string,
): [label: string, value: number][] {
  const sum = (count: (school: SchoolFigures) => number) =>
    tables.schools.reduce((total, school) => total + count(school), 0);
  const unreadable = new Set(
    summary.findings.filter((f) => f.code === "file.unreadable").map((f) => f.file),
  ).size;
  const others = tables.duplicates.reduce((total, d) => total + d.others.length, 0);

  const figures: [string, number][] = [
    ["Карт ИОМ прочитано", summary.cards],
    ["Педагогов (каждый учтён один раз)", tables.teachers.length],
    ["Образовательных организаций", tables.schools.filter((s) => s.school !== null).length],
    ["Педагогов со средним или высоким дефицитом (или «+»)", sum((s) => s.withDeficit)],
    [`ИОМ завершаются в ближайшие ${ENDING_WITHIN_DAYS} дней`, tables.endingSoon.length],
    ["ИОМ завершены успешно", sum((s) => s.outcomes.completed)],
    ["ИОМ продлены", sum((s) => s.outcomes.extended)],
    ["Ошибок в картах", tables.findings.errors],
    ["Предупреждений", tables.findings.warnings],
  ];
  if (others > 0) {
    figures.push(["Лишних карт того же педагога (не учтены)", others]);
  }
  if (unreadable > 0) {
    figures.push([`Файлов не удалось прочитать (см. «${findingsSheet}»)`, unreadable]);
  }
  return figures;
}

/** Activities of one teacher by status. */
export function activityCounts(teacher: TeacherRecord): ActivityCounts {
  const counts = emptyActivityCounts();
  for (const activity of teacher.activities) {
    countActivity(counts, activity.status);
  }
  return counts;
}

/** Days from the as-of day to a route's last day (negative: ended), or null. */
function daysLeft(end: string | null, asOf: Date): number | null {
  return end === null ? null : differenceInCalendarDays(parseDay(end), asOf);
}

/** An empty count per level, `none` included. */
function emptyLevels(): LevelCounts {
  return { high: 0, medium: 0, low: 0, present: 0, absent: 0, none: 0 };
}

function competencyFigures(
  teachers: readonly TeacherRecord[],
  directory: ReadonlyMap<string, CompetencyEntry>,
): CompetencyFigures[] {
  const figures = new Map<string, { entry: LevelCounts; final: LevelCounts }>();
  for (const key of directory.keys()) {
    figures.set(key, { entry: emptyLevels(), final: emptyLevels() });
  }
  for (const teacher of teachers) {
    for (const competency of teacher.competencies) {
      const row = figures.get(competencyKey(competency.id, competency.specified))!;
      if (competency.entry !== null) {
        row.entry[competency.entry] += 1;
      }
      if (competency.final !== null) {
        row.final[competency.final] += 1;
      }
    }
  }

  return [...directory].map(([key, entry]) => {
    const row = figures.get(key)!;
    row.entry.none = teachers.length - sumLevels(row.entry);
    row.final.none = teachers.length - sumLevels(row.final);
    const withResult = teachers.length - row.entry.none;
    return {
      ...entry,
      entry: row.entry,
      final: row.final,
      shareMediumOrHigh: withResult === 0 ? null : (row.entry.medium + row.entry.high) / withResult,
    };
  });
}

function activityFigures(teachers: readonly TeacherRecord[]): ActivityLevelFigures[] {
  const levels = new Map<RouteLevel | null, ActivityCounts>();
  const reasons = new Map<RouteLevel | null, Map<string, ReasonCount>>();
  for (const { id } of ROUTE_LEVELS) {
    levels.set(id, emptyActivityCounts());
    reasons.set(id, new Map());
  }

  for (const teacher of teachers) {
    for (const activity of teacher.activities) {
      if (!levels.has(activity.level)) {
        levels.set(activity.level, emptyActivityCounts());
        reasons.set(activity.level, new Map());
      }
      countActivity(levels.get(activity.level)!, activity.status);
      if (activity.status === "not-done") {
        countReason(reasons.get(activity.level)!, activity.reason);
      }
    }
  }

  return [...levels].map(([level, counts]) => ({
    level,
    name: ROUTE_LEVELS.find((l) => l.id === level)?.name ?? "Уровень не указан",
    ...counts,
    reasons: [...reasons.get(level)!]
      .sort(([a, x], [b, y]) => y.count - x.count || compareStrings(a, b))
      .map(([, reason]) => reason),
  }));
}

function countReason(reasons: Map<string, ReasonCount>, reason: string | null): void {
  // A missing reason keys apart from every written one, whose keys hold letters.
  const key = reason === null ? "" : `:${squash(reason)}`;
  const current = reasons.get(key);
  if (current) {
    current.count += 1;
    current.reason = firstName(current.reason, reason);
  } else {
    reasons.set(key, { reason, count: 1 });
  }
}

function categoryFigures(teachers: readonly TeacherRecord[], asOf: Date): CategoryFigures[] {
  const categories: (StaffCategory | null)[] = ["teacher", "manager"];
  if (teachers.some((t) => t.staffCategory === null)) {
    categories.push(null);
  }
  return categories.map((category) => ({
    category,
    name: category === null ? "категория не указана" : STAFF_CATEGORY_NAMES[category],
    ...groupFigures(
      teachers.filter((t) => t.staffCategory === category),
      asOf,
    ),
  }));
}

/**
 * Teachers grouped by a text field (ОО, mentor) compared by its letters, each group named by
 * its first spelling; groups in key order, the group with no value last.
 */
function groups(
  teachers: readonly TeacherRecord[],
  field: (teacher: TeacherRecord) => string | null,
): [string | null, TeacherRecord[]][] {
  const byKey = new Map<string, { name: string | null | undefined; members: TeacherRecord[] }>();
  for (const teacher of teachers) {
    const value = field(teacher);
    const key = squash(value ?? "");
    const group = byKey.get(key) ?? { name: undefined, members: [] };
    group.name = firstName(group.name, value);
    group.members.push(teacher);
    byKey.set(key, group);
  }

  return [...byKey]
    .sort(([a], [b]) => compareGroupKeys(a, b))
    .map(([, group]) => [group.name ?? null, group.members]);
}

function groupFigures(teachers: readonly TeacherRecord[], asOf: Date): GroupFigures {
  const figures: GroupFigures = {
    teachers: teachers.length,
    stages: { diagnostic: 0, development: 0, implementation: 0, final: 0 },
    outcomes: { completed: 0, extended: 0, none: 0 },
    withDeficit: 0,
    deficits: { high: 0, medium: 0, low: 0, present: 0, absent: 0 },
    changes: { eliminated: 0, improved: 0, unchanged: 0, worse: 0 },
    activities: emptyActivityCounts(),
    endingSoon: 0,
    errors: 0,
    warnings: 0,
  };

  for (const teacher of teachers) {
    figures.stages[teacher.stage] += 1;
    figures.outcomes[teacher.outcome ?? "none"] += 1;
    if (teacher.competencies.some((c) => isSignificant(c.entry))) {
      figures.withDeficit += 1;
    }
    for (const competency of teacher.competencies) {
      if (competency.entry !== null) {
        figures.deficits[competency.entry] += 1;
      }
      if (competency.change !== null) {
        figures.changes[competency.change] += 1;
      }
    }
    for (const activity of teacher.activities) {
      countActivity(figures.activities, activity.status);
    }
    if (isEndingSoon(teacher, asOf)) {
      figures.endingSoon += 1;
    }
    figures.errors += teacher.errors;
    figures.warnings += teacher.warnings;
  }
  return figures;
}

function endingSoon(teachers: readonly TeacherRecord[], asOf: Date): EndingRoute[] {
  return teachers
    .filter((teacher) => isEndingSoon(teacher, asOf))
    .map((teacher) => ({
      name: teacher.name,
      school: teacher.school,
      mentor: teacher.mentor,
      stage: teacher.stage,
      outcome: teacher.outcome,
      end: teacher.end!,
      daysLeft: daysLeft(teacher.end, asOf)!,
      file: teacher.file,
      sheet: teacher.sheet,
    }))
    .sort((a, b) => compareStrings(a.end, b.end)); // stable: ties keep ОО, name, file order
}

function isEndingSoon(teacher: TeacherRecord, asOf: Date): boolean {
  const days = daysLeft(teacher.end, asOf);
  return days !== null && days >= 0 && days <= ENDING_WITHIN_DAYS;
}

function findingFigures(
  findings: readonly SummaryFinding[],
  duplicates: readonly Duplicate[],
): FindingFigures {
  const items = sortFindings([
    ...findings,
    ...duplicates.flatMap((d) => d.others.map((other) => duplicateFinding(other, d.counted))),
  ]);
  return {
    errors: items.filter((f) => f.severity === "error").length,
    warnings: items.filter((f) => f.severity === "warning").length,
    items,
  };
}

/** The warning at a card left out: names the card that counts, never the ФИО. */
function duplicateFinding(other: CardRef, counted: CardRef): SummaryFinding {
  let why: string;
  if (counted.end !== null && (other.end === null || counted.end > other.end)) {
    why = `там ИОМ заканчивается позже (${formatRussianDay(parseDay(counted.end))})`;
  } else if (counted.end !== null) {
    why = "сроки окончания ИОМ совпадают";
  } else {
    why = "сроки ИОМ не прочитаны ни в одной из карт";
  }
  return {
    file: other.file,
    sheet: other.sheet,
    cell: other.cell,
    severity: "warning",
    code: "summary.duplicate",
    message: `Карта того же педагога (ФИО и ОО совпадают) есть в файле «${counted.file}», лист «${counted.sheet}»; ${why}. В сводке учтена та карта, эта — нет. Если это разные люди, уточните ФИО; если карта лишняя, уберите её`,
  };
}

function emptyActivityCounts(): ActivityCounts {
  return { planned: 0, done: 0, notDone: 0, inProgress: 0, overdue: 0, notDue: 0 };
}

const STATUS_COUNT: Record<ActivityStatus, Exclude<keyof ActivityCounts, "planned">> = {
  done: "done",
  "not-done": "notDone",
  "in-progress": "inProgress",
  overdue: "overdue",
  planned: "notDue",
};

function countActivity(counts: ActivityCounts, status: ActivityStatus): void {
  counts.planned += 1;
  counts[STATUS_COUNT[status]] += 1;
}

function sumLevels(counts: LevelCounts): number {
  return counts.high + counts.medium + counts.low + counts.present + counts.absent;
}

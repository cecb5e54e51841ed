import type { DeficitLevel, Outcome, QualificationCategory, StaffCategory } from "./card.js";
import type { Change } from "./compare.js";
import type { Stage } from "./stage.js";
import type { Duplicate, Summary } from "./summary.js";
import type {
  ActivityCounts,
  ActivityLevelFigures,
  CategoryFigures,
  CompetencyFigures,
  EndingRoute,
  FindingFigures,
  MentorFigures,
  SchoolFigures,
} from "./summary-aggregate.js";
import { activityCounts, aggregate } from "./summary-aggregate.js";
import type { DemandFigures, WhatWorked } from "./summary-outcomes.js";
import type { TeacherCompetency, TeacherRecord } from "./summary-teacher.js";

/** A teacher in `iom summary --json`: one per person, duplicates left out. */
export interface TeacherJson {
  /** The ФИО as written, or its pseudonym (`--anonymize`); null where the card has none. */
  name: string | null;
  /** The ОО, municipality and position as written; null where not stated. */
  school: string | null;
  municipality: string | null;
  position: string | null;
  /** `teacher` (педагог) or `manager` (управленческий кадр); null where unknown. */
  staffCategory: StaffCategory | null;
  /** True where the card's «категория работника» was empty and the position told. */
  staffCategoryFromPosition: boolean;
  /** `highest`, `first`, `conformity`, `none` (без категории); null where not stated. */
  qualification: QualificationCategory | null;
  /** The mentor or tutor (a pseudonym under `--anonymize`); null where not stated. */
  mentor: string | null;
  /** The route's period, YYYY-MM-DD; null where it cannot be read. */
  start: string | null;
  end: string | null;
  /** `diagnostic`, `development`, `implementation` or `final` (DESIGN.md, Stage). */
  stage: Stage;
  /** The template's «итог»: `completed`, `extended`, or null. */
  outcome: Outcome | null;
  /** How many competencies had each level of deficit at entry. */
  entry: Record<DeficitLevel, number>;
  /** Each competency with a result: entry and final level, and the change. */
  competencies: TeacherCompetency[];
  /** The plan's activities by status as of `asOf` (`planned` counts them all). */
  activities: ActivityCounts;
  /** The final result: entry → final changes, counted over the competencies. */
  changes: Record<Change, number>;
  /** Findings of the card. */
  errors: number;
  warnings: number;
  /** Where the card is (pseudonyms under `--anonymize`). */
  file: string;
  sheet: string;
}

/**
 * The document `iom summary --json` prints (DESIGN.md, Contracts).
 *
 * Counts of levels are keyed `high`, `medium`, `low` (the three bands), `present` («+» with no
 * level), `absent` («−») and `none` (no result). Dates are YYYY-MM-DD. Arrays are in a fixed
 * order, so equal summaries print equal documents.
 */
export interface SummaryJson {
  /** The day the summary was made as of. */
  asOf: string;
  /** Whether names, files and sheets are pseudonyms. */
  anonymized: boolean;
  /** Cards read (duplicates included); files that could not be read are in `findings`. */
  cards: number;
  /** One entry per teacher, by ОО, name, file, sheet. */
  teachers: TeacherJson[];
  /**
   * Per competency (the card's order, the district's additions, each «Иное» text): teachers
   * per level at entry and at the end, and `shareMediumOrHigh`, the share of teachers with
   * an entry result whose deficit is medium or high (null where none has a result).
   */
  competencies: CompetencyFigures[];
  /**
   * Per level of the route («Личностный» … «Федеральный», then rows of unknown level if any):
   * activities `planned` (all), `done`, `notDone` with `reasons` grouped, `inProgress`,
   * `overdue` (due before `asOf` with no mark) and `notDue`.
   */
  activities: ActivityLevelFigures[];
  /**
   * Per ОО (no ОО last): teachers, stages, outcomes, teachers `withDeficit` at entry, entry
   * results by level (`deficits`), entry → final `changes`, activities, routes `endingSoon`,
   * errors and warnings.
   */
  schools: SchoolFigures[];
  /** Routes whose last day is from `asOf` to 30 days after it, the soonest first. */
  endingSoon: EndingRoute[];
  /**
   * The demand for municipal activities: per competency, teachers whose deficit (final, else
   * entry) is medium, high or «+», and how many of them a municipal activity serves; per ОО.
   */
  demand: DemandFigures[];
  /**
   * What worked: per competency and ОО, entry → final changes of the teachers who had a
   * deficit; and the activities most often found in routes whose deficits were eliminated.
   */
  whatWorked: WhatWorked;
  /** The same figures as `schools`, per category of staff: педагог, управленческий кадр. */
  byCategory: CategoryFigures[];
  /** The same figures as `schools`, per mentor or tutor (none stated last). */
  byMentor: MentorFigures[];
  /**
   * Teachers with several cards (same ФИО and ОО): the card that counts (its route ends
   * last) and the others, each of which has a `summary.duplicate` warning.
   */
  duplicates: Duplicate[];
  /**
   * Counts of errors and warnings, and every finding (`{ file, sheet, cell, severity, code,
   * message }`, as `iom validate --json`) by file, sheet and cell.
   */
  findings: FindingFigures;
}

/**
 * The summary as `iom summary --json` prints it: teacher records reduced to their figures,
 * and every table of `aggregate` (`tables`, where the caller has made them already).
 *
 * @example JSON.stringify(summaryToJson(summarize(records, { asOf: "2025-11-16" })))
 */
export function summaryToJson(summary: Summary, tables = aggregate(summary)): SummaryJson {
  return {
    asOf: summary.asOf,
    anonymized: summary.anonymized,
    cards: summary.cards,
    teachers: tables.teachers.map(teacherJson),
    competencies: tables.competencies,
    activities: tables.activities,
    schools: tables.schools,
    endingSoon: tables.endingSoon,
    demand: tables.demand,
    whatWorked: tables.whatWorked,
    byCategory: tables.byCategory,
    byMentor: tables.byMentor,
    duplicates: tables.duplicates,
    findings: tables.findings,
  };
}

function teacherJson(teacher: TeacherRecord): TeacherJson {
  const entry: Record<DeficitLevel, number> = { high: 0, medium: 0, low: 0, present: 0, absent: 0 };
  const changes: Record<Change, number> = { eliminated: 0, improved: 0, unchanged: 0, worse: 0 };
  for (const competency of teacher.competencies) {
    if (competency.entry !== null) {
      entry[competency.entry] += 1;
    }
    if (competency.change !== null) {
      changes[competency.change] += 1;
    }
  }

  return {
    name: teacher.name,
    school: teacher.school,
    municipality: teacher.municipality,
    position: teacher.position,
    staffCategory: teacher.staffCategory,
    staffCategoryFromPosition: teacher.staffCategoryFromPosition,
    qualification: teacher.qualification,
    mentor: teacher.mentor,
    start: teacher.start,
    end: teacher.end,
    stage: teacher.stage,
    outcome: teacher.outcome,
    entry,
    competencies: teacher.competencies,
    activities: activityCounts(teacher),
    changes,
    errors: teacher.errors,
    warnings: teacher.warnings,
    file: teacher.file,
    sheet: teacher.sheet,
  };
}

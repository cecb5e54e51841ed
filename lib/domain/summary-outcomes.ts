import { COMPETENCIES, OTHER } from "./catalogue.js";
import { isSignificant } from "./diagnostics.js";
import { compareGroupKeys, compareStrings, firstName } from "./summary-order.js";
import type { TeacherActivity, TeacherCompetency, TeacherRecord } from "./summary-teacher.js";
import { competencyKey } from "./summary-teacher.js";
import { squash } from "./text.js";

/** A competency as the tables list it. */
export interface CompetencyEntry {
  /** The catalogue's id; `other` for each «Иное (указать)» text. */
  id: string;
  name: string;
  /** What «Иное (указать)» names, else null. */
  specified: string | null;
}

/**
 * A competency as the summary's tables name it: «Иное: наставничество» for each «Иное
 * (указать)» text, so that two «Иное» rows never read as one.
 */
export function competencyName(entry: CompetencyEntry): string {
  if (entry.id !== OTHER) {
    return entry.name;
  }
  return entry.specified === null ? "Иное (не указано, что именно)" : `Иное: ${entry.specified}`;
}

/** The demand for municipal activities in one competency (DESIGN.md, The district summary). */
export interface DemandFigures extends CompetencyEntry {
  /**
   * Teachers who need it: a medium, high or «+» deficit as their card stands now (the final
   * result where there is one, else the entry result).
   */
  teachers: number;
  /** Of them, those whose plan already has a municipal activity forming it. */
  withMunicipalActivity: number;
  /** The same per ОО, in the order of ОО names. */
  schools: { school: string | null; teachers: number; withMunicipalActivity: number }[];
}

/** Entry → final in one competency and ОО, for the teachers who had a deficit to work on. */
export interface ChangeFigures extends CompetencyEntry {
  school: string | null;
  /** Teachers with a medium, high or «+» deficit at entry. */
  teachers: number;
  eliminated: number;
  improved: number;
  unchanged: number;
  worse: number;
  /** No final result yet. */
  noFinal: number;
}

/** An activity found in routes whose deficits were eliminated. */
export interface WorkedActivity {
  /** The activity as written (the first spelling in code-unit order). */
  activity: string;
  /** Routes in which it formed a competency whose deficit was then eliminated. */
  routes: number;
  /** Those competencies, by name («Иное: …» for «Иное (указать)»), in the tables' order. */
  competencies: string[];
}

/** What worked (DESIGN.md, The district summary). */
export interface WhatWorked {
  /** Per competency, then per ОО. */
  changes: ChangeFigures[];
  /**
   * The `WHAT_WORKED_LIMIT` activities found in most routes, then by name. An activity marked
   * not done does not count; one planned or under way does (it is «found in the route»).
   */
  activities: WorkedActivity[];
}

/** How many activities «what worked» lists. */
export const WHAT_WORKED_LIMIT = 20;

/**
 * The competencies the tables list, by key: the catalogue's in the card's order (always), the
 * district's own found in the records (by id), then each «Иное» text found (by its letters).
 */
export function competencyDirectory(
  teachers: readonly TeacherRecord[],
): Map<string, CompetencyEntry> {
  const directory = new Map<string, CompetencyEntry>();
  for (const competency of COMPETENCIES) {
    if (competency.id !== OTHER) {
      directory.set(competency.id, { id: competency.id, name: competency.name, specified: null });
    }
  }

  const found = new Map<string, CompetencyEntry>();
  for (const teacher of teachers) {
    for (const competency of teacher.competencies) {
      const key = keyOf(competency);
      if (directory.has(key)) {
        continue;
      }
      const current = found.get(key);
      found.set(key, {
        id: competency.id,
        name: firstName(current?.name, competency.name) ?? competency.name,
        specified: firstName(current?.specified, competency.specified),
      });
    }
  }

  const additions = [...found].sort(
    ([a], [b]) => Number(isOther(a)) - Number(isOther(b)) || compareStrings(a, b),
  );
  for (const [key, entry] of additions) {
    directory.set(key, entry);
  }
  return directory;
}

/** The demand for municipal activities, per competency with any, per ОО. */
export function demandOf(
  teachers: readonly TeacherRecord[],
  directory: ReadonlyMap<string, CompetencyEntry>,
): DemandFigures[] {
  const demand = new Map<string, Map<string, DemandCell>>();
  for (const teacher of teachers) {
    const schoolKey = squash(teacher.school ?? "");
    for (const competency of teacher.competencies) {
      if (!isSignificant(competency.final ?? competency.entry)) {
        continue;
      }
      const key = keyOf(competency);
      const schools = demand.get(key) ?? new Map<string, DemandCell>();
      demand.set(key, schools);
      const cell = schools.get(schoolKey) ?? { school: undefined, teachers: 0, municipal: 0 };
      schools.set(schoolKey, cell);

      cell.school = firstName(cell.school, teacher.school);
      cell.teachers += 1;
      if (teacher.activities.some((a) => a.level === "municipal" && serves(a, key))) {
        cell.municipal += 1;
      }
    }
  }

  return [...directory].flatMap(([key, entry]) => {
    const schools = demand.get(key);
    if (!schools) {
      return [];
    }
    const rows = [...schools]
      .sort(([a], [b]) => compareGroupKeys(a, b))
      .map(([, cell]) => ({
        school: cell.school ?? null,
        teachers: cell.teachers,
        withMunicipalActivity: cell.municipal,
      }));
    return [
      {
        ...entry,
        teachers: rows.reduce((sum, row) => sum + row.teachers, 0),
        withMunicipalActivity: rows.reduce((sum, row) => sum + row.withMunicipalActivity, 0),
        schools: rows,
      },
    ];
  });
}

/** Entry → final per competency and ОО, and the activities of routes that eliminated deficits. */
export function whatWorkedOf(
  teachers: readonly TeacherRecord[],
  directory: ReadonlyMap<string, CompetencyEntry>,
): WhatWorked {
  return {
    changes: changesOf(teachers, directory),
    activities: workedActivities(teachers, directory),
  };
}

interface DemandCell {
  school: string | null | undefined;
  teachers: number;
  municipal: number;
}

type ChangeCell = Omit<ChangeFigures, keyof CompetencyEntry | "school"> & {
  school: string | null | undefined;
};

function changesOf(
  teachers: readonly TeacherRecord[],
  directory: ReadonlyMap<string, CompetencyEntry>,
): ChangeFigures[] {
  const cells = new Map<string, Map<string, ChangeCell>>();
  for (const teacher of teachers) {
    const schoolKey = squash(teacher.school ?? "");
    for (const competency of teacher.competencies) {
      if (!isSignificant(competency.entry)) {
        continue;
      }
      const key = keyOf(competency);
      const schools = cells.get(key) ?? new Map<string, ChangeCell>();
      cells.set(key, schools);
      const cell = schools.get(schoolKey) ?? {
        school: undefined,
        teachers: 0,
        eliminated: 0,
        improved: 0,
        unchanged: 0,
        worse: 0,
        noFinal: 0,
      };
      schools.set(schoolKey, cell);

      cell.school = firstName(cell.school, teacher.school);
      cell.teachers += 1;
      cell[competency.change ?? "noFinal"] += 1;
    }
  }

  return [...directory].flatMap(([key, entry]) =>
    [...(cells.get(key) ?? [])]
      .sort(([a], [b]) => compareGroupKeys(a, b))
      .map(([, cell]) => ({ ...entry, ...cell, school: cell.school ?? null })),
  );
}

function workedActivities(
  teachers: readonly TeacherRecord[],
  directory: ReadonlyMap<string, CompetencyEntry>,
): WorkedActivity[] {
  const worked = new Map<string, { activity: string; routes: number; keys: Set<string> }>();
  for (const teacher of teachers) {
    const eliminated = teacher.competencies
      .filter((c) => c.change === "eliminated")
      .map((c) => keyOf(c));
    if (eliminated.length === 0) {
      continue;
    }

    const inRoute = new Set<string>();
    for (const activity of teacher.activities) {
      const served = eliminated.filter((key) => serves(activity, key));
      if (activity.status === "not-done" || served.length === 0) {
        continue;
      }
      const key = squash(activity.name);
      const row = worked.get(key) ?? { activity: activity.name, routes: 0, keys: new Set() };
      worked.set(key, row);

      row.activity = firstName(row.activity, activity.name)!;
      served.forEach((competency) => row.keys.add(competency));
      if (!inRoute.has(key)) {
        inRoute.add(key);
        row.routes += 1;
      }
    }
  }

  const order = [...directory.keys()];
  return [...worked]
    .sort(([a, x], [b, y]) => y.routes - x.routes || compareStrings(a, b))
    .slice(0, WHAT_WORKED_LIMIT)
    .map(([, row]) => ({
      activity: row.activity,
      routes: row.routes,
      competencies: order
        .filter((key) => row.keys.has(key))
        .map((key) => nameOf(directory.get(key)!)),
    }));
}

/** «Иное: наставничество» for «Иное», the catalogue's name for the rest. */
function nameOf(entry: CompetencyEntry): string {
  return entry.id === OTHER && entry.specified !== null ? `Иное: ${entry.specified}` : entry.name;
}

const PARENT = new Map(
  COMPETENCIES.flatMap((c) => (c.parent === undefined ? [] : [[c.id, c.parent] as const])),
);

/**
 * Whether an activity forms a competency: it names it, or the heading it belongs to, or one of
 * its parts («Функциональная грамотность» and «Читательская грамотность»), as the rule
 * `competency.not-served` counts.
 */
function serves(activity: TeacherActivity, key: string): boolean {
  return activity.competencies.some(
    (named) => named === key || PARENT.get(key) === named || PARENT.get(named) === key,
  );
}

function keyOf(competency: TeacherCompetency): string {
  return competencyKey(competency.id, competency.specified);
}

function isOther(key: string): boolean {
  return key.startsWith(`${OTHER}:`);
}

import type { Workbook } from "exceljs";

import { formatRussianDay, parseDay } from "../domain/dates.js";
import type { ActivityCounts, GroupFigures, ReasonCount } from "../domain/summary-aggregate.js";
import { activityCounts } from "../domain/summary-aggregate.js";
import type { Summary } from "../domain/summary.js";
import type { Aggregates } from "../domain/summary-aggregate.js";
import { competencyName } from "../domain/summary-outcomes.js";
import type { TeacherRecord } from "../domain/summary-teacher.js";
import { STAGE_NAMES } from "../domain/stage.js";
import { CATEGORY_NAMES, OUTCOME_NAMES, STAFF_CATEGORY_NAMES } from "../domain/vocabulary.js";
import type { ReportColumn, ReportValue } from "./reportSheet.js";
import { addReport, addTable, ALERT_BAR, finishReport, WARN_BAR } from "./reportSheet.js";

/**
 * The summary workbook's sheets of tables: one concept each, the district summary's
 * (DESIGN.md), for a methodist to filter and a district head to print.
 */

/** What every sheet of the summary workbook is made from. */
export interface SheetContext {
  summary: Summary;
  tables: Aggregates;
  /** The page footer: the summary and its day. */
  footer: string;
  /** The link to a card's sheet at a cell (its A1 where the cell is not known); null: none. */
  cardLink: (file: string, sheet: string, cell: string | null) => string | null;
  /** The link to a file, at its sheet and cell where a finding has them; null: none. */
  fileLink: (file: string, sheet: string | null, cell: string | null) => string | null;
}

/** A YYYY-MM-DD day as a date cell holds it: midnight UTC is the day's serial in exceljs. */
export function dayCell(day: string | null): Date | null {
  return day === null ? null : new Date(`${day}T00:00:00Z`);
}

/** The columns of activity counts, as «Сводка» and «Мероприятия» show them. */
export const ACTIVITY_COLUMNS: ReportColumn[] = [
  { header: "Уровень", width: 26 },
  { header: "Запланировано", width: 13, kind: "count", bar: true },
  { header: "Выполнено", width: 12, kind: "count" },
  { header: "Не выполнено", width: 12, kind: "count" },
  { header: "В процессе", width: 12, kind: "count" },
  { header: "Просрочено", width: 12, kind: "count", bar: ALERT_BAR },
  { header: "Срок не наступил", width: 12, kind: "count" },
];

/** Activities of every level together. */
export function totalActivities(levels: readonly ActivityCounts[]): ActivityCounts {
  const total = { planned: 0, done: 0, notDone: 0, inProgress: 0, overdue: 0, notDue: 0 };
  for (const level of levels) {
    for (const key of Object.keys(total) as (keyof ActivityCounts)[]) {
      total[key] += level[key];
    }
  }
  return total;
}

export function activityCountsRow(name: string, counts: ActivityCounts): ReportValue[] {
  return [
    name,
    counts.planned,
    counts.done,
    counts.notDone,
    counts.inProgress,
    counts.overdue,
    counts.notDue,
  ];
}

/** «Педагоги»: one row per teacher (a duplicate card left out), the ФИО a link to the card. */
export function addTeachers(workbook: Workbook, context: SheetContext): void {
  const { tables } = context;
  const report = addReport(workbook, "Педагоги", {
    title: "Педагоги и их ИОМ",
    subtitle: `${asOfLine(context)} · каждый педагог один раз: из двух карт одного педагога учтена та, чей ИОМ заканчивается позже`,
    footer: context.footer,
  });

  addTable(report, {
    name: "tTeachers",
    verticalHeaders: true,
    groups: [
      { title: "Дефицитов на входе", from: 9, to: 11 },
      { title: "Мероприятий", from: 12, to: 15 },
      { title: "Замечаний", from: 16, to: 17 },
    ],
    columns: [
      { header: "ОО", width: 18, kind: "wrap" },
      { header: "ФИО", width: 22, kind: "link" },
      { header: "Должность", width: 16, kind: "wrap" },
      { header: "Категория работника", width: 14, kind: "wrap" },
      { header: "Квалификационная категория", width: 14, kind: "wrap" },
      { header: "Наставник, куратор", width: 18, kind: "wrap" },
      { header: "Начало ИОМ", width: 10.5, kind: "date" },
      { header: "Окончание ИОМ", width: 10.5, kind: "date" },
      { header: "Этап, итог", width: 15, kind: "wrap" },
      { header: "высокий", width: 6, kind: "count", bar: ALERT_BAR },
      { header: "средний", width: 6, kind: "count" },
      { header: "«+» без уровня", width: 6, kind: "count" },
      { header: "всего", width: 6, kind: "count" },
      { header: "выполнено", width: 6, kind: "count" },
      { header: "не выполнено", width: 6, kind: "count" },
      { header: "просрочено", width: 6, kind: "count", bar: ALERT_BAR },
      { header: "ошибок", width: 6, kind: "count", bar: ALERT_BAR },
      { header: "предупреждений", width: 6, kind: "count" },
      { header: "Файл и лист карты", width: 26, kind: "wrap" },
    ],
    rows: tables.teachers.map((teacher) => teacherRow(teacher, context)),
    empty: "карт нет",
  });
  finishReport(report, { frozenColumns: 2, printColumns: 18 });
}

function teacherRow(teacher: TeacherRecord, context: SheetContext): ReportValue[] {
  const entry = { high: 0, medium: 0, present: 0 };
  for (const competency of teacher.competencies) {
    if (
      competency.entry === "high" ||
      competency.entry === "medium" ||
      competency.entry === "present"
    ) {
      entry[competency.entry] += 1;
    }
  }
  const activities = activityCounts(teacher);

  return [
    teacher.school,
    {
      text: teacher.name ?? "ФИО не указано",
      link: context.cardLink(teacher.file, teacher.sheet, teacher.nameCell),
    },
    teacher.position,
    teacher.staffCategory === null ? null : STAFF_CATEGORY_NAMES[teacher.staffCategory],
    teacher.qualification === null ? null : CATEGORY_NAMES[teacher.qualification],
    teacher.mentor,
    dayCell(teacher.start),
    dayCell(teacher.end),
    teacher.outcome === null
      ? STAGE_NAMES[teacher.stage]
      : `${STAGE_NAMES[teacher.stage]}, ${OUTCOME_NAMES[teacher.outcome]}`,
    entry.high,
    entry.medium,
    entry.present,
    activities.planned,
    activities.done,
    activities.notDone,
    activities.overdue,
    teacher.errors,
    teacher.warnings,
    `${teacher.file} › ${teacher.sheet}`,
  ];
}

/** «Дефициты»: teachers per competency and level, at entry and at the end. */
export function addDeficits(workbook: Workbook, context: SheetContext): void {
  const { tables } = context;
  const report = addReport(workbook, "Дефициты", {
    title: "Профессиональные дефициты по компетенциям",
    subtitle: `${asOfLine(context)} · педагогов: ${tables.teachers.length}; в каждой графе — число педагогов`,
    footer: context.footer,
  });

  addTable(report, {
    name: "tDeficits",
    groups: [
      { title: "Входная диагностика: уровень дефицита", from: 1, to: 7 },
      { title: "Итоговая диагностика", from: 8, to: 12 },
    ],
    columns: [
      { header: "Компетенция", width: 34, kind: "wrap" },
      { header: "высокий", width: 9, kind: "count", bar: ALERT_BAR },
      { header: "средний", width: 9, kind: "count", bar: WARN_BAR },
      { header: "низкий", width: 9, kind: "count" },
      { header: "«+» без уровня", width: 9, kind: "count" },
      { header: "«−» нет", width: 9, kind: "count" },
      { header: "нет результата", width: 10, kind: "count" },
      { header: "доля среднего и высокого", width: 11, kind: "share", bar: true },
      { header: "высокий (итог)", width: 9, kind: "count" },
      { header: "средний (итог)", width: 9, kind: "count" },
      { header: "низкий (итог)", width: 9, kind: "count" },
      { header: "«+» (итог)", width: 9, kind: "count" },
      { header: "«−» (итог)", width: 9, kind: "count" },
    ],
    rows: tables.competencies.map((c) => [
      competencyName(c),
      c.entry.high,
      c.entry.medium,
      c.entry.low,
      c.entry.present,
      c.entry.absent,
      c.entry.none,
      c.shareMediumOrHigh,
      c.final.high,
      c.final.medium,
      c.final.low,
      c.final.present,
      c.final.absent,
    ]),
    empty: "компетенций нет",
    footnotes: [
      "Уровень дефицита — по доле выполненных заданий диагностики: высокий, средний, низкий (минимальный); пороги — Регламента или настроек района.",
      "«+» без уровня — дефицит отмечен знаком вне граф уровня; «−» — дефицита нет; доля — от педагогов с результатом, «+» без уровня в неё не входит.",
    ],
  });

  finishReport(report);
}

/** «Мероприятия»: per level of the route, with the reasons of those not done. */
export function addActivities(workbook: Workbook, context: SheetContext): void {
  const { tables } = context;
  const report = addReport(workbook, "Мероприятия", {
    title: "Мероприятия карт профессионального развития",
    subtitle: `${asOfLine(context)} · просрочено — срок прошёл, отметки о выполнении нет`,
    footer: context.footer,
  });

  addTable(report, {
    name: "tActivities",
    columns: [...ACTIVITY_COLUMNS, { header: "Причины невыполнения", width: 46, kind: "wrap" }],
    rows: tables.activities.map((level) => [
      ...activityCountsRow(level.name, level),
      reasonsText(level.reasons),
    ]),
    footer: [...activityCountsRow("Всего", totalActivities(tables.activities)), null],
    empty: "мероприятий нет",
  });

  finishReport(report);
}

/**
 * «Результативность»: what worked (DESIGN.md) — entry → final per competency and ОО, and the
 * activities most often found in routes whose deficits were eliminated.
 */
export function addOutcomes(workbook: Workbook, context: SheetContext): void {
  const { tables } = context;
  const report = addReport(workbook, "Результативность", {
    title: "Результативность ИОМ: что изменилось к итоговой диагностике",
    subtitle: `${asOfLine(context)} · по компетенциям и ОО; ниже — мероприятия ИОМ, в которых дефицит устранён`,
    footer: context.footer,
  });

  addTable(report, {
    name: "tChanges",
    note: "Педагоги с дефицитом среднего или высокого уровня (или «+») на входе и их итоговый результат",
    columns: [
      { header: "Компетенция", width: 34, kind: "wrap" },
      { header: "ОО", width: 30, kind: "wrap" },
      { header: "Педагогов с дефицитом", width: 11, kind: "count" },
      { header: "устранён", width: 9, kind: "count", bar: true },
      { header: "снизился", width: 9, kind: "count" },
      { header: "без изменений", width: 10, kind: "count" },
      { header: "вырос", width: 9, kind: "count" },
      { header: "итоговой ещё нет", width: 10, kind: "count" },
    ],
    rows: tables.whatWorked.changes.map((row) => [
      competencyName(row),
      row.school ?? "ОО не указана",
      row.teachers,
      row.eliminated,
      row.improved,
      row.unchanged,
      row.worse,
      row.noFinal,
    ]),
    empty: "дефицитов на входе нет",
  });
  addTable(report, {
    name: "tWorked",
    heading: "Мероприятия в ИОМ, где дефицит устранён",
    note: "Сколько ИОМ с устранённым дефицитом включали мероприятие (кроме невыполненных), и по каким компетенциям",
    columns: [
      { header: "Мероприятие", width: 34, kind: "wrap" },
      { header: "Компетенции с устранённым дефицитом", width: 30, kind: "wrap" },
      { header: "ИОМ", width: 11, kind: "count", bar: true },
    ],
    rows: tables.whatWorked.activities.map((row) => [
      row.activity,
      row.competencies.join("; "),
      row.routes,
    ]),
    empty: "устранённых дефицитов пока нет",
  });
  finishReport(report);
}

/** «ОО»: the figures of each ОО, then of each category of staff and each mentor. */
export function addSchools(workbook: Workbook, context: SheetContext): void {
  const { tables } = context;
  const report = addReport(workbook, "ОО", {
    title: "По образовательным организациям",
    subtitle: `${asOfLine(context)} · те же показатели по категориям работников и по наставникам — ниже`,
    footer: context.footer,
  });

  addTable(report, {
    name: "tSchools",
    verticalHeaders: true,
    groups: GROUP_GROUPS,
    columns: groupColumns("ОО"),
    rows: tables.schools.map((s) => groupRow(s.school ?? "ОО не указана", s)),
    empty: "карт нет",
  });
  addTable(report, {
    name: "tCategories",
    heading: "По категориям работников",
    verticalHeaders: true,
    groups: GROUP_GROUPS,
    columns: groupColumns("Категория работника"),
    rows: tables.byCategory.map((c) => groupRow(c.name, c)),
    empty: "карт нет",
  });
  addTable(report, {
    name: "tMentors",
    heading: "По наставникам и кураторам",
    verticalHeaders: true,
    groups: GROUP_GROUPS,
    columns: groupColumns("Наставник, куратор"),
    rows: tables.byMentor.map((m) => groupRow(m.mentor ?? "не указан", m)),
    empty: "карт нет",
  });
  finishReport(report, { frozenColumns: 1 });
}

const GROUP_GROUPS = [
  { title: "Этап ИОМ", from: 2, to: 5 },
  { title: "Дефицитов на входе", from: 7, to: 9 },
  { title: "Мероприятий", from: 10, to: 13 },
  { title: "Замечаний", from: 15, to: 16 },
];

function groupColumns(first: string): ReportColumn[] {
  return [
    { header: first, width: 30, kind: "wrap" },
    { header: "Педагогов", width: 10, kind: "count", bar: true },
    { header: "диагностический", width: 9, kind: "count" },
    { header: "разработка", width: 9, kind: "count" },
    { header: "реализация", width: 9, kind: "count" },
    { header: "заключительный", width: 9, kind: "count" },
    { header: "Педагогов с дефицитом", width: 10, kind: "count" },
    { header: "высокий", width: 8, kind: "count", bar: ALERT_BAR },
    { header: "средний", width: 8, kind: "count" },
    { header: "«+»", width: 7, kind: "count" },
    { header: "всего", width: 8, kind: "count" },
    { header: "выполнено", width: 10, kind: "count" },
    { header: "не выполнено", width: 10, kind: "count" },
    { header: "просрочено", width: 10, kind: "count", bar: ALERT_BAR },
    { header: "ИОМ завершаются в ближайшие 30 дней", width: 10, kind: "count" },
    { header: "ошибок", width: 8, kind: "count", bar: ALERT_BAR },
    { header: "предупреждений", width: 9, kind: "count" },
  ];
}

function groupRow(name: string, figures: GroupFigures): ReportValue[] {
  return [
    name,
    figures.teachers,
    figures.stages.diagnostic,
    figures.stages.development,
    figures.stages.implementation,
    figures.stages.final,
    figures.withDeficit,
    figures.deficits.high,
    figures.deficits.medium,
    figures.deficits.present,
    figures.activities.planned,
    figures.activities.done,
    figures.activities.notDone,
    figures.activities.overdue,
    figures.endingSoon,
    figures.errors,
    figures.warnings,
  ];
}

/** «Потребность»: how many teachers need municipal activities in each competency, per ОО. */
export function addDemand(workbook: Workbook, context: SheetContext): void {
  const { tables } = context;
  const report = addReport(workbook, "Потребность", {
    title: "Потребность в муниципальных мероприятиях",
    subtitle: `${asOfLine(context)} · педагоги с дефицитом среднего или высокого уровня (или «+»): по итоговой диагностике, а где её нет — по входной`,
    footer: context.footer,
  });

  const columns: ReportColumn[] = [
    { header: "Педагогов с дефицитом", width: 12, kind: "count", bar: true },
    { header: "из них с муниципальным мероприятием в ИОМ", width: 15, kind: "count" },
    { header: "без муниципального мероприятия", width: 15, kind: "count", bar: true },
  ];
  addTable(report, {
    name: "tDemand",
    columns: [{ header: "Компетенция", width: 34, kind: "wrap" }, ...columns],
    rows: tables.demand.map((row) => [
      competencyName(row),
      row.teachers,
      row.withMunicipalActivity,
      row.teachers - row.withMunicipalActivity,
    ]),
    empty: "дефицитов нет",
  });
  addTable(report, {
    name: "tDemandSchools",
    heading: "По компетенциям и ОО",
    // The ОО last, so that the counts stand in the columns of the table above.
    columns: [
      { header: "Компетенция", width: 34, kind: "wrap" },
      ...columns,
      { header: "ОО", width: 30, kind: "wrap" },
    ],
    rows: tables.demand.flatMap((row) =>
      row.schools.map((school) => [
        competencyName(row),
        school.teachers,
        school.withMunicipalActivity,
        school.teachers - school.withMunicipalActivity,
        school.school ?? "ОО не указана",
      ]),
    ),
    empty: "дефицитов нет",
  });
  finishReport(report);
}

const SEVERITY_NAMES = { error: "ошибка", warning: "предупреждение" } as const;

/** «Замечания»: every finding, the file a link to its sheet and cell. */
export function addFindings(workbook: Workbook, context: SheetContext): void {
  const { tables, summary } = context;
  const report = addReport(workbook, "Замечания", {
    title: "Замечания к картам",
    subtitle: `${asOfLine(context)} · ошибок: ${tables.findings.errors}, предупреждений: ${tables.findings.warnings} · ${
      summary.anonymized
        ? "сводка обезличена: ссылок на файлы нет"
        : "файл — ссылка на ячейку карты (работает, если сводка лежит рядом с картами, как при её составлении)"
    }`,
    footer: context.footer,
  });

  addTable(report, {
    name: "tFindings",
    columns: [
      { header: "Файл", width: 34, kind: "link" },
      { header: "Лист", width: 18, kind: "wrap" },
      { header: "Ячейка", width: 8 },
      {
        header: "Важность",
        width: 15,
        // Excel's own «Плохой» and «Нейтральный» fills, as the add-in marks faulty cells.
        fill: (value) => (value === SEVERITY_NAMES.error ? "FFFFC7CE" : "FFFFEB9C"),
      },
      { header: "Замечание", width: 70, kind: "wrap" },
      { header: "Код", width: 24 },
    ],
    rows: tables.findings.items.map((item) => [
      { text: item.file, link: context.fileLink(item.file, item.sheet, item.cell) },
      item.sheet,
      item.cell,
      SEVERITY_NAMES[item.severity],
      item.message,
      item.code,
    ]),
    empty: "замечаний нет",
  });
  finishReport(report, { frozenColumns: 1 });
}

function reasonsText(reasons: readonly ReasonCount[]): string | null {
  if (reasons.length === 0) {
    return null;
  }
  return reasons.map((r) => `${r.reason ?? "причина не указана"} — ${r.count}`).join("; ");
}

function asOfLine(context: SheetContext): string {
  return `на ${formatRussianDay(parseDay(context.summary.asOf))}`;
}

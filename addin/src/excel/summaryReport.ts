import { dateToSerial, formatRussianDay, parseDay } from "../../../lib/domain/dates.js";
import { STAGE_NAMES } from "../../../lib/domain/stage.js";
import type { Summary } from "../../../lib/domain/summary.js";
import type { Aggregates } from "../../../lib/domain/summary-aggregate.js";
import {
  activityCounts,
  aggregate,
  ENDING_WITHIN_DAYS,
  keyFigures as figuresOf,
} from "../../../lib/domain/summary-aggregate.js";
import { competencyName } from "../../../lib/domain/summary-outcomes.js";
import type { TeacherRecord } from "../../../lib/domain/summary-teacher.js";
import { OUTCOME_NAMES, STAFF_CATEGORY_NAMES } from "../../../lib/domain/vocabulary.js";
import { sheetReference } from "../../../lib/sheet/grid.js";

/**
 * The district summary as sheets for the open workbook (DESIGN.md, The district summary), in
 * plain data for `writeReport` to lay out through Office.js: «Сводка ИОМ» (the key figures,
 * the deficits per competency with their chart, the demand for municipal activities, the
 * activities per level, the routes ending soon), «Сводка ИОМ – педагоги» and «Сводка ИОМ –
 * замечания». The file mode downloads the fuller summary workbook of `iom summary` instead.
 * Phones and e-mails are in no summary, so in none of these.
 */

/** A value of a report's cell: a link goes to a sheet and cell of this workbook. */
export type ReportValue = string | number | null | { text: string; link: string };

export interface ReportColumn {
  header: string;
  /** Width in characters, as a file's column has it. */
  width: number;
  /** count: a whole number; share: a percent of a fraction; date: an Excel serial. */
  kind?: "text" | "wrap" | "count" | "share" | "date";
}

/** A bar chart of a table: its first column's names against the next `series` columns. */
export interface ReportChart {
  title: string;
  axis: string;
  series: number;
  /** One colour a series, #RRGGBB. */
  colors: string[];
}

export interface ReportTable {
  heading?: string;
  note?: string;
  columns: ReportColumn[];
  rows: ReportValue[][];
  /** A total row, in bold. */
  footer?: ReportValue[];
  /** What the table says where it has no rows. */
  empty: string;
  chart?: ReportChart;
  /** A fill of a cell of a column by its value: Excel's own «Плохой» and «Нейтральный». */
  fill?: { column: number; colors: Record<string, string> };
}

export interface ReportSheet {
  /** The sheet's name: a new sheet of that name, or «… (2)» where the user has one. */
  name: string;
  title: string;
  subtitle: string;
  tables: ReportTable[];
  /** A list to scroll and filter (its header frozen), or a page to read (the overview). */
  list: boolean;
  orientation: "portrait" | "landscape";
}

export interface ReportOptions {
  /** The name the open workbook's cards carry as their file: their ФИО and cells link there. */
  workbook: string | null;
}

/** The sheets' names: stable, so that a new summary replaces the previous one's sheets. */
export const REPORT_SHEETS = {
  overview: "Сводка ИОМ",
  teachers: "Сводка ИОМ – педагоги",
  findings: "Сводка ИОМ – замечания",
} as const;

/** The chart's colours per level: high red, medium orange, low green, «+» grey. */
const LEVEL_COLORS = ["#C0504D", "#F79646", "#9BBB59", "#A5A5A5"];

/**
 * The report of a summary, sheet by sheet.
 *
 * @example summaryReport(summary, { workbook: "Карты школы.xlsx" }).map((s) => s.name) // ["Сводка ИОМ", …]
 */
export function summaryReport(
  summary: Summary,
  options: ReportOptions,
  tables: Aggregates = aggregate(summary),
): ReportSheet[] {
  const day = formatRussianDay(parseDay(summary.asOf));
  const link = (file: string, sheet: string, cell: string | null) =>
    file === options.workbook ? `${sheetReference(sheet)}!${cell ?? "A1"}` : null;
  const linked = (text: string, place: string | null): ReportValue =>
    place === null ? text : { text, link: place };

  return [
    {
      name: REPORT_SHEETS.overview,
      title: `Сводка по ИОМ педагогов на ${day}`,
      subtitle: sourcesLine(summary, tables, options),
      tables: [
        keyFigures(summary, tables),
        deficits(tables),
        demand(tables),
        activities(tables),
        ...endingSoon(tables, linked, link),
      ],
      list: false,
      orientation: "portrait",
    },
    {
      name: REPORT_SHEETS.teachers,
      title: `Педагоги и их ИОМ на ${day}`,
      subtitle:
        "Каждый педагог один раз: из двух карт одного педагога учтена та, чей ИОМ заканчивается позже",
      tables: [teachersTable(tables.teachers, linked, link)],
      list: true,
      orientation: "landscape",
    },
    {
      name: REPORT_SHEETS.findings,
      title: `Замечания к картам на ${day}`,
      subtitle: `Ошибок: ${tables.findings.errors}, предупреждений: ${tables.findings.warnings}. Адрес ячейки карты этой книги — ссылка на неё.`,
      tables: [findingsTable(tables, linked, link)],
      list: true,
      orientation: "landscape",
    },
  ];
}

type Link = (file: string, sheet: string, cell: string | null) => string | null;
type Linked = (text: string, place: string | null) => ReportValue;

function sourcesLine(summary: Summary, tables: Aggregates, options: ReportOptions): string {
  const own = tables.teachers.filter((t) => t.file === options.workbook).length;
  const files = new Set(
    [...summary.teachers.map((t) => t.file), ...summary.findings.map((f) => f.file)].filter(
      (file) => file !== options.workbook,
    ),
  ).size;
  const parts = [`Карт прочитано: ${summary.cards}`];
  if (options.workbook !== null) {
    parts.push(`педагогов с картой в этой книге: ${own}`);
  }
  if (files > 0) {
    parts.push(`файлов добавлено: ${files}`);
  }
  return parts.join(" · ");
}

function keyFigures(summary: Summary, tables: Aggregates): ReportTable {
  const rows = figuresOf(summary, tables, REPORT_SHEETS.findings);
  return {
    heading: "Основные показатели",
    columns: [
      { header: "Показатель", width: 44, kind: "wrap" },
      { header: "Значение", width: 12, kind: "count" },
    ],
    rows,
    empty: "нет",
  };
}

function deficits(tables: Aggregates): ReportTable {
  const withResult = tables.competencies.filter((c) => c.entry.none < tables.teachers.length);
  return {
    heading: "Уровень профдефицитов по компетенциям (входная диагностика)",
    note: "Число педагогов по уровню дефицита; компетенции, по которым есть результаты. «+» без уровня — дефицит отмечен знаком вне граф уровня. Доля — от педагогов с результатом.",
    columns: [
      { header: "Компетенция", width: 44, kind: "wrap" },
      { header: "высокий", width: 12, kind: "count" },
      { header: "средний", width: 12, kind: "count" },
      { header: "низкий", width: 12, kind: "count" },
      { header: "«+» без уровня", width: 12, kind: "count" },
      { header: "«−» нет дефицита", width: 12, kind: "count" },
      { header: "нет результата", width: 12, kind: "count" },
      { header: "доля среднего и высокого", width: 12, kind: "share" },
    ],
    rows: withResult.map((c) => [
      competencyName(c),
      c.entry.high,
      c.entry.medium,
      c.entry.low,
      c.entry.present,
      c.entry.absent,
      c.entry.none,
      c.shareMediumOrHigh,
    ]),
    empty: "результатов входной диагностики нет",
    chart: {
      title: "Педагоги по уровню профдефицита в каждой компетенции (входная диагностика)",
      axis: "Педагогов",
      series: 4,
      colors: LEVEL_COLORS,
    },
  };
}

function demand(tables: Aggregates): ReportTable {
  return {
    heading: "Потребность в муниципальных мероприятиях",
    note: "Педагоги с дефицитом среднего или высокого уровня (или «+»): по итоговой диагностике, а где её нет — по входной.",
    columns: [
      { header: "Компетенция", width: 44, kind: "wrap" },
      { header: "Педагогов с дефицитом", width: 12, kind: "count" },
      { header: "из них с муниципальным мероприятием в ИОМ", width: 12, kind: "count" },
      { header: "без муниципального мероприятия", width: 12, kind: "count" },
    ],
    rows: tables.demand
      .filter((row) => row.teachers > 0)
      .map((row) => [
        competencyName(row),
        row.teachers,
        row.withMunicipalActivity,
        row.teachers - row.withMunicipalActivity,
      ]),
    empty: "дефицитов нет",
  };
}

function activities(tables: Aggregates): ReportTable {
  const total = { planned: 0, done: 0, notDone: 0, inProgress: 0, overdue: 0, notDue: 0 };
  for (const level of tables.activities) {
    for (const key of Object.keys(total) as (keyof typeof total)[]) {
      total[key] += level[key];
    }
  }
  const row = (name: string, c: typeof total): ReportValue[] => [
    name,
    c.planned,
    c.done,
    c.notDone,
    c.inProgress,
    c.overdue,
    c.notDue,
  ];
  return {
    heading: "Мероприятия карт профессионального развития",
    note: "Просрочено — срок прошёл, а отметки о выполнении нет.",
    columns: [
      { header: "Уровень", width: 44, kind: "wrap" },
      { header: "Запланировано", width: 12, kind: "count" },
      { header: "Выполнено", width: 12, kind: "count" },
      { header: "Не выполнено", width: 12, kind: "count" },
      { header: "В процессе", width: 12, kind: "count" },
      { header: "Просрочено", width: 12, kind: "count" },
      { header: "Срок не наступил", width: 12, kind: "count" },
    ],
    rows: tables.activities.map((level) => row(level.name, level)),
    footer: row("Всего", total),
    empty: "мероприятий нет",
  };
}

function endingSoon(tables: Aggregates, linked: Linked, link: Link): ReportTable[] {
  if (tables.endingSoon.length === 0) {
    return [];
  }
  return [
    {
      heading: `ИОМ завершаются в ближайшие ${ENDING_WITHIN_DAYS} дней`,
      columns: [
        { header: "Педагог", width: 44, kind: "wrap" },
        { header: "ОО", width: 12, kind: "wrap" },
        { header: "Окончание ИОМ", width: 12, kind: "date" },
        { header: "Осталось дней", width: 12, kind: "count" },
      ],
      rows: tables.endingSoon.map((route) => [
        linked(route.name ?? "ФИО не указано", link(route.file, route.sheet, null)),
        route.school,
        daySerial(route.end),
        route.daysLeft,
      ]),
      empty: "нет",
    },
  ];
}

function teachersTable(
  teachers: readonly TeacherRecord[],
  linked: Linked,
  link: Link,
): ReportTable {
  return {
    columns: [
      { header: "ОО", width: 22, kind: "wrap" },
      { header: "ФИО", width: 24, kind: "wrap" },
      { header: "Должность", width: 18, kind: "wrap" },
      { header: "Категория работника", width: 14, kind: "wrap" },
      { header: "Наставник, куратор", width: 20, kind: "wrap" },
      { header: "Начало ИОМ", width: 11, kind: "date" },
      { header: "Окончание ИОМ", width: 11, kind: "date" },
      { header: "Этап, итог", width: 16, kind: "wrap" },
      { header: "Дефицитов высокого уровня", width: 10, kind: "count" },
      { header: "Дефицитов среднего уровня", width: 10, kind: "count" },
      { header: "Дефицитов «+» без уровня", width: 10, kind: "count" },
      { header: "Мероприятий всего", width: 11, kind: "count" },
      { header: "Выполнено", width: 11, kind: "count" },
      { header: "Просрочено", width: 11, kind: "count" },
      { header: "Ошибок", width: 9, kind: "count" },
      { header: "Предупреждений", width: 9, kind: "count" },
      { header: "Где карта", width: 28, kind: "wrap" },
    ],
    rows: teachers.map((teacher) => {
      const entry = { high: 0, medium: 0, present: 0 };
      for (const { entry: level } of teacher.competencies) {
        if (level === "high" || level === "medium" || level === "present") {
          entry[level] += 1;
        }
      }
      const counts = activityCounts(teacher);
      const place = link(teacher.file, teacher.sheet, teacher.nameCell);
      return [
        teacher.school,
        linked(teacher.name ?? "ФИО не указано", place),
        teacher.position,
        teacher.staffCategory === null ? null : STAFF_CATEGORY_NAMES[teacher.staffCategory],
        teacher.mentor,
        daySerial(teacher.start),
        daySerial(teacher.end),
        teacher.outcome === null
          ? STAGE_NAMES[teacher.stage]
          : `${STAGE_NAMES[teacher.stage]}, ${OUTCOME_NAMES[teacher.outcome]}`,
        entry.high,
        entry.medium,
        entry.present,
        counts.planned,
        counts.done,
        counts.overdue,
        teacher.errors,
        teacher.warnings,
        place === null ? `${teacher.file} › ${teacher.sheet}` : `лист «${teacher.sheet}»`,
      ];
    }),
    empty: "карт нет",
  };
}

function findingsTable(tables: Aggregates, linked: Linked, link: Link): ReportTable {
  return {
    columns: [
      { header: "Файл", width: 28, kind: "wrap" },
      { header: "Лист", width: 20, kind: "wrap" },
      { header: "Ячейка", width: 9 },
      { header: "Важность", width: 15 },
      { header: "Замечание", width: 80, kind: "wrap" },
    ],
    rows: tables.findings.items.map((item) => [
      item.file,
      item.sheet,
      item.cell === null || item.sheet === null
        ? item.cell
        : linked(item.cell, link(item.file, item.sheet, item.cell)),
      item.severity === "error" ? "ошибка" : "предупреждение",
      item.message,
    ]),
    empty: "замечаний нет",
    fill: { column: 3, colors: { ошибка: "#FFC7CE", предупреждение: "#FFEB9C" } },
  };
}

/** A YYYY-MM-DD day as the Excel serial a date cell holds; null stays empty. */
function daySerial(day: string | null): number | null {
  return day === null ? null : dateToSerial(parseDay(day));
}

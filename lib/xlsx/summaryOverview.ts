import type { Workbook } from "exceljs";

import { formatRussianDay, parseDay } from "../domain/dates.js";
import { ENDING_WITHIN_DAYS, keyFigures as figuresOf } from "../domain/summary-aggregate.js";
import { competencyName } from "../domain/summary-outcomes.js";
import { STAGE_NAMES } from "../domain/stage.js";
import type { Report } from "./reportSheet.js";
import { addReport, addTable } from "./reportSheet.js";
import type { SheetContext } from "./summarySheets.js";
import { activityCountsRow, ACTIVITY_COLUMNS, dayCell, totalActivities } from "./summarySheets.js";

const MONTHS = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];

/** «16 ноября 2026 г.» */
export function longDay(day: string): string {
  const date = parseDay(day);
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()} г.`;
}

/** «Сводка»: what a district head reads first, on one portrait page. */
export function addOverview(workbook: Workbook, context: SheetContext): void {
  const { summary, tables } = context;
  const report = addReport(workbook, "Сводка", {
    title: "Сводка по индивидуальным образовательным маршрутам (ИОМ) педагогов",
    subtitle: subtitleOf(context),
    footer: context.footer,
    orientation: "portrait",
  });

  keyFigures(report, context);
  addTable(report, {
    name: "overviewStages",
    plain: true,
    heading: "Этапы ИОМ",
    columns: [
      { header: "Этап", width: 44 },
      { header: "Педагогов", width: 12, kind: "count", bar: true },
    ],
    rows: (["diagnostic", "development", "implementation", "final"] as const).map((stage) => [
      capitalize(STAGE_NAMES[stage]),
      sumOf(tables.schools, (s) => s.stages[stage]),
    ]),
    empty: "нет",
  });
  addTable(report, {
    name: "overviewActivities",
    plain: true,
    heading: "Мероприятия карт профессионального развития",
    note: `Просрочено — срок прошёл к ${formatRussianDay(parseDay(summary.asOf))}, а отметки о выполнении нет`,
    columns: ACTIVITY_COLUMNS.map((column, index) =>
      index === 0 ? { ...column, width: 44 } : { ...column, width: 12 },
    ),
    rows: tables.activities.map((level) => activityCountsRow(level.name, level)),
    footer: activityCountsRow("Всего", totalActivities(tables.activities)),
    empty: "нет",
  });
  addTable(report, {
    name: "overviewDeficits",
    plain: true,
    heading: "Профессиональные дефициты по входной диагностике",
    note: "Доля — от педагогов, у которых есть результат по компетенции; «+» без уровня в долю не входит",
    columns: [
      { header: "Компетенция", width: 44, kind: "wrap" },
      { header: "Педагогов с результатом", width: 12, kind: "number" },
      { header: "Средний или высокий дефицит", width: 12, kind: "number" },
      { header: "Доля", width: 12, kind: "share", bar: true },
    ],
    rows: tables.competencies
      .filter((c) => c.shareMediumOrHigh !== null)
      .map((c) => [
        competencyName(c),
        tables.teachers.length - c.entry.none,
        c.entry.medium + c.entry.high,
        c.shareMediumOrHigh,
      ]),
    empty: "результатов входной диагностики нет",
  });
  endingSoon(report, context);
  // The overview is a page to print, not a list to scroll: nothing frozen, nothing repeated.
  report.sheet.views = [{ showGridLines: false }];
}

function keyFigures(report: Report, context: SheetContext): void {
  const rows = figuresOf(context.summary, context.tables, "Замечания");
  addTable(report, {
    name: "overviewFigures",
    plain: true,
    heading: "Основные показатели",
    columns: [
      { header: "Показатель", width: 44, kind: "wrap" },
      { header: "Значение", width: 12, kind: "number" },
    ],
    rows,
    empty: "нет",
  });
}

function endingSoon(report: Report, context: SheetContext): void {
  const { summary, tables } = context;
  const limit = 20;
  const until = parseDay(summary.asOf);
  until.setDate(until.getDate() + ENDING_WITHIN_DAYS);
  const shown = tables.endingSoon.slice(0, limit);
  const rest = tables.endingSoon.length - shown.length;

  addTable(report, {
    name: "overviewEnding",
    plain: true,
    heading: `ИОМ, завершающиеся в ближайшие ${ENDING_WITHIN_DAYS} дней (по ${formatRussianDay(until)})`,
    columns: [
      { header: "Педагог, ОО", width: 44, kind: "link" },
      { header: "Окончание ИОМ", width: 12, kind: "date" },
      { header: "Осталось дней", width: 12, kind: "count" },
    ],
    rows: shown.map((route) => [
      {
        text: [route.name ?? "ФИО не указано", route.school].filter((x) => x !== null).join(", "),
        link: context.cardLink(route.file, route.sheet, null),
      },
      dayCell(route.end),
      route.daysLeft,
    ]),
    footer:
      rest > 0
        ? [`…и ещё ${rest}: лист «Педагоги», столбец «Окончание ИОМ»`, null, null]
        : undefined,
    empty: "нет",
  });
}

function subtitleOf(context: SheetContext): string {
  const { summary, tables } = context;
  const municipalities = new Set(tables.teachers.map((t) => t.municipality));
  const [municipality] = municipalities;
  const parts = [`на ${longDay(summary.asOf)}`];
  if (municipalities.size === 1 && municipality) {
    parts.push(municipality);
  }
  if (summary.anonymized) {
    parts.push("обезличенная: ФИО, файлы и листы заменены псевдонимами");
  }
  return parts.join(" · ");
}

export function sumOf<T>(items: readonly T[], count: (item: T) => number): number {
  return items.reduce((sum, item) => sum + count(item), 0);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

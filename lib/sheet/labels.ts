import type { GeneralField } from "../domain/card.js";
import { squash } from "../domain/text.js";

/**
 * The words cards use for their labels, section headings and column headings, as patterns
 * over `squash(text)`: letters and digits only, so that a label broken by a line end after
 * every word, glued words, a lost soft hyphen, numbering and colons all meet (QUIRKS.md).
 */

/** The key labels are compared by: `squash`, with leading numbering (`1.`, `II.`, `2.1`) dropped. */
export function labelText(text: string): string {
  if (text === "") {
    return "";
  }
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) {
      keys.clear();
    }
    key = squash(withoutNumbering(text).replace(/\+/g, "плюс"));
    keys.set(text, key);
  }
  return key;
}

/**
 * A label without the numbering in front of it: `1.`, `1.1.`, `II.`, `2)`, `а)`, `(3)`, `№`,
 * `№ 4`, Latin `N`, `N1.` (QUIRKS.md: headings carry numbers, Latin `N` for `№`).
 */
function withoutNumbering(text: string): string {
  return text.replace(
    /^\s*(?:(?:№|N(?=[\s\d.]))\s*\d{0,2}[.)]?\s*)?(?:(?:(?:\d{1,2}|[IVXivx]{1,4})[.)]\s*)+(?:\d{1,2}[.)]?\s+)?|[а-яa-z]\)\s*|\(\d{1,2}\)\s*)?/u,
    "",
  );
}

/**
 * Keys already made. The reader asks for the same cells' keys many times over (each row is
 * tried as the header of every kind of table, alone and with the row below), and `squash` is
 * a chain of regular expressions: without this, making keys was a quarter of `iom validate`'s
 * time (bench/README.md). Cleared when full, as a batch of thousands of cards keeps bringing
 * new texts; the headings and labels that repeat from card to card come back at once.
 */
const keys = new Map<string, string>();
const MAX_KEYS = 20_000;

/**
 * Labels of «Общие сведения о педагоге» and the template's additions. The order matters:
 * the first field whose pattern matches wins («категория работника» before «категория»,
 * «дата прохождения оценки» before «дата … аттестации»).
 */
export const GENERAL_LABELS: readonly [GeneralField, RegExp][] = [
  [
    "fullName",
    /^(?:фио|фамилияимяотчество)(?:педагог(?:а|ическогоработника)?|работника|учителя|сотрудника|полностью)?$/,
  ],
  ["staffCategory", /^категорияработника|^категория(?:педагог|педагогическийработник)управленческ/],
  [
    "education",
    /^(?:уровень)?образование(?:специализация|специальность|подиплому|$)|^специальностьподиплому/,
  ],
  ["position", /^(?:занимаемая)?должность$|^занимаемаядолжность/],
  ["experience", /^(?:педагогический|общий)?стаж(?:работы|педагогическойработы|вдолжности)?$/],
  ["category", /^(?:квалификационная)?категория$|^квалификационнаякатегория|^квалификация$/],
  ["attestationDate", /^(?:дата(?:прохождения|последней)?)?аттестаци/],
  ["courses", /^курсы|^курсоваяподготовка|^повышениеквалификации/],
  ["title", /^(?:почетное|почетные)?звани[ея]$/],
  ["awards", /^наград/],
  ["diagnosticForms", /^форм[аы]?(?:прохождения)?(?:оценки|диагностики)/],
  ["diagnosticDate", /^дата(?:прохождения)?(?:оценки|диагностики)|^платформа/],
  ["phone", /^(?:мобильный|контактный|сотовый)?телефон|^тел$/],
  [
    "email",
    /^(?:адрес)?электроннойпочты|^адресэлектроннойпочты|^email|^электроннаяпочта|^элпочта|^почта$/,
  ],
  ["extra", /^дополнительн(?:ые|ая)(?:сведения|информация)/],
  [
    "school",
    /^образовательнаяорганизация|^наименование(?:образовательной)?(?:организации|оо|оу)$|^(?:оо|оу|школа|местоработы|учреждение)$/,
  ],
  ["municipality", /^(?:муниципалитет|муниципальноеобразование|муниципальныйрайон|район|мо)$/],
  ["routeStart", /^(?:дата)?начал[оа](?:реализации)?(?:иом|маршрута)?$/],
  ["routeEnd", /^(?:дата)?окончани[ея](?:реализации)?(?:иом|маршрута)?$/],
  ["routePeriod", /^(?:сроки?|период)(?:реализации|прохождения)?(?:иом|маршрута|ипр|иппр|ппр)?$/],
  ["mentor", /^(?:наставник|куратор|тьютор)/],
  ["approvedOn", /^(?:дата)?утвержд|^утвержден|^согласован/],
  ["outcome", /^итог(?:иом|реализации(?:иом)?)?$/],
];

/** The general field a label names, if any. */
export function generalField(key: string): GeneralField | undefined {
  let field = fields.get(key);
  if (field === undefined) {
    if (fields.size >= MAX_KEYS) {
      fields.clear();
    }
    field = GENERAL_LABELS.find(([, pattern]) => pattern.test(key))?.[0] ?? null;
    fields.set(key, field);
  }
  return field ?? undefined;
}

/**
 * Fields already found by key: every cell of a card is tried as a label, most of them several
 * times (as a label, as its neighbour's label, as a line of an inline list), against some twenty
 * patterns each; the same labels come back on every card of a batch.
 */
const fields = new Map<string, GeneralField | null>();

/**
 * A label that names two fields at once, «Стаж, категория» with `25 лет, высшая`: the fields
 * in the label's order (QUIRKS.md: several facts in one cell).
 */
export function combinedFields(text: string): GeneralField[] {
  const parts = text
    .split(/[,;/]|\s+и\s+/)
    .map(labelText)
    .filter((p) => p !== "");
  if (parts.length < 2) {
    return [];
  }
  const fields = parts.map(generalField);
  return fields.every((f): f is GeneralField => f !== undefined) ? fields : [];
}

/** Headings of the card's sections. */
export type SectionName = "title" | "general" | "entry" | "plan" | "finalEvent" | "final";

export const SECTION_HEADINGS: readonly [SectionName, RegExp][] = [
  ["final", /^(?:результаты)?итогов(?:ой|ая)диагностик/],
  [
    "entry",
    /^(?:результаты)?входн(?:ой|ая)диагностик|^результатыдиагностики|^диагностика(?:профессиональных)?(?:дефицитов|затруднений)/,
  ],
  [
    "plan",
    /^картапрофессиональногоразвития|^план(?:мероприятий|профессиональногоразвития)|^мероприятияиом|^содержаниеиом/,
  ],
  ["finalEvent", /^заключительноемероприятие/],
  [
    "general",
    /^(?:общиесведения|сведенияо(?:педагоге|работнике)|информацияо(?:педагоге|работнике)|общаяинформация)/,
  ],
  [
    "title",
    /^(?:карта)?индивидуальн(?:ого|ый)образовательн(?:ого|ый)маршрут|^иом(?:педагога)?$|^ип{1,2}р|^индивидуальн(?:ый|ого)план(?:а)?профессиональногоразвития/,
  ],
];

/** The section a heading names, if any. Long texts are not headings. */
export function sectionHeading(key: string): SectionName | undefined {
  if (key.length > 120) {
    return undefined;
  }
  return SECTION_HEADINGS.find(([, pattern]) => pattern.test(key))?.[0];
}

/** Roles of the columns of a diagnostics table (entry or final). */
export type DiagnosticRole =
  | "competency"
  | "difficulties"
  | "low"
  | "medium"
  | "high"
  | "single"
  | "note"
  /** «Итоговая диагностика» beside «Входная» in one table: the final result of the row. */
  | "final"
  /** «Нет дефицита»: a mark there says «−». */
  | "absent"
  /** «Уровень сформированности»: a level of mastery, the inverse of a level of deficit. */
  | "mastery";

/**
 * The role of a diagnostics table's column from its heading. Level columns come first: the
 * heading above them («Уровень — в % или знаковое обозначение … профдефициты …») would
 * otherwise read as «затруднения».
 */
export function diagnosticRole(key: string): DiagnosticRole | undefined {
  if (/^низк|^минимальн|81100|^8[01]100/.test(key)) {
    return "low";
  }
  if (/^средн|6180/.test(key)) {
    return "medium";
  }
  if (/^высок|менее60|^060|^059|ниже60/.test(key)) {
    return "high";
  }
  // Columns of signs: «Есть дефицит», «Наличие дефицита», «Дефицит (+/−)», «+/−».
  if (/^(?:есть|наличие|выявлен)\S*дефицит|^(?:проф)?дефициты?плюс|^плюс/.test(key)) {
    return "single";
  }
  if (/^нет(?:проф)?дефицит|^отсутств/.test(key)) {
    return "absent";
  }
  // Entry and final results side by side in one table.
  if (/^(?:результаты?)?итогов/.test(key)) {
    return "final";
  }
  if (/^(?:результаты?)?входн/.test(key)) {
    return "single";
  }
  if (/сформированност|^уровеньвладени|^уровеньосвоени|^степеньвладени/.test(key)) {
    return "mastery";
  }
  if (
    /^компетенци|^наименованиекомпетенци|^направлени|^профессиональныекомпетенци|покоторымбыливыявлены/.test(
      key,
    )
  ) {
    return "competency";
  }
  if (
    /^(?:профессиональные)?(?:затруднени|дефицит|профдефицит|проблем)|^выявленные(?:затруднения|дефициты)/.test(
      key,
    )
  ) {
    return "difficulties";
  }
  if (/^примечани|^комментари/.test(key)) {
    return "note";
  }
  if (/^(?:результат|уровень|процент|выполнени|балл|оценка)/.test(key) || key === "") {
    return key === "" ? undefined : "single";
  }
  return undefined;
}

/** Roles of the columns of «Карта профессионального развития». */
export type PlanRole =
  "level" | "activity" | "competencies" | "period" | "done" | "reason" | "result";

export function planRole(key: string): PlanRole | undefined {
  if (/^уров(?:ень|ни)(?:реализации)?(?:иом)?$/.test(key)) {
    return "level";
  }
  if (/^(?:формируемые|развиваемые)?компетенци/.test(key)) {
    return "competencies";
  }
  if (/^(?:мероприяти|наименованиемероприяти|содержание|формаработы|темамероприяти)/.test(key)) {
    return "activity";
  }
  if (/^(?:сроки?|дата|период)/.test(key)) {
    return "period";
  }
  if (/^(?:отметк|выполнени|выполнено|статус)/.test(key)) {
    return "done";
  }
  if (/^причин/.test(key)) {
    return "reason";
  }
  if (/^(?:результат|формапредставления|продукт)/.test(key)) {
    return "result";
  }
  return undefined;
}

/** Roles of the columns of «Заключительное мероприятие». */
export type FinalEventRole = "activity" | "level" | "period" | "reflection";

export function finalEventRole(key: string): FinalEventRole | undefined {
  if (/^(?:мероприяти|заключительноемероприяти|наименование)/.test(key)) {
    return "activity";
  }
  if (/^уровень/.test(key)) {
    return "level";
  }
  if (/^(?:сроки?|дата)/.test(key)) {
    return "period";
  }
  if (/^рефлекси|^самоанализ/.test(key)) {
    return "reflection";
  }
  return undefined;
}

/** Labels of what closes the card (section 5 of Appendix 1). */
export type ClosingField = "endDate" | "teacher" | "mentor" | "conclusions";

export function closingField(key: string): ClosingField | undefined {
  if (/^(?:окончаниеработы|датаокончания|окончаниеиом|окончаниереализации)/.test(key)) {
    return "endDate";
  }
  if (/^(?:педагогическийработник|педагог$|подписьпедагога|ознакомлен)/.test(key)) {
    return "teacher";
  }
  if (/^(?:наставник|старшийметодист|методист|куратор|тьютор)/.test(key)) {
    return "mentor";
  }
  if (/^(?:выводы|анализреализации|заключение)/.test(key)) {
    return "conclusions";
  }
  return undefined;
}

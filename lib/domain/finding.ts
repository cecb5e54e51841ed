import type { FieldPath } from "./card.js";

export type Severity = "error" | "warning";

/**
 * Every finding iom-kit reports, with its severity and, for docs/rules.md, what triggers it
 * and the part of the regulation it comes from (none where the rule is iom-kit's own).
 * Codes are `area.rule` in dotted kebab-case and never change meaning: scripts rely on them.
 */
export const RULES = {
  "file.unreadable": {
    severity: "error",
    example: "a file that is not an .xlsx workbook: an empty file, a broken zip, an .xls renamed",
  },
  "file.no-card": {
    severity: "warning",
    example: "a readable workbook none of whose sheets has the card's sections",
  },
  "cell.formula-error": {
    severity: "error",
    example: "a result cell whose formula shows `#REF!`",
  },
  "cell.formula-no-result": {
    severity: "warning",
    example:
      "a formula saved without its computed value (written by a program that does not compute)",
  },
  "general.required": {
    severity: "error",
    section: "Appendix 1, §2.1",
    example:
      "«ФИО педагога», «Занимаемая должность» or «Форма прохождения оценки» left empty, `нет` or holding the template's prompt",
  },
  "general.missing": {
    severity: "warning",
    section: "Appendix 1",
    example: "«Образование», «Педагогический стаж» or «ОО» left empty",
  },
  "general.template-text": {
    severity: "warning",
    example: "«наименование образовательной организации» left in the ОО cell",
  },
  "general.phone": {
    severity: "error",
    section: "Appendix 1",
    example: "«Мобильный телефон» holding `12-34-56`",
  },
  "general.email": {
    severity: "error",
    section: "Appendix 1",
    example: "«Адрес электронной почты» holding `ivanova.mail.ru`",
  },
  "general.category": {
    severity: "error",
    section: "Appendix 1",
    example: "«Квалификационная категория» holding `вторая`",
  },
  "general.diagnostic-form": {
    severity: "error",
    section: "§2.1",
    example: "«Форма прохождения оценки» holding `собеседование`",
  },
  "general.staff-category": {
    severity: "error",
    example: "«Категория работника» holding `техперсонал`",
  },
  "general.outcome": {
    severity: "error",
    section: "§2.4",
    example: "«Итог» holding `хорошо`",
  },
  "date.unreadable": {
    severity: "error",
    example:
      "«Сроки проведения» holding `скоро` or `31.02.2026`; `сентябрь` with no year in a card with no route period",
  },
  "date.placeholder": {
    severity: "warning",
    example: "a date cell holding `01.01.1000` or `__.__.2025`",
  },
  "route.period-missing": {
    severity: "warning",
    section: "§1.4",
    example: "a card with a plan and no «Сроки ИОМ»",
  },
  "route.period-order": {
    severity: "error",
    section: "§1.4",
    example:
      "«Сроки ИОМ» holding `с 01.06.2026 по 01.09.2025`, or «Окончание ИОМ» before «Начало ИОМ»",
  },
  "route.period-conflict": {
    severity: "error",
    section: "§1.4",
    example: "«Сроки ИОМ» from 01.10.2026 to 31.05.2027 beside «Начало ИОМ» 01.09.2026",
  },
  "route.too-short": {
    severity: "error",
    section: "§1.4",
    example: "«Сроки ИОМ» from 01.09.2025 to 15.10.2025: less than two months",
  },
  "route.too-long": {
    severity: "error",
    section: "§1.4",
    example: "«Сроки ИОМ» from 01.09.2025 to 31.12.2027: more than two years",
  },
  "route.not-closed": {
    severity: "warning",
    section: "§2.4",
    example:
      "a route that ended on 31.05.2026 with no final event, final result or conclusions as of 16.11.2026",
  },
  "date.outside-route": {
    severity: "error",
    example: "an activity dated `март 2028` in a route of 2025/2026",
  },
  "date.partly-outside-route": {
    severity: "warning",
    example: "an activity dated `2025–2026 уч. год` in a route from 01.10.2025 to 31.05.2026",
  },
  "entry.missing": {
    severity: "error",
    section: "§2.1",
    example: "«Результаты входной диагностики» with no result in any row",
  },
  "deficit.unreadable": {
    severity: "error",
    section: "§2.1",
    example:
      "a result cell holding `75 баллов` (no maximum), `отлично`, `120%`, or `высокий` in the column «Низкий»",
  },
  "deficit.wrong-column": {
    severity: "error",
    section: "§2.1, Appendix 1",
    example: "`75%` in the column «Низкий (81–100 %)»: 75 % belongs to «Средний»",
  },
  "deficit.several-columns": {
    severity: "error",
    section: "§2.1",
    example: "`+` in both «Средний» and «Высокий» of one row",
  },
  "deficit.sign-in-standardized": {
    severity: "warning",
    section: "§2.1",
    example: "`+` in a card whose only form of diagnostics is standardized",
  },
  "competency.unknown": {
    severity: "error",
    section: "Appendix 1",
    example: "a competency row or plan row naming `Коммуникативная` (not on the card)",
  },
  "competency.other-unspecified": {
    severity: "error",
    section: "Appendix 1",
    example: "a result in the row «Иное (указать)» with nothing said of what",
  },
  "competency.duplicate": {
    severity: "error",
    section: "Appendix 1",
    example: "«Методическая компетенция» with a result in two rows of the entry diagnostics",
  },
  "competency.not-served": {
    severity: "error",
    section: "§2.2",
    example: "a high deficit in «Методическая» and no activity naming it",
  },
  "level.unknown": {
    severity: "error",
    section: "Appendix 1",
    example: "a plan row under `Международный уровень`, or a final event at level `межшкольный`",
  },
  "plan.activity-missing": {
    severity: "error",
    section: "§2.2",
    example: "a plan row with dates and a done mark but no activity",
  },
  "plan.competencies-missing": {
    severity: "warning",
    section: "Appendix 1",
    example: "an activity whose «Формируемые компетенции» is empty",
  },
  "plan.period-missing": {
    severity: "error",
    section: "§2.2",
    example: "an activity with no «Сроки проведения»",
  },
  "plan.done-mark": {
    severity: "error",
    section: "Appendix 1",
    example: "«Отметка о выполнении» holding `может быть`",
  },
  "plan.done-before-approval": {
    severity: "warning",
    section: "§2.2",
    example: "an activity dated `август 2025` and marked done, the route approved on 01.09.2025",
  },
  "plan.reason-missing": {
    severity: "error",
    section: "Appendix 1",
    example: "`не выполнено` with «Причины невыполнения» empty",
  },
  "plan.result-missing": {
    severity: "error",
    section: "§2.3",
    example: "`выполнено` with «Результат / форма представления» empty",
  },
  "plan.overdue": {
    severity: "warning",
    example: "an activity dated `октябрь 2025`, no mark, as of 16.11.2025",
  },
  "final.event-missing": {
    severity: "error",
    section: "§2.4",
    example: "final diagnostics filled but no «Заключительное мероприятие»",
  },
  "final.result-missing": {
    severity: "error",
    section: "§2.4",
    example: "a medium or high deficit (or «+») at entry and no final result for that competency",
  },
  "final.conclusions-missing": {
    severity: "error",
    section: "§2.4",
    example: "a card at the final stage with «Выводы» empty",
  },
  "summary.duplicate": {
    severity: "warning",
    example:
      "two cards of one teacher (same ФИО and ОО); the one whose route ends later counts in the summary",
  },
} as const satisfies Record<string, Rule>;

/** An entry of `RULES`. */
export interface Rule {
  severity: Severity;
  /** What triggers it, for docs/rules.md. */
  example: string;
  /** Where the regulation asks for it: `§1.4`, `§2.1`, `Appendix 1` (the card). */
  section?: string;
}

export type FindingCode = keyof typeof RULES;

/** A finding of the domain rules: what is wrong, and the field of the card it concerns. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Russian, says what to do; never quotes ФИО, phone or e-mail. */
  message: string;
  /** The field, or null where the finding concerns the card as a whole. */
  field: FieldPath | null;
}

/**
 * A finding with its code's severity. A value the message quotes is cut to its first hundred
 * characters (`shortenQuotes`): a cell holds up to 32 767, and one line a finding must stay a
 * line.
 */
export function finding(code: FindingCode, message: string, field: FieldPath | null): Finding {
  return { code, severity: RULES[code].severity, message: shortenQuotes(message), field };
}

/**
 * Values for a message, quoted and listed: the first three, then how many more.
 *
 * @example quoteList(["а", "б", "в", "г", "д"]) // "«а», «б», «в» и ещё 2"
 */
export function quoteList(values: readonly string[]): string {
  const shown = values
    .slice(0, LISTED)
    .map((value) => `«${value}»`)
    .join(", ");
  return values.length > LISTED ? `${shown} и ещё ${values.length - LISTED}` : shown;
}

const LISTED = 3;
/** The longest quoted value a message keeps whole. */
const QUOTED = 100;

/**
 * The message with each quoted value («…», quotes inside it included) longer than `QUOTED`
 * characters cut to its start and an ellipsis.
 *
 * @example shortenQuotes(`Категория «${"а".repeat(300)}» не из списка`) // "Категория «ааа…а…» не из списка" (100 «а»)
 */
export function shortenQuotes(message: string): string {
  if (message.length <= QUOTED) {
    return message;
  }
  let out = "";
  let at = 0;
  for (let open = message.indexOf("«"); open >= 0; open = message.indexOf("«", at)) {
    const close = matchingQuote(message, open);
    if (close < 0) {
      break;
    }
    const value = message.slice(open + 1, close);
    out += message.slice(at, open);
    out += value.length > QUOTED ? `«${cut(value, QUOTED)}…»` : `«${value}»`;
    at = close + 1;
  }
  return out + message.slice(at);
}

/** Where the quote opened at `open` closes, counting the quotes nested in it; -1 if never. */
function matchingQuote(message: string, open: number): number {
  let depth = 0;
  for (let i = open; i < message.length; i++) {
    if (message[i] === "«") {
      depth++;
    } else if (message[i] === "»" && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** The first `length` characters, not splitting a surrogate pair, without trailing spaces. */
function cut(text: string, length: number): string {
  const end = /[\uD800-\uDBFF]/.test(text[length - 1] ?? "") ? length - 1 : length;
  return text.slice(0, end).trimEnd();
}

import type { DiagnosticForm, Outcome, QualificationCategory, Raw, StaffCategory } from "./card.js";
import { isNothing, normalizeText, squash } from "./text.js";

/**
 * Readers of the card's closed lists: qualification category, form of diagnostics, category
 * of staff, outcome, done mark. Each takes a raw cell and gives the value, or null with the
 * text unread so a rule can report it.
 */

/** A reading of a closed list: the value, `empty`, or the text that is not on the list. */
export type Reading<T> =
  { kind: "value"; value: T } | { kind: "empty" } | { kind: "unknown"; text: string };

/** Russian names of the qualification categories, as the template's drop-down lists them. */
export const CATEGORY_NAMES: Record<QualificationCategory, string> = {
  highest: "высшая",
  first: "первая",
  conformity: "соответствие занимаемой должности",
  none: "без категории",
};

/**
 * A qualification category: «высшая», «первая», «СЗД» / «соответствие занимаемой
 * должности», and «без категории», «нет», «не имеет» for none. Text after a comma is
 * passed over (`высшая, 2021`).
 */
export function readCategory(value: Raw): Reading<QualificationCategory> {
  const text = textOf(value);
  if (text === null) {
    return { kind: "empty" };
  }
  if (isNothing(text)) {
    return { kind: "value", value: "none" };
  }

  const key = squash(text);
  if (/^(?:без|б\/?к|неимеет|отсутств)/.test(key) || key === "бк") {
    return { kind: "value", value: "none" };
  }
  if (/^высш/.test(key) || /^высш/.test(squash(text.split(/[,;(]/)[0] ?? ""))) {
    return { kind: "value", value: "highest" };
  }
  if (/^(?:перв|1)(?:ая|категор|кв|$)/.test(key)) {
    return { kind: "value", value: "first" };
  }
  if (/^(?:сзд|соответств)/.test(key)) {
    return { kind: "value", value: "conformity" };
  }
  return { kind: "unknown", text };
}

/** Russian names of the four forms of diagnostics (§2.1), as the template lists them. */
export const DIAGNOSTIC_FORM_NAMES: Record<DiagnosticForm, string> = {
  standardized: "на основании стандартизированных оценочных процедур",
  self: "самодиагностика на основании рефлексии профессиональной деятельности",
  results: "на основании результатов профессиональной деятельности",
  expert: "на основании экспертной оценки практической деятельности",
};

/**
 * The forms of diagnostics a cell names, one or several (split on commas, semicolons, line
 * breaks). Short words are enough: «самодиагностика», «экспертная оценка», «СОП», «ЕФОМ».
 */
export function readDiagnosticForms(value: Raw): {
  forms: DiagnosticForm[];
  unknown: string[];
} {
  const text = textOf(value);
  const forms: DiagnosticForm[] = [];
  const unknown: string[] = [];
  // «нет», «—»: the field is empty, which the rule of required fields reports once.
  if (text === null || isNothing(text)) {
    return { forms, unknown };
  }

  for (const part of text.split(/[;\n\r]+|,(?![^(]*\))/)) {
    const key = squash(part);
    if (key === "") {
      continue;
    }
    const form = FORM_PATTERNS.find(([pattern]) => pattern.test(key))?.[1];
    if (form === undefined) {
      unknown.push(part.trim());
    } else if (!forms.includes(form)) {
      forms.push(form);
    }
  }

  return { forms, unknown };
}

const FORM_PATTERNS: [RegExp, DiagnosticForm][] = [
  [/самодиагност|самоанализ|самооцен|рефлекс/, "self"],
  [/стандартизирован|сооп|^соп|ефом|оценочн(?:ых|ые)процедур|тестирован|цнппм/, "standardized"],
  [/эксперт/, "expert"],
  [/результат(?:ов|ы)?профессиональн|деятельностивоо|портфолио/, "results"],
];

/** Russian names of staff categories. */
export const STAFF_CATEGORY_NAMES: Record<StaffCategory, string> = {
  teacher: "педагог",
  manager: "управленческий кадр",
};

/** The template's «категория работника»: педагог or управленческий кадр. */
export function readStaffCategory(value: Raw): Reading<StaffCategory> {
  const text = textOf(value);
  if (text === null) {
    return { kind: "empty" };
  }

  const key = squash(text);
  if (/^(?:педагог|учител|воспитател|преподав)/.test(key)) {
    return { kind: "value", value: "teacher" };
  }
  if (/^(?:управлен|руководит|администрат|директор|заместит|завед)/.test(key)) {
    return { kind: "value", value: "manager" };
  }
  return { kind: "unknown", text };
}

/** Russian names of outcomes (§2.4). */
export const OUTCOME_NAMES: Record<Outcome, string> = {
  completed: "завершён успешно",
  extended: "продлён",
};

/** The template's «итог»: завершён успешно or продлён (§2.4). */
export function readOutcome(value: Raw): Reading<Outcome> {
  const text = textOf(value);
  if (text === null) {
    return { kind: "empty" };
  }

  const key = squash(text);
  if (/^(?:продл|пролонг)/.test(key)) {
    return { kind: "value", value: "extended" };
  }
  if (/^(?:заверш|успешн|выполнен|пройден)/.test(key)) {
    return { kind: "value", value: "completed" };
  }
  return { kind: "unknown", text };
}

/** What an activity's «отметка о выполнении» says. */
export type DoneMark = "done" | "not-done" | "in-progress";

/** Russian names of done marks, as the template's drop-down lists them. */
export const DONE_MARK_NAMES: Record<DoneMark, string> = {
  done: "выполнено",
  "not-done": "не выполнено",
  "in-progress": "в процессе",
};

/**
 * A done mark: «выполнено», «+», «да», «✓» are done; «не выполнено», «−», «нет», «перенесено»
 * are not done; «в процессе», «на проверке» are under way (QUIRKS.md, Done marks).
 */
export function readDoneMark(value: Raw): Reading<DoneMark> {
  if (value === true) {
    return { kind: "value", value: "done" };
  }
  if (value === false) {
    return { kind: "value", value: "not-done" };
  }
  const text = textOf(value);
  if (text === null) {
    return { kind: "empty" };
  }

  const key = normalizeText(text);
  const letters = squash(text);
  // «выполнено частично» is under way, not done: it asks for no result yet.
  if (/частичн|непол/.test(letters) && !/^не(?:выполн|провед)/.test(letters)) {
    return { kind: "value", value: "in-progress" };
  }
  if (
    /^[+✓✔☑v✅]+$/u.test(key) ||
    /^(?:да$|выполнен[оа]?|исполнено|сделано|пройден[оы]?|проведен[оа]?|участвовал[аи]?|завершен[оа]?)/.test(
      letters,
    )
  ) {
    return { kind: "value", value: "done" };
  }
  if (
    /^[-−–—✗✘x×]+$/u.test(key) ||
    /^(?:нет|невыполнен|неисполн|непройден|непроведен|неучаствовал|неприступ|перенесен|отменен|несостоял)/.test(
      letters,
    )
  ) {
    return { kind: "value", value: "not-done" };
  }
  if (/^(?:впроцессе|напроверке|выполняется|частично|вработе|начат|продолжается)/.test(letters)) {
    return { kind: "value", value: "in-progress" };
  }
  return { kind: "unknown", text };
}

/** The text of a cell, or null when the cell is empty. Numbers become their decimal form. */
export function textOf(value: Raw): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  const text = typeof value === "string" ? value.trim() : String(value);
  return text === "" ? null : text;
}

import type { Card, GeneralField, GeneralInfo } from "../card.js";
import { GENERAL_FIELD_NAMES } from "../card.js";
import { readDate } from "../dates.js";
import type { Finding } from "../finding.js";
import { finding, quoteList } from "../finding.js";
import { isNothing, normalizeText } from "../text.js";
import {
  readCategory,
  readDiagnosticForms,
  readOutcome,
  readStaffCategory,
  textOf,
} from "../vocabulary.js";
import type { RuleContext } from "./context.js";

/** Fields a card cannot go without. */
const REQUIRED: readonly GeneralField[] = ["fullName", "position", "diagnosticForms"];

/** Fields a card should have: the summary groups by ОО, the card asks for the rest. */
const EXPECTED: readonly GeneralField[] = ["education", "experience", "school"];

/**
 * The regulation's own card has no row for the school: the template adds it. Say what to add
 * and why, rather than send the methodist looking for a field the form does not have.
 */
const MISSING: Partial<Record<GeneralField, string>> = {
  school:
    "Не указана образовательная организация: впишите её в строку «Образовательная организация (ОО)» общих сведений (а если такой строки нет, добавьте её) — по ней сводка района группирует педагогов",
};

/**
 * Rules of «Общие сведения о педагоге»: required fields, template wording left in, phone and
 * e-mail formats, the closed lists (category, form of diagnostics, category of staff,
 * outcome) and the dates of attestation, diagnostics and approval.
 */
export function checkGeneral({ card, prompted }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const general = card.general;

  for (const field of prompted) {
    if (!REQUIRED.includes(field)) {
      findings.push(
        finding(
          "general.template-text",
          `В поле «${GENERAL_FIELD_NAMES[field]}» осталась подсказка шаблона: впишите значение или очистите поле`,
          path(field),
        ),
      );
    }
  }

  for (const field of REQUIRED) {
    const text = textOf(general[field]);
    if (text === null || isNothing(text)) {
      const message = prompted.has(field)
        ? `В обязательном поле «${GENERAL_FIELD_NAMES[field]}» осталась подсказка шаблона: заполните его`
        : `Не заполнено обязательное поле «${GENERAL_FIELD_NAMES[field]}»`;
      findings.push(finding("general.required", message, path(field)));
    }
  }
  for (const field of EXPECTED) {
    if (textOf(general[field]) === null) {
      findings.push(
        finding(
          "general.missing",
          MISSING[field] ?? `Не заполнено поле «${GENERAL_FIELD_NAMES[field]}»`,
          path(field),
        ),
      );
    }
  }

  findings.push(...checkContacts(general.phone, general.email));
  findings.push(...checkLists(card.general));
  findings.push(...checkDates(card.general));
  return findings;
}

function checkContacts(phone: unknown, email: unknown): Finding[] {
  const findings: Finding[] = [];

  // Messages never quote the phone or the e-mail: they are personal data (DESIGN.md, Privacy).
  const phoneText =
    typeof phone === "number" ? String(phone) : typeof phone === "string" ? phone : "";
  if (phoneText.trim() !== "" && !isNothing(phoneText)) {
    const numbers = phoneText.split(/[,;]|\s{2,}/).filter((part) => /\d/.test(part));
    if (numbers.length === 0 || !numbers.every(isMobilePhone)) {
      findings.push(
        finding(
          "general.phone",
          "Мобильный телефон записан не по образцу: нужно 11 цифр, например +7 913 123-45-67 или 8 913 123-45-67",
          "general.phone",
        ),
      );
    }
  }

  const emailText = typeof email === "string" ? email.trim() : "";
  if (emailText !== "" && !isNothing(emailText)) {
    const addresses = emailText.split(/[,;\s]+/).filter((part) => part !== "");
    if (!addresses.every((address) => EMAIL.test(address))) {
      findings.push(
        finding(
          "general.email",
          "Адрес электронной почты записан не по образцу: нужно имя@домен, например ivanova@school.ru",
          "general.email",
        ),
      );
    }
  }
  return findings;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[\p{L}]{2,}$/u;

/** A Russian mobile number: +7 or 8, then 9 and nine more digits; or the ten digits alone. */
function isMobilePhone(text: string): boolean {
  const digits = text.replace(/\D/g, "");
  return /^[78]9\d{9}$/.test(digits) || /^9\d{9}$/.test(digits);
}

function checkLists(general: RuleContext["card"]["general"]): Finding[] {
  const findings: Finding[] = [];

  const category = readCategory(general.category);
  if (category.kind === "unknown") {
    findings.push(
      finding(
        "general.category",
        `Квалификационная категория «${category.text}» не из списка: высшая, первая, соответствие занимаемой должности, без категории`,
        "general.category",
      ),
    );
  }

  const forms = readDiagnosticForms(general.diagnosticForms);
  if (forms.unknown.length > 0) {
    findings.push(
      finding(
        "general.diagnostic-form",
        `Форма оценки профдефицитов ${quoteList(forms.unknown)} не из списка §2.1: стандартизированные оценочные процедуры, самодиагностика, результаты профессиональной деятельности, экспертная оценка`,
        "general.diagnosticForms",
      ),
    );
  }

  const staff = readStaffCategory(general.staffCategory);
  if (staff.kind === "unknown") {
    findings.push(
      finding(
        "general.staff-category",
        `Категория работника «${staff.text}» не из списка: педагог, управленческий кадр`,
        "general.staffCategory",
      ),
    );
  }

  const outcome = readOutcome(general.outcome);
  if (outcome.kind === "unknown") {
    findings.push(
      finding(
        "general.outcome",
        `Итог ИОМ «${outcome.text}» не из списка §2.4: завершён успешно, продлён`,
        "general.outcome",
      ),
    );
  }
  return findings;
}

function checkDates(general: RuleContext["card"]["general"]): Finding[] {
  const findings: Finding[] = [];

  for (const field of ["attestationDate", "approvedOn"] as const) {
    // «нет», «—», «не имеет»: a young teacher has no attestation yet, and the card is valid.
    const text = textOf(general[field]);
    if (text !== null && isNothing(text)) {
      continue;
    }
    const reading = readDate(general[field]);
    const name = GENERAL_FIELD_NAMES[field];
    if (reading.kind === "placeholder") {
      findings.push(
        finding(
          "date.placeholder",
          `В поле «${name}» стоит «${reading.text}» — это не дата, а условная отметка: укажите дату или очистите поле`,
          path(field),
        ),
      );
    } else if (reading.kind === "unreadable" || reading.kind === "relative") {
      findings.push(
        finding(
          "date.unreadable",
          `Поле «${name}»: «${textOf(general[field])}» не удаётся прочитать как дату; запишите ДД.ММ.ГГГГ`,
          path(field),
        ),
      );
    }
  }

  // «Дата прохождения оценки / платформа» mixes a date and a platform's name; only a
  // placeholder date in it is a finding (one regional platform writes 01.01.1000).
  const diagnostic = textOf(general.diagnosticDate);
  if (diagnostic !== null) {
    const placeholder = diagnostic
      .split(/[,;\n]|\s\/\s/)
      .map((part) => readDate(part))
      .find((reading) => reading.kind === "placeholder");
    if (placeholder?.kind === "placeholder") {
      findings.push(
        finding(
          "date.placeholder",
          `В поле «${GENERAL_FIELD_NAMES.diagnosticDate}» стоит «${placeholder.text}» — это не дата, а условная отметка: укажите дату оценки`,
          "general.diagnosticDate",
        ),
      );
    }
  }
  return findings;
}

/**
 * General fields whose value is a blank form's prompt left in: «наименование ОО», «ФИО»,
 * «(указать)», or the field's own label typed again («Сроки» beside «Сроки ИОМ»). The rules
 * treat those fields as empty, so that a prompt is reported once, as such.
 *
 * @example promptedFields({ ...general, school: "наименование образовательной организации" }) // Set { "school" }
 */
export function promptedFields(general: GeneralInfo): Set<GeneralField> {
  const fields = new Set<GeneralField>();
  for (const field of Object.keys(general) as GeneralField[]) {
    const text = textOf(general[field]);
    if (text !== null && isPrompt(text, field)) {
      fields.add(field);
    }
  }
  return fields;
}

/** The card with its prompted general fields emptied. */
export function withoutPrompts(card: Card, prompted: ReadonlySet<GeneralField>): Card {
  if (prompted.size === 0) {
    return card;
  }
  const general = { ...card.general };
  for (const field of prompted) {
    general[field] = null;
  }
  return { ...card, general };
}

function isPrompt(text: string, field: GeneralField): boolean {
  const key = normalizeText(text)
    .replace(/[()[\]<>:]/g, "")
    .trim();
  if (PROMPT.test(key)) {
    return true;
  }
  // The field's own label: a prompt when it is the label's first words, three letters or more.
  const label = normalizeText(GENERAL_FIELD_NAMES[field]).replace(/[()[\]<>:,/]/g, " ");
  const words = label.split(/\s+/).filter(Boolean).join(" ");
  return key.length >= 3 && (words === key || words.startsWith(`${key} `));
}

const PROMPT =
  /^(?:наименование\s+(?:образовательной\s+организации|оо)|фио(?:\s+педагога)?|указать|укажите|введите|выберите|заполнить|дд\.мм\.гггг|ф\.и\.о\.?)$/;

function path(field: GeneralField): string {
  return `general.${field}`;
}

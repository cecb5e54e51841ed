/**
 * Builders of cards for the tests. They live here, outside `lib`, so that they are never
 * compiled into the package. Every person in them is invented.
 */
import type {
  Card,
  CardInput,
  DiagnosticRow,
  PlanItem,
  Raw,
  ResultCell,
} from "../lib/domain/card.js";
import { CardSchema } from "../lib/domain/card.js";
import type { Finding, FindingCode } from "../lib/domain/finding.js";
import type { ValidateOptions } from "../lib/domain/validate.js";
import { validateCard } from "../lib/domain/validate.js";

/** The personal data of the clean card: no message may quote any of it. */
export const PERSON = {
  fullName: "Кузнецова Дарья Олеговна",
  surname: "Кузнецова",
  phone: "+7 983 555-12-34",
  phoneDigits: "9835551234",
  email: "d.kuznetsova@turochak-school.ru",
  mentor: "Смирнова Ольга Викторовна",
} as const;

/** The day the clean card is judged as of: after its route, at the final stage. */
export const AS_OF = new Date(2026, 5, 15);

/** A result cell of a diagnostics row. */
export type ResultInput = Raw | ResultCell;

/**
 * A diagnostics row: the competency and its result cells by slot.
 *
 * @example row("Методическая компетенция", { high: "55%" })
 */
export function row(
  competency: Raw,
  results: Partial<Record<"low" | "medium" | "high" | "single", ResultInput>> = {},
  extra: Partial<Pick<DiagnosticRow, "difficulties" | "note">> = {},
): DiagnosticRow {
  const cells: DiagnosticRow["results"] = {};
  for (const [slot, value] of Object.entries(results) as [keyof typeof results, ResultInput][]) {
    cells[slot] = isCell(value) ? value : { value };
  }
  return { competency, difficulties: null, note: null, ...extra, results: cells };
}

/**
 * A plan row; fields left out are empty.
 *
 * @example item({ activity: "Курсы ПК", competencies: "Методическая", period: "октябрь 2025" })
 */
export function item(fields: Partial<PlanItem>): PlanItem {
  return {
    level: null,
    activity: null,
    competencies: null,
    period: null,
    done: null,
    reason: null,
    result: null,
    ...fields,
  };
}

/**
 * A card with everything a finished route has, filled right: validating it as of `AS_OF`
 * gives no finding. Each call returns a fresh object that a test may change.
 */
export function cleanCard(): Card {
  return CardSchema.parse(cleanInput());
}

/**
 * The clean card after `edit`, parsed again through the schema.
 *
 * @example buildCard((card) => { card.general.phone = "12-34-56"; })
 */
export function buildCard(edit: (card: Card) => void = () => {}): Card {
  const card = cleanCard();
  edit(card);
  return CardSchema.parse(card);
}

/** The findings of a card as of `AS_OF` (unless the options say otherwise). */
export function findingsOf(card: Card, options: ValidateOptions = {}): Finding[] {
  return validateCard(card, { asOf: AS_OF, ...options });
}

/** The codes of findings, in order. */
export function codesOf(findings: readonly Finding[]): FindingCode[] {
  return findings.map((f) => f.code);
}

/** The findings of one code. */
export function withCode(findings: readonly Finding[], code: FindingCode): Finding[] {
  return findings.filter((f) => f.code === code);
}

function cleanInput(): CardInput {
  return {
    general: {
      fullName: PERSON.fullName,
      education: "Высшее, ГАГУ, учитель математики и информатики",
      position: "Учитель математики",
      experience: "12 лет",
      category: "первая",
      attestationDate: "15.03.2022",
      courses: "«Реализация требований обновлённых ФГОС ООО», 36 ч, 2024",
      title: null,
      awards: "Почётная грамота Управления образования, 2023",
      diagnosticForms: "самодиагностика на основании рефлексии профессиональной деятельности",
      diagnosticDate: "25.08.2025 / платформа ЦНППМ",
      phone: PERSON.phone,
      email: PERSON.email,
      extra: null,
      school: "МБОУ «Турочакская СОШ им. Я. И. Баляева»",
      municipality: "Турочакский район",
      staffCategory: "педагог",
      routeStart: "01.09.2025",
      routeEnd: "31.05.2026",
      routePeriod: null,
      mentor: PERSON.mentor,
      approvedOn: "01.09.2025",
      outcome: "завершён успешно",
    },
    entry: [
      row("Предметная компетенция", { low: "85%" }),
      row("Методическая компетенция", { high: "55%" }, { difficulties: "Проектирование урока" }),
      row("Психолого-педагогическая компетенция", { low: "−", medium: "−", high: "−" }),
      row("ИКТ-компетенции", { medium: "+" }, { difficulties: "Цифровые образовательные ресурсы" }),
    ],
    plan: [
      item({
        level: "Личностный уровень (заполняется педагогом)",
        activity: "Изучение методических рекомендаций по конструированию урока",
        competencies: "Методическая компетенция",
        period: "сентябрь 2025",
        done: "выполнено",
        result: "Конспект, технологическая карта урока",
      }),
      item({
        level: "Уровень ОО (заполняется учителем совместно с администрацией ОО)",
        activity: "Посещение уроков наставника",
        competencies: "Методическая; ИКТ",
        period: "октябрь–ноябрь 2025",
        done: "+",
        result: "Анализ посещённых уроков",
      }),
      item({
        level: "Муниципальный уровень",
        activity: "Семинар РМО «Цифровые инструменты учителя»",
        competencies: "ИКТ-компетенции",
        period: "15.01.2026",
        done: "выполнено",
        result: "Выступление на РМО, январь 2026",
      }),
    ],
    finalEvent: {
      activity: "Открытый урок с использованием цифровых ресурсов",
      level: "Уровень ОО",
      period: "20.05.2026",
      reflection: "Урок показал рост методической и ИКТ-компетенций",
    },
    final: {
      rows: [
        row("Методическая компетенция", { low: "85%" }),
        row("ИКТ-компетенции", { medium: "−" }),
      ],
      endDate: "31.05.2026",
      teacher: PERSON.fullName,
      mentor: PERSON.mentor,
      conclusions: "Наиболее эффективны посещение уроков наставника и семинар РМО",
    },
  };
}

function isCell(value: ResultInput): value is ResultCell {
  return typeof value === "object" && value !== null;
}

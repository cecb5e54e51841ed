import * as z from "zod";

/**
 * The card of an individual educational route (ИОМ): Appendix 1 of the regulation with the
 * template's additions (DESIGN.md, The card).
 *
 * The card keeps what its author typed: every field is the raw value of a cell, so that a
 * rule can say what is wrong with it. The readers beside this file (`classifyDeficit`,
 * `readDate`, `readCategory`, …) interpret those values.
 */

/** The raw value of a cell: text, a number (dates as Excel serials of the 1900 system), a boolean, or empty. */
export const RawSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Raw = z.infer<typeof RawSchema>;

/** The five levels of the route's activities (Appendix 1, «Карта профессионального развития»). */
export const RouteLevelSchema = z.enum(["personal", "school", "municipal", "regional", "federal"]);
export type RouteLevel = z.infer<typeof RouteLevelSchema>;

/** The three level columns of a diagnostics row (81–100 %, 61–80 %, less than 60 %). */
export const DeficitColumnSchema = z.enum(["low", "medium", "high"]);
export type DeficitColumn = z.infer<typeof DeficitColumnSchema>;

/**
 * A level of deficit: a band, `present` for «+» in no level column, `absent` for «−».
 * «Низкий» (minimal) is the good one (§2.1).
 */
export const DeficitLevelSchema = z.enum(["low", "medium", "high", "present", "absent"]);
export type DeficitLevel = z.infer<typeof DeficitLevelSchema>;

/** The four forms of assessing deficits (§2.1, after the Ministry's order Р-201). */
export const DiagnosticFormSchema = z.enum(["standardized", "self", "results", "expert"]);
export type DiagnosticForm = z.infer<typeof DiagnosticFormSchema>;

/** Qualification categories; `none` is a valid answer (a young teacher has none). */
export const QualificationCategorySchema = z.enum(["highest", "first", "conformity", "none"]);
export type QualificationCategory = z.infer<typeof QualificationCategorySchema>;

/** The template's «категория работника»: the regulation's педагогические работники и управленческие кадры. */
export const StaffCategorySchema = z.enum(["teacher", "manager"]);
export type StaffCategory = z.infer<typeof StaffCategorySchema>;

/** The template's «итог» (§2.4): successful completion or extension of the route. */
export const OutcomeSchema = z.enum(["completed", "extended"]);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** A result cell of a diagnostics row; `percentFormat` when the cell shows its number as %. */
export const ResultCellSchema = z.object({
  value: RawSchema,
  percentFormat: z.boolean().optional(),
  /**
   * The column speaks of the level of mastery («Уровень сформированности»), not of deficit:
   * its «высокий» is a low deficit.
   */
  mastery: z.boolean().optional(),
});
export type ResultCell = z.infer<typeof ResultCellSchema>;

/**
 * One row of entry or final diagnostics. A result stands in one of the three level columns,
 * or in `single` where the layout has one result column (a sign «+» there is a deficit of no
 * stated level).
 */
export const DiagnosticRowSchema = z.object({
  competency: RawSchema,
  difficulties: RawSchema.default(null),
  results: z
    .object({
      low: ResultCellSchema.optional(),
      medium: ResultCellSchema.optional(),
      high: ResultCellSchema.optional(),
      single: ResultCellSchema.optional(),
    })
    .default({}),
  note: RawSchema.default(null),
});
export type DiagnosticRow = z.infer<typeof DiagnosticRowSchema>;

/** «Общие сведения о педагоге» with the template's additions. */
export const GeneralInfoSchema = z.object({
  fullName: RawSchema.default(null),
  education: RawSchema.default(null),
  position: RawSchema.default(null),
  experience: RawSchema.default(null),
  category: RawSchema.default(null),
  attestationDate: RawSchema.default(null),
  courses: RawSchema.default(null),
  title: RawSchema.default(null),
  awards: RawSchema.default(null),
  diagnosticForms: RawSchema.default(null),
  diagnosticDate: RawSchema.default(null),
  phone: RawSchema.default(null),
  email: RawSchema.default(null),
  extra: RawSchema.default(null),
  // The template's additions (DESIGN.md).
  school: RawSchema.default(null),
  municipality: RawSchema.default(null),
  staffCategory: RawSchema.default(null),
  routeStart: RawSchema.default(null),
  routeEnd: RawSchema.default(null),
  /** The route's period in one cell, as hand-made cards write it: «с 01.09.2025 по 31.05.2026». */
  routePeriod: RawSchema.default(null),
  mentor: RawSchema.default(null),
  approvedOn: RawSchema.default(null),
  outcome: RawSchema.default(null),
});
export type GeneralInfo = z.infer<typeof GeneralInfoSchema>;
export type GeneralField = keyof GeneralInfo;

/** A row of «Карта профессионального развития». */
export const PlanItemSchema = z.object({
  /** The level the row stands under, as written («Уровень ОО (заполняется …)»). */
  level: RawSchema.default(null),
  activity: RawSchema.default(null),
  competencies: RawSchema.default(null),
  period: RawSchema.default(null),
  done: RawSchema.default(null),
  reason: RawSchema.default(null),
  result: RawSchema.default(null),
});
export type PlanItem = z.infer<typeof PlanItemSchema>;

/** «Заключительное мероприятие». */
export const FinalEventSchema = z.object({
  activity: RawSchema.default(null),
  level: RawSchema.default(null),
  period: RawSchema.default(null),
  reflection: RawSchema.default(null),
});
export type FinalEvent = z.infer<typeof FinalEventSchema>;

/** «Результаты итоговой диагностики» and what closes the card. */
export const FinalSectionSchema = z.object({
  rows: z.array(DiagnosticRowSchema).default([]),
  endDate: RawSchema.default(null),
  teacher: RawSchema.default(null),
  mentor: RawSchema.default(null),
  conclusions: RawSchema.default(null),
});
export type FinalSection = z.infer<typeof FinalSectionSchema>;

/**
 * The whole card. Every part has a default, so `CardSchema.parse({})` is an empty card.
 *
 * @example CardSchema.parse({ general: { fullName: "Иванова Анна Петровна" } })
 */
export const CardSchema = z.object({
  general: GeneralInfoSchema.default(GeneralInfoSchema.parse({})),
  entry: z.array(DiagnosticRowSchema).default([]),
  plan: z.array(PlanItemSchema).default([]),
  finalEvent: FinalEventSchema.default(FinalEventSchema.parse({})),
  final: FinalSectionSchema.default(FinalSectionSchema.parse({})),
});
export type Card = z.infer<typeof CardSchema>;
export type CardInput = z.input<typeof CardSchema>;

/** The path of a field of a card, for findings: `general.phone`, `entry.3.high`, `plan.2.period`. */
export type FieldPath = string;

/** The card's wording of each general field, for messages and the template (Appendix 1). */
export const GENERAL_FIELD_NAMES: Record<GeneralField, string> = {
  fullName: "ФИО педагога",
  education: "Образование, специализация в соответствии с дипломом",
  position: "Занимаемая должность",
  experience: "Педагогический стаж",
  category: "Квалификационная категория",
  attestationDate: "Дата прохождения аттестации",
  courses: "Курсы ПК (за последние 3 года)",
  title: "Звание",
  awards: "Награды, поощрения",
  diagnosticForms: "Форма прохождения оценки профессиональных дефицитов",
  diagnosticDate: "Дата прохождения оценки профкомпетенций / платформа",
  phone: "Мобильный телефон",
  email: "Адрес электронной почты",
  extra: "Дополнительные сведения",
  school: "Образовательная организация (ОО)",
  municipality: "Муниципалитет",
  staffCategory: "Категория работника",
  routeStart: "Начало ИОМ",
  routeEnd: "Окончание ИОМ",
  routePeriod: "Сроки ИОМ",
  mentor: "Наставник / куратор",
  approvedOn: "Дата утверждения ИОМ руководителем ОО",
  outcome: "Итог ИОМ",
};

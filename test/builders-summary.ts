/**
 * Builders for the district summary's tests: short cards, located findings, and fast-check
 * arbitraries of card records. Every person in them is invented.
 */
import fc from "fast-check";

import type { Card, FinalEvent, GeneralInfo, PlanItem, Raw } from "../lib/domain/card.js";
import { CardSchema } from "../lib/domain/card.js";
import type { FindingCode } from "../lib/domain/finding.js";
import { RULES } from "../lib/domain/finding.js";
import type { SummaryFinding, SummaryInput } from "../lib/domain/summary.js";
import type { Anonymize } from "../lib/domain/summary-teacher.js";

/** Result cells of a diagnostics row by slot. */
export type Results = Partial<Record<"low" | "medium" | "high" | "single", Raw>>;

/** A card in short: general fields, diagnostics rows as [competency, results], plan rows. */
export interface CardSketch {
  general?: Partial<GeneralInfo>;
  entry?: [Raw, Results][];
  plan?: Partial<PlanItem>[];
  finalEvent?: Partial<FinalEvent>;
  final?: [Raw, Results][];
  endDate?: Raw;
  conclusions?: Raw;
}

/**
 * A card from its sketch, through the schema.
 *
 * @example sketchCard({ general: { fullName: "Иванова Анна Петровна" }, entry: [["Методическая", { high: "55%" }]] })
 */
export function sketchCard(sketch: CardSketch): Card {
  return CardSchema.parse({
    general: sketch.general ?? {},
    entry: (sketch.entry ?? []).map(diagnosticRow),
    plan: sketch.plan ?? [],
    finalEvent: sketch.finalEvent ?? {},
    final: {
      rows: (sketch.final ?? []).map(diagnosticRow),
      endDate: sketch.endDate ?? null,
      conclusions: sketch.conclusions ?? null,
    },
  });
}

/** A card record as the reader gives it, the ФИО read from B3. */
export function cardRecord(
  file: string,
  sheet: string,
  card: Card,
  findings: SummaryFinding[] = [],
): SummaryInput {
  return { file, sheet, card, findings, sources: new Map([["general.fullName", "B3"]]) };
}

/** A finding at a cell, with its code's severity. */
export function located(
  code: FindingCode,
  file: string,
  sheet: string | null,
  cell: string | null,
  message = `Замечание ${code}`,
): SummaryFinding {
  return { file, sheet, cell, severity: RULES[code].severity, code, message };
}

/**
 * A stand-in for the CLI's keyed hash: the same key gives the same pseudonym. Not secure; for
 * tests only.
 */
export function testAnonymizer(key: string): Anonymize {
  return (kind, value) => {
    if (kind === "school") {
      return value;
    }
    let hash = 2166136261;
    for (const char of `${key}\u0000${kind}\u0000${value}`) {
      hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619) >>> 0;
    }
    const prefix = kind === "name" ? "Педагог" : kind === "file" ? "файл" : "лист";
    return `${prefix}-${hash.toString(16).padStart(8, "0")}`;
  };
}

/** Names the arbitraries use: spellings of one person, and others. */
export const NAMES = [
  "Иванова Анна Петровна",
  "иванова  анна петровна",
  "Иванова Анна Пётровна",
  "Петров Илья Сергеевич",
  "Сидорова Мария Ивановна",
  null,
] as const;

/** Phones and e-mails of the arbitraries: no summary may hold them. */
export const CONTACTS = { phone: "+7 913 555-44-33", email: "secret.teacher@example.ru" } as const;

const SCHOOLS = ["МБОУ «Турочакская СОШ»", "МБОУ Турочакская СОШ", "МБОУ «Дмитриевская СОШ»", null];

const COMPETENCY_NAMES = [
  "Предметная компетенция",
  "Методическая",
  "ИКТ",
  "Функциональная грамотность",
  "Читательская грамотность",
  "Управленческая компетенция",
  "Правовая",
  "Иное (указать): наставничество",
  "Иное: Наставничество",
  "Коммуникативная",
];

const RESULTS: Raw[] = ["55%", "70%", "85%", 0.9, 60, "+", "-", "отлично", null];

const LEVEL_LABELS = [
  "Личностный уровень (заполняется педагогом)",
  "Уровень ОО",
  "Муниципальный уровень",
  "Региональный",
  "Федеральный уровень",
  "Сетевой уровень",
  null,
];

const ROUTES: [Raw, Raw][] = [
  ["01.09.2025", "31.05.2026"],
  ["01.09.2024", "31.05.2025"],
  ["01.12.2024", "06.12.2025"],
  ["01.10.2025", "30.04.2026"],
  [null, null],
];

const diagnosticArbitrary = fc.tuple(
  fc.constantFrom(...COMPETENCY_NAMES),
  fc.constantFrom("low", "medium", "high", "single"),
  fc.constantFrom(...RESULTS),
);

const planArbitrary = fc.record({
  level: fc.constantFrom(...LEVEL_LABELS),
  activity: fc.constantFrom(
    "Курсы ПК «Управление ОО»",
    "курсы ПК «Управление  ОО»",
    "Семинар РМО",
    "Посещение уроков наставника",
    null,
  ),
  competencies: fc.constantFrom(
    "Методическая; ИКТ",
    "Функциональная грамотность",
    "Правовая",
    null,
  ),
  period: fc.constantFrom("сентябрь 2025", "декабрь 2025", "март 2025", "в течение года", null),
  done: fc.constantFrom(null, "выполнено", "не выполнено", "в процессе", "может быть"),
  reason: fc.constantFrom(null, "болезнь", "Болезнь.", "нет мест"),
});

const findingArbitrary = fc.record({
  code: fc.constantFrom<FindingCode>("general.required", "plan.overdue", "deficit.unreadable"),
  cell: fc.constantFrom("B3", "C10", "AA2", "D4", null),
});

/** A random card record; `index` makes its file and sheet unique in a list. */
export function recordArbitrary(index: number): fc.Arbitrary<SummaryInput> {
  return fc
    .record({
      name: fc.constantFrom(...NAMES),
      school: fc.constantFrom(...SCHOOLS),
      position: fc.constantFrom("учитель", "директор", "заместитель директора по УВР", null),
      staffCategory: fc.constantFrom("педагог", "управленческий кадр", "техперсонал", null),
      mentor: fc.constantFrom("Петрова Н. И.", "петрова н.и.", "Орлова Е. В.", null),
      route: fc.constantFrom(...ROUTES),
      approvedOn: fc.constantFrom(null, "05.09.2025"),
      outcome: fc.constantFrom(null, "завершён успешно", "продлён"),
      entry: fc.array(diagnosticArbitrary, { maxLength: 5 }),
      plan: fc.array(planArbitrary, { maxLength: 4 }),
      // Final rows mostly name a competency of the entry rows, so that changes happen.
      final: fc.array(
        fc.tuple(fc.nat(), fc.constantFrom("low", "medium", "single"), fc.constantFrom(...RESULTS)),
        { maxLength: 3 },
      ),
      findings: fc.array(findingArbitrary, { maxLength: 3 }),
    })
    .map((r) => {
      const file = `школа-${index % 3}.xlsx`;
      const sheet = `Лист${index}`;
      const card = sketchCard({
        general: {
          fullName: r.name,
          school: r.school,
          position: r.position,
          staffCategory: r.staffCategory,
          mentor: r.mentor,
          routeStart: r.route[0],
          routeEnd: r.route[1],
          approvedOn: r.approvedOn,
          outcome: r.outcome,
          phone: CONTACTS.phone,
          email: CONTACTS.email,
        },
        entry: r.entry.map(([competency, slot, value]) => [competency, { [slot]: value }]),
        plan: r.plan,
        final: r.final.map(([pick, slot, value]) => [
          r.entry[pick % Math.max(r.entry.length, 1)]?.[0] ?? COMPETENCY_NAMES[pick % 10]!,
          { [slot]: value },
        ]),
      });
      return cardRecord(
        file,
        sheet,
        card,
        r.findings.map((f) => located(f.code, file, sheet, f.cell)),
      );
    });
}

/** A card record with the part (0–3) it is summarized in and its rank there. */
export interface SlottedRecord {
  record: SummaryInput;
  part: number;
  rank: number;
}

/** A list of random card records, each with a part to be summarized in and a rank. */
export const recordsArbitrary: fc.Arbitrary<SlottedRecord[]> = fc
  .array(fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 1000 })), { maxLength: 14 })
  .chain((slots) =>
    fc.tuple(...slots.map((_, index) => recordArbitrary(index))).map((records) =>
      records.map((record, index) => ({
        record,
        part: slots[index]![0],
        rank: slots[index]![1],
      })),
    ),
  );

function diagnosticRow([competency, results]: [Raw, Results]) {
  return {
    competency,
    results: Object.fromEntries(Object.entries(results).map(([slot, value]) => [slot, { value }])),
  };
}

/** The as-of day of the small district. */
export const DISTRICT_AS_OF = "2025-11-16";

export const SCHOOL_A = "МБОУ «Турочакская СОШ»";
export const SCHOOL_B = "МБОУ «Дмитриевская СОШ»";

/**
 * A small district of two ОО, five cards and a broken file, as of 16.11.2025:
 * - Иванова (ОО A): implementation, one activity done, one overdue, one not done, one due
 *   later; her older card (another file, ОО spelled without quotes) is a duplicate;
 * - Сидоров (ОО A): директор with no «категория работника», final stage, both deficits
 *   eliminated, route ending on 06.12.2025 (in 20 days);
 * - Кузьмина (ОО B): development, with an «Иное» deficit;
 * - Орлов (ОО B): управленческий кадр, diagnostic stage.
 */
export function districtRecords(): SummaryInput[] {
  return [
    cardRecord(
      "turochak.xlsx",
      "Иванова",
      sketchCard({
        general: {
          fullName: "Иванова Анна Петровна",
          school: SCHOOL_A,
          municipality: "Турочакский район",
          position: "учитель математики",
          staffCategory: "педагог",
          category: "первая",
          mentor: "Петрова Н. И.",
          routeStart: "01.09.2025",
          routeEnd: "31.05.2026",
          approvedOn: "05.09.2025",
          phone: CONTACTS.phone,
          email: CONTACTS.email,
        },
        entry: [
          ["Предметная компетенция", { low: "85%" }],
          ["Методическая компетенция", { high: "55%" }],
          ["ИКТ-компетенции", { medium: "+" }],
          ["Математическая грамотность", { medium: "70%" }],
        ],
        plan: [
          {
            level: "Личностный уровень (заполняется педагогом)",
            activity: "Изучение методических материалов",
            competencies: "Методическая",
            period: "сентябрь 2025",
            done: "выполнено",
            result: "Конспект",
          },
          {
            level: "Уровень ОО",
            activity: "Посещение уроков коллег",
            competencies: "Методическая; ИКТ",
            period: "октябрь 2025",
          },
          {
            level: "Муниципальный уровень",
            activity: "Семинар РМО по функциональной грамотности",
            competencies: "Функциональная грамотность",
            period: "декабрь 2025",
          },
          {
            level: "Региональный уровень",
            activity: "Курсы ПК «Цифровая школа»",
            competencies: "ИКТ",
            period: "ноябрь 2025",
            done: "не выполнено",
            reason: "нет мест на курсах",
          },
        ],
      }),
      [located("plan.overdue", "turochak.xlsx", "Иванова", "E20")],
    ),
    cardRecord(
      "turochak-old.xlsx",
      "Лист1",
      sketchCard({
        general: {
          fullName: "Иванова  Анна Петровна",
          school: "МБОУ Турочакская СОШ",
          position: "учитель",
          routeStart: "01.09.2024",
          routeEnd: "31.05.2025",
        },
        entry: [["Методическая", { high: "50%" }]],
      }),
      [located("general.required", "turochak-old.xlsx", "Лист1", "B5")],
    ),
    cardRecord(
      "turochak.xlsx",
      "Сидоров",
      sketchCard({
        general: {
          fullName: "Сидоров Павел Ильич",
          school: SCHOOL_A,
          position: "директор",
          routeStart: "01.12.2024",
          routeEnd: "06.12.2025",
          approvedOn: "02.12.2024",
          outcome: "завершён успешно",
        },
        entry: [
          ["Управленческая компетенция", { high: "50%" }],
          ["Правовая компетенция", { single: "+" }],
        ],
        plan: [
          {
            level: "Региональный уровень",
            activity: "Курсы ПК «Управление ОО»",
            competencies: "Управленческая",
            period: "март 2025",
            done: "выполнено",
            result: "Удостоверение",
          },
          {
            level: "Муниципальный уровень",
            activity: "Семинар по нормативно-правовой базе",
            competencies: "Правовая",
            period: "апрель 2025",
            done: "да",
            result: "Выступление",
          },
        ],
        finalEvent: { activity: "Доклад на педсовете", level: "Уровень ОО", period: "ноябрь 2025" },
        final: [
          ["Управленческая компетенция", { low: "85%" }],
          ["Правовая компетенция", { single: "-" }],
        ],
        conclusions: "Курсы ПК оказались полезны",
      }),
    ),
    cardRecord(
      "dmitrievka.xlsx",
      "Карта ИОМ",
      sketchCard({
        general: {
          fullName: "Кузьмина Ольга Сергеевна",
          school: SCHOOL_B,
          position: "учитель начальных классов",
          staffCategory: "педагог",
          mentor: "Орлова Е. В.",
          routePeriod: "2025/2026",
        },
        entry: [
          ["Методическая компетенция", { medium: "65%" }],
          ["Читательская грамотность", { high: "40%" }],
          ["Иное (указать): наставничество", { high: "+" }],
        ],
        plan: [
          {
            level: "Муниципальный уровень",
            activity: "Семинар РМО «Смысловое чтение»",
            competencies: "Читательская грамотность",
            period: "январь 2026",
          },
        ],
      }),
      [located("general.missing", "dmitrievka.xlsx", "Карта ИОМ", "B4")],
    ),
    cardRecord(
      "dmitrievka.xlsx",
      "Лист2",
      sketchCard({
        general: {
          fullName: "Орлов Игорь Викторович",
          school: SCHOOL_B,
          position: "заместитель директора по УВР",
          staffCategory: "управленческий кадр",
          mentor: "Орлова Е. В., заместитель директора по УВР",
          routeStart: "01.10.2025",
          routeEnd: "30.04.2026",
        },
        entry: [
          ["Управленческая компетенция", { medium: "75%" }],
          ["Правовая компетенция", { low: "90%" }],
        ],
      }),
    ),
  ];
}

/** The district's file that could not be read. */
export const BROKEN_FILE = located(
  "file.unreadable",
  "broken.xlsx",
  null,
  null,
  "Файл не прочитать: это не книга .xlsx",
);

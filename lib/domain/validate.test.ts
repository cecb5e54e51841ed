import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  AS_OF,
  buildCard,
  cleanCard,
  codesOf,
  findingsOf,
  item,
  PERSON,
  row,
  withCode,
} from "../../test/builders.js";
import type { Card } from "./card.js";
import { CardSchema } from "./card.js";
import { parseConfig } from "./config.js";
import type { Finding, FindingCode } from "./finding.js";
import { RULES } from "./finding.js";
import type { ValidateOptions } from "./validate.js";
import { validateCard } from "./validate.js";

/**
 * The codes `validateCard` emits: file and cell findings come from the xlsx and sheet layers,
 * summary findings from `summarize` (tested beside it).
 */
type DomainCode = Exclude<FindingCode, `file.${string}` | `cell.${string}` | `summary.${string}`>;

interface Case {
  /** What the triggering card has. */
  trigger: string;
  edit: (card: Card) => void;
  options?: ValidateOptions;
  /** The field the finding points at. */
  field: string | null;
  /** A close card that must not have it. */
  near: string;
  nearEdit: (card: Card) => void;
  nearOptions?: ValidateOptions;
}

const COMMUNICATIVE = parseConfig({
  competencies: [{ id: "communicative", name: "Коммуникативная компетенция" }],
});

const UNDER_WAY = (card: Card): void => {
  card.finalEvent = { activity: null, level: null, period: null, reflection: null };
  card.final = { rows: [], endDate: null, teacher: null, mentor: null, conclusions: null };
  card.general.outcome = null;
};

/**
 * One card that triggers each code and one close card that must not. Typed by `DomainCode`,
 * so a code added to RULES without a case here does not compile.
 */
const CASES: Record<DomainCode, Case> = {
  "general.required": {
    trigger: "no form of diagnostics",
    edit: (c) => (c.general.diagnosticForms = null),
    field: "general.diagnosticForms",
    near: "another form of diagnostics",
    nearEdit: (c) => (c.general.diagnosticForms = "экспертная оценка"),
  },
  "general.missing": {
    trigger: "no school",
    edit: (c) => (c.general.school = null),
    field: "general.school",
    near: "a young teacher's experience of 0 years",
    nearEdit: (c) => (c.general.experience = 0),
  },
  "general.template-text": {
    trigger: "the template's prompt in the school cell",
    edit: (c) => (c.general.school = "наименование образовательной организации"),
    field: "general.school",
    near: "a school named with the prompt's words",
    nearEdit: (c) => (c.general.school = "Образовательная организация «Школа № 1»"),
  },
  "general.phone": {
    trigger: "a six-digit phone",
    edit: (c) => (c.general.phone = "12-34-56"),
    field: "general.phone",
    near: "a mobile phone written with 8 and brackets",
    nearEdit: (c) => (c.general.phone = "8 (983) 555-12-34"),
  },
  "general.email": {
    trigger: "an e-mail with no @",
    edit: (c) => (c.general.email = "d.kuznetsova.turochak-school.ru"),
    field: "general.email",
    near: "an e-mail in capitals",
    nearEdit: (c) => (c.general.email = "D.Kuznetsova@Turochak-School.RU"),
  },
  "general.category": {
    trigger: "the category «вторая»",
    edit: (c) => (c.general.category = "вторая"),
    field: "general.category",
    near: "a young teacher with no category and no attestation",
    nearEdit: (c) => {
      c.general.category = "без категории";
      c.general.attestationDate = null;
    },
  },
  "general.diagnostic-form": {
    trigger: "the form «собеседование»",
    edit: (c) => (c.general.diagnosticForms = "самодиагностика; собеседование"),
    field: "general.diagnosticForms",
    near: "two forms of §2.1",
    nearEdit: (c) => (c.general.diagnosticForms = "самодиагностика; экспертная оценка"),
  },
  "general.staff-category": {
    trigger: "the staff category «техперсонал»",
    edit: (c) => (c.general.staffCategory = "техперсонал"),
    field: "general.staffCategory",
    near: "a manager",
    nearEdit: (c) => (c.general.staffCategory = "управленческий кадр"),
  },
  "general.outcome": {
    trigger: "the outcome «хорошо»",
    edit: (c) => (c.general.outcome = "хорошо"),
    field: "general.outcome",
    near: "an extended route",
    nearEdit: (c) => (c.general.outcome = "продлён"),
  },
  "date.unreadable": {
    trigger: "an activity dated 31 February",
    edit: (c) => (c.plan[2]!.period = "31.02.2026"),
    field: "plan.2.period",
    near: "an activity dated 28 February",
    nearEdit: (c) => (c.plan[2]!.period = "28.02.2026"),
  },
  "date.placeholder": {
    trigger: "the platform's 01.01.1000 as the attestation date",
    edit: (c) => (c.general.attestationDate = "01.01.1000"),
    field: "general.attestationDate",
    near: "«нет» as the attestation date of a young teacher",
    nearEdit: (c) => (c.general.attestationDate = "нет"),
  },
  "route.period-missing": {
    trigger: "a plan and no route period",
    edit: (c) => {
      c.general.routeStart = null;
      c.general.routeEnd = null;
    },
    field: "general.routePeriod",
    near: "the route period in one cell",
    nearEdit: (c) => {
      c.general.routeStart = null;
      c.general.routeEnd = null;
      c.general.routePeriod = "с 01.09.2025 по 31.05.2026";
    },
  },
  "route.period-conflict": {
    trigger: "«Сроки ИОМ» of other days beside «Начало» and «Окончание»",
    edit: (c) => (c.general.routePeriod = "с 01.10.2025 по 31.05.2026"),
    field: "general.routePeriod",
    near: "«Сроки ИОМ» the school year the two days lie in",
    nearEdit: (c) => (c.general.routePeriod = "2025–2026 учебный год"),
  },
  "route.period-order": {
    trigger: "a one-cell route period ending before it starts",
    edit: (c) => {
      c.general.routeStart = null;
      c.general.routeEnd = null;
      c.general.routePeriod = "с 01.06.2026 по 01.09.2025";
    },
    field: "general.routePeriod",
    near: "a route that ends on the day it starts",
    nearEdit: (c) => (c.general.routeEnd = "01.09.2025"),
  },
  "route.too-short": {
    trigger: "a route of six weeks",
    edit: (c) => (c.general.routeEnd = "15.10.2025"),
    field: "general.routeEnd",
    near: "a route of exactly two months",
    nearEdit: (c) => (c.general.routeEnd = "31.10.2025"),
  },
  "route.too-long": {
    trigger: "a route of two years and a day",
    edit: (c) => (c.general.routeEnd = "01.09.2027"),
    field: "general.routeEnd",
    near: "a route of exactly two years",
    nearEdit: (c) => (c.general.routeEnd = "31.08.2027"),
  },
  "route.not-closed": {
    trigger: "a route over by the as-of day with nothing of its final stage",
    edit: withoutFinalStage,
    options: { asOf: new Date(2026, 6, 1) },
    field: "general.routeEnd",
    near: "the same route on its last day",
    nearEdit: withoutFinalStage,
    nearOptions: { asOf: new Date(2026, 4, 31) },
  },
  "date.outside-route": {
    trigger: "an activity in March 2028",
    edit: (c) => (c.plan[2]!.period = "март 2028"),
    field: "plan.2.period",
    near: "an activity in the route's last month",
    nearEdit: (c) => (c.plan[2]!.period = "май 2026"),
  },
  "date.partly-outside-route": {
    trigger: "an activity over the whole school year, longer than the route",
    edit: (c) => (c.plan[2]!.period = "2025–2026 уч. год"),
    field: "plan.2.period",
    near: "an activity «в течение года»",
    nearEdit: (c) => (c.plan[2]!.period = "в течение года"),
  },
  "entry.missing": {
    trigger: "entry rows with no result",
    edit: (c) => (c.entry = c.entry.map((r) => row(r.competency))),
    field: "entry",
    near: "entry rows with «−» in every column",
    nearEdit: (c) =>
      (c.entry = c.entry.map((r) => row(r.competency, { low: "−", medium: "−", high: "−" }))),
  },
  "deficit.unreadable": {
    trigger: "points with no maximum",
    edit: (c) => (c.entry[1] = row("Методическая компетенция", { medium: "75 баллов" })),
    field: "entry.1.medium",
    near: "points out of a maximum",
    nearEdit: (c) => (c.entry[1] = row("Методическая компетенция", { medium: "75 из 100 баллов" })),
  },
  "deficit.wrong-column": {
    trigger: "80 % in the column «Низкий (81–100 %)»",
    edit: (c) => (c.entry[0] = row("Предметная компетенция", { low: "80%" })),
    field: "entry.0.low",
    near: "80.5 % there",
    nearEdit: (c) => (c.entry[0] = row("Предметная компетенция", { low: "80,5%" })),
  },
  "deficit.several-columns": {
    trigger: "«+» in two columns of a row",
    edit: (c) => (c.entry[3] = row("ИКТ-компетенции", { medium: "+", high: "+" })),
    field: "entry.3.high",
    near: "«+» in one column and «−» in the others",
    nearEdit: (c) => (c.entry[3] = row("ИКТ-компетенции", { low: "−", medium: "+", high: "−" })),
  },
  "deficit.sign-in-standardized": {
    trigger: "signs in a card whose only form is standardized",
    edit: (c) => (c.general.diagnosticForms = "стандартизированные оценочные процедуры"),
    field: "entry.2.low",
    near: "signs in a card with a standardized and a self-diagnosis",
    nearEdit: (c) =>
      (c.general.diagnosticForms = "стандартизированные оценочные процедуры; самодиагностика"),
  },
  "competency.unknown": {
    trigger: "a competency the card does not list",
    edit: (c) => (c.entry[0] = row("Коммуникативная компетенция", { low: "90%" })),
    field: "entry.0.competency",
    near: "the same with the district's configuration adding it",
    nearEdit: (c) => (c.entry[0] = row("Коммуникативная компетенция", { low: "90%" })),
    nearOptions: { config: COMMUNICATIVE },
  },
  "competency.other-unspecified": {
    trigger: "a result in «Иное (указать)» with nothing said of what",
    edit: (c) => c.entry.push(row("Иное (указать)", { single: "−" })),
    field: "entry.4.competency",
    near: "the same with the competency written after a colon",
    nearEdit: (c) => c.entry.push(row("Иное (указать): наставничество", { single: "−" })),
  },
  "competency.duplicate": {
    trigger: "«Методическая» with a result in a second row",
    edit: (c) => c.entry.push(row("Методическая", { high: "40%" })),
    field: "entry.4.competency",
    near: "a second row of «Предметная», for another subject said in another column",
    nearEdit: (c) => {
      c.entry[0] = row("Предметная компетенция", { low: "90%" });
      c.entry.push(row("Предметная компетенция", { low: "85%" }));
    },
  },
  "competency.not-served": {
    trigger: "a high deficit in «Правовая» and no activity naming it",
    edit: (c) => c.entry.push(row("Правовая компетенция", { high: "40%" })),
    field: "entry.4.competency",
    near: "a low deficit there, which asks for no activity",
    nearEdit: (c) => c.entry.push(row("Правовая компетенция", { low: "90%" })),
  },
  "level.unknown": {
    trigger: "a plan row under «Международный уровень»",
    edit: (c) => (c.plan[0]!.level = "Международный уровень"),
    field: "plan.0.level",
    near: "a plan row under «Уровень района»",
    nearEdit: (c) => (c.plan[0]!.level = "Уровень района"),
  },
  "plan.activity-missing": {
    trigger: "a dated, marked plan row with no activity",
    edit: (c) => (c.plan[2]!.activity = null),
    field: "plan.2.activity",
    near: "a blank row that names only its level",
    nearEdit: (c) => c.plan.push(item({ level: "Федеральный уровень" })),
  },
  "plan.competencies-missing": {
    trigger: "an activity with no competencies",
    edit: (c) => (c.plan[0]!.competencies = null),
    field: "plan.0.competencies",
    near: "a competency with its subject in brackets",
    nearEdit: (c) => (c.plan[0]!.competencies = "Методическая компетенция (проектирование урока)"),
  },
  "plan.period-missing": {
    trigger: "an activity with no dates",
    edit: (c) => (c.plan[0]!.period = null),
    field: "plan.0.period",
    near: "an activity «в течение года»",
    nearEdit: (c) => (c.plan[0]!.period = "в течение года"),
  },
  "plan.done-mark": {
    trigger: "the mark «может быть»",
    edit: (c) => (c.plan[0]!.done = "может быть"),
    field: "plan.0.done",
    near: "the mark «✓»",
    nearEdit: (c) => (c.plan[0]!.done = "✓"),
  },
  "plan.done-before-approval": {
    trigger: "an activity of September done, the route approved on 15 October",
    edit: (c) => (c.general.approvedOn = "15.10.2025"),
    field: "plan.0.done",
    near: "the route approved on the activity's last day",
    nearEdit: (c) => (c.general.approvedOn = "30.09.2025"),
  },
  "plan.reason-missing": {
    trigger: "«не выполнено» with no reason",
    edit: (c) => (c.plan[2]!.done = "не выполнено"),
    field: "plan.2.reason",
    near: "«не выполнено» with a reason",
    nearEdit: (c) => {
      c.plan[2]!.done = "не выполнено";
      c.plan[2]!.reason = "Семинар перенесён организатором";
    },
  },
  "plan.result-missing": {
    trigger: "«выполнено» with no result",
    edit: (c) => (c.plan[0]!.result = null),
    field: "plan.0.result",
    near: "«в процессе» with no result",
    nearEdit: (c) => {
      c.plan[0]!.result = null;
      c.plan[0]!.done = "в процессе";
    },
  },
  "plan.overdue": {
    trigger: "an activity of 15.01.2026 with no mark, as of 16.01.2026",
    edit: (c) => {
      c.plan[2]!.done = null;
      c.plan[2]!.result = null;
    },
    options: { asOf: new Date(2026, 0, 16) },
    field: "plan.2.done",
    near: "the same as of its own day",
    nearEdit: (c) => {
      c.plan[2]!.done = null;
      c.plan[2]!.result = null;
    },
    nearOptions: { asOf: new Date(2026, 0, 15) },
  },
  "final.event-missing": {
    trigger: "final diagnostics and no final event",
    edit: (c) => (c.finalEvent.activity = null),
    field: "finalEvent.activity",
    near: "a route still under way, with no final event yet",
    nearEdit: UNDER_WAY,
  },
  "final.result-missing": {
    trigger: "a medium deficit at entry and no final result for it",
    edit: (c) => (c.final.rows = [row("Методическая компетенция", { low: "85%" })]),
    field: "final.rows",
    near: "final results under other spellings and in one column",
    nearEdit: (c) =>
      (c.final.rows = [row("Методическая", { low: "85%" }), row("ИКТ", { single: "−" })]),
  },
  "final.conclusions-missing": {
    trigger: "the final stage and no conclusions",
    edit: (c) => (c.final.conclusions = null),
    field: "final.conclusions",
    near: "a route still under way, with no conclusions yet",
    nearEdit: UNDER_WAY,
  },
};

const ENTRIES = Object.entries(CASES) as [DomainCode, Case][];

/** Every personal datum of the clean card, in the forms a message could quote it. */
const PERSONAL = [
  PERSON.fullName,
  PERSON.surname,
  PERSON.phone,
  PERSON.phoneDigits,
  PERSON.email,
  PERSON.mentor,
  "Смирнова",
];

describe("validateCard", () => {
  it("finds nothing wrong with the clean card", () => {
    expect(findingsOf(cleanCard())).toEqual([]);
  });

  it("has a case for every code the domain emits", () => {
    const domainCodes = Object.keys(RULES).filter((code) => !/^(?:file|cell|summary)\./.test(code));

    expect(Object.keys(CASES).sort()).toEqual(domainCodes.sort());
  });

  describe.each(ENTRIES)("%s", (code, c) => {
    it(`reports ${c.trigger}`, () => {
      const found = withCode(findingsOf(buildCard(c.edit), c.options), code);

      expect(found.length).toBeGreaterThan(0);
      expect(found[0]).toMatchObject({ severity: RULES[code].severity, field: c.field });
      expect(found[0]!.message).toMatch(/^[«А-ЯЁ]/);
    });

    it(`accepts ${c.near}`, () => {
      expect(codesOf(findingsOf(buildCard(c.nearEdit), c.nearOptions))).not.toContain(code);
    });

    it("quotes no personal data", () => {
      const messages = [
        ...findingsOf(buildCard(c.edit), c.options),
        ...findingsOf(buildCard(c.nearEdit), c.nearOptions),
      ].map((f) => f.message);

      for (const message of messages) {
        for (const personal of PERSONAL) {
          expect(message).not.toContain(personal);
        }
      }
    });
  });

  describe("privacy (DESIGN.md: messages never quote ФИО, phone, e-mail)", () => {
    it("quotes neither a wrong phone nor a wrong e-mail", () => {
      const card = buildCard((c) => {
        c.general.phone = "983-555-12";
        c.general.email = "d.kuznetsova(at)turochak-school.ru";
      });

      const messages = findingsOf(card).map((f) => f.message);

      expect(codesOf(findingsOf(card))).toEqual(["general.phone", "general.email"]);
      expect(messages.join("\n")).not.toContain("983-555-12");
      expect(messages.join("\n")).not.toContain("kuznetsova");
    });

    it("does not quote the teacher's name left in a field that holds it by mistake", () => {
      const card = buildCard((c) => (c.general.fullName = "ФИО педагога"));

      expect(findingsOf(card)).toMatchObject([
        { code: "general.required", field: "general.fullName" },
      ]);
    });
  });

  describe("messages", () => {
    it("pins the message of a percent in the wrong column", () => {
      const [found] = withCode(
        findingsOf(buildCard(CASES["deficit.wrong-column"].edit)),
        "deficit.wrong-column",
      );

      expect(found?.message).toMatchInlineSnapshot(
        `"«Предметная компетенция»: 80 % — средний уровень профдефицита (больше 60 и не больше 80 %), а стоит в графе «Низкий»: перенесите в графу «Средний»"`,
      );
    });

    it("pins the message of a deficit no activity serves", () => {
      const [found] = withCode(
        findingsOf(buildCard(CASES["competency.not-served"].edit)),
        "competency.not-served",
      );

      expect(found?.message).toMatchInlineSnapshot(
        `"«Правовая компетенция»: профдефицит (высокий) не закрыт ни одним мероприятием карты развития; добавьте мероприятие и укажите эту компетенцию в «Формируемые компетенции»"`,
      );
    });

    it("pins the message of an overdue activity", () => {
      const c = CASES["plan.overdue"];
      const [found] = withCode(findingsOf(buildCard(c.edit), c.options), "plan.overdue");

      expect(found?.message).toMatchInlineSnapshot(
        `"Мероприятие «Семинар РМО «Цифровые инструменты учителя»»: срок прошёл (15.01.2026), а отметки о выполнении нет; отметьте выполнение или укажите причину"`,
      );
    });

    it("pins the message of a route too short", () => {
      const [found] = withCode(
        findingsOf(buildCard(CASES["route.too-short"].edit)),
        "route.too-short",
      );

      expect(found?.message).toMatchInlineSnapshot(
        `"ИОМ с 01.09.2025 по 15.10.2025 короче 2 мес.: по §1.4 маршрут составляется на период от двух месяцев до двух лет"`,
      );
    });

    it("pins the message of an activity outside the route", () => {
      const [found] = withCode(
        findingsOf(buildCard(CASES["date.outside-route"].edit)),
        "date.outside-route",
      );

      expect(found?.message).toMatchInlineSnapshot(
        `"Мероприятие «Семинар РМО «Цифровые инструменты учителя»»: «март 2028» вне сроков ИОМ (с 01.09.2025 по 31.05.2026): исправьте дату или сроки"`,
      );
    });

    it("pins the message of a wrong phone", () => {
      const [found] = withCode(findingsOf(buildCard(CASES["general.phone"].edit)), "general.phone");

      expect(found?.message).toMatchInlineSnapshot(
        `"Мобильный телефон записан не по образцу: нужно 11 цифр, например +7 913 123-45-67 или 8 913 123-45-67"`,
      );
    });
  });

  describe("order and options", () => {
    it("lists findings in the card's order: general, route, diagnostics, plan, final", () => {
      const card = buildCard((c) => {
        c.final.conclusions = null;
        c.plan[0]!.done = "может быть";
        c.entry[0] = row("Предметная компетенция", { low: "75 баллов" });
        c.general.routeEnd = "01.09.2027";
        c.general.phone = "12-34-56";
      });

      expect(codesOf(findingsOf(card))).toEqual([
        "general.phone",
        "route.too-long",
        "deficit.unreadable",
        "plan.done-mark",
        "final.conclusions-missing",
      ]);
    });

    it("follows the district's route limits", () => {
      const config = parseConfig({ route: { minMonths: 1, maxMonths: 6 } });

      expect(codesOf(findingsOf(cleanCard(), { config }))).toEqual(["route.too-long"]);
    });

    it("reads the district's scale words in results", () => {
      const config = parseConfig({ scaleWords: { Критический: "high" } });
      const card = buildCard(
        (c) => (c.entry[1] = row("Методическая компетенция", { high: "Критический" })),
      );

      expect(codesOf(findingsOf(card))).toContain("deficit.unreadable");
      expect(findingsOf(card, { config })).toEqual([]);
    });

    it("judges as of today where no day is given", () => {
      const findings: Finding[] = validateCard(cleanCard());

      expect(codesOf(findings)).not.toContain("plan.overdue");
    });

    it("judges as of the start of the given day", () => {
      const c = CASES["plan.overdue"];
      const lateEvening = new Date(2026, 0, 15, 23, 59);

      expect(codesOf(findingsOf(buildCard(c.edit), { asOf: lateEvening }))).not.toContain(
        "plan.overdue",
      );
    });

    it("never throws on whatever the cells hold, and every finding is of RULES", () => {
      const raw = fc.oneof(
        fc.constant(null),
        fc.string({ maxLength: 12 }),
        // The schema takes finite numbers only: a cell never holds NaN or Infinity.
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constantFrom("+", "−", "75%", "нет", "01.01.1000", "в течение года", "Иное (указать)"),
      );
      const cells = (keys: readonly string[]) =>
        fc.record(Object.fromEntries(keys.map((k) => [k, raw])));
      const result = fc.record({ value: raw, percentFormat: fc.boolean() });
      const card = fc.record({
        general: cells(Object.keys(cleanCard().general)),
        entry: fc.array(
          fc.record({
            competency: fc.oneof(
              raw,
              fc.constantFrom("Методическая", "ИКТ", "Функциональная грамотность"),
            ),
            results: fc.record(
              { low: result, medium: result, high: result, single: result },
              { requiredKeys: [] },
            ),
          }),
          { maxLength: 4 },
        ),
        plan: fc.array(
          cells(["level", "activity", "competencies", "period", "done", "reason", "result"]),
          { maxLength: 4 },
        ),
        finalEvent: cells(["activity", "level", "period", "reflection"]),
        final: fc.record({ endDate: raw, conclusions: raw }),
      });

      fc.assert(
        fc.property(card, (input) => {
          const findings = validateCard(CardSchema.parse(input), { asOf: AS_OF });
          for (const found of findings) {
            expect(RULES[found.code].severity).toBe(found.severity);
            expect(found.message).not.toBe("");
          }
        }),
        { numRuns: 300 },
      );
    });

    it("never throws on an empty card", () => {
      expect(() =>
        validateCard(
          buildCard(() => {}),
          { asOf: AS_OF },
        ),
      ).not.toThrow();
      expect(codesOf(validateCard(buildCardFromNothing(), { asOf: AS_OF }))).toEqual([
        "general.required",
        "general.required",
        "general.required",
        "general.missing",
        "general.missing",
        "general.missing",
        "entry.missing",
      ]);
    });
  });
});

function buildCardFromNothing(): Card {
  return buildCard((c) => {
    for (const key of Object.keys(c.general) as (keyof Card["general"])[]) {
      c.general[key] = null;
    }
    c.entry = [];
    c.plan = [];
    UNDER_WAY(c);
  });
}

/** The clean card before its final stage: no final event, final results or closing lines. */
function withoutFinalStage(card: Card): void {
  card.finalEvent = { activity: null, level: null, period: null, reflection: null };
  card.final = { rows: [], endDate: null, teacher: null, mentor: null, conclusions: null };
  card.general.outcome = null;
}

import { describe, expect, it } from "vitest";

import {
  BROKEN_FILE,
  DISTRICT_AS_OF,
  SCHOOL_A,
  SCHOOL_B,
  cardRecord,
  districtRecords,
  sketchCard,
} from "../../test/builders-summary.js";
import type { Summary } from "./summary.js";
import { addCard, addUnreadable, createSummary, finishSummary, summarize } from "./summary.js";
import type { Aggregates, GroupFigures, LevelCounts } from "./summary-aggregate.js";
import { aggregate, ENDING_WITHIN_DAYS } from "./summary-aggregate.js";

/*
 * The small district of test/builders-summary.ts, as of 16.11.2025, figured by hand. Five
 * cards, four teachers: Иванова's older card is a duplicate and is left out.
 *
 *              ОО  entry                                     final           activities
 *   Иванова    A   subject low, method high, ict medium,     —               done, overdue,
 *                  math-literacy medium                                      not due, not done
 *   Сидоров    A   management high, legal «+»                low, «−»        done, done
 *   Кузьмина   B   method medium, reading high, «Иное» high  —               not due
 *   Орлов      B   management medium, legal low              —               —
 */

function district(): Summary {
  const summary = createSummary({ asOf: DISTRICT_AS_OF });
  districtRecords().forEach((record) => addCard(summary, record));
  addUnreadable(summary, BROKEN_FILE);
  return finishSummary(summary);
}

const tables: Aggregates = aggregate(district());

function levels(counts: Partial<LevelCounts>): LevelCounts {
  return { high: 0, medium: 0, low: 0, present: 0, absent: 0, none: 0, ...counts };
}

function competency(id: string) {
  const found = tables.competencies.find((c) => c.id === id);
  if (!found) {
    throw new Error(`no competency ${id}`);
  }
  return found;
}

describe("aggregate of the small district", () => {
  it("counts each teacher once, the duplicate card left out", () => {
    expect(tables.teachers.map((t) => [t.name, t.file])).toEqual([
      ["Кузьмина Ольга Сергеевна", "dmitrievka.xlsx"],
      ["Орлов Игорь Викторович", "dmitrievka.xlsx"],
      ["Иванова Анна Петровна", "turochak.xlsx"],
      ["Сидоров Павел Ильич", "turochak.xlsx"],
    ]);
  });

  it("lists the card's competencies in its order, then each «Иное»", () => {
    expect(tables.competencies.map((c) => c.specified ?? c.id)).toEqual([
      "subject",
      "methodological",
      "psychological",
      "functional-literacy",
      "digital-literacy",
      "science-literacy",
      "math-literacy",
      "financial-literacy",
      "global-competence",
      "reading-literacy",
      "creative-thinking",
      "ict",
      "management",
      "legal",
      "наставничество",
    ]);
  });

  it("counts teachers per level at entry and at the end, `none` for no result", () => {
    expect(competency("methodological").entry).toEqual(levels({ high: 1, medium: 1, none: 2 }));
    expect(competency("methodological").final).toEqual(levels({ none: 4 }));
    expect(competency("management").entry).toEqual(levels({ high: 1, medium: 1, none: 2 }));
    expect(competency("management").final).toEqual(levels({ low: 1, none: 3 }));
    expect(competency("legal").entry).toEqual(levels({ present: 1, low: 1, none: 2 }));
    expect(competency("legal").final).toEqual(levels({ absent: 1, none: 3 }));
    expect(competency("ict").entry).toEqual(levels({ medium: 1, none: 3 }));
    expect(competency("psychological").entry).toEqual(levels({ none: 4 }));
    expect(competency("other").entry).toEqual(levels({ high: 1, none: 3 }));
  });

  it("gives the share of teachers with a result whose deficit is medium or high", () => {
    expect(competency("methodological").shareMediumOrHigh).toBe(1);
    expect(competency("subject").shareMediumOrHigh).toBe(0);
    expect(competency("legal").shareMediumOrHigh).toBe(0);
    expect(competency("psychological").shareMediumOrHigh).toBeNull();
  });

  it("counts activities per level: planned, done, not done with reasons, overdue", () => {
    expect(tables.activities).toEqual([
      {
        level: "personal",
        name: "Личностный уровень",
        planned: 1,
        done: 1,
        notDone: 0,
        inProgress: 0,
        overdue: 0,
        notDue: 0,
        reasons: [],
      },
      {
        level: "school",
        name: "Уровень ОО",
        planned: 1,
        done: 0,
        notDone: 0,
        inProgress: 0,
        overdue: 1,
        notDue: 0,
        reasons: [],
      },
      {
        level: "municipal",
        name: "Муниципальный уровень",
        planned: 3,
        done: 1,
        notDone: 0,
        inProgress: 0,
        overdue: 0,
        notDue: 2,
        reasons: [],
      },
      {
        level: "regional",
        name: "Региональный уровень",
        planned: 2,
        done: 1,
        notDone: 1,
        inProgress: 0,
        overdue: 0,
        notDue: 0,
        reasons: [{ reason: "нет мест на курсах", count: 1 }],
      },
      {
        level: "federal",
        name: "Федеральный уровень",
        planned: 0,
        done: 0,
        notDone: 0,
        inProgress: 0,
        overdue: 0,
        notDue: 0,
        reasons: [],
      },
    ]);
  });

  it("gives the figures of each ОО", () => {
    const empty = { eliminated: 0, improved: 0, unchanged: 0, worse: 0 };
    const b: GroupFigures = {
      teachers: 2,
      stages: { diagnostic: 1, development: 1, implementation: 0, final: 0 },
      outcomes: { completed: 0, extended: 0, none: 2 },
      withDeficit: 2,
      deficits: { high: 2, medium: 2, low: 1, present: 0, absent: 0 },
      changes: empty,
      activities: { planned: 1, done: 0, notDone: 0, inProgress: 0, overdue: 0, notDue: 1 },
      endingSoon: 0,
      errors: 0,
      warnings: 1,
    };
    const a: GroupFigures = {
      teachers: 2,
      stages: { diagnostic: 0, development: 0, implementation: 1, final: 1 },
      outcomes: { completed: 1, extended: 0, none: 1 },
      withDeficit: 2,
      deficits: { high: 2, medium: 2, low: 1, present: 1, absent: 0 },
      changes: { ...empty, eliminated: 2 },
      activities: { planned: 6, done: 3, notDone: 1, inProgress: 0, overdue: 1, notDue: 1 },
      endingSoon: 1,
      errors: 0,
      warnings: 1,
    };

    expect(tables.schools).toEqual([
      { school: SCHOOL_B, ...b },
      { school: SCHOOL_A, ...a },
    ]);
  });

  it("lists the routes ending within 30 days", () => {
    expect(ENDING_WITHIN_DAYS).toBe(30);
    expect(tables.endingSoon).toEqual([
      {
        name: "Сидоров Павел Ильич",
        school: SCHOOL_A,
        mentor: null,
        stage: "final",
        outcome: "completed",
        end: "2025-12-06",
        daysLeft: 20,
        file: "turochak.xlsx",
        sheet: "Сидоров",
      },
    ]);
  });

  it("counts the demand for municipal activities per competency and ОО", () => {
    expect(
      tables.demand.map((d) => [
        d.specified ?? d.id,
        d.teachers,
        d.withMunicipalActivity,
        d.schools.map((s) => [s.school, s.teachers, s.withMunicipalActivity]),
      ]),
    ).toEqual([
      [
        "methodological",
        2,
        0,
        [
          [SCHOOL_B, 1, 0],
          [SCHOOL_A, 1, 0],
        ],
      ],
      // «Функциональная грамотность» at the municipal level serves its part.
      ["math-literacy", 1, 1, [[SCHOOL_A, 1, 1]]],
      ["reading-literacy", 1, 1, [[SCHOOL_B, 1, 1]]],
      ["ict", 1, 0, [[SCHOOL_A, 1, 0]]],
      // Сидоров's management deficit was eliminated: only Орлов needs it.
      ["management", 1, 0, [[SCHOOL_B, 1, 0]]],
      ["наставничество", 1, 0, [[SCHOOL_B, 1, 0]]],
    ]);
  });

  it("shows entry → final per competency and ОО for the teachers with a deficit", () => {
    expect(
      tables.whatWorked.changes.map((c) => [
        c.specified ?? c.id,
        c.school,
        c.teachers,
        c.eliminated,
        c.noFinal,
      ]),
    ).toEqual([
      ["methodological", SCHOOL_B, 1, 0, 1],
      ["methodological", SCHOOL_A, 1, 0, 1],
      ["math-literacy", SCHOOL_A, 1, 0, 1],
      ["reading-literacy", SCHOOL_B, 1, 0, 1],
      ["ict", SCHOOL_A, 1, 0, 1],
      ["management", SCHOOL_B, 1, 0, 1],
      ["management", SCHOOL_A, 1, 1, 0],
      ["legal", SCHOOL_A, 1, 1, 0],
      ["наставничество", SCHOOL_B, 1, 0, 1],
    ]);
  });

  it("lists the activities of routes whose deficits were eliminated", () => {
    expect(tables.whatWorked.activities).toEqual([
      {
        activity: "Курсы ПК «Управление ОО»",
        routes: 1,
        competencies: ["Управленческая компетенция"],
      },
      {
        activity: "Семинар по нормативно-правовой базе",
        routes: 1,
        competencies: ["Правовая компетенция"],
      },
    ]);
  });

  it("splits by category of staff, a director with no category counting as manager", () => {
    expect(tables.byCategory.map((c) => [c.category, c.name, c.teachers, c.withDeficit])).toEqual([
      ["teacher", "педагог", 2, 2],
      ["manager", "управленческий кадр", 2, 2],
    ]);
  });

  it("splits by mentor, the post after a name not making another mentor, those with none last", () => {
    expect(tables.byMentor.map((m) => [m.mentor, m.teachers, m.stages.final])).toEqual([
      ["Орлова Е. В.", 2, 0],
      ["Петрова Н. И.", 1, 0],
      [null, 1, 1],
    ]);
  });

  it("warns at the duplicate card, naming the card that counts and not the ФИО", () => {
    const warning = tables.findings.items.find((f) => f.code === "summary.duplicate");

    expect(warning).toEqual({
      file: "turochak-old.xlsx",
      sheet: "Лист1",
      cell: "B3",
      severity: "warning",
      code: "summary.duplicate",
      message:
        "Карта того же педагога (ФИО и ОО совпадают) есть в файле «turochak.xlsx», лист «Иванова»; там ИОМ заканчивается позже (31.05.2026). В сводке учтена та карта, эта — нет. Если это разные люди, уточните ФИО; если карта лишняя, уберите её",
    });
    expect(warning!.message).not.toContain("Анна");
  });

  it("counts every finding: the cards', the broken file's and the duplicate's", () => {
    expect(tables.findings.errors).toBe(2);
    expect(tables.findings.warnings).toBe(3);
    expect(tables.findings.items.map((f) => f.code)).toEqual([
      "file.unreadable",
      "general.missing",
      "summary.duplicate",
      "general.required",
      "plan.overdue",
    ]);
  });
});

describe("aggregate", () => {
  it("gives empty tables for no cards", () => {
    const empty = aggregate(summarize([], { asOf: DISTRICT_AS_OF }));

    expect(empty.teachers).toEqual([]);
    expect(empty.competencies).toHaveLength(14);
    expect(empty.competencies.every((c) => c.shareMediumOrHigh === null)).toBe(true);
    expect(empty.byCategory.map((c) => c.teachers)).toEqual([0, 0]);
    expect(empty.schools).toEqual([]);
  });

  it("groups spellings of one ОО and of one reason, naming each by its first spelling", () => {
    const card = (school: string, reason: string) =>
      sketchCard({
        general: { school },
        plan: [{ level: "Уровень ОО", activity: "Семинар", done: "не выполнено", reason }],
      });
    const summary = summarize(
      [
        cardRecord("a.xlsx", "1", card("МБОУ «СОШ № 1»", "Болезнь.")),
        cardRecord("a.xlsx", "2", card("МБОУ СОШ №1", "болезнь")),
        cardRecord("a.xlsx", "3", card("МБОУ СОШ №1", "нет мест")),
      ],
      { asOf: DISTRICT_AS_OF },
    );

    const result = aggregate(summary);

    expect(result.schools.map((s) => [s.school, s.teachers])).toEqual([["МБОУ «СОШ № 1»", 3]]);
    expect(result.activities[1]!.reasons).toEqual([
      { reason: "Болезнь.", count: 2 },
      { reason: "нет мест", count: 1 },
    ]);
  });

  it("puts activities of no known level in a row of their own", () => {
    const card = sketchCard({ plan: [{ level: "Сетевой уровень", activity: "Семинар" }] });

    const result = aggregate(
      summarize([cardRecord("a.xlsx", "1", card)], { asOf: DISTRICT_AS_OF }),
    );

    expect(result.activities.at(-1)).toMatchObject({
      level: null,
      name: "Уровень не указан",
      planned: 1,
    });
  });

  it("lists a route ending on the as-of day and one ending in 30 days, not one in 31", () => {
    const card = (end: string) =>
      sketchCard({ general: { fullName: end, routeStart: "01.09.2025", routeEnd: end } });
    const summary = summarize(
      ["15.11.2025", "16.11.2025", "16.12.2025", "17.12.2025"].map((end, index) =>
        cardRecord("a.xlsx", String(index), card(end)),
      ),
      { asOf: DISTRICT_AS_OF },
    );

    expect(aggregate(summary).endingSoon.map((r) => [r.end, r.daysLeft])).toEqual([
      ["2025-11-16", 0],
      ["2025-12-16", 30],
    ]);
  });

  it("counts an activity in what worked once per route, and not one marked not done", () => {
    const card = (sheet: string, done: string) =>
      cardRecord(
        "a.xlsx",
        sheet,
        sketchCard({
          general: { fullName: `Учитель ${sheet}` },
          entry: [
            ["Методическая", { high: "50%" }],
            ["ИКТ", { medium: "70%" }],
          ],
          plan: [
            { activity: "Курсы ПК", competencies: "Методическая", done },
            { activity: "курсы ПК", competencies: "ИКТ", done },
            { activity: "Вебинар", competencies: "ИКТ", done: "не выполнено" },
          ],
          final: [
            ["Методическая", { low: "90%" }],
            ["ИКТ", { low: "95%" }],
          ],
        }),
      );

    const result = aggregate(
      summarize([card("1", "выполнено"), card("2", "в процессе")], { asOf: DISTRICT_AS_OF }),
    );

    expect(result.whatWorked.activities).toEqual([
      {
        activity: "Курсы ПК",
        routes: 2,
        competencies: ["Методическая компетенция", "ИКТ-компетенции"],
      },
    ]);
  });
});

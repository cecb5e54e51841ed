import { describe, expect, it } from "vitest";

import {
  BROKEN_FILE,
  CONTACTS,
  DISTRICT_AS_OF,
  SCHOOL_A,
  cardRecord,
  districtRecords,
  located,
  sketchCard,
  testAnonymizer,
} from "../../test/builders-summary.js";
import type { CardRecord, LocatedFinding } from "../sheet/located.js";
import { parseConfig } from "./config.js";
import type { Summary, SummaryFinding, SummaryInput } from "./summary.js";
import {
  addCard,
  addSummary,
  addUnreadable,
  anonymizeSummary,
  combineSummaries,
  createSummary,
  finishSummary,
  repeatedCards,
  repeatedCardsMessage,
  summarize,
} from "./summary.js";
import { parseSummary } from "./summary-schema.js";

function district(): Summary {
  const summary = createSummary({ asOf: DISTRICT_AS_OF });
  for (const record of districtRecords()) {
    addCard(summary, record);
  }
  addUnreadable(summary, BROKEN_FILE);
  return finishSummary(summary);
}

function teacher(summary: Summary, name: string, file?: string) {
  const found = summary.teachers.find(
    (t) => t.name === name && (file === undefined || t.file === file),
  );
  if (!found) {
    throw new Error(`no record of ${name}`);
  }
  return found;
}

describe("the fold", () => {
  it("counts the cards read and keeps one record per card, sorted by ОО, name, file", () => {
    const summary = district();

    expect(summary.asOf).toBe("2025-11-16");
    expect(summary.cards).toBe(5);
    expect(summary.teachers.map((t) => [t.name, t.file, t.sheet])).toEqual([
      ["Кузьмина Ольга Сергеевна", "dmitrievka.xlsx", "Карта ИОМ"],
      ["Орлов Игорь Викторович", "dmitrievka.xlsx", "Лист2"],
      ["Иванова Анна Петровна", "turochak-old.xlsx", "Лист1"],
      ["Иванова Анна Петровна", "turochak.xlsx", "Иванова"],
      ["Сидоров Павел Ильич", "turochak.xlsx", "Сидоров"],
    ]);
  });

  it("gives a record of what the tables need", () => {
    const summary = district();

    expect(teacher(summary, "Иванова Анна Петровна", "turochak.xlsx")).toStrictEqual({
      file: "turochak.xlsx",
      sheet: "Иванова",
      nameCell: "B3",
      name: "Иванова Анна Петровна",
      personKey: "ивановааннапетровна|мбоутурочакскаясош",
      school: SCHOOL_A,
      municipality: "Турочакский район",
      position: "учитель математики",
      staffCategory: "teacher",
      staffCategoryFromPosition: false,
      qualification: "first",
      mentor: "Петрова Н. И.",
      start: "2025-09-01",
      end: "2026-05-31",
      stage: "implementation",
      outcome: null,
      competencies: [
        {
          id: "subject",
          name: "Предметная компетенция",
          specified: null,
          entry: "low",
          final: null,
          change: null,
        },
        {
          id: "methodological",
          name: "Методическая компетенция",
          specified: null,
          entry: "high",
          final: null,
          change: null,
        },
        {
          id: "ict",
          name: "ИКТ-компетенции",
          specified: null,
          entry: "medium",
          final: null,
          change: null,
        },
        {
          id: "math-literacy",
          name: "Математическая грамотность",
          specified: null,
          entry: "medium",
          final: null,
          change: null,
        },
      ],
      activities: [
        {
          level: "personal",
          name: "Изучение методических материалов",
          competencies: ["methodological"],
          status: "done",
          reason: null,
        },
        {
          level: "school",
          name: "Посещение уроков коллег",
          competencies: ["methodological", "ict"],
          status: "overdue",
          reason: null,
        },
        {
          level: "municipal",
          name: "Семинар РМО по функциональной грамотности",
          competencies: ["functional-literacy"],
          status: "planned",
          reason: null,
        },
        {
          level: "regional",
          name: "Курсы ПК «Цифровая школа»",
          competencies: ["ict"],
          status: "not-done",
          reason: "нет мест на курсах",
        },
      ],
      errors: 0,
      warnings: 1,
    });
  });

  it("keeps no phone and no e-mail", () => {
    const text = JSON.stringify(district());

    expect(text).not.toContain(CONTACTS.phone);
    expect(text).not.toContain(CONTACTS.email);
    expect(text).not.toContain("555");
  });

  it("derives «управленческий кадр» from a director's position when the card does not say", () => {
    const sidorov = teacher(district(), "Сидоров Павел Ильич");

    expect(sidorov.staffCategory).toBe("manager");
    expect(sidorov.staffCategoryFromPosition).toBe(true);
  });

  it("derives «педагог» from any other position, and nothing from an unreadable category", () => {
    const summary = summarize(
      [
        cardRecord("a.xlsx", "1", sketchCard({ general: { position: "учитель истории" } })),
        cardRecord("a.xlsx", "2", sketchCard({ general: { position: "заведующая филиалом" } })),
        cardRecord(
          "a.xlsx",
          "3",
          sketchCard({ general: { position: "директор", staffCategory: "техперсонал" } }),
        ),
        cardRecord("a.xlsx", "4", sketchCard({})),
      ],
      { asOf: DISTRICT_AS_OF },
    );

    expect(summary.teachers.map((t) => [t.staffCategory, t.staffCategoryFromPosition])).toEqual([
      ["teacher", true],
      ["manager", true],
      [null, false],
      [null, false],
    ]);
  });

  it("keeps «Иное» with its text and skips competencies the catalogue does not know", () => {
    const card = sketchCard({
      entry: [
        ["Иное (указать): наставничество", { high: "+" }],
        ["Коммуникативная компетенция", { high: "40%" }],
      ],
    });

    const [record] = summarize([cardRecord("a.xlsx", "1", card)], {
      asOf: DISTRICT_AS_OF,
    }).teachers;

    expect(record!.competencies).toEqual([
      {
        id: "other",
        name: "Иное (указать)",
        specified: "наставничество",
        entry: "high",
        final: null,
        change: null,
      },
    ]);
  });

  it("counts a competency the district added to the catalogue", () => {
    const config = parseConfig({
      competencies: [{ id: "communicative", name: "Коммуникативная компетенция" }],
    });
    const card = sketchCard({ entry: [["Коммуникативная компетенция", { high: "40%" }]] });

    const [record] = summarize([cardRecord("a.xlsx", "1", card)], {
      asOf: DISTRICT_AS_OF,
      config,
    }).teachers;

    expect(record!.competencies.map((c) => [c.id, c.name, c.entry])).toEqual([
      ["communicative", "Коммуникативная компетенция", "high"],
    ]);
  });

  it("marks an activity due before the as-of day and not marked overdue, and not the day after", () => {
    const card = sketchCard({
      general: { routeStart: "01.09.2025", routeEnd: "31.05.2026" },
      plan: [
        { activity: "Семинар", period: "15.11.2025" },
        { activity: "Вебинар", period: "16.11.2025" },
        { activity: "Курсы", period: "в течение года" },
        { activity: "Мастер-класс", period: "октябрь 2025", done: "в процессе" },
        { activity: "Конкурс", period: "октябрь 2025", done: "может быть" },
        { activity: null, period: "октябрь 2025" },
      ],
    });

    const [record] = summarize([cardRecord("a.xlsx", "1", card)], { asOf: "2025-11-16" }).teachers;

    expect(record!.activities.map((a) => [a.name, a.status])).toEqual([
      ["Семинар", "overdue"],
      ["Вебинар", "planned"],
      ["Курсы", "planned"],
      ["Мастер-класс", "in-progress"],
      ["Конкурс", "overdue"],
    ]);
  });

  it("takes the first row of a competency that has a result", () => {
    const card = sketchCard({
      entry: [
        ["Методическая", {}],
        ["Методическая компетенция", { medium: "70%" }],
        ["Методическая", { high: "20%" }],
      ],
    });

    const [record] = summarize([cardRecord("a.xlsx", "1", card)], {
      asOf: DISTRICT_AS_OF,
    }).teachers;

    expect(record!.competencies.map((c) => [c.id, c.entry])).toEqual([
      ["methodological", "medium"],
    ]);
  });

  it("takes the mentor of section 5 where the general part names none", () => {
    const card = sketchCard({});
    card.final.mentor = "Орлова Е. В.";

    const [record] = summarize([cardRecord("a.xlsx", "1", card)], {
      asOf: DISTRICT_AS_OF,
    }).teachers;

    expect(record!.mentor).toBe("Орлова Е. В.");
  });

  it("lists a file that could not be read among the findings", () => {
    expect(district().findings).toContainEqual(BROKEN_FILE);
  });

  it("keeps every finding of the cards, by file, sheet and cell", () => {
    expect(district().findings.map((f) => [f.file, f.sheet, f.cell, f.code])).toEqual([
      ["broken.xlsx", null, null, "file.unreadable"],
      ["dmitrievka.xlsx", "Карта ИОМ", "B4", "general.missing"],
      ["turochak-old.xlsx", "Лист1", "B5", "general.required"],
      ["turochak.xlsx", "Иванова", "E20", "plan.overdue"],
    ]);
  });

  it("sorts cells by row and column, not as text", () => {
    const findings = ["B10", "AA2", "B2", "C2", null].map((cell) =>
      located("plan.overdue", "a.xlsx", "1", cell),
    );
    const summary = summarize([cardRecord("a.xlsx", "1", sketchCard({}), findings)], {
      asOf: DISTRICT_AS_OF,
    });

    expect(summary.findings.map((f) => f.cell)).toEqual([null, "B2", "C2", "AA2", "B10"]);
  });

  it("takes the as-of day of a Date and drops its time", () => {
    const summary = summarize([], { asOf: new Date(2025, 10, 16, 23, 59) });

    expect(summary.asOf).toBe("2025-11-16");
  });

  it("refuses an as-of day it cannot read", () => {
    expect(() => createSummary({ asOf: "16.11.2025" })).toThrow(RangeError);
    expect(() => createSummary({ asOf: new Date(Number.NaN) })).toThrow(
      "Дата сводки не указана или неверна",
    );
  });

  it("takes a card record of the reader as it is", () => {
    // Compile-time: the reader's records and findings fit the summary's input.
    const input = (record: CardRecord): SummaryInput => record;
    const finding = (f: LocatedFinding): SummaryFinding => f;
    const back = (f: SummaryFinding): LocatedFinding => f;

    expect([input, finding, back]).toHaveLength(3);
  });
});

describe("phones and e-mails outside their fields", () => {
  const PHONE = "+7 913 000-11-01";
  const EMAIL = "sokolova.iv@example.ru";

  /**
   * Соколова's card with contacts typed everywhere, and her card of the year before, the ФИО and
   * the mentor clean.
   */
  function sokolova(): SummaryInput[] {
    const general = {
      school: "МБОУ «Ыныргинская СОШ» тел. +7 (38843) 2-11-22, school@example.ru",
      position: "учитель",
      mentor: "Белова Н. А.",
      routeStart: "01.09.2025",
      routeEnd: "31.05.2026",
    };
    const messy = sketchCard({
      general: {
        ...general,
        fullName: `Соколова Ирина Викторовна ${PHONE}`,
        municipality: "Турочакский район, 8(38843)21122",
        position: `учитель (${EMAIL})`,
        mentor: "Белова Н. А. 89131112233",
      },
      entry: [[`Иное (указать): консультирование по тел. 89135554433`, { high: "50%" }]],
      plan: [
        {
          level: "Уровень ОО",
          activity: `Консультация по тел. 89135554433 и по почте ${EMAIL}`,
          competencies: "Иное: консультирование по тел. 89135554433",
          period: "сентябрь 2025",
          done: "не выполнено",
          reason: `болела, звонить ${PHONE}`,
        },
      ],
    });
    return [
      cardRecord("sokolova.xlsx", "Лист1", messy, [
        located(
          "plan.period-missing",
          "sokolova.xlsx",
          "Лист1",
          "E20",
          `«Консультация по тел. 89135554433 и по почте ${EMAIL}»: срок не указан`,
        ),
      ]),
      cardRecord(
        "sokolova-2024.xlsx",
        "Лист1",
        sketchCard({
          general: { ...general, fullName: "Соколова Ирина Викторовна", routeEnd: "31.05.2025" },
        }),
      ),
    ];
  }

  it("masks them in every text of the record and in the findings", () => {
    const summary = summarize(sokolova(), { asOf: DISTRICT_AS_OF });
    const record = teacher(summary, "Соколова Ирина Викторовна [телефон скрыт]");
    const text = JSON.stringify(summary);

    expect(record).toMatchObject({
      school: "МБОУ «Ыныргинская СОШ» тел. [телефон скрыт], [e-mail скрыт]",
      municipality: "Турочакский район, [телефон скрыт]",
      position: "учитель ([e-mail скрыт])",
      mentor: "Белова Н. А. [телефон скрыт]",
      competencies: [{ id: "other", specified: "консультирование по тел. [телефон скрыт]" }],
      activities: [
        {
          name: "Консультация по тел. [телефон скрыт] и по почте [e-mail скрыт]",
          competencies: ["other:консультированиепотелтелефонскрыт"],
          reason: "болела, звонить [телефон скрыт]",
        },
      ],
    });
    expect(summary.findings.map((f) => f.message)).toContain(
      "«Консультация по тел. [телефон скрыт] и по почте [e-mail скрыт]»: срок не указан",
    );
    for (const contact of [PHONE, EMAIL, "89135554433", "2-11-22", "21122", "1112233", "@"]) {
      expect(text).not.toContain(contact);
    }
  });

  it("knows the teacher of the masked ФИО as the teacher of the clean one", () => {
    const summary = summarize(sokolova(), { asOf: DISTRICT_AS_OF });

    expect(summary.duplicates.map((d) => [d.personKey, d.counted.file])).toEqual([
      ["соколоваиринавикторовна|мбоуыныргинскаясоштел", "sokolova.xlsx"],
    ]);
  });

  it("gives her one pseudonym, read anonymized or anonymized later", () => {
    const anonymize = testAnonymizer("ключ района");
    const anonymized = summarize(sokolova(), { asOf: DISTRICT_AS_OF, anonymize });
    const [messy, clean] = ["sokolova.xlsx", "sokolova-2024.xlsx"].map((file) =>
      anonymized.teachers.find((t) => t.file === anonymize("file", file))!,
    );

    expect(messy!.name).toBe(clean!.name);
    expect(messy!.name).toBe(anonymize("name", "соколоваиринавикторовна"));
    expect(messy!.mentor).toBe(anonymize("mentor", "белована"));
    expect(anonymized.duplicates).toHaveLength(1);
    expect(
      anonymizeSummary(summarize(sokolova(), { asOf: DISTRICT_AS_OF }), anonymize),
    ).toStrictEqual(anonymized);
    expect(JSON.stringify(anonymized)).not.toMatch(/Соколова|Белова|@|89135554433|000-11-01/);
  });

  it("masks them in a summary written before masking, as parseSummary reads it", () => {
    const summary = summarize(sokolova(), { asOf: DISTRICT_AS_OF });
    const unmask = (text: string) =>
      text
        .replaceAll("[телефон скрыт]", "89135554433")
        .replaceAll("[e-mail скрыт]", EMAIL)
        .replaceAll("телефонскрыт", "89135554433");
    const old = JSON.parse(unmask(JSON.stringify(summary))) as unknown;

    expect(JSON.stringify(old)).toContain("89135554433");
    expect(parseSummary(old)).toStrictEqual(summary);
  });
});

describe("duplicates", () => {
  it("counts the card whose route ends later and lists the other", () => {
    expect(district().duplicates).toStrictEqual([
      {
        personKey: "ивановааннапетровна|мбоутурочакскаясош",
        name: "Иванова Анна Петровна",
        school: SCHOOL_A,
        counted: { file: "turochak.xlsx", sheet: "Иванова", cell: "B3", end: "2026-05-31" },
        others: [{ file: "turochak-old.xlsx", sheet: "Лист1", cell: "B3", end: "2025-05-31" }],
      },
    ]);
  });

  it("counts a card with a period over one without, then the further stage, then the first", () => {
    const named = (sheet: string, general: object, plan: object[] = []) =>
      cardRecord(
        "a.xlsx",
        sheet,
        sketchCard({ general: { fullName: "Петров Илья", school: "СОШ 1", ...general }, plan }),
      );
    const period = { routeStart: "01.09.2025", routeEnd: "31.05.2026" };

    const noPeriod = summarize([named("1", {}), named("2", period)], { asOf: DISTRICT_AS_OF });
    const stage = summarize([named("1", period), named("2", period, [{ activity: "Курсы" }])], {
      asOf: DISTRICT_AS_OF,
    });
    const tie = summarize([named("2", period), named("1", period)], { asOf: DISTRICT_AS_OF });

    expect(noPeriod.duplicates[0]!.counted.sheet).toBe("2");
    expect(stage.duplicates[0]!.counted.sheet).toBe("2");
    expect(tie.duplicates[0]!.counted.sheet).toBe("1");
  });

  it("finds no duplicate among cards with no ФИО, nor across ОО", () => {
    const summary = summarize(
      [
        cardRecord("a.xlsx", "1", sketchCard({ general: { school: "СОШ 1" } })),
        cardRecord("a.xlsx", "2", sketchCard({ general: { school: "СОШ 1" } })),
        cardRecord(
          "a.xlsx",
          "3",
          sketchCard({ general: { fullName: "Петров И.", school: "СОШ 1" } }),
        ),
        cardRecord(
          "a.xlsx",
          "4",
          sketchCard({ general: { fullName: "Петров И.", school: "СОШ 2" } }),
        ),
      ],
      { asOf: DISTRICT_AS_OF },
    );

    expect(summary.duplicates).toEqual([]);
  });

  it("finds duplicates across summaries when they are combined", () => {
    const [ivanova, old] = districtRecords();
    const a = summarize([ivanova!], { asOf: DISTRICT_AS_OF });
    const b = summarize([old!], { asOf: DISTRICT_AS_OF });

    expect(a.duplicates).toEqual([]);
    expect(combineSummaries(b, a).duplicates).toEqual(district().duplicates);
  });
});

describe("repeatedCards", () => {
  it("finds the cards of a part that a summary holds already, by file and sheet", () => {
    const records = districtRecords();
    const held = createSummary({ asOf: DISTRICT_AS_OF });
    records.slice(0, 3).forEach((record) => addCard(held, record));
    const overlapping = summarize(records.slice(2), { asOf: DISTRICT_AS_OF });
    const disjoint = summarize(records.slice(3), { asOf: DISTRICT_AS_OF });

    const repeated = repeatedCards(held, overlapping);

    expect(repeated.map((t) => [t.file, t.sheet])).toEqual([[records[2]!.file, records[2]!.sheet]]);
    expect(repeatedCards(held, disjoint)).toEqual([]);
    expect(repeatedCardsMessage("район.xlsx", repeated, overlapping.teachers.length)).toBe(
      `Сводка «район.xlsx» повторяет карты, уже учтённые (1 из ${overlapping.teachers.length}; например, «${records[2]!.file}», лист «${records[2]!.sheet}»): она не учтена, чтобы карты не посчитались дважды`,
    );
  });
});

describe("combineSummaries", () => {
  it("gives the summary of all the cards, whatever the parts and their order", () => {
    const records = districtRecords();
    const first = createSummary({ asOf: DISTRICT_AS_OF });
    addCard(first, records[4]!);
    addCard(first, records[1]!);
    const second = createSummary({ asOf: DISTRICT_AS_OF });
    addUnreadable(second, BROKEN_FILE);
    addCard(second, records[2]!);
    const third = summarize([records[3]!, records[0]!], { asOf: DISTRICT_AS_OF });

    const combined = combineSummaries(third, finishSummary(second), finishSummary(first));

    expect(combined).toStrictEqual(district());
  });

  it("combines summaries read back from JSON", () => {
    const records = districtRecords();
    const roundTrip = (summary: Summary): Summary => JSON.parse(JSON.stringify(summary));
    const first = roundTrip(summarize(records.slice(0, 2), { asOf: DISTRICT_AS_OF }));
    const second = createSummary({ asOf: DISTRICT_AS_OF });
    records.slice(2).forEach((record) => addCard(second, record));
    addUnreadable(second, BROKEN_FILE);

    expect(combineSummaries(first, roundTrip(finishSummary(second)))).toStrictEqual(district());
  });

  it("does not change the summaries it combines", () => {
    const records = districtRecords();
    const a = summarize(records.slice(0, 3), { asOf: DISTRICT_AS_OF });
    const b = summarize(records.slice(3), { asOf: DISTRICT_AS_OF });
    const before = JSON.stringify([a, b]);

    combineSummaries(b, a);

    expect(JSON.stringify([a, b])).toBe(before);
  });

  it("refuses summaries made for different days, naming both", () => {
    const a = summarize([], { asOf: "2025-11-16" });
    const b = summarize([], { asOf: "2025-12-01" });

    expect(() => combineSummaries(a, b)).toThrow(RangeError);
    expect(() => combineSummaries(a, b)).toThrow(
      "Сводки составлены на разные дни: 2025-11-16 и 2025-12-01; объединять можно только сводки на один день",
    );
  });

  it("refuses to combine an anonymized summary with a plain one", () => {
    const plain = summarize([], { asOf: DISTRICT_AS_OF });
    const anonymized = summarize([], { asOf: DISTRICT_AS_OF, anonymize: testAnonymizer("k") });

    expect(() => combineSummaries(plain, anonymized)).toThrow(RangeError);
  });

  it("returns a copy of a single summary", () => {
    const summary = district();

    expect(combineSummaries(summary)).toStrictEqual(summary);
  });
});

describe("anonymization", () => {
  function anonymized(key = "ключ района"): Summary {
    const summary = createSummary({ asOf: DISTRICT_AS_OF, anonymize: testAnonymizer(key) });
    districtRecords().forEach((record) => addCard(summary, record));
    addUnreadable(summary, BROKEN_FILE);
    return finishSummary(summary);
  }

  it("replaces names, mentors, files and sheets, and keeps no ФИО anywhere", () => {
    const summary = anonymized();
    const text = JSON.stringify(summary);

    expect(summary.anonymized).toBe(true);
    for (const word of [
      "Иванова",
      "Сидоров",
      "Кузьмина",
      "Орлов",
      "Петрова",
      "turochak",
      "Лист1",
    ]) {
      expect(text).not.toContain(word);
    }
    expect(summary.teachers.every((t) => t.name!.startsWith("Педагог-"))).toBe(true);
    expect(summary.findings.every((f) => f.file.startsWith("файл-"))).toBe(true);
  });

  it("replaces the file and a quoted sheet where a message names them", () => {
    const anonymize = testAnonymizer("ключ");
    const summary = createSummary({ asOf: DISTRICT_AS_OF, anonymize });
    addUnreadable(
      summary,
      located(
        "file.unreadable",
        "карты/ИОМ Иванова.xlsx",
        null,
        null,
        "Файл «ИОМ Иванова.xlsx» не прочитать (карты/ИОМ Иванова.xlsx)",
      ),
    );
    addCard(
      summary,
      cardRecord("a.xlsx", "Иванова", sketchCard({}), [
        located("file.no-card", "a.xlsx", "Иванова", null, "На листе «Иванова» нет карты: 1 лист"),
      ]),
    );

    const [unreadable, noCard] = finishSummary(summary).findings.map((f) => f.message);
    const file = anonymize("file", "карты/ИОМ Иванова.xlsx");
    const sheet = anonymize("sheet", "Иванова");

    expect([unreadable, noCard].sort()).toEqual(
      [`Файл «${file}» не прочитать (${file})`, `На листе «${sheet}» нет карты: 1 лист`].sort(),
    );
  });

  it("gives every spelling of one person one pseudonym and still finds the duplicate", () => {
    const summary = anonymized();
    const [duplicate] = summary.duplicates;

    expect(summary.duplicates).toHaveLength(1);
    expect(duplicate!.personKey).toBe(
      `${duplicate!.name!.toLowerCase().replace("-", "")}|мбоутурочакскаясош`,
    );
  });

  it("gives the same pseudonyms under the same key, so anonymized summaries merge", () => {
    const records = districtRecords();
    const anonymize = testAnonymizer("ключ района");
    const a = summarize(records.slice(0, 1), { asOf: DISTRICT_AS_OF, anonymize });
    const b = createSummary({ asOf: DISTRICT_AS_OF, anonymize });
    records.slice(1).forEach((record) => addCard(b, record));
    addUnreadable(b, BROKEN_FILE);

    expect(combineSummaries(a, finishSummary(b))).toStrictEqual(anonymized());
    expect(anonymized("другой ключ").teachers[0]!.name).not.toBe(anonymized().teachers[0]!.name);
  });
});

describe("addSummary", () => {
  it("folds a finished summary in as combineSummaries would", () => {
    const records = districtRecords();
    const part = summarize(records.slice(2), { asOf: DISTRICT_AS_OF });
    const summary = createSummary({ asOf: DISTRICT_AS_OF });
    records.slice(0, 2).forEach((record) => addCard(summary, record));

    addSummary(summary, part);

    expect(finishSummary(summary)).toStrictEqual(summarize(records, { asOf: DISTRICT_AS_OF }));
  });

  it("refuses a summary of another day, or anonymized where the accumulator is not", () => {
    const summary = createSummary({ asOf: DISTRICT_AS_OF });
    const anonymized = summarize([], { asOf: DISTRICT_AS_OF, anonymize: testAnonymizer("ключ") });

    expect(() => addSummary(summary, summarize([], { asOf: "2025-11-17" }))).toThrow(
      "Сводки составлены на разные дни: 2025-11-16 и 2025-11-17",
    );
    expect(() => addSummary(summary, anonymized)).toThrow("Обезличенную сводку нельзя объединить");
  });
});

describe("anonymizeSummary", () => {
  it("gives the summary of the same cards read anonymized", () => {
    const anonymize = testAnonymizer("ключ района");
    const plain = district();

    expect(anonymizeSummary(plain, anonymize)).toStrictEqual(
      (() => {
        const summary = createSummary({ asOf: DISTRICT_AS_OF, anonymize });
        districtRecords().forEach((record) => addCard(summary, record));
        addUnreadable(summary, BROKEN_FILE);
        return finishSummary(summary);
      })(),
    );
    expect(plain.anonymized).toBe(false);
  });

  it("refuses a summary anonymized already", () => {
    const anonymize = testAnonymizer("ключ");
    const anonymized = anonymizeSummary(district(), anonymize);

    expect(() => anonymizeSummary(anonymized, anonymize)).toThrow("Сводка уже обезличена");
  });
});

describe("parseSummary", () => {
  it("puts a summary in its order and finds the duplicates anew", () => {
    const summary = district();
    const shuffled = {
      ...summary,
      teachers: [...summary.teachers].reverse(),
      findings: [...summary.findings].reverse(),
      duplicates: [],
    };

    expect(parseSummary(JSON.parse(JSON.stringify(shuffled)))).toStrictEqual(summary);
  });

  it("names the first thing that is not a summary's", () => {
    const summary = JSON.parse(JSON.stringify(district())) as Record<string, unknown>;

    expect(() => parseSummary({ ...summary, asOf: "16.11.2025" })).toThrow(
      "данные сводки не те, что записывает iom-kit (asOf): дата вида ГГГГ-ММ-ДД",
    );
    expect(() => parseSummary({ ...summary, teachers: [{ name: "Иванова" }] })).toThrow(
      "(teachers.0.file)",
    );
    expect(() => parseSummary(null)).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";

import {
  BROKEN_FILE,
  CONTACTS,
  DISTRICT_AS_OF,
  SCHOOL_A,
  districtRecords,
  testAnonymizer,
} from "../../test/builders-summary.js";
import type { SummaryOptions } from "./summary.js";
import { addCard, addUnreadable, createSummary, finishSummary } from "./summary.js";
import { summaryToJson } from "./summary-json.js";

function districtJson(options: Partial<SummaryOptions> = {}) {
  const summary = createSummary({ asOf: DISTRICT_AS_OF, ...options });
  districtRecords().forEach((record) => addCard(summary, record));
  addUnreadable(summary, BROKEN_FILE);
  return summaryToJson(finishSummary(summary));
}

describe("summaryToJson", () => {
  it("prints the contract's fields in order", () => {
    expect(Object.keys(districtJson())).toEqual([
      "asOf",
      "anonymized",
      "cards",
      "teachers",
      "competencies",
      "activities",
      "schools",
      "endingSoon",
      "demand",
      "whatWorked",
      "byCategory",
      "byMentor",
      "duplicates",
      "findings",
    ]);
  });

  it("gives the number of cards read and one entry per teacher", () => {
    const json = districtJson();

    expect(json.cards).toBe(5);
    expect(json.teachers).toHaveLength(4);
  });

  it("gives each teacher's status, deficits at entry, activities and final result", () => {
    const sidorov = districtJson().teachers.find((t) => t.name === "Сидоров Павел Ильич");

    expect(sidorov).toStrictEqual({
      name: "Сидоров Павел Ильич",
      school: SCHOOL_A,
      municipality: null,
      position: "директор",
      staffCategory: "manager",
      staffCategoryFromPosition: true,
      qualification: null,
      mentor: null,
      start: "2024-12-01",
      end: "2025-12-06",
      stage: "final",
      outcome: "completed",
      entry: { high: 1, medium: 0, low: 0, present: 1, absent: 0 },
      competencies: [
        {
          id: "management",
          name: "Управленческая компетенция",
          specified: null,
          entry: "high",
          final: "low",
          change: "eliminated",
        },
        {
          id: "legal",
          name: "Правовая компетенция",
          specified: null,
          entry: "present",
          final: "absent",
          change: "eliminated",
        },
      ],
      activities: { planned: 2, done: 2, notDone: 0, inProgress: 0, overdue: 0, notDue: 0 },
      changes: { eliminated: 2, improved: 0, unchanged: 0, worse: 0 },
      errors: 0,
      warnings: 0,
      file: "turochak.xlsx",
      sheet: "Сидоров",
    });
  });

  it("keys level counts high, medium, low, present, absent, none", () => {
    const [subject] = districtJson().competencies;

    expect(Object.keys(subject!.entry)).toEqual([
      "high",
      "medium",
      "low",
      "present",
      "absent",
      "none",
    ]);
    expect(subject).toMatchObject({ id: "subject", name: "Предметная компетенция" });
  });

  it("survives JSON and holds no phone, e-mail or undefined", () => {
    const json = districtJson();
    const text = JSON.stringify(json);

    expect(JSON.parse(text)).toStrictEqual(json);
    expect(text).not.toContain(CONTACTS.phone);
    expect(text).not.toContain(CONTACTS.email);
  });

  it("holds no name, file or sheet in clear when anonymized", () => {
    const json = districtJson({ anonymize: testAnonymizer("ключ") });
    const text = JSON.stringify(json);

    expect(json.anonymized).toBe(true);
    for (const word of ["Иванова", "Сидоров", "Орлова", "turochak", "dmitrievka", "Лист2"]) {
      expect(text).not.toContain(word);
    }
    expect(json.schools.map((s) => s.school)).toContain(SCHOOL_A);
  });
});

import { describe, expect, it } from "vitest";

import type { DiagnosticForm, Raw } from "./card.js";
import type { DoneMark } from "./vocabulary.js";
import {
  CATEGORY_NAMES,
  DIAGNOSTIC_FORM_NAMES,
  DONE_MARK_NAMES,
  OUTCOME_NAMES,
  readCategory,
  readDiagnosticForms,
  readDoneMark,
  readOutcome,
  readStaffCategory,
  STAFF_CATEGORY_NAMES,
  textOf,
} from "./vocabulary.js";

describe("readCategory", () => {
  it.each([
    ["высшая", "highest"],
    ["Высшая квалификационная категория", "highest"],
    ["высшая, 2021", "highest"],
    ["первая", "first"],
    ["Первая категория", "first"],
    ["1 категория", "first"],
    ["соответствие занимаемой должности", "conformity"],
    ["СЗД", "conformity"],
    ["без категории", "none"],
    ["б/к", "none"],
    ["не имеет", "none"],
    ["нет", "none"],
    ["—", "none"],
  ])("reads %s as %s", (text, value) => {
    expect(readCategory(text)).toEqual({ kind: "value", value });
  });

  it.each(Object.entries(CATEGORY_NAMES))("reads the drop-down's %s back", (value, name) => {
    expect(readCategory(name)).toEqual({ kind: "value", value });
  });

  it("reports a category not on the list", () => {
    expect(readCategory("вторая")).toEqual({ kind: "unknown", text: "вторая" });
  });

  it("reads an empty cell as empty, not as no category", () => {
    expect(readCategory(null)).toEqual({ kind: "empty" });
    expect(readCategory("  ")).toEqual({ kind: "empty" });
  });
});

describe("readDiagnosticForms", () => {
  it.each<[string, DiagnosticForm[]]>([
    ["самодиагностика", ["self"]],
    ["Стандартизированные оценочные процедуры", ["standardized"]],
    ["экспертная оценка", ["expert"]],
    ["результаты профессиональной деятельности", ["results"]],
    ["самодиагностика; экспертная оценка", ["self", "expert"]],
    ["самодиагностика,\nСОП", ["self", "standardized"]],
    ["самодиагностика, самодиагностика", ["self"]],
  ])("reads %j", (text, forms) => {
    expect(readDiagnosticForms(text)).toEqual({ forms, unknown: [] });
  });

  it.each(Object.entries(DIAGNOSTIC_FORM_NAMES))(
    "reads the template's wording of %s",
    (form, name) => {
      expect(readDiagnosticForms(name).forms).toEqual([form]);
    },
  );

  it("reads the card's own wording of the expert form with its bracket and comma", () => {
    const text =
      "на основании экспертной оценки практической (предметно- методической\\управленческой деятельности)";

    expect(readDiagnosticForms(text)).toEqual({ forms: ["expert"], unknown: [] });
  });

  it("lists what is not a form of §2.1", () => {
    expect(readDiagnosticForms("самодиагностика; собеседование")).toEqual({
      forms: ["self"],
      unknown: ["собеседование"],
    });
  });

  it("reads nothing in an empty cell", () => {
    expect(readDiagnosticForms(null)).toEqual({ forms: [], unknown: [] });
  });
});

describe("readStaffCategory", () => {
  it.each([
    ["педагог", "teacher"],
    ["Учитель", "teacher"],
    ["управленческий кадр", "manager"],
    ["заместитель директора", "manager"],
  ])("reads %s as %s", (text, value) => {
    expect(readStaffCategory(text)).toEqual({ kind: "value", value });
  });

  it.each(Object.entries(STAFF_CATEGORY_NAMES))("reads the drop-down's %s back", (value, name) => {
    expect(readStaffCategory(name)).toEqual({ kind: "value", value });
  });

  it("reports a category of staff not on the list", () => {
    expect(readStaffCategory("техперсонал")).toEqual({ kind: "unknown", text: "техперсонал" });
  });
});

describe("readOutcome", () => {
  it.each([
    ["завершён успешно", "completed"],
    ["Завершен успешно", "completed"],
    ["продлён", "extended"],
    ["пролонгирован", "extended"],
  ])("reads %s as %s", (text, value) => {
    expect(readOutcome(text)).toEqual({ kind: "value", value });
  });

  it.each(Object.entries(OUTCOME_NAMES))("reads the drop-down's %s back", (value, name) => {
    expect(readOutcome(name)).toEqual({ kind: "value", value });
  });

  it("reports an outcome not on the list of §2.4", () => {
    expect(readOutcome("хорошо")).toEqual({ kind: "unknown", text: "хорошо" });
  });
});

describe("readDoneMark", () => {
  it.each<[Raw, DoneMark]>([
    ["выполнено", "done"],
    ["Выполнено.", "done"],
    ["+", "done"],
    ["да", "done"],
    ["✓", "done"],
    [true, "done"],
    ["не выполнено", "not-done"],
    ["Не выполнено", "not-done"],
    ["-", "not-done"],
    ["−", "not-done"],
    ["нет", "not-done"],
    ["перенесено", "not-done"],
    [false, "not-done"],
    ["в процессе", "in-progress"],
    ["на проверке", "in-progress"],
  ])("reads %j as %s (QUIRKS.md, Done marks)", (value, mark) => {
    expect(readDoneMark(value)).toEqual({ kind: "value", value: mark });
  });

  it.each(Object.entries(DONE_MARK_NAMES))("reads the drop-down's %s back", (value, name) => {
    expect(readDoneMark(name)).toEqual({ kind: "value", value });
  });

  it("reads an empty cell as empty", () => {
    expect(readDoneMark(null)).toEqual({ kind: "empty" });
    expect(readDoneMark(" ")).toEqual({ kind: "empty" });
  });

  it("reports a mark it cannot read", () => {
    expect(readDoneMark("может быть")).toEqual({ kind: "unknown", text: "может быть" });
  });
});

describe("textOf", () => {
  it("trims text and gives null for an empty cell", () => {
    expect(textOf("  учитель ")).toBe("учитель");
    expect(textOf(" ")).toBeNull();
    expect(textOf(null)).toBeNull();
  });

  it("writes numbers and booleans in their plain form", () => {
    expect(textOf(12)).toBe("12");
    expect(textOf(true)).toBe("true");
  });
});

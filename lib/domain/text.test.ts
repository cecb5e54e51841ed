import { describe, expect, it } from "vitest";

import { isNothing, labelKey, normalizeText, squash } from "./text.js";

describe("normalizeText", () => {
  it("folds spaces, drops soft hyphens, unifies dashes and quotes, ё → е, lower case", () => {
    expect(normalizeText("  Педагоги\u00adческий\u00a0 стаж — «ещё» ")).toBe(
      'педагогический стаж - "еще"',
    );
  });

  it("drops control characters a file's escapes stood for, and takes a CR for a space", () => {
    expect(normalizeText("МБОУ \u0001\u0008«Берёзовская\u200b СОШ»\r\nг.")).toBe(
      'мбоу "березовская сош" г.',
    );
  });
});

describe("labelKey", () => {
  it.each([
    ["2. Занимаемая должность:", "занимаемая должность"],
    ["I. Общие сведения о педагоге", "общие сведения о педагоге"],
    ["1.1 Квалификационная категория", "квалификационная категория"],
    ["а) Звание", "звание"],
    ["Приказ N 209", "приказ № 209"],
  ])("reads %j as %j", (label, key) => {
    expect(labelKey(label)).toBe(key);
  });
});

describe("squash", () => {
  it("gives one key to words glued, broken by a line end or by a lost hyphen", () => {
    const keys = [
      "Психолого-педагогическая",
      "Психолого- педагогическая",
      "Психологопедагогическая",
      "Психолого-\nпедагогическая",
    ].map(squash);

    expect(new Set(keys).size).toBe(1);
  });

  it("turns Latin look-alikes Cyrillic inside a Cyrillic word only", () => {
    expect(squash("Мeтодическая")).toBe(squash("Методическая"));
    expect(squash("Excel")).toBe("excel");
  });
});

describe("isNothing", () => {
  it.each(["", "нет", "Нет.", "—", "-", "не имеет", "отсутствует", "н/д"])(
    "takes %j for nothing",
    (text) => {
      expect(isNothing(text)).toBe(true);
    },
  );

  it.each(["0", "первая", "нет категории"])("takes %j for something", (text) => {
    expect(isNothing(text)).toBe(false);
  });
});

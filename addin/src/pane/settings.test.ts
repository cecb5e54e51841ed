import { describe, expect, it } from "vitest";

import { defaultConfig } from "../../../lib/domain/config.js";
import {
  CONFIG_EXAMPLE,
  describeConfig,
  loadSettings,
  parseDayInput,
  readConfigText,
  saveSettings,
  todayInput,
} from "./settings.js";

describe("readConfigText", () => {
  it("gives the regulation's defaults for an empty text", () => {
    expect(readConfigText("  ")).toEqual({ config: defaultConfig, problems: null });
  });

  it("reads a district's thresholds", () => {
    expect(readConfigText('{"thresholds":{"low":85,"medium":65}}').config?.thresholds).toEqual({
      low: 85,
      medium: 65,
    });
  });

  it("says in Russian what is wrong", () => {
    expect(readConfigText("{").problems?.[0]).toMatch(/^Текст не читается как JSON: проверьте/);
    expect(readConfigText('{"thresholds":{"low":50,"medium":65}}').problems).toEqual([
      "Пороги уровней: порог среднего уровня должен быть ниже порога низкого",
    ]);
  });

  it("names the fields in Russian, an item by its number, and no field for the whole text", () => {
    expect(readConfigText('{"competencies":[{"id":"Комм"}]}').problems).toEqual([
      "Компетенции → №1 → код: строчные латинские буквы, цифры и дефис, например «communicative»",
    ]);
    expect(readConfigText("[]").problems).toEqual(["Нужен объект в фигурных скобках { … }"]);
    expect(readConfigText('{"porog":1}').problems).toEqual([
      "Лишнее поле «porog»: в настройках такого нет (опечатка?)",
    ]);
  });
});

describe("describeConfig", () => {
  it("says what the regulation sets, and what a district changes, in a methodist's words", () => {
    expect(describeConfig(defaultConfig)).toEqual([
      "Уровень профдефицита: низкий — больше 80 % выполнения, средний — больше 60 % до 80 %, высокий — 60 % и меньше.",
      "Дополнительных компетенций нет: перечень карты.",
      "Слов шкал других регионов нет.",
      "Срок ИОМ: от 2 до 24 мес.",
    ]);
    expect(describeConfig(readConfigText(CONFIG_EXAMPLE).config!).slice(1, 3)).toEqual([
      "Дополнительные компетенции: Коммуникативная компетенция.",
      "Слова шкал других регионов: «Оптимальный» — низкий, «Достаточный» — средний, «Критический» — высокий.",
    ]);
  });
});

describe("parseDayInput", () => {
  it("reads a day as a methodist types it, as local midnight, and refuses a day that is not", () => {
    expect(parseDayInput("16.11.2025")).toEqual(new Date(2025, 10, 16));
    expect(parseDayInput(" 1.9.2025 ")).toEqual(new Date(2025, 8, 1));
    expect(parseDayInput("2025-11-16")).toEqual(new Date(2025, 10, 16));
    expect(parseDayInput("30.02.2025")).toBeNull();
    expect(parseDayInput("")).toBeNull();
    expect(todayInput(new Date(2025, 0, 5))).toBe("05.01.2025");
  });
});

describe("stored settings", () => {
  it("round-trips the configuration text and survives broken storage", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };

    saveSettings({ configText: "{}" }, storage);

    expect(loadSettings(storage)).toEqual({ configText: "{}" });
    expect(loadSettings({ getItem: () => "не json" })).toEqual({ configText: "" });
  });
});

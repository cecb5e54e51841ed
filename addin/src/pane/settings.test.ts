import { describe, expect, it } from "vitest";

import { defaultConfig } from "../../../lib/domain/config.js";
import {
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
    expect(readConfigText("{").problems?.[0]).toMatch(/^Это не JSON/);
    expect(readConfigText('{"thresholds":{"low":50,"medium":65}}').problems).toEqual([
      "Пороги уровней: порог среднего уровня должен быть ниже порога низкого",
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

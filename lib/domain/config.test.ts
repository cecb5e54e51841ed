import { describe, expect, it } from "vitest";

import { ConfigError, defaultConfig, parseConfig } from "./config.js";

describe("parseConfig", () => {
  it("gives the regulation's defaults for nothing", () => {
    expect(parseConfig(undefined)).toEqual(defaultConfig);
    expect(parseConfig({})).toEqual({
      thresholds: { low: 80, medium: 60 },
      competencies: [],
      scaleWords: {},
      route: { minMonths: 2, maxMonths: 24 },
    });
  });

  it("fills what a district leaves out", () => {
    expect(parseConfig({ thresholds: { low: 85 } }).thresholds).toEqual({ low: 85, medium: 60 });
    expect(parseConfig({ route: { maxMonths: 12 } }).route).toEqual({
      minMonths: 2,
      maxMonths: 12,
    });
  });

  it("throws a ConfigError naming each wrong field in Russian", () => {
    const error = catchError(() =>
      parseConfig({
        thresholds: { low: 50, medium: 70 },
        competencies: [{ id: "Коммуникативная" }],
      }),
    );

    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toEqual([
      "thresholds: порог среднего уровня должен быть ниже порога низкого",
      "competencies.0.id: строчные латинские буквы, цифры и дефис, например «communicative»",
    ]);
    expect(error.message).toMatch(/^Ошибка в настройках: /);
  });

  it("refuses a route whose shortest period is not below its longest", () => {
    const error = catchError(() => parseConfig({ route: { minMonths: 30, maxMonths: 24 } }));

    expect(error.problems).toEqual([
      "route: наименьший срок маршрута должен быть меньше наибольшего",
    ]);
  });

  it("rejects a field it does not know, so that a typo is not silently ignored", () => {
    expect(() => parseConfig({ treshold: { low: 80 } })).toThrow(ConfigError);
  });

  it("says what to write, not the names of JavaScript's types, and names no field for the whole", () => {
    expect(catchError(() => parseConfig([])).problems).toEqual([
      "нужен объект в фигурных скобках { … }",
    ]);
    expect(catchError(() => parseConfig({ thresholds: { low: "80" }, porog: 1 })).problems).toEqual(
      ["thresholds.low: нужно число", "лишнее поле «porog»: в настройках такого нет (опечатка?)"],
    );
    expect(catchError(() => parseConfig({ scaleWords: { Хороший: "good" } })).problems).toEqual([
      'scaleWords.Хороший: нужно одно из значений: "low", "medium", "high"',
    ]);
  });

  it("rejects a scale word mapped to no level", () => {
    expect(() => parseConfig({ scaleWords: { Оптимальный: "good" } })).toThrow(ConfigError);
  });
});

function catchError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error("did not throw");
}

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

  it("says what number or text it needs where zod would name its own types and bounds", () => {
    const problems = (config: unknown) => catchError(() => parseConfig(config)).problems;

    expect(problems({ competencies: [{ id: "x", name: "" }] })).toEqual([
      "competencies.0.name: не может быть пустым",
    ]);
    expect(problems({ route: { maxMonths: 1e20 } })).toEqual([
      "route.maxMonths: слишком большое число",
    ]);
    expect(problems({ route: { maxMonths: 2.5 } })).toEqual(["route.maxMonths: нужно целое число"]);
    expect(problems({ route: { minMonths: 0 } })).toEqual([
      "route.minMonths: нужно число больше 0",
    ]);
    expect(problems({ thresholds: { low: 101 } })).toEqual([
      "thresholds.low: нужно число не больше 100",
    ]);
  });

  it("refuses a name or alias that another competency has already, the card's or an added one", () => {
    const problems = (competencies: unknown) =>
      catchError(() => parseConfig({ competencies })).problems;

    expect(problems([{ id: "new", name: "Методическая компетенция" }])).toEqual([
      "competencies.0.name: «Методическая компетенция» — уже название компетенции «Методическая компетенция» (код «methodological»): карта не различит их; чтобы дать ей ещё одно название, укажите код «methodological»",
    ]);
    expect(problems([{ id: "subject", aliases: ["Методическая"] }])).toEqual([
      expect.stringMatching(/^competencies\.0\.aliases\.0: «Методическая» — уже название/),
    ]);
    expect(
      problems([
        { id: "communicative", name: "Коммуникативная" },
        { id: "talk", name: "коммуникативная компетенция" },
      ]),
    ).toEqual([expect.stringMatching(/^competencies\.1\.name: .*\(код «communicative»\)/)]);
  });

  it("takes more names for a competency of the card under its own code", () => {
    const config = parseConfig({
      competencies: [{ id: "methodological", aliases: ["Методика", "Методическая компетенция"] }],
    });

    expect(config.competencies[0]!.aliases).toEqual(["Методика", "Методическая компетенция"]);
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

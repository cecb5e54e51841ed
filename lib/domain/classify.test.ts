import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { DeficitColumn, DeficitLevel, Raw } from "./card.js";
import type { Classification, ClassifyOptions } from "./classify.js";
import { classifyDeficit } from "./classify.js";
import { parseConfig } from "./config.js";

const COLUMNS: readonly DeficitColumn[] = ["low", "medium", "high"];

describe("classifyDeficit", () => {
  describe("bands of a percent (DESIGN.md: above 80 low, above 60 medium, else high)", () => {
    it.each([
      [0, "high"],
      [59, "high"],
      [60, "high"],
      [60.5, "medium"],
      [61, "medium"],
      [80, "medium"],
      [80.5, "low"],
      [81, "low"],
      [100, "low"],
    ] as const)("puts %s % into the %s band", (percent, level) => {
      expect(classifyDeficit(percent)).toEqual({ level, percent });
      expect(classifyDeficit(`${String(percent).replace(".", ",")}%`)).toEqual({ level, percent });
    });

    it("puts exactly 60 % into the high band, though the regulation's bands leave it out", () => {
      expect(classifyDeficit("60%").level).toBe("high");
    });

    it("closes the gap between 80 and 81 on the low side and between 60 and 61 on the medium side", () => {
      expect(classifyDeficit(80.5).level).toBe("low");
      expect(classifyDeficit(60.5).level).toBe("medium");
    });
  });

  describe("the forms of a result cell (DESIGN.md, Reading a result cell)", () => {
    it.each<[string, Raw, ClassifyOptions, Classification]>([
      ["a fraction in a percent-formatted cell", 0.75, { percentFormat: true }, m(75)],
      [
        "1 in a percent-formatted cell as 100 %",
        1,
        { percentFormat: true },
        { level: "low", percent: 100 },
      ],
      [
        "0.6 in a percent-formatted cell as 60 % despite floating point",
        0.6,
        { percentFormat: true },
        { level: "high", percent: 60 },
      ],
      ["a text with a percent sign", "75%", {}, m(75)],
      ["a text with a space before the percent sign", "75 %", {}, m(75)],
      ["a text with a decimal comma and a percent sign", "75,5%", {}, m(75.5)],
      ["the number 1 as 1 %", 1, {}, { level: "high", percent: 1 }],
      ["the number 0 as 0 %", 0, {}, { level: "high", percent: 0 }],
      ["a fraction written with a comma", "0,75", {}, m(75)],
      ["a fraction written with a dot", "0.75", {}, m(75)],
      ["a fraction as a number", 0.75, {}, m(75)],
      ["a whole number from 1 to 100 as a percent", 75, {}, m(75)],
      ["a text number as a percent", "75", {}, m(75)],
      ["points out of a maximum", "75 из 100 баллов", {}, m(75)],
      ["points out of a maximum with no word «баллов»", "15 из 20", {}, m(75)],
      ["points with a slash", "15/20", {}, m(75)],
    ])("reads %s", (_what, input, options, expected) => {
      expect(classifyDeficit(input, options)).toEqual(expected);
    });

    it("reads a percent text the same whatever column it stands in", () => {
      for (const column of COLUMNS) {
        expect(classifyDeficit("75%", { column })).toEqual(m(75));
      }
    });
  });

  describe("signs (§2.1: «+» a deficit is present, «−» none)", () => {
    it.each(COLUMNS)("takes the level of the %s column for «+»", (column) => {
      expect(classifyDeficit("+", { column })).toEqual({ level: column });
    });

    it("reads «+» with no column as a deficit of no stated level", () => {
      expect(classifyDeficit("+")).toEqual({ level: "present" });
    });

    it("reads «да» as «+»", () => {
      expect(classifyDeficit("да")).toEqual({ level: "present" });
      expect(classifyDeficit("Да", { column: "medium" })).toEqual({ level: "medium" });
    });

    it.each(["-", "−", "–", "—", "нет", "Нет"])("reads %s as no deficit", (sign) => {
      expect(classifyDeficit(sign)).toEqual({ level: "absent" });
      expect(classifyDeficit(sign, { column: "high" })).toEqual({ level: "absent" });
    });

    it("reads a boolean cell as a sign", () => {
      expect(classifyDeficit(true, { column: "medium" })).toEqual({ level: "medium" });
      expect(classifyDeficit(true)).toEqual({ level: "present" });
      expect(classifyDeficit(false)).toEqual({ level: "absent" });
    });
  });

  describe("level words", () => {
    it.each<[string, DeficitColumn]>([
      ["низкий", "low"],
      ["минимальный", "low"],
      ["средний", "medium"],
      ["высокий", "high"],
      ["Высокий уровень", "high"],
    ])("reads %s as the %s level with no column", (word, level) => {
      expect(classifyDeficit(word)).toEqual({ level });
    });

    it.each<[string, DeficitColumn]>([
      ["низкий", "low"],
      ["минимальный", "low"],
      ["средний", "medium"],
      ["высокий", "high"],
    ])("reads %s in its own column (%s)", (word, column) => {
      expect(classifyDeficit(word, { column })).toEqual({ level: column });
    });

    it("reports a level word that contradicts its column", () => {
      const result = classifyDeficit("высокий", { column: "low" });

      expect(result.level).toBeNull();
      expect(result.problem).toMatchInlineSnapshot(
        `"слово «высокий» стоит в графе «Низкий»: неясно, какой это уровень профдефицита; укажите процент или знак «+» в нужной графе"`,
      );
    });
  });

  describe("scale words of other regions", () => {
    const config = parseConfig({
      scaleWords: { Оптимальный: "low", Достаточный: "medium", Критический: "high" },
    });

    it("reads a scale word only where the configuration maps it", () => {
      expect(classifyDeficit("Оптимальный", { config })).toEqual({
        level: "low",
        scaleWord: "Оптимальный",
      });
      expect(classifyDeficit("критический", { config })).toEqual({
        level: "high",
        scaleWord: "критический",
      });
      expect(classifyDeficit("достаточный", { config, column: "medium" })).toEqual({
        level: "medium",
        scaleWord: "достаточный",
      });
    });

    it("reports a scale word the configuration does not map", () => {
      const result = classifyDeficit("Оптимальный");

      expect(result.level).toBeNull();
      expect(result.problem).toContain("«Оптимальный»");
    });

    it("reads a mapped scale word by its own level, like a percent, whatever its column", () => {
      // The rule `deficit.wrong-column` reports where it stands; the word itself is clear.
      expect(classifyDeficit("Критический", { config, column: "low" })).toEqual({
        level: "high",
        scaleWord: "Критический",
      });
    });
  });

  describe("values it cannot read", () => {
    it("reports points with no maximum", () => {
      expect(classifyDeficit("75 баллов")).toMatchInlineSnapshot(`
        {
          "level": null,
          "problem": "«75 баллов»: баллы без максимума не переводятся в процент; запишите «N из M баллов» или процент",
        }
      `);
    });

    it("reports a word that is no result", () => {
      expect(classifyDeficit("отлично")).toMatchInlineSnapshot(`
        {
          "level": null,
          "problem": "«отлично» не удаётся прочитать как результат: укажите процент выполнения заданий или знак «+»/«−»; если это слово шкалы вашего региона, район может указать его уровень в настройках (scaleWords)",
        }
      `);
      expect(classifyDeficit("75 ?").problem).toBe(
        "«75 ?» не удаётся прочитать как результат: укажите процент выполнения заданий или знак «+»/«−»",
      );
    });

    it.each<[string, Raw]>([
      ["a number above 100", 101],
      ["a percent above 100", "150%"],
      ["a negative number", -5],
      ["a negative percent", "-5%"],
      ["a negative fraction", -0.5],
      ["more points than the maximum", "25 из 20"],
      ["a maximum of zero", "0 из 0"],
      ["negative points", "-5 из 20 баллов"],
    ])("reports %s", (_what, input) => {
      const result = classifyDeficit(input);

      expect(result.level).toBeNull();
      expect(result.problem).toEqual(expect.any(String));
      expect(result.percent).toBeUndefined();
    });

    it("reports a number out of range in a percent-formatted cell (75 typed into a % cell)", () => {
      expect(classifyDeficit(75, { percentFormat: true }).problem).toBe(
        "7500 % — вне пределов 0–100 %: проверьте значение",
      );
    });

    it("names points below zero as such, not as points without a maximum", () => {
      expect(classifyDeficit("-5 из 20 баллов").problem).toBe(
        "«-5 из 20 баллов»: набранные баллы должны быть от 0 до максимума, а максимум — больше нуля",
      );
    });

    it("reports a number too large for a percent without calling it Infinity", () => {
      for (const result of [
        classifyDeficit(1e308, { percentFormat: true }),
        classifyDeficit("9".repeat(400)),
      ]) {
        expect(result.level).toBeNull();
        expect(result.problem).toBe(
          "число слишком велико для процента выполнения: проверьте значение",
        );
      }
    });

    it("reports a number that is not finite", () => {
      expect(classifyDeficit(Number.NaN).problem).toBeDefined();
      expect(classifyDeficit(Number.POSITIVE_INFINITY).problem).toBeDefined();
    });
  });

  describe("empty cells", () => {
    it.each<[string, Raw | undefined]>([
      ["null", null],
      ["undefined", undefined],
      ["an empty text", ""],
      ["spaces", "   "],
      ["a line break and a tab", "\n\t"],
      ["a soft hyphen pasted from Word", "\u00ad"],
      ["a zero-width space", "\u200b"],
    ])("gives no level and no problem for %s", (_what, input) => {
      expect(classifyDeficit(input)).toEqual({ level: null });
    });
  });

  describe("configuration", () => {
    it("moves the bands with the district's thresholds", () => {
      const config = parseConfig({ thresholds: { low: 85, medium: 50 } });

      expect(classifyDeficit(85, { config }).level).toBe("medium");
      expect(classifyDeficit(86, { config }).level).toBe("low");
      expect(classifyDeficit(50, { config }).level).toBe("high");
      expect(classifyDeficit(55, { config }).level).toBe("medium");
    });

    it("keeps the default for a threshold the configuration leaves out", () => {
      const config = parseConfig({ thresholds: { medium: 50 } });

      expect(classifyDeficit(80, { config }).level).toBe("medium");
      expect(classifyDeficit(81, { config }).level).toBe("low");
    });
  });

  describe("properties", () => {
    const raw = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.double(),
      fc.integer(),
      fc.constant(null),
      fc.constantFrom("+", "−", "75%", "15 из 20", "75 баллов", "высокий", "0,75", "1e3"),
    );

    it("never throws and gives a level, a problem or an empty reading", () => {
      fc.assert(
        fc.property(
          raw,
          fc.option(fc.constantFrom(...COLUMNS), { nil: undefined }),
          fc.boolean(),
          (input, column, percentFormat) => {
            const result = classifyDeficit(input, { column, percentFormat });

            const hasLevel = result.level !== null;
            const hasProblem = result.problem !== undefined;
            expect(hasLevel && hasProblem).toBe(false);
            if (!hasLevel && !hasProblem) {
              expect(result).toEqual({ level: null });
            }
            if (result.percent !== undefined) {
              expect(result.percent).toBeGreaterThanOrEqual(0);
              expect(result.percent).toBeLessThanOrEqual(100);
            }
          },
        ),
      );
    });

    it("never gives a higher deficit for a higher percent", () => {
      const percent = fc.double({ min: 0, max: 100, noNaN: true });

      fc.assert(
        fc.property(percent, percent, (a, b) => {
          const [lower, higher] = a <= b ? [a, b] : [b, a];

          const atLower = classifyDeficit(lower / 100, { percentFormat: true }).level;
          const atHigher = classifyDeficit(higher / 100, { percentFormat: true }).level;

          expect(rank(atHigher)).toBeLessThanOrEqual(rank(atLower));
        }),
      );
    });

    it("reads a percent text and the same percent as a fraction alike", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 100 }), (percent) => {
          expect(classifyDeficit(`${percent}%`)).toEqual(
            classifyDeficit(percent / 100, { percentFormat: true }),
          );
        }),
      );
    });
  });
});

function m(percent: number): Classification {
  return { level: "medium", percent };
}

function rank(level: DeficitLevel | null): number {
  const ranks: Partial<Record<DeficitLevel, number>> = { low: 1, medium: 2, high: 3 };
  const value = level === null ? undefined : ranks[level];
  if (value === undefined) {
    throw new Error(`not a band: ${String(level)}`);
  }
  return value;
}

import { describe, expect, it } from "vitest";

import { AS_OF, buildCard, codesOf, item, row } from "../../../test/builders.js";
import type { Card } from "../card.js";
import { CardSchema } from "../card.js";
import { parseConfig } from "../config.js";
import type { ValidateOptions } from "../validate.js";
import { ruleContext } from "../validate.js";
import { checkDiagnostics, checkServed } from "./diagnostics.js";

function diagnostics(edit: (card: Card) => void, options: ValidateOptions = {}) {
  return checkDiagnostics(ruleContext(buildCard(edit), { asOf: AS_OF, ...options }));
}

function served(card: Card) {
  return checkServed(ruleContext(card, { asOf: AS_OF }));
}

/** A card under way whose entry has one deficit and whose plan has one activity. */
function planned(entry: ReturnType<typeof row>, competencies: string): Card {
  return CardSchema.parse({
    entry: [entry],
    plan: [item({ activity: "Курсы ПК", competencies, period: "октябрь 2025" })],
  });
}

describe("checkDiagnostics", () => {
  it("reads a percent in the one result column of a layout without level columns", () => {
    expect(
      diagnostics((c) => (c.entry[0] = row("Предметная компетенция", { single: "85%" }))),
    ).toEqual([]);
  });

  it("reports a level word standing in another level's column", () => {
    expect(
      diagnostics((c) => (c.entry[0] = row("Предметная компетенция", { low: "высокий" }))),
    ).toMatchObject([{ code: "deficit.unreadable", field: "entry.0.low" }]);
  });

  it("reports a percent and a «+» in two columns of one row", () => {
    expect(
      codesOf(diagnostics((c) => (c.entry[0] = row("Предметная", { low: "85%", high: "+" })))),
    ).toEqual(["deficit.several-columns"]);
  });

  it("checks final rows as it checks entry rows", () => {
    expect(
      diagnostics((c) => (c.final.rows[0] = row("Методическая компетенция", { medium: "85%" }))),
    ).toMatchObject([{ code: "deficit.wrong-column", field: "final.rows.0.medium" }]);
  });

  it("reports a result in a row that names no competency", () => {
    expect(diagnostics((c) => c.entry.push(row(null, { high: "30%" })))).toMatchObject([
      { code: "competency.unknown", field: "entry.4.competency" },
    ]);
  });

  it("accepts «Иное (указать)» whose difficulties say what it is", () => {
    expect(
      diagnostics((c) =>
        c.entry.push(row("Иное (указать)", { single: "−" }, { difficulties: "Наставничество" })),
      ),
    ).toEqual([]);
  });

  it("accepts an empty «Иное (указать)» row of the blank card", () => {
    expect(diagnostics((c) => c.entry.push(row("Иное (указать)")))).toEqual([]);
  });

  it("reports signs once per row in a standardized card, at the first sign", () => {
    const findings = diagnostics((c) => {
      c.general.diagnosticForms = "стандартизированные оценочные процедуры";
      c.entry = [row("Психолого-педагогическая", { low: "−", medium: "+", high: "−" })];
      c.final.rows = [];
    });

    expect(findings).toMatchObject([
      { code: "deficit.sign-in-standardized", field: "entry.0.low" },
    ]);
  });

  it("reads the district's scale words and reports them where not configured", () => {
    const edit = (c: Card) => (c.entry[0] = row("Предметная компетенция", { low: "Оптимальный" }));

    expect(codesOf(diagnostics(edit))).toEqual(["deficit.unreadable"]);
    expect(
      diagnostics(edit, { config: parseConfig({ scaleWords: { Оптимальный: "low" } }) }),
    ).toEqual([]);
  });

  it("moves the column a percent belongs to with the district's thresholds", () => {
    const config = parseConfig({ thresholds: { low: 85, medium: 60 } });

    // 85 % in «Низкий» at entry and in the final diagnostics: medium for this district.
    const findings = diagnostics(() => {}, { config });

    expect(findings).toMatchObject([
      { code: "deficit.wrong-column", field: "entry.0.low" },
      { code: "deficit.wrong-column", field: "final.rows.0.low" },
    ]);
    expect(findings[0]?.message).toMatchInlineSnapshot(
      `"«Предметная компетенция»: 85 % — средний уровень профдефицита (больше 60 и не больше 85 %), а стоит в графе «Низкий»: перенесите в графу «Средний»"`,
    );
  });
});

describe("checkServed", () => {
  it("finds a deficit served by an activity naming its short form", () => {
    expect(
      served(planned(row("Методическая компетенция", { high: "40%" }), "Методическая")),
    ).toEqual([]);
  });

  it("finds a literacy served by an activity naming «Функциональная грамотность»", () => {
    expect(
      served(
        planned(row("Читательская грамотность", { medium: "70%" }), "Функциональная грамотность"),
      ),
    ).toEqual([]);
  });

  it("finds the heading «Функциональная грамотность» served by an activity naming one literacy", () => {
    expect(
      served(planned(row("Функциональная грамотность:", { high: "+" }), "Финансовая грамотность")),
    ).toEqual([]);
  });

  it("finds «Иное (указать): …» served by an activity naming the same thing", () => {
    expect(
      served(planned(row("Иное (указать): наставничество", { single: "+" }), "Наставничество")),
    ).toEqual([]);
  });

  it("reports «+» with no column, a deficit of no stated level, when no activity serves it", () => {
    expect(
      served(planned(row("Правовая компетенция", { single: "+" }), "Методическая")),
    ).toMatchObject([{ code: "competency.not-served", field: "entry.0.competency" }]);
  });

  it("asks nothing of a low deficit or of «−»", () => {
    const card = CardSchema.parse({
      entry: [row("Правовая", { low: "90%" }), row("Управленческая", { single: "−" })],
      plan: [item({ activity: "Курсы ПК", competencies: "Методическая" })],
    });

    expect(served(card)).toEqual([]);
  });

  it("asks nothing at the diagnostic stage, before there is a plan", () => {
    expect(served(CardSchema.parse({ entry: [row("Правовая", { high: "30%" })] }))).toEqual([]);
  });
});

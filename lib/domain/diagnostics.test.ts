import { describe, expect, it } from "vitest";

import { row } from "../../test/builders.js";
import { parseConfig } from "./config.js";
import { isSignificant, readDiagnosticRow } from "./diagnostics.js";

describe("readDiagnosticRow", () => {
  it("reads a percent in its column", () => {
    expect(readDiagnosticRow(row("Методическая", { high: "55%" }))).toMatchObject({
      level: "high",
      percent: 55,
    });
  });

  it("reads «+» with the level of its column and «−» in the others", () => {
    expect(
      readDiagnosticRow(row("Методическая", { low: "−", medium: "+", high: "−" })),
    ).toMatchObject({
      level: "medium",
      slots: [{ slot: "low" }, { slot: "medium" }, { slot: "high" }],
    });
  });

  it("reads «+» in the one result column as a deficit of no stated level", () => {
    expect(readDiagnosticRow(row("Методическая", { single: "+" })).level).toBe("present");
  });

  it("reads a fraction in a percent-formatted cell", () => {
    expect(
      readDiagnosticRow(row("Методическая", { medium: { value: 0.7, percentFormat: true } })),
    ).toMatchObject({ level: "medium", percent: 70 });
  });

  it("reads «−» in every column as no deficit", () => {
    expect(
      readDiagnosticRow(row("Методическая", { low: "−", medium: "-", high: "нет" })).level,
    ).toBe("absent");
  });

  it("reads nothing in a row with no result", () => {
    expect(readDiagnosticRow(row("Методическая", { low: "", medium: null }))).toEqual({
      level: null,
      slots: [],
    });
  });

  it("leaves to a person a row whose cells disagree", () => {
    expect(readDiagnosticRow(row("Методическая", { medium: "+", high: "+" })).level).toBeNull();
    expect(readDiagnosticRow(row("Методическая", { low: "90%", high: "30%" })).level).toBeNull();
  });

  it("leaves to a person a row with a value it cannot read", () => {
    const reading = readDiagnosticRow(row("Методическая", { high: "+", low: "отлично" }));

    expect(reading.level).toBeNull();
    expect(reading.slots.find((s) => s.slot === "low")?.classification.problem).toBeDefined();
  });

  it("reads the district's scale words", () => {
    const config = parseConfig({ scaleWords: { Критический: "high" } });

    expect(readDiagnosticRow(row("Методическая", { single: "Критический" }), config).level).toBe(
      "high",
    );
  });
});

describe("isSignificant", () => {
  it("asks for work on a medium or high deficit and on «+», not on a low one or «−»", () => {
    expect(
      (["low", "medium", "high", "present", "absent", null] as const).filter(isSignificant),
    ).toEqual(["medium", "high", "present"]);
  });
});

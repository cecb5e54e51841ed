import { describe, expect, it } from "vitest";

import { buildCard, row } from "../../test/builders.js";
import type { DeficitLevel } from "./card.js";
import { CardSchema } from "./card.js";
import type { Change } from "./compare.js";
import { compareDiagnostics, compareLevels } from "./compare.js";
import { parseConfig } from "./config.js";

describe("compareLevels", () => {
  describe("bands (high > medium > low)", () => {
    it.each<[DeficitLevel, DeficitLevel, Change]>([
      ["high", "low", "eliminated"],
      ["medium", "low", "eliminated"],
      ["high", "medium", "improved"],
      ["high", "high", "unchanged"],
      ["medium", "medium", "unchanged"],
      ["low", "low", "unchanged"],
      ["low", "medium", "worse"],
      ["low", "high", "worse"],
      ["medium", "high", "worse"],
    ])("finds %s → %s %s", (entry, final, change) => {
      expect(compareLevels(entry, final)).toBe(change);
    });
  });

  describe("signs, by presence", () => {
    it.each<[DeficitLevel, DeficitLevel, Change]>([
      ["present", "absent", "eliminated"],
      ["present", "present", "unchanged"],
      ["absent", "absent", "unchanged"],
      ["absent", "present", "worse"],
    ])("finds %s → %s %s", (entry, final, change) => {
      expect(compareLevels(entry, final)).toBe(change);
    });
  });

  describe("a band against a sign, by presence, a low band counting as absent", () => {
    it.each<[DeficitLevel, DeficitLevel, Change]>([
      ["high", "absent", "eliminated"],
      ["medium", "absent", "eliminated"],
      ["present", "low", "eliminated"],
      ["low", "absent", "unchanged"],
      ["absent", "low", "unchanged"],
      ["present", "medium", "unchanged"],
      ["present", "high", "unchanged"],
      ["high", "present", "unchanged"],
      ["absent", "medium", "worse"],
      ["low", "present", "worse"],
    ])("finds %s → %s %s", (entry, final, change) => {
      expect(compareLevels(entry, final)).toBe(change);
    });
  });

  it("finds no change where either side has no result", () => {
    expect(compareLevels("high", null)).toBeNull();
    expect(compareLevels(null, "low")).toBeNull();
    expect(compareLevels(null, null)).toBeNull();
  });
});

describe("compareDiagnostics", () => {
  it("compares the clean card's deficits competency by competency", () => {
    const changes = compareDiagnostics(buildCard());

    expect(changes.map((c) => [c.competency, c.entry, c.final, c.change])).toEqual([
      ["subject", "low", null, null],
      ["methodological", "high", "low", "eliminated"],
      ["psychological", "absent", null, null],
      ["ict", "medium", "absent", "eliminated"],
    ]);
  });

  it("matches final rows to entry rows by competency, whatever their order and spelling", () => {
    const card = CardSchema.parse({
      entry: [
        row("Методическая компетенция", { high: "40%" }),
        row("ИКТ-компетенции", { medium: "70%" }),
      ],
      final: {
        rows: [row("ИКТ", { low: "90%" }), row("Методические компетенции", { medium: "65%" })],
      },
    });

    expect(compareDiagnostics(card)).toMatchObject([
      { competency: "methodological", change: "improved", entryRow: 0, finalRow: 1 },
      { competency: "ict", change: "eliminated", entryRow: 1, finalRow: 0 },
    ]);
  });

  it("matches «Иное» rows by their own text", () => {
    const card = CardSchema.parse({
      entry: [
        row("Иное (указать): наставничество", { single: "+" }),
        row("Иное (указать): инклюзия", { single: "+" }),
      ],
      final: { rows: [row("Иное: инклюзия", { single: "-" })] },
    });

    expect(compareDiagnostics(card)).toMatchObject([
      { competency: "other", specified: "наставничество", final: null, change: null },
      { competency: "other", specified: "инклюзия", final: "absent", change: "eliminated" },
    ]);
  });

  it("leaves out entry rows with no result and rows of unknown competencies", () => {
    const card = CardSchema.parse({
      entry: [row("Предметная компетенция"), row("Коммуникативная", { high: "30%" })],
    });

    expect(compareDiagnostics(card)).toEqual([]);
  });

  it("knows the district's competencies", () => {
    const config = parseConfig({
      competencies: [{ id: "communicative", name: "Коммуникативная компетенция" }],
    });
    const card = CardSchema.parse({
      entry: [row("Коммуникативная", { high: "30%" })],
      final: { rows: [row("Коммуникативная компетенция", { medium: "70%" })] },
    });

    expect(compareDiagnostics(card, config)).toMatchObject([
      { competency: "communicative", entry: "high", final: "medium", change: "improved" },
    ]);
  });
});

import { describe, expect, it } from "vitest";

import { buildCard, item, row } from "../../test/builders.js";
import type { Card } from "./card.js";
import { CardSchema } from "./card.js";
import { outcomeOf, stageOf } from "./stage.js";

/** A card with entry diagnostics only, as at the diagnostic stage. */
function diagnosed(edit: (card: Card) => void = () => {}): Card {
  const card = CardSchema.parse({
    general: { fullName: "Кузнецова Дарья Олеговна" },
    entry: [row("Методическая компетенция", { high: "55%" })],
    final: { rows: [row("Методическая компетенция")], endDate: "«     » 2026г." },
  });
  edit(card);
  return CardSchema.parse(card);
}

const PLANNED = item({
  level: "Уровень ОО",
  activity: "Посещение уроков наставника",
  competencies: "Методическая",
  period: "октябрь 2025",
});

describe("stageOf", () => {
  it("puts a card with entry diagnostics and no plan at the diagnostic stage", () => {
    expect(stageOf(diagnosed())).toBe("diagnostic");
  });

  it("keeps a card whose plan rows name only their levels at the diagnostic stage", () => {
    const card = diagnosed((c) => {
      c.plan = [item({ level: "Личностный уровень" }), item({ level: "Уровень ОО" })];
    });

    expect(stageOf(card)).toBe("diagnostic");
  });

  it("puts a card with a planned activity, none marked and no approval, at development", () => {
    expect(stageOf(diagnosed((c) => (c.plan = [PLANNED])))).toBe("development");
  });

  it("puts an approved card at implementation (§2.2)", () => {
    const card = diagnosed((c) => {
      c.plan = [PLANNED];
      c.general.approvedOn = "01.09.2025";
    });

    expect(stageOf(card)).toBe("implementation");
  });

  it("puts a card with a marked activity at implementation though it is not approved", () => {
    expect(stageOf(diagnosed((c) => (c.plan = [{ ...PLANNED, done: "в процессе" }])))).toBe(
      "implementation",
    );
  });

  it("does not take a placeholder approval date for an approval", () => {
    const card = diagnosed((c) => {
      c.plan = [PLANNED];
      c.general.approvedOn = "__.__.2025";
    });

    expect(stageOf(card)).toBe("development");
  });

  it.each<[string, (card: Card) => void]>([
    ["a final event", (c) => (c.finalEvent.activity = "Открытый урок")],
    ["a final result", (c) => (c.final.rows = [row("Методическая компетенция", { low: "85%" })])],
    ["section 5's end date", (c) => (c.final.endDate = "31.05.2026")],
  ])("puts a card with %s at the final stage", (_what, edit) => {
    expect(stageOf(diagnosed(edit))).toBe("final");
  });

  it("puts the clean finished card at the final stage", () => {
    expect(stageOf(buildCard())).toBe("final");
  });
});

describe("outcomeOf", () => {
  it("reads the template's «итог»", () => {
    expect(outcomeOf(buildCard((c) => (c.general.outcome = "продлён")))).toBe("extended");
    expect(outcomeOf(buildCard())).toBe("completed");
  });

  it("gives none where «итог» is empty or not on the list", () => {
    expect(outcomeOf(buildCard((c) => (c.general.outcome = null)))).toBeNull();
    expect(outcomeOf(buildCard((c) => (c.general.outcome = "хорошо")))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";

import { AS_OF, buildCard, codesOf, row } from "../../../test/builders.js";
import type { Card } from "../card.js";
import { ruleContext } from "../validate.js";
import { checkFinal } from "./final.js";

function check(edit: (card: Card) => void) {
  return checkFinal(ruleContext(buildCard(edit), { asOf: AS_OF }));
}

/** The clean card before its final stage: nothing of sections 4 and 5 filled. */
function underWay(card: Card): void {
  card.finalEvent = { activity: null, level: null, period: null, reflection: null };
  card.final = {
    rows: [row("Методическая компетенция"), row("ИКТ-компетенции")],
    endDate: "«     »\t       2026г.",
    teacher: null,
    mentor: null,
    conclusions: null,
  };
}

describe("checkFinal", () => {
  it("asks nothing of section 5's blank before the final stage", () => {
    expect(check(underWay)).toEqual([]);
  });

  it("reports section 5's blank date at the final stage", () => {
    const findings = check((c) => {
      underWay(c);
      c.finalEvent.activity = "Открытый урок";
      c.final.conclusions = "Эффективны посещения уроков";
      c.final.rows = [
        row("Методическая компетенция", { low: "90%" }),
        row("ИКТ-компетенции", { single: "−" }),
      ];
    });

    expect(findings).toMatchObject([{ code: "date.placeholder", field: "final.endDate" }]);
  });

  it("reports a final event's date it cannot read at any stage", () => {
    expect(
      check((c) => {
        underWay(c);
        c.finalEvent.period = "скоро";
      }),
    ).toMatchObject([{ code: "date.unreadable", field: "finalEvent.period" }]);
  });

  it("reports the final event's unknown level", () => {
    expect(check((c) => (c.finalEvent.level = "межшкольный"))).toMatchObject([
      { code: "level.unknown", field: "finalEvent.level" },
    ]);
  });

  it("points at the final row that has no result where there is one", () => {
    expect(check((c) => (c.final.rows[1] = row("ИКТ-компетенции")))).toMatchObject([
      { code: "final.result-missing", field: "final.rows.1.competency" },
    ]);
  });

  it("asks for a final result of «+» with no column and of a high band, not of a low one", () => {
    const findings = check((c) => {
      c.entry = [
        row("Предметная", { low: "90%" }),
        row("Правовая", { single: "+" }),
        row("Управленческая", { high: "50%" }),
      ];
      c.final.rows = [];
    });

    expect(findings.map((f) => f.message)).toEqual([
      "«Правовая»: на входе был профдефицит, а результата итоговой диагностики нет; внесите его",
      "«Управленческая»: на входе был профдефицит, а результата итоговой диагностики нет; внесите его",
    ]);
  });

  it("reaches the final stage with the end date alone and then asks for everything", () => {
    const findings = check((c) => {
      underWay(c);
      c.final.endDate = "31.05.2026";
    });

    expect(codesOf(findings)).toEqual([
      "final.event-missing",
      "final.result-missing",
      "final.result-missing",
      "final.conclusions-missing",
    ]);
  });
});

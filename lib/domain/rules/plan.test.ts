import { describe, expect, it } from "vitest";

import { AS_OF, buildCard, codesOf, item } from "../../../test/builders.js";
import type { Card } from "../card.js";
import type { ValidateOptions } from "../validate.js";
import { ruleContext } from "../validate.js";
import { checkPlan } from "./plan.js";

function check(edit: (card: Card) => void, options: ValidateOptions = {}) {
  return checkPlan(ruleContext(buildCard(edit), { asOf: AS_OF, ...options }));
}

describe("checkPlan", () => {
  it("passes over blank rows that only name their level, as the blank card has them", () => {
    expect(
      check((c) =>
        c.plan.push(
          item({
            level: "Региональный уровень (заполняется тьютором ЦНППМ/региональным методистом)",
          }),
          item({ level: "Федеральный уровень", activity: "  " }),
        ),
      ),
    ).toEqual([]);
  });

  it("still reports an unknown level on a blank row", () => {
    expect(codesOf(check((c) => c.plan.push(item({ level: "Международный уровень" }))))).toEqual([
      "level.unknown",
    ]);
  });

  it("reads levels written with numbers in front", () => {
    expect(check((c) => (c.plan[1]!.level = "2. Уровень ОО"))).toEqual([]);
  });

  it("lists every competency of a row the catalogue does not know", () => {
    const findings = check(
      (c) => (c.plan[0]!.competencies = "Методическая; Коммуникативная, Эмпатия"),
    );

    expect(findings).toMatchObject([{ code: "competency.unknown", field: "plan.0.competencies" }]);
    expect(findings[0]?.message).toContain("«Коммуникативная», «Эмпатия»");
  });

  it("reports a placeholder as an activity's dates", () => {
    expect(check((c) => (c.plan[0]!.period = "__.__.2025"))).toMatchObject([
      { code: "date.placeholder", field: "plan.0.period" },
    ]);
  });

  it("says a month with no year lacks its year where the route is unknown", () => {
    const findings = check((c) => {
      c.general.routeStart = null;
      c.general.routeEnd = null;
      c.plan[0]!.period = "сентябрь";
    });

    expect(findings).toMatchObject([{ code: "date.unreadable", field: "plan.0.period" }]);
    expect(findings[0]?.message).toContain("(не указан год)");
  });

  it("says an activity's range is reversed", () => {
    const findings = check((c) => (c.plan[0]!.period = "с 30.09.2025 по 01.09.2025"));

    expect(findings[0]?.message).toContain("(окончание раньше начала)");
  });

  describe("overdue (DESIGN.md: ended by the as-of day with no mark)", () => {
    const unmarked = (c: Card) => {
      c.plan[2]!.done = null;
      c.plan[2]!.result = null;
    };

    it("finds an activity overdue the day after its span ends", () => {
      expect(codesOf(check(unmarked, { asOf: new Date(2026, 0, 16) }))).toEqual(["plan.overdue"]);
    });

    it("does not find an activity overdue on its last day", () => {
      expect(check(unmarked, { asOf: new Date(2026, 0, 15) })).toEqual([]);
    });

    it("takes the end of a month as the end of an activity dated by its month", () => {
      const monthly = (c: Card) => {
        unmarked(c);
        c.plan[2]!.period = "январь 2026";
      };

      expect(check(monthly, { asOf: new Date(2026, 0, 31) })).toEqual([]);
      expect(codesOf(check(monthly, { asOf: new Date(2026, 1, 1) }))).toEqual(["plan.overdue"]);
    });

    it("finds an activity «в течение года» overdue only after the route ends", () => {
      const yearly = (c: Card) => {
        unmarked(c);
        c.plan[2]!.period = "в течение года";
      };

      expect(check(yearly, { asOf: new Date(2026, 4, 31) })).toEqual([]);
      expect(codesOf(check(yearly, { asOf: new Date(2026, 5, 1) }))).toEqual(["plan.overdue"]);
    });

    it("does not find an activity under way overdue", () => {
      expect(check((c) => (c.plan[2]!.done = "в процессе"))).toEqual([]);
    });
  });

  describe("done before approval (§2.2)", () => {
    it("compares the activity's end with the approval day", () => {
      expect(check((c) => (c.general.approvedOn = "01.10.2025"))).toMatchObject([
        { code: "plan.done-before-approval", field: "plan.0.done" },
      ]);
      expect(check((c) => (c.general.approvedOn = "30.09.2025"))).toEqual([]);
    });

    it("says nothing of an activity done before a route with no approval date", () => {
      expect(check((c) => (c.general.approvedOn = null))).toEqual([]);
    });

    it("says nothing of an activity not done before the approval", () => {
      const findings = check((c) => {
        c.general.approvedOn = "01.10.2025";
        c.plan[0]!.done = "не выполнено";
        c.plan[0]!.reason = "Болезнь";
      });

      expect(findings).toEqual([]);
    });
  });
});

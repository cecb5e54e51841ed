import { describe, expect, it } from "vitest";

import { AS_OF, buildCard, codesOf, item } from "../../../test/builders.js";
import type { Card } from "../card.js";
import { CardSchema } from "../card.js";
import { ruleContext } from "../validate.js";
import { checkRoute } from "./route.js";

function check(card: Card) {
  return checkRoute(ruleContext(card, { asOf: AS_OF }));
}

describe("checkRoute", () => {
  it("asks for no route period at the diagnostic stage", () => {
    const card = CardSchema.parse({ entry: [{ competency: "Методическая", results: {} }] });

    expect(check(card)).toEqual([]);
  });

  it("asks for the route period once a plan has an activity", () => {
    const card = CardSchema.parse({ plan: [item({ activity: "Курсы ПК" })] });

    expect(codesOf(check(card))).toEqual(["route.period-missing"]);
  });

  it("points at the missing end where only the start is given", () => {
    const card = buildCard((c) => (c.general.routeEnd = null));

    expect(check(card)).toMatchObject([
      { code: "route.period-missing", field: "general.routeEnd" },
    ]);
  });

  it("reports a placeholder in «Сроки ИОМ»", () => {
    const card = buildCard((c) => {
      c.general.routeStart = null;
      c.general.routeEnd = null;
      c.general.routePeriod = "__.__.2025 – __.__.2026";
    });

    expect(check(card)).toMatchObject([{ code: "date.placeholder", field: "general.routePeriod" }]);
  });

  it("quotes «в течение года» given as the route's own period", () => {
    const card = buildCard((c) => {
      c.general.routeStart = null;
      c.general.routeEnd = null;
      c.general.routePeriod = "в течение года";
    });

    expect(check(card)).toMatchObject([
      {
        code: "date.unreadable",
        field: "general.routePeriod",
        message:
          "Сроки ИОМ: «в течение года» не удаётся прочитать как дату (срок указан относительно самого ИОМ); запишите, например, 01.09.2025, «сентябрь 2025» или «с 01.09.2025 по 31.05.2026»",
      },
    ]);
  });

  it("reports start and end given in the wrong order", () => {
    const card = buildCard((c) => {
      c.general.routeStart = "31.05.2026";
      c.general.routeEnd = "01.09.2025";
    });

    expect(check(card)).toMatchObject([{ code: "route.period-order", field: "general.routeEnd" }]);
  });

  it("checks the final event and the day the route ended against the route", () => {
    const card = buildCard((c) => {
      c.finalEvent.period = "с 25.05.2026 по 05.06.2026";
      c.final.endDate = "15.06.2026";
    });

    expect(check(card)).toMatchObject([
      { code: "date.partly-outside-route", field: "finalEvent.period" },
      { code: "date.outside-route", field: "final.endDate" },
    ]);
  });

  it("takes a month with no year from the route", () => {
    expect(check(buildCard((c) => (c.plan[2]!.period = "январь")))).toEqual([]);
  });

  it("does not place dates it cannot read: the plan's rules report them", () => {
    expect(check(buildCard((c) => (c.plan[2]!.period = "скоро")))).toEqual([]);
  });

  it("places nothing where the route period is unknown", () => {
    const card = buildCard((c) => {
      c.general.routeStart = null;
      c.general.routeEnd = null;
      c.plan[2]!.period = "март 2028";
    });

    expect(codesOf(check(card))).toEqual(["route.period-missing"]);
  });
});

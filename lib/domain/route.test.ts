import { describe, expect, it } from "vitest";

import type { GeneralInfo } from "./card.js";
import { GeneralInfoSchema } from "./card.js";
import type { Span } from "./dates.js";
import { formatDay } from "./dates.js";
import { readRoute, routeLength } from "./route.js";

const LIMITS = { minMonths: 2, maxMonths: 24 };

describe("readRoute", () => {
  it("reads the template's start and end", () => {
    const route = readRoute(general({ routeStart: "01.09.2025", routeEnd: "31.05.2026" }));

    expect(describeRoute(route)).toEqual({
      kind: "span",
      span: "2025-09-01 – 2026-05-31",
      fields: ["general.routeStart", "general.routeEnd"],
    });
  });

  it("takes the start of a start month and the end of an end month", () => {
    const route = readRoute(general({ routeStart: "сентябрь 2025", routeEnd: "май 2026" }));

    expect(describeRoute(route).span).toBe("2025-09-01 – 2026-05-31");
  });

  it("reads the one cell «Сроки ИОМ» where start and end are empty", () => {
    expect(
      describeRoute(readRoute(general({ routePeriod: "с 01.09.2025 по 31.05.2026" }))),
    ).toEqual({
      kind: "span",
      span: "2025-09-01 – 2026-05-31",
      fields: ["general.routePeriod"],
    });
  });

  it("reads a school year in «Сроки ИОМ» as 1 September to 31 August", () => {
    expect(describeRoute(readRoute(general({ routePeriod: "2025/2026" }))).span).toBe(
      "2025-09-01 – 2026-08-31",
    );
  });

  it("says the period is missing where nothing is filled", () => {
    expect(readRoute(general({}))).toEqual({ kind: "missing", field: "general.routePeriod" });
  });

  it("says which end is missing where only one is filled", () => {
    expect(readRoute(general({ routeStart: "01.09.2025" }))).toEqual({
      kind: "missing",
      field: "general.routeEnd",
    });
    expect(readRoute(general({ routeEnd: "31.05.2026" }))).toEqual({
      kind: "missing",
      field: "general.routeStart",
    });
  });

  it("says which cell cannot be read", () => {
    expect(readRoute(general({ routeStart: "скоро", routeEnd: "31.05.2026" }))).toEqual({
      kind: "unreadable",
      field: "general.routeStart",
    });
    expect(readRoute(general({ routePeriod: "__.__.2025" }))).toEqual({
      kind: "unreadable",
      field: "general.routePeriod",
    });
  });

  it("says the period is reversed where the end comes before the start", () => {
    expect(readRoute(general({ routeStart: "01.06.2026", routeEnd: "01.09.2025" }))).toEqual({
      kind: "reversed",
      field: "general.routeEnd",
    });
  });

  it("says a one-cell period is reversed where its end comes before its start", () => {
    expect(readRoute(general({ routePeriod: "с 01.06.2026 по 01.09.2025" }))).toEqual({
      kind: "reversed",
      field: "general.routePeriod",
    });
  });
});

describe("routeLength (§1.4: from two months to two years)", () => {
  it.each([
    ["01.09.2025", "31.10.2025", "ok", "exactly two months"],
    ["01.09.2025", "30.10.2025", "short", "a day less than two months"],
    ["01.09.2025", "15.10.2025", "short", "six weeks"],
    ["01.09.2025", "31.08.2027", "ok", "exactly two years"],
    ["01.09.2025", "01.09.2027", "long", "a day more than two years"],
    ["01.09.2025", "31.12.2027", "long", "two years and four months"],
    ["31.12.2024", "27.02.2025", "ok", "two months from the 31st, clamped to February's end"],
    ["01.01.2024", "28.02.2024", "short", "two months a day short in a leap year"],
  ])("finds %s – %s %s (%s)", (start, end, length) => {
    expect(routeLength(spanOf(start, end), LIMITS)).toBe(length);
  });

  it("follows the district's own limits", () => {
    const span = spanOf("01.09.2025", "30.11.2025");

    expect(routeLength(span, { minMonths: 3, maxMonths: 12 })).toBe("ok");
    expect(routeLength(span, { minMonths: 4, maxMonths: 12 })).toBe("short");
    expect(routeLength(span, { minMonths: 1, maxMonths: 2 })).toBe("long");
  });
});

function general(fields: Partial<GeneralInfo>): GeneralInfo {
  return GeneralInfoSchema.parse(fields);
}

function spanOf(start: string, end: string): Span {
  const day = (text: string) => {
    const [d, m, y] = text.split(".").map(Number);
    return new Date(y!, m! - 1, d);
  };
  return { start: day(start), end: day(end), precision: "range" };
}

function describeRoute(route: ReturnType<typeof readRoute>): Record<string, unknown> {
  if (route.kind !== "span") {
    return { ...route };
  }
  return {
    kind: route.kind,
    span: `${formatDay(route.span.start)} – ${formatDay(route.span.end)}`,
    fields: route.fields,
  };
}

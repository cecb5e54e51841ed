import { addMonths } from "date-fns/addMonths";
import { isAfter } from "date-fns/isAfter";
import { isBefore } from "date-fns/isBefore";

import type { FieldPath, GeneralInfo } from "./card.js";
import type { Span } from "./dates.js";
import { readDate } from "./dates.js";

/** The route's period as the card gives it, and where it was found. */
export type RouteReading =
  | { kind: "span"; span: Span; fields: FieldPath[] }
  | { kind: "missing"; field: FieldPath }
  | { kind: "unreadable"; field: FieldPath }
  | { kind: "reversed"; field: FieldPath };

/**
 * The route's period: the template's «начало» and «окончание», else the one cell
 * «Сроки ИОМ» (`с 01.09.2025 по 31.05.2026`, `2025–2026 уч. год`).
 *
 * @example readRoute({ routePeriod: "2025/2026", … }) // 01.09.2025 – 31.08.2026
 */
export function readRoute(general: GeneralInfo): RouteReading {
  const start = readDate(general.routeStart);
  const end = readDate(general.routeEnd);

  if (start.kind === "empty" && end.kind === "empty") {
    const period = readDate(general.routePeriod);
    if (period.kind === "empty") {
      return { kind: "missing", field: "general.routePeriod" };
    }
    if (period.kind === "unreadable" && period.reversed) {
      return { kind: "reversed", field: "general.routePeriod" };
    }
    if (period.kind !== "span") {
      return { kind: "unreadable", field: "general.routePeriod" };
    }
    return { kind: "span", span: period.span, fields: ["general.routePeriod"] };
  }

  for (const [reading, field] of [
    [start, "general.routeStart"],
    [end, "general.routeEnd"],
  ] as const) {
    if (reading.kind === "empty") {
      return { kind: "missing", field };
    }
    if (reading.kind !== "span") {
      return { kind: "unreadable", field };
    }
  }
  if (start.kind !== "span" || end.kind !== "span") {
    return { kind: "missing", field: "general.routeStart" };
  }

  if (isAfter(start.span.start, end.span.end)) {
    return { kind: "reversed", field: "general.routeEnd" };
  }
  return {
    kind: "span",
    span: { start: start.span.start, end: end.span.end, precision: "range" },
    fields: ["general.routeStart", "general.routeEnd"],
  };
}

/**
 * How the route's length stands against §1.4 (from two months to two years, or the district's
 * own limits): `short`, `long` or `ok`.
 */
export function routeLength(
  span: Span,
  limits: { minMonths: number; maxMonths: number },
): "short" | "long" | "ok" {
  // Both ends are days included: a route from 1 September to 31 October lasts two months.
  const dayAfterEnd = new Date(span.end.getFullYear(), span.end.getMonth(), span.end.getDate() + 1);
  if (isBefore(dayAfterEnd, addMonths(span.start, limits.minMonths))) {
    return "short";
  }
  if (isAfter(dayAfterEnd, addMonths(span.start, limits.maxMonths))) {
    return "long";
  }
  return "ok";
}

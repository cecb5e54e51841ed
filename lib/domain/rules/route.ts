import { isBefore } from "date-fns/isBefore";

import type { FieldPath, GeneralField, Raw } from "../card.js";
import type { DateReading } from "../dates.js";
import { formatRussianDay, formatSpan, placeSpan, readDate } from "../dates.js";
import type { Finding } from "../finding.js";
import { finding } from "../finding.js";
import { routeLength } from "../route.js";
import { textOf } from "../vocabulary.js";
import type { RuleContext } from "./context.js";

/**
 * The route's period (§1.4: from two months to two years) and every dated thing of the
 * route inside it: activities, the final event, the day the route ended (DESIGN.md: a span
 * wholly inside is fine, partly outside a warning, wholly outside an error).
 */
export function checkRoute(context: RuleContext): Finding[] {
  const { route, stage, config } = context;
  const findings: Finding[] = [];

  if (route.kind === "missing" && stage !== "diagnostic") {
    findings.push(
      finding(
        "route.period-missing",
        "Не указаны сроки ИОМ: добавьте в общие сведения строку «Сроки ИОМ», например «с 01.09.2026 по 31.05.2027» (§1.4: от двух месяцев до двух лет)",
        route.field,
      ),
    );
  }
  if (route.kind === "unreadable") {
    const raw = rawOf(context, route.field);
    findings.push(dateFinding(readDate(raw), "сроки ИОМ", route.field, raw));
  }
  if (route.kind === "reversed") {
    findings.push(
      finding("route.period-order", "Окончание ИОМ раньше его начала: проверьте даты", route.field),
    );
  }

  if (route.kind === "span") {
    const conflict = periodConflict(context);
    if (conflict !== null) {
      findings.push(conflict);
    }
    const length = routeLength(route.span, config.route);
    const field = route.fields[route.fields.length - 1]!;
    if (length === "short") {
      findings.push(
        finding(
          "route.too-short",
          `ИОМ ${formatSpan(route.span)} короче ${config.route.minMonths} мес.: ${limits(config)}`,
          field,
        ),
      );
    } else if (length === "long") {
      findings.push(
        finding(
          "route.too-long",
          `ИОМ ${formatSpan(route.span)} длиннее ${config.route.maxMonths} мес.: ${limits(config)}`,
          field,
        ),
      );
    }
  }

  // §2.4: a route ends with its final stage. One whose period is over with nothing of it
  // filled is a route nobody closed.
  if (route.kind === "span" && stage !== "final" && isBefore(route.span.end, context.asOf)) {
    findings.push(
      finding(
        "route.not-closed",
        `ИОМ закончился ${formatRussianDay(route.span.end)}, а заключительный этап не заполнен: внесите заключительное мероприятие, итоговую диагностику и выводы или продлите маршрут (§2.4)`,
        route.fields[route.fields.length - 1]!,
      ),
    );
  }

  for (const { raw, field, what } of datedThings(context)) {
    const reading = readDate(raw, { route: context.span });
    if (reading.kind === "span" && context.span && reading.span.precision !== "route") {
      const place = placeSpan(reading.span, context.span);
      const period = formatSpan(context.span);
      if (place === "outside") {
        findings.push(
          finding(
            "date.outside-route",
            `${what}: «${textOf(raw)}» вне сроков ИОМ (${period}): исправьте дату или сроки`,
            field,
          ),
        );
      } else if (place === "partly") {
        findings.push(
          finding(
            "date.partly-outside-route",
            `${what}: «${textOf(raw)}» выходит за сроки ИОМ (${period})`,
            field,
          ),
        );
      }
    }
  }
  return findings;
}

/**
 * «Сроки ИОМ» saying other days than «Начало ИОМ» and «Окончание ИОМ» beside it (a template
 * card holds all three): the route is read from the two days, so a «Сроки ИОМ» the two do not
 * agree with is reported where it stands. A period of whole months or a school year agrees
 * with days inside it; one of days, only with the same days.
 */
function periodConflict({ card, route }: RuleContext): Finding | null {
  if (route.kind !== "span" || !route.fields.includes("general.routeStart")) {
    return null;
  }
  const period = readDate(card.general.routePeriod);
  if (period.kind !== "span") {
    return null;
  }

  const day = (date: Date) => formatRussianDay(date);
  const same =
    day(period.span.start) === day(route.span.start) &&
    day(period.span.end) === day(route.span.end);
  const inside =
    !isBefore(route.span.start, period.span.start) && !isBefore(period.span.end, route.span.end);
  const exact = /\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(textOf(card.general.routePeriod) ?? "");
  if (same || (!exact && inside)) {
    return null;
  }
  return finding(
    "route.period-conflict",
    `«Сроки ИОМ» (${formatSpan(period.span)}) не совпадают с началом и окончанием ИОМ (${formatSpan(route.span)}); читаются начало и окончание: исправьте одно из двух`,
    "general.routePeriod",
  );
}

/**
 * A finding for a date cell that is not a date: a placeholder, or text that cannot be read.
 * Exported for the other rules, which read dates of their own fields. `raw` is the cell's
 * value, quoted where the reading has no text of its own («в течение года» with no route).
 */
export function dateFinding(
  reading: DateReading,
  what: string,
  field: FieldPath,
  raw: Raw = null,
): Finding {
  if (reading.kind === "placeholder") {
    return finding(
      "date.placeholder",
      `${capitalize(what)}: «${reading.text}» — это не дата, а условная отметка; укажите дату`,
      field,
    );
  }
  const text = reading.kind === "unreadable" ? reading.text : (textOf(raw) ?? "");
  const reason =
    reading.kind === "unreadable" && reading.reason
      ? ` (${reading.reason})`
      : reading.kind === "relative"
        ? " (срок указан относительно самого ИОМ)"
        : "";
  return finding(
    "date.unreadable",
    `${capitalize(what)}: «${text}» не удаётся прочитать как дату${reason}; запишите, например, 01.09.2025, «сентябрь 2025» или «с 01.09.2025 по 31.05.2026»`,
    field,
  );
}

interface Dated {
  raw: Raw;
  field: FieldPath;
  what: string;
}

function datedThings({ card }: RuleContext): Dated[] {
  const dated: Dated[] = card.plan.map((item, index) => ({
    raw: item.period,
    field: `plan.${index}.period`,
    what: activityName(item.activity),
  }));
  dated.push({
    raw: card.finalEvent.period,
    field: "finalEvent.period",
    what: "Заключительное мероприятие",
  });
  dated.push({
    raw: card.final.endDate,
    field: "final.endDate",
    what: "Окончание работы по реализации ИОМ",
  });
  return dated;
}

/** How messages name an activity: «Мероприятие «Курсы ПК …»», shortened. */
export function activityName(activity: Raw): string {
  const text = textOf(activity);
  if (text === null) {
    return "Мероприятие без названия";
  }
  const short = text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
  return `Мероприятие «${short.replace(/\s+/g, " ")}»`;
}

function rawOf({ card }: RuleContext, field: FieldPath): Raw {
  const name = field.replace(/^general\./, "") as GeneralField;
  return card.general[name];
}

/** Where the route's limits come from: §1.4, or the district's own configuration. */
function limits(config: RuleContext["config"]): string {
  const { minMonths, maxMonths } = config.route;
  return minMonths === 2 && maxMonths === 24
    ? "по §1.4 маршрут составляется на период от двух месяцев до двух лет"
    : `по настройкам района маршрут длится от ${minMonths} до ${maxMonths} мес.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

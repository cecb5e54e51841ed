import { endOfMonth } from "date-fns/endOfMonth";
import { endOfYear } from "date-fns/endOfYear";
import { isAfter } from "date-fns/isAfter";
import { isBefore } from "date-fns/isBefore";
import { max } from "date-fns/max";
import { min } from "date-fns/min";
import { startOfDay } from "date-fns/startOfDay";

import type { Raw } from "./card.js";
import { normalizeText } from "./text.js";

/** How exact a span is: one day, a month, a year, a range, a school year, or the whole route. */
export type Precision = "day" | "month" | "year" | "range" | "school-year" | "route";

/** Days from `start` to `end`, both included, at local midnight. */
export interface Span {
  start: Date;
  end: Date;
  precision: Precision;
}

/** What a date cell says. */
export type DateReading =
  | { kind: "empty" }
  | { kind: "span"; span: Span }
  /** «в течение года», «в течение ИОМ», «по плану ОО» where the route's period is not known. */
  | { kind: "relative" }
  /** `01.01.1000`, `__.__.2022`, «  » ____ 2023 г.: a form's blank, not a date. */
  | { kind: "placeholder"; text: string }
  /** `reversed` where both ends were read and the end comes before the start. */
  | { kind: "unreadable"; text: string; reason?: string; reversed?: true };

export interface ReadDateOptions {
  /** The route's period: «в течение года» means it, and a month with no year is found in it. */
  route?: Span | null;
}

/**
 * Reads a date cell into a span (DESIGN.md, Dates and periods; QUIRKS.md, Dates):
 * `01.09.2023`, `1.9.23`, `1 сентября 2024 г.`, an Excel serial; `сентябрь 2024`,
 * `сентября 2023г.`; `с 01.09.2023 по 31.05.2024`, `2022–2025 гг.`, `октябрь–ноябрь 2024`;
 * `2023–2024 уч. год`, `2023/2024` (1 September to 31 August); `в течение года`,
 * `в течение ИОМ`, `по плану ОО` (the route's whole period). Never throws.
 *
 * A number is an Excel serial of the 1900 system; whole numbers from 1900 to 2200 are years.
 *
 * @example readDate("с 01.09.2025 по 31.05.2026") // { kind: "span", span: { start: 2025-09-01, end: 2026-05-31, precision: "range" } }
 */
export function readDate(
  value: Raw | Date | undefined,
  options: ReadDateOptions = {},
): DateReading {
  if (value === null || value === undefined || typeof value === "boolean") {
    return { kind: "empty" };
  }
  if (value instanceof Date) {
    return fromJsDate(value);
  }
  if (typeof value === "number") {
    return fromNumber(value);
  }

  const original = value.trim();
  if (original === "") {
    return { kind: "empty" };
  }
  const text = clean(original);

  if (isPlaceholder(text)) {
    return { kind: "placeholder", text: original };
  }
  if (RELATIVE.test(text)) {
    return options.route ? routeSpan(options.route) : { kind: "relative" };
  }

  // «2022–2025 гг.» names calendar years; `clean` drops the «гг», so look at it here.
  const calendarYears = /\dгг|\d\s+гг/.test(normalizeText(original));
  const span = readSpan(text, options.route ?? null, calendarYears);
  if (span === "no-year") {
    return { kind: "unreadable", text: original, reason: "не указан год" };
  }
  if (span === "reversed") {
    return {
      kind: "unreadable",
      text: original,
      reason: "окончание раньше начала",
      reversed: true,
    };
  }
  if (span === "placeholder") {
    return { kind: "placeholder", text: original };
  }
  return span ? { kind: "span", span } : { kind: "unreadable", text: original };
}

/**
 * The day an Excel serial of the 1900 system stands for, at local midnight. Excel counts
 * 29 February 1900, which never was, so serials from 61 on are one day later than a plain
 * count from 31 December 1899.
 */
export function serialToDate(serial: number): Date {
  const days = Math.floor(serial + 1 / 86_400_000);
  const utc = Date.UTC(1899, 11, days >= 61 ? 30 : 31) + days * 86_400_000;
  const day = new Date(utc);
  return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
}

/** The Excel serial (1900 system) of a local calendar day: the inverse of `serialToDate`. */
export function dateToSerial(date: Date): number {
  const utc = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  const days = Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days < 61 ? days - 1 : days;
}

/** A day as YYYY-MM-DD, the form the CLI and JSON print. */
export function formatDay(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, "0");
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** A day in Russian print form, DD.MM.YYYY. */
export function formatRussianDay(date: Date): string {
  const [y, m, d] = formatDay(date).split("-");
  return `${d}.${m}.${y}`;
}

/** A span in Russian, for messages and cells: «01.09.2025», «с 01.09.2025 по 31.05.2026». */
export function formatSpan(span: Span): string {
  const start = formatRussianDay(span.start);
  const end = formatRussianDay(span.end);
  return start === end ? start : `с ${start} по ${end}`;
}

/**
 * Parses YYYY-MM-DD (the CLI's `--today`) into a local day.
 *
 * @throws {RangeError} when the text is not a real day in that form.
 */
export function parseDay(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = match ? makeDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  if (!date) {
    throw new RangeError(`«${text}» не дата в виде ГГГГ-ММ-ДД`);
  }
  return date;
}

/** Where one span lies against another: wholly inside, partly, wholly outside. */
export function placeSpan(span: Span, within: Span): "inside" | "partly" | "outside" {
  if (isBefore(span.end, within.start) || isAfter(span.start, within.end)) {
    return "outside";
  }
  if (isBefore(span.start, within.start) || isAfter(span.end, within.end)) {
    return "partly";
  }
  return "inside";
}

const MONTHS: [RegExp, number][] = [
  [/^янв/, 1],
  [/^фев/, 2],
  [/^мар/, 3],
  [/^апр/, 4],
  [/^ма[йяею]$/, 5],
  [/^июн/, 6],
  [/^июл/, 7],
  [/^авг/, 8],
  [/^сен/, 9],
  [/^окт/, 10],
  [/^ноя/, 11],
  [/^дек/, 12],
];

const RELATIVE =
  /^(?:в\s+)?(?:течени[ие]|период|ходе)\s+(?:всего\s+)?(?:учебного\s+)?(?:года|иом|маршрута|периода|реализации(?:\s+иом)?|срока)$|^по\s+(?:плану|графику)(?:\s|$)|^(?:постоянно|систематически|ежемесячно|еженедельно|ежеквартально|регулярно|в\s+течение\s+всего\s+периода)$/;

function fromJsDate(date: Date): DateReading {
  if (Number.isNaN(date.getTime())) {
    return { kind: "unreadable", text: String(date) };
  }
  // exceljs gives the sheet's wall-clock time as UTC; a time a hair before midnight
  // (floating-point serials, exceljs issue 486) belongs to the next day.
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  const year = rounded.getUTCFullYear();
  const day = makeDay(year, rounded.getUTCMonth() + 1, rounded.getUTCDate());
  if (!day || year < 1900) {
    // The wall-clock day, as the sheet shows it: the UTC parts, not the local ones.
    return { kind: "placeholder", text: rounded.toISOString().slice(0, 10) };
  }
  return { kind: "span", span: { start: day, end: day, precision: "day" } };
}

function fromNumber(value: number): DateReading {
  if (!Number.isFinite(value) || value < 1) {
    return { kind: "unreadable", text: String(value) };
  }
  if (Number.isInteger(value) && value >= 1900 && value <= 2200) {
    return { kind: "span", span: yearSpan(value, value, "year") };
  }
  if (value < 2200 || value > 2_958_465) {
    return { kind: "unreadable", text: String(value) };
  }
  const day = serialToDate(value);
  return { kind: "span", span: { start: day, end: day, precision: "day" } };
}

function routeSpan(route: Span): DateReading {
  return { kind: "span", span: { start: route.start, end: route.end, precision: "route" } };
}

/** Lower case, one kind of dash, «г.», «года», «гг.» and trailing dots dropped. */
function clean(text: string): string {
  return (
    normalizeText(text)
      // «15» марта 2024 г.: a day in quotes, as forms print it.
      .replace(/^"\s*(\d{1,2})\s*"\s*(?=[а-я])/, "$1 ")
      // «март, 2024»: a comma between a month and its year is no list.
      .replace(/([а-я]),\s*(\d{4})/g, "$1 $2")
      .replace(/(\d)\s*(?:гг|г|года|год)(?=[\s.,;)]|$)\.?/g, "$1")
      .replace(/\s*-\s*/g, "-")
      .replace(/\s*\/\s*/g, "/")
      .replace(/[.,;]+$/, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/**
 * Blanks of forms: `__.__.2022`, `дд.мм.гггг`, `00.00.2023`, and section 5's «     » 2023 г.
 * (quotes are `"` here: `normalizeText` unifies them). A quoted word is not a blank.
 */
function isPlaceholder(text: string): boolean {
  return /_{2,}|\.{4,}|^"\s*"|дд\.мм|гггг|xx\.xx|хх\.хх|00\.00\.\d{2,4}/.test(text);
}

type SpanResult = Span | null | "no-year" | "placeholder" | "reversed";

function readSpan(text: string, route: Span | null, calendarYears: boolean): SpanResult {
  const within = /^(?:в\s+течение|в\s+период|в|до|к|не\s+позднее|не\s+позже)\s+(.+)$/.exec(text);
  if (within?.[1] && !RELATIVE.test(text)) {
    return readSpan(within[1], route, calendarYears);
  }

  const schoolYear =
    /^(\d{4})(?:-|\/)(\d{2}|\d{4})(?:\s*(уч(?:ебн(?:ый|ого))?\.?\s*(?:г(?:ода?)?\.?)?|у\.г\.?|учебный))?$/.exec(
      text,
    );
  if (schoolYear) {
    const first = Number(schoolYear[1]);
    const second = fullYear(schoolYear[2]!, first);
    if (second === first + 1 && (schoolYear[3] !== undefined || !calendarYears)) {
      return {
        start: makeDay(first, 9, 1)!,
        end: makeDay(second, 8, 31)!,
        precision: "school-year",
      };
    }
    if (second > first) {
      return yearSpan(first, second, "range");
    }
    return second < first ? "reversed" : null;
  }

  const ranged =
    /^(?:с|от)\s+(.+?)\s+(?:по|до)\s+(.+)$/.exec(text) ??
    /^(.+?)\s*(?:-|—|–|\sпо\s)\s*(.+)$/.exec(text);
  if (ranged) {
    const range = readRange(ranged[1]!, ranged[2]!, route);
    if (range !== null) {
      return range;
    }
  }

  const listed = text.split(/\s*[,;]\s*|\s+и\s+/);
  if (listed.length > 1) {
    const spans = listed.map((part) => readSingle(part, route, {}));
    if (spans.every((s): s is Span => typeof s === "object" && s !== null)) {
      return {
        start: min(spans.map((s) => s.start)),
        end: max(spans.map((s) => s.end)),
        precision: "range",
      };
    }
  }

  return readSingle(text, route, {});
}

function readRange(left: string, right: string, route: Span | null): SpanResult {
  const end = readSingle(right, route, {});
  if (typeof end !== "object" || end === null) {
    return end === "placeholder" ? end : null;
  }
  const start = readSingle(left, route, {
    year: end.end.getFullYear(),
    month: end.precision === "day" ? end.end.getMonth() + 1 : undefined,
  });
  if (typeof start !== "object" || start === null) {
    return start === "placeholder" ? start : null;
  }

  // «ноябрь 2025 – февраль» : a start month after the end month belongs to the year before.
  let from = start.start;
  if (isAfter(from, end.end) && !/\d{4}/.test(left)) {
    from = new Date(from.getFullYear() - 1, from.getMonth(), from.getDate());
  }
  if (isAfter(from, end.end)) {
    return "reversed";
  }
  return { start: from, end: end.end, precision: "range" };
}

interface Defaults {
  year?: number;
  month?: number | undefined;
}

function readSingle(text: string, route: Span | null, defaults: Defaults): SpanResult {
  const part = text.trim().replace(/^(?:с|от|по|до|в)\s+/, "");

  const numeric = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$/.exec(part);
  if (numeric) {
    const year = numeric[3] !== undefined ? fullYear(numeric[3]) : defaults.year;
    if (year === undefined) {
      return "no-year";
    }
    return daySpan(year, Number(numeric[2]), Number(numeric[1]));
  }

  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(part);
  if (iso) {
    return daySpan(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }

  const monthYear = /^(\d{1,2})\.(\d{4})$/.exec(part);
  if (monthYear) {
    return monthSpan(Number(monthYear[2]), Number(monthYear[1]));
  }

  const period = readPeriod(part, route);
  if (period !== undefined) {
    return period;
  }

  const words = /^(\d{1,2})?\s*([а-я]+)\.?(?:\s+(\d{4}))?$/.exec(part);
  if (words) {
    const month = monthNumber(words[2]!);
    if (month === undefined) {
      return null;
    }
    const year =
      words[3] !== undefined ? Number(words[3]) : (defaults.year ?? yearInRoute(month, route));
    if (year === undefined) {
      return "no-year";
    }
    return words[1] !== undefined ? daySpan(year, month, Number(words[1])) : monthSpan(year, month);
  }

  const dayOnly = /^(\d{1,2})$/.exec(part);
  if (dayOnly && defaults.year !== undefined && defaults.month !== undefined) {
    return daySpan(defaults.year, defaults.month, Number(dayOnly[1]));
  }

  const year = /^(\d{4})$/.exec(part);
  if (year) {
    const y = Number(year[1]);
    return y < 1900 ? "placeholder" : yearSpan(y, y, "year");
  }

  return null;
}

/**
 * Parts of a year schools plan by: «I полугодие 2027», «1 квартал 2027», «II четверть»,
 * «весна 2027». With a year, halves and quarters are the calendar's; school terms
 * (четверть: I Sep–Oct, II Nov–Dec, III Jan–Mar, IV Apr–May) and a half with no year
 * (I Sep–Dec, II Jan–May, the school year's) are found in the route.
 */
function readPeriod(text: string, route: Span | null): SpanResult | undefined {
  const numbered =
    /^(iv|i{1,3}|[1-4])(?:-?(?:е|й|ое|ий|ая|я))?\s*(полугодие|квартал|четверть)(?:\s+(\d{4}))?$/.exec(
      text,
    );
  const season = /^(весн|лет|осен|зим)[а-я]*(?:\s+(\d{4}))?$/.exec(text);
  if (!numbered && !season) {
    return undefined;
  }

  let first: number;
  let months: number;
  let year: number | undefined;
  if (numbered) {
    const n = ROMAN[numbered[1]!] ?? Number(numbered[1]);
    const kind = numbered[2]!;
    year = numbered[3] === undefined ? undefined : Number(numbered[3]);
    if (kind === "квартал") {
      [first, months] = [(n - 1) * 3 + 1, 3];
    } else if (kind === "полугодие") {
      if (n > 2) {
        return null;
      }
      [first, months] = year === undefined ? (n === 1 ? [9, 4] : [1, 5]) : [(n - 1) * 6 + 1, 6];
    } else {
      [first, months] = (
        [
          [9, 2],
          [11, 2],
          [1, 3],
          [4, 2],
        ] as const
      )[n - 1]!;
    }
  } else {
    const seasons: Record<string, [number, number]> = {
      весн: [3, 3],
      лет: [6, 3],
      осен: [9, 3],
      зим: [12, 3],
    };
    [first, months] = seasons[season![1]!]!;
    year = season![2] === undefined ? undefined : Number(season![2]);
    // «зима 2027» is December 2026 to February 2027.
    if (year !== undefined && first === 12) {
      year -= 1;
    }
  }

  if (year !== undefined) {
    return monthsSpan(year, first, months);
  }
  if (!route) {
    return "no-year";
  }
  for (let y = route.start.getFullYear() - 1; y <= route.end.getFullYear(); y++) {
    const span = monthsSpan(y, first, months);
    if (!isAfter(span.start, route.end) && !isBefore(span.end, route.start)) {
      return span;
    }
  }
  return "no-year";
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** `months` months from the first day of `first` in `year` (running into the next year). */
function monthsSpan(year: number, first: number, months: number): Span {
  const start = new Date(year, first - 1, 1);
  const end = startOfDay(endOfMonth(new Date(year, first - 1 + months - 1, 1)));
  return { start, end, precision: "range" };
}

function daySpan(year: number, month: number, day: number): SpanResult {
  if (year < 1900) {
    return "placeholder";
  }
  const date = makeDay(year, month, day);
  return date ? { start: date, end: date, precision: "day" } : null;
}

function monthSpan(year: number, month: number): SpanResult {
  if (year < 1900) {
    return "placeholder";
  }
  const start = makeDay(year, month, 1);
  return start ? { start, end: startOfDay(endOfMonth(start)), precision: "month" } : null;
}

function yearSpan(first: number, last: number, precision: Precision): Span {
  return {
    start: new Date(first, 0, 1),
    end: startOfDay(endOfYear(new Date(last, 0, 1))),
    precision,
  };
}

/** The year in which a month with no year falls inside the route, if the route is known. */
function yearInRoute(month: number, route: Span | null): number | undefined {
  if (!route) {
    return undefined;
  }
  for (let year = route.start.getFullYear(); year <= route.end.getFullYear(); year++) {
    const start = new Date(year, month - 1, 1);
    if (!isAfter(start, route.end) && !isBefore(endOfMonth(start), route.start)) {
      return year;
    }
  }
  return undefined;
}

function monthNumber(word: string): number | undefined {
  return MONTHS.find(([pattern]) => pattern.test(word))?.[1];
}

function fullYear(text: string, near?: number): number {
  const value = Number(text);
  if (text.length === 4) {
    return value;
  }
  if (near !== undefined) {
    return Math.floor(near / 100) * 100 + value;
  }
  return value <= 69 ? 2000 + value : 1900 + value;
}

/** A local calendar day, or null where it does not exist (31.02). */
function makeDay(year: number, month: number, day: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return null;
  }
  const date = new Date(year, month - 1, day);
  date.setFullYear(year);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  return date;
}

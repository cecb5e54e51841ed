import { startOfDay } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { DateReading, Precision, Span } from "./dates.js";
import {
  dateToSerial,
  formatDay,
  formatRussianDay,
  formatSpan,
  parseDay,
  placeSpan,
  readDate,
  serialToDate,
} from "./dates.js";

/*
 * Every assertion on a day goes through the local calendar (getFullYear, getMonth, getDate,
 * or formatDay, which uses them), so these tests also prove that no time zone shifts a day.
 * Run them under other zones by hand:
 *   TZ=Asia/Novosibirsk npx vitest run lib/domain
 *   TZ=America/Los_Angeles npx vitest run lib/domain
 */

const ROUTE: Span = { start: day(2025, 9, 1), end: day(2026, 5, 31), precision: "range" };

describe("readDate", () => {
  describe("the forms of DESIGN.md and QUIRKS.md", () => {
    it.each<[string, string, string, Precision]>([
      ["01.09.2023", "2023-09-01", "2023-09-01", "day"],
      ["1.9.23", "2023-09-01", "2023-09-01", "day"],
      ["01.09.2023г.", "2023-09-01", "2023-09-01", "day"],
      ["2024-09-01", "2024-09-01", "2024-09-01", "day"],
      ["1 сентября 2024 г.", "2024-09-01", "2024-09-01", "day"],
      ["06 августа 2020г.", "2020-08-06", "2020-08-06", "day"],
      ["04 февраля 2021 года", "2021-02-04", "2021-02-04", "day"],
      ["сентябрь 2023", "2023-09-01", "2023-09-30", "month"],
      ["сентября 2023г.", "2023-09-01", "2023-09-30", "month"],
      ["Февраль 2024", "2024-02-01", "2024-02-29", "month"],
      ["09.2024", "2024-09-01", "2024-09-30", "month"],
      ["в мае 2026", "2026-05-01", "2026-05-31", "month"],
      ["2024", "2024-01-01", "2024-12-31", "year"],
      ["с 01.09.2023 по 31.05.2024", "2023-09-01", "2024-05-31", "range"],
      ["01.09.2023 – 31.05.2024", "2023-09-01", "2024-05-31", "range"],
      ["с 1 по 15 сентября 2024", "2024-09-01", "2024-09-15", "range"],
      ["октябрь–ноябрь 2024", "2024-10-01", "2024-11-30", "range"],
      ["ноябрь 2025 – февраль 2026", "2025-11-01", "2026-02-28", "range"],
      ["2022–2025 гг.", "2022-01-01", "2025-12-31", "range"],
      ["2023–2024 гг.", "2023-01-01", "2024-12-31", "range"],
      ["2023–2024 уч.год", "2023-09-01", "2024-08-31", "school-year"],
      ["2023–2024 уч. год", "2023-09-01", "2024-08-31", "school-year"],
      ["2023-2024 учебный год", "2023-09-01", "2024-08-31", "school-year"],
      ["2023/2024", "2023-09-01", "2024-08-31", "school-year"],
      ["2023/24", "2023-09-01", "2024-08-31", "school-year"],
    ])("reads %s as %s – %s (%s)", (text, start, end, precision) => {
      expect(spanOf(readDate(text))).toEqual({ start, end, precision });
    });

    it("reads «в течение года» as the route's whole period where the route is known", () => {
      expect(spanOf(readDate("в течение года", { route: ROUTE }))).toEqual({
        start: "2025-09-01",
        end: "2026-05-31",
        precision: "route",
      });
    });

    it.each([
      "в течение года",
      "в течение ИОМ",
      "в течение учебного года",
      "по плану ОО",
      "постоянно",
    ])("reads %s as relative to the route where the route is not known", (text) => {
      expect(readDate(text)).toEqual({ kind: "relative" });
    });

    it.each(["в течение ИОМ", "по плану ОО", "по графику ММС"])(
      "reads %s as the route's whole period",
      (text) => {
        expect(spanOf(readDate(text, { route: ROUTE }))?.precision).toBe("route");
      },
    );

    it("finds the year of a month with no year inside the route", () => {
      expect(spanOf(readDate("март", { route: ROUTE }))).toEqual({
        start: "2026-03-01",
        end: "2026-03-31",
        precision: "month",
      });
      expect(spanOf(readDate("октябрь", { route: ROUTE }))?.start).toBe("2025-10-01");
    });

    it("reads a range of months with no year across the new year inside the route", () => {
      expect(spanOf(readDate("сентябрь – май", { route: ROUTE }))).toEqual({
        start: "2025-09-01",
        end: "2026-05-31",
        precision: "range",
      });
    });

    it("reports a month with no year where there is no route to find it in", () => {
      expect(readDate("сентябрь")).toEqual({
        kind: "unreadable",
        text: "сентябрь",
        reason: "не указан год",
      });
    });
  });

  describe("placeholders", () => {
    it.each(["__.__.2022", "01.01.1000", "дд.мм.гггг", "00.00.2023", "«     »\t       2023г."])(
      "reads %s as a placeholder",
      (text) => {
        expect(readDate(text)).toEqual({ kind: "placeholder", text: text.trim() });
      },
    );

    it("does not take a quoted month for a form's blank", () => {
      expect(readDate('"сентябрь" 2024').kind).not.toBe("placeholder");
    });
  });

  describe("what is not a date", () => {
    it.each(["скоро", "31.02.2026", "32.01.2026", "13.13.2026", "по возможности"])(
      "reports %s as unreadable",
      (text) => {
        expect(readDate(text)).toEqual({ kind: "unreadable", text });
      },
    );

    it("reports a range whose end comes before its start", () => {
      expect(readDate("с 01.06.2026 по 01.09.2025")).toEqual({
        kind: "unreadable",
        text: "с 01.06.2026 по 01.09.2025",
        reason: "окончание раньше начала",
        reversed: true,
      });
      expect(readDate("2026–2025 гг.")).toMatchObject({ kind: "unreadable", reversed: true });
    });

    it.each<[string, unknown]>([
      ["null", null],
      ["undefined", undefined],
      ["an empty text", ""],
      ["spaces", "  \n "],
      ["a boolean", true],
    ])("reads %s as empty", (_what, value) => {
      expect(readDate(value as null)).toEqual({ kind: "empty" });
    });
  });

  describe("numbers: Excel serials of the 1900 system", () => {
    it("reads a serial as its day", () => {
      expect(spanOf(readDate(45901))).toEqual({
        start: "2025-09-01",
        end: "2025-09-01",
        precision: "day",
      });
    });

    it("reads a serial with a time of day as that day", () => {
      expect(spanOf(readDate(45901.75))?.start).toBe("2025-09-01");
    });

    it("reads a whole number from 1900 to 2200 as a year, not a serial", () => {
      expect(spanOf(readDate(2025))).toEqual({
        start: "2025-01-01",
        end: "2025-12-31",
        precision: "year",
      });
    });

    it.each([0, -1, 0.5, 60, 1899, Number.NaN, Number.POSITIVE_INFINITY, 3_000_000])(
      "reports %s as unreadable",
      (value) => {
        expect(readDate(value).kind).toBe("unreadable");
      },
    );
  });

  describe("Date objects (exceljs gives the sheet's wall-clock time as UTC)", () => {
    it("reads UTC midnight as that day in any time zone", () => {
      const reading = readDate(new Date(Date.UTC(2025, 8, 1)));

      expect(spanOf(reading)).toEqual({ start: "2025-09-01", end: "2025-09-01", precision: "day" });
      expectLocalDay(reading, 2025, 9, 1);
    });

    it("reads a millisecond before UTC midnight as the next day (exceljs issue 486)", () => {
      const reading = readDate(new Date(Date.UTC(2025, 8, 1) - 1));

      expectLocalDay(reading, 2025, 9, 1);
    });

    it("reads a time late in the afternoon as the same day", () => {
      expectLocalDay(readDate(new Date(Date.UTC(2025, 8, 1, 17, 30))), 2025, 9, 1);
    });

    it("reads a day before 1900 as a placeholder, quoting the sheet's day", () => {
      expect(readDate(new Date(Date.UTC(1000, 0, 1)))).toEqual({
        kind: "placeholder",
        text: "1000-01-01",
      });
    });

    it("reports an invalid Date", () => {
      expect(readDate(new Date(Number.NaN)).kind).toBe("unreadable");
    });
  });

  describe("properties", () => {
    const words = fc.constantFrom(
      "с",
      "по",
      "в",
      "до",
      "-",
      "–",
      "/",
      ".",
      ",",
      " ",
      "г.",
      "гг.",
      "уч. год",
      "сентября",
      "май",
      "ноябрь",
      "в течение года",
      "__",
      "01",
      "1",
      "12",
      "31",
      "2023",
      "2024",
      "1000",
      "24",
    );
    const dateLike = fc.array(words, { maxLength: 8 }).map((parts) => parts.join(""));
    const spaced = fc.array(words, { maxLength: 8 }).map((parts) => parts.join(" "));
    const anyValue = fc.oneof(fc.string(), dateLike, spaced, fc.double(), fc.integer());

    it("never throws on a string or a number, with or without a route", () => {
      fc.assert(
        fc.property(anyValue, fc.boolean(), (value, withRoute) => {
          const reading = readDate(value, { route: withRoute ? ROUTE : null });
          expect(["empty", "span", "relative", "placeholder", "unreadable"]).toContain(
            reading.kind,
          );
        }),
        { numRuns: 2000 },
      );
    });

    it("never gives a span that ends before it starts", () => {
      fc.assert(
        fc.property(anyValue, fc.boolean(), (value, withRoute) => {
          const reading = readDate(value, { route: withRoute ? ROUTE : null });
          if (reading.kind === "span") {
            expect(reading.span.end.getTime()).toBeGreaterThanOrEqual(reading.span.start.getTime());
          }
        }),
        { numRuns: 2000 },
      );
    });

    it("gives spans that start and end at the start of a local day", () => {
      fc.assert(
        fc.property(anyValue, (value) => {
          const reading = readDate(value, { route: ROUTE });
          if (reading.kind === "span") {
            // startOfDay, not 00:00: where a DST change skips midnight the day starts at 01:00.
            for (const date of [reading.span.start, reading.span.end]) {
              expect(startOfDay(date).getTime()).toBe(date.getTime());
            }
          }
        }),
      );
    });

    it("keeps the calendar day where daylight saving time skips midnight", () => {
      // Brazil moved its clocks at midnight until 2019: 04.11.2018 00:00 never was in São Paulo.
      expect(spanOf(readDate("04.11.2018"))?.start).toBe("2018-11-04");
      expect(formatDay(serialToDate(43408))).toBe("2018-11-04");
    });
  });
});

describe("serialToDate and dateToSerial", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [62, "1900-03-02"],
    [25569, "1970-01-01"],
    [45901, "2025-09-01"],
    [2_958_465, "9999-12-31"],
  ])("reads serial %s as %s", (serial, text) => {
    expect(formatDay(serialToDate(serial))).toBe(text);
    expect(dateToSerial(serialToDate(serial))).toBe(serial);
  });

  it("reads Excel's fake 29 February 1900 (serial 60) as 1 March, the day after it", () => {
    expect(formatDay(serialToDate(60))).toBe("1900-03-01");
    expect(dateToSerial(serialToDate(60))).toBe(61);
  });

  it("gives local midnight of the day", () => {
    const date = serialToDate(45901.99);

    expect([date.getFullYear(), date.getMonth() + 1, date.getDate()]).toEqual([2025, 9, 1]);
    expect(date.getHours()).toBe(0);
  });

  it("takes a serial a hair below a whole day (floating point) as that whole day", () => {
    expect(formatDay(serialToDate(45902 - 1e-10))).toBe("2025-09-02");
  });

  it("round-trips every serial but the fake 29 February 1900", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_958_465 }), (serial) => {
        fc.pre(serial !== 60);
        expect(dateToSerial(serialToDate(serial))).toBe(serial);
      }),
    );
  });

  it("round-trips every day from 1900 on", () => {
    const days = fc.date({
      min: new Date(1900, 0, 1),
      max: new Date(9999, 11, 31),
      noInvalidDate: true,
    });

    fc.assert(
      fc.property(days, (date) => {
        const midnight = new Date(date.getFullYear(), date.getMonth(), date.getDate());
        expect(formatDay(serialToDate(dateToSerial(midnight)))).toBe(formatDay(midnight));
      }),
    );
  });
});

describe("parseDay", () => {
  it("parses YYYY-MM-DD into local midnight of that day", () => {
    const date = parseDay("2025-11-16");

    expect([date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours()]).toEqual([
      2025, 11, 16, 0,
    ]);
  });

  it("accepts spaces around the day", () => {
    expect(formatDay(parseDay(" 2024-02-29 "))).toBe("2024-02-29");
  });

  it.each(["2025-02-29", "2025-13-01", "2025-00-10", "2025-1-5", "16.11.2025", "", "сегодня"])(
    "throws a RangeError quoting %s",
    (text) => {
      expect(() => parseDay(text)).toThrow(new RangeError(`«${text}» не дата в виде ГГГГ-ММ-ДД`));
    },
  );
});

describe("formatting", () => {
  it("prints a day as YYYY-MM-DD and in Russian as DD.MM.YYYY", () => {
    expect(formatDay(day(2025, 9, 1))).toBe("2025-09-01");
    expect(formatRussianDay(day(2025, 9, 1))).toBe("01.09.2025");
  });

  it("prints a span of one day as that day and a longer one as «с … по …»", () => {
    expect(formatSpan({ start: day(2025, 9, 1), end: day(2025, 9, 1), precision: "day" })).toBe(
      "01.09.2025",
    );
    expect(formatSpan(ROUTE)).toBe("с 01.09.2025 по 31.05.2026");
  });
});

describe("placeSpan", () => {
  it.each<[string, Span, "inside" | "partly" | "outside"]>([
    ["a span wholly inside", span(2025, 10, 1, 2025, 10, 31), "inside"],
    ["the route itself", ROUTE, "inside"],
    ["a span overlapping the start", span(2025, 8, 15, 2025, 9, 15), "partly"],
    ["a span overlapping the end", span(2026, 5, 1, 2026, 6, 30), "partly"],
    ["a span around the route", span(2025, 1, 1, 2026, 12, 31), "partly"],
    ["a span before the route", span(2025, 8, 1, 2025, 8, 31), "outside"],
    ["a span after the route", span(2026, 6, 1, 2026, 6, 1), "outside"],
  ])("places %s as %s", (_what, value, place) => {
    expect(placeSpan(value, ROUTE)).toBe(place);
  });
});

function day(year: number, month: number, date: number): Date {
  return new Date(year, month - 1, date);
}

function span(y1: number, m1: number, d1: number, y2: number, m2: number, d2: number): Span {
  return { start: day(y1, m1, d1), end: day(y2, m2, d2), precision: "range" };
}

function spanOf(
  reading: DateReading,
): { start: string; end: string; precision: Precision } | undefined {
  if (reading.kind !== "span") {
    return undefined;
  }
  return {
    start: formatDay(reading.span.start),
    end: formatDay(reading.span.end),
    precision: reading.span.precision,
  };
}

function expectLocalDay(reading: DateReading, year: number, month: number, date: number): void {
  expect(reading.kind).toBe("span");
  if (reading.kind === "span") {
    const { start } = reading.span;
    expect([start.getFullYear(), start.getMonth() + 1, start.getDate()]).toEqual([
      year,
      month,
      date,
    ]);
  }
}

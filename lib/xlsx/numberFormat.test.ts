import { describe, expect, it } from "vitest";

import { isDateFormat, reportedFormat, serialFromDate, serialFromIso } from "./numberFormat.js";

describe("isDateFormat", () => {
  it.each([
    "dd.mm.yyyy",
    "DD.MM.YYYY",
    "mm-dd-yy",
    "[$-419]D MMMM YYYY",
    '[$-419]d\\ mmm\\ yyyy" г."',
    "ДД.ММ.ГГГГ",
    "[$-419]ДД.ММ.ГГ",
    "YYYY",
    "mmmm",
    "dd.mm.yyyy hh:mm",
    "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy",
    "[Red]dd.mm.yyyy;@",
  ])("takes %s for a date", (format) => {
    expect(isDateFormat(format)).toBe(true);
  });

  it.each([
    undefined,
    "",
    "General",
    "Standard",
    "Основной",
    "0%",
    "0.00%",
    "0",
    "#,##0.00",
    "0.00E+00",
    "@",
    "h:mm",
    "h:mm AM/PM",
    "mm:ss",
    "[h]:mm",
    "[mm]:ss",
    "ЧЧ:ММ",
    '0" дней"',
    '# ##0\\ "руб."',
  ])("does not take %s for a date", (format) => {
    expect(isDateFormat(format)).toBe(false);
  });
});

describe("serialFromDate", () => {
  it("returns the 1900 serial of a Date's UTC time", () => {
    expect(serialFromDate(new Date(Date.UTC(2024, 8, 1)))).toBe(45536);
    expect(serialFromDate(new Date(Date.UTC(1899, 11, 30, 12)))).toBe(0.5);
  });

  it("takes a time a millisecond before midnight as the next midnight (exceljs 486)", () => {
    expect(serialFromDate(new Date(Date.UTC(2024, 7, 31, 23, 59, 59, 999)))).toBe(45536);
    expect(serialFromDate(new Date(Date.UTC(1899, 11, 29, 23, 59, 59, 999)))).toBe(0);
  });

  it("keeps a time two milliseconds before midnight", () => {
    expect(serialFromDate(new Date(Date.UTC(2024, 7, 31, 23, 59, 59, 998)))).toBeLessThan(45536);
  });
});

describe("serialFromIso", () => {
  it.each([
    ["2024-09-01", 45536],
    ["2024-09-01T00:00:00", 45536],
    ["2024-09-01T12:00:00Z", 45536.5],
    ["2024-09-01T15:00:00+03:00", 45536.5],
    [" 2024-09-01 12:00:00 ", 45536.5],
  ])("reads %j as the serial %d, a time without a zone as written", (text, serial) => {
    expect(serialFromIso(text)).toBe(serial);
  });

  it("gives none for text that is no ISO date, even where Date.parse would take it", () => {
    expect(serialFromIso("сентябрь 2024")).toBeUndefined();
    expect(serialFromIso("September 1, 2024")).toBeUndefined();
    expect(serialFromIso("2024-13-45")).toBeUndefined();
  });
});

describe("reportedFormat", () => {
  it("omits General", () => {
    expect(reportedFormat("General")).toBeUndefined();
    expect(reportedFormat(undefined)).toBeUndefined();
  });

  it("names the built-in short date as a Russian Excel shows it (exceljs 2683)", () => {
    expect(reportedFormat("mm-dd-yy")).toBe("dd.mm.yyyy");
  });

  it("keeps other formats as written", () => {
    expect(reportedFormat("0%")).toBe("0%");
    expect(reportedFormat("[$-419]D MMMM YYYY")).toBe("[$-419]D MMMM YYYY");
  });
});

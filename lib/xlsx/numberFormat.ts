/**
 * Number formats and date serials: which formats show a date, and the way back from the
 * JavaScript Dates exceljs makes to Excel serials of the 1900 system.
 */

/** Days between the 1904 and the 1900 date systems' day 0. */
export const DAYS_1904 = 1462;

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as a 1900-system serial. */
const UNIX_EPOCH = 25_569;

/**
 * Whether a number format shows a date: a day or year token (Latin d, y; Cyrillic Д, Г,
 * as some Russian files spell `ДД.ММ.ГГГГ`), or a month token in a section with no hours and
 * seconds, outside quoted text, `\` escapes and `[…]` (colours, locales like `[$-419]`,
 * elapsed `[h]`). Percent formats and formats showing only a time or a duration are not dates.
 *
 * exceljs decides this with `/[ymdhMsb]/` (utils.isDateFmt), missing `YYYY` and `ДД.ММ.ГГГГ`
 * (exceljs 2939) and taking times for dates, so iom-kit decides itself.
 *
 * @example isDateFormat("[$-419]D MMMM YYYY") // true
 * @example isDateFormat("0%") // false
 * @example isDateFormat("[h]:mm") // false
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || /^(general|standard|основной)$/i.test(format)) {
    return false;
  }

  const section = firstSection(format);
  const bare = section.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  if (bare.includes("%") || bare.includes("@")) {
    return false;
  }

  if (/[dyдг]/i.test(bare)) {
    return true;
  }
  // With hours, seconds or an elapsed [h], [m], [s] in the section, m is minutes.
  const time = /[hsчс]/i.test(bare) || /\[(h+|m+|s+|ч+|м+|с+)\]/i.test(section);
  return /[mм]/i.test(bare) && !time;
}

/**
 * A JavaScript Date from exceljs as a serial of the 1900 system, from its UTC time (exceljs
 * makes Dates in UTC; reading local fields shifts them by the time zone, exceljs 486). A time
 * a millisecond before midnight, which exceljs's millisecond rounding leaves from serials
 * written by converting local dates, is taken as the next midnight.
 *
 * @example serialFromDate(new Date(Date.UTC(2024, 8, 1))) // 45536
 */
export function serialFromDate(date: Date): number {
  let ms = date.getTime();
  if (((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY === MS_PER_DAY - 1) {
    ms += 1;
  }
  return UNIX_EPOCH + ms / MS_PER_DAY;
}

/**
 * An ISO 8601 date as a serial of the 1900 system: the text of a cell typed `t="d"`, as
 * Strict Open XML and some writers (openpyxl with `iso_dates`) store dates. A date and time
 * without a zone is taken as written, not in the reader's zone; undefined for anything else.
 *
 * @example serialFromIso("2024-09-01") // 45536
 * @example serialFromIso("2024-09-01T12:00:00Z") // 45536.5
 */
export function serialFromIso(text: string): number | undefined {
  const iso = text.trim();
  if (!/^\d{4}-\d\d-\d\d(?:$|[T ])/.test(iso)) {
    return undefined;
  }
  const time = Date.parse(/(?:z|[+-]\d\d:?\d\d)$/i.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(time) ? undefined : serialFromDate(new Date(time));
}

/**
 * The format to report for a cell: none for General; the Russian short date for exceljs's
 * `mm-dd-yy`, which is how it names Excel's built-in format 14, the system short date, that
 * a Russian Excel shows and saves as ДД.ММ.ГГГГ (exceljs 2683); others as written.
 */
export function reportedFormat(numFmt: string | undefined): string | undefined {
  if (!numFmt || /^general$/i.test(numFmt)) {
    return undefined;
  }
  return BUILT_IN_SHORT_DATES[numFmt] ?? numFmt;
}

/**
 * The format exceljs names a built-in number format id by (its lib/xlsx/defaultnumformats.js,
 * the ids every locale shares); undefined for General, for ids it does not know and for the
 * East Asian ones it keys by locale.
 *
 * @example builtInFormat(14) // "mm-dd-yy"
 */
export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

// exceljs's names for the built-in formats 14 and 22 (lib/xlsx/defaultnumformats.js).
const BUILT_IN_SHORT_DATES: Record<string, string> = {
  "mm-dd-yy": "dd.mm.yyyy",
  'm/d/yy "h":mm': "dd.mm.yyyy h:mm",
};

function firstSection(format: string): string {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === "\\" && !quoted) {
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === "[") {
      bracket = true;
    } else if (!quoted && c === "]") {
      bracket = false;
    } else if (!quoted && !bracket && c === ";") {
      return format.slice(0, i);
    }
  }
  return format;
}

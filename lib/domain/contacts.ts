/** What stands in a summary where a card's text held an e-mail address. */
export const EMAIL_MASK = "[e-mail скрыт]";

/** What stands in a summary where a card's text held a phone number. */
export const PHONE_MASK = "[телефон скрыт]";

/**
 * A text with every e-mail address and phone number in it replaced by `EMAIL_MASK` and
 * `PHONE_MASK`. No phone and no e-mail may reach a summary (152-ФЗ; README, The district
 * summary), and cards put them where no rule expects them: after the ФИО, in the ОО's name, in
 * an activity («консультация по тел. 89135554433»).
 *
 * Phones are Russian numbers as cards write them: +7 or 8 and ten digits however grouped
 * (+7 913 123-45-67, 8(38843)21122), a mobile's ten digits alone, a city number with dashes
 * (22-45-67), and after «тел.» any local number (2-11-22, 21122). Dates, years, periods,
 * percents, scores, hours and numbers of schools are left alone. The rules' own examples of a
 * phone and an e-mail written right (+7 913 123-45-67, 8 913 123-45-67, ivanova@school.ru:
 * nobody's) stay, so that a finding's advice still reads. Hint: a number written with dots
 * (913.123.45.67) or in words is not found.
 *
 * @example maskContacts("Соколова И. В., sokolova@example.ru") // "Соколова И. В., [e-mail скрыт]"
 */
export function maskContacts(text: string): string {
  // Most texts hold neither «@» nor a digit: they cost a scan each.
  const masked = text.includes("@") ? text.replace(EMAIL_WORD, maskEmails) : text;
  if (!/\d/.test(masked)) {
    return masked;
  }

  // Odd parts are the examples, kept as they are.
  return masked
    .split(EXAMPLE_PHONES)
    .map((part, index) => (index % 2 === 1 ? part : maskPhones(part)))
    .join("");
}

/** A run of what may stand around an address, found fast; `EMAIL` finds the address in it. */
const EMAIL_WORD = /[^\s()<>«»"';,:]+@[^\s()<>«»"';,:]+/g;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

function maskEmails(word: string): string {
  return word.replace(EMAIL, (found) => (found === EXAMPLE_EMAIL ? found : EMAIL_MASK));
}

/** The rules' examples (general.ts), quoted in their findings: nobody's phone or address. */
const EXAMPLE_PHONES = /(\+7 913 123-45-67|8 913 123-45-67)/;
const EXAMPLE_EMAIL = "ivanova@school.ru";

function maskPhones(text: string): string {
  // One pattern after another: one alternation of them all is many times slower in V8.
  let masked = text;
  for (const [pattern, mask] of PHONES) {
    masked = masked.replace(pattern, mask);
  }
  return masked;
}

/** A dash as typed or autocorrected: hyphen, non-breaking hyphen, en and em dashes. */
const D = "\\-\u2010\u2011\u2012\u2013\u2014";

/** What stands for a found phone: the mask, after the word that said «телефон» where one did. */
type Mask = (found: string, word?: string) => string;

const whole: Mask = () => PHONE_MASK;

const PHONES: readonly [RegExp, Mask][] = [
  // +7 or 8 and ten digits: 89135554433, +7 913 123-45-67, 8 (38843) 2-11-22.
  [
    new RegExp(`(?<![\\p{N}+])(?:\\+\\s?7|8)[\\s(${D}]*(?:\\d[\\s()${D}]*){9}\\d(?!\\p{N})`, "gu"),
    whole,
  ],
  // A mobile's ten digits alone: 913 123-45-67, (913)1234567.
  [
    new RegExp(
      `(?<![\\p{N}+])\\(?9\\d{2}\\)?[\\s${D}]*\\d{3}[\\s${D}]*\\d{2}[\\s${D}]*\\d{2}(?!\\p{N})`,
      "gu",
    ),
    whole,
  ],
  // A local number after a word that says so: тел. 2-11-22, т. 2–11–22, моб. 21122.
  [
    new RegExp(
      `(?<!\\p{L})((?:тел(?:ефон)?|моб(?:ильный)?|сот(?:овый)?|т(?=\\.))\\.?:?\\s*)(?:\\(\\d{3,5}\\)\\s*)?\\d{1,3}[\\s${D}]?\\d{2}[\\s${D}]?\\d{2}(?!\\p{N}|[${D}]\\d)`,
      "giu",
    ),
    (_, word) => `${word}${PHONE_MASK}`,
  ],
  // A city number with dashes, alone: 22-45-67, 245-67-89. Not a date (01-09-25, 2026-11-16,
  // 16.11) nor a number of a document (№ 123-45-67).
  [
    new RegExp(
      `(?<![\\p{N}.,${D}]|№\\s*)\\d{2,3}[${D}]\\d{2}[${D}]\\d{2}(?!\\p{N}|[${D}]\\d)`,
      "gu",
    ),
    (found) => (looksLikeDate(found) ? found : PHONE_MASK),
  ],
];

/** «01-09-25»: a day, a month and a year, more likely than a phone. */
function looksLikeDate(text: string): boolean {
  const [day, month] = text.split(/\D/).map(Number);
  return text.length === 8 && day! >= 1 && day! <= 31 && month! >= 1 && month! <= 12;
}

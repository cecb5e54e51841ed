/**
 * Text as people type it into cards, brought to one form for comparison.
 *
 * Cards are copied from PDF and Word: soft hyphens vanish or stay, words break across lines,
 * «ё» and «е» alternate, Latin letters stand in for Cyrillic ones (QUIRKS.md). Nothing here
 * changes what is shown to a user; these keys are only compared.
 */

/**
 * Trims, folds every run of white space to one space, drops soft hyphens, zero-width and
 * control characters (`_x0001_` in a file is one, once read), unifies dashes and quotes,
 * «ё» → «е», lower case.
 *
 * @example normalizeText("  Педагогический\u00a0 стаж ") // "педагогический стаж"
 */
export function normalizeText(text: string): string {
  return normalized.get(text) ?? remember(normalized, text, normalize(text));
}

function normalize(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[«»„“”"]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е");
}

/** Soft hyphens, zero-width characters and controls other than white space. */
// eslint-disable-next-line no-control-regex -- control characters are what it drops
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]/g;

/**
 * A label as a key: normalized, numbering in front (`1.`, `I.`, `1.1`, `а)`) and trailing
 * colons, dots and asterisks dropped, Latin look-alikes turned Cyrillic, `N` → `№`.
 *
 * @example labelKey("2. Занимаемая должность:") // "занимаемая должность"
 */
export function labelKey(text: string): string {
  let key = normalizeText(text);
  key = key.replace(/^(?:(?:\d{1,2}|[ivx]{1,4})[.)]\s*)+(?:\d{1,2}[.)]?\s+)?/, "");
  key = key.replace(/^[а-д]\)\s*/, "");
  key = key.replace(/^[-•·*]\s*/, "");
  key = key.replace(/[\s:.*;,]+$/, "");
  key = key.replace(/(^|\s)n(?=\s*\d|\s|$)/g, "$1№");
  return cyrillicLookalikes(key);
}

/**
 * Letters and digits only, so that words glued together, broken by a line end or by a lost
 * hyphen all give the same key.
 *
 * @example squash("Психолого- педагогическая") === squash("Психологопедагогическая") // true
 */
export function squash(text: string): string {
  return (
    squashed.get(text) ??
    remember(
      squashed,
      text,
      cyrillicLookalikes(normalizeText(text)).replace(/[^\p{L}\p{N}№]+/gu, ""),
    )
  );
}

/**
 * Keys already made. Readers and rules ask for the keys of the same texts over and over (a
 * card's labels and headings, the catalogue's names, the same values in every card of a
 * district), and each key is a chain of regular expressions: remembered, they cost a map
 * lookup (bench/README.md). Cleared when full, as a batch keeps bringing new texts.
 */
const normalized = new Map<string, string>();
const squashed = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

function remember(known: Map<string, string>, text: string, key: string): string {
  if (known.size >= MAX_REMEMBERED) {
    known.clear();
  }
  known.set(text, key);
  return key;
}

/** Whether a cell's text is empty or only says «nothing here»: «нет», «—», «не имеет». */
export function isNothing(text: string): boolean {
  return NOTHING.has(normalizeText(text).replace(/[.\s]+$/, ""));
}

const NOTHING = new Set(["", "-", "--", "---", "нет", "не имеет", "не имею", "отсутствует", "н/д"]);

/**
 * Latin letters that look Cyrillic, turned Cyrillic inside words that are mostly Cyrillic:
 * `Мeтодическая` typed with a Latin `e` must still match. Words wholly Latin stay as they are.
 */
function cyrillicLookalikes(text: string): string {
  if (!/[а-я]/.test(text)) {
    return text;
  }

  return text.replace(/[\p{L}]+/gu, (word) =>
    /[а-я]/.test(word) ? word.replace(/[aceopxykmtbh]/g, (c) => LOOKALIKE[c] ?? c) : word,
  );
}

const LOOKALIKE: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  k: "к",
  m: "м",
  t: "т",
  b: "в",
  h: "н",
};

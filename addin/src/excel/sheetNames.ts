/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_LENGTH = 31;

/**
 * The name of a new card's sheet: the teacher's ФИО as typed, or «Фамилия И. О.» where the
 * full name is longer than Excel allows, without the characters Excel refuses in a sheet name
 * ([ ] : * ? / \, an apostrophe at either end), made unique among the sheets there are
 * («Иванова А. П. (2)»).
 *
 * @example cardSheetName("Константинопольская Александра Владимировна", []) // "Константинопольская А. В."
 */
export function cardSheetName(teacher: string, taken: readonly string[]): string {
  const name = clean(teacher);
  const short = name.length <= SHEET_NAME_LENGTH ? name : initials(name);
  return uniqueSheetName(short || "Карта ИОМ", taken);
}

/**
 * `base`, or `base (2)`, `base (3)`… whichever no sheet has yet (Excel compares names letter
 * case aside), cut to Excel's 31 characters.
 *
 * @example uniqueSheetName("Сводка ИОМ", ["сводка иом"]) // "Сводка ИОМ (2)"
 */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  const cut = (text: string, room: number) => text.slice(0, room).trimEnd();

  let candidate = cut(base, SHEET_NAME_LENGTH);
  for (let n = 2; used.has(candidate.toLowerCase()) || candidate.toLowerCase() === "history"; n++) {
    const suffix = ` (${n})`;
    candidate = `${cut(base, SHEET_NAME_LENGTH - suffix.length)}${suffix}`;
  }
  return candidate;
}

function clean(text: string): string {
  return text
    .replace(/[[\]:*?/\\]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
}

/** «Фамилия Имя Отчество» → «Фамилия И. О.»; a single long word is cut. */
function initials(name: string): string {
  const [surname, ...rest] = name.split(" ");
  const letters = rest.map((word) => `${word.charAt(0).toUpperCase()}.`).join(" ");
  const short = letters ? `${surname} ${letters}` : surname!;
  return short.slice(0, SHEET_NAME_LENGTH).trimEnd();
}

import type { Raw } from "../../../lib/domain/card.js";

/** The number format a text is written under: Excel then reads it as nothing but text. */
export const TEXT_FORMAT = "@";

/**
 * Writes rows of values into a range so that each reads back as it was given. A text goes
 * into a cell formatted as text, so Excel takes «=СУММ(…)», «+», «−», «@…» for no formula and
 * «01.09.2025» or «1/2» for no date or number (what a value typed into a card's cell may
 * begin with); the card reader still reads «+» and «−» in such a cell as signs. A number
 * keeps the format given for it (General where none is). The formats are set before the
 * values: Excel reads a value by the format its cell has when the value arrives.
 *
 * @param formats number formats of the numbers, row by row; undefined: General.
 *
 * @example writeRows(sheet.getRange("A1:B1"), [["ФИО", "=Иванова"]]) // B1 holds the text «=Иванова»
 */
export function writeRows(
  range: Excel.Range,
  rows: readonly (readonly Raw[])[],
  formats?: readonly (readonly (string | undefined)[])[],
): void {
  range.numberFormat = rows.map((row, r) =>
    row.map((value, c) =>
      typeof value === "string" ? TEXT_FORMAT : (formats?.[r]?.[c] ?? "General"),
    ),
  );
  range.values = rows.map((row) => row.map((value) => value ?? ""));
}

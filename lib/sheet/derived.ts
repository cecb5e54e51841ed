import { labelText } from "./labels.js";

/**
 * The cells `iom fill` derives and the card's reader passes over: the route's stage, the
 * entry-vs-final comparison and the overdue marks. Their wording is the template's; their
 * patterns also find them in hand-made cards and in cards where fill added them.
 */

/** The label of the stage cell in «Общие сведения» (DESIGN.md, Stage). */
export const STAGE_LABEL = "Этап ИОМ";

/** The heading of the final diagnostics column that compares each row with the entry. */
export const COMPARISON_HEADING = "Динамика (сравнение с входной диагностикой)";

/** The heading of the plan's column where fill marks overdue activities. */
export const OVERDUE_HEADING = "Контроль сроков";

/**
 * The font of a derived cell: the template's, italic dark grey (RRGGBB), which fill also gives
 * every cell it derives, so that a methodist tells what fill wrote from what was typed. Only
 * the slant and the colour: a cell keeps its own fill, borders, size and alignment.
 */
export const DERIVED_FONT = { italic: true, color: "404040" } as const;

/** Whether a label names the stage: «Этап ИОМ», «Этап», «Этап реализации ИОМ». */
export function isStageLabel(text: string): boolean {
  return /^этап(?:ы)?(?:реализации)?(?:иом|маршрута)?$/.test(labelText(firstLine(text)));
}

/** Whether a heading names the comparison column: «Динамика…», «Изменение…», «Сравнение…». */
export function isComparisonHeading(text: string): boolean {
  return /^(?:динамика|изменени[ея]|сравнени[ея])/.test(labelText(firstLine(text)));
}

/** Whether a heading names the overdue column: «Контроль сроков», «Просрочено». */
export function isOverdueHeading(text: string): boolean {
  return /^(?:контрольсроков|просроч)/.test(labelText(firstLine(text)));
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? "";
}

import type { Card, Outcome } from "./card.js";
import { readDate } from "./dates.js";
import { readDiagnosticRow } from "./diagnostics.js";
import { readDoneMark, readOutcome, textOf } from "./vocabulary.js";

/** The stages of a route (§2.1–2.4). */
export type Stage = "diagnostic" | "development" | "implementation" | "final";

/** Russian names of the stages, as the regulation heads its sections. */
export const STAGE_NAMES: Record<Stage, string> = {
  diagnostic: "диагностический",
  development: "разработка ИОМ",
  implementation: "реализация ИОМ",
  final: "заключительный",
};

/**
 * The stage a card has reached, from what is filled (DESIGN.md, Stage):
 * - final: a final event, a final result, or section 5's date the route ended;
 * - implementation: the route approved (§2.2) or some activity marked;
 * - development: a plan with an activity;
 * - diagnostic: entry diagnostics and no plan.
 *
 * @example stageOf(CardSchema.parse({ plan: [{ activity: "Курсы ПК" }] })) // "development"
 */
export function stageOf(card: Card): Stage {
  const finalFilled =
    textOf(card.finalEvent.activity) !== null ||
    card.final.rows.some((row) => readDiagnosticRow(row).slots.length > 0) ||
    readDate(card.final.endDate).kind === "span";
  if (finalFilled) {
    return "final";
  }

  const activities = card.plan.filter((item) => textOf(item.activity) !== null);
  const approved = readDate(card.general.approvedOn).kind === "span";
  const marked = card.plan.some((item) => readDoneMark(item.done).kind !== "empty");
  if (approved || marked) {
    return "implementation";
  }
  return activities.length > 0 ? "development" : "diagnostic";
}

/** The route's outcome: the template's «итог» (§2.4), else null. */
export function outcomeOf(card: Card): Outcome | null {
  const reading = readOutcome(card.general.outcome);
  return reading.kind === "value" ? reading.value : null;
}

import type { Summary } from "../../lib/domain/summary.js";
import type { Aggregates } from "../../lib/domain/summary-aggregate.js";
import { aggregate } from "../../lib/domain/summary-aggregate.js";
import { competencyName } from "../../lib/domain/summary-outcomes.js";
import type { SummaryOutcome } from "./features.js";

/**
 * What the pane shows of a summary, the same in both modes: cards, teachers (each once), and
 * per competency the teachers with a deficit at entry — medium, high, or «+» with no level,
 * as the summary counts them (`withDeficit`) — for its data bars; competencies nobody has a
 * deficit in are left out.
 *
 * @example summaryOutcome(summary, "Сводка ИОМ").deficits[0] // { competency: "Методическая компетенция", teachers: 8 }
 */
export function summaryOutcome(
  summary: Summary,
  written: string,
  tables: Aggregates = aggregate(summary),
): SummaryOutcome {
  return {
    cards: summary.cards,
    teachers: tables.teachers.length,
    deficits: tables.competencies
      .map((c) => ({
        competency: competencyName(c),
        teachers: c.entry.high + c.entry.medium + c.entry.present,
      }))
      .filter((deficit) => deficit.teachers > 0),
    written,
  };
}

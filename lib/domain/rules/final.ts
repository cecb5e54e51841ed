import { compareDiagnostics } from "../compare.js";
import { readDate } from "../dates.js";
import { isSignificant } from "../diagnostics.js";
import type { Finding } from "../finding.js";
import { finding } from "../finding.js";
import { readRouteLevel } from "../levels.js";
import { textOf } from "../vocabulary.js";
import type { RuleContext } from "./context.js";
import { dateFinding } from "./route.js";

/**
 * Rules of the final stage (§2.4): a final event «демонстрирующее повышение уровня
 * профессиональных компетенций», a final result for every competency that had a deficit at
 * entry, and conclusions naming the most effective activities. The final event's level and
 * dates are checked whenever they are filled.
 */
export function checkFinal(context: RuleContext): Finding[] {
  const { card, config, catalogue } = context;
  const findings: Finding[] = [];

  const level = textOf(card.finalEvent.level);
  if (level !== null && readRouteLevel(level) === null) {
    findings.push(
      finding(
        "level.unknown",
        `Уровень проведения заключительного мероприятия «${level}» не из карты: уровень ОО, муниципальный, региональный, федеральный`,
        "finalEvent.level",
      ),
    );
  }
  for (const [raw, field, what] of [
    [card.finalEvent.period, "finalEvent.period", "Заключительное мероприятие, сроки"],
    [card.final.endDate, "final.endDate", "Окончание работы по реализации ИОМ"],
  ] as const) {
    const reading = readDate(raw, { route: context.span });
    if (reading.kind === "placeholder" || reading.kind === "unreadable") {
      // Section 5's blank «  » ____ 2023 г. is not yet a date: only the final stage must fill it.
      if (reading.kind === "unreadable" || context.stage === "final" || field !== "final.endDate") {
        findings.push(dateFinding(reading, what, field));
      }
    }
  }

  if (context.stage !== "final") {
    return findings;
  }

  if (textOf(card.finalEvent.activity) === null) {
    findings.push(
      finding(
        "final.event-missing",
        "Нет заключительного мероприятия: по §2.4 педагог проводит мероприятие, демонстрирующее повышение уровня профкомпетенций",
        "finalEvent.activity",
      ),
    );
  }

  for (const change of compareDiagnostics(card, config, catalogue)) {
    if (!isSignificant(change.entry) || change.final !== null) {
      continue;
    }
    const entryRow = card.entry[change.entryRow]!;
    const name = textOf(entryRow.competency) ?? "";
    const field = change.finalRow >= 0 ? `final.rows.${change.finalRow}.competency` : "final.rows";
    findings.push(
      finding(
        "final.result-missing",
        `«${name.replace(/:$/, "")}»: на входе был профдефицит, а результата итоговой диагностики нет; внесите его`,
        field,
      ),
    );
  }

  if (textOf(card.final.conclusions) === null) {
    findings.push(
      finding(
        "final.conclusions-missing",
        "Не заполнены выводы: укажите наиболее эффективные мероприятия, реализованные в рамках ИОМ (§2.4)",
        "final.conclusions",
      ),
    );
  }
  return findings;
}

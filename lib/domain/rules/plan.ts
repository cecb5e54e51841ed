import { isBefore } from "date-fns/isBefore";

import type { PlanItem } from "../card.js";
import { matchCompetency, splitCompetencies } from "../catalogue.js";
import { formatRussianDay, readDate } from "../dates.js";
import type { Finding } from "../finding.js";
import { finding, quoteList } from "../finding.js";
import { readRouteLevel } from "../levels.js";
import { readDoneMark, textOf } from "../vocabulary.js";
import type { RuleContext } from "./context.js";
import { activityName, dateFinding } from "./route.js";

/**
 * Rules of «Карта профессионального развития», row by row: a known level, an activity, the
 * competencies it forms, its dates (§2.2: «В ИОМ фиксируются планируемые сроки»), the done
 * mark with its reason or result, nothing done before approval (§2.2), and nothing overdue.
 */
export function checkPlan(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  context.card.plan.forEach((item, index) =>
    findings.push(...checkItem(item, `plan.${index}`, context)),
  );
  return findings;
}

function checkItem(item: PlanItem, prefix: string, context: RuleContext): Finding[] {
  const { catalogue, span, asOf } = context;
  const findings: Finding[] = [];
  const name = activityName(item.activity);

  const level = textOf(item.level);
  if (level !== null && readRouteLevel(level) === null) {
    findings.push(
      finding(
        "level.unknown",
        `Уровень «${level}» не из карты: личностный, уровень ОО, муниципальный, региональный, федеральный`,
        `${prefix}.level`,
      ),
    );
  }

  // A row that only names its level is the blank card's group row: nothing to fill yet.
  const filled = [
    item.activity,
    item.competencies,
    item.period,
    item.done,
    item.reason,
    item.result,
  ];
  if (filled.every((value) => textOf(value) === null)) {
    return findings;
  }

  if (textOf(item.activity) === null) {
    findings.push(
      finding(
        "plan.activity-missing",
        "В строке карты развития не указано мероприятие: впишите его или очистите строку",
        `${prefix}.activity`,
      ),
    );
  }

  const competencies = textOf(item.competencies);
  if (competencies === null) {
    findings.push(
      finding(
        "plan.competencies-missing",
        `${name}: не указаны формируемые компетенции`,
        `${prefix}.competencies`,
      ),
    );
  } else {
    const unknown = splitCompetencies(competencies).filter(
      (part) => matchCompetency(part, catalogue).id === null,
    );
    if (unknown.length > 0) {
      findings.push(
        finding(
          "competency.unknown",
          `${name}: компетенци${unknown.length > 1 ? "й" : "и"} ${quoteList(unknown)} нет в карте ИОМ: выберите название из карты или запишите компетенцию в строку «Иное (указать)» входной диагностики; район может добавить её в настройки`,
          `${prefix}.competencies`,
        ),
      );
    }
  }

  const period = readDate(item.period, { route: span });
  if (period.kind === "empty") {
    findings.push(
      finding(
        "plan.period-missing",
        `${name}: не указаны сроки проведения (§2.2: в ИОМ фиксируются планируемые сроки)`,
        `${prefix}.period`,
      ),
    );
  } else if (period.kind === "placeholder" || period.kind === "unreadable") {
    findings.push(dateFinding(period, `${name}, сроки`, `${prefix}.period`));
  }

  const mark = readDoneMark(item.done);
  if (mark.kind === "unknown") {
    findings.push(
      finding(
        "plan.done-mark",
        `${name}: отметку «${mark.text}» не удаётся прочитать; пишите «выполнено», «не выполнено» или «в процессе»`,
        `${prefix}.done`,
      ),
    );
  }
  if (mark.kind === "value" && mark.value === "not-done" && textOf(item.reason) === null) {
    findings.push(
      finding(
        "plan.reason-missing",
        `${name} не выполнено: укажите причину невыполнения`,
        `${prefix}.reason`,
      ),
    );
  }
  if (mark.kind === "value" && mark.value === "done" && textOf(item.result) === null) {
    findings.push(
      finding(
        "plan.result-missing",
        `${name} выполнено: укажите результат или форму его представления`,
        `${prefix}.result`,
      ),
    );
  }

  const ended = period.kind === "span" ? period.span.end : null;
  if (mark.kind === "empty" && ended !== null && isBefore(ended, asOf)) {
    findings.push(
      finding(
        "plan.overdue",
        `${name}: срок прошёл (${formatRussianDay(ended)}), а отметки о выполнении нет; отметьте выполнение или укажите причину`,
        `${prefix}.done`,
      ),
    );
  }

  const approval = readDate(context.card.general.approvedOn);
  if (
    mark.kind === "value" &&
    mark.value === "done" &&
    ended !== null &&
    approval.kind === "span" &&
    isBefore(ended, approval.span.start)
  ) {
    findings.push(
      finding(
        "plan.done-before-approval",
        `${name} выполнено до утверждения ИОМ (${formatRussianDay(approval.span.start)}): по §2.2 маршрут сначала утверждает руководитель ОО`,
        `${prefix}.done`,
      ),
    );
  }
  return findings;
}

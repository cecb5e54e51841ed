import { startOfDay } from "date-fns/startOfDay";

import type { Card } from "./card.js";
import type { Catalogue } from "./catalogue.js";
import { createCatalogue } from "./catalogue.js";
import type { Config } from "./config.js";
import { defaultConfig } from "./config.js";
import type { Finding } from "./finding.js";
import { readRoute } from "./route.js";
import type { RuleContext } from "./rules/context.js";
import { checkDiagnostics, checkServed } from "./rules/diagnostics.js";
import { checkFinal } from "./rules/final.js";
import { checkGeneral, promptedFields, withoutPrompts } from "./rules/general.js";
import { checkPlan } from "./rules/plan.js";
import { checkRoute } from "./rules/route.js";
import { stageOf } from "./stage.js";

export interface ValidateOptions {
  /** The day to judge as of (overdue activities); today by default. */
  asOf?: Date;
  config?: Config;
  /** A catalogue made once for many cards; made from `config` when absent. */
  catalogue?: Catalogue;
}

/**
 * Checks a card against every rule of DESIGN.md (docs/rules.md lists them). Findings are
 * data, in the card's order: general information, the route, diagnostics, the plan, the
 * final stage. Never throws on what a card holds.
 *
 * @example validateCard(card, { asOf: new Date(2025, 10, 16) }) // [{ code: "plan.overdue", severity: "warning", … }]
 */
export function validateCard(card: Card, options: ValidateOptions = {}): Finding[] {
  const context = ruleContext(card, options);

  return [
    ...checkGeneral(context),
    ...checkRoute(context),
    ...checkDiagnostics(context),
    ...checkServed(context),
    ...checkPlan(context),
    ...checkFinal(context),
  ];
}

/**
 * What every rule looks at, derived once from the card. Not part of the package's entry
 * point; the rules' own tests build their context with it.
 */
export function ruleContext(original: Card, options: ValidateOptions = {}): RuleContext {
  const config = options.config ?? defaultConfig;
  const prompted = promptedFields(original.general);
  const card = withoutPrompts(original, prompted);
  const route = readRoute(card.general);

  return {
    card,
    prompted,
    config,
    catalogue: options.catalogue ?? createCatalogue(config),
    asOf: startOfDay(options.asOf ?? new Date()),
    route,
    span: route.kind === "span" ? route.span : null,
    stage: stageOf(card),
  };
}

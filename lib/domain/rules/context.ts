import type { Card, GeneralField } from "../card.js";
import type { Catalogue } from "../catalogue.js";
import type { Config } from "../config.js";
import type { Span } from "../dates.js";
import type { RouteReading } from "../route.js";
import type { Stage } from "../stage.js";

/** What every rule may look at: the card and what was derived from it once. */
export interface RuleContext {
  card: Card;
  config: Config;
  catalogue: Catalogue;
  /** The day the card is judged as of: activities ended before it are overdue. */
  asOf: Date;
  route: RouteReading;
  /** The route's period where it could be read. */
  span: Span | null;
  stage: Stage;
  /** General fields that held a blank form's prompt; `card` has them emptied. */
  prompted: ReadonlySet<GeneralField>;
}

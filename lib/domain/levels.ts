import type { DeficitColumn, DeficitLevel, Raw, RouteLevel } from "./card.js";
import { labelKey, squash } from "./text.js";

/** The route's levels in the card's order, with the card's names (Appendix 1). */
export const ROUTE_LEVELS: readonly { id: RouteLevel; name: string }[] = [
  { id: "personal", name: "Личностный уровень" },
  { id: "school", name: "Уровень ОО" },
  { id: "municipal", name: "Муниципальный уровень" },
  { id: "regional", name: "Региональный уровень" },
  { id: "federal", name: "Федеральный уровень" },
];

/** The level columns of a diagnostics row in the card's order, with their headings. */
export const DEFICIT_COLUMNS: readonly { id: DeficitColumn; name: string; range: string }[] = [
  { id: "low", name: "Низкий", range: "81–100 %" },
  { id: "medium", name: "Средний", range: "61–80 %" },
  { id: "high", name: "Высокий", range: "менее 60 %" },
];

/** Russian names of deficit levels, for messages and sheets. */
export const DEFICIT_LEVEL_NAMES: Record<DeficitLevel, string> = {
  low: "низкий",
  medium: "средний",
  high: "высокий",
  present: "есть («+»)",
  absent: "нет («−»)",
};

/**
 * The route level a label names: the card's long labels («Уровень ОО (заполняется учителем
 * …)»), short ones («ОО», «Муниципальный»), «школьный», «РМО» and «ШМО» (district and school
 * methodical associations); numbering in front (`2.`, `II.`) and a trailing colon are passed
 * over, as in every heading (QUIRKS.md).
 *
 * @example readRouteLevel("Уровень ОО (заполняется учителем совместно с администрацией ОО)") // "school"
 */
export function readRouteLevel(value: Raw): RouteLevel | null {
  if (typeof value !== "string") {
    return null;
  }

  // The card's labels say in brackets who fills the row; the level is what comes before.
  const key = squash(labelKey(value.replace(/\(.*$/s, "")));
  if (key === "") {
    return null;
  }

  for (const [pattern, level] of LEVEL_PATTERNS) {
    if (pattern.test(key)) {
      return level;
    }
  }
  return null;
}

const LEVEL_PATTERNS: [RegExp, RouteLevel][] = [
  [/^(?:уровень)?(?:личн|индивидуальн|самообразован)/, "personal"],
  [/^(?:уровень)?(?:оо|оу|школ|шмо|образовательн(?:ой|ая)организац|учрежден|доу|детсад)/, "school"],
  [/^(?:уровень)?(?:муниципальн|район|рмо|ммс|мо$)/, "municipal"],
  [/^(?:уровень)?(?:регионал|республиканск|областн|краев|цнппм)/, "regional"],
  [/^(?:уровень)?(?:федеральн|всероссийск)/, "federal"],
];

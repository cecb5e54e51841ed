import type { Card, DeficitLevel, DiagnosticRow } from "./card.js";
import type { Catalogue } from "./catalogue.js";
import { createCatalogue, matchCompetency, OTHER } from "./catalogue.js";
import type { Config } from "./config.js";
import { defaultConfig } from "./config.js";
import { isSignificant, readDiagnosticRow } from "./diagnostics.js";
import { squash } from "./text.js";
import { textOf } from "./vocabulary.js";

/** How a deficit changed from entry to final diagnostics. */
export type Change = "eliminated" | "improved" | "unchanged" | "worse";

/** Russian names of changes, for cells and messages. */
export const CHANGE_NAMES: Record<Change, string> = {
  eliminated: "устранён",
  improved: "снизился",
  unchanged: "без изменений",
  worse: "вырос",
};

/** One competency's entry and final levels and what changed. */
export interface CompetencyChange {
  /** The catalogue's id, or `other` with `specified`. */
  competency: string;
  specified?: string;
  entry: DeficitLevel | null;
  final: DeficitLevel | null;
  /** Null where either side has no result. */
  change: Change | null;
  /** Index of the competency's row in `card.entry` and in `card.final.rows` (-1: none). */
  entryRow: number;
  finalRow: number;
}

/**
 * Entry against final diagnostics, competency by competency (§2.4: the methodist «анализирует
 * сравнительные результаты входной и итоговой диагностик»).
 *
 * Bands compare by rank, high > medium > low; a deficit that was medium, high or «+» and is
 * low or «−» at the end is eliminated. Signs compare by presence: «+» → «−» is eliminated,
 * «+» → «+» unchanged, «−» → «+» worse. A band against a sign compares by presence, a low
 * band counting as absent.
 *
 * @example compareDiagnostics(card) // [{ competency: "methodological", entry: "high", final: "low", change: "eliminated", … }]
 */
export function compareDiagnostics(
  card: Card,
  config: Config = defaultConfig,
  catalogue: Catalogue = createCatalogue(config),
): CompetencyChange[] {
  const finals = new Map<string, number>();
  card.final.rows.forEach((row, index) => {
    const key = rowKey(row, catalogue);
    if (key !== null && !finals.has(key)) {
      finals.set(key, index);
    }
  });

  const changes: CompetencyChange[] = [];
  card.entry.forEach((row, entryRow) => {
    const match = matchCompetency(textOf(row.competency) ?? "", catalogue);
    const key = rowKey(row, catalogue);
    const entry = readDiagnosticRow(row, config).level;
    if (match.id === null || key === null || entry === null) {
      return;
    }

    const finalRow = finals.get(key) ?? -1;
    const finalRowData = card.final.rows[finalRow];
    const final = finalRowData ? readDiagnosticRow(finalRowData, config).level : null;
    changes.push({
      competency: match.id,
      ...(match.specified ? { specified: match.specified } : {}),
      entry,
      final,
      change: compareLevels(entry, final),
      entryRow,
      finalRow,
    });
  });
  return changes;
}

/**
 * How a level changed. Exported for the summary, which counts changes per competency.
 *
 * @example compareLevels("high", "medium") // "improved"
 */
export function compareLevels(
  entry: DeficitLevel | null,
  final: DeficitLevel | null,
): Change | null {
  if (entry === null || final === null) {
    return null;
  }

  if (isSign(entry) || isSign(final)) {
    const before = isSignificant(entry);
    const after = isSignificant(final);
    if (before && !after) {
      return "eliminated";
    }
    if (!before && after) {
      return "worse";
    }
    return "unchanged";
  }

  const before = RANK[entry];
  const after = RANK[final];
  if (after > before) {
    return "worse";
  }
  if (after === before) {
    return "unchanged";
  }
  return isSignificant(entry) && !isSignificant(final) ? "eliminated" : "improved";
}

const RANK: Record<DeficitLevel, number> = { absent: 0, low: 1, medium: 2, high: 3, present: 2 };

function isSign(level: DeficitLevel): boolean {
  return level === "present" || level === "absent";
}

/** The key rows of entry and final are matched by: the competency, or «Иное»'s own text. */
function rowKey(row: DiagnosticRow, catalogue: Catalogue): string | null {
  const text = textOf(row.competency);
  if (text === null) {
    return null;
  }
  const match = matchCompetency(text, catalogue);
  if (match.id === OTHER) {
    return `${OTHER}:${squash(match.specified ?? "")}`;
  }
  return match.id ?? `?:${squash(text)}`;
}

import type { DeficitColumn, DeficitLevel, DiagnosticRow } from "./card.js";
import type { Classification } from "./classify.js";
import { classifyDeficit } from "./classify.js";
import type { Config } from "./config.js";
import { defaultConfig } from "./config.js";

/** The place a result stands in: one of the three level columns, or the layout's single column. */
export type ResultSlot = DeficitColumn | "single";

/** Each filled result cell of a row, classified. */
export interface SlotReading {
  slot: ResultSlot;
  classification: Classification;
}

/** What a diagnostics row says as a whole. */
export interface RowReading {
  /**
   * The row's level of deficit: the one significant value (a band or «+»); `absent` where
   * every filled cell says «−»; null where nothing is filled, nothing can be read, or two
   * cells disagree (a person must decide).
   */
  level: DeficitLevel | null;
  percent?: number;
  slots: SlotReading[];
}

const SLOTS: readonly ResultSlot[] = ["low", "medium", "high", "single"];

/**
 * Reads a diagnostics row: classifies each filled result cell (a sign takes the level of its
 * column) and combines them.
 *
 * @example readDiagnosticRow({ competency: "Методическая", results: { medium: { value: "+" } } }) // level "medium"
 */
export function readDiagnosticRow(
  row: Pick<DiagnosticRow, "results">,
  config: Config = defaultConfig,
): RowReading {
  const slots: SlotReading[] = [];
  for (const slot of SLOTS) {
    const cell = row.results[slot];
    if (cell === undefined) {
      continue;
    }
    const classification = classifyDeficit(cell.value, {
      column: slot === "single" ? undefined : slot,
      percentFormat: cell.percentFormat,
      mastery: cell.mastery,
      config,
    });
    if (classification.level !== null || classification.problem !== undefined) {
      slots.push({ slot, classification });
    }
  }

  const significant = slots.filter(
    (s) => s.classification.level !== null && s.classification.level !== "absent",
  );
  const unreadable = slots.some((s) => s.classification.problem !== undefined);

  if (significant.length === 1 && !unreadable) {
    const { level, percent } = significant[0]!.classification;
    return percent === undefined ? { level, slots } : { level, percent, slots };
  }
  if (significant.length === 0 && !unreadable && slots.length > 0) {
    return { level: "absent", slots };
  }
  return { level: null, slots };
}

/**
 * Whether a level is a deficit the route must work on: a medium or high band, or «+».
 * A low (minimal) deficit is «достаточная подготовка» (§2.1) and asks for no activity.
 */
export function isSignificant(level: DeficitLevel | null): boolean {
  return level === "medium" || level === "high" || level === "present";
}

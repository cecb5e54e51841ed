/** What one run of `npm run bench` found: the shape of bench/results.json. */
import type { Budget } from "./budgets.js";
import type { DataSet } from "./generate.js";
import type { Run } from "./measure.js";
import type { Bundle, LoadTimes, SyncCounts } from "./pane.js";

export interface CommandResult {
  name: string;
  runs: Run[];
  /** Why the command was not measured, where it was not. */
  skipped?: string;
}

export interface Results {
  started: string;
  machine: { node: string; cpus: number; cpu: string; loadBefore: number[]; loadAfter: number[] };
  /** How peak memory and CPU time were taken (measure.ts). */
  memorySource: string;
  /** How each build went: «built», or why not. */
  builds: Record<string, string>;
  sets: { district: Omit<DataSet, "dir">; region: Omit<DataSet, "dir"> };
  rounds: number;
  district: CommandResult[];
  region: CommandResult;
  pane: {
    bundle: Bundle | { error: string };
    load: LoadTimes | { error: string };
    syncs: SyncCounts;
  };
  budgets: Budget[];
}

/** The median of one measure over runs. */
export function median(runs: readonly Run[], key: "wallMs" | "cpuMs" | "maxRssKiB"): number {
  return middle(runs.map((run) => run[key]));
}

/** The median of numbers: the middle one, or the mean of the two middle ones. */
export function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

/**
 * The budgets of issue 7, each judged on a run's figures: it holds, it fails, or it could not
 * be measured (and why). A budget is printed, never asserted: timings on a shared machine are
 * no test.
 */
import type { CommandResult, Results } from "./results.js";
import { median } from "./results.js";

export interface Budget {
  name: string;
  /** The figure measured, as printed; null where it was not measured. */
  figure: string | null;
  holds: boolean | null;
  /** Why it was not measured, or what a failing figure is made of. */
  note?: string;
}

const MB = 1000 * 1000;

export function evaluateBudgets(results: Results): Budget[] {
  const district = (name: string) => results.district.find((r) => r.name === name);
  const floor = district("floor");
  const budgets: Budget[] = [];

  budgets.push(ratio("iom validate ≤ 1.15 × the floor", district("iom validate"), floor, 1.15));
  budgets.push(
    ratio("iom summary --jobs 1 ≤ 1.25 × the floor", district("iom summary --jobs 1"), floor, 1.25),
  );

  const one = district("iom summary --jobs 1");
  const two = district("iom summary --jobs 2");
  const unmeasured = whyNot(one) ?? whyNot(two);
  if (unmeasured) {
    budgets.push({
      name: "iom summary: --jobs 2 ≥ 1.5 × faster than --jobs 1",
      figure: null,
      holds: null,
      note: unmeasured,
    });
  } else {
    const speedup = median(one!.runs, "wallMs") / median(two!.runs, "wallMs");
    budgets.push({
      name: "iom summary: --jobs 2 ≥ 1.5 × faster than --jobs 1",
      figure: `${speedup.toFixed(2)}×`,
      holds: speedup >= 1.5,
    });
  }

  const region = results.region;
  const regionWhy = whyNot(region);
  if (regionWhy) {
    budgets.push({
      name: "region's iom summary --jobs 1 < 400 MB peak",
      figure: null,
      holds: null,
      note: regionWhy,
    });
  } else {
    const peak = (region.runs[0]!.maxRssKiB * 1024) / MB;
    budgets.push({
      name: "region's iom summary --jobs 1 < 400 MB peak",
      figure: `${peak.toFixed(0)} MB`,
      holds: peak < 400,
    });
  }

  const { bundle, syncs } = results.pane;
  if ("error" in bundle) {
    budgets.push({
      name: "pane's initial JavaScript ≤ 250 kB gzipped",
      figure: null,
      holds: null,
      note: bundle.error,
    });
  } else {
    budgets.push({
      name: "pane's initial JavaScript ≤ 250 kB gzipped",
      figure: `${(bundle.initialGzip / 1000).toFixed(1)} kB`,
      holds: bundle.initialGzip <= 250 * 1000,
    });
  }

  if ("error" in syncs) {
    budgets.push({
      name: "syncs per action: same for 1, 10, 100 sheets, ≤ 3",
      figure: null,
      holds: null,
      note: syncs.error,
    });
  } else {
    for (const [action, counts] of Object.entries(syncs.actions)) {
      const values = [counts[1], counts[10], counts[100]];
      const same = values.every((v) => v === values[0]);
      budgets.push({
        name: `syncs of ${action}: same for 1, 10, 100 sheets, ≤ 3`,
        figure: values.join(" / "),
        holds: same && values.every((v) => v !== undefined && v <= 3),
      });
    }
  }
  return budgets;
}

/** The budgets as lines: verdict, budget, figure. */
export function printBudgets(budgets: readonly Budget[]): string {
  const width = Math.max(...budgets.map((b) => b.name.length));
  return [
    "Budgets",
    ...budgets.map((b) => {
      const verdict = b.holds === null ? "not measured" : b.holds ? "holds" : "FAILS";
      const figure = b.figure ?? b.note ?? "";
      return `  ${verdict.padEnd(12)}  ${b.name.padEnd(width)}  ${figure}`;
    }),
  ].join("\n");
}

function ratio(
  name: string,
  command: CommandResult | undefined,
  floor: CommandResult | undefined,
  limit: number,
): Budget {
  const why = whyNot(command) ?? whyNot(floor);
  if (why) {
    return { name, figure: null, holds: null, note: why };
  }
  const value = median(command!.runs, "wallMs") / median(floor!.runs, "wallMs");
  return { name, figure: `${value.toFixed(2)}×`, holds: value <= limit };
}

function whyNot(result: CommandResult | undefined): string | undefined {
  if (!result) {
    return "not measured";
  }
  return result.skipped ?? (result.runs.length === 0 ? "not measured: no runs" : undefined);
}

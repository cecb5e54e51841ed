/**
 * Counts the `context.sync()` calls of each action of the pane in Excel, on the stand-in for
 * the Excel API (addin/test/standin) holding 1, 10 and 100 card sheets the size of the samples.
 * Run by run.ts as a child process (`tsx bench/pane-syncs.ts SAMPLES`); prints one JSON object
 * `{ actions: { name: { 1: syncs, 10: syncs, 100: syncs } }, runs: {...} }`, or `{ error }`
 * where the add-in's modules are not there to load.
 *
 * The add-in's modules are imported by computed paths: they are typed with Office.js, which
 * the rest of bench/ is not, and a missing add-in must give a row «not measured», not a crash.
 */
import { defaultConfig } from "../lib/domain/config.js";
import { cardSheets } from "./cardSheets.js";
import type { SheetData } from "../addin/test/standin/workbook.js";

/** The part of `ExcelHost` (addin/src/excel/excelHost.ts) the actions go through. */
interface Host {
  check(options: {
    scope: "active" | "all";
    asOf: Date;
    config: typeof defaultConfig;
    mark: boolean;
  }): Promise<{ findings: { sheet: string | null; cell: string | null }[] }>;
  clearMarks(): Promise<number>;
  markCount(): Promise<number>;
  select(sheet: string, cell: string): Promise<void>;
  /** «Заполнить» and its undoing, where the add-in has them yet. */
  fill?(options: { asOf: Date; config: typeof defaultConfig }): Promise<unknown>;
  undoFill?(): Promise<unknown>;
}

interface Standin {
  Excel: unknown;
  Office: unknown;
  state: { syncs: number; runs: number };
}

const SIZES = [1, 10, 100] as const;
const AS_OF = new Date(2026, 10, 16);

/** Each action, done on a fresh workbook after what it needs was done. */
const ACTIONS: Record<string, (host: Host) => Promise<(host: Host) => Promise<unknown>>> = {
  "«Проверить», все листы, с отметками": async () => (host) => check(host, "all", true),
  "«Проверить» ещё раз (отметки заменяются)": async (host) => {
    await check(host, "all", true);
    return (h) => check(h, "all", true);
  },
  "«Проверить», все листы, без отметок": async () => (host) => check(host, "all", false),
  "«Проверить», этот лист": async () => (host) => check(host, "active", true),
  "«Снять отметки»": async (host) => {
    await check(host, "all", true);
    return (h) => h.clearMarks();
  },
  "открыть панель (число отметок)": async () => (host) => host.markCount(),
  "щелчок по адресу ячейки": async () => (host) => host.select("Карта 1", "C14"),
  "«Заполнить»": async () => (host) => host.fill!({ asOf: AS_OF, config: defaultConfig }),
  "«Отменить заполнение»": async (host) => {
    await host.fill!({ asOf: AS_OF, config: defaultConfig });
    return (h) => h.undoFill!();
  },
};

/** Actions that need a method the add-in may not have yet. */
const NEEDS: Record<string, keyof Host> = {
  "«Заполнить»": "fill",
  "«Отменить заполнение»": "undoFill",
};

const samples = process.argv[2];
try {
  if (!samples) {
    throw new Error("usage: tsx bench/pane-syncs.ts SAMPLES_FOLDER");
  }
  const { createStandin } = (await import(module("../addin/test/standin/standin.js"))) as {
    createStandin: (data: { sheets: SheetData[] }) => Standin;
  };
  const { ExcelHost } = (await import(module("../addin/src/excel/excelHost.js"))) as {
    ExcelHost: new (excel: unknown, office: unknown) => Host;
  };

  const actions: Record<string, Record<number, number>> = {};
  const runs: Record<string, Record<number, number>> = {};
  for (const size of SIZES) {
    const sheets = await cardSheets(samples, size);
    for (const [name, prepare] of Object.entries(ACTIONS)) {
      const standin = createStandin({ sheets: structuredClone(sheets) });
      const host = new ExcelHost(standin.Excel, standin.Office);
      const needs = NEEDS[name];
      if (needs && typeof host[needs] !== "function") {
        continue;
      }
      const act = await prepare(host);
      const before = { ...standin.state };
      await act(host);
      (actions[name] ??= {})[size] = standin.state.syncs - before.syncs;
      (runs[name] ??= {})[size] = standin.state.runs - before.runs;
    }
  }
  process.stdout.write(`${JSON.stringify({ actions, runs })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: (error as Error).message })}\n`);
}

function check(host: Host, scope: "active" | "all", mark: boolean) {
  return host.check({ scope, asOf: AS_OF, config: defaultConfig, mark });
}

function module(path: string): string {
  return new URL(path, import.meta.url).href;
}

/**
 * `npm run bench` (issue 7): how fast iom-kit reads a district's cards, against what reading
 * them costs at all, and what the task pane weighs and asks of Excel. Prints a table and each
 * budget with its figure and whether it holds, and writes bench/results.json. A benchmark,
 * never a test: nothing here runs in `npm test`.
 *
 * Options: `--rounds N` (5) rounds of the district's commands, `--load-runs N` (5) loads of
 * the pane in each mode, `--no-build` to measure dist/ and out/ as they are.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { format } from "prettier";
import ts from "typescript";

import { evaluateBudgets, printBudgets } from "./budgets.js";
import type { DataSet } from "./generate.js";
import { ensureDataSet } from "./generate.js";
import type { Run } from "./measure.js";
import { measure, MEMORY_SOURCE } from "./measure.js";
import type { LoadTimes } from "./pane.js";
import { loadToReady, paneBundle, syncsPerAction } from "./pane.js";
import type { CommandResult, Results } from "./results.js";
import { median, middle } from "./results.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const AS_OF = "2026-11-16";
const bin = join(root, "dist", "cli", "bin.js");
const samples = join(root, "samples");
const paneOut = join(root, "out", "addin");
const standinScript = join(root, "out", "standin", "office-standin.js");

interface Options {
  rounds: number;
  loadRuns: number;
  build: boolean;
}

/** One command of the district's rounds. */
interface Command {
  name: string;
  args: string[];
  /** Exit statuses that mean the command did its work (validate: 1 when it found errors). */
  ok: readonly number[];
  /** Run before each measured run (a summary refuses to overwrite its output). */
  before?: () => Promise<void>;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

const options = parseOptions(process.argv.slice(2));
const loadBefore = loadavg();
const started = new Date();
const scratch = await mkdtemp(join(tmpdir(), "iom-bench-"));

try {
  const builds = options.build ? await buildAll() : { cli: "not rebuilt (--no-build)" };
  const floors = await compileFloors();
  const district = await ensureDataSet("district", log);
  const region = await ensureDataSet("region", log);
  const summary = summaryAvailable();

  const districtResults = await measureDistrict(district, floors, summary, options.rounds);
  const regionResult = await measureRegion(region, summary);
  const pane = await measurePane(options.loadRuns, builds);

  const results: Results = {
    started: started.toISOString(),
    machine: {
      node: process.version,
      cpus: availableParallelism(),
      cpu: cpus()[0]?.model ?? "",
      loadBefore,
      loadAfter: loadavg(),
    },
    memorySource: MEMORY_SOURCE,
    builds,
    sets: { district: withoutDir(district), region: withoutDir(region) },
    rounds: options.rounds,
    district: districtResults,
    region: regionResult,
    pane,
    budgets: [],
  };
  results.budgets = evaluateBudgets(results);

  process.stdout.write(`${report(results)}\n`);
  process.stdout.write(`${printBudgets(results.budgets)}\n`);
  const json = await format(JSON.stringify(results), { parser: "json", printWidth: 100 });
  await writeFile(join(root, "bench", "results.json"), json);
  log("written: bench/results.json");
} finally {
  await rm(scratch, { recursive: true, force: true });
}

// --- steps ------------------------------------------------------------------------------------

function parseOptions(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    const n = at >= 0 ? Number(args[at + 1]) : fallback;
    if (!Number.isInteger(n) || n < 1) {
      throw new RangeError(
        `bench: ${name} takes a whole number of 1 or more, not «${args[at + 1]}»`,
      );
    }
    return n;
  };
  return {
    rounds: value("--rounds", 5),
    loadRuns: value("--load-runs", 5),
    build: !args.includes("--no-build"),
  };
}

/** Builds the CLI, the pane and the stand-in from the sources as they are now. */
async function buildAll(): Promise<Record<string, string>> {
  const builds: Record<string, string> = {};
  for (const [name, command, args] of [
    ["cli", "npm", ["run", "build"]],
    ["pane", "npm", ["run", "build:addin"]],
    ["standin", "npx", ["webpack", "--env", "standin"]],
  ] as const) {
    log(`building ${name}: ${command} ${args.join(" ")}`);
    const { status, output } = await runQuietly(command, [...args]);
    builds[name] = status === 0 ? "built" : `failed (exit ${status}): ${lastLines(output, 5)}`;
    if (status !== 0) {
      log(`  ${builds[name]}`);
    }
  }
  return builds;
}

/**
 * The floors as plain JavaScript for plain Node, so that neither side of a ratio pays for a
 * TypeScript loader; under node_modules/.cache, where they find exceljs and jszip and where
 * neither ESLint nor Prettier looks.
 */
async function compileFloors(): Promise<{ floor: string; raw: string }> {
  const out = join(root, "node_modules", ".cache", "iom-bench");
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "package.json"), `{ "type": "module" }\n`);
  for (const name of ["files", "floor", "raw-floor"]) {
    const source = await readFile(join(root, "bench", `${name}.ts`), "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    await writeFile(join(out, `${name}.js`), outputText);
  }
  return { floor: join(out, "floor.js"), raw: join(out, "raw-floor.js") };
}

/** Whether `iom summary` is built yet: it is being written alongside this benchmark. */
function summaryAvailable(): string | undefined {
  if (!existsSync(bin)) {
    return "not measured: dist/cli/bin.js is not built";
  }
  // Commander answers `--help` after an unknown command with the program's own help.
  const help = spawnSync(process.execPath, [bin, "summary", "--help"], { encoding: "utf8" });
  return help.status === 0 && help.stdout.includes("--jobs")
    ? undefined
    : "not measured: iom summary not built yet";
}

/**
 * The district's commands, each a process of its own, alternated round by round (the order
 * turning one step each round, so that no command always runs right after the same one), after
 * one warm-up run each that fills the page cache and checks the command works.
 */
async function measureDistrict(
  set: DataSet,
  floors: { floor: string; raw: string },
  summaryMissing: string | undefined,
  rounds: number,
): Promise<CommandResult[]> {
  const summaryOut = (jobs: number) => join(scratch, `district-summary-${jobs}.xlsx`);
  const commands: (Command & { skipped?: string })[] = [
    { name: "floor", args: [floors.floor, set.dir], ok: [0] },
    { name: "raw floor", args: [floors.raw, set.dir], ok: [0] },
    { name: "iom validate", args: [bin, "validate", set.dir, "--today", AS_OF], ok: [0, 1] },
    ...[1, 2].map((jobs) => ({
      name: `iom summary --jobs ${jobs}`,
      args: [
        bin,
        "summary",
        set.dir,
        "-o",
        summaryOut(jobs),
        "--jobs",
        String(jobs),
        "--today",
        AS_OF,
      ],
      ok: [0],
      before: () => rm(summaryOut(jobs), { force: true }),
      skipped: summaryMissing,
    })),
  ];

  const results = new Map<string, CommandResult>(
    commands.map((c) => [c.name, { name: c.name, runs: [], skipped: c.skipped }]),
  );
  const active = commands.filter((c) => c.skipped === undefined);
  for (const command of active) {
    log(`warm-up: ${command.name}`);
    const run = await runCommand(command);
    if (!command.ok.includes(run.status)) {
      results.get(command.name)!.skipped =
        `not measured: exit status ${run.status}: ${lastLines(run.stderr, 3)}`;
    }
  }

  const measured = active.filter((c) => results.get(c.name)!.skipped === undefined);
  for (let round = 0; round < rounds; round++) {
    const order = measured.map((_, i) => measured[(i + round) % measured.length]!);
    for (const command of order) {
      const run = await runCommand(command);
      results.get(command.name)!.runs.push(run);
      log(`round ${round + 1}/${rounds}: ${command.name} ${(run.wallMs / 1000).toFixed(2)} s`);
    }
  }
  return [...results.values()];
}

async function runCommand(command: Command): Promise<Run> {
  await command.before?.();
  return await measure(command.args, root);
}

/** The region's summary on one thread: its peak memory. */
async function measureRegion(
  set: DataSet,
  summaryMissing: string | undefined,
): Promise<CommandResult> {
  const name = "iom summary --jobs 1 (region)";
  if (summaryMissing) {
    return { name, runs: [], skipped: summaryMissing };
  }
  const out = join(scratch, "region-summary.xlsx");
  log(`region: ${name} on ${set.cards} cards`);
  const run = await measure(
    [bin, "summary", set.dir, "-o", out, "--jobs", "1", "--today", AS_OF],
    root,
  );
  log(`  ${(run.wallMs / 1000).toFixed(1)} s, peak ${(run.maxRssKiB / 1024).toFixed(0)} MiB`);
  return run.status === 0
    ? { name, runs: [run] }
    : {
        name,
        runs: [run],
        skipped: `not measured: exit status ${run.status}: ${lastLines(run.stderr, 3)}`,
      };
}

async function measurePane(
  loadRuns: number,
  builds: Record<string, string>,
): Promise<Results["pane"]> {
  // A build that failed leaves the last one in out/: that is not the pane as it is now.
  const failed = (name: string) => builds[name] !== undefined && builds[name] !== "built";
  const bundle =
    existsSync(join(paneOut, "taskpane.html")) && !failed("pane")
      ? await paneBundle(paneOut)
      : { error: `not measured: the pane is not built (npm run build:addin ${builds.pane ?? ""})` };

  let load: LoadTimes | { error: string };
  if ("error" in bundle || !existsSync(standinScript) || failed("standin")) {
    load = {
      error: "not measured: the pane or the stand-in (npx webpack --env standin) is not built",
    };
  } else {
    log(`pane: load-to-ready, ${loadRuns} runs in each mode`);
    load = await loadToReady(paneOut, standinScript, samples, loadRuns).catch((error: Error) => ({
      error: `not measured: ${error.message.split("\n")[0]}`,
    }));
  }

  log("pane: syncs per action on the stand-in");
  const syncs = await syncsPerAction(root, samples);
  return { bundle, load, syncs };
}

// --- the table --------------------------------------------------------------------------------

function report(results: Results): string {
  const lines: string[] = [];
  const { district, region } = results.sets;
  const m = results.machine;
  lines.push(
    `iom-kit bench, ${results.started.slice(0, 16).replace("T", " ")} UTC; Node ${m.node}, ${m.cpus} cores (${m.cpu}); load average ${m.loadBefore.map((l) => l.toFixed(1)).join(" ")} before, ${m.loadAfter.map((l) => l.toFixed(1)).join(" ")} after`,
  );
  const broken = Object.entries(results.builds).filter(([, how]) => how !== "built");
  broken.forEach(([name, how]) => lines.push(`Build of ${name}: ${how}`));
  lines.push("");
  lines.push(
    `District: ${district.cards} cards in ${district.files} files; ${results.rounds} rounds, each command a process of its own, alternated; medians`,
  );
  const floor = median(results.district.find((r) => r.name === "floor")?.runs ?? [], "wallMs");
  const one = median(
    results.district.find((r) => r.name === "iom summary --jobs 1")?.runs ?? [],
    "wallMs",
  );
  lines.push(
    table(
      ["command", "wall", "min", "max", "CPU", "peak RSS", "vs floor"],
      results.district.map((result) => {
        if (result.skipped || result.runs.length === 0) {
          return [result.name, result.skipped ?? "not measured"];
        }
        const wall = median(result.runs, "wallMs");
        const versus =
          result.name === "iom summary --jobs 2"
            ? `${(one / wall).toFixed(2)}× faster than --jobs 1`
            : result.name === "floor"
              ? "1.00×"
              : `${(wall / floor).toFixed(2)}×`;
        return [
          result.name,
          seconds(wall),
          seconds(Math.min(...result.runs.map((r) => r.wallMs))),
          seconds(Math.max(...result.runs.map((r) => r.wallMs))),
          seconds(median(result.runs, "cpuMs")),
          mebibytes(median(result.runs, "maxRssKiB")),
          versus,
        ];
      }),
    ),
  );
  lines.push("");
  lines.push(`Region: ${region.cards} cards in ${region.files} files`);
  const r = results.region;
  lines.push(
    table(
      ["command", "wall", "CPU", "peak RSS"],
      [
        r.skipped || r.runs.length === 0
          ? [r.name, r.skipped ?? "not measured"]
          : [
              r.name,
              seconds(r.runs[0]!.wallMs),
              seconds(r.runs[0]!.cpuMs),
              mebibytes(r.runs[0]!.maxRssKiB),
            ],
      ],
    ),
  );
  lines.push("");
  lines.push("Pane");
  const { bundle, load, syncs } = results.pane;
  if ("error" in bundle) {
    lines.push(`  initial JavaScript: ${bundle.error}`);
  } else {
    lines.push(
      `  initial JavaScript, gzipped: ${kilobytes(bundle.initialGzip)} (${bundle.initial.map((s) => `${s.file} ${kilobytes(s.gzip)}`).join(", ")}); office.js not counted`,
    );
    lines.push(
      `  loaded on demand: ${bundle.lazy.map((s) => `${s.file} ${kilobytes(s.gzip)}`).join(", ") || "nothing"}`,
    );
  }
  if ("error" in load) {
    lines.push(`  load-to-ready: ${load.error}`);
  } else {
    lines.push(
      `  load-to-ready in headless Chromium, median of ${load.excel.length}: ${load.excel.length ? milliseconds(middle(load.excel)) : "-"} in Excel (stand-in), ${load.browser.length ? milliseconds(middle(load.browser)) : "-"} in a browser (office.js offline)`,
    );
  }
  if ("error" in syncs) {
    lines.push(`  context.sync() per action: not measured: ${syncs.error}`);
  } else {
    lines.push("  context.sync() per action, Excel stand-in, card sheets the size of the samples:");
    lines.push(
      table(
        ["action", "1 sheet", "10 sheets", "100 sheets", "Excel.run"],
        Object.entries(syncs.actions).map(([action, counts]) => [
          action,
          String(counts[1]),
          String(counts[10]),
          String(counts[100]),
          String(Math.max(...Object.values(syncs.runs[action] ?? {}))),
        ]),
      )
        .split("\n")
        .map((line) => `  ${line}`)
        .join("\n"),
    );
  }
  return lines.join("\n");
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.filter((r) => r.length === head.length).map((r) => r[i]!.length)),
  );
  const line = (cells: string[]) =>
    cells.length === head.length
      ? cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")
      : `${cells[0]!.padEnd(widths[0]!)}  ${cells.slice(1).join("  ")}`;
  return [line(head), line(head.map((_, i) => "-".repeat(widths[i]!))), ...rows.map(line)].join(
    "\n",
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function milliseconds(ms: number): string {
  return `${ms.toFixed(0)} ms`;
}

function mebibytes(kib: number): string {
  return `${(kib / 1024).toFixed(0)} MiB`;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function withoutDir(set: DataSet): Omit<DataSet, "dir"> {
  const { dir: _dir, ...rest } = set;
  return rest;
}

function lastLines(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join(" / ");
}

async function runQuietly(
  command: string,
  args: string[],
): Promise<{ status: number; output: string }> {
  return await new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-8000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => resolve({ status: code ?? 1, output }));
  });
}

/**
 * One measured process of `npm run bench`: Node (`process.execPath`) running a script, timed
 * by the harness from spawn to exit, with its CPU time and peak memory. Those come from
 * `/usr/bin/time -v` where it exists, else from the process itself: a module loaded with
 * `--import` writes `process.resourceUsage()` when it exits. Neither limits the heap
 * (`--max-old-space-size` would change what is measured).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Run {
  /** From spawn to exit, as the harness saw it. */
  wallMs: number;
  /** User plus system CPU time, every thread of the process included. */
  cpuMs: number;
  /** Peak resident set size, in KiB. */
  maxRssKiB: number;
  status: number;
  /** The end of what the process wrote to stderr, for a run that failed. */
  stderr: string;
}

const TIME = "/usr/bin/time";

/** How peak memory and CPU time are taken on this machine, for the report. */
export const MEMORY_SOURCE = existsSync(TIME)
  ? "/usr/bin/time -v"
  : "process.resourceUsage() at exit (--import hook)";

/**
 * Runs `node ...args` once and measures it. Standard output is discarded (a command's results
 * are not what is timed), standard error kept for the report.
 */
export async function measure(args: readonly string[], cwd: string): Promise<Run> {
  const folder = await mkdtemp(join(tmpdir(), "iom-bench-run-"));
  const usageFile = join(folder, "usage");
  try {
    const command = existsSync(TIME)
      ? { file: TIME, args: ["-v", "-o", usageFile, process.execPath, ...args] }
      : { file: process.execPath, args: ["--import", USAGE_HOOK, ...args] };

    const started = performance.now();
    const { status, stderr } = await new Promise<{ status: number; stderr: string }>(
      (resolve, reject) => {
        const child = spawn(command.file, command.args, {
          cwd,
          stdio: ["ignore", "ignore", "pipe"],
          env: { ...process.env, IOM_BENCH_USAGE: usageFile },
        });
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => {
          stderr = (stderr + chunk.toString("utf8")).slice(-4000);
        });
        child.on("error", reject);
        child.on("close", (code, signal) =>
          resolve({ status: code ?? (signal ? 128 : 1), stderr }),
        );
      },
    );
    const wallMs = Math.round((performance.now() - started) * 10) / 10;

    const usage = await readFile(usageFile, "utf8").catch(() => "");
    return { wallMs, ...parseUsage(usage), status, stderr };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Writes the process's own resource usage where the harness asked, as it exits. */
const USAGE_HOOK = `data:text/javascript,${encodeURIComponent(
  [
    'import { writeFileSync } from "node:fs";',
    'process.on("exit", () => {',
    "  const u = process.resourceUsage();",
    "  writeFileSync(process.env.IOM_BENCH_USAGE, JSON.stringify({",
    "    cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKiB: u.maxRSS }));",
    "});",
  ].join("\n"),
)}`;

function parseUsage(text: string): { cpuMs: number; maxRssKiB: number } {
  if (text.startsWith("{")) {
    return JSON.parse(text) as { cpuMs: number; maxRssKiB: number };
  }
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1] ?? NaN);
  return {
    cpuMs: (field("User time \\(seconds\\)") + field("System time \\(seconds\\)")) * 1000,
    maxRssKiB: field("Maximum resident set size \\(kbytes\\)"),
  };
}

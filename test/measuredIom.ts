/**
 * `iom` as a user runs it, in a process of its own, with its peak memory: the sources compiled
 * to JavaScript as `npm run build` compiles them (types stripped, nothing bundled) and run by
 * plain Node, so that no TypeScript loader adds to the figure; the peak is the process's
 * maximum resident set (`process.resourceUsage().maxRSS`, worker threads included), written by
 * an `--import` hook at exit.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";

import ts from "typescript";

const ROOT = join(import.meta.dirname, "..");

/** What a run of `iom` printed, its exit status and its peak memory. */
export interface MeasuredRun {
  status: number;
  stdout: string[];
  stderr: string[];
  /** Peak resident memory, in MB (2^20 bytes). */
  peakMB: number;
}

export interface MeasuredIom {
  run(...args: string[]): Promise<MeasuredRun>;
  /** Removes the compiled copy. */
  dispose(): Promise<void>;
}

/**
 * Compiles lib/ into a folder of its own under node_modules/.cache (where Node finds the
 * dependencies, and neither ESLint nor Prettier looks), once per call; a test file calls it in
 * `beforeAll`.
 *
 * @example const iom = await measuredIom(); const { peakMB } = await iom.run("validate", dir);
 */
export async function measuredIom(): Promise<MeasuredIom> {
  const cache = join(ROOT, "node_modules", ".cache", "iom-test");
  await mkdir(cache, { recursive: true });
  const out = await mkdtemp(join(cache, "build-"));
  const manifest = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  // main.ts reads the version from ../../package.json, as from dist/cli.
  await writeFile(
    join(out, "package.json"),
    JSON.stringify({ type: "module", version: manifest.version }),
  );
  for (const file of await sources(join(ROOT, "lib"))) {
    const { outputText } = ts.transpileModule(await readFile(file, "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        verbatimModuleSyntax: true,
      },
      fileName: file,
    });
    const target = join(out, "dist", relative(join(ROOT, "lib"), file).replace(/\.ts$/, ".js"));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  const hook = join(out, "peak.mjs");
  await writeFile(
    hook,
    'import { writeFileSync } from "node:fs";\n' +
      'process.on("exit", () => writeFileSync(process.env.IOM_PEAK_FILE, String(process.resourceUsage().maxRSS)));\n',
  );
  const bin = join(out, "dist", "cli", "bin.js");

  return {
    async run(...args) {
      const peakFile = join(await mkdtemp(join(tmpdir(), "iom-peak-")), "kib");
      const { status, stdout, stderr } = await new Promise<{
        status: number;
        stdout: string;
        stderr: string;
      }>((resolve) => {
        execFile(
          process.execPath,
          ["--import", pathToFileURL(hook).href, bin, ...args],
          { env: { ...process.env, IOM_PEAK_FILE: peakFile }, maxBuffer: 64 * 1024 * 1024 },
          (error, stdout, stderr) =>
            resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
      const lines = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));
      const peakMB = Number(await readFile(peakFile, "utf8")) / 1024;
      await rm(dirname(peakFile), { recursive: true, force: true });
      return { status, stdout: lines(stdout), stderr: lines(stderr), peakMB };
    },
    dispose: () => rm(out, { recursive: true, force: true }),
  };
}

async function sources(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !/\.(test|bench)\.ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

import { main } from "../lib/cli/main.js";
import type { Output } from "../lib/cli/output.js";

/** What a run of `iom` printed, and its exit status. */
export interface IomRun {
  status: number;
  stdout: string[];
  stderr: string[];
}

/** Runs `iom` in-process, as the executable does, and keeps what it printed. */
export async function iom(...args: string[]): Promise<IomRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = {
    result: (line) => stdout.push(line),
    problem: (line) => stderr.push(line),
    progress: () => undefined,
  };
  return { status: await main(args, out), stdout, stderr };
}

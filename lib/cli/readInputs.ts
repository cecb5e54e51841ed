import { Worker } from "node:worker_threads";

import type { Config } from "../domain/config.js";
import type { Input } from "./inputs.js";
import type { InputOptions, InputSummary } from "./summaryInput.js";
import { readSummaryInput } from "./summaryInput.js";

/** What a worker is started with: plain data (a catalogue and pseudonyms it makes itself). */
export interface WorkerData {
  asOf: string;
  config: Config;
  key: string | null;
}

/** One input for a worker to read. */
export interface WorkerTask {
  index: number;
  input: Input;
}

/**
 * Reads the inputs of `iom summary` on `jobs` threads and hands each result to `take` as it
 * arrives (in any order), so that the caller folds one file at a time and never holds the
 * cards of all. With one job, or one input, it reads in this thread.
 *
 * @throws where a worker thread itself fails (not a file: a file's trouble is its result).
 */
export async function readInputs(
  inputs: readonly Input[],
  options: InputOptions & { key: string | null },
  jobs: number,
  take: (index: number, result: InputSummary) => void,
): Promise<void> {
  if (jobs <= 1 || inputs.length <= 1) {
    for (const [index, input] of inputs.entries()) {
      take(index, await readSummaryInput(input, options));
    }
    return;
  }

  const data: WorkerData = { asOf: options.asOf, config: options.config, key: options.key };
  const workers = Array.from({ length: Math.min(jobs, inputs.length) }, () => startWorker(data));
  let next = 0;
  let pending = inputs.length;
  try {
    await new Promise<void>((resolve, reject) => {
      const give = (worker: Worker) => {
        if (next < inputs.length) {
          const task: WorkerTask = { index: next, input: inputs[next]! };
          next += 1;
          worker.postMessage(task);
        }
      };
      for (const worker of workers) {
        worker.on("message", (message: { index: number; result: InputSummary }) => {
          take(message.index, message.result);
          pending -= 1;
          if (pending === 0) {
            resolve();
          } else {
            give(worker);
          }
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (pending > 0) {
            reject(new Error(`поток чтения файлов завершился с кодом ${code}`));
          }
        });
        give(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * A worker of the built CLI (dist/cli/summaryWorker.js); from the sources (vitest, tsx) the
 * worker registers tsx's loader first, as the sources are TypeScript.
 */
function startWorker(data: WorkerData): Worker {
  const source = import.meta.url.endsWith(".ts");
  const url = new URL(`./summaryWorker.${source ? "ts" : "js"}`, import.meta.url);
  if (!source) {
    return new Worker(url, { workerData: data });
  }
  const code = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData: data });
}

import { Worker } from "node:worker_threads";

import type { Config } from "../domain/config.js";
import type { Input } from "./inputs.js";
import type { InputOptions, InputSummary } from "./summaryInput.js";

/**
 * What a worker is started with: plain data (a catalogue and pseudonyms it makes itself), the
 * inputs, and the counter every thread takes the next input's index from.
 */
export interface WorkerData {
  asOf: string;
  config: Config;
  key: string | null;
  inputs: readonly Input[];
  /** An Int32Array's buffer: the next index to read, for `Atomics.add`. */
  next: SharedArrayBuffer;
}

/** What a worker sends: an input's summary, or that no input is left to it. */
export type WorkerMessage = { index: number; result: InputSummary } | { done: true };

/**
 * Reads the inputs of `iom summary` on `jobs` threads, this one and `jobs - 1` workers, and
 * hands each result to `take` as it arrives (in any order), so that the caller folds one file
 * at a time and never holds the cards of all. Every thread takes the next file from a shared
 * counter as soon as it is done with one, waiting on no other: handed out by this thread, a
 * worker's next file waited until this thread was done with its own. The workers are started
 * first: each loads the reader and warms up on its own (a third of a second and more), while
 * this thread loads it too and starts reading.
 *
 * @throws where a worker thread itself fails (not a file: a file's trouble is its result).
 */
export async function readInputs(
  inputs: readonly Input[],
  options: InputOptions & { key: string | null },
  jobs: number,
  take: (index: number, result: InputSummary) => void,
): Promise<void> {
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const data: WorkerData = {
    asOf: options.asOf,
    config: options.config,
    key: options.key,
    inputs,
    next,
  };
  const count = Math.max(0, Math.min(jobs, inputs.length) - 1);
  const workers = Array.from({ length: count }, () => startWorker(data));

  try {
    const ours = (async () => {
      const { readSummaryInput } = await import("./summaryInput.js");
      for (
        let index = claim(counter, inputs);
        index !== undefined;
        index = claim(counter, inputs)
      ) {
        take(index, await readSummaryInput(inputs[index]!, options));
      }
    })();
    await Promise.all([ours, ...workers.map((worker) => readOn(worker, take))]);
  } catch (error) {
    // Nothing more for any thread: the batch has failed.
    Atomics.store(counter, 0, inputs.length);
    throw error;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** The index of the next input to read, or undefined when none is left. */
export function claim(counter: Int32Array, inputs: readonly Input[]): number | undefined {
  const index = Atomics.add(counter, 0, 1);
  return index < inputs.length ? index : undefined;
}

/** Takes a worker's results until it has none left. */
function readOn(
  worker: Worker,
  take: (index: number, result: InputSummary) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    worker.on("message", (message: WorkerMessage) => {
      if ("done" in message) {
        resolve();
      } else {
        take(message.index, message.result);
      }
    });
    worker.on("error", reject);
    worker.on("exit", (code) =>
      reject(new Error(`поток чтения файлов завершился с кодом ${code}`)),
    );
  });
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

import { SingleBar } from "cli-progress";

/**
 * Where the CLI writes: results to stdout, progress and problems to stderr (the library
 * itself never logs). Tests give their own, to read what a command said.
 */
export interface Output {
  result(line: string): void;
  problem(line: string): void;
  /** Work done so far: `done` of `total`; `done === total` ends the progress. */
  progress(done: number, total: number): void;
}

/** Batches shorter than this finish before a bar would help. */
const BAR_FROM = 10;

/** The terminal: a progress bar on stderr only when it is a terminal and the batch is long. */
export function terminalOutput(): Output {
  let bar: SingleBar | undefined;
  return {
    result: (line) => process.stdout.write(`${line}\n`),
    problem: (line) => {
      bar?.stop();
      bar = undefined;
      process.stderr.write(`${line}\n`);
    },
    progress: (done, total) => {
      if (process.stderr.isTTY !== true || total < BAR_FROM) {
        return;
      }
      if (done >= total) {
        bar?.stop();
        bar = undefined;
        return;
      }
      if (!bar) {
        bar = new SingleBar({
          stream: process.stderr,
          format: "Файлы {bar} {value}/{total}",
          clearOnComplete: true,
          hideCursor: true,
        });
        bar.start(total, done);
      }
      bar.update(done);
    },
  };
}

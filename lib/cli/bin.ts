#!/usr/bin/env node
import { main } from "./main.js";

// The executable `iom`: everything else lives in main.ts, which tests call directly.

// `iom validate … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") {
    process.exit(process.exitCode ?? 0);
  }
  throw error;
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`iom: внутренняя ошибка: ${(error as Error).message}\n`);
    if (process.argv.includes("--debug")) {
      process.stderr.write(`${(error as Error).stack}\n`);
    }
    process.exitCode = 70;
  },
);

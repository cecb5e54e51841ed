import { readFileSync } from "node:fs";

import { createCatalogue } from "../domain/catalogue.js";
import { finding } from "../domain/finding.js";
import type { LocatedFinding } from "../sheet/located.js";
import { placeFinding } from "../sheet/located.js";
import { readWorkbook } from "../xlsx/readWorkbook.js";
import { formatCounts, formatFinding } from "./format.js";
import type { Input } from "./inputs.js";
import { collectInputs } from "./inputs.js";
import { asOfDay, loadConfig } from "./options.js";
import type { Output } from "./output.js";
import { readProblem } from "./readProblem.js";

export interface ValidateOptions {
  json?: boolean;
  today?: string;
  config?: string;
  debug?: boolean;
}

/**
 * `iom validate PATH...`: reads every card of every workbook and prints each finding at its
 * cell, then a count line; `--json` prints one array instead. Returns the exit status: 0
 * clean or warnings only, 1 errors found, 2 a file could not be read.
 */
export async function validateCommand(
  paths: string[],
  options: ValidateOptions,
  out: Output,
): Promise<number> {
  const asOf = asOfDay(options.today);
  const config = await loadConfig(options.config);
  const catalogue = createCatalogue(config);
  const inputs = await collectInputs(paths);

  const findings: LocatedFinding[] = [];
  let cards = 0;
  for (const [index, input] of inputs.entries()) {
    out.progress(index, inputs.length);
    const read = await readInput(input, { asOf, config, catalogue }, options.debug === true, out);
    cards += read.cards;
    findings.push(...read.findings);
  }
  out.progress(inputs.length, inputs.length);

  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (options.json === true) {
    out.result(JSON.stringify(findings, null, 2));
  } else {
    findings.forEach((item) => out.result(formatFinding(item)));
    // A path that is not there is a finding, not a file.
    const files = inputs.filter((input) => input.kind === "file").length;
    out.result(formatCounts({ files, cards, errors, warnings }));
  }

  if (findings.some((f) => f.code === "file.unreadable")) {
    return 2;
  }
  return errors > 0 ? 1 : 0;
}

async function readInput(
  input: Input,
  options: Omit<Parameters<typeof readWorkbook>[1], "file">,
  debug: boolean,
  out: Output,
): Promise<{ cards: number; findings: LocatedFinding[] }> {
  if (input.kind === "missing") {
    return { cards: 0, findings: [unreadable(input.path, input.reason)] };
  }
  try {
    // Read at once: the files are read one after another anyway, and handing each read to
    // libuv's threads and back left this thread waiting 0.3 s over a district's 306 files.
    const bytes = readFileSync(input.path);
    const read = await readWorkbook(bytes, { ...options, file: input.path });
    if (read.summary) {
      out.problem(
        `Файл «${input.path}» — сводка iom-kit, а не карта: не проверяется (сводки объединяет iom summary)`,
      );
    }
    return { cards: read.records.length, findings: read.findings };
  } catch (error) {
    // Anything else that stops one file must not stop the batch (DESIGN.md: exit 2, the
    // others still processed); the stack is for --debug only.
    if (debug) {
      out.problem((error as Error).stack ?? String(error));
    }
    return {
      cards: 0,
      findings: [unreadable(input.path, readProblem(input.path, error))],
    };
  }
}

function unreadable(file: string, message: string): LocatedFinding {
  return placeFinding(finding("file.unreadable", message, null), file);
}

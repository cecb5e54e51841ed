import { availableParallelism } from "node:os";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { formatDay, formatRussianDay, parseDay } from "../domain/dates.js";
import { finding } from "../domain/finding.js";
import type { Summary, SummaryAccumulator } from "../domain/summary.js";
import {
  addSummary,
  addUnreadable,
  anonymizeSummary,
  createSummary,
  finishSummary,
  repeatedCards,
  repeatedCardsMessage,
} from "../domain/summary.js";
import type { Aggregates } from "../domain/summary-aggregate.js";
import { aggregate } from "../domain/summary-aggregate.js";
import { summaryToJson } from "../domain/summary-json.js";
import type { LocatedFinding } from "../sheet/located.js";
import { placeFinding } from "../sheet/located.js";
import type { Anonymizer } from "./anonymizer.js";
import { createAnonymizer, KEY_VARIABLE, loadKey } from "./anonymizer.js";
import { formatFinding, plural } from "./format.js";
import { collectInputs } from "./inputs.js";
import { asOfDay, loadConfig, UsageError } from "./options.js";
import type { Output } from "./output.js";
import { readInputs } from "./readInputs.js";
import type { InputSummary } from "./summaryInput.js";
import { checkOutput, writeOutput } from "./writeOutput.js";

export interface SummaryCommandOptions {
  output: string;
  force?: boolean;
  json?: boolean;
  today?: string;
  config?: string;
  anonymize?: boolean;
  keyFile?: string;
  jobs?: string;
}

/**
 * `iom summary PATH... -o OUT.xlsx` (DESIGN.md, Contracts): reads every card of the workbooks
 * and folders given, and summary workbooks made before, and writes the district summary
 * workbook OUT (`writeSummaryWorkbook`); `--json` prints the summary (`summaryToJson`) too.
 * Files are read on `--jobs` threads and folded one at a time. A file that cannot be read is
 * listed in «Замечания» and on stderr, and the others are summarised.
 *
 * Exit status: 0 written; 2 written, but an input could not be read or merged.
 */
export async function summaryCommand(
  paths: string[],
  options: SummaryCommandOptions,
  out: Output,
): Promise<number> {
  const asOf = formatDay(asOfDay(options.today));
  const config = await loadConfig(options.config);
  const jobs = jobsOf(options.jobs);
  if (options.keyFile !== undefined && options.anonymize !== true) {
    throw new UsageError("--key-file: ключ нужен только для --anonymize; добавьте --anonymize");
  }
  const key = options.anonymize === true ? await loadKey(options.keyFile) : null;
  await checkOutput(options.output, { force: options.force });

  // `-o` naming a file of a folder summarised: an earlier summary there (the same command run
  // again with --force) is replaced and not read; a card is never replaced.
  const output = resolve(options.output);
  const found = await collectInputs(paths);
  if (found.some((input) => resolve(input.path) === output) && !(await isSummaryFile(output))) {
    throw new UsageError(
      `-o: «${options.output}» — один из входных файлов; iom их не меняет: укажите для сводки другое имя или папку`,
    );
  }
  const inputs = found.filter((input) => resolve(input.path) !== output);
  const named = new Set(paths.map((path) => resolve(path)));
  const anonymizer = key === null ? null : createAnonymizer(key);
  const summary = createSummary({ asOf, config, anonymize: anonymizer?.anonymize });
  const problems: { index: number; finding: LocatedFinding }[] = [];
  // Summary workbooks are folded last, in the order named, each against the cards counted
  // before it (`foldSummary`): so which of two copies counts never depends on the threads.
  const summaries: { index: number; result: SummaryResult }[] = [];

  // The writer's modules (exceljs's among them, which the reader shares) load as reading starts.
  const writer = import("../xlsx/writeSummaryWorkbook.js");
  let done = 0;
  out.progress(0, inputs.length);
  await readInputs(
    inputs,
    {
      asOf,
      config,
      catalogue: summary.context.catalogue,
      anonymize: anonymizer?.anonymize ?? null,
      key,
    },
    jobs,
    (index, result) => {
      // A summary workbook counts where it was named: one found in a folder of cards is most
      // likely an earlier summary of those very cards, saved beside them.
      if (result.kind === "summary" && !named.has(resolve(result.file))) {
        out.problem(
          `Сводка «${result.file}» лежит в папке с картами и не учтена: чтобы объединить сводки, укажите её отдельно`,
        );
        out.progress(++done, inputs.length);
        return;
      }
      if (result.kind === "summary") {
        summaries.push({ index, result });
      } else {
        addSummary(summary, result.summary);
        if (result.unreadable) {
          problems.push({ index, finding: result.unreadable });
        }
      }
      out.progress(++done, inputs.length);
    },
  );
  for (const { index, result } of summaries.sort((a, b) => a.index - b.index)) {
    const problem = foldSummary(summary, result, anonymizer);
    if (problem) {
      problems.push({ index, finding: problem });
    }
  }
  const finished = finishSummary(summary);
  // Made once for the workbook and the line (or the JSON) below.
  const tables = aggregate(finished);

  const { relativeLink, writeSummaryWorkbook } = await writer;
  await writeOutput(
    options.output,
    await writeSummaryWorkbook(finished, {
      link: (file) => linkFrom(dirname(output), file, relativeLink),
      keyId: anonymizer?.keyId ?? null,
      tables,
    }),
  );
  problems
    .sort((a, b) => a.index - b.index)
    .forEach((problem) => out.problem(formatFinding(problem.finding)));
  if (options.json === true) {
    out.result(JSON.stringify(summaryToJson(finished, tables), null, 2));
  } else {
    out.result(describe(options.output, finished, tables));
  }
  return problems.length > 0 ? 2 : 0;
}

type SummaryResult = Extract<InputSummary, { kind: "summary" }>;

/**
 * Folds a summary workbook in. One made for another day, anonymized while this one is not (or
 * with another key), or repeating cards counted already (the same summary named twice, or
 * made of cards named too) is not merged: it is listed as a file not read, and that finding
 * returned. A plain summary workbook joins an anonymized summary anonymized.
 */
function foldSummary(
  summary: SummaryAccumulator,
  result: SummaryResult,
  anonymizer: Anonymizer | null,
): LocatedFinding | null {
  const refuse = (why: string) => {
    const item = placeFinding(finding("file.unreadable", why, null), result.file);
    addUnreadable(summary, item);
    return item;
  };

  const why = refusal(summary.asOf, result, anonymizer);
  if (why !== null) {
    return refuse(why);
  }
  const part: Summary =
    anonymizer !== null && !result.summary.anonymized
      ? anonymizeSummary(result.summary, anonymizer.anonymize)
      : result.summary;

  const repeated = repeatedCards(summary, part);
  if (repeated.length > 0) {
    return refuse(repeatedCardsMessage(result.file, repeated, part.teachers.length));
  }
  addSummary(summary, part);
  return null;
}

function refusal(
  asOf: string,
  result: Extract<InputSummary, { kind: "summary" }>,
  anonymizer: Anonymizer | null,
): string | null {
  const { file, summary } = result;
  const day = (text: string) => formatRussianDay(parseDay(text));
  if (summary.asOf !== asOf) {
    return `Файл «${file}» — сводка на ${day(summary.asOf)}, а составляется сводка на ${day(asOf)}: объединяются только сводки на один день; укажите --today ${summary.asOf} или составьте эту сводку заново`;
  }
  if (summary.anonymized && anonymizer === null) {
    return `Файл «${file}» — обезличенная сводка: её можно объединить только в обезличенную сводку; добавьте --anonymize с тем ключом, которым она составлена (${KEY_VARIABLE} или --key-file)`;
  }
  if (summary.anonymized && result.keyId !== anonymizer!.keyId) {
    return `Файл «${file}» — обезличенная сводка с другим ключом: псевдонимы одного педагога в ней и здесь не совпадут; составьте обе сводки одним ключом`;
  }
  return null;
}

/**
 * The link to a card's file from the folder of the summary: relative, so that it works where
 * the district keeps the summary beside the cards; a `file:` URL where no relative path
 * exists (another drive).
 */
function linkFrom(folder: string, file: string, relativeLink: (path: string) => string): string {
  const path = resolve(file);
  const link = relative(folder, path);
  return isAbsolute(link) ? pathToFileURL(path).href : relativeLink(link);
}

function jobsOf(jobs: string | undefined): number {
  if (jobs === undefined) {
    return availableParallelism();
  }
  if (!/^\d+$/.test(jobs) || Number(jobs) < 1) {
    throw new UsageError(`--jobs: «${jobs}» — укажите число потоков: целое, от 1`);
  }
  return Number(jobs);
}

/** «Сводка записана в «OUT»: 13 карт, 12 педагогов, 3 ОО; 16 ошибок, 6 предупреждений». */
function describe(file: string, summary: Summary, tables: Aggregates): string {
  const schools = tables.schools.filter((s) => s.school !== null).length;
  const { errors, warnings } = tables.findings;
  const teachers = tables.teachers.length;
  return [
    `Сводка на ${formatRussianDay(parseDay(summary.asOf))} записана в «${file}»: `,
    `${summary.cards} ${plural(summary.cards, "карта", "карты", "карт")}, `,
    `${teachers} ${plural(teachers, "педагог", "педагога", "педагогов")}, `,
    `${schools} ОО; замечаний: `,
    `${errors} ${plural(errors, "ошибка", "ошибки", "ошибок")}, `,
    `${warnings} ${plural(warnings, "предупреждение", "предупреждения", "предупреждений")}`,
  ].join("");
}

/** Whether the file at `path` is a summary workbook iom wrote (and so may be replaced by one). */
async function isSummaryFile(path: string): Promise<boolean> {
  const [{ readFile }, { readGrids }, { isSummaryWorkbook }] = await Promise.all([
    import("node:fs/promises"),
    import("../xlsx/readGrids.js"),
    import("../xlsx/summaryData.js"),
  ]);
  try {
    return isSummaryWorkbook(await readGrids(await readFile(path), { fileName: path }));
  } catch {
    return false;
  }
}

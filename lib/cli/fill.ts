import { readFile } from "node:fs/promises";

import type { Raw } from "../domain/card.js";
import { formatRussianDay, serialToDate } from "../domain/dates.js";
import { finding } from "../domain/finding.js";
import type { FillRecordEntry } from "../sheet/fillRecord.js";
import { sheetReference } from "../sheet/grid.js";
import type { LocatedFinding } from "../sheet/located.js";
import type { FillOutcome, UndoOutcome } from "../xlsx/fillWorkbook.js";
import { fillWorkbook, undoFill } from "../xlsx/fillWorkbook.js";
import { UnreadableWorkbookError } from "../xlsx/readGrids.js";
import { formatFinding, plural } from "./format.js";
import { asOfDay, loadConfig } from "./options.js";
import type { Output } from "./output.js";
import { readProblem } from "./readProblem.js";
import { checkOutput, writeOutput } from "./writeOutput.js";

export interface FillOptions {
  output: string;
  force?: boolean;
  allowLoss?: boolean;
  today?: string;
  config?: string;
  undo?: boolean;
}

/** Findings about where a result stands: what fill leaves for a person. */
const PLACEMENT = new Set(["deficit.wrong-column", "deficit.several-columns"]);

/**
 * `iom fill IN -o OUT`: writes OUT, a copy of IN with the derived cells filled (see
 * `fillWorkbook`), and prints each cell it changed, then what it left for a person. `--undo`
 * writes OUT with every filled cell put back. IN is never changed.
 *
 * Exit status: 0 written; 1 nothing written because parts of IN would be lost (`--allow-loss`
 * writes all the same); 2 IN could not be read.
 */
export async function fillCommand(
  input: string,
  options: FillOptions,
  out: Output,
): Promise<number> {
  const asOf = asOfDay(options.today);
  const config = await loadConfig(options.config);
  await checkOutput(options.output, { force: options.force, input });

  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadable(
      input,
      code === "EISDIR"
        ? `«${input}» — папка, а fill заполняет одну книгу: укажите файл .xlsx`
        : code === "ENOENT"
          ? `Файл «${input}» не найден: проверьте путь`
          : readProblem(input, error),
      out,
    );
  }

  let outcome: FillOutcome | UndoOutcome;
  try {
    const common = { fileName: input, allowLoss: options.allowLoss === true };
    outcome =
      options.undo === true
        ? await undoFill(bytes, common)
        : await fillWorkbook(bytes, { ...common, asOf, config });
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) {
      return unreadable(input, error.message, out);
    }
    throw error;
  }

  if (outcome.kind === "refused") {
    const what = outcome.losses.join(", ");
    if (!outcome.overridable) {
      out.problem(
        `iom: «${input}» не заполнить без потерь (${what}): откройте файл в Excel или LibreOffice, сохраните как книгу Excel (.xlsx) и повторите`,
      );
      return 2;
    }
    out.problem(
      `iom: при записи «${input}» пропадёт: ${what}. Ничего не записано; чтобы записать без этого, добавьте --allow-loss`,
    );
    return 1;
  }
  if (outcome.losses.length > 0) {
    out.problem(
      `iom: «${options.output}» записан без того, что не сохраняется: ${outcome.losses.join(", ")}`,
    );
  }

  if (outcome.kind === "filled" && outcome.cards === 0) {
    // A copy with nothing filled would look like a filled card: better none, and why.
    out.result(
      `${input}  предупреждение  В файле «${input}» не найдена карта ИОМ: заполнять нечего, «${options.output}» не записан`,
    );
    return 0;
  }
  await writeOutput(options.output, outcome.bytes);
  if (outcome.kind === "undone") {
    reportUndo(options.output, outcome, out);
  } else {
    reportFill(options.output, outcome, out);
  }
  return 0;
}

function reportFill(
  file: string,
  outcome: Extract<FillOutcome, { kind: "filled" }>,
  out: Output,
): void {
  let moved = 0;
  let filled = 0;
  for (const write of outcome.writes) {
    const place = `${file} › ${sheetReference(write.sheet)}!${write.cell}`;
    if (write.kind === "level-column") {
      // A move is two writes; the line goes with the cell the result moved to.
      if (write.new !== null) {
        moved++;
        out.result(`${place}  перенесено  ${write.reason}`);
      }
      continue;
    }
    filled++;
    out.result(
      write.new === null
        ? `${place}  очищено  ${write.reason}`
        : `${place}  заполнено  «${shown(write.new, write.date)}» — ${write.reason}`,
    );
  }
  for (const write of outcome.skipped) {
    out.result(
      `${file} › ${sheetReference(write.sheet)}!${write.cell}  пропущено  ${write.reason}: ${write.why}`,
    );
  }

  const left = outcome.findings.filter((f) => PLACEMENT.has(f.code));
  // The cells are those of OUT: that is the file the person opens to decide.
  left.forEach((item) => out.result(formatFinding({ ...item, file })));
  out.result(
    [
      `${outcome.cards} ${plural(outcome.cards, "карта", "карты", "карт")}`,
      `заполнено ячеек: ${filled}`,
      `перенесено результатов: ${moved}`,
      `оставлено для проверки: ${left.length}`,
    ].join(", "),
  );
}

function reportUndo(
  file: string,
  outcome: Extract<UndoOutcome, { kind: "undone" }>,
  out: Output,
): void {
  const line = (entry: FillRecordEntry, what: string) =>
    out.result(`${file} › ${sheetReference(entry.sheet)}!${entry.cell}  ${what}`);
  outcome.restored.forEach((entry) => line(entry, "восстановлено"));
  outcome.changed.forEach((entry) => line(entry, "оставлено: ячейку изменили после заполнения"));
  out.result(
    `восстановлено ячеек: ${outcome.restored.length}, оставлено: ${outcome.changed.length}`,
  );
}

function shown(value: Raw, date: boolean | undefined): string {
  return date && typeof value === "number" ? formatRussianDay(serialToDate(value)) : String(value);
}

function unreadable(file: string, message: string, out: Output): number {
  const { field: _field, ...rest } = finding("file.unreadable", message, null);
  const item: LocatedFinding = { file, sheet: null, cell: null, ...rest };
  out.result(formatFinding(item));
  return 2;
}

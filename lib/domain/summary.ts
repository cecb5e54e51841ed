import { startOfDay } from "date-fns/startOfDay";

import type { Card, FieldPath } from "./card.js";
import type { Catalogue } from "./catalogue.js";
import { createCatalogue } from "./catalogue.js";
import type { Config } from "./config.js";
import { defaultConfig } from "./config.js";
import { maskContacts } from "./contacts.js";
import { formatDay, parseDay } from "./dates.js";
import type { FindingCode, Severity } from "./finding.js";
import type { Stage } from "./stage.js";
import { sortFindings, sortTeachers } from "./summary-order.js";
import type { Anonymize, TeacherContext, TeacherRecord } from "./summary-teacher.js";
import { anonymizeTeacher, readTeacher } from "./summary-teacher.js";

/**
 * The district summary (DESIGN.md, The district summary) as a fold: cards go in one at a
 * time and only a compact record of each teacher stays, so a region's thousands of cards are
 * never held at once. `aggregate` (summary-aggregate.ts) makes the tables from the records.
 */

/**
 * A finding placed in a workbook. The same shape as the sheet layer's `LocatedFinding`, which
 * the domain does not import (the sheet layer is built on the domain, not the other way).
 */
export interface SummaryFinding {
  file: string;
  sheet: string | null;
  cell: string | null;
  severity: Severity;
  code: FindingCode;
  message: string;
}

/** One card as the reader gives it (a `CardRecord`): `sources` is optional. */
export interface SummaryInput {
  file: string;
  sheet: string;
  card: Card;
  /** The card's findings located at cells: those of reading and of validation. */
  findings: readonly SummaryFinding[];
  /** Where each field was read; the summary takes the ФИО's cell for duplicate warnings. */
  sources?: ReadonlyMap<FieldPath, string>;
}

export interface SummaryOptions {
  /** The day the summary is made as of: a Date (its day counts) or YYYY-MM-DD. */
  asOf: Date | string;
  config?: Config;
  /** A catalogue made once for many summaries; made from `config` when absent. */
  catalogue?: Catalogue;
  /** Pseudonyms for names, files and sheets (DESIGN.md, Privacy); none by default. */
  anonymize?: Anonymize;
}

/** A card of a duplicate teacher: where it is and when its route ends. */
export interface CardRef {
  file: string;
  sheet: string;
  /** The ФИО's cell, where known. */
  cell: string | null;
  /** The route's last day, YYYY-MM-DD, or null where it cannot be read. */
  end: string | null;
}

/** Cards naming one teacher (one `personKey`): the one that counts and the others. */
export interface Duplicate {
  personKey: string;
  /** The name and ОО of the card that counts. */
  name: string | null;
  school: string | null;
  /** The route ending last; on a tie the further stage, then the first by file and sheet. */
  counted: CardRef;
  /** Left out of every table, each with a `summary.duplicate` warning. */
  others: CardRef[];
}

/**
 * A summary: plain JSON data, sorted (teachers by ОО, name, file, sheet; findings by file,
 * sheet, cell), so that a summary read back from JSON merges like a fresh one.
 */
export interface Summary {
  /** The as-of day, YYYY-MM-DD: activities dated before it and not marked are overdue. */
  asOf: string;
  /** Whether names, files and sheets are pseudonyms. */
  anonymized: boolean;
  /** Cards read. */
  cards: number;
  /** One record per card, duplicates included. */
  teachers: TeacherRecord[];
  /** Every finding of every card and of every file that could not be read, as given. */
  findings: SummaryFinding[];
  /** Teachers with more than one card, by `personKey`. */
  duplicates: Duplicate[];
}

/** A summary being built: pass it to `addCard` and `addUnreadable`, then `finishSummary`. */
export interface SummaryAccumulator {
  readonly asOf: string;
  readonly context: TeacherContext;
  cards: number;
  readonly teachers: TeacherRecord[];
  readonly findings: SummaryFinding[];
}

/**
 * Starts a summary as of a day.
 *
 * @example
 * const summary = createSummary({ asOf: "2025-11-16" });
 * for await (const record of readAll(files)) addCard(summary, record);
 * finishSummary(summary).teachers.length
 *
 * @throws {RangeError} where `asOf` is a text that is not a day in the form YYYY-MM-DD.
 */
export function createSummary(options: SummaryOptions): SummaryAccumulator {
  const config = options.config ?? defaultConfig;
  const asOf = typeof options.asOf === "string" ? parseDay(options.asOf) : options.asOf;

  if (Number.isNaN(asOf.getTime())) {
    throw new RangeError("Дата сводки не указана или неверна");
  }

  return {
    asOf: formatDay(asOf),
    context: {
      asOf: startOfDay(asOf),
      config,
      catalogue: options.catalogue ?? createCatalogue(config),
      anonymize: options.anonymize ?? null,
    },
    cards: 0,
    teachers: [],
    findings: [],
  };
}

/**
 * Folds one card in: its teacher's record and its findings (files and sheets as pseudonyms
 * where the summary anonymizes). The card itself is not kept. Returns the accumulator.
 */
export function addCard(summary: SummaryAccumulator, input: SummaryInput): SummaryAccumulator {
  const { context } = summary;

  summary.cards += 1;
  summary.teachers.push(
    readTeacher(
      {
        file: input.file,
        sheet: input.sheet,
        card: input.card,
        findings: input.findings,
        nameCell: input.sources?.get("general.fullName") ?? null,
      },
      context,
    ),
  );
  for (const finding of input.findings) {
    summary.findings.push(placeFinding(finding, context));
  }
  return summary;
}

/**
 * Adds a finding of a file that gave no card (`file.unreadable`, `file.no-card`), so that the
 * summary still lists the file. Returns the accumulator.
 */
export function addUnreadable(
  summary: SummaryAccumulator,
  finding: SummaryFinding,
): SummaryAccumulator {
  summary.findings.push(placeFinding(finding, summary.context));
  return summary;
}

/** The summary so far, sorted, duplicates found. The accumulator may go on taking cards. */
export function finishSummary(summary: SummaryAccumulator): Summary {
  return canonical({
    asOf: summary.asOf,
    anonymized: summary.context.anonymize !== null,
    cards: summary.cards,
    teachers: summary.teachers,
    findings: summary.findings,
  });
}

/**
 * The summary of many cards: `createSummary`, `addCard` for each, `finishSummary`.
 *
 * @example summarize(records, { asOf: "2025-11-16" }).cards // records.length
 */
export function summarize(records: Iterable<SummaryInput>, options: SummaryOptions): Summary {
  const summary = createSummary(options);
  for (const record of records) {
    addCard(summary, record);
  }
  return finishSummary(summary);
}

/**
 * Merges summaries made for the same day: the result equals the summary of all their cards,
 * in whatever parts and order they came (a region's summary from its districts'). Duplicates
 * are found anew across the parts. The inputs are not changed.
 *
 * @throws {RangeError} where the summaries were made for different days, or some are
 * anonymized and some not.
 *
 * @example combineSummaries(district1, district2).cards // district1.cards + district2.cards
 */
export function combineSummaries(first: Summary, ...rest: Summary[]): Summary {
  for (const other of rest) {
    checkMergeable(first, other);
  }

  const all = [first, ...rest];
  return canonical({
    asOf: first.asOf,
    anonymized: first.anonymized,
    cards: all.reduce((sum, s) => sum + s.cards, 0),
    teachers: all.flatMap((s) => s.teachers),
    findings: all.flatMap((s) => s.findings),
  });
}

/**
 * Folds a finished summary into one being built, as `combineSummaries` would merge them: a
 * summary read back from a summary workbook, or the part of one file read elsewhere (a worker
 * thread). Its records are taken as they are (already anonymized where it is). Returns the
 * accumulator.
 *
 * @throws {RangeError} where the part was made for another day, or is anonymized and the
 * accumulator not (or the other way round).
 *
 * @example addSummary(createSummary({ asOf: "2025-11-16" }), schoolSummary).cards
 */
export function addSummary(summary: SummaryAccumulator, part: Summary): SummaryAccumulator {
  checkMergeable({ asOf: summary.asOf, anonymized: summary.context.anonymize !== null }, part);

  summary.cards += part.cards;
  summary.teachers.push(...part.teachers);
  summary.findings.push(...part.findings);
  return summary;
}

/**
 * The cards of `part` that `summary` holds already, by file, sheet and teacher: a summary workbook
 * named twice (two copies of one), or one made of cards that were read too. Adding such a part
 * would count those cards twice; `repeatedCardsMessage` says so to the user.
 *
 * @example repeatedCards(summary, summary).length === summary.teachers.length // true
 */
export function repeatedCards(
  summary: Pick<Summary, "teachers">,
  part: Pick<Summary, "teachers">,
): TeacherRecord[] {
  const held = new Set(summary.teachers.map(cardKey));
  return part.teachers.filter((teacher) => held.has(cardKey(teacher)));
}

/**
 * Why the summary workbook `file` is not merged: `repeated` of its `total` cards are counted
 * already, one of them named for the user to find.
 */
export function repeatedCardsMessage(
  file: string,
  repeated: readonly TeacherRecord[],
  total: number,
): string {
  const [first] = repeated;
  const example = first === undefined ? "" : `; например, «${first.file}», лист «${first.sheet}»`;
  return `Сводка «${file}» повторяет карты, уже учтённые (${repeated.length} из ${total}${example}): она не учтена, чтобы карты не посчитались дважды`;
}

/**
 * The summary as if its cards had been read with `anonymize` (DESIGN.md, Privacy): names,
 * mentors, files and sheets replaced, findings placed at the pseudonyms, duplicates found
 * anew. So a school's plain summary can join a district's anonymized one.
 *
 * @throws {RangeError} where the summary is anonymized already: its names are pseudonyms of a
 * key this function does not know.
 *
 * @example anonymizeSummary(summary, anonymize).teachers[0].name // "Педагог 3f9a1c2e7b04"
 */
export function anonymizeSummary(summary: Summary, anonymize: Anonymize): Summary {
  if (summary.anonymized) {
    throw new RangeError("Сводка уже обезличена: обезличить её ещё раз нельзя");
  }

  return canonical({
    asOf: summary.asOf,
    anonymized: true,
    cards: summary.cards,
    teachers: summary.teachers.map((teacher) => anonymizeTeacher(teacher, anonymize)),
    findings: summary.findings.map((item) => placeFinding(item, { anonymize })),
  });
}

/**
 * Splits sorted records into those that count and the duplicates: per `personKey` the card
 * whose route ends last counts (DESIGN.md, The district summary).
 */
export function splitDuplicates(sorted: readonly TeacherRecord[]): {
  counted: TeacherRecord[];
  duplicates: Duplicate[];
} {
  const counted: TeacherRecord[] = [];
  const duplicates: Duplicate[] = [];

  let start = 0;
  while (start < sorted.length) {
    const key = sorted[start]!.personKey;
    let end = start + 1;
    while (key !== null && end < sorted.length && sorted[end]!.personKey === key) {
      end += 1;
    }

    const group = sorted.slice(start, end);
    const best = group.reduce((best, record) => (outranks(record, best) ? record : best));
    counted.push(best);
    if (key !== null && group.length > 1) {
      duplicates.push({
        personKey: key,
        name: best.name,
        school: best.school,
        counted: refOf(best),
        others: group.filter((record) => record !== best).map(refOf),
      });
    }
    start = end;
  }
  return { counted, duplicates };
}

const STAGE_RANK: Record<Stage, number> = {
  diagnostic: 0,
  development: 1,
  implementation: 2,
  final: 3,
};

function outranks(record: TeacherRecord, best: TeacherRecord): boolean {
  if (record.end !== best.end) {
    return best.end === null || (record.end !== null && record.end > best.end);
  }
  return STAGE_RANK[record.stage] > STAGE_RANK[best.stage];
}

function refOf(record: TeacherRecord): CardRef {
  return { file: record.file, sheet: record.sheet, cell: record.nameCell, end: record.end };
}

/**
 * A card by the name of the file and the sheet it was read from, and whose it is: a summary
 * records the file's path as it was given where it was made («samples/…», «./…», a full path),
 * so the same card summarised from another folder must still be known.
 */
function cardKey(teacher: TeacherRecord): string {
  const name = teacher.file.split(/[\\/]/).pop() ?? teacher.file;
  return `${name}\u0000${teacher.sheet}\u0000${teacher.name ?? ""}`;
}

function checkMergeable(
  first: Pick<Summary, "asOf" | "anonymized">,
  other: Pick<Summary, "asOf" | "anonymized">,
): void {
  if (other.asOf !== first.asOf) {
    throw new RangeError(
      `Сводки составлены на разные дни: ${first.asOf} и ${other.asOf}; объединять можно только сводки на один день`,
    );
  }
  if (other.anonymized !== first.anonymized) {
    throw new RangeError(
      "Обезличенную сводку нельзя объединить с необезличенной: составьте обе одинаково, обезличенные — одним ключом",
    );
  }
}

function canonical(parts: Omit<Summary, "duplicates">): Summary {
  const teachers = sortTeachers(parts.teachers);
  return {
    asOf: parts.asOf,
    anonymized: parts.anonymized,
    cards: parts.cards,
    teachers,
    findings: sortFindings(parts.findings),
    duplicates: splitDuplicates(teachers).duplicates,
  };
}

/**
 * A finding as the summary keeps it: its message with phones and e-mails masked, since a
 * message may quote a cell that holds them (`maskContacts`). Under anonymization its file and
 * sheet are pseudonyms, and so are they where its message quotes them (a file is often named
 * after its teacher: «Файл «ИОМ Иванова.xlsx» не прочитать»), the file with its folders or
 * without. A sheet is replaced only where quoted, «…» or '…', since a short name («1») may
 * stand in a message as something else.
 */
function placeFinding(
  finding: SummaryFinding,
  context: Pick<TeacherContext, "anonymize">,
): SummaryFinding {
  const { anonymize } = context;
  const { severity, code } = finding;
  if (!anonymize) {
    const { file, sheet, cell } = finding;
    return { file, sheet, cell, severity, code, message: maskContacts(finding.message) };
  }

  const file = anonymize("file", finding.file);
  const sheet = finding.sheet === null ? null : anonymize("sheet", finding.sheet);
  let message = finding.message;
  const base = finding.file.split(/[\\/]/).pop() ?? "";
  for (const name of new Set([finding.file, base])) {
    message = name === "" ? message : message.split(name).join(file);
  }
  if (finding.sheet !== null) {
    for (const [open, close] of QUOTES) {
      message = message.split(`${open}${finding.sheet}${close}`).join(`${open}${sheet}${close}`);
    }
  }
  // Masked after the names are replaced, so that a file name with digits is still found.
  return { file, sheet, cell: finding.cell, severity, code, message: maskContacts(message) };
}

const QUOTES = [
  ["«", "»"],
  ["'", "'"],
] as const;

import type { Catalogue } from "../domain/catalogue.js";
import { createCatalogue } from "../domain/catalogue.js";
import type { Config } from "../domain/config.js";
import { defaultConfig } from "../domain/config.js";
import { finding } from "../domain/finding.js";
import { validateCard } from "../domain/validate.js";
import type { Grid } from "./grid.js";
import { parseAddress } from "./grid.js";
import type { CardRecord, LocatedFinding, SourceMap } from "./located.js";
import { placeFinding } from "./located.js";
import type { SheetCard } from "./readCard.js";
import { readCardSheets } from "./readCard.js";
import type { Card } from "../domain/card.js";
import { readDiagnosticRow } from "../domain/diagnostics.js";
import { textOf } from "../domain/vocabulary.js";

/** The hidden sheet where `iom fill` records what it changed; never a card. */
export const RECORD_SHEET = "iom-kit";

export interface ReadCardsOptions {
  /** The file's name as the user gave it: it stands in every finding. */
  file: string;
  /** The day to judge as of; today by default. */
  asOf?: Date;
  config?: Config;
  catalogue?: Catalogue;
}

/** The cards of a workbook and every finding, each at its sheet and cell. */
export interface WorkbookCards {
  records: CardRecord[];
  /** All findings of the workbook, ordered by sheet, row and column. */
  findings: LocatedFinding[];
}

/**
 * Reads every card sheet of a workbook's grids, validates each card and places each finding
 * at the cell its field was read from. A sheet that is not a card is passed over; a workbook
 * with none gives the warning `file.no-card`. The CLI, the pane in Excel and the pane in a
 * browser all come through here.
 *
 * @example readCards(grids, { file: "школа-1/иванова.xlsx", asOf: new Date(2025, 10, 16) })
 */
export function readCards(grids: readonly Grid[], options: ReadCardsOptions): WorkbookCards {
  const config = options.config ?? defaultConfig;
  const catalogue = options.catalogue ?? createCatalogue(config);
  const records: CardRecord[] = [];
  const findings: LocatedFinding[] = [];

  let blanks = 0;
  for (const grid of grids) {
    if (grid.name === RECORD_SHEET) {
      continue;
    }
    for (const read of readCardSheets(grid)) {
      // An empty form (the template kept as a sheet) is no card yet: nothing to check.
      if (isBlankCard(read.card)) {
        blanks++;
        continue;
      }
      const own = distinct(
        cardFindings(read, grid.name, options.file, {
          asOf: options.asOf,
          config,
          catalogue,
        }),
      );
      records.push({
        file: options.file,
        sheet: grid.name,
        card: read.card,
        sources: read.sources,
        findings: own,
      });
      findings.push(...own);
    }
  }

  if (records.length === 0) {
    const message =
      blanks > 0
        ? `В файле «${options.file}» только пустой бланк карты ИОМ: заполните общие сведения, результаты входной диагностики и карту профессионального развития`
        : `В файле «${options.file}» не найдена карта ИОМ: ни на одном листе нет разделов карты (общие сведения о педагоге, результаты входной диагностики, карта профессионального развития)`;
    findings.push(placeFinding(finding("file.no-card", message, null), options.file));
  }
  return { records, findings };
}

/**
 * The cell of a field: its own source, else its row's, else its section's («entry.3.high» →
 * «entry.3» → «entry»); null where the sheet has no place for it at all.
 */
export function locateField(field: string | null, sources: SourceMap): string | null {
  for (
    let path = field;
    path;
    path = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : null
  ) {
    const cell = sources.get(path);
    if (cell) {
      return cell;
    }
  }
  return null;
}

/**
 * Findings in the order of the sheet: a finding without a cell first, then by row, then by
 * column (DESIGN.md, `--json`).
 */
export function sortFindings(findings: LocatedFinding[]): LocatedFinding[] {
  const position = (cell: string | null) =>
    cell === null ? { row: -1, col: -1 } : parseAddress(cell);
  return findings
    .map((item, index) => ({ item, index, at: position(item.cell) }))
    .sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * The findings of one card read from a sheet, in the order of the sheet: the cells whose
 * formulas failed, then every rule's finding at its field's cell. A cell whose formula failed
 * is reported once, as such: what the rules would say of its missing value follows from it.
 */
function cardFindings(
  read: SheetCard,
  sheet: string,
  file: string,
  options: { asOf?: Date; config: Config; catalogue: Catalogue },
): LocatedFinding[] {
  const own = read.problems.map((problem) =>
    placeFinding(finding(problem.code, problem.message, null), file, sheet, problem.cell),
  );
  const broken = new Set(read.problems.map((problem) => problem.cell));
  for (const item of validateCard(read.card, options)) {
    // A section the sheet lacks altogether («Нет заключительного мероприятия») has no cell of
    // its own: the finding stands at the card's first cell, so that it still has a place.
    const cell =
      locateField(item.field, read.sources) ??
      (item.field === null || item.field === "entry" ? null : firstCell(read.sources));
    const located = placeFinding(item, file, sheet, cell);
    if (located.cell === null || !broken.has(located.cell)) {
      own.push(located);
    }
  }
  return sortFindings(own);
}

/** The top-left cell any value of the card was read from. */
function firstCell(sources: SourceMap): string | null {
  let first: { cell: string; row: number; col: number } | null = null;
  for (const cell of sources.values()) {
    const { row, col } = parseAddress(cell);
    if (first === null || row < first.row || (row === first.row && col < first.col)) {
      first = { cell, row, col };
    }
  }
  return first?.cell ?? null;
}

/** A card with no name, no result and no activity: a blank form. */
function isBlankCard(card: Card): boolean {
  return (
    textOf(card.general.fullName) === null &&
    card.entry.every((row) => readDiagnosticRow(row).slots.length === 0) &&
    card.plan.every((item) => textOf(item.activity) === null)
  );
}

/**
 * The findings without repeats: rows merged into one block (B44:G48 over five plan rows) read as
 * five activities that land their findings on the one cell, and a methodist is told once.
 */
function distinct(findings: LocatedFinding[]): LocatedFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.sheet}\u0000${f.cell}\u0000${f.code}\u0000${f.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

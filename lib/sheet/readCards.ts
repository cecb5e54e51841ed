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
import { readCardSheet } from "./readCard.js";

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

  grids.forEach((grid) => {
    if (grid.name === RECORD_SHEET) {
      return;
    }
    const read = readCardSheet(grid);
    if (!read) {
      return;
    }

    const own = read.problems.map((problem) =>
      placeFinding(
        finding(problem.code, problem.message, null),
        options.file,
        grid.name,
        problem.cell,
      ),
    );
    // A cell whose formula failed is reported once, as such: what the rules would say of
    // its missing value follows from it.
    const broken = new Set(read.problems.map((problem) => problem.cell));
    const validated = validateCard(read.card, { asOf: options.asOf, config, catalogue });
    for (const item of validated) {
      const located = placeFinding(
        item,
        options.file,
        grid.name,
        locateField(item.field, read.sources),
      );
      if (located.cell === null || !broken.has(located.cell)) {
        own.push(located);
      }
    }

    const ordered = sortFindings(own);
    records.push({
      file: options.file,
      sheet: grid.name,
      card: read.card,
      sources: read.sources,
      findings: ordered,
    });
    findings.push(...ordered);
  });

  if (records.length === 0) {
    findings.push(
      placeFinding(
        finding(
          "file.no-card",
          `В файле «${options.file}» не найдена карта ИОМ: ни на одном листе нет разделов карты (общие сведения о педагоге, результаты входной диагностики, карта профессионального развития)`,
          null,
        ),
        options.file,
      ),
    );
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

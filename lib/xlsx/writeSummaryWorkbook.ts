import { formatRussianDay, parseDay } from "../domain/dates.js";
import type { Summary } from "../domain/summary.js";
import type { Aggregates } from "../domain/summary-aggregate.js";
import { aggregate } from "../domain/summary-aggregate.js";
import { sheetReference } from "../sheet/grid.js";
import { exceljs } from "./exceljs.js";
import { addSummaryData } from "./summaryData.js";
import { addOverview } from "./summaryOverview.js";
import { workbookBytes } from "./workbookBytes.js";
import type { SheetContext } from "./summarySheets.js";
import {
  addActivities,
  addDeficits,
  addDemand,
  addFindings,
  addOutcomes,
  addSchools,
  addTeachers,
} from "./summarySheets.js";

export interface SummaryWorkbookOptions {
  /**
   * The link to a card's file as the summary workbook should hold it: a path relative to the
   * folder the summary will stand in (so the links work where the district keeps the summary
   * beside the cards), or a `file:` URL; null for no link. By default the file as the
   * summary names it. An anonymized summary links to nothing, whatever this says.
   */
  link?: (file: string) => string | null;
  /** The fingerprint of the key an anonymized summary was made with, kept with its data. */
  keyId?: string | null;
  /** The summary's tables, where the caller has made them already (`aggregate(summary)`). */
  tables?: Aggregates;
}

/**
 * The district summary as a workbook (DESIGN.md, The district summary): «Сводка» (the key
 * figures on one page), «Педагоги», «Дефициты», «Мероприятия», «ОО», «Потребность» and
 * «Замечания» (every finding with a link to its file and cell), each an Excel table with
 * filters, a frozen header, data bars on the counts and A4 print set-up. The summary's own
 * data stays in a very hidden sheet, so the workbook is itself an input of `iom summary`
 * (`readSummaryWorkbook`). Phones and e-mails are never in a summary, so never here. Bytes
 * out: works in Node and in the browser.
 *
 * @example await writeFile("сводка.xlsx", await writeSummaryWorkbook(summary));
 */
export async function writeSummaryWorkbook(
  summary: Summary,
  options: SummaryWorkbookOptions = {},
): Promise<Uint8Array> {
  const { Workbook } = await exceljs();
  const tables = options.tables ?? aggregate(summary);
  const workbook = new Workbook();
  workbook.creator = "iom-kit";
  // A summary of a day is dated by it, so that one summary written twice is the same file.
  workbook.created = workbook.modified = new Date(`${summary.asOf}T00:00:00Z`);
  const link = summary.anonymized ? () => null : (options.link ?? relativeLink);
  const context: SheetContext = {
    summary,
    tables,
    footer: `Сводка по ИОМ педагогов на ${formatRussianDay(parseDay(summary.asOf))}`,
    cardLink: (file, sheet, cell) => {
      const base = link(file);
      return base === null ? null : `${base}#${sheetReference(sheet)}!${cell ?? "A1"}`;
    },
    fileLink: (file, sheet, cell) => {
      const base = link(file);
      if (base === null || sheet === null) {
        return base;
      }
      return `${base}#${sheetReference(sheet)}!${cell ?? "A1"}`;
    },
  };

  addOverview(workbook, context);
  addTeachers(workbook, context);
  addDeficits(workbook, context);
  addActivities(workbook, context);
  addOutcomes(workbook, context);
  addSchools(workbook, context);
  addDemand(workbook, context);
  addFindings(workbook, context);
  const data = addSummaryData(workbook, { summary, keyId: options.keyId ?? null });
  return workbookBytes(workbook, { rows: [data] });
}

/**
 * A path as a link's target: folders by `/`, and the characters a URL gives a meaning to
 * (space, `#`, `%`, `?`) percent-encoded, so that `#` can introduce the sheet and cell.
 *
 * @example relativeLink("Кедровская СОШ №2\\Карты ИОМ 2026.xlsx") // "Кедровская%20СОШ%20№2/Карты%20ИОМ%202026.xlsx"
 */
export function relativeLink(path: string): string {
  return path
    .split(/[\\/]/)
    .map((part) =>
      part.replace(
        // What a link cannot hold as it is: its own delimiters, and what XML cannot hold at
        // all (control characters, U+FFFE, U+FFFF, a lone surrogate: U+FFFD's bytes).
        // eslint-disable-next-line no-control-regex
        /[%#? \u0000-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        (char) => (/[\uD800-\uDFFF]/.test(char) ? "%EF%BF%BD" : encodeURIComponent(char)),
      ),
    )
    .join("/");
}

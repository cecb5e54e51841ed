import type { Config } from "../../../lib/domain/config.js";
import type { LocatedFinding } from "../../../lib/sheet/located.js";
import type { SummaryAccumulator } from "../../../lib/domain/summary.js";
import { readCards } from "../../../lib/sheet/readCards.js";
import type { Capabilities } from "./capabilities.js";
import { capabilitiesOf } from "./capabilities.js";
import type { FillReport } from "./fill.js";
import { fillSheets, undoFill } from "./fill.js";
import { applyMarks, prepareLooks, queueMarks, removeMarks } from "./marks.js";
import type { WorkbookSummary } from "./summarizeWorkbook.js";
import { readSheets } from "./readSheets.js";
import { selectCell } from "./selectCell.js";

export type Scope = "active" | "all";

export interface CheckOptions {
  scope: Scope;
  asOf: Date;
  config: Config;
  /** Colour the faulty cells and add notes. */
  mark: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface CheckResult {
  /** The workbook's name, standing as the file in every finding. */
  file: string;
  cards: number;
  /** The sheets read (the active one, or all but iom-kit's record sheet). */
  sheets: string[];
  findings: LocatedFinding[];
  /** Cells now marked in the workbook. */
  marked: number;
}

/**
 * The pane's actions on the open workbook, each one `Excel.run`: the pane knows nothing of
 * Office.js beyond this object, and tests give it the stand-in instead of Office.
 */
export class ExcelHost {
  readonly kind = "excel";
  readonly capabilities: Capabilities;

  constructor(
    private readonly excel: Pick<typeof Excel, "run">,
    office: Pick<typeof Office, "context">,
  ) {
    this.capabilities = capabilitiesOf((name, version) =>
      office.context.requirements.isSetSupported(name, version),
    );
  }

  /**
   * «Проверить»: reads the sheets, validates every card on them and, where asked, marks the
   * faulty cells (replacing the marks of an earlier check of the same sheets).
   */
  async check(options: CheckOptions): Promise<CheckResult> {
    return await this.excel.run(async (context) => {
      // Queued now, these ride along with the reader's first sync.
      const previousMarks = queueMarks(context);
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      context.workbook.load("name");
      // Checking every sheet, the marks learn how the cells look while the sheets are read.
      const looks =
        options.mark && options.scope === "all"
          ? prepareLooks(context, previousMarks, () => namesOf(worksheets), this.capabilities)
          : null;

      const grids = await readSheets(context, {
        scope: options.scope,
        capabilities: this.capabilities,
        onProgress: options.onProgress,
        fills: looks?.fills,
        alongside: looks?.alongside,
      });
      const file = context.workbook.name || "Эта книга";
      const { records, findings } = readCards(grids, {
        file,
        asOf: options.asOf,
        config: options.config,
      });

      const sheets = namesOf(worksheets);
      const scope = new Set(grids.map((grid) => grid.name));
      const marks = options.mark
        ? await applyMarks(
            context,
            previousMarks(),
            findings,
            sheets,
            this.capabilities,
            scope,
            looks?.known,
          )
        : previousMarks();
      return { file, cards: records.length, sheets: [...scope], findings, marked: marks.length };
    });
  }

  /** «Снять отметки»: takes off exactly what the checks added. Returns how many cells had marks. */
  async clearMarks(): Promise<number> {
    return await this.excel.run(async (context) => {
      const previousMarks = queueMarks(context);
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();

      const marks = previousMarks();
      const sheets = new Set(worksheets.items.map((sheet) => sheet.name));
      await removeMarks(context, marks, sheets, this.capabilities);
      return marks.length;
    });
  }

  /** How many cells carry marks of an earlier check (the pane may have been closed since). */
  async markCount(): Promise<number> {
    return await this.excel.run(async (context) => {
      const previousMarks = queueMarks(context);
      await context.sync();
      return previousMarks().length;
    });
  }

  /** «Заполнить»: the derived cells of every card sheet, recorded for undo (fill.ts). */
  async fill(options: {
    asOf: Date;
    config: Config;
    onProgress?: (done: number, total: number) => void;
  }): Promise<FillReport> {
    return await this.excel.run((context) =>
      fillSheets(context, { ...options, capabilities: this.capabilities }),
    );
  }

  /** «Отменить заполнение»: puts back what fills wrote, from the workbook's record sheet. */
  async undoFill(): Promise<{ restored: number; changed: number }> {
    return await this.excel.run((context) => undoFill(context, this.capabilities));
  }

  /**
   * «Новая карта»: the template on a new sheet named after the teacher (newCard.ts). The
   * template comes with the first card made, as a chunk of its own: opening the pane in Excel
   * does not wait for it.
   */
  async newCard(teacher: string, options: { config: Config }): Promise<{ name: string }> {
    const { addCardSheet } = await import(/* webpackChunkName: "template" */ "./newCard.js");
    return await this.excel.run((context) =>
      addCardSheet(context, teacher, { config: options.config, capabilities: this.capabilities }),
    );
  }

  /**
   * «Сводка по району»: the workbook's cards (where asked) folded into `summary`, written as
   * new sheets with a chart (summarizeWorkbook.ts, a chunk of its own as the template is).
   */
  async summarize(
    summary: SummaryAccumulator,
    options: {
      asOf: Date;
      config: Config;
      includeWorkbook: boolean;
      onProgress?: (done: number, total: number) => void;
    },
  ): Promise<WorkbookSummary> {
    const { summarizeWorkbook } = await import(
      /* webpackChunkName: "summary" */ "./summarizeWorkbook.js"
    );
    return await this.excel.run((context) =>
      summarizeWorkbook(context, summary, { ...options, capabilities: this.capabilities }),
    );
  }

  /** Shows a finding's cell. */
  async select(sheet: string, cell: string): Promise<void> {
    await this.excel.run((context) => selectCell(context, sheet, cell));
  }
}

/** The names of the workbook's sheets, loaded by the last sync. */
function namesOf(worksheets: Excel.WorksheetCollection): Set<string> {
  return new Set(worksheets.items.map((sheet) => sheet.name));
}

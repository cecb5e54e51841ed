import type { Config } from "../../lib/domain/config.js";
import type { OpenedFile } from "./browser/checkFiles.js";
import type { Scope } from "./excel/excelHost.js";

/**
 * The pane's actions that wait on library APIs being written alongside it: fill (as `iom
 * fill`), a new card from the template, the district summary. The pane shows a tab's buttons
 * once its feature is given to it (taskpane.tsx), and a short note until then; each mode
 * (Excel, browser) gives its own implementation of the same shape.
 */
export interface Features {
  card?: CardFeature;
  summary?: SummaryFeature;
}

export interface WorkOptions {
  asOf: Date;
  config: Config;
  onProgress?: (done: number, total: number) => void;
}

export interface CardFeature {
  /**
   * «Заполнить»: the derived cells of the cards in scope, what they held before kept in
   * iom-kit's hidden record sheet. In a browser: the files opened, each downloaded filled.
   */
  fill(target: { scope: Scope } | { files: OpenedFile[] }, options: WorkOptions): Promise<FillDone>;
  /**
   * «Отменить заполнение»: puts back what the last fill replaced, from the record sheet, so it
   * works after the pane (or the workbook) was closed and reopened. Excel mode only.
   */
  undoFill?(): Promise<{ cells: number; changed: number }>;
  /**
   * «Новая карта»: the template with its drop-downs (the district's competencies among them),
   * the ФИО filled in, named from the teacher: a new sheet in Excel, a downloaded file in a
   * browser.
   */
  newCard?(teacher: string, options: { config: Config }): Promise<{ name: string }>;
}

export interface FillDone {
  cards: number;
  cells: number;
  /** Writes left out because a formula stands in one of their cells. */
  skipped?: number;
  /** In a browser: what became of each file, in the order given. */
  files?: FileFilled[];
}

/** One file of a fill in a browser. */
export interface FileFilled {
  name: string;
  cards: number;
  cells: number;
  /** The filled copy's name where one was downloaded; null where there was nothing to fill. */
  saved: string | null;
  /** Why the file was not filled (unreadable, parts exceljs would drop), or null. */
  problem: string | null;
}

export interface SummaryFeature {
  /**
   * «Сводка по району» from the card sheets of this workbook (Excel mode) and the files the
   * user picked: new sheets with a chart of deficits per competency in Excel, a downloaded
   * workbook and data bars in the pane in a browser.
   */
  summarize(
    files: OpenedFile[],
    options: WorkOptions & { includeWorkbook: boolean },
  ): Promise<SummaryOutcome>;
}

export interface SummaryOutcome {
  cards: number;
  teachers: number;
  /** Teachers with a deficit at entry per competency, for the pane's data bars. */
  deficits: { competency: string; teachers: number }[];
  /** Where the summary went: the new sheet's name, or the downloaded file's. */
  written: string;
}

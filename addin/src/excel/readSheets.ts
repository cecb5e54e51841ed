import type { Grid, GridCell, Range } from "../../../lib/sheet/grid.js";
import { parseAddress } from "../../../lib/sheet/grid.js";
import { RECORD_SHEET } from "../../../lib/sheet/readCards.js";
import type { Block, Extent } from "./blocks.js";
import { CELLS_PER_REQUEST, packBlocks, planRequests } from "./blocks.js";
import { gridCell } from "./cells.js";
import type { Capabilities } from "./capabilities.js";

export interface ReadSheetsOptions {
  /** The active sheet only, or every sheet of the workbook. */
  scope: "active" | "all";
  capabilities: Pick<Capabilities, "mergedAreas">;
  /** Cells one request may read where the used ranges do not fit one answer (see blocks.ts). */
  budget?: number;
  /** Read iom-kit's record sheet too (fill and its undo need it); passed over by default. */
  record?: boolean;
  /**
   * Sheets to pass over besides the record sheet, by name (the sheets of an earlier summary).
   * Asked after the first sync, so it may read what was queued to load with it.
   */
  skip?: (name: string) => boolean;
  /**
   * Where to put each sheet's cell fills (ExcelApi 1.9), loaded with the values: so that the
   * marks of a check know the colours of the cells they mark without a sync of their own. Left
   * empty where the cells had to be read in blocks.
   */
  fills?: Map<string, SheetFills>;
  /**
   * Where to put the cells of each sheet that hold formulas (ExcelApi 1.9), learnt with the
   * values: so that a fill knows which cells to leave without a sync of its own. Left empty
   * where the cells had to be read in blocks.
   */
  formulas?: Map<string, Range[]>;
  /**
   * Queues loads to ride along with the sync that reads the cells (the state of the cells an
   * earlier check marked). Called once the sheets are known; called again where that sync had
   * to be redone in blocks.
   */
  alongside?: () => void;
  /** Called after each request with the cells read so far and in all. */
  onProgress?: (done: number, total: number) => void;
}

/** The fills of a sheet's used range, from its top-left cell (0-based). */
export interface SheetFills {
  top: number;
  left: number;
  cells: { format?: { fill?: { color?: string; pattern?: string } } }[][];
}

/**
 * Reads sheets of the open workbook into the grids the CLI reads from files: the sheets first
 * (one sync, for every sheet; none for the active sheet), then in one more sync every sheet's
 * used range with its values and number formats, and the merged areas where ExcelApi 1.13
 * has them. So a check of 1 or 100 card sheets reads in two syncs. Where the answer passes
 * what one request may carry (Excel on the web's 5 MB), the cells are read again in requests
 * of 2-D blocks, one sync each, after one sync for the used ranges' extents: the syncs then
 * grow with the cells, never with the sheets. iom-kit's own record sheet is not read.
 *
 * Work queued on the context before the call (a setting to load) rides along with its first
 * sync.
 *
 * @throws the Office.js error where a request fails for another reason than its size.
 *
 * @example const grids = await Excel.run((context) => readSheets(context, { scope: "all", capabilities }));
 */
export async function readSheets(
  context: Excel.RequestContext,
  options: ReadSheetsOptions,
): Promise<Grid[]> {
  const sheets = await listSheets(context, options);

  options.alongside?.();
  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRange(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount,values,numberFormat");
    return {
      sheet,
      range,
      merged: mergedAreasOf(range, options.capabilities.mergedAreas),
      fills: options.fills
        ? range.getCellProperties({ format: { fill: { color: true, pattern: true } } })
        : undefined,
      formulas: options.formulas ? formulaCellsOf(sheet) : undefined,
    };
  });
  try {
    await context.sync();
  } catch (error) {
    if (!isTooLarge(error)) {
      throw error;
    }
    options.fills?.clear();
    options.formulas?.clear();
    options.alongside?.();
    return await readInBlocks(context, sheets, options);
  }

  const grids = used.map(({ sheet, range, merged, fills, formulas }) => {
    const grid = emptyGrid(sheet);
    const block = {
      sheet: sheet.name,
      row: range.rowIndex,
      col: range.columnIndex,
      rows: range.rowCount,
      cols: range.columnCount,
    };
    placeBlock(grid, block, range.values, range.numberFormat);
    grid.merges = mergesOf(merged);
    if (fills) {
      options.fills!.set(sheet.name, { top: block.row, left: block.col, cells: fills.value });
    }
    if (formulas) {
      options.formulas!.set(sheet.name, formulas.isNullObject ? [] : parseAreas(formulas.address));
    }
    return grid;
  });
  const cells = used.reduce((sum, { range }) => sum + range.rowCount * range.columnCount, 0);
  options.onProgress?.(cells, cells);
  return grids;
}

/** The sheets to read: every sheet but the passed-over ones (one sync), or the active one. */
async function listSheets(
  context: Excel.RequestContext,
  options: ReadSheetsOptions,
): Promise<Excel.Worksheet[]> {
  const worksheets = context.workbook.worksheets;
  if (options.scope === "active") {
    // Its name and visibility come with the cells' sync.
    const active = worksheets.getActiveWorksheet();
    active.load("name,visibility");
    return [active];
  }

  worksheets.load("items/name,items/visibility");
  await context.sync();
  const skip = options.skip ?? (() => false);
  return worksheets.items.filter(
    (sheet) => (options.record === true || sheet.name !== RECORD_SHEET) && !skip(sheet.name),
  );
}

/**
 * The cells in requests of blocks, where one answer could not carry them: the used ranges'
 * extents from A1 first (one sync), then a sync a request.
 */
async function readInBlocks(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  options: ReadSheetsOptions,
): Promise<Grid[]> {
  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return { sheet, range, merged: mergedAreasOf(range, options.capabilities.mergedAreas) };
  });
  await context.sync();

  const extents: Extent[] = used.map(({ sheet, range }) =>
    range.isNullObject
      ? { sheet: sheet.name, rows: 0, cols: 0 }
      : {
          sheet: sheet.name,
          rows: range.rowIndex + range.rowCount,
          cols: range.columnIndex + range.columnCount,
        },
  );
  const total = extents.reduce((sum, extent) => sum + extent.rows * extent.cols, 0);
  const grids = new Map(used.map(({ sheet }) => [sheet.name, emptyGrid(sheet)]));

  let done = 0;
  const budget = options.budget ?? CELLS_PER_REQUEST;
  for (const request of planRequests(extents, budget)) {
    // One sync per request is the point of the requests (Excel on the web's 5 MB cap), not
    // a sync per cell or per sheet.
    const blocks = await loadBlocks(context, request, budget);
    for (const { block, values, formats } of blocks) {
      placeBlock(grids.get(block.sheet)!, block, values, formats);
    }
    done += request.reduce((sum, block) => sum + block.rows * block.cols, 0);
    options.onProgress?.(done, total);
  }
  if (extents.length > 0 && total === 0) {
    options.onProgress?.(0, 0);
  }

  for (const { sheet, range, merged } of used) {
    if (!range.isNullObject) {
      grids.get(sheet.name)!.merges = mergesOf(merged);
    }
  }
  return [...grids.values()];
}

function emptyGrid(sheet: Excel.Worksheet): Grid {
  return { name: sheet.name, rows: [], merges: [], state: STATES[sheet.visibility] ?? "visible" };
}

/** The merged areas of a used range, queued for loading where ExcelApi 1.13 has them. */
function mergedAreasOf(range: Excel.Range, available: boolean): Excel.RangeAreas | undefined {
  if (!available) {
    return undefined;
  }
  const merged = range.getMergedAreasOrNullObject();
  merged.load("address");
  return merged;
}

/**
 * The cells of a sheet that hold formulas, queued for loading: of the whole sheet, so that a
 * cell beyond the used range by values (a formula giving an empty text) is among them too.
 */
function formulaCellsOf(sheet: Excel.Worksheet): Excel.RangeAreas {
  const cells = sheet.getRange().getSpecialCellsOrNullObject("Formulas");
  cells.load("address");
  return cells;
}

function mergesOf(merged: Excel.RangeAreas | undefined): Range[] {
  return merged && !merged.isNullObject ? parseAreas(merged.address) : [];
}

interface LoadedBlock {
  block: Block;
  values: unknown[][];
  formats: unknown[][];
}

/**
 * Loads one request's blocks in one sync. Where Excel refuses the answer as too large (long
 * texts in many cells), the blocks are halved and asked for again.
 */
async function loadBlocks(
  context: Excel.RequestContext,
  request: Block[],
  budget: number,
): Promise<LoadedBlock[]> {
  const ranges = request.map((block) => {
    const range = context.workbook.worksheets
      .getItem(block.sheet)
      .getRangeByIndexes(block.row, block.col, block.rows, block.cols);
    range.load("values,numberFormat");
    return { block, range };
  });

  try {
    await context.sync();
  } catch (error) {
    const cells = request.reduce((sum, block) => sum + block.rows * block.cols, 0);
    if (!isTooLarge(error) || cells <= 1) {
      throw error;
    }
    return retryHalved(context, request, Math.max(1, Math.floor(Math.min(budget, cells) / 2)));
  }

  return ranges.map(({ block, range }) => ({
    block,
    values: range.values,
    formats: range.numberFormat,
  }));
}

async function retryHalved(
  context: Excel.RequestContext,
  request: Block[],
  budget: number,
): Promise<LoadedBlock[]> {
  const loaded: LoadedBlock[] = [];
  for (const part of packBlocks(request, budget)) {
    loaded.push(...(await loadBlocks(context, part, budget)));
  }
  return loaded;
}

/** Whether Office.js refused a request for the size of its answer. */
function isTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

function placeBlock(grid: Grid, block: Block, values: unknown[][], formats: unknown[][]): void {
  for (let r = 0; r < block.rows; r++) {
    const rowValues = values[r] ?? [];
    for (let c = 0; c < block.cols; c++) {
      const cell: GridCell | null = gridCell(rowValues[c], formats[r]?.[c], 0);
      if (cell) {
        (grid.rows[block.row + r] ??= [])[block.col + c] = cell;
      }
    }
  }
  // Rows a card leaves empty are holes in the array: the reader wants arrays.
  for (let r = 0; r < grid.rows.length; r++) {
    grid.rows[r] ??= [];
  }
}

/**
 * The ranges of an areas address, «'Карта ИОМ'!A1:C1, 'Карта ИОМ'!B5:B7»: each area's part
 * after its sheet's «!».
 */
export function parseAreas(address: string): Range[] {
  const ranges: Range[] = [];
  for (const match of address.matchAll(/!\$?([A-Z]{1,3}\$?\d+)(?::\$?([A-Z]{1,3}\$?\d+))?/g)) {
    const from = parseAddress(match[1]!);
    const to = parseAddress(match[2] ?? match[1]!);
    ranges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
  }
  return ranges;
}

const STATES: Record<string, Grid["state"]> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

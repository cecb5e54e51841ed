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
  /** Cells one request may read (see blocks.ts). */
  budget?: number;
  /** Read iom-kit's record sheet too (fill and its undo need it); passed over by default. */
  record?: boolean;
  /** Called after each request with the cells read so far and in all. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads sheets of the open workbook into the grids the CLI reads from files, in batches:
 * the sheets and their used ranges first (two syncs for every sheet, one for the active
 * sheet), then every sheet's cells in requests of 2-D blocks, one sync each. While the
 * workbook fits one request, the syncs do not grow with the number of sheets. Only `values`
 * and `numberFormat` are loaded, and the merged areas where ExcelApi 1.13 has them; iom-kit's
 * own record sheet is not read.
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
  const sheets = await usedExtents(
    context,
    options.scope,
    options.capabilities.mergedAreas,
    options.record === true,
  );

  const extents: Extent[] = sheets.map(({ name, rows, cols }) => ({ sheet: name, rows, cols }));
  const total = extents.reduce((sum, extent) => sum + extent.rows * extent.cols, 0);
  const grids = new Map<string, Grid>(
    sheets.map(({ name, state }) => [name, { name, rows: [], merges: [], state }]),
  );

  let done = 0;
  for (const request of planRequests(extents, options.budget ?? CELLS_PER_REQUEST)) {
    // One sync per request is the point of the requests (Excel on the web's 5 MB cap), not
    // a sync per cell or per sheet.
    const blocks = await loadBlocks(context, request, options.budget ?? CELLS_PER_REQUEST);
    for (const { block, values, formats } of blocks) {
      placeBlock(grids.get(block.sheet)!, block, values, formats);
    }
    done += request.reduce((sum, block) => sum + block.rows * block.cols, 0);
    options.onProgress?.(done, total);
  }
  if (extents.length > 0 && total === 0) {
    options.onProgress?.(0, 0);
  }

  for (const { name, merged } of sheets) {
    if (merged && !merged.isNullObject) {
      grids.get(name)!.merges = parseAreas(merged.address);
    }
  }
  return [...grids.values()];
}

interface SheetExtent {
  name: string;
  state: Grid["state"];
  rows: number;
  cols: number;
  /** The merged areas of the used range (ExcelApi 1.13), loaded with it. */
  merged: Excel.RangeAreas | undefined;
}

/** The sheets to read and how far each is used, from A1. */
async function usedExtents(
  context: Excel.RequestContext,
  scope: "active" | "all",
  mergedAreas: boolean,
  record: boolean,
): Promise<SheetExtent[]> {
  const worksheets = context.workbook.worksheets;
  let sheets: Excel.Worksheet[];
  if (scope === "active") {
    const active = worksheets.getActiveWorksheet();
    active.load("name,visibility");
    sheets = [active];
  } else {
    worksheets.load("items/name,items/visibility");
    await context.sync();
    sheets = worksheets.items.filter((sheet) => record || sheet.name !== RECORD_SHEET);
  }

  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = mergedAreas ? range.getMergedAreasOrNullObject() : undefined;
    merged?.load("address");
    return { range, merged };
  });
  await context.sync();

  return sheets
    .map((sheet, index) => {
      const { range, merged } = used[index]!;
      const state = STATES[sheet.visibility] ?? "visible";
      if (range.isNullObject) {
        return { name: sheet.name, state, rows: 0, cols: 0, merged: undefined };
      }
      return {
        name: sheet.name,
        state,
        rows: range.rowIndex + range.rowCount,
        cols: range.columnIndex + range.columnCount,
        merged,
      };
    })
    .filter((sheet) => record || sheet.name !== RECORD_SHEET);
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

/**
 * How many cells one request may read. Excel on the web refuses a request whose answer
 * passes 5 MB (QUIRKS.md); a cell's value and number format take some 20–40 bytes of JSON in
 * a card, so 100 000 cells stay well under it. Where a workbook's texts are longer than that,
 * the reader halves its blocks and asks again (readSheets.ts).
 */
export const CELLS_PER_REQUEST = 100_000;

/** A rectangle of one sheet to read, 0-based, from its top-left cell. */
export interface Block {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A sheet's extent: the rows and columns from A1 to the last used cell. */
export interface Extent {
  sheet: string;
  rows: number;
  cols: number;
}

/**
 * Splits sheets into blocks of at most `budget` cells and packs the blocks into requests of
 * at most `budget` cells, in the sheets' order. While the workbook fits one request there is
 * one request whatever the number of sheets; beyond it the requests grow with the cells, in
 * 2-D blocks (a sheet wider than the budget allows even for one row is cut across columns too).
 *
 * @example planRequests([{ sheet: "Карта", rows: 80, cols: 12 }], 100_000) // one request, one block
 */
export function planRequests(
  extents: readonly Extent[],
  budget: number = CELLS_PER_REQUEST,
): Block[][] {
  return packBlocks(
    extents.map(({ sheet, rows, cols }) => ({ sheet, row: 0, col: 0, rows, cols })),
    budget,
  );
}

/**
 * Cuts blocks into blocks of at most `budget` cells and packs them into requests of at most
 * `budget` cells: how the reader asks again, with a smaller budget, for a request Excel
 * refused as too large.
 */
export function packBlocks(areas: readonly Block[], budget: number): Block[][] {
  if (!(budget >= 1)) {
    throw new RangeError(`budget must be at least one cell, got ${budget}`);
  }

  const requests: Block[][] = [];
  let current: Block[] = [];
  let used = 0;
  for (const block of areas.flatMap((area) => cut(area, budget))) {
    const size = block.rows * block.cols;
    if (used + size > budget && current.length > 0) {
      requests.push(current);
      current = [];
      used = 0;
    }
    current.push(block);
    used += size;
  }
  if (current.length > 0) {
    requests.push(current);
  }
  return requests;
}

/** An area cut into blocks of whole rows, or of rows and columns where a row alone is too wide. */
function cut(area: Block, budget: number): Block[] {
  if (area.rows === 0 || area.cols === 0) {
    return [];
  }

  const cols = Math.min(area.cols, budget);
  const rows = Math.max(1, Math.floor(budget / cols));
  const blocks: Block[] = [];
  for (let row = 0; row < area.rows; row += rows) {
    for (let col = 0; col < area.cols; col += cols) {
      blocks.push({
        sheet: area.sheet,
        row: area.row + row,
        col: area.col + col,
        rows: Math.min(rows, area.rows - row),
        cols: Math.min(cols, area.cols - col),
      });
    }
  }
  return blocks;
}

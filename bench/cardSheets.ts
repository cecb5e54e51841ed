/**
 * Card sheets for the stand-in for the Excel API, the size of the samples: the card sheets
 * of samples/ as the stand-in keeps them (values, number formats, merged ranges), repeated
 * under new names to make a workbook of 1, 10 or 100 cards.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import type { SheetData } from "../addin/test/standin/workbook.js";
import type { Grid } from "../lib/sheet/grid.js";
import { cellAddress } from "../lib/sheet/grid.js";
import { readCards } from "../lib/sheet/readCards.js";
import { readGrids } from "../lib/xlsx/readGrids.js";
import { workbookFiles } from "./files.js";

/** `count` card sheets named «Карта 1», «Карта 2»…, cycling through the samples' cards. */
export async function cardSheets(samples: string, count: number): Promise<SheetData[]> {
  const cards: Grid[] = [];
  for (const file of await workbookFiles([samples])) {
    const grids = await readGrids(new Uint8Array(await readFile(file)), { fileName: file });
    const read = readCards(grids, { file, asOf: new Date(2026, 10, 16) });
    const names = new Set(read.records.map((record) => record.sheet));
    cards.push(...grids.filter((grid) => names.has(grid.name)));
  }
  if (cards.length === 0) {
    throw new Error(`no card sheets in ${join(samples)}`);
  }
  return Array.from({ length: count }, (_, i) =>
    sheetData(cards[i % cards.length]!, `Карта ${i + 1}`),
  );
}

function sheetData(grid: Grid, name: string): SheetData {
  return {
    name,
    cells: grid.rows.map((row) =>
      row.map((cell) => {
        if (!cell || cell.value === null) {
          return null;
        }
        return cell.format ? { value: cell.value, format: cell.format } : cell.value;
      }),
    ),
    merges: grid.merges.map(
      (m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`,
    ),
  };
}

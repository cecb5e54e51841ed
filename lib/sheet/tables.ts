import { closingField, labelText, sectionHeading } from "./labels.js";
import type { Grid } from "./grid.js";
import { columnCount, isBlank, cellAt, mergeAt } from "./grid.js";
import { textAt } from "./cells.js";

/** A table found by its header: where each role's column is, and the rows of data. */
export interface Table<Role extends string> {
  /** First and last row of the header (two rows where level columns stand under a joint heading). */
  headerTop: number;
  headerBottom: number;
  columns: Map<Role, number>;
  /** Rows of data, header excluded, up to the next heading, header or a run of empty rows. */
  rows: number[];
}

/** A function that names a column's role from its heading key, or undefined. */
export type RoleOf<Role extends string> = (key: string) => Role | undefined;

/**
 * The header a row starts, if its columns' headings give roles that `accept` takes. A
 * second header row counts when it adds roles and holds nothing but headings: the card's
 * level columns («Низкий … (81–100 %)») stand under the joint «Уровень — в %…». A row with
 * no heading of the table at all starts no header: «Окончание ИОМ | 31.05.2026» right above
 * a table is a general field, not the table's top row.
 */
export function headerAt<Role extends string>(
  grid: Grid,
  row: number,
  width: number,
  roleOf: RoleOf<Role>,
  accept: (roles: Map<Role, number>) => boolean,
): Omit<Table<Role>, "rows"> | undefined {
  const top = rolesOf(grid, [row], width, roleOf);
  const both = row + 1 < grid.rows.length ? rolesOf(grid, [row + 1, row], width, roleOf) : top;

  if (
    top.roles.size > 0 &&
    both.roles.size > top.roles.size &&
    accept(both.roles) &&
    rowIsHeading(grid, row + 1, width, roleOf)
  ) {
    return { headerTop: row, headerBottom: row + 1, columns: both.roles };
  }
  if (accept(top.roles)) {
    return { headerTop: row, headerBottom: row, columns: top.roles };
  }
  return undefined;
}

/**
 * The rows of data under a header: they end at a section heading, at another table's header
 * (`isHeader`), or after five empty rows, which no card leaves inside a table.
 */
export function dataRows(
  grid: Grid,
  from: number,
  columns: readonly number[],
  isHeader: (row: number) => boolean,
): number[] {
  const rows: number[] = [];
  let empty = 0;
  for (let row = from; row < grid.rows.length; row++) {
    if (isHeader(row) || startsSection(grid, row)) {
      break;
    }
    const blank = columns.every((col) => isBlank(cellAt(grid, row, col)));
    if (blank) {
      empty++;
      if (empty >= 5) {
        break;
      }
      continue;
    }
    empty = 0;
    rows.push(row);
  }
  return rows;
}

/**
 * Whether a row opens a section: its first filled cell is a section heading, or one of
 * section 5's closing lines («Окончание работы…», «Выводы…»), with at most one cell beside.
 */
export function startsSection(grid: Grid, row: number): boolean {
  const cells = grid.rows[row] ?? [];
  const filled: string[] = [];
  for (let col = 0; col < cells.length; col++) {
    const cell = cells[col];
    if (!isBlank(cell)) {
      filled.push(typeof cell?.value === "string" ? cell.value : "");
    }
  }
  if (filled.length === 0 || filled.length > 2) {
    return false;
  }
  const first = filled[0]!.split(/[:_«]/)[0] ?? "";
  const heading = sectionHeading(labelText(first));
  return (
    (heading !== undefined && heading !== "title") || closingField(labelText(first)) !== undefined
  );
}

/** The number of columns to look at for headers: the grid's width, at most 60. */
export function scanWidth(grid: Grid): number {
  return Math.min(columnCount(grid), 60);
}

function rolesOf<Role extends string>(
  grid: Grid,
  rowsBottomFirst: number[],
  width: number,
  roleOf: RoleOf<Role>,
): { roles: Map<Role, number> } {
  const roles = new Map<Role, number>();
  for (let col = 0; col < width; col++) {
    for (const row of rowsBottomFirst) {
      const role = roleOf(labelText(textAt(grid, row, col)));
      if (role !== undefined) {
        if (!roles.has(role)) {
          roles.set(role, col);
        }
        break;
      }
    }
  }
  return { roles };
}

/**
 * Whether every filled cell of a row is a heading of the table (so the row is no data). A
 * heading merged down from the row above belongs to that row: a «№» or «Динамика» column
 * spanning both header rows says nothing about this one.
 */
function rowIsHeading<Role extends string>(
  grid: Grid,
  row: number,
  width: number,
  roleOf: RoleOf<Role>,
): boolean {
  let headings = 0;
  for (let col = 0; col < width; col++) {
    const cell = cellAt(grid, row, col);
    if (isBlank(cell) || (mergeAt(grid, row, col)?.top ?? row) < row) {
      continue;
    }
    if (typeof cell?.value !== "string" || roleOf(labelText(cell.value)) === undefined) {
      return false;
    }
    headings++;
  }
  return headings > 0;
}

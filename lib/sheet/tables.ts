import { closingField, labelText, sectionHeading } from "./labels.js";
import type { Grid } from "./grid.js";
import { cellAt, columnCount, isBlank, mergeAt, mergesOfRow } from "./grid.js";
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
 * a table is a general field, not the table's top row. A reader trying many rows passes its
 * own `keys`, so that each cell's key is made once.
 */
export function headerAt<Role extends string>(
  grid: Grid,
  row: number,
  width: number,
  roleOf: RoleOf<Role>,
  accept: (roles: Map<Role, number>) => boolean,
  keys: HeadingKeys = new HeadingKeys(grid, width),
): Omit<Table<Role>, "rows"> | undefined {
  // Most rows hold no heading of the table: no need to look further.
  if (keys.rolesIn(roleOf, row).every((role) => role === undefined)) {
    return undefined;
  }
  const top = rolesOf(keys, [row], roleOf);
  const both = row + 1 < grid.rows.length ? rolesOf(keys, [row + 1, row], roleOf) : top;

  // The top row of a two-row header is itself mostly headings: a data row right above a
  // table («Правовая компетенция | … | 30 %») is not swallowed into its header.
  if (
    top.roles.size > 0 &&
    mostlyHeadings(keys, row, roleOf) &&
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
 * The heading keys of a sheet's cells (`labelText` of their text; "" where a cell holds no
 * text), each made once. The reader tries every row as the header of each kind of table,
 * alone and with the row below, so it asks for the same cells' keys many times: made afresh
 * each time, they were a third of reading a card (bench/README.md).
 */
export class HeadingKeys {
  private readonly keys: string[][] = [];
  private readonly roles = new Map<RoleOf<string>, (string | undefined)[][]>();

  constructor(
    readonly grid: Grid,
    /** The columns looked at (`scanWidth`). */
    readonly width: number,
  ) {}

  /**
   * The keys of a row's first `width` cells, a merged range's text in each of its cells; a
   * sparse array, made from the cells the row has rather than from every column.
   */
  row(row: number): readonly string[] {
    let keys = this.keys[row];
    if (!keys) {
      keys = [];
      const cells = this.grid.rows[row] ?? [];
      for (let col = 0; col < Math.min(cells.length, this.width); col++) {
        const value = cells[col]?.value;
        if (typeof value === "string" && value !== "") {
          keys[col] = labelText(value);
        }
      }
      for (const merge of mergesOfRow(this.grid, row)) {
        const text = textAt(this.grid, merge.top, merge.left);
        for (
          let col = merge.left;
          col <= Math.min(merge.right, this.width - 1) && text !== "";
          col++
        ) {
          keys[col] = labelText(text);
        }
      }
      this.keys[row] = keys;
    }
    return keys;
  }

  /** The role each of a row's cells would have as a heading of one kind of table. */
  rolesIn<Role extends string>(roleOf: RoleOf<Role>, row: number): readonly (Role | undefined)[] {
    let rows = this.roles.get(roleOf);
    if (!rows) {
      rows = [];
      this.roles.set(roleOf, rows);
    }
    let roles = rows[row];
    if (!roles) {
      roles = this.row(row).map((key) => (key === "" ? undefined : roleFor(roleOf, key)));
      rows[row] = roles;
    }
    return roles as readonly (Role | undefined)[];
  }
}

/**
 * The rows of data under a header: they end at a section heading, at another table's header
 * (`isHeader`), or after ten empty rows, which no card leaves inside a table.
 */
const EMPTY_ROWS_END = 10;

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
      if (empty >= EMPTY_ROWS_END) {
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
  // A title («ИППР», «Карта ИОМ») inside the data is a new section, or a second card.
  return heading !== undefined || closingField(labelText(first)) !== undefined;
}

/** The number of columns to look at: the grid's width, at most 300 (a card is narrow). */
export function scanWidth(grid: Grid): number {
  return Math.min(columnCount(grid), 300);
}

/** Whether most filled cells of a row are headings of the table. */
function mostlyHeadings<Role extends string>(
  keys: HeadingKeys,
  row: number,
  roleOf: RoleOf<Role>,
): boolean {
  let filled = 0;
  let headings = 0;
  keys.rolesIn(roleOf, row).forEach((role, col) => {
    if (keys.row(row)[col]) {
      filled++;
      if (role !== undefined) {
        headings++;
      }
    }
  });
  return headings * 2 >= filled;
}

function rolesOf<Role extends string>(
  keys: HeadingKeys,
  rowsBottomFirst: number[],
  roleOf: RoleOf<Role>,
): { roles: Map<Role, number> } {
  const roles = new Map<Role, number>();
  const rows = rowsBottomFirst.map((row) => keys.rolesIn(roleOf, row));
  for (let col = 0; col < keys.width; col++) {
    for (const row of rows) {
      const role = row[col];
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
 * The role a heading key gives, remembered per kind of table: the same headings come back on
 * every card of a batch, and each kind tries its patterns one by one. Cleared when full.
 */
function roleFor<Role extends string>(roleOf: RoleOf<Role>, key: string): Role | undefined {
  let known = roles.get(roleOf);
  if (!known) {
    known = new Map();
    roles.set(roleOf, known);
  }
  if (known.has(key)) {
    return known.get(key) as Role | undefined;
  }
  if (known.size >= MAX_ROLES) {
    known.clear();
  }
  const role = roleOf(key);
  known.set(key, role);
  return role;
}

const roles = new WeakMap<RoleOf<string>, Map<string, string | undefined>>();
const MAX_ROLES = 20_000;

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
    if (typeof cell?.value !== "string" || roleFor(roleOf, labelText(cell.value)) === undefined) {
      return false;
    }
    headings++;
  }
  return headings > 0;
}

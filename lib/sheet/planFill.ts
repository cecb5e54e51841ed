import { startOfDay } from "date-fns";

import type { Card, DeficitColumn, GeneralInfo, Raw } from "../domain/card.js";
import { CardSchema } from "../domain/card.js";
import type { Catalogue } from "../domain/catalogue.js";
import { createCatalogue } from "../domain/catalogue.js";
import { classifyDeficit } from "../domain/classify.js";
import { CHANGE_NAMES, compareDiagnostics } from "../domain/compare.js";
import type { Config } from "../domain/config.js";
import { defaultConfig } from "../domain/config.js";
import type { Span } from "../domain/dates.js";
import { dateToSerial, formatRussianDay, formatSpan, readDate } from "../domain/dates.js";
import { DEFICIT_COLUMNS, DEFICIT_LEVEL_NAMES } from "../domain/levels.js";
import { readRoute } from "../domain/route.js";
import { STAGE_NAMES, stageOf } from "../domain/stage.js";
import { validateCard } from "../domain/validate.js";
import {
  isComparisonHeading,
  isOverdueHeading,
  isStageLabel,
  COMPARISON_HEADING,
  OVERDUE_HEADING,
} from "./derived.js";
import type { Grid, GridCell } from "./grid.js";
import { cellAddress, cellAt, isBlank, mergeAt, parseAddress } from "./grid.js";
import type { SheetCard } from "./readCard.js";
import type { Table } from "./tables.js";

/** What fill writes: the one move of a typed value, and the cells it derives. */
/**
 * The cells a fill changed as a person counts them, and as `iom fill` reports them: a result
 * moved to its column is two writes (the cell it left emptied, the one it went to) and one
 * change.
 *
 * @example changedCells([{ kind: "level-column", new: null }, { kind: "level-column", new: "75%" }]) // 1
 */
export function changedCells(writes: readonly Pick<CellWrite, "kind" | "new">[]): number {
  return writes.filter((write) => !(write.kind === "level-column" && write.new === null)).length;
}

/** The reason recorded for a heading fill wrote over a column it added. */
export const ADDED_HEADING = "Заголовок столбца, добавленного iom fill";

export type FillKind = "level-column" | "route-period" | "stage" | "comparison" | "overdue";

/** One cell fill writes. */
export interface CellWrite {
  /** A1 address; a merged range's top-left cell. */
  cell: string;
  old: Raw;
  new: Raw;
  /** The number format the new value needs (a date, a moved percent); absent: the cell's own. */
  format?: string;
  /** The new value is a date: a serial of the 1900 system. */
  date?: boolean;
  /**
   * The cell lies outside the card's own cells (a column fill adds to a table): the writer
   * gives it the look of this cell, its neighbour on the left.
   */
  styleFrom?: string;
  kind: FillKind;
  /** Russian: why, for the record sheet and the CLI. */
  reason: string;
}

/**
 * Whether a write gets the font of derived cells (DERIVED_FONT): every value fill derives. A
 * percent it moves is the user's own and keeps the look of the column it moves into; a cell
 * it empties keeps its look.
 */
export function takesDerivedFont(write: CellWrite): boolean {
  return write.kind !== "level-column" && write.new !== null;
}

/** A cell fill wrote before, as its record sheet keeps it. */
export interface OwnCell {
  value: Raw;
  kind: FillKind;
}

export interface PlanFillOptions {
  /** The day overdue activities are judged as of. */
  asOf: Date;
  config?: Config;
  catalogue?: Catalogue;
  /**
   * Cells fill wrote before, by address. A derived cell still holding what fill wrote counts
   * as free: fill brings it up to date, or clears it where nothing is derived any more.
   */
  own?: ReadonlyMap<string, OwnCell>;
}

/**
 * The cells `iom fill` writes into one card sheet, computed from the grid and the card read
 * from it; nothing is written here (the xlsx layer and the add-in apply the list).
 *
 * - A percent in the wrong level column moves to the column of its band: the only change ever
 *   made to a value the user typed. A row with values in two level columns is left alone.
 * - Everything else goes into empty cells (or cells fill itself filled before): the route's
 *   period from «Сроки ИОМ» into «Начало»/«Окончание» and back, the stage into «Этап ИОМ»,
 *   the final-vs-entry comparison into the final table's «Динамика» column, and a mark in the
 *   plan's «Контроль сроков» column for every activity `validateCard` finds overdue. A table
 *   without such a column gets one, in the first empty column to its right.
 *
 * @example planFill(grid, readCardSheet(grid)!, { asOf: new Date(2025, 10, 16) }) // [{ cell: "E14", old: null, new: "просрочено (срок 31.10.2025)", kind: "overdue", … }]
 */
export function planFill(grid: Grid, read: SheetCard, options: PlanFillOptions): CellWrite[] {
  const config = options.config ?? defaultConfig;
  const catalogue = options.catalogue ?? createCatalogue(config);
  const own = options.own ?? new Map<string, OwnCell>();
  const planner = new Planner(grid, read, own);

  planner.levelMoves(config);
  const card = planner.routePeriod();
  planner.stage(card);
  planner.comparison(card, config, catalogue);
  planner.overdue(card, options.asOf, config, catalogue);
  return planner.result();
}

/**
 * The grid after the writes: what re-reading a filled sheet gives, without writing a file.
 *
 * @example readCardSheet(applyWrites(grid, writes))
 */
export function applyWrites(grid: Grid, writes: readonly CellWrite[]): Grid {
  const rows = grid.rows.map((row) => [...row]);
  for (const write of writes) {
    const { row, col } = parseAddress(write.cell);
    while (rows.length <= row) {
      rows.push([]);
    }
    const cells = rows[row]!;
    const before = cells[col] ?? undefined;
    if (write.new === null) {
      cells[col] = null;
      continue;
    }
    const cell: GridCell = { value: write.new };
    const format = write.format ?? before?.format;
    if (format !== undefined) {
      cell.format = format;
    }
    if (write.date) {
      cell.date = true;
    }
    cells[col] = cell;
  }
  return { ...grid, rows };
}

type Slot = DeficitColumn;

const SLOTS: readonly Slot[] = ["low", "medium", "high"];
const DATE_FORMAT = "dd.mm.yyyy";

class Planner {
  private readonly writes: CellWrite[] = [];
  /** The derived cells wanted, by address; compared with the sheet at the end. */
  private readonly wanted = new Map<string, Omit<CellWrite, "old" | "cell">>();

  constructor(
    private readonly grid: Grid,
    private readonly read: SheetCard,
    private readonly own: ReadonlyMap<string, OwnCell>,
  ) {}

  /** A percent in a level column not its band's, the row's only value: moved to its band's. */
  levelMoves(config: Config): void {
    const { card, sources } = this.read;
    const tables: [string, Card["entry"]][] = [
      ["entry", card.entry],
      ["final.rows", card.final.rows],
    ];
    for (const [prefix, rows] of tables) {
      rows.forEach((row, index) => {
        const filled = SLOTS.filter((slot) => row.results[slot] !== undefined);
        if (filled.length !== 1 || row.results.single !== undefined) {
          return;
        }
        const slot = filled[0]!;
        const result = row.results[slot]!;
        const { level, percent } = classifyDeficit(result.value, {
          column: slot,
          percentFormat: result.percentFormat,
          config,
        });
        if (percent === undefined || level === slot || !isSlot(level)) {
          return;
        }

        const from = sources.get(`${prefix}.${index}.${slot}`);
        const to = sources.get(`${prefix}.${index}.${level}`);
        if (from === undefined || to === undefined || !this.isBlankCell(to)) {
          return;
        }
        const source = this.cell(from);
        const reason = `Результат ${formatPercent(percent)} % перенесён из графы «${columnName(slot)}» в графу «${columnName(level)}»`;
        this.writes.push({
          cell: from,
          old: source?.value ?? null,
          new: null,
          kind: "level-column",
          reason,
        });
        const moved: CellWrite = {
          cell: to,
          old: null,
          new: source?.value ?? null,
          kind: "level-column",
          reason,
        };
        if (source?.format !== undefined) {
          moved.format = source.format;
        }
        this.writes.push(moved);
      });
    }
  }

  /**
   * The route's period in both forms: «Сроки ИОМ» into empty «Начало»/«Окончание», a school
   * year or range typed into one of them completed in the other, and «Сроки ИОМ» written
   * from the two. Returns the card with the dates as they will stand.
   */
  routePeriod(): Card {
    const { card, sources } = this.read;
    const general = { ...card.general };
    for (const field of ["routeStart", "routeEnd", "routePeriod"] as const) {
      if (this.isOwn(sources.get(`general.${field}`), "route-period")) {
        general[field] = null;
      }
    }

    const start = readDate(general.routeStart);
    const end = readDate(general.routeEnd);
    const period = readDate(general.routePeriod);
    const source = (span: Span) => span.precision !== "day";
    const fromPeriod = `Из срока ИОМ «${String(general.routePeriod)}»`;
    if (start.kind === "empty" && end.kind === "empty" && period.kind === "span") {
      this.wantDate(general, "routeStart", period.span.start, `Начало ИОМ: ${lower(fromPeriod)}`);
      this.wantDate(general, "routeEnd", period.span.end, `Окончание ИОМ: ${lower(fromPeriod)}`);
    } else if (start.kind === "span" && end.kind === "empty" && source(start.span)) {
      this.wantDate(
        general,
        "routeEnd",
        start.span.end,
        `Окончание ИОМ по сроку «${String(general.routeStart)}»`,
      );
    } else if (end.kind === "span" && start.kind === "empty" && source(end.span)) {
      this.wantDate(
        general,
        "routeStart",
        end.span.start,
        `Начало ИОМ по сроку «${String(general.routeEnd)}»`,
      );
    }

    const route = readRoute(general);
    const periodCell = sources.get("general.routePeriod");
    if (
      route.kind === "span" &&
      general.routePeriod === null &&
      periodCell !== undefined &&
      !route.fields.includes("general.routePeriod")
    ) {
      general.routePeriod = formatSpan(route.span);
      this.want(periodCell, {
        new: general.routePeriod,
        kind: "route-period",
        reason: "Сроки ИОМ по датам начала и окончания",
      });
    }
    return CardSchema.parse({ ...card, general });
  }

  /** The stage (DESIGN.md, Stage) into the cell beside a «Этап ИОМ» label. */
  stage(card: Card): void {
    const cell = this.stageCell();
    if (cell !== undefined) {
      this.want(cell, {
        new: STAGE_NAMES[stageOf(card)],
        kind: "stage",
        reason: "Этап ИОМ по заполненным разделам карты",
      });
    }
  }

  /** Each final row's change against the entry (§2.4), in the final table's «Динамика» column. */
  comparison(card: Card, config: Config, catalogue: Catalogue): void {
    const table = this.read.tables.final;
    if (!table) {
      return;
    }
    const values = new Map<number, Omit<CellWrite, "old" | "cell">>();
    for (const change of compareDiagnostics(card, config, catalogue)) {
      const at = this.read.sources.get(`final.rows.${change.finalRow}.competency`);
      if (change.change === null || at === undefined) {
        continue;
      }
      const row = parseAddress(at).row;
      if (!values.has(row)) {
        values.set(row, {
          new: CHANGE_NAMES[change.change],
          kind: "comparison",
          reason: `Динамика: на входе ${DEFICIT_LEVEL_NAMES[change.entry!]}, в итоге ${DEFICIT_LEVEL_NAMES[change.final!]}`,
        });
      }
    }
    this.column(table, isComparisonHeading, COMPARISON_HEADING, "comparison", values);
  }

  /** A mark beside each activity `validateCard` finds overdue, in the plan's «Контроль сроков». */
  overdue(card: Card, asOf: Date, config: Config, catalogue: Catalogue): void {
    const table = this.read.tables.plan;
    if (!table) {
      return;
    }
    const route = readRoute(card.general);
    const span = route.kind === "span" ? route.span : null;
    const values = new Map<number, Omit<CellWrite, "old" | "cell">>();
    for (const item of validateCard(card, { asOf: startOfDay(asOf), config, catalogue })) {
      const index = /^plan\.(\d+)\.done$/.exec(item.field ?? "")?.[1];
      const at = index === undefined ? undefined : this.read.sources.get(`plan.${index}.activity`);
      if (item.code !== "plan.overdue" || at === undefined) {
        continue;
      }
      const period = readDate(card.plan[Number(index)]!.period, { route: span });
      const ended = period.kind === "span" ? formatRussianDay(period.span.end) : "";
      values.set(parseAddress(at).row, {
        new: `просрочено (срок ${ended})`,
        kind: "overdue",
        reason: `Срок мероприятия прошёл ${ended}, отметки о выполнении нет`,
      });
    }
    this.column(table, isOverdueHeading, OVERDUE_HEADING, "overdue", values);
  }

  /** The writes: the moves, then every derived cell that differs from what the sheet holds. */
  result(): CellWrite[] {
    const writes = [...this.writes];
    for (const [cell, want] of this.wanted) {
      const current = this.cell(cell)?.value ?? null;
      if (sameValue(current, want.new)) {
        continue;
      }
      if (this.isBlankCell(cell) || this.isOwn(cell, want.kind)) {
        writes.push({ cell, old: current, ...want });
      }
    }
    // A derived cell fill wrote that nothing is derived into any more goes back to empty.
    for (const [cell, mark] of this.own) {
      if (mark.kind !== "level-column" && !this.wanted.has(cell) && this.isOwn(cell, mark.kind)) {
        writes.push({
          cell,
          old: this.cell(cell)?.value ?? null,
          new: null,
          kind: mark.kind,
          reason: "Больше не выводится из карты",
        });
      }
    }
    return writes;
  }

  // --- derived columns ------------------------------------------------------------------------

  /**
   * Values for a column of a table found by its heading, or else the first empty column to
   * the table's right, headed by fill. Nothing is added where there is nothing to write.
   */
  private column(
    table: Table<string>,
    isHeading: (text: string) => boolean,
    heading: string,
    kind: FillKind,
    values: Map<number, Omit<CellWrite, "old" | "cell">>,
  ): void {
    const found = this.headingColumn(table, isHeading);
    if (found === undefined && values.size === 0) {
      return;
    }
    const col = found ?? this.freeColumn(table, [...values.keys()]);
    if (col === undefined) {
      return;
    }

    // A heading fill added goes when it has nothing left to head.
    const added = found === undefined || this.isOwn(cellAddress(table.headerTop, col), kind);
    if (added && values.size > 0) {
      const at = cellAddress(table.headerTop, col);
      this.want(at, {
        new: heading,
        kind,
        reason: ADDED_HEADING,
        styleFrom: cellAddress(table.headerTop, col - 1),
      });
    }
    for (const [row, value] of values) {
      const want = added ? { ...value, styleFrom: cellAddress(row, col - 1) } : value;
      this.want(cellAddress(row, col), want);
    }
  }

  /** The column whose heading (in the table's header rows) matches. */
  private headingColumn(
    table: Table<string>,
    isHeading: (text: string) => boolean,
  ): number | undefined {
    const width = Math.max(...this.grid.rows.map((r) => r?.length ?? 0), 0);
    for (let row = table.headerTop; row <= table.headerBottom; row++) {
      for (let col = 0; col < width; col++) {
        const cell = this.grid.rows[row]?.[col];
        if (typeof cell?.value === "string" && isHeading(cell.value)) {
          return col;
        }
      }
    }
    return undefined;
  }

  /** The first column right of the table that is empty and unmerged in its header and rows. */
  private freeColumn(table: Table<string>, rows: number[]): number | undefined {
    let start = Math.max(...table.columns.values()) + 1;
    for (let row = table.headerTop; row <= table.headerBottom; row++) {
      const merge = mergeAt(this.grid, row, start - 1);
      if (merge) {
        start = Math.max(start, merge.right + 1);
      }
    }
    const used = [...new Set([table.headerTop, table.headerBottom, ...table.rows, ...rows])];
    for (let col = start; col < start + 8; col++) {
      if (
        used.every(
          (row) =>
            isBlank(this.grid.rows[row]?.[col]) && mergeAt(this.grid, row, col) === undefined,
        )
      ) {
        return col;
      }
    }
    return undefined;
  }

  // --- cells ----------------------------------------------------------------------------------

  private stageCell(): string | undefined {
    for (let row = 0; row < this.grid.rows.length; row++) {
      const cells = this.grid.rows[row] ?? [];
      for (let col = 0; col < cells.length; col++) {
        const cell = cells[col];
        if (typeof cell?.value === "string" && isStageLabel(cell.value)) {
          const right = (mergeAt(this.grid, row, col)?.right ?? col) + 1;
          const merge = mergeAt(this.grid, row, right);
          return merge ? cellAddress(merge.top, merge.left) : cellAddress(row, right);
        }
      }
    }
    return undefined;
  }

  private wantDate(
    general: GeneralInfo,
    field: "routeStart" | "routeEnd",
    day: Date,
    reason: string,
  ): void {
    const cell = this.read.sources.get(`general.${field}`);
    if (cell === undefined) {
      return;
    }
    const serial = dateToSerial(day);
    general[field] = serial;
    this.want(cell, { new: serial, date: true, format: DATE_FORMAT, kind: "route-period", reason });
  }

  private want(cell: string, value: Omit<CellWrite, "old" | "cell">): void {
    this.wanted.set(cell, value);
  }

  private cell(address: string): GridCell | undefined {
    const { row, col } = parseAddress(address);
    return this.grid.rows[row]?.[col] ?? undefined;
  }

  /** Empty, and no merged cell's other part (whose value would stand in the top-left). */
  private isBlankCell(address: string): boolean {
    const { row, col } = parseAddress(address);
    const merge = mergeAt(this.grid, row, col);
    if (merge && (merge.top !== row || merge.left !== col)) {
      return false;
    }
    return isBlank(cellAt(this.grid, row, col));
  }

  /** Whether fill wrote this cell (for this purpose) and it still holds what fill wrote. */
  private isOwn(address: string | undefined, kind: FillKind): boolean {
    const mark = address === undefined ? undefined : this.own.get(address);
    return (
      mark !== undefined &&
      mark.kind === kind &&
      sameValue(this.cell(address!)?.value ?? null, mark.value)
    );
  }
}

/** Values compared as a cell shows them: an empty or blank string is no value. */
export function sameValue(a: Raw | undefined, b: Raw | undefined): boolean {
  const norm = (v: Raw | undefined) =>
    v === undefined || (typeof v === "string" && v.trim() === "") ? null : v;
  return norm(a) === norm(b);
}

function isSlot(level: string | null): level is Slot {
  return level === "low" || level === "medium" || level === "high";
}

/** A column by its short name: the card's ranges (81–100, 61–80, менее 60) leave 60 in none. */
function columnName(slot: Slot): string {
  return DEFICIT_COLUMNS.find((c) => c.id === slot)!.name;
}

function formatPercent(percent: number): string {
  return String(Math.round(percent * 10) / 10).replace(".", ",");
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

import type {
  Card,
  DiagnosticRow,
  FieldPath,
  FinalEvent,
  GeneralField,
  PlanItem,
  Raw,
  ResultCell,
} from "../domain/card.js";
import { FinalEventSchema, FinalSectionSchema, GeneralInfoSchema } from "../domain/card.js";
import { readRouteLevel } from "../domain/levels.js";
import { readDiagnosticForms } from "../domain/vocabulary.js";
import { isPercentFormat, rawOf, textAt } from "./cells.js";
import type { Grid, GridCell } from "./grid.js";
import { cellAddress, cellAt, isBlank, mergeAt, mergesOfRow } from "./grid.js";
import type { Range } from "./grid.js";
import type {
  ClosingField,
  DiagnosticRole,
  FinalEventRole,
  PlanRole,
  SectionName,
} from "./labels.js";
import {
  closingField,
  combinedFields,
  diagnosticRole,
  finalEventRole,
  generalField,
  labelText,
  planRole,
  sectionHeading,
} from "./labels.js";
import type { SourceMap } from "./located.js";
import type { Table } from "./tables.js";
import { dataRows, HeadingKeys, headerAt, scanWidth } from "./tables.js";

const EMPTY_GENERAL = GeneralInfoSchema.parse({});
const EMPTY_FINAL_EVENT = FinalEventSchema.parse({});
const EMPTY_FINAL = FinalSectionSchema.parse({});

/** A card read from one sheet. */
export interface SheetCard {
  card: Card;
  /** The cell each field was read from (or where it would stand, when empty). */
  sources: SourceMap;
  /** Cells read as values that hold a formula error or a formula with no saved result. */
  problems: CellProblem[];
  /** Where the tables were found: what a writer (`planFill`) places its cells by. */
  tables: CardTables;
}

/** The card's tables as the reader found them, each with its header rows, columns and data rows. */
export interface CardTables {
  entry?: Table<DiagnosticRole>;
  final?: Table<DiagnosticRole>;
  plan?: Table<PlanRole>;
  finalEvent?: Table<FinalEventRole>;
}

export interface CellProblem {
  code: "cell.formula-error" | "cell.formula-no-result";
  cell: string;
  message: string;
}

/**
 * Reads the card a sheet holds, finding every section by its labels and never by fixed
 * addresses: labels numbered, with colons, broken across lines, with synonyms; general
 * information as label and value side by side, one under the other, or `Должность: учитель`
 * in one cell; tables with their columns in any order, a joint heading over the level
 * columns, levels of the plan in a column (merged or repeated) or as group rows.
 *
 * Returns null for a sheet that is not a card (a list, a chart's data, a summary).
 *
 * @example readCardSheet(gridOf("Карта", rows))?.card.general.position // "учитель математики"
 */
export function readCardSheet(grid: Grid): SheetCard | null {
  return readCardSheets(grid)[0] ?? null;
}

/**
 * Every card a sheet holds: usually one, two where a methodist put cards side by side or one
 * under another (each found by its «ФИО»). A sheet that is no card gives none.
 */
export function readCardSheets(grid: Grid): SheetCard[] {
  const parts = cardRegions(grid).map((region) => {
    const reader = new SheetReader(region);
    return { reader, layout: reader.layout() };
  });

  // A second «ФИО» inside one card's general information must not cut the card in two there,
  // its first half (no card by itself) passed over: the sheet is then one card, the first
  // value read. Signature lines «ФИО педагога» below a card, or below each of two cards,
  // leave the cards as they are.
  const cards = parts.filter((part) => isCard(part.layout));
  if (cards.length === 1 && !isCard(parts[0]!.layout)) {
    const reader = new SheetReader(grid);
    const layout = reader.layout();
    return isCard(layout) ? [reader.read(layout)] : [];
  }
  return cards.map((part) => part.reader.read(part.layout));
}

interface Heading {
  name: SectionName;
  row: number;
  col: number;
}

interface Layout {
  headings: Heading[];
  diagnostics: Table<DiagnosticRole>[];
  plan: Table<PlanRole> | undefined;
  finalEvent: Table<FinalEventRole> | undefined;
  /** General fields found by their labels, with where their value stands. */
  general: Map<GeneralField, ValueAt>;
  /** The first row of section 5's closing lines. */
  closingStart: number;
}

interface ValueAt {
  value: Raw;
  row: number;
  col: number;
}

/**
 * A card has a table of diagnostics or a plan, and says whose it is: a «ФИО» label, or a
 * title and two fields of general information. A monitoring sheet with «ФИО» only as a
 * table's column is no card.
 */
function isCard(layout: Layout): boolean {
  const tables = layout.diagnostics.length > 0 || layout.plan !== undefined;
  const titled = layout.headings.some((h) => h.name === "title" || h.name === "general");
  return tables && (layout.general.has("fullName") || (titled && layout.general.size >= 2));
}

class SheetReader {
  private readonly width: number;
  private readonly sources: SourceMap = new Map();
  private readonly problems: CellProblem[] = [];
  private readonly seenProblems = new Set<string>();
  private readonly tableRows = new Set<number>();
  /** Where the final results read beside the entry ones came from: cell and slot. */
  private readonly besideSources = new Map<DiagnosticRow, [string, string][]>();

  private readonly keys: HeadingKeys;

  constructor(private readonly grid: Grid) {
    this.width = scanWidth(grid);
    this.keys = new HeadingKeys(grid, this.width);
  }

  layout(): Layout {
    const headings: Heading[] = [];
    const found: {
      kind: "diagnostics" | "plan" | "finalEvent";
      table: Omit<Table<string>, "rows">;
    }[] = [];

    for (let row = 0; row < this.grid.rows.length; row++) {
      // A row with no text is neither a heading nor a header: most rows of a long sheet.
      if (this.keys.row(row).length === 0) {
        continue;
      }
      const heading = this.headingIn(row);
      if (heading) {
        headings.push(heading);
        continue;
      }
      const previous = found[found.length - 1];
      if (previous && row <= previous.table.headerBottom) {
        continue;
      }
      const table = this.tableHeaderAt(row);
      if (table) {
        found.push(table);
      }
    }

    const headerRows = new Set(found.map((f) => f.table.headerTop));
    const isHeader = (row: number) => headerRows.has(row);

    const diagnostics: Table<DiagnosticRole>[] = [];
    let plan: Table<PlanRole> | undefined;
    let finalEvent: Table<FinalEventRole> | undefined;
    for (const { kind, table } of found) {
      const rows = dataRows(
        this.grid,
        table.headerBottom + 1,
        [...table.columns.values()],
        isHeader,
      );
      const complete = { ...table, rows };
      // The last row once, not in the loop's condition: a list of 100 000 rows read as a
      // table made this quadratic (and `...rows` overflows the stack past ~120 000).
      const last = rows.reduce((a, b) => Math.max(a, b), table.headerBottom);
      for (let row = table.headerTop; row <= last; row++) {
        this.tableRows.add(row);
      }
      if (kind === "diagnostics") {
        diagnostics.push(complete as Table<DiagnosticRole>);
      } else if (kind === "plan") {
        plan ??= complete as Table<PlanRole>;
      } else {
        finalEvent ??= complete as Table<FinalEventRole>;
      }
    }

    const closingStart = this.closingStart(headings, diagnostics, plan, finalEvent);
    const general = this.generalFields(closingStart);
    return { headings, diagnostics, plan, finalEvent, general, closingStart };
  }

  read(layout: Layout): SheetCard {
    const { entryTables, finalTables } = this.splitDiagnostics(layout);
    const [entryTable] = entryTables;
    const [finalTable] = finalTables;

    const general = {} as Record<GeneralField, Raw>;
    for (const [field, at] of layout.general) {
      general[field] = at.value;
      this.sources.set(`general.${field}`, cellAddress(at.row, at.col));
    }
    this.locateSection("general", layout.headings, layout.general.values().next().value);

    const besideEntry: DiagnosticRow[] = [];
    const entry = this.diagnosticRows(entryTables, "entry", besideEntry);
    const finalRows = this.diagnosticRows(finalTables, "final.rows");
    // Final results in a column of the entry table come after any of a final table's own.
    besideEntry.forEach((row) => {
      const index = finalRows.length;
      for (const [address, slot] of this.besideSources.get(row) ?? []) {
        this.sources.set(`final.rows.${index}.${slot}`, address);
        if (slot === "competency") {
          this.sources.set(`final.rows.${index}`, address);
        }
      }
      finalRows.push(row);
    });
    const plan = layout.plan ? this.planItems(layout.plan) : [];
    const finalEvent = layout.finalEvent ? this.finalEvent(layout.finalEvent) : {};
    const closing = this.closing(layout.closingStart);

    this.locateSection(
      "entry",
      layout.headings,
      entryTable && headerCell(entryTable, "competency"),
    );
    this.locateSection("plan", layout.headings, layout.plan && headerCell(layout.plan, "activity"));
    this.locateSection(
      "finalEvent",
      layout.headings,
      layout.finalEvent && headerCell(layout.finalEvent, "activity"),
    );
    this.locateSection(
      "final",
      layout.headings,
      finalTable && headerCell(finalTable, "competency"),
      "final.rows",
    );

    // The parts are the schema's already, each field a cell's raw value: what is left is the
    // defaults (CardSchema's), without parsing the card again (an eighth of reading a card).
    const card: Card = {
      general: { ...EMPTY_GENERAL, ...general },
      entry,
      plan,
      finalEvent: { ...EMPTY_FINAL_EVENT, ...finalEvent },
      final: { ...EMPTY_FINAL, rows: finalRows, ...closing },
    };
    const tables: CardTables = {
      entry: entryTable,
      final: finalTable,
      plan: layout.plan,
      finalEvent: layout.finalEvent,
    };
    return { card, sources: this.sources, problems: this.problems, tables };
  }

  // --- layout -------------------------------------------------------------------------

  private headingIn(row: number): Heading | undefined {
    const cells = this.grid.rows[row] ?? [];
    for (let col = 0; col < Math.min(cells.length, this.width); col++) {
      const cell = cells[col];
      if (typeof cell?.value !== "string") {
        continue;
      }
      const name = sectionHeading(labelText(firstLine(cell.value)));
      if (name) {
        return { name, row, col };
      }
      return undefined;
    }
    return undefined;
  }

  private tableHeaderAt(
    row: number,
  ):
    | { kind: "diagnostics" | "plan" | "finalEvent"; table: Omit<Table<string>, "rows"> }
    | undefined {
    const finalEvent = headerAt(
      this.grid,
      row,
      this.width,
      finalEventRole,
      (roles) => roles.has("activity") && roles.has("reflection"),
      this.keys,
    );
    if (finalEvent) {
      return { kind: "finalEvent", table: finalEvent };
    }

    const plan = headerAt(
      this.grid,
      row,
      this.width,
      planRole,
      (roles) => {
        const supporting = ["period", "done", "competencies", "result"].filter((r) =>
          roles.has(r as PlanRole),
        );
        return roles.has("activity") && supporting.length >= 2;
      },
      this.keys,
    );
    if (plan) {
      return { kind: "plan", table: plan };
    }

    const diagnostics = headerAt(
      this.grid,
      row,
      this.width,
      diagnosticRole,
      (roles) => {
        const levels = ["low", "medium", "high"].filter((r) =>
          roles.has(r as DiagnosticRole),
        ).length;
        const results = ["single", "mastery", "absent", "final"].some((r) =>
          roles.has(r as DiagnosticRole),
        );
        return roles.has("competency") && (levels >= 2 || results);
      },
      this.keys,
    );
    if (diagnostics) {
      return { kind: "diagnostics", table: diagnostics };
    }
    return undefined;
  }

  /**
   * The first row of section 5's closing lines («Окончание работы…», «Выводы…»): below the
   * final section's heading and its tables, else below the last table of the card.
   */
  private closingStart(
    headings: Heading[],
    diagnostics: Table<DiagnosticRole>[],
    plan: Table<PlanRole> | undefined,
    finalEvent: Table<FinalEventRole> | undefined,
  ): number {
    const end = (table: Table<string>) => Math.max(table.headerBottom, ...table.rows) + 1;
    const heading = headings.find((h) => h.name === "final");
    const finals = diagnostics.filter((t) => heading !== undefined && t.headerTop > heading.row);
    const candidates = [
      ...(heading ? [heading.row + 1] : []),
      ...finals.map(end),
      ...(finalEvent ? [end(finalEvent)] : []),
    ];
    if (candidates.length > 0) {
      return Math.max(...candidates);
    }
    const last = [...diagnostics, ...(plan ? [plan] : [])].map(end);
    return last.length > 0 ? Math.max(...last) : this.grid.rows.length;
  }

  /**
   * The entry tables and the final ones. A table is final under the final section's heading,
   * or where its heading says «Компетенции, по которым были выявлены профдефициты»; any other
   * is entry diagnostics, a header repeated inside the table included.
   */
  private splitDiagnostics(layout: Layout): {
    entryTables: Table<DiagnosticRole>[];
    finalTables: Table<DiagnosticRole>[];
  } {
    const isFinal = (table: Table<DiagnosticRole>) => {
      const above = layout.headings.filter((h) => h.row < table.headerTop && h.name !== "title");
      const col = table.columns.get("competency");
      const heading = col === undefined ? "" : (this.keys.row(table.headerTop)[col] ?? "");
      return above[above.length - 1]?.name === "final" || /покоторымбыливыявлены/.test(heading);
    };
    return {
      entryTables: layout.diagnostics.filter((t) => !isFinal(t)),
      finalTables: layout.diagnostics.filter(isFinal),
    };
  }

  // --- general information -------------------------------------------------------------

  /**
   * General information: every label outside the tables, wherever it stands (below the plan,
   * at the very end). Below `closingStart` section 5's own lines come first: there «Наставник»
   * signs the card and «Дата окончания» is the day the route ended.
   */
  private generalFields(closingStart: number): Map<GeneralField, ValueAt> {
    const fields = new Map<GeneralField, ValueAt>();
    const add = (field: GeneralField, at: ValueAt) => {
      if (!fields.has(field)) {
        fields.set(field, at);
      }
    };

    for (let row = 0; row < this.grid.rows.length; row++) {
      if (this.tableRows.has(row)) {
        continue;
      }
      const cells = this.grid.rows[row] ?? [];
      for (let col = 0; col < Math.min(cells.length, this.width); col++) {
        const cell = cells[col];
        if (typeof cell?.value !== "string" || cell.value.trim() === "") {
          continue;
        }
        if (row >= closingStart && closingLabel(cell.value) !== undefined) {
          continue;
        }
        for (const [field, at] of this.labelsIn(cell.value, row, col)) {
          add(field, at);
        }
      }
    }
    return fields;
  }

  /** The general fields a label cell gives: itself with the value beside or below it, or inline. */
  private labelsIn(text: string, row: number, col: number): [GeneralField, ValueAt][] {
    const inline = this.inlineFields(text, row, col);
    if (inline.length > 0) {
      return inline;
    }

    const field = labelField(text);
    if (field) {
      const at = this.valueOf(row, col);
      if (field === "diagnosticForms" && at.value === null) {
        return [[field, this.markedForms(row, col) ?? at]];
      }
      return [[field, at]];
    }

    const combined = combinedFields(text);
    if (combined.length > 0) {
      const at = this.valueOf(row, col);
      const parts = typeof at.value === "string" ? at.value.split(/\s*[,;]\s*/) : [];
      return combined.map((f, i) => [
        f,
        { ...at, value: parts.length === combined.length ? parts[i]! : i === 0 ? at.value : null },
      ]);
    }
    return [];
  }

  /** `Должность: учитель` lines in one cell (QUIRKS.md: general info pasted as lines). */
  private inlineFields(text: string, row: number, col: number): [GeneralField, ValueAt][] {
    const fields: [GeneralField, ValueAt][] = [];
    for (const line of text.split(/\r?\n/)) {
      const match = /^([^:]{2,80}):\s*(.*)$/.exec(line.trim());
      if (!match) {
        continue;
      }
      const value = match[2]!.replace(/_{3,}/g, " ").trim();
      if (!/[\p{L}\p{N}]/u.test(value)) {
        continue;
      }
      const field = generalField(labelText(match[1]!));
      if (field) {
        fields.push([field, { value, row, col }]);
        continue;
      }
      const combined = combinedFields(match[1]!);
      const parts = value.split(/\s*[,;]\s*/);
      if (combined.length > 0 && parts.length === combined.length) {
        combined.forEach((f, i) => fields.push([f, { value: parts[i]!, row, col }]));
      }
    }
    return fields;
  }

  /**
   * Where a label's value stands: the cell right of the label (past its merge), or the first
   * filled one within three columns; below the label where the right cell is another label
   * (general information laid out as a table with a heading row).
   */
  private valueOf(row: number, col: number): ValueAt {
    const merge = mergeAt(this.grid, row, col);
    const right = (merge?.right ?? col) + 1;
    const bottom = merge?.bottom ?? row;

    // A heading row of labels («ФИО | Должность | Стаж») has its values on the row below. A
    // neighbour naming the same field is the template's prompt left in the value cell
    // («ФИО педагога | ФИО»), and a label right below means labels run down a column.
    const own = this.labelAt(row, col);
    const left = (merge?.left ?? col) - 1;
    const beside = [this.labelAt(row, right), left >= 0 ? this.labelAt(row, left) : undefined];
    const heading = beside.some((field) => field !== undefined && field !== own);
    if (heading && this.labelAt(bottom + 1, col) === undefined) {
      return this.valueAtCell(bottom + 1, col);
    }

    for (let c = right; c < Math.min(right + 3, this.width); c++) {
      const label = this.labelAt(row, c);
      if (label !== undefined && label !== own) {
        break;
      }
      if (!isBlank(cellAt(this.grid, row, c))) {
        return this.valueAtCell(row, c);
      }
    }
    return this.valueAtCell(row, right);
  }

  private labelAt(row: number, col: number): GeneralField | undefined {
    const text = textAt(this.grid, row, col);
    return text === "" ? undefined : labelField(text);
  }

  /**
   * The card's «Форма прохождения оценки» may list the four forms on rows of their own with a
   * mark beside the chosen ones; the value is then the marked forms' names.
   */
  private markedForms(row: number, col: number): ValueAt | undefined {
    const names: string[] = [];
    let first: ValueAt | undefined;
    for (let r = row + 1; r <= row + 4; r++) {
      const name = textAt(this.grid, r, col);
      if (readDiagnosticForms(name).forms.length !== 1) {
        break;
      }
      const mark = this.valueOf(r, col);
      if (typeof mark.value === "string" && /^[+✓✔vVхXx☑]|^да$/u.test(mark.value.trim())) {
        names.push(name.replace(/^[\s·•\-–]+/, "").trim());
        first ??= mark;
      }
    }
    return first && { ...first, value: names.join("; ") };
  }

  // --- tables ---------------------------------------------------------------------------

  /**
   * The rows of diagnostics tables, in order. A row repeating the header («Компетенции») is
   * passed over. Besides the level columns: a sign column («Есть дефицит», «+/−»), a column
   * «Нет дефицита» whose mark says «−», a column of mastery («Уровень сформированности»),
   * and a column of final results beside the entry ones, given back in `beside`.
   */
  private diagnosticRows(
    tables: readonly Table<DiagnosticRole>[],
    prefix: string,
    beside?: DiagnosticRow[],
  ): DiagnosticRow[] {
    const rows: DiagnosticRow[] = [];
    for (const table of tables) {
      for (const row of table.rows) {
        const read = this.diagnosticRow(table, row, `${prefix}.${rows.length}`);
        if (!read) {
          continue;
        }
        rows.push(read.row);
        if (read.final && beside) {
          beside.push(read.final.row);
          this.besideSources.set(read.final.row, read.final.sources);
        }
      }
    }
    return rows;
  }

  private diagnosticRow(
    table: Table<DiagnosticRole>,
    row: number,
    path: string,
  ):
    | { row: DiagnosticRow; final?: { row: DiagnosticRow; sources: [string, string][] } }
    | undefined {
    const at = (role: DiagnosticRole, slot: string = role) =>
      this.tableCell(table, row, role, `${path}.${slot}`);

    const competency = at("competency");
    if (typeof competency === "string" && diagnosticRole(labelText(competency)) === "competency") {
      this.forgetRow(`${path}.`);
      return undefined;
    }

    const results: DiagnosticRow["results"] = {};
    for (const slot of ["low", "medium", "high", "single"] as const) {
      const value = at(slot);
      if (value !== null) {
        results[slot] = this.resultCell(value, this.tableGridCell(table, row, slot));
      }
    }
    if (results.single === undefined && table.columns.has("mastery")) {
      const value = at("mastery", "single");
      if (value !== null) {
        results.single = {
          ...this.resultCell(value, this.tableGridCell(table, row, "mastery")),
          mastery: true,
        };
      }
    }
    if (results.single === undefined && table.columns.has("absent")) {
      const mark = at("absent", "single");
      if (typeof mark === "string" ? /^(?:[+✓✔☑vх]|да)$/iu.test(mark.trim()) : mark === true) {
        results.single = { value: "−" };
      }
    }
    const difficulties = at("difficulties");
    const note = at("note");

    if (
      competency === null &&
      difficulties === null &&
      Object.keys(results).length === 0 &&
      note === null
    ) {
      this.forgetRow(`${path}.`);
      return undefined;
    }
    const competencyAddress = this.sources.get(`${path}.competency`);
    if (competencyAddress) {
      this.sources.set(path, competencyAddress);
    }
    const read = { competency, difficulties, results, note };

    const finalCol = table.columns.get("final");
    if (finalCol === undefined) {
      return { row: read };
    }
    const final = this.valueAtCell(row, finalCol);
    if (final.value === null) {
      return { row: read };
    }
    const finalRow: DiagnosticRow = {
      competency,
      difficulties: null,
      results: { single: this.resultCell(final.value, cellAt(this.grid, final.row, final.col)) },
      note: null,
    };
    const sources: [string, string][] = [[cellAddress(final.row, final.col), "single"]];
    if (competencyAddress) {
      sources.push([competencyAddress, "competency"]);
    }
    return { row: read, final: { row: finalRow, sources } };
  }

  private resultCell(value: Raw, cell: GridCell | undefined): ResultCell {
    return isPercentFormat(cell) ? { value, percentFormat: true } : { value };
  }

  private planItems(table: Table<PlanRole>): PlanItem[] {
    const items: PlanItem[] = [];
    let level: Raw = null;

    for (const row of table.rows) {
      const groupLevel = this.groupLevel(table, row);
      if (groupLevel !== undefined) {
        level = groupLevel.value;
        continue;
      }

      const index = items.length;
      const at = (role: PlanRole) => this.tableCell(table, row, role, `plan.${index}.${role}`);
      const ownLevel = table.columns.has("level") ? at("level") : null;
      if (ownLevel !== null) {
        level = ownLevel;
      }
      const item: PlanItem = {
        level,
        activity: at("activity"),
        competencies: at("competencies"),
        period: at("period"),
        done: at("done"),
        reason: at("reason"),
        result: at("result"),
      };

      const { level: _level, ...rest } = item;
      if (Object.values(rest).every((value) => value === null)) {
        this.forgetRow(`plan.${index}.`);
        continue;
      }
      const activityAddress = this.sources.get(`plan.${index}.activity`);
      if (activityAddress) {
        this.sources.set(`plan.${index}`, activityAddress);
      }
      items.push(item);
    }
    return items;
  }

  /**
   * A row that only names a level: a group row («Муниципальный уровень» across the table) or
   * the level column's cell alone, as in a blank card.
   */
  private groupLevel(table: Table<PlanRole>, row: number): { value: Raw } | undefined {
    const texts = new Set<string>();
    let first: GridCell | undefined;
    for (const cell of this.filledCells(row)) {
      texts.add(String(cell.value));
      first ??= cell;
      if (texts.size > 1) {
        return undefined;
      }
    }
    const text = typeof first?.value === "string" ? first.value : null;
    if (text === null || readRouteLevel(text) === null) {
      return undefined;
    }
    const levelCol = table.columns.get("level");
    const inLevelColumn = levelCol !== undefined && !isBlank(cellAt(this.grid, row, levelCol));
    return inLevelColumn || texts.size === 1 ? { value: text } : undefined;
  }

  /** The filled cells a row shows: its own, and those of the merges over it, left to right. */
  private filledCells(row: number): GridCell[] {
    const byColumn = new Map<number, GridCell>();
    const cells = this.grid.rows[row] ?? [];
    for (let col = 0; col < Math.min(cells.length, this.width); col++) {
      const cell = cells[col];
      if (cell && !isBlank(cell)) {
        byColumn.set(col, cell);
      }
    }
    for (const merge of mergesOfRow(this.grid, row)) {
      const master = this.grid.rows[merge.top]?.[merge.left];
      if (master && !isBlank(master) && !byColumn.has(merge.left)) {
        byColumn.set(merge.left, master);
      }
    }
    return [...byColumn.entries()].sort(([a], [b]) => a - b).map(([, cell]) => cell);
  }

  private finalEvent(table: Table<FinalEventRole>): Partial<FinalEvent> {
    for (const row of table.rows) {
      const at = (role: FinalEventRole) => this.tableCell(table, row, role, `finalEvent.${role}`);
      const event = {
        activity: at("activity"),
        level: at("level"),
        period: at("period"),
        reflection: at("reflection"),
      };
      if (Object.values(event).some((value) => value !== null)) {
        return event;
      }
    }
    const first = table.headerBottom + 1;
    for (const role of ["activity", "level", "period", "reflection"] as const) {
      const col = table.columns.get(role);
      if (col !== undefined) {
        this.sources.set(`finalEvent.${role}`, cellAddress(first, col));
      }
    }
    return {};
  }

  /** Section 5's closing lines: the day the route ended, the signatures, the conclusions. */
  private closing(from: number): Partial<Record<ClosingField, Raw>> {
    const fields: Partial<Record<ClosingField, Raw>> = {};
    for (let row = from; row < this.grid.rows.length; row++) {
      if (this.tableRows.has(row)) {
        continue;
      }
      const cells = this.grid.rows[row] ?? [];
      for (let col = 0; col < Math.min(cells.length, this.width); col++) {
        const cell = cells[col];
        if (typeof cell?.value !== "string") {
          continue;
        }
        const label = closingLabel(cell.value);
        if (!label || label.field in fields) {
          continue;
        }
        const { field, inline } = label;
        if (inline !== null) {
          fields[field] = inline;
          this.sources.set(`final.${field}`, cellAddress(row, col));
          continue;
        }
        const at =
          field === "conclusions" ? this.conclusionsValue(row, col) : this.valueOf(row, col);
        fields[field] = field === "teacher" || field === "mentor" ? signature(at.value) : at.value;
        // «Выводы:» with nothing after the colon, beside or below: the line itself is the place.
        const blank = fields[field] === null && /:\s*$/.test(cell.value);
        this.sources.set(
          `final.${field}`,
          blank ? cellAddress(row, col) : cellAddress(at.row, at.col),
        );
      }
    }
    return fields;
  }

  /** Conclusions stand beside their label, or on the rows below it, often merged wide. */
  private conclusionsValue(row: number, col: number): ValueAt {
    const beside = this.valueOf(row, col);
    if (beside.value !== null) {
      return beside;
    }
    for (let r = row + 1; r < Math.min(row + 7, this.grid.rows.length); r++) {
      for (let c = 0; c < this.width; c++) {
        if (!isBlank(cellAt(this.grid, r, c))) {
          return this.valueAtCell(r, c);
        }
      }
    }
    return this.valueAtCell(row + 1, col);
  }

  // --- cells ----------------------------------------------------------------------------

  private tableGridCell<Role extends string>(
    table: Table<Role>,
    row: number,
    role: Role,
  ): GridCell | undefined {
    const col = table.columns.get(role);
    return col === undefined ? undefined : cellAt(this.grid, row, col);
  }

  private tableCell<Role extends string>(
    table: Table<Role>,
    row: number,
    role: Role,
    field: FieldPath,
  ): Raw {
    const col = table.columns.get(role);
    if (col === undefined) {
      return null;
    }
    const at = this.valueAtCell(row, col);
    this.sources.set(field, cellAddress(at.row, at.col));
    return at.value;
  }

  /** The value at a cell, a merge giving its top-left cell; reading problems noted once. */
  private valueAtCell(row: number, col: number): ValueAt {
    const merge = mergeAt(this.grid, row, col);
    const [r, c] = merge ? [merge.top, merge.left] : [row, col];
    const cell = cellAt(this.grid, r, c);
    this.noteProblem(cell, r, c);
    return { value: rawOf(cell), row: r, col: c };
  }

  private noteProblem(cell: GridCell | undefined, row: number, col: number): void {
    if (!cell || (cell.error === undefined && !cell.formulaWithoutResult)) {
      return;
    }
    const address = cellAddress(row, col);
    if (this.seenProblems.has(address)) {
      return;
    }
    this.seenProblems.add(address);
    this.problems.push(
      cell.error !== undefined
        ? {
            code: "cell.formula-error",
            cell: address,
            message: `В ячейке ошибка формулы «${cell.error}»: исправьте формулу или впишите значение`,
          }
        : {
            code: "cell.formula-no-result",
            cell: address,
            message:
              "Формула сохранена без вычисленного значения: откройте файл в Excel и сохраните его заново или впишите значение",
          },
    );
  }

  private forgetRow(prefix: string): void {
    for (const key of [...this.sources.keys()]) {
      if (key.startsWith(prefix)) {
        this.sources.delete(key);
      }
    }
  }

  /** A section's own place: its heading, else the cell given (its table's first heading). */
  private locateSection(
    name: SectionName,
    headings: Heading[],
    fallback: { row: number; col: number } | undefined,
    field: FieldPath = name,
  ): void {
    const heading = headings.find((h) => h.name === name);
    const at = heading ?? fallback;
    if (at) {
      this.sources.set(field, cellAddress(at.row, at.col));
    }
  }
}

function headerCell<Role extends string>(
  table: Table<Role>,
  role: Role,
): { row: number; col: number } | undefined {
  const col = table.columns.get(role);
  return col === undefined ? undefined : { row: table.headerTop, col };
}

/**
 * The general field a label cell names. A label is short: its first line (the card's form
 * label lists the four forms on the lines below), or the whole text broken across lines.
 * A long text that merely starts like a label («Курсы ПК устранили дефицит…») is a value.
 */
function labelField(text: string): GeneralField | undefined {
  let field = labelFields.get(text);
  if (field === undefined) {
    if (labelFields.size >= MAX_REMEMBERED) {
      labelFields.clear();
    }
    field = findLabelField(text) ?? null;
    labelFields.set(text, field);
  }
  return field ?? undefined;
}

/** Label fields already found, by text: `labelField` is asked of the same cells many times. */
const labelFields = new Map<string, GeneralField | null>();
const MAX_REMEMBERED = 20_000;

function findLabelField(text: string): GeneralField | undefined {
  const first = labelText(firstLine(text));
  if (first.length <= MAX_LABEL) {
    const field = generalField(first);
    if (field) {
      return field;
    }
  }
  const whole = labelText(text);
  return whole.length <= MAX_LABEL ? generalField(whole) : undefined;
}

/** Letters of the longest general label of the card («Образование, специализация …»). */
const MAX_LABEL = 60;

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? "";
}

/**
 * Section 5's line a cell starts: «Окончание работы по реализации ИОМ: «  » 2023 г.»,
 * «Педагогический работник: ____», «Выводы …». The value after the label, where the cell
 * holds one (a form's blank or its bracketed prompt is none).
 */
function closingLabel(text: string): { field: ClosingField; inline: string | null } | undefined {
  const match = /^([^:_«"]{2,120}?)\s*(?::|_{2,}|(?=«))\s*(.*)$/s.exec(text.trim());
  const field = closingField(labelText(firstLine(match ? match[1]! : text)));
  if (!field) {
    return undefined;
  }
  const inline = match ? match[2]!.replace(/_{2,}/g, " ").trim() : "";
  const prompt = /^\(?[а-я\s,]*\)?$/i.test(inline.replace(/анализ реализации иом/gi, ""));
  return { field, inline: inline === "" || prompt ? null : inline };
}

/** A signature line's value without the form's captions: «(подпись)», «(ФИО)», slashes. */
function signature(value: Raw): Raw {
  if (typeof value !== "string") {
    return value;
  }
  const left = value
    .replace(/\((?:подпись|фио|ф\.\s*и\.\s*о\.?|расшифровка[^)]*|фамилия[^)]*)\)/gi, " ")
    .replace(/[_/\\|.\s]+/g, " ")
    .trim();
  return left === "" ? null : value;
}

/**
 * The parts of a sheet that hold one card each. A sheet with one «ФИО» label is one card; with
 * more, the cards stand side by side or one under another, and each part keeps the sheet's
 * addresses (cells outside it emptied), so that findings still name the real cells.
 */
function cardRegions(grid: Grid): Grid[] {
  const names = fullNameLabels(grid);
  if (names.length < 2) {
    return [grid];
  }

  const [first, second] = names as [{ row: number; col: number }, { row: number; col: number }];
  const sideBySide = second.col > first.col + 1 && Math.abs(second.row - first.row) <= 30;
  const bounds: Range[] = [];
  if (sideBySide) {
    const starts = names
      .filter((n) => Math.abs(n.row - first.row) <= 30)
      .map((n) => n.col - (first.col - leftmost(grid)));
    starts.forEach((left, i) =>
      bounds.push({
        top: 0,
        bottom: Infinity,
        left: i === 0 ? 0 : left,
        right: (starts[i + 1] ?? Infinity) - 1,
      }),
    );
  } else {
    const tops = names.map((n, i) => (i === 0 ? 0 : cardTop(grid, n.row, names[i - 1]!.row)));
    tops.forEach((top, i) =>
      bounds.push({ top, bottom: (tops[i + 1] ?? Infinity) - 1, left: 0, right: Infinity }),
    );
  }
  return bounds.map((b) => masked(grid, b));
}

/** Cells labelled «ФИО» outside inline lines, in reading order. */
function fullNameLabels(grid: Grid): { row: number; col: number }[] {
  const found: { row: number; col: number }[] = [];
  grid.rows.forEach((cells, row) => {
    cells?.forEach((cell, col) => {
      if (typeof cell?.value === "string" && cell.value.length <= 200 && namesTeacher(cell.value)) {
        found.push({ row, col });
      }
    });
  });
  return found;
}

/** Whether a cell's text is a «ФИО» label, or holds one in an inline line («ФИО: …»). */
function namesTeacher(text: string): boolean {
  return (
    labelField(text) === "fullName" ||
    (text.includes(":") &&
      text
        .split(/\r?\n/)
        .some(
          (line) =>
            /^[^:]{2,40}:/.test(line) &&
            generalField(labelText(line.split(":")[0]!)) === "fullName",
        ))
  );
}

/** The row a card below another starts at: its title or first heading above its «ФИО». */
function cardTop(grid: Grid, nameRow: number, previousNameRow: number): number {
  for (let row = nameRow - 1; row > previousNameRow && row >= nameRow - 10; row--) {
    const text = grid.rows[row]?.find((cell) => typeof cell?.value === "string")?.value;
    if (typeof text === "string" && sectionHeading(labelText(firstLine(text))) !== undefined) {
      let top = row;
      while (top - 1 > previousNameRow) {
        const above = grid.rows[top - 1]?.find((cell) => typeof cell?.value === "string")?.value;
        if (
          typeof above !== "string" ||
          sectionHeading(labelText(firstLine(above))) === undefined
        ) {
          break;
        }
        top--;
      }
      return top;
    }
  }
  return nameRow;
}

function leftmost(grid: Grid): number {
  let left = Infinity;
  for (const cells of grid.rows) {
    const col = cells?.findIndex((cell) => cell && !isBlank(cell)) ?? -1;
    if (col >= 0 && col < left) {
      left = col;
    }
  }
  return Number.isFinite(left) ? left : 0;
}

/** The grid with every cell outside `bounds` emptied, addresses unchanged. */
function masked(grid: Grid, bounds: Range): Grid {
  const inside = (row: number, col: number) =>
    row >= bounds.top && row <= bounds.bottom && col >= bounds.left && col <= bounds.right;
  return {
    ...grid,
    rows: grid.rows.map((cells, row) =>
      row < bounds.top || row > bounds.bottom
        ? []
        : (cells ?? []).map((cell, col) => (inside(row, col) ? cell : null)),
    ),
    merges: grid.merges.filter((m) => inside(m.top, m.left) && inside(m.bottom, m.right)),
  };
}

import type {
  Card,
  DiagnosticRow,
  FieldPath,
  FinalEvent,
  GeneralField,
  GeneralInfo,
  PlanItem,
  Raw,
  ResultCell,
} from "../domain/card.js";
import { CardSchema } from "../domain/card.js";
import { readRouteLevel } from "../domain/levels.js";
import { readDiagnosticForms } from "../domain/vocabulary.js";
import { isPercentFormat, rawOf, textAt } from "./cells.js";
import type { Grid, GridCell } from "./grid.js";
import { cellAddress, cellAt, isBlank, mergeAt } from "./grid.js";
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
import { dataRows, headerAt, scanWidth } from "./tables.js";

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
  const reader = new SheetReader(grid);
  const layout = reader.layout();
  if (!isCard(layout)) {
    return null;
  }
  return reader.read(layout);
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
}

interface ValueAt {
  value: Raw;
  row: number;
  col: number;
}

/** A card has a table of diagnostics or a plan, and says whose it is. */
function isCard(layout: Layout): boolean {
  const tables = layout.diagnostics.length > 0 || layout.plan !== undefined;
  const titled = layout.headings.some((h) => h.name === "title" || h.name === "general");
  return tables && (layout.general.size >= 2 || (titled && layout.general.size >= 1));
}

class SheetReader {
  private readonly width: number;
  private readonly sources: SourceMap = new Map();
  private readonly problems: CellProblem[] = [];
  private readonly seenProblems = new Set<string>();
  private readonly tableRows = new Set<number>();

  constructor(private readonly grid: Grid) {
    this.width = scanWidth(grid);
  }

  layout(): Layout {
    const headings: Heading[] = [];
    const found: {
      kind: "diagnostics" | "plan" | "finalEvent";
      table: Omit<Table<string>, "rows">;
    }[] = [];

    for (let row = 0; row < this.grid.rows.length; row++) {
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
      for (let row = table.headerTop; row <= Math.max(table.headerBottom, ...rows); row++) {
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

    const finalStart = this.finalStart(headings, diagnostics);
    const general = this.generalFields(finalStart);
    return { headings, diagnostics, plan, finalEvent, general };
  }

  read(layout: Layout): SheetCard {
    const [entryTable, finalTable] = this.splitDiagnostics(layout);
    const finalStart = this.finalStart(layout.headings, layout.diagnostics);

    const general = {} as Record<GeneralField, Raw>;
    for (const [field, at] of layout.general) {
      general[field] = at.value;
      this.sources.set(`general.${field}`, cellAddress(at.row, at.col));
    }
    this.locateSection("general", layout.headings, layout.general.values().next().value);

    const entry = entryTable ? this.diagnosticRows(entryTable, "entry") : [];
    const finalRows = finalTable ? this.diagnosticRows(finalTable, "final.rows") : [];
    const plan = layout.plan ? this.planItems(layout.plan) : [];
    const finalEvent = layout.finalEvent ? this.finalEvent(layout.finalEvent) : {};
    const closing = this.closing(finalStart);

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

    const card = CardSchema.parse({
      general: general as Partial<GeneralInfo>,
      entry,
      plan,
      finalEvent,
      final: { rows: finalRows, ...closing },
    });
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
    );
    if (finalEvent) {
      return { kind: "finalEvent", table: finalEvent };
    }

    const plan = headerAt(this.grid, row, this.width, planRole, (roles) => {
      const supporting = ["period", "done", "competencies", "result"].filter((r) =>
        roles.has(r as PlanRole),
      );
      return roles.has("activity") && supporting.length >= 2;
    });
    if (plan) {
      return { kind: "plan", table: plan };
    }

    const diagnostics = headerAt(this.grid, row, this.width, diagnosticRole, (roles) => {
      const levels = ["low", "medium", "high"].filter((r) => roles.has(r as DiagnosticRole)).length;
      return roles.has("competency") && (levels >= 2 || roles.has("single"));
    });
    if (diagnostics) {
      return { kind: "diagnostics", table: diagnostics };
    }
    return undefined;
  }

  /** The first row of section 5's closing lines: after the final diagnostics, or its heading. */
  private finalStart(headings: Heading[], diagnostics: Table<DiagnosticRole>[]): number {
    const heading = headings.find((h) => h.name === "final");
    const finalTable = diagnostics.find((t) => heading !== undefined && t.headerTop > heading.row);
    if (finalTable) {
      return Math.max(finalTable.headerBottom, ...finalTable.rows) + 1;
    }
    return heading ? heading.row + 1 : this.grid.rows.length;
  }

  /** The entry table and the final one: by the heading above each, else by their order. */
  private splitDiagnostics(layout: Layout): [Table<DiagnosticRole>?, Table<DiagnosticRole>?] {
    const finalHeading = layout.headings.find((h) => h.name === "final");
    const isFinal = (table: Table<DiagnosticRole>) => {
      const above = layout.headings.filter((h) => h.row < table.headerTop && h.name !== "title");
      return (
        above[above.length - 1]?.name === "final" ||
        (finalHeading !== undefined && table.headerTop > finalHeading.row)
      );
    };
    const entry = layout.diagnostics.find((t) => !isFinal(t));
    const final = layout.diagnostics.find(
      (t) => t !== entry && (isFinal(t) || entry !== undefined),
    );
    return [entry, final];
  }

  // --- general information -------------------------------------------------------------

  private generalFields(finalStart: number): Map<GeneralField, ValueAt> {
    const fields = new Map<GeneralField, ValueAt>();
    const add = (field: GeneralField, at: ValueAt) => {
      if (!fields.has(field)) {
        fields.set(field, at);
      }
    };

    for (let row = 0; row < Math.min(finalStart, this.grid.rows.length); row++) {
      if (this.tableRows.has(row)) {
        continue;
      }
      const cells = this.grid.rows[row] ?? [];
      for (let col = 0; col < Math.min(cells.length, this.width); col++) {
        const cell = cells[col];
        if (typeof cell?.value !== "string" || cell.value.trim() === "") {
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

    // A heading row of labels («ФИО | Должность | Стаж») has its values on the row below.
    const left = (merge?.left ?? col) - 1;
    if (this.isLabel(row, right) || (left >= 0 && this.isLabel(row, left))) {
      return this.valueAtCell(bottom + 1, col);
    }

    for (let c = right; c < Math.min(right + 3, this.width); c++) {
      if (this.isLabel(row, c)) {
        break;
      }
      if (!isBlank(cellAt(this.grid, row, c))) {
        return this.valueAtCell(row, c);
      }
    }
    return this.valueAtCell(row, right);
  }

  private isLabel(row: number, col: number): boolean {
    const text = textAt(this.grid, row, col);
    return text !== "" && labelField(text) !== undefined;
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

  private diagnosticRows(table: Table<DiagnosticRole>, prefix: string): DiagnosticRow[] {
    const rows: DiagnosticRow[] = [];
    for (const row of table.rows) {
      const index = rows.length;
      const at = (role: DiagnosticRole) =>
        this.tableCell(table, row, role, `${prefix}.${index}.${role}`);

      const competency = at("competency");
      const results: DiagnosticRow["results"] = {};
      for (const slot of ["low", "medium", "high", "single"] as const) {
        const cell = this.tableGridCell(table, row, slot);
        const value = at(slot);
        if (value !== null) {
          const result: ResultCell = { value };
          if (isPercentFormat(cell)) {
            result.percentFormat = true;
          }
          results[slot] = result;
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
        this.forgetRow(`${prefix}.${index}.`);
        continue;
      }
      const competencyAddress = this.sources.get(`${prefix}.${index}.competency`);
      if (competencyAddress) {
        this.sources.set(`${prefix}.${index}`, competencyAddress);
      }
      rows.push({ competency, difficulties, results, note });
    }
    return rows;
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
    for (let col = 0; col < this.width; col++) {
      const cell = cellAt(this.grid, row, col);
      if (isBlank(cell)) {
        continue;
      }
      texts.add(String(cell!.value));
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
      const cells = this.grid.rows[row] ?? [];
      for (let col = 0; col < Math.min(cells.length, this.width); col++) {
        const cell = cells[col];
        if (typeof cell?.value !== "string") {
          continue;
        }
        const match = /^([^:_«"]{2,120}?)\s*(?::|_{2,}|(?=«))\s*(.*)$/s.exec(cell.value.trim());
        const label = match ? match[1]! : cell.value;
        const field = closingField(labelText(firstLine(label)));
        if (!field || field in fields) {
          continue;
        }
        const inline = match ? match[2]!.replace(/_{2,}/g, " ").trim() : "";
        if (
          inline !== "" &&
          !/^\(?[а-я\s,]*\)?$/i.test(inline.replace(/анализ реализации иом/gi, ""))
        ) {
          fields[field] = inline;
          this.sources.set(`final.${field}`, cellAddress(row, col));
          continue;
        }
        const at =
          field === "conclusions" ? this.conclusionsValue(row, col) : this.valueOf(row, col);
        fields[field] = at.value;
        this.sources.set(`final.${field}`, cellAddress(at.row, at.col));
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
    for (let r = row + 1; r < Math.min(row + 4, this.grid.rows.length); r++) {
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

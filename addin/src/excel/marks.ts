import { parseAddress } from "../../../lib/sheet/grid.js";
import type { LocatedFinding } from "../../../lib/sheet/located.js";
import type { Capabilities } from "./capabilities.js";
import type { SheetFills } from "./readSheets.js";

/** The workbook setting that remembers the marks, so «Снять отметки» works after a reopen. */
export const MARKS_SETTING = "iom-kit.marks";

/** Excel's own «Плохой» and «Нейтральный» fills: colours a methodist already reads. */
export const MARK_COLORS = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

/** The first line of every note the pane writes, so a reader knows where it came from. */
export const NOTE_TITLE = "Проверка ИОМ:";

/** A mark the pane put on a cell, and what the cell had before. */
export interface Mark {
  sheet: string;
  cell: string;
  /** The fill the pane set. */
  color: string;
  /** The cell's fill before: a colour, or none at all. */
  prior: { color: string; none: boolean };
  /** The note the pane added, or null where the cell had a note of its own (or notes are missing). */
  note: string | null;
}

/**
 * Queues the load of the marks kept in the workbook; the returned function reads them after
 * the next sync (which the caller makes anyway for its own work).
 */
export function queueMarks(context: Excel.RequestContext): () => Mark[] {
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load("value");
  return () => marksIn(setting);
}

/** The marks a loaded and synced setting holds. */
function marksIn(setting: Excel.Setting): Mark[] {
  return setting.isNullObject ? [] : parseMarks(setting.value);
}

/** What a cell shows: its fill, and its note (undefined where the host has no notes). */
export interface CellLook {
  fill: { color: string; none: boolean };
  note: string | null | undefined;
}

/** The looks of cells learnt beforehand (prepareLooks); undefined for a cell not known. */
export type Looks = (sheet: string, cell: string) => CellLook | undefined;

/**
 * Takes off the previous marks (where the cell still shows them) and marks the cells of the
 * findings: a fill by severity and, with ExcelApi 1.18, a note listing the cell's findings.
 * Where notes are missing, or the cell has a note of the user's own, the cell gets its colour
 * only and the pane's list says the rest. One sync to learn how the cells look (none where
 * `known` knows them all) and one to write, whatever the number of cells.
 *
 * @param sheets the workbook's sheet names: marks on a sheet renamed or deleted are dropped.
 * @param scope the sheets checked: marks on other sheets stay as they are (all by default).
 * @param known the looks learnt while the sheets were read (prepareLooks).
 * @returns the marks now in the workbook, also saved in its settings.
 */
export async function applyMarks(
  context: Excel.RequestContext,
  previous: readonly Mark[],
  findings: readonly LocatedFinding[],
  sheets: ReadonlySet<string>,
  capabilities: Pick<Capabilities, "notes" | "fillPattern">,
  scope: ReadonlySet<string> = sheets,
  known: Looks = () => undefined,
): Promise<Mark[]> {
  const targets = targetsOf(findings).filter((target) => sheets.has(target.sheet));
  const kept = previous.filter((mark) => sheets.has(mark.sheet) && scope.has(mark.sheet));
  const untouched = previous.filter((mark) => sheets.has(mark.sheet) && !scope.has(mark.sheet));

  const looks = new Map<string, CellLook>();
  const pending = new Map<string, CellState>();
  for (const place of [...kept, ...targets]) {
    const id = placeId(place);
    if (looks.has(id) || pending.has(id)) {
      continue;
    }
    const look = known(place.sheet, place.cell);
    if (look) {
      looks.set(id, look);
    } else {
      pending.set(id, queueCellState(context, place, capabilities));
    }
  }
  if (pending.size > 0) {
    await context.sync();
    for (const [id, state] of pending) {
      looks.set(id, lookOf(state, capabilities));
    }
  }

  const restored = new Map<string, Mark>();
  for (const mark of kept) {
    const look = looks.get(placeId(mark))!;
    if (sameColor(look.fill.color, mark.color)) {
      restoreFill(rangeOf(context, mark), mark.prior);
      restored.set(placeId(mark), mark);
    }
    if (mark.note !== null && look.note === mark.note) {
      context.workbook.worksheets.getItem(mark.sheet).notes.getItem(mark.cell).delete();
    }
  }

  const marks: Mark[] = [...untouched];
  for (const target of targets) {
    const id = placeId(target);
    const look = looks.get(id)!;
    const color = MARK_COLORS[target.severity];
    const prior = restored.get(id)?.prior ?? look.fill;
    rangeOf(context, target).format.fill.color = color;

    const earlier = kept.find((mark) => placeId(mark) === id);
    const ownNote = earlier !== undefined && earlier.note !== null && look.note === earlier.note;
    const free = look.note !== undefined && (look.note === null || ownNote);
    const note = free ? noteText(target.messages) : null;
    if (note !== null) {
      context.workbook.worksheets.getItem(target.sheet).notes.add(target.cell, note);
    }
    marks.push({ sheet: target.sheet, cell: target.cell, color, prior, note });
  }

  saveMarks(context, marks);
  await context.sync();
  return marks;
}

/**
 * Queues, with the reading of a check, what its marks need to know of the cells, so that
 * marking takes one sync rather than two: every used cell's fill, loaded with the values
 * (ExcelApi 1.9, through `fills`); the workbook's notes (ExcelApi 1.18: their text with the
 * sheets, their cells with the values, through `alongside`); and how the cells of the
 * previous marks look now. A cell outside the sheets' used ranges, or any cell on a host
 * without 1.9, is not known, and `applyMarks` asks Excel about it in a sync of its own.
 *
 * Call before the reader's first sync; pass `fills` and `alongside` to `readSheets`, then
 * `known` to `applyMarks`.
 *
 * @param previous the marks of the workbook, readable once the first sync is done.
 * @param sheets the workbook's sheet names, likewise.
 */
export function prepareLooks(
  context: Excel.RequestContext,
  previous: () => Mark[],
  sheets: () => ReadonlySet<string>,
  capabilities: Pick<Capabilities, "notes" | "fillPattern">,
): { fills: Map<string, SheetFills> | undefined; alongside: () => void; known: Looks } {
  const fills = capabilities.fillPattern ? new Map<string, SheetFills>() : undefined;
  const notes = capabilities.notes ? queueNotes(context) : null;
  let states = new Map<string, CellState>();
  let located: (() => Map<string, string>) | null = null;

  return {
    fills,
    alongside() {
      const names = sheets();
      states = new Map();
      for (const mark of previous().filter((m) => names.has(m.sheet))) {
        states.set(placeId(mark), queueCellState(context, mark, capabilities));
      }
      located = notes ? locateNotes(notes) : null;
    },
    known(sheet, cell) {
      const state = states.get(placeId({ sheet, cell }));
      if (state) {
        return lookOf(state, capabilities);
      }
      const fill = fills ? fillAt(fills.get(sheet), cell) : undefined;
      if (!fill || (notes && !located)) {
        return undefined;
      }
      const note = located ? (located().get(placeId({ sheet, cell })) ?? null) : undefined;
      return { fill: priorOf(fill.color, fill.pattern, true), note };
    },
  };
}

/**
 * Takes off exactly what `applyMarks` added: a fill still the pane's colour goes back to the
 * cell's own (or to none), a note still the pane's text is deleted; a cell the user has
 * changed since keeps the user's change. Two syncs.
 */
export async function removeMarks(
  context: Excel.RequestContext,
  previous: readonly Mark[],
  sheets: ReadonlySet<string>,
  capabilities: Pick<Capabilities, "notes" | "fillPattern">,
): Promise<void> {
  await applyMarks(context, previous, [], sheets, capabilities);
}

interface Target {
  sheet: string;
  cell: string;
  severity: "error" | "warning";
  messages: string[];
}

/** One target a cell: its worst severity and every message, errors first. */
function targetsOf(findings: readonly LocatedFinding[]): Target[] {
  const targets = new Map<string, Target>();
  for (const finding of findings) {
    if (finding.sheet === null || finding.cell === null) {
      continue;
    }
    const id = placeId({ sheet: finding.sheet, cell: finding.cell });
    const target = targets.get(id) ?? {
      sheet: finding.sheet,
      cell: finding.cell,
      severity: "warning",
      messages: [],
    };
    if (finding.severity === "error") {
      target.severity = "error";
      target.messages.unshift(finding.message);
    } else {
      target.messages.push(finding.message);
    }
    targets.set(id, target);
  }
  return [...targets.values()];
}

interface CellState {
  fill: Excel.RangeFill;
  note: Excel.Note | undefined;
}

function queueCellState(
  context: Excel.RequestContext,
  place: { sheet: string; cell: string },
  capabilities: Pick<Capabilities, "notes" | "fillPattern">,
): CellState {
  const sheet = context.workbook.worksheets.getItem(place.sheet);
  const fill = fillOf(sheet.getRange(place.cell));
  if (capabilities.fillPattern) {
    fill.load("color,pattern");
  } else {
    fill.load("color");
  }
  const note = capabilities.notes ? sheet.notes.getItemOrNullObject(place.cell) : undefined;
  note?.load("content");
  return { fill, note };
}

/** A range's fill: a navigation property, which Office.js gives without a load. */
function fillOf(range: Excel.Range): Excel.RangeFill {
  return range.format.fill;
}

/** A loaded and synced cell state as a look. */
function lookOf(state: CellState, capabilities: Pick<Capabilities, "fillPattern">): CellLook {
  const { fill, note } = state;
  return {
    fill: priorOf(
      fill.color,
      capabilities.fillPattern ? fill.pattern : undefined,
      capabilities.fillPattern,
    ),
    note: note === undefined ? undefined : note.isNullObject ? null : note.content,
  };
}

/**
 * The fill to restore. Before ExcelApi 1.9 a cell with no fill and a white one both read as
 * #FFFFFF; white is then taken for none, which looks the same but for the gridlines.
 */
function priorOf(
  color: string | null | undefined,
  pattern: string | undefined,
  withPattern: boolean,
): Mark["prior"] {
  const shown = color ?? "#FFFFFF";
  const none = withPattern ? pattern === "None" : sameColor(shown, "#FFFFFF");
  return { color: shown, none };
}

/** A cell's fill as `getCellProperties` gave it with the values; undefined outside the range. */
function fillAt(
  fills: SheetFills | undefined,
  cell: string,
): { color?: string; pattern?: string } | undefined {
  if (!fills) {
    return undefined;
  }
  const { row, col } = parseAddress(cell);
  return fills.cells[row - fills.top]?.[col - fills.left]?.format?.fill;
}

/** The workbook's notes, their text queued for loading (ExcelApi 1.18). */
function queueNotes(context: Excel.RequestContext): Excel.NoteCollection {
  const notes = context.workbook.notes;
  notes.load("items/content");
  return notes;
}

/**
 * Queues the cell of every note (their text loaded by the last sync); the returned function
 * gives the notes by place once the next sync is done.
 */
function locateNotes(notes: Excel.NoteCollection): () => Map<string, string> {
  const located = notes.items.map((note) => {
    const cell = note.getLocation();
    cell.load("address");
    return { note, cell };
  });
  return () => notesByPlace(located);
}

function notesByPlace(located: { note: Excel.Note; cell: Excel.Range }[]): Map<string, string> {
  const places = new Map<string, string>();
  for (const { note, cell } of located) {
    const place = placeOf(cell.address);
    if (place) {
      places.set(placeId(place), note.content);
    }
  }
  return places;
}

/** «'Карта ИОМ'!$C$23» as its sheet and cell. */
function placeOf(address: string): { sheet: string; cell: string } | null {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)/.exec(address);
  if (!match) {
    return null;
  }
  return { sheet: match[1]?.replace(/''/g, "'") ?? match[2]!, cell: `${match[3]}${match[4]}` };
}

function rangeOf(
  context: Excel.RequestContext,
  place: { sheet: string; cell: string },
): Excel.Range {
  return context.workbook.worksheets.getItem(place.sheet).getRange(place.cell);
}

function restoreFill(range: Excel.Range, prior: Mark["prior"]): void {
  if (prior.none) {
    range.format.fill.clear();
  } else {
    range.format.fill.color = prior.color;
  }
}

function saveMarks(context: Excel.RequestContext, marks: Mark[]): void {
  if (marks.length > 0) {
    context.workbook.settings.add(MARKS_SETTING, JSON.stringify(marks));
    return;
  }
  // A setting cannot be deleted through a null object: add it empty rather than look it up.
  context.workbook.settings.add(MARKS_SETTING, "[]");
}

function noteText(messages: string[]): string {
  return [NOTE_TITLE, ...messages.map((message) => `• ${message}`)].join("\n");
}

/** Marks from the setting's value; anything unreadable is no marks rather than a failure. */
export function parseMarks(value: unknown): Mark[] {
  try {
    const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
    return Array.isArray(parsed) ? parsed.filter(isMark) : [];
  } catch {
    return [];
  }
}

function isMark(value: unknown): value is Mark {
  const mark = value as Partial<Mark> | null;
  return (
    typeof mark?.sheet === "string" &&
    typeof mark.cell === "string" &&
    typeof mark.color === "string" &&
    typeof mark.prior?.color === "string" &&
    typeof mark.prior.none === "boolean" &&
    (mark.note === null || typeof mark.note === "string")
  );
}

function placeId(place: { sheet: string; cell: string }): string {
  return `${place.sheet}\u0000${place.cell.toUpperCase()}`;
}

function sameColor(a: string | undefined, b: string): boolean {
  return (a ?? "").toUpperCase() === b.toUpperCase();
}

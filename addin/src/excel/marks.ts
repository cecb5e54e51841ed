import type { LocatedFinding } from "../../../lib/sheet/located.js";
import type { Capabilities } from "./capabilities.js";

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

/**
 * Takes off the previous marks (where the cell still shows them) and marks the cells of the
 * findings: a fill by severity and, with ExcelApi 1.18, a note listing the cell's findings.
 * Where notes are missing, or the cell has a note of the user's own, the cell gets its colour
 * only and the pane's list says the rest. Two syncs whatever the number of cells.
 *
 * @param sheets the workbook's sheet names: marks on a sheet renamed or deleted are dropped.
 * @param scope the sheets checked: marks on other sheets stay as they are (all by default).
 * @returns the marks now in the workbook, also saved in its settings.
 */
export async function applyMarks(
  context: Excel.RequestContext,
  previous: readonly Mark[],
  findings: readonly LocatedFinding[],
  sheets: ReadonlySet<string>,
  capabilities: Pick<Capabilities, "notes" | "fillPattern">,
  scope: ReadonlySet<string> = sheets,
): Promise<Mark[]> {
  const targets = targetsOf(findings).filter((target) => sheets.has(target.sheet));
  const kept = previous.filter((mark) => sheets.has(mark.sheet) && scope.has(mark.sheet));
  const untouched = previous.filter((mark) => sheets.has(mark.sheet) && !scope.has(mark.sheet));

  const states = new Map<string, CellState>();
  for (const place of [...kept, ...targets]) {
    const id = placeId(place);
    if (!states.has(id)) {
      states.set(id, queueCellState(context, place, capabilities));
    }
  }
  await context.sync();

  const restored = new Map<string, Mark>();
  for (const mark of kept) {
    const state = states.get(placeId(mark))!;
    if (sameColor(state.fill.color, mark.color)) {
      restoreFill(state.range, mark.prior);
      restored.set(placeId(mark), mark);
    }
    if (
      mark.note !== null &&
      state.note &&
      !state.note.isNullObject &&
      state.note.content === mark.note
    ) {
      state.note.delete();
    }
  }

  const marks: Mark[] = [...untouched];
  for (const target of targets) {
    const id = placeId(target);
    const state = states.get(id)!;
    const color = MARK_COLORS[target.severity];
    const prior = restored.get(id)?.prior ?? priorFill(state.fill, capabilities.fillPattern);
    state.range.format.fill.color = color;

    const earlier = kept.find((mark) => placeId(mark) === id);
    const ownNote =
      earlier !== undefined &&
      earlier.note !== null &&
      state.note?.isNullObject === false &&
      state.note.content === earlier.note;
    const free = state.note !== undefined && (state.note.isNullObject || ownNote);
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
  range: Excel.Range;
  fill: Excel.RangeFill;
  note: Excel.Note | undefined;
}

function queueCellState(
  context: Excel.RequestContext,
  place: { sheet: string; cell: string },
  capabilities: Pick<Capabilities, "notes" | "fillPattern">,
): CellState {
  const sheet = context.workbook.worksheets.getItem(place.sheet);
  const range = sheet.getRange(place.cell);
  if (capabilities.fillPattern) {
    range.format.fill.load("color,pattern");
  } else {
    range.format.fill.load("color");
  }
  const note = capabilities.notes ? sheet.notes.getItemOrNullObject(place.cell) : undefined;
  note?.load("content");
  return { range, fill: fillOf(range), note };
}

/**
 * The fill to restore. Before ExcelApi 1.9 a cell with no fill and a white one both read as
 * #FFFFFF; white is then taken for none, which looks the same but for the gridlines.
 */
function priorFill(fill: Excel.RangeFill, withPattern: boolean): Mark["prior"] {
  const color = fill.color ?? "#FFFFFF";
  const none = withPattern ? fill.pattern === "None" : sameColor(color, "#FFFFFF");
  return { color, none };
}

/** A range's fill: a navigation property, which Office.js gives without a load. */
function fillOf(range: Excel.Range): Excel.RangeFill {
  return range.format.fill;
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

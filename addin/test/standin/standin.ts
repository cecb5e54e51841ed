/**
 * An in-memory stand-in for the part of the Excel JavaScript API the pane uses, strict where
 * Office is strict: a property read before it was loaded and synced throws PropertyNotLoaded,
 * writes and loads take effect only at `context.sync()`, a request whose answer passes the
 * payload limit fails with RequestPayloadSizeLimitExceeded, and APIs of sets the host does not
 * support fail with ApiNotFound. It counts runs and syncs and logs every property loaded, so
 * that tests can pin how the adapter talks to Excel. Runs in Node (unit tests) and in a page
 * (the end-to-end tests put it where office.js would be).
 */
import { cellAddress, sheetReference } from "../../../lib/sheet/grid.js";
import type { Range as Area } from "../../../lib/sheet/grid.js";
import type { WorkbookData } from "./workbook.js";
import { key, normalize, parseRange, SheetState } from "./workbook.js";

/** What a test sees of the stand-in. */
export interface Standin {
  Excel: typeof Excel;
  Office: typeof Office;
  state: StandinState;
}

export class StandinState {
  name: string;
  sheets: SheetState[];
  active: string;
  selection: { sheet: string; address: string } | null = null;
  settings: Map<string, unknown>;
  runs = 0;
  syncs = 0;
  /** Every property loaded, «Range.values», in order. */
  loads: string[] = [];
  /** The largest answer of one sync, in bytes. */
  largestAnswer = 0;
  readonly apiVersion: string;
  readonly payloadLimit: number;

  constructor(data: WorkbookData) {
    this.name = data.name ?? "Книга1.xlsx";
    this.sheets = data.sheets.map((sheet) => new SheetState(sheet.name, sheet));
    this.active = data.active ?? data.sheets[0]?.name ?? "";
    this.settings = new Map(Object.entries(data.settings ?? {}));
    this.apiVersion = data.apiVersion ?? "1.18";
    this.payloadLimit = data.payloadLimit ?? 5 * 1024 * 1024;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  supports(version: string): boolean {
    const [major, minor] = version.split(".").map(Number) as [number, number];
    const [hasMajor, hasMinor] = this.apiVersion.split(".").map(Number) as [number, number];
    return hasMajor > major || (hasMajor === major && hasMinor >= minor);
  }

  /** The workbook as data: what it holds when saved, for a pane opened on it again. */
  toData(): WorkbookData {
    return {
      name: this.name,
      sheets: this.sheets.map((sheet) => sheet.toData()),
      active: this.active,
      apiVersion: this.apiVersion,
      payloadLimit: this.payloadLimit,
      settings: Object.fromEntries(this.settings),
    };
  }

  /** The counters' values, to compare before and after an action. */
  counters(): { runs: number; syncs: number } {
    return { runs: this.runs, syncs: this.syncs };
  }
}

/**
 * A stand-in for `Excel` and `Office` over a workbook.
 *
 * @example const { Excel, state } = createStandin({ sheets: [{ name: "Карта", cells: [["ФИО"]] }] });
 */
export function createStandin(data: WorkbookData): Standin {
  const state = new StandinState(data);
  const excel = {
    run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      state.runs++;
      const context = new Context(state);
      return await batch(context as unknown as Excel.RequestContext);
    },
  };
  const office = {
    HostType: { Excel: "Excel" },
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "ExcelApi" ? state.supports(version ?? "1.1") : false,
      },
    },
  };
  return {
    Excel: excel as unknown as typeof Excel,
    Office: office as unknown as typeof Office,
    state,
  };
}

/** An Office error as Office.js throws it: a code and a message. */
export class StandinError extends Error {
  override name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Operation =
  { kind: "load"; target: Proxy; props: string[] } | { kind: "write"; apply: () => void };

class Context {
  readonly workbook: WorkbookProxy;
  private queue: Operation[] = [];

  constructor(readonly state: StandinState) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(operation: Operation): void {
    this.queue.push(operation);
  }

  async sync(): Promise<void> {
    this.state.syncs++;
    const queue = this.queue;
    this.queue = [];

    let bytes = 0;
    const answers: { target: Proxy; values: Map<string, unknown> }[] = [];
    for (const operation of queue) {
      if (operation.kind === "write") {
        operation.apply();
        continue;
      }
      const values = operation.target.resolve(operation.props);
      bytes += new TextEncoder().encode(JSON.stringify([...values.values()])).length;
      answers.push({ target: operation.target, values });
    }
    if (bytes > this.state.payloadLimit) {
      throw new StandinError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} > ${this.state.payloadLimit} bytes).`,
      );
    }
    this.state.largestAnswer = Math.max(this.state.largestAnswer, bytes);
    for (const { target, values } of answers) {
      target.receive(values);
    }
    for (const operation of queue) {
      if (operation.kind === "load") {
        operation.target.synced = true;
      }
    }
  }

  /** A proxy created now is resolved (its null-ness known) at the next sync. */
  track(proxy: Proxy): void {
    this.enqueue({ kind: "load", target: proxy, props: [] });
  }

  requireSet(version: string, api: string): void {
    if (!this.state.supports(version)) {
      throw new StandinError(
        "ApiNotFound",
        `${api} needs ExcelApi ${version}; this host has ${this.state.apiVersion}`,
      );
    }
  }
}

/** A client object: properties readable only once loaded and synced. */
abstract class Proxy {
  synced = false;
  private readonly loaded = new Map<string, unknown>();
  private nullness: boolean | undefined;

  constructor(protected readonly context: Context) {
    context.track(this);
  }

  load(props?: string | string[] | { select?: string }): this {
    const list =
      typeof props === "string"
        ? props
        : Array.isArray(props)
          ? props.join(",")
          : (props?.select ?? "");
    const names = list
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "");
    if (names.length === 0) {
      // office-addins/no-empty-load: loading everything is what a careful adapter avoids.
      throw new StandinError(
        "InvalidArgument",
        `${this.kind}.load() without properties loads everything`,
      );
    }
    names.forEach((name) => this.context.state.loads.push(`${this.kind}.${name}`));
    this.context.enqueue({ kind: "load", target: this, props: names });
    return this;
  }

  get isNullObject(): boolean {
    if (this.nullness === undefined) {
      throw notLoaded("isNullObject");
    }
    return this.nullness;
  }

  /** The values of the properties asked for, from the live model. */
  resolve(props: string[]): Map<string, unknown> {
    const values = new Map<string, unknown>();
    const isNull = this.isNull();
    values.set("$null", isNull);
    if (!isNull) {
      for (const prop of props) {
        values.set(prop, this.property(prop));
      }
    }
    return values;
  }

  receive(values: Map<string, unknown>): void {
    for (const [name, value] of values) {
      if (name === "$null") {
        this.nullness = value as boolean;
      } else {
        this.loaded.set(name, value);
      }
    }
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw notLoaded(name);
    }
    return this.loaded.get(name) as T;
  }

  protected write(apply: () => void): void {
    this.context.enqueue({ kind: "write", apply });
  }

  protected abstract readonly kind: string;
  protected abstract isNull(): boolean;
  protected abstract property(name: string): unknown;
}

function notLoaded(name: string): StandinError {
  return new StandinError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

class WorkbookProxy extends Proxy {
  protected readonly kind = "Workbook";
  readonly worksheets: WorksheetsProxy;
  readonly settings: SettingsProxy;

  constructor(context: Context) {
    super(context);
    this.worksheets = new WorksheetsProxy(context);
    this.settings = new SettingsProxy(context);
  }

  get name(): string {
    return this.read("name");
  }

  protected isNull(): boolean {
    return false;
  }

  protected property(name: string): unknown {
    if (name === "name") {
      return this.context.state.name;
    }
    throw new StandinError("InvalidArgument", `Workbook.${name} is not in the stand-in`);
  }
}

class WorksheetsProxy extends Proxy {
  protected readonly kind = "WorksheetCollection";
  private itemProps: string[] = [];
  private itemProxies: WorksheetProxy[] | undefined;

  override load(props?: string | string[] | { select?: string }): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : [];
    this.itemProps = list
      .map((p) => p.trim())
      .filter((p) => p.startsWith("items/"))
      .map((p) => p.slice(6));
    return super.load(
      list.map((p) => (p.trim().startsWith("items/") ? "items" : p)).filter(unique),
    );
  }

  get items(): WorksheetProxy[] {
    return this.read<WorksheetProxy[]>("items");
  }

  override receive(values: Map<string, unknown>): void {
    if (values.has("items")) {
      const names = values.get("items") as string[];
      this.itemProxies = names.map((name) => {
        const sheet = new WorksheetProxy(this.context, () => this.context.state.sheet(name));
        sheet.receive(sheet.resolve(this.itemProps));
        sheet.synced = true;
        return sheet;
      });
      values.set("items", this.itemProxies);
    }
    super.receive(values);
  }

  add(name: string): WorksheetProxy {
    this.write(() => {
      if (this.context.state.sheet(name)) {
        throw new StandinError("ItemAlreadyExists", `A sheet named ${name} already exists`);
      }
      this.context.state.sheets.push(new SheetState(name, { name, cells: [] }));
    });
    return new WorksheetProxy(this.context, () => this.context.state.sheet(name), false);
  }

  getActiveWorksheet(): WorksheetProxy {
    const name = this.context.state.active;
    return new WorksheetProxy(this.context, () => this.context.state.sheet(name), true);
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.state.sheet(name), true);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.state.sheet(name), false);
  }

  protected isNull(): boolean {
    return false;
  }

  protected property(name: string): unknown {
    if (name === "items") {
      return this.context.state.sheets.map((sheet) => sheet.name);
    }
    throw new StandinError("InvalidArgument", `WorksheetCollection.${name} is not in the stand-in`);
  }
}

class WorksheetProxy extends Proxy {
  protected readonly kind = "Worksheet";

  constructor(
    context: Context,
    private readonly target: () => SheetState | undefined,
    private readonly required = true,
  ) {
    super(context);
  }

  get name(): string {
    return this.read("name");
  }

  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(visibility: string) {
    this.write(() => {
      this.sheet().visibility = visibility as SheetState["visibility"];
    });
  }

  delete(): void {
    this.write(() => {
      const state = this.context.state;
      state.sheets = state.sheets.filter((sheet) => sheet !== this.sheet());
    });
  }

  get notes(): NotesProxy {
    this.context.requireSet("1.18", "Worksheet.notes");
    return new NotesProxy(this.context, () => this.sheet());
  }

  activate(): void {
    this.write(() => {
      this.context.state.active = this.sheet().name;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true) {
      throw new StandinError(
        "InvalidArgument",
        "the stand-in keeps values only: call getUsedRangeOrNullObject(true)",
      );
    }
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      const used = sheet?.usedRange();
      return sheet && used ? { sheet, area: used } : null;
    });
  }

  getRange(address: string): RangeProxy {
    return new RangeProxy(
      this.context,
      () => ({ sheet: this.sheet(), area: parseRange(address) }),
      true,
    );
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    if (rows < 1 || cols < 1) {
      throw new StandinError(
        "InvalidArgument",
        `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols})`,
      );
    }
    return new RangeProxy(
      this.context,
      () => ({
        sheet: this.sheet(),
        area: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 },
      }),
      true,
    );
  }

  private sheet(): SheetState {
    const sheet = this.target();
    if (!sheet) {
      throw new StandinError("ItemNotFound", "The requested resource doesn't exist.");
    }
    return sheet;
  }

  protected isNull(): boolean {
    const sheet = this.target();
    if (!sheet && this.required) {
      throw new StandinError("ItemNotFound", "The requested resource doesn't exist.");
    }
    return !sheet;
  }

  protected property(name: string): unknown {
    const sheet = this.sheet();
    switch (name) {
      case "name":
        return sheet.name;
      case "visibility":
        return sheet.visibility;
      default:
        throw new StandinError("InvalidArgument", `Worksheet.${name} is not in the stand-in`);
    }
  }
}

type RangeTarget = { sheet: SheetState; area: Area } | null;

class RangeProxy extends Proxy {
  protected readonly kind = "Range";
  readonly format: { fill: FillProxy };

  constructor(
    context: Context,
    private readonly target: () => RangeTarget,
    private readonly required = false,
  ) {
    super(context);
    this.format = { fill: new FillProxy(context, () => this.live()) };
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(values: unknown[][]) {
    this.write(() =>
      this.each((sheet, r, c, i, j) =>
        sheet.setValue(r, c, values[i]![j] as string | number | boolean),
      ),
    );
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.write(() =>
      this.each((sheet, r, c, i, j) => sheet.setFormat(r, c, String(formats[i]![j]))),
    );
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }

  copyFrom(source: RangeProxy, copyType: string): void {
    if (copyType !== "Formats") {
      throw new StandinError(
        "InvalidArgument",
        `the stand-in copies formats only, not ${copyType}`,
      );
    }
    this.context.requireSet("1.9", "Range.copyFrom");
    this.write(() => {
      const from = source.live();
      this.each((sheet, r, c) => {
        sheet.setFormat(r, c, from.sheet.formatAt(from.area.top, from.area.left));
        const fill = from.sheet.fills.get(key(from.area.top, from.area.left));
        if (fill) {
          sheet.fills.set(key(r, c), { ...fill });
        }
      });
    });
  }

  private each(
    apply: (sheet: SheetState, row: number, col: number, i: number, j: number) => void,
  ): void {
    const { sheet, area } = this.live();
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        apply(sheet, r, c, r - area.top, c - area.left);
      }
    }
  }

  select(): void {
    this.write(() => {
      const { sheet, area } = this.live();
      this.context.state.selection = { sheet: sheet.name, address: areaAddress(area) };
    });
  }

  getMergedAreasOrNullObject(): AreasProxy {
    this.context.requireSet("1.13", "Range.getMergedAreasOrNullObject");
    return new AreasProxy(this.context, () => {
      const target = this.target();
      if (!target) {
        return null;
      }
      const { sheet, area } = target;
      const merges = sheet.merges.filter(
        (m) =>
          m.top <= area.bottom &&
          m.bottom >= area.top &&
          m.left <= area.right &&
          m.right >= area.left,
      );
      return merges.length === 0
        ? null
        : merges.map((m) => `${sheetReference(sheet.name)}!${areaAddress(m)}`).join(", ");
    });
  }

  live(): { sheet: SheetState; area: Area } {
    const target = this.target();
    if (!target) {
      throw new StandinError("InvalidObjectPath", "The range is a null object");
    }
    return target;
  }

  protected isNull(): boolean {
    const target = this.target();
    if (!target && this.required) {
      throw new StandinError("ItemNotFound", "The requested resource doesn't exist.");
    }
    return !target;
  }

  protected property(name: string): unknown {
    const { sheet, area } = this.live();
    const grid = <T>(at: (row: number, col: number) => T): T[][] =>
      Array.from({ length: area.bottom - area.top + 1 }, (_, r) =>
        Array.from({ length: area.right - area.left + 1 }, (_, c) =>
          at(area.top + r, area.left + c),
        ),
      );
    switch (name) {
      case "address":
        return `${sheetReference(sheet.name)}!${areaAddress(area)}`;
      case "rowIndex":
        return area.top;
      case "columnIndex":
        return area.left;
      case "rowCount":
        return area.bottom - area.top + 1;
      case "columnCount":
        return area.right - area.left + 1;
      case "values":
        return grid((r, c) => sheet.cells.get(key(r, c))?.value ?? "");
      case "numberFormat":
        return grid((r, c) => sheet.formatAt(r, c));
      case "formulas":
        return grid((r, c) => {
          const cell = sheet.cells.get(key(r, c));
          return cell?.formula ?? cell?.value ?? "";
        });
      default:
        throw new StandinError("InvalidArgument", `Range.${name} is not in the stand-in`);
    }
  }
}

class FillProxy extends Proxy {
  protected readonly kind = "RangeFill";

  constructor(
    context: Context,
    private readonly target: () => { sheet: SheetState; area: Area },
  ) {
    super(context);
  }

  get color(): string {
    return this.read("color");
  }
  set color(color: string) {
    this.write(() =>
      this.each((sheet, k) => sheet.fills.set(k, { color: color.toUpperCase(), pattern: "Solid" })),
    );
  }

  get pattern(): string {
    this.context.requireSet("1.9", "RangeFill.pattern");
    return this.read("pattern");
  }

  clear(): void {
    this.write(() => this.each((sheet, k) => sheet.fills.delete(k)));
  }

  private each(apply: (sheet: SheetState, k: string) => void): void {
    const { sheet, area } = this.target();
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        apply(sheet, key(r, c));
      }
    }
  }

  protected isNull(): boolean {
    return false;
  }

  protected property(name: string): unknown {
    const { sheet, area } = this.target();
    const fill = sheet.fillAt(area.top, area.left);
    switch (name) {
      case "color":
        return fill.color;
      case "pattern":
        this.context.requireSet("1.9", "RangeFill.pattern");
        return fill.pattern;
      default:
        throw new StandinError("InvalidArgument", `RangeFill.${name} is not in the stand-in`);
    }
  }
}

class AreasProxy extends Proxy {
  protected readonly kind = "RangeAreas";

  constructor(
    context: Context,
    private readonly target: () => string | null,
  ) {
    super(context);
  }

  get address(): string {
    return this.read("address");
  }

  protected isNull(): boolean {
    return this.target() === null;
  }

  protected property(name: string): unknown {
    if (name === "address") {
      return this.target();
    }
    throw new StandinError("InvalidArgument", `RangeAreas.${name} is not in the stand-in`);
  }
}

class NotesProxy extends Proxy {
  protected readonly kind = "NoteCollection";

  constructor(
    context: Context,
    private readonly target: () => SheetState,
  ) {
    super(context);
  }

  add(address: string, content: string): void {
    const cell = normalize(address);
    this.write(() => {
      const sheet = this.target();
      if (sheet.notes.has(cell)) {
        throw new StandinError("InvalidArgument", `The cell ${cell} already has a note`);
      }
      sheet.notes.set(cell, content);
    });
  }

  getItemOrNullObject(address: string): NoteProxy {
    return new NoteProxy(this.context, this.target, normalize(address));
  }

  protected isNull(): boolean {
    return false;
  }

  protected property(name: string): unknown {
    throw new StandinError("InvalidArgument", `NoteCollection.${name} is not in the stand-in`);
  }
}

class NoteProxy extends Proxy {
  protected readonly kind = "Note";

  constructor(
    context: Context,
    private readonly target: () => SheetState,
    private readonly cell: string,
  ) {
    super(context);
  }

  get content(): string {
    return this.read("content");
  }

  delete(): void {
    this.write(() => {
      this.target().notes.delete(this.cell);
    });
  }

  protected isNull(): boolean {
    return !this.target().notes.has(this.cell);
  }

  protected property(name: string): unknown {
    if (name === "content") {
      return this.target().notes.get(this.cell);
    }
    throw new StandinError("InvalidArgument", `Note.${name} is not in the stand-in`);
  }
}

class SettingsProxy extends Proxy {
  protected readonly kind = "SettingCollection";

  add(name: string, value: unknown): void {
    const copy = JSON.parse(JSON.stringify(value)) as unknown;
    this.write(() => this.context.state.settings.set(name, copy));
  }

  getItemOrNullObject(name: string): SettingProxy {
    return new SettingProxy(this.context, name);
  }

  protected isNull(): boolean {
    return false;
  }

  protected property(name: string): unknown {
    throw new StandinError("InvalidArgument", `SettingCollection.${name} is not in the stand-in`);
  }
}

class SettingProxy extends Proxy {
  protected readonly kind = "Setting";

  constructor(
    context: Context,
    private readonly name: string,
  ) {
    super(context);
  }

  get value(): unknown {
    return this.read("value");
  }

  delete(): void {
    this.write(() => this.context.state.settings.delete(this.name));
  }

  protected isNull(): boolean {
    return !this.context.state.settings.has(this.name);
  }

  protected property(name: string): unknown {
    if (name === "value") {
      return this.context.state.settings.get(this.name);
    }
    throw new StandinError("InvalidArgument", `Setting.${name} is not in the stand-in`);
  }
}

function areaAddress(area: Area): string {
  const from = cellAddress(area.top, area.left);
  const to = cellAddress(area.bottom, area.right);
  return from === to ? from : `${from}:${to}`;
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}

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
import type { ChartState, ConditionalState, ValidationState, WorkbookData } from "./workbook.js";
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
  /** The workbook's defined names and their formulas, «='Справочники'!$A$2:$A$16». */
  names = new Map<string, string>();
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

  /** A sheet by its name, as Excel finds it: letter case aside. */
  sheet(name: string): SheetState | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted);
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
  readonly names: NamedItemsProxy;
  private allNotes: WorkbookNotesProxy | undefined;

  constructor(context: Context) {
    super(context);
    this.worksheets = new WorksheetsProxy(context);
    this.settings = new SettingsProxy(context);
    this.names = new NamedItemsProxy(context, () => context.state.names);
  }

  get notes(): WorkbookNotesProxy {
    this.context.requireSet("1.18", "Workbook.notes");
    return (this.allNotes ??= new WorkbookNotesProxy(this.context));
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
    let added: SheetState | undefined;
    this.write(() => {
      if (this.context.state.sheet(name)) {
        throw new StandinError("ItemAlreadyExists", `A sheet named ${name} already exists`);
      }
      added = new SheetState(checkSheetName(name), { name, cells: [] });
      this.context.state.sheets.push(added);
    });
    return new WorksheetProxy(this.context, () => added, false);
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
  /** The sheet once found: Office.js follows a sheet by its id, through a rename too. */
  private found: SheetState | undefined;

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
  set name(name: string) {
    this.write(() => {
      const sheet = this.sheet();
      const other = this.context.state.sheet(name);
      if (other && other !== sheet) {
        throw new StandinError("ItemAlreadyExists", `A sheet named ${name} already exists`);
      }
      sheet.name = checkSheetName(name);
    });
  }

  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(visibility: string) {
    this.write(() => {
      this.sheet().visibility = visibility as SheetState["visibility"];
    });
  }

  set showGridlines(show: boolean) {
    this.context.requireSet("1.8", "Worksheet.showGridlines");
    this.write(() => {
      this.sheet().showGridlines = show;
    });
  }

  delete(): void {
    this.write(() => {
      const state = this.context.state;
      const sheet = this.sheet();
      if (
        sheet.visibility === "Visible" &&
        !state.sheets.some((other) => other !== sheet && other.visibility === "Visible")
      ) {
        throw new StandinError("InvalidOperation", "A workbook must keep one visible sheet");
      }
      state.sheets = state.sheets.filter((other) => other !== sheet);
    });
  }

  get notes(): NotesProxy {
    this.context.requireSet("1.18", "Worksheet.notes");
    return new NotesProxy(this.context, () => this.sheet());
  }

  get names(): NamedItemsProxy {
    return new NamedItemsProxy(this.context, () => this.sheet().names);
  }

  get charts(): ChartsProxy {
    return new ChartsProxy(this.context, () => this.sheet());
  }

  get freezePanes(): { freezeRows(count: number): void } {
    this.context.requireSet("1.7", "Worksheet.freezePanes");
    return {
      freezeRows: (count: number) =>
        this.write(() => {
          this.sheet().frozenRows = count;
        }),
    };
  }

  get pageLayout(): PageLayoutProxy {
    this.context.requireSet("1.9", "Worksheet.pageLayout");
    return new PageLayoutProxy(this.context, () => this.sheet());
  }

  get horizontalPageBreaks(): { add(range: RangeProxy | string): void } {
    this.context.requireSet("1.9", "Worksheet.horizontalPageBreaks");
    return {
      add: (range: RangeProxy | string) =>
        this.write(() => {
          const row = typeof range === "string" ? parseRange(range).top : range.live().area.top;
          const breaks = (this.sheet().pageLayout.breaks ??= []) as number[];
          breaks.push(row + 1);
        }),
    };
  }

  get autoFilter(): { apply(range: RangeProxy): void } {
    this.context.requireSet("1.9", "Worksheet.autoFilter");
    return {
      apply: (range: RangeProxy) =>
        this.write(() => {
          this.sheet().autoFilter = areaAddress(range.live().area);
        }),
    };
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
      const sheet = this.find();
      const used = sheet?.usedRange();
      return sheet && used ? { sheet, area: used } : null;
    });
  }

  /** The used range by values; A1 on an empty sheet, as Excel gives it. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true) {
      throw new StandinError(
        "InvalidArgument",
        "the stand-in keeps values only: call getUsedRange(true)",
      );
    }
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.sheet();
        return { sheet, area: sheet.usedRange() ?? { top: 0, left: 0, bottom: 0, right: 0 } };
      },
      true,
    );
  }

  /** A range by its address; the whole sheet without one. */
  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.context,
      () => ({
        sheet: this.sheet(),
        area: address === undefined ? WHOLE_SHEET : parseRange(address),
      }),
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

  private find(): SheetState | undefined {
    const sheet = this.found ?? this.target();
    // Only a sheet still in the workbook counts: a deleted one is gone for every proxy.
    if (sheet && this.context.state.sheets.includes(sheet)) {
      this.found = sheet;
      return sheet;
    }
    return undefined;
  }

  private sheet(): SheetState {
    const sheet = this.find();
    if (!sheet) {
      throw new StandinError("ItemNotFound", "The requested resource doesn't exist.");
    }
    return sheet;
  }

  protected isNull(): boolean {
    const sheet = this.find();
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

/** A sheet name Excel takes: 1 to 31 characters, none of []:*?/\, no apostrophe at the ends. */
function checkSheetName(name: string): string {
  if (
    name.length === 0 ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw new StandinError("InvalidArgument", `«${name}» is not a valid sheet name`);
  }
  return name;
}

type RangeTarget = { sheet: SheetState; area: Area } | null;

/** Every cell of a sheet: 1 048 576 rows of 16 384 columns. */
const WHOLE_SHEET: Area = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };

class RangeProxy extends Proxy {
  protected readonly kind = "Range";
  private look: RangeFormatProxy | undefined;

  constructor(
    context: Context,
    private readonly target: () => RangeTarget,
    private readonly required = false,
  ) {
    super(context);
  }

  /** The range's look; one object per range, so a fill loaded through it reads back. */
  get format(): RangeFormatProxy {
    return (this.look ??= new RangeFormatProxy(this.context, () => this.live()));
  }

  get dataValidation(): DataValidationProxy {
    this.context.requireSet("1.8", "Range.dataValidation");
    return new DataValidationProxy(this.context, () => this.live());
  }

  get conditionalFormats(): ConditionalFormatsProxy {
    this.context.requireSet("1.6", "Range.conditionalFormats");
    return new ConditionalFormatsProxy(this.context, () => this.live());
  }

  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.context.requireSet("1.7", "Range.hyperlink");
    this.write(() => {
      const { sheet, area } = this.live();
      if (link.documentReference !== undefined) {
        const [place] = link.documentReference.split("!");
        const name = place!.replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
        if (!this.context.state.sheet(name)) {
          throw new StandinError("InvalidArgument", `No sheet ${name} for a link`);
        }
      }
      const { textToDisplay: _text, ...target } = link;
      sheet.links.set(key(area.top, area.left), target);
    });
  }

  /** Each cell's fill (ExcelApi 1.9), the one part of `getCellProperties` the pane asks for. */
  getCellProperties(spec: { format?: { fill?: { color?: boolean; pattern?: boolean } } }): {
    value: unknown[][];
  } {
    this.context.requireSet("1.9", "Range.getCellProperties");
    const fill = spec.format?.fill ?? {};
    if (Object.keys(spec).some((k) => k !== "format") || !fill.color) {
      throw new StandinError("InvalidArgument", "the stand-in gives cells' fills only");
    }
    return new CellPropertiesProxy(this.context, () => {
      const { sheet, area } = this.live();
      const rows: unknown[][] = [];
      for (let r = area.top; r <= area.bottom; r++) {
        const row: unknown[] = [];
        for (let c = area.left; c <= area.right; c++) {
          const { color, pattern } = sheet.fillAt(r, c);
          row.push({ format: { fill: fill.pattern ? { color, pattern } : { color } } });
        }
        rows.push(row);
      }
      return rows;
    });
  }

  /** Merges the range into one cell; Excel refuses to merge over another merge here. */
  merge(across?: boolean): void {
    this.context.requireSet("1.2", "Range.merge");
    if (across) {
      throw new StandinError("InvalidArgument", "the stand-in merges whole ranges only");
    }
    this.write(() => {
      const { sheet, area } = this.live();
      if (sheet.merges.some((m) => overlaps(m, area))) {
        throw new StandinError(
          "InvalidOperation",
          `${areaAddress(area)} overlaps a merged range of ${sheet.name}`,
        );
      }
      sheet.merges.push({ ...area });
    });
  }

  /** Clears contents, formats or both; «Contents» keeps the formats. */
  clear(applyTo: string = "All"): void {
    this.write(() => {
      const { sheet, area } = this.live();
      this.each((s, r, c) => {
        if ((applyTo === "All" || applyTo === "Contents") && s.cells.has(key(r, c))) {
          s.setValue(r, c, "");
        }
        if (applyTo === "All" || applyTo === "Formats") {
          s.styles.delete(key(r, c));
          s.fills.delete(key(r, c));
          s.setFormat(r, c, "General");
        }
      });
      if (applyTo === "All" || applyTo === "Formats") {
        sheet.merges = sheet.merges.filter((m) => !overlaps(m, area));
      }
    });
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
    this.write(() => this.checkShape(values, "values"));
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
    this.write(() => this.checkShape(formats, "numberFormat"));
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

  /** Office.js refuses an array whose rows and columns are not the range's. */
  private checkShape(rows: unknown[][], name: string): void {
    const { area } = this.live();
    const height = area.bottom - area.top + 1;
    const width = area.right - area.left + 1;
    if (rows.length !== height || rows.some((row) => row.length !== width)) {
      throw new StandinError(
        "InvalidArgument",
        `Range.${name}: ${rows.length}×${rows[0]?.length ?? 0} values for ${height}×${width} cells of ${areaAddress(area)}`,
      );
    }
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

  /** The cells of the range that hold formulas (ExcelApi 1.9); the one cell type the pane asks for. */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): AreasProxy {
    this.context.requireSet("1.9", "Range.getSpecialCellsOrNullObject");
    if (cellType !== "Formulas" || cellValueType !== undefined) {
      throw new StandinError(
        "InvalidArgument",
        `the stand-in finds formulas only, not ${cellType}`,
      );
    }
    return new AreasProxy(this.context, () => {
      const target = this.target();
      if (!target) {
        return null;
      }
      const { sheet, area } = target;
      const cells: string[] = [];
      for (const [at, cell] of sheet.cells) {
        const [row, col] = at.split(",").map(Number) as [number, number];
        const inside =
          row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
        if (inside && cell.formula !== undefined) {
          cells.push(`${sheetReference(sheet.name)}!${cellAddress(row, col)}`);
        }
      }
      return cells.length === 0 ? null : cells.join(",");
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

type Live = () => { sheet: SheetState; area: Area };

/** The answer of `getCellProperties`: a client result, its `value` there after the sync. */
class CellPropertiesProxy extends Proxy {
  protected readonly kind = "CellProperties";

  constructor(
    context: Context,
    private readonly compute: () => unknown[][],
  ) {
    super(context);
    context.state.loads.push("Range.getCellProperties");
    context.enqueue({ kind: "load", target: this, props: ["value"] });
  }

  get value(): unknown[][] {
    return this.read("value");
  }

  protected isNull(): boolean {
    return false;
  }

  protected property(name: string): unknown {
    if (name === "value") {
      return this.compute();
    }
    throw new StandinError("InvalidArgument", `CellProperties.${name} is not in the stand-in`);
  }
}

/** Calls `apply` for every cell of a live range. */
function eachCell(live: Live, apply: (sheet: SheetState, row: number, col: number) => void): void {
  const { sheet, area } = live();
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      apply(sheet, r, c);
    }
  }
}

/** `Range.format`: the fill as a client object, the rest recorded per cell as it is set. */
class RangeFormatProxy {
  private paint: FillProxy | undefined;

  constructor(
    private readonly context: Context,
    private readonly live: Live,
  ) {}

  get fill(): FillProxy {
    return (this.paint ??= new FillProxy(this.context, this.live));
  }

  get font(): Record<string, unknown> {
    return this.recorder("font", ["name", "size", "bold", "italic", "color", "underline"]);
  }

  get borders(): { getItem(edge: string): Record<string, unknown> } {
    return {
      getItem: (edge: string) => this.recorder(`border.${edge}`, ["style", "color", "weight"]),
    };
  }

  set horizontalAlignment(value: string) {
    this.set("horizontalAlignment", value);
  }
  set verticalAlignment(value: string) {
    this.set("verticalAlignment", value);
  }
  set wrapText(value: boolean) {
    this.set("wrapText", value);
  }
  set indentLevel(value: number) {
    this.context.requireSet("1.9", "RangeFormat.indentLevel");
    this.set("indentLevel", value);
  }

  /** Rows as tall as their text (ExcelApi 1.2); the stand-in has no text to measure. */
  autofitRows(): void {
    this.context.requireSet("1.2", "RangeFormat.autofitRows");
  }

  /** Points; the whole column of each cell, as Excel does. */
  set columnWidth(width: number) {
    this.context.enqueue({
      kind: "write",
      apply: () => {
        const { sheet, area } = this.live();
        for (let c = area.left; c <= area.right; c++) {
          sheet.columnWidths.set(c, width);
        }
      },
    });
  }

  set rowHeight(height: number) {
    this.context.enqueue({
      kind: "write",
      apply: () => {
        const { sheet, area } = this.live();
        for (let r = area.top; r <= area.bottom; r++) {
          sheet.rowHeights.set(r, height);
        }
      },
    });
  }

  private set(name: string, value: unknown): void {
    this.context.enqueue({
      kind: "write",
      apply: () => eachCell(this.live, (sheet, r, c) => sheet.setStyle(r, c, name, value)),
    });
  }

  /** An object whose listed properties record «prefix.property» on every cell when set. */
  private recorder(prefix: string, names: string[]): Record<string, unknown> {
    const target: Record<string, unknown> = {};
    for (const name of names) {
      Object.defineProperty(target, name, {
        set: (value: unknown) => this.set(`${prefix}.${name}`, value),
        get: () => {
          throw notLoaded(name);
        },
      });
    }
    return Object.seal(target);
  }
}

/** `Range.dataValidation` (ExcelApi 1.8): a list's source must name a list that exists. */
class DataValidationProxy {
  constructor(
    private readonly context: Context,
    private readonly live: Live,
  ) {}

  set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
    const list = rule.list;
    if (!list) {
      throw new StandinError("InvalidArgument", "the stand-in knows list rules only");
    }
    this.update((validation) => {
      const source = list.source.replace(/^=/, "");
      const known =
        source.includes("!") ||
        this.context.state.names.has(source) ||
        this.live().sheet.names.has(source);
      if (!known) {
        throw new StandinError(
          "InvalidArgument",
          `The list's source ${list.source} is not defined`,
        );
      }
      validation.list = list.source;
    });
  }

  set prompt(prompt: { showPrompt: boolean; title: string; message: string }) {
    if (prompt.title.length > 32 || prompt.message.length > 255) {
      throw new StandinError("InvalidArgument", `An input message too long: ${prompt.title}`);
    }
    this.update((validation) => {
      validation.prompt = { title: prompt.title, message: prompt.message };
    });
  }

  set errorAlert(alert: { showAlert: boolean; style: string; title: string; message: string }) {
    this.update((validation) => {
      if (alert.showAlert) {
        validation.alert = { style: alert.style, title: alert.title, message: alert.message };
      } else {
        delete validation.alert;
      }
    });
  }

  private update(apply: (validation: ValidationState) => void): void {
    this.context.enqueue({
      kind: "write",
      apply: () =>
        eachCell(this.live, (sheet, r, c) => {
          const validation = sheet.validations.get(key(r, c)) ?? {};
          apply(validation);
          sheet.validations.set(key(r, c), validation);
        }),
    });
  }
}

/** `Range.conditionalFormats` (ExcelApi 1.6): custom rules and data bars. */
class ConditionalFormatsProxy {
  constructor(
    private readonly context: Context,
    private readonly live: Live,
  ) {}

  add(type: string): unknown {
    if (type !== "Custom" && type !== "DataBar") {
      throw new StandinError("InvalidArgument", `the stand-in knows no ${type} rules`);
    }
    const rule: ConditionalState = { range: "", type };
    const write = (apply: () => void) => this.context.enqueue({ kind: "write", apply });
    write(() => {
      const { sheet, area } = this.live();
      rule.range = areaAddress(area);
      sheet.conditional.push(rule);
    });
    const colour = (name: "fill" | "fontColor" | "barColor") => ({
      set color(value: string) {
        write(() => (rule[name] = value.toUpperCase()));
      },
      set fillColor(value: string) {
        write(() => (rule[name] = value.toUpperCase()));
      },
    });
    return {
      custom: {
        rule: {
          set formula(formula: string) {
            write(() => (rule.formula = formula));
          },
        },
        format: { fill: colour("fill"), font: colour("fontColor") },
      },
      dataBar: { positiveFormat: colour("barColor"), barDirection: "LeftToRight" },
    };
  }
}

/** Defined names, of the workbook or of a sheet (ExcelApi 1.4; `formula` 1.7). */
class NamedItemsProxy extends Proxy {
  protected readonly kind = "NamedItemCollection";
  private itemProps: string[] = [];

  constructor(
    context: Context,
    private readonly names: () => Map<string, string>,
  ) {
    super(context);
  }

  override load(props?: string | string[] | { select?: string }): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : [];
    this.itemProps = list
      .map((p) => p.trim())
      .filter((p) => p.startsWith("items/"))
      .map((p) => p.slice(6));
    if (this.itemProps.includes("formula")) {
      this.context.requireSet("1.7", "NamedItem.formula");
    }
    return super.load(
      list.map((p) => (p.trim().startsWith("items/") ? "items" : p)).filter(unique),
    );
  }

  get items(): NamedItemProxy[] {
    return this.read<NamedItemProxy[]>("items");
  }

  override receive(values: Map<string, unknown>): void {
    if (values.has("items")) {
      const names = values.get("items") as string[];
      values.set(
        "items",
        names.map((name) => {
          const item = new NamedItemProxy(this.context, this.names, name);
          item.receive(item.resolve(this.itemProps));
          item.synced = true;
          return item;
        }),
      );
    }
    super.receive(values);
  }

  add(name: string, reference: RangeProxy | string): NamedItemProxy {
    this.context.requireSet("1.4", "NamedItemCollection.add");
    this.write(() => {
      const names = this.names();
      if ([...names.keys()].some((known) => known.toLowerCase() === name.toLowerCase())) {
        throw new StandinError("ItemAlreadyExists", `A name ${name} already exists`);
      }
      names.set(name, formulaOf(reference));
    });
    return new NamedItemProxy(this.context, this.names, name);
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, this.names, name);
  }

  protected isNull(): boolean {
    return false;
  }

  protected property(name: string): unknown {
    if (name === "items") {
      return [...this.names().keys()];
    }
    throw new StandinError("InvalidArgument", `NamedItemCollection.${name} is not in the stand-in`);
  }
}

class NamedItemProxy extends Proxy {
  protected readonly kind = "NamedItem";

  constructor(
    context: Context,
    private readonly names: () => Map<string, string>,
    private readonly key: string,
  ) {
    super(context);
  }

  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(formula: string) {
    this.context.requireSet("1.7", "NamedItem.formula");
    this.write(() => {
      this.names().set(this.existing(), formula);
    });
  }

  private existing(): string {
    const name = [...this.names().keys()].find(
      (known) => known.toLowerCase() === this.key.toLowerCase(),
    );
    if (name === undefined) {
      throw new StandinError("ItemNotFound", `No name ${this.key}`);
    }
    return name;
  }

  protected isNull(): boolean {
    this.existing();
    return false;
  }

  protected property(name: string): unknown {
    const key = this.existing();
    if (name === "name") {
      return key;
    }
    if (name === "formula") {
      return this.names().get(key);
    }
    throw new StandinError("InvalidArgument", `NamedItem.${name} is not in the stand-in`);
  }
}

/** «='Справочники'!$A$2:$A$16» for a range; a text reference as it is. */
function formulaOf(reference: RangeProxy | string): string {
  if (typeof reference === "string") {
    return reference.startsWith("=") ? reference : `=${reference}`;
  }
  const { sheet, area } = reference.live();
  const absolute = (address: string) => address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const from = absolute(cellAddress(area.top, area.left));
  const to = absolute(cellAddress(area.bottom, area.right));
  return `=${sheetReference(sheet.name)}!${from === to ? from : `${from}:${to}`}`;
}

/** `Worksheet.charts`: a chart keeps what its source showed when it was added. */
class ChartsProxy {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => SheetState,
  ) {}

  add(type: string, source: RangeProxy, seriesBy: string): unknown {
    if (seriesBy !== "Columns") {
      throw new StandinError("InvalidArgument", "the stand-in charts series by columns only");
    }
    const chart: ChartState = {
      type,
      source: "",
      seriesBy,
      series: [],
      categories: [],
      title: null,
      valueAxisTitle: null,
      reversePlotOrder: false,
      colors: [],
      position: null,
    };
    const write = (apply: () => void) => this.context.enqueue({ kind: "write", apply });
    write(() => {
      const { sheet, area } = source.live();
      if (sheet !== this.sheet()) {
        throw new StandinError("InvalidArgument", "the stand-in charts a range of its own sheet");
      }
      const at = (r: number, c: number) => sheet.cells.get(key(r, c))?.value;
      chart.source = areaAddress(area);
      for (let r = area.top + 1; r <= area.bottom; r++) {
        chart.categories.push(String(at(r, area.left) ?? ""));
      }
      for (let c = area.left + 1; c <= area.right; c++) {
        const values: number[] = [];
        for (let r = area.top + 1; r <= area.bottom; r++) {
          values.push(Number(at(r, c) ?? 0));
        }
        chart.series.push({ name: String(at(area.top, c) ?? ""), values });
      }
      sheet.charts.push(chart);
    });
    const context = this.context;
    return {
      title: {
        set text(text: string) {
          write(() => (chart.title = text));
        },
      },
      legend: { position: "Right", visible: true },
      axes: {
        categoryAxis: {
          set reversePlotOrder(reverse: boolean) {
            context.requireSet("1.7", "ChartAxis.reversePlotOrder");
            write(() => (chart.reversePlotOrder = reverse));
          },
        },
        valueAxis: {
          title: {
            set text(text: string) {
              write(() => (chart.valueAxisTitle = text));
            },
          },
          majorUnit: undefined,
        },
      },
      series: {
        getItemAt: (index: number) => ({
          format: {
            fill: {
              setSolidColor: (color: string) =>
                write(() => {
                  if (index >= chart.series.length) {
                    throw new StandinError("ItemNotFound", `No series ${index}`);
                  }
                  chart.colors[index] = color.toUpperCase();
                }),
            },
          },
        }),
      },
      setPosition: (from: string, to: string) => write(() => (chart.position = { from, to })),
      name: "",
    };
  }
}

/** `Worksheet.pageLayout` (ExcelApi 1.9): the print set-up, recorded as set. */
class PageLayoutProxy {
  constructor(
    private readonly context: Context,
    private readonly sheet: () => SheetState,
  ) {
    for (const name of [
      "orientation",
      "paperSize",
      "zoom",
      "centerHorizontally",
      "leftMargin",
      "rightMargin",
      "topMargin",
      "bottomMargin",
      "headerMargin",
      "footerMargin",
    ]) {
      Object.defineProperty(this, name, { set: (value: unknown) => this.record(name, value) });
    }
  }

  get headersFooters(): unknown {
    const footer = (name: string) => ({ set: (value: unknown) => this.record(name, value) });
    const page = {};
    for (const name of ["leftFooter", "centerFooter", "rightFooter"]) {
      Object.defineProperty(page, name, footer(name));
    }
    return { defaultForAllPages: page };
  }

  setPrintTitleRows(rows: string): void {
    this.record("printTitleRows", rows);
  }

  setPrintArea(area: string): void {
    this.record("printArea", area);
  }

  private record(name: string, value: unknown): void {
    this.context.enqueue({
      kind: "write",
      apply: () => {
        this.sheet().pageLayout[name] = value;
      },
    });
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

  getItem(address: string): NoteProxy {
    return new NoteProxy(this.context, this.target, normalize(address), true);
  }

  protected isNull(): boolean {
    return false;
  }

  protected property(name: string): unknown {
    throw new StandinError("InvalidArgument", `NoteCollection.${name} is not in the stand-in`);
  }
}

/** `Workbook.notes` (ExcelApi 1.18): every note of every sheet, in the sheets' order. */
class WorkbookNotesProxy extends Proxy {
  protected readonly kind = "NoteCollection";
  private itemProps: string[] = [];

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

  get items(): NoteProxy[] {
    return this.read<NoteProxy[]>("items");
  }

  override receive(values: Map<string, unknown>): void {
    if (values.has("items")) {
      const places = values.get("items") as { sheet: SheetState; cell: string }[];
      values.set(
        "items",
        places.map(({ sheet, cell }) => {
          const note = new NoteProxy(this.context, () => sheet, cell, true);
          note.receive(note.resolve(this.itemProps));
          note.synced = true;
          return note;
        }),
      );
    }
    super.receive(values);
  }

  protected isNull(): boolean {
    return false;
  }

  protected property(name: string): unknown {
    if (name === "items") {
      return this.context.state.sheets.flatMap((sheet) =>
        [...sheet.notes.keys()].map((cell) => ({ sheet, cell })),
      );
    }
    throw new StandinError("InvalidArgument", `NoteCollection.${name} is not in the stand-in`);
  }
}

class NoteProxy extends Proxy {
  protected readonly kind = "Note";

  constructor(
    context: Context,
    private readonly target: () => SheetState,
    private readonly cell: string,
    private readonly required = false,
  ) {
    super(context);
  }

  get content(): string {
    return this.read("content");
  }

  /** The note's cell. */
  getLocation(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => ({ sheet: this.target(), area: parseRange(this.cell) }),
      true,
    );
  }

  delete(): void {
    this.write(() => {
      this.target().notes.delete(this.cell);
    });
  }

  protected isNull(): boolean {
    const missing = !this.target().notes.has(this.cell);
    if (missing && this.required) {
      throw new StandinError("ItemNotFound", `No note at ${this.cell}`);
    }
    return missing;
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

function overlaps(a: Area, b: Area): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

function areaAddress(area: Area): string {
  const from = cellAddress(area.top, area.left);
  const to = cellAddress(area.bottom, area.right);
  return from === to ? from : `${from}:${to}`;
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}

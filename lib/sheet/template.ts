import type {
  Card,
  DiagnosticRow,
  FieldPath,
  GeneralField,
  PlanItem,
  Raw,
  ResultCell,
  RouteLevel,
} from "../domain/card.js";
import { CardSchema, GENERAL_FIELD_NAMES } from "../domain/card.js";
import type { Catalogue } from "../domain/catalogue.js";
import { createCatalogue, matchCompetency } from "../domain/catalogue.js";
import { classifyDeficit } from "../domain/classify.js";
import type { Config } from "../domain/config.js";
import { defaultConfig } from "../domain/config.js";
import { ROUTE_LEVELS, readRouteLevel } from "../domain/levels.js";
import {
  CATEGORY_NAMES,
  DIAGNOSTIC_FORM_NAMES,
  DONE_MARK_NAMES,
  OUTCOME_NAMES,
  STAFF_CATEGORY_NAMES,
  textOf,
} from "../domain/vocabulary.js";
import { COMPARISON_HEADING, DERIVED_FONT, OVERDUE_HEADING, STAGE_LABEL } from "./derived.js";
import type { Grid, GridCell, Range } from "./grid.js";
import { cellAddress, parseAddress, sheetReference } from "./grid.js";
import type { Prompt, Thresholds } from "./templatePrompts.js";
import {
  CLOSING_PROMPTS,
  DIAGNOSTIC_PROMPTS,
  FINAL_EVENT_PROMPTS,
  GENERAL_PROMPTS,
  levelBands,
  levelPrompts,
  PLAN_PROMPTS,
} from "./templatePrompts.js";

/** The card sheet's name in a workbook made from the template. */
export const CARD_SHEET = "Карта ИОМ";

/** The sheet of reference lists the drop-downs take their values from. */
export const LISTS_SHEET = "Справочники";

/** The template's font: the one of official documents, metric-compatible on every system. */
export const TEMPLATE_FONT = { name: "Times New Roman", size: 11 } as const;

/** A style of the template in neutral terms; each adapter (exceljs, Office.js) maps it. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** Text colour, RRGGBB. */
  color?: string;
  /** Background, RRGGBB. */
  fill?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  indent?: number;
  /** Thin lines on every side, or only below (a signature line). */
  border?: "all" | "bottom";
}

export type StyleName =
  | "title"
  | "section"
  | "label"
  | "value"
  | "header"
  | "level"
  | "text"
  | "subCompetency"
  | "result"
  | "derived"
  | "closingLabel"
  | "line"
  | "signature"
  | "caption"
  | "listHeader"
  | "listValue";

const LABEL_FILL = "F2F2F2";
const HEADER_FILL = "DDE7F2";

export const TEMPLATE_STYLES: Record<StyleName, CellStyle> = {
  title: { bold: true, size: 14, horizontal: "center", vertical: "middle", wrap: true },
  section: { bold: true, size: 12, vertical: "middle", wrap: true },
  label: { fill: LABEL_FILL, vertical: "middle", wrap: true, border: "all" },
  // Left: a date or a number typed into a field reads as text does, not right-aligned.
  value: { horizontal: "left", vertical: "middle", wrap: true, border: "all" },
  header: {
    bold: true,
    fill: HEADER_FILL,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: "all",
  },
  level: { fill: LABEL_FILL, vertical: "top", wrap: true, border: "all" },
  text: { horizontal: "left", vertical: "top", wrap: true, border: "all" },
  // Excel and LibreOffice indent only text aligned left (or right).
  subCompetency: { horizontal: "left", vertical: "top", wrap: true, border: "all", indent: 2 },
  result: { horizontal: "center", vertical: "top", wrap: true, border: "all" },
  derived: { ...DERIVED_FONT, vertical: "middle", wrap: true, border: "all" },
  closingLabel: { vertical: "bottom", wrap: true },
  line: { horizontal: "left", vertical: "bottom", wrap: true, border: "bottom" },
  signature: { border: "bottom", vertical: "bottom" },
  caption: { italic: true, size: 9, color: "595959", horizontal: "center", vertical: "top" },
  listHeader: { bold: true, fill: HEADER_FILL, vertical: "middle", wrap: true, border: "all" },
  listValue: { vertical: "top", wrap: true },
};

/** The reference lists of the template, each a column of the lists sheet and a defined name. */
export type ListName =
  | "competencies"
  | "forms"
  | "categories"
  | "staff"
  | "levels"
  | "eventLevels"
  | "marks"
  | "outcomes"
  | "signs";

export interface ReferenceList {
  id: ListName;
  /** The workbook's defined name for the list: what a drop-down refers to. */
  name: string;
  values: readonly string[];
  /** The list's cells, `'Справочники'!$A$2:$A$16`. */
  range: string;
}

/** A drop-down and an input message, or an input message alone. */
export interface InputRule {
  list?: ListName;
  /** Excel warns (and lets the user keep it) when a value is off the list. */
  strict?: boolean;
  prompt: Prompt;
}

/** One cell the template writes. */
export interface TemplateCell {
  /** A1 address; for a merged range, its top-left cell. */
  cell: string;
  /** The merged range the cell heads, `C5:H5`. */
  merge?: string;
  value: Raw;
  style: StyleName;
  /** The card's field the cell holds, as the reader names it: `general.phone`, `entry.3.high`. */
  field?: FieldPath;
  input?: InputRule;
  /** The number format of the value: `dd.mm.yyyy` for a date serial, `0%` for a fraction. */
  numFmt?: string;
}

/** Conditional formatting: a formula relative to the range's top-left cell, true → the colours. */
export interface ConditionalRule {
  range: string;
  formula: string;
  fill?: string;
  color?: string;
}

export interface PrintSetup {
  paper: "A4";
  orientation: "landscape" | "portrait";
  /** Fit the columns to one page wide, as many pages tall as it takes. */
  fitToWidth: 1;
  /** Rows printed at the top of every page, `1:1`. */
  titleRows: string;
  area: string;
  /** Margins in inches. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  /** The page footer in Excel's codes: `&L…&R…`, `&P` page, `&N` pages. */
  footer: string;
  /** Rows (1-based) that start a new page. */
  breaksBefore: number[];
}

/** One sheet of the template. */
export interface TemplateSheet {
  name: string;
  /** Column widths in characters, from A. */
  columns: number[];
  /** Row heights in points (1-based rows); rows not listed keep the default. */
  heights: { row: number; height: number }[];
  cells: TemplateCell[];
}

/** The template as data: what the exceljs writer and the add-in both lay out. */
export interface TemplateLayout {
  card: TemplateSheet;
  lists: TemplateSheet;
  referenceLists: ReferenceList[];
  /** Defined names: one per section of the card and one per list. */
  names: { name: string; range: string }[];
  conditional: ConditionalRule[];
  /** Rows frozen at the top of the card sheet. */
  frozenRows: number;
  print: PrintSetup;
  /** Where fill writes what it derives: the stage cell and the derived columns. */
  derived: { stage: string; comparisonColumn: string; overdueColumn: string };
}

export interface TemplateOptions {
  /** The district's configuration: its competencies join the lists. */
  config?: Config;
  catalogue?: Catalogue;
}

/** The template's label of each route level: the regulation's, with who fills the row. */
export const TEMPLATE_LEVEL_LABELS: Record<RouteLevel, string> = {
  personal: "Личностный уровень (заполняется педагогом)",
  school:
    "Уровень ОО (заполняется учителем совместно с администрацией ОО, тьютором, педагогом-наставником)",
  municipal:
    "Муниципальный уровень (заполняется совместно со специалистом ММС / муниципальным тьютором)",
  regional: "Региональный уровень (заполняется тьютором ЦНППМ / региональным методистом)",
  federal: "Федеральный уровень (заполняется тьютором ЦНППМ / региональным методистом)",
};

/** The four forms as the regulation's card lists them under its label. */
const FORMS_LABEL = [
  "Форма прохождения оценки профессиональных дефицитов:",
  "· на основании стандартизированных оценочных процедур;",
  "· самодиагностика на основании рефлексии профессиональной деятельности;",
  "· на основании результатов профессиональной деятельности;",
  "· на основании экспертной оценки практической (предметно-методической / управленческой) деятельности",
].join("\n");

const LEVEL_HEADING =
  "Уровень — в % или знаковое обозначение в виде «+» (профдефициты присутствуют), «-» (профдефициты отсутствуют)";

/**
 * The level columns' headings: the regulation's card's, «Низкий уровень профдефицитов (81–100 %
 * выполнения заданий)», with the bands of the district's thresholds.
 */
function levelHeadings(thresholds: Thresholds): Record<"low" | "medium" | "high", string> {
  const bands = levelBands(thresholds);
  const heading = (name: string, range: string) =>
    `${name} уровень профдефицитов (${range} выполнения заданий)`;
  return {
    low: heading("Низкий", bands.low.range),
    medium: heading("Средний", bands.medium.range),
    high: heading("Высокий", bands.high.range),
  };
}

/** Column widths A…H: labels and competencies, activities, then the narrower columns. */
const WIDTHS = [28, 36, 17, 15, 15, 19, 22, 16];
const LAST = WIDTHS.length - 1;
const [A, B, C, D, E, F, G, H] = [0, 1, 2, 3, 4, 5, 6, 7] as const;

/** Blank rows the template leaves: per level of the plan, and in the final diagnostics. */
const PLAN_ROWS = 3;
const FINAL_ROWS = 4;

/**
 * The layout of a card in the template (Appendix 1 of the regulation, in its order and
 * wording, with DESIGN.md's additions): every cell with its value, style, drop-down and input
 * message, the merges, the row heights, the defined names, the conditional formatting and the
 * print set-up. Pure data: `createCardWorkbook` lays it out with exceljs, the add-in with
 * Office.js.
 *
 * Without a card it is the blank template; with one, the card as `templateCard` gives it.
 *
 * @example cardTemplate().cells.find((c) => c.field === "general.phone")?.cell // "C17"
 */
export function cardTemplate(card?: Card, options: TemplateOptions = {}): TemplateLayout {
  const catalogue = options.catalogue ?? createCatalogue(options.config ?? defaultConfig);
  const lists = referenceLists(catalogue);
  const content = card ? templateCard(card, options) : undefined;
  const thresholds = (options.config ?? defaultConfig).thresholds;
  return new CardBuilder(catalogue, lists, thresholds).build(content);
}

/**
 * The card as the template holds it: what reading a card written by the template gives back.
 * For a card made in the template it is the card itself. A card from another layout changes
 * only where the template has no place for what it holds:
 * - a result in a single «Результат» column moves to the level column of its band; «−» fills
 *   the three level columns, as the card writes «no deficit»; «+» with no level, and a value
 *   that is no result, go to «Высокий», where a person must look at them;
 * - the plan is grouped by level in the card's order (rows with no level or an unknown one
 *   first), and the rows of one level share its label: their own where they all have the
 *   same, else the template's;
 * - a card with no entry diagnostics gets the card's list of competencies.
 *
 * @example templateCard(card).entry[0].results // { low: { value: "85%" } }
 */
export function templateCard(card: Card, options: TemplateOptions = {}): Card {
  const config = options.config ?? defaultConfig;
  const catalogue = options.catalogue ?? createCatalogue(config);

  const entry =
    card.entry.length > 0
      ? card.entry.map((row) => placeSingle(row, config))
      : catalogueRows(catalogue);
  return CardSchema.parse({
    ...card,
    entry,
    plan: groupPlan(card.plan),
    final: { ...card.final, rows: card.final.rows.map((row) => placeSingle(row, config)) },
  });
}

// --- the card as the template holds it ---------------------------------------------------

function placeSingle(row: DiagnosticRow, config: Config): DiagnosticRow {
  const single = row.results.single;
  if (single === undefined) {
    return row;
  }

  const { single: _single, ...results } = row.results;
  const { level } = classifyDeficit(single.value, {
    percentFormat: single.percentFormat,
    config,
  });
  const free = (slot: "low" | "medium" | "high") => results[slot] === undefined;
  if ((level === "low" || level === "medium" || level === "high") && free(level)) {
    return { ...row, results: { ...results, [level]: single } };
  }
  if (level === "absent" && free("low") && free("medium") && free("high")) {
    return { ...row, results: { low: single, medium: single, high: single } };
  }
  return free("high") ? { ...row, results: { ...results, high: single } } : row;
}

function catalogueRows(catalogue: Catalogue): DiagnosticRow[] {
  return catalogue.competencies.map((competency) => ({
    competency: competency.id === "functional-literacy" ? `${competency.name}:` : competency.name,
    difficulties: null,
    results: {},
    note: null,
  }));
}

/** Where a plan row goes: before the groups (no level, or one the template does not know), or in its level. */
function groupOf(item: PlanItem): RouteLevel | "none" | "unknown" {
  if (textOf(item.level) === null) {
    return "none";
  }
  return readRouteLevel(item.level) ?? "unknown";
}

function groupPlan(plan: readonly PlanItem[]): PlanItem[] {
  const order = ["none", "unknown", ...ROUTE_LEVELS.map((l) => l.id)];
  const sorted = [...plan].sort((a, b) => order.indexOf(groupOf(a)) - order.indexOf(groupOf(b)));

  return sorted.map((item) => {
    const group = groupOf(item);
    if (group === "none" || group === "unknown") {
      return item;
    }
    return { ...item, level: levelLabel(plan, group) };
  });
}

/** The label of a level's group: the rows' own where they agree, else the template's. */
function levelLabel(plan: readonly PlanItem[], level: RouteLevel): Raw {
  const texts = new Set(plan.filter((item) => groupOf(item) === level).map((item) => item.level));
  return texts.size === 1 ? [...texts][0]! : TEMPLATE_LEVEL_LABELS[level];
}

// --- reference lists ------------------------------------------------------------------------

const LIST_HEADINGS: Record<Exclude<ListName, "eventLevels">, [string, string]> = {
  competencies: ["Список_компетенций", "Компетенции (Приложение 1)"],
  forms: ["Список_форм_оценки", "Формы оценки профдефицитов (п. 2.1)"],
  categories: ["Список_категорий", "Квалификационные категории"],
  staff: ["Список_категорий_работников", "Категории работников"],
  levels: ["Список_уровней", "Уровни реализации ИОМ"],
  marks: ["Список_отметок", "Отметки о выполнении"],
  outcomes: ["Список_итогов", "Итоги ИОМ (п. 2.4)"],
  signs: ["Список_знаков", "Знаки результата диагностики"],
};

function referenceLists(catalogue: Catalogue): ReferenceList[] {
  const values: Record<Exclude<ListName, "eventLevels">, readonly string[]> = {
    competencies: catalogue.competencies.map((c) => c.name),
    forms: Object.values(DIAGNOSTIC_FORM_NAMES),
    categories: Object.values(CATEGORY_NAMES),
    staff: Object.values(STAFF_CATEGORY_NAMES),
    levels: ROUTE_LEVELS.map((l) => l.name),
    marks: Object.values(DONE_MARK_NAMES),
    outcomes: Object.values(OUTCOME_NAMES),
    signs: ["+", "-"],
  };

  const lists: ReferenceList[] = Object.entries(LIST_HEADINGS).map(([id, [name]], col) => {
    const list = values[id as keyof typeof values];
    return { id: id as ListName, name, values: list, range: listRange(col, 1, list.length) };
  });
  // A final event shows the growth before colleagues (§2.4): at the school's level or above.
  const levels = ROUTE_LEVELS.map((l) => l.name);
  const levelsCol = Object.keys(LIST_HEADINGS).indexOf("levels");
  lists.push({
    id: "eventLevels",
    name: "Список_уровней_мероприятия",
    values: levels.slice(1),
    range: listRange(levelsCol, 2, levels.length - 1),
  });
  return lists;
}

function listRange(col: number, fromRow: number, count: number): string {
  const from = absolute(cellAddress(fromRow, col));
  const to = absolute(cellAddress(fromRow + count - 1, col));
  return `${sheetReference(LISTS_SHEET)}!${from}:${to}`;
}

function absolute(address: string): string {
  return address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
}

// --- the builder ------------------------------------------------------------------------------

type SectionId = "general" | "entry" | "plan" | "finalEvent" | "final";

const SECTION_NAMES: Record<SectionId, [string, string]> = {
  general: ["Общие_сведения", "Общие сведения о педагоге"],
  entry: ["Входная_диагностика", "Результаты входной диагностики профессиональных дефицитов"],
  plan: ["Карта_развития", "Карта профессионального развития"],
  finalEvent: ["Заключительное_мероприятие", "Заключительное мероприятие"],
  final: ["Итоговая_диагностика", "Результаты итоговой диагностики профессиональных дефицитов"],
};

const GENERAL_ROWS: readonly (GeneralField | [GeneralField | "stage", GeneralField])[] = [
  "fullName",
  "school",
  "municipality",
  "staffCategory",
  "education",
  "position",
  "experience",
  "category",
  "attestationDate",
  "courses",
  "title",
  "awards",
  "diagnosticForms",
  "diagnosticDate",
  "phone",
  "email",
  "extra",
  "routePeriod",
  ["routeStart", "routeEnd"],
  "mentor",
  "approvedOn",
  ["stage", "outcome"],
];

const GENERAL_LISTS: Partial<Record<GeneralField, { list: ListName; strict: boolean }>> = {
  staffCategory: { list: "staff", strict: true },
  category: { list: "categories", strict: true },
  diagnosticForms: { list: "forms", strict: false },
  outcome: { list: "outcomes", strict: true },
};

const DATE_FIELDS = new Set<GeneralField>([
  "attestationDate",
  "diagnosticDate",
  "routeStart",
  "routeEnd",
  "approvedOn",
]);

const DATE_FORMAT = "dd.mm.yyyy";

class CardBuilder {
  private readonly cells: TemplateCell[] = [];
  private readonly listCells: TemplateCell[] = [];
  private readonly conditional: ConditionalRule[] = [];
  private readonly sections: { id: SectionId; from: number; to: number }[] = [];
  /** Minimum heights, and texts whose lines set a row's height. */
  private readonly minHeights = new Map<number, number>();
  private readonly tallTexts: {
    rows: [number, number];
    text: string;
    width: number;
    bold: boolean;
  }[] = [];
  private row = 1;
  private stageCell = "";
  private planSpan: [number, number] | undefined;

  private readonly headings: Record<"low" | "medium" | "high", string>;
  private readonly levelPrompts: Record<"low" | "medium" | "high", Prompt>;

  constructor(
    private readonly catalogue: Catalogue,
    private readonly lists: ReferenceList[],
    thresholds: Thresholds,
  ) {
    this.headings = levelHeadings(thresholds);
    this.levelPrompts = levelPrompts(thresholds);
  }

  build(card: Card | undefined): TemplateLayout {
    this.put(
      A,
      LAST,
      this.row,
      "Карта индивидуального образовательного маршрута педагога",
      "title",
    );
    this.minHeights.set(this.row, 36);
    this.row += 2;

    this.general(card);
    this.entry(card);
    this.plan(card);
    this.finalEvent(card);
    this.final(card);
    const last = this.closing(card);
    this.listsSheet();

    return {
      card: { name: CARD_SHEET, columns: [...WIDTHS], heights: this.heights(), cells: this.cells },
      lists: {
        name: LISTS_SHEET,
        columns: this.lists
          .filter((l) => l.id !== "eventLevels")
          .map((l) => (l.id === "competencies" || l.id === "forms" ? 44 : 24)),
        heights: [{ row: 1, height: 32 }],
        cells: this.listCells,
      },
      referenceLists: this.lists,
      names: [
        ...this.sections.map(({ id, from, to }) => ({
          name: SECTION_NAMES[id][0],
          range: `${sheetReference(CARD_SHEET)}!${absolute(cellAddress(from - 1, A))}:${absolute(cellAddress(to - 1, LAST))}`,
        })),
        ...this.lists.map((l) => ({ name: l.name, range: l.range })),
      ],
      conditional: this.conditional,
      frozenRows: 1,
      print: {
        paper: "A4",
        orientation: "landscape",
        fitToWidth: 1,
        titleRows: "1:1",
        area: `A1:${cellAddress(last - 1, LAST)}`,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        footer: "&L&8Карта индивидуального образовательного маршрута педагога&R&8Страница &P из &N",
        // A page for each of the first three sections; the final event, the final
        // diagnostics and the signatures share the last.
        breaksBefore: (["entry", "plan", "finalEvent"] as const)
          .map((id) => this.sectionStart(id))
          .filter((r): r is number => r !== undefined),
      },
      derived: {
        stage: this.stageCell,
        comparisonColumn: letter(G),
        overdueColumn: letter(H),
      },
    };
  }

  // --- sections -----------------------------------------------------------------------------

  private general(card: Card | undefined): void {
    const from = this.section("general");
    for (const entry of GENERAL_ROWS) {
      if (typeof entry === "string") {
        const label = entry === "diagnosticForms" ? FORMS_LABEL : GENERAL_FIELD_NAMES[entry];
        this.put(A, B, this.row, label, "label");
        this.generalValue(entry, C, LAST, card);
      } else {
        const [left, right] = entry;
        this.put(
          A,
          B,
          this.row,
          left === "stage" ? STAGE_LABEL : GENERAL_FIELD_NAMES[left],
          "label",
        );
        this.generalValue(left, C, D, card);
        this.put(E, E, this.row, GENERAL_FIELD_NAMES[right], "label");
        this.generalValue(right, F, LAST, card);
      }
      this.minHeights.set(this.row, 20);
      this.row++;
    }
    this.end("general", from);
  }

  private generalValue(
    field: GeneralField | "stage",
    from: number,
    to: number,
    card: Card | undefined,
  ): void {
    const prompt = GENERAL_PROMPTS[field];
    if (field === "stage") {
      this.stageCell = this.put(from, to, this.row, null, "derived", { input: { prompt } });
      return;
    }
    const value = card?.general[field] ?? null;
    const list = GENERAL_LISTS[field];
    this.put(from, to, this.row, value, "value", {
      field: `general.${field}`,
      input: list ? { ...list, prompt } : { prompt },
      numFmt: DATE_FIELDS.has(field) ? dateFormat(value) : undefined,
    });
  }

  private entry(card: Card | undefined): void {
    const from = this.section("entry");
    this.diagnosticsHeader("Компетенции", false);
    const rows = card?.entry ?? catalogueRows(this.catalogue);
    const first = this.row;
    rows.forEach((row, index) => this.diagnosticRow(row, `entry.${index}`, false));
    this.levelColours(first, this.row - 1);
    this.end("entry", from);
  }

  private plan(card: Card | undefined): void {
    const from = this.section("plan");
    const headings = [
      "Уровни реализации ИОМ",
      "Мероприятия, обеспечивающие повышение уровня профкомпетенций",
      "Формируемые компетенции",
      "Сроки проведения",
      "Отметка о выполнении",
      "Причины невыполнения",
      "Результат / форма представления результата",
      OVERDUE_HEADING,
    ];
    headings.forEach((text, col) => this.put(col, col, this.row, text, "header"));
    this.row++;

    const plan = card?.plan ?? [];
    const first = this.row;
    let index = 0;
    for (const item of plan.filter((i) => groupOf(i) === "none" || groupOf(i) === "unknown")) {
      this.put(A, A, this.row, item.level, "level", { field: `plan.${index}.level` });
      this.planRow(item, index++);
    }
    for (const { id } of ROUTE_LEVELS) {
      const items = plan.filter((i) => groupOf(i) === id);
      const top = this.row;
      const count = Math.max(PLAN_ROWS, items.length + (card ? 1 : 0));
      for (let i = 0; i < count; i++) {
        const item = items[i];
        this.planRow(item, item ? index++ : undefined);
      }
      const label = items.length > 0 ? items[0]!.level : TEMPLATE_LEVEL_LABELS[id];
      this.put(A, A, top, label, "level", {
        toRow: this.row - 1,
        field: items.length > 0 ? `plan.${index - items.length}.level` : undefined,
      });
    }
    this.planSpan = [first, this.row - 1];
    this.overdueColours(first, this.row - 1);
    this.end("plan", from);
  }

  private planRow(item: PlanItem | undefined, index: number | undefined): void {
    const path = (field: string) => (index === undefined ? undefined : `plan.${index}.${field}`);
    const cell = (
      col: number,
      key: keyof typeof PLAN_PROMPTS,
      style: StyleName,
      list?: ListName,
      strict = false,
    ) =>
      this.put(col, col, this.row, item && key !== "overdue" ? item[key] : null, style, {
        field: key === "overdue" ? undefined : path(key),
        input: { prompt: PLAN_PROMPTS[key], ...(list ? { list, strict } : {}) },
      });
    cell(B, "activity", "text");
    cell(C, "competencies", "text", "competencies");
    cell(D, "period", "text");
    cell(E, "done", "result", "marks", true);
    cell(F, "reason", "text");
    cell(G, "result", "text");
    cell(H, "overdue", "derived");
    this.minHeights.set(this.row, 30);
    this.row++;
  }

  private finalEvent(card: Card | undefined): void {
    const from = this.section("finalEvent");
    const spans: [number, number, keyof typeof FINAL_EVENT_PROMPTS, string][] = [
      [
        A,
        B,
        "activity",
        "Мероприятие, демонстрирующее повышение уровня профессиональных компетенций",
      ],
      [C, D, "level", "Уровень проведения"],
      [E, F, "period", "Сроки проведения"],
      [G, H, "reflection", "Рефлексия"],
    ];
    for (const [left, right, , heading] of spans) {
      this.put(left, right, this.row, heading, "header");
    }
    this.row++;
    for (const [left, right, key] of spans) {
      this.put(left, right, this.row, card?.finalEvent[key] ?? null, "text", {
        field: `finalEvent.${key}`,
        input: {
          prompt: FINAL_EVENT_PROMPTS[key],
          ...(key === "level" ? { list: "eventLevels" as const, strict: true } : {}),
        },
      });
    }
    this.minHeights.set(this.row, 45);
    this.row++;
    this.end("finalEvent", from);
  }

  /** The final diagnostics; the closing lines follow. */
  private final(card: Card | undefined): void {
    const from = this.section("final");
    this.diagnosticsHeader("Компетенции, по которым были выявлены профдефициты", true);
    const rows = card?.final.rows ?? [];
    const first = this.row;
    rows.forEach((row, index) => this.diagnosticRow(row, `final.rows.${index}`, true));
    // A card's own rows, then blank ones: at least the blank card's four in all, one more
    // where the card fills them, so that every card has room to finish its diagnostics.
    const blanks = Math.max(1, FINAL_ROWS - rows.length);
    for (let i = 0; i < blanks; i++) {
      this.diagnosticRow(undefined, undefined, true);
    }
    this.levelColours(first, this.row - 1);
    this.changeColours(first, this.row - 1);
    this.end("final", from);
  }

  /** Section 5's closing lines: the day the route ended, the signatures, the conclusions. */
  private closing(card: Card | undefined): number {
    const final = card?.final;

    this.put(A, B, this.row, "Окончание работы по реализации ИОМ:", "closingLabel");
    this.put(C, D, this.row, final?.endDate ?? null, "line", {
      field: "final.endDate",
      input: { prompt: CLOSING_PROMPTS.endDate },
      numFmt: dateFormat(final?.endDate ?? null),
    });
    this.minHeights.set(this.row, 24);
    this.row += 2;

    // The signatures of section 5: the name on one line, the signature on another, each
    // with its caption beneath, as a printed form has them.
    for (const key of ["teacher", "mentor"] as const) {
      const label =
        key === "teacher" ? "Педагогический работник:" : "Наставник / старший методист / методист:";
      this.put(A, B, this.row, label, "closingLabel");
      this.put(C, E, this.row, final?.[key] ?? null, "line", {
        field: `final.${key}`,
        input: { prompt: CLOSING_PROMPTS[key] },
      });
      this.put(G, LAST, this.row, null, "signature");
      this.minHeights.set(this.row, 30);
      this.row++;
      this.put(C, E, this.row, "(фамилия, инициалы)", "caption");
      this.put(G, LAST, this.row, "(подпись)", "caption");
      this.row++;
    }
    this.row++;

    this.put(
      A,
      B,
      this.row,
      "Выводы (с указанием наиболее эффективных мероприятий, реализованных в рамках ИОМ) / анализ реализации ИОМ:",
      "label",
    );
    this.put(C, LAST, this.row, final?.conclusions ?? null, "text", {
      field: "final.conclusions",
      input: { prompt: CLOSING_PROMPTS.conclusions },
    });
    this.minHeights.set(this.row, 75);
    this.row++;
    this.extendSection("final", this.row - 1);
    return this.row - 1;
  }

  // --- tables ---------------------------------------------------------------------------------

  private diagnosticsHeader(competencyHeading: string, withComparison: boolean): void {
    const top = this.row;
    this.put(A, A, top, competencyHeading, "header", { toRow: top + 1 });
    this.put(B, B, top, "Затруднения", "header", { toRow: top + 1 });
    this.put(C, E, top, LEVEL_HEADING, "header");
    this.put(C, C, top + 1, this.headings.low, "header");
    this.put(D, D, top + 1, this.headings.medium, "header");
    this.put(E, E, top + 1, this.headings.high, "header");
    if (withComparison) {
      this.put(F, F, top, "Примечание", "header", { toRow: top + 1 });
      this.put(G, LAST, top, COMPARISON_HEADING, "header", { toRow: top + 1 });
    } else {
      this.put(F, LAST, top, "Примечание", "header", { toRow: top + 1 });
    }
    this.row += 2;
  }

  private diagnosticRow(
    row: DiagnosticRow | undefined,
    prefix: string | undefined,
    final: boolean,
  ): void {
    const path = (field: string) => (prefix === undefined ? undefined : `${prefix}.${field}`);
    const sub = row !== undefined && this.isSubCompetency(row.competency);

    this.put(A, A, this.row, row?.competency ?? null, sub ? "subCompetency" : "text", {
      field: path("competency"),
      input: {
        prompt: final ? DIAGNOSTIC_PROMPTS.finalCompetency : DIAGNOSTIC_PROMPTS.competency,
        list: "competencies",
      },
    });
    this.put(B, B, this.row, row?.difficulties ?? null, "text", {
      field: path("difficulties"),
      input: { prompt: DIAGNOSTIC_PROMPTS.difficulties },
    });
    for (const [col, slot] of [
      [C, "low"],
      [D, "medium"],
      [E, "high"],
    ] as const) {
      const result: ResultCell | undefined = row?.results[slot];
      this.put(col, col, this.row, result?.value ?? null, "result", {
        field: path(slot),
        input: { prompt: this.levelPrompts[slot], list: "signs" },
        numFmt: result?.percentFormat ? "0%" : undefined,
      });
    }
    const noteTo = final ? F : LAST;
    this.put(F, noteTo, this.row, row?.note ?? null, "text", {
      field: path("note"),
      input: { prompt: DIAGNOSTIC_PROMPTS.note },
    });
    if (final) {
      this.put(G, LAST, this.row, null, "derived", {
        input: { prompt: DIAGNOSTIC_PROMPTS.comparison },
      });
    }
    this.minHeights.set(this.row, 20);
    this.row++;
  }

  private isSubCompetency(competency: Raw): boolean {
    const id = matchCompetency(textOf(competency) ?? "", this.catalogue).id;
    return id !== null && this.catalogue.byId(id)?.parent !== undefined;
  }

  // --- conditional formatting -----------------------------------------------------------------

  /** Deficit levels in colour: a mark in «Низкий» green, «Средний» amber, «Высокий» red. */
  private levelColours(first: number, last: number): void {
    if (last < first) {
      return;
    }
    const colours: [number, string][] = [
      [C, "E2EFDA"],
      [D, "FFF2CC"],
      [E, "F8CBAD"],
    ];
    for (const [col, fill] of colours) {
      const top = cellAddress(first - 1, col);
      // «-», «−», «–» mean no deficit: no colour.
      const value = `TRIM(${top})`;
      this.conditional.push({
        range: `${top}:${cellAddress(last - 1, col)}`,
        formula: `AND(LEN(${value})>0,${value}<>"-",${value}<>"−",${value}<>"–")`,
        fill,
      });
    }
  }

  /** An overdue activity: fill's mark in «Контроль сроков», or a date cell past today with no mark. */
  private overdueColours(first: number, last: number): void {
    const row = first;
    const done = `$${letter(E)}${row}`;
    const period = `$${letter(D)}${row}`;
    const mark = `$${letter(H)}${row}`;
    this.conditional.push({
      range: `${letter(E)}${first}:${letter(E)}${last}`,
      formula: `OR(LEN(${mark})>0,AND(LEN(${done})=0,ISNUMBER(${period}),${period}<TODAY()))`,
      fill: "F8CBAD",
    });
    this.conditional.push({
      range: `${letter(H)}${first}:${letter(H)}${last}`,
      formula: `LEN(${letter(H)}${first})>0`,
      color: "C00000",
    });
  }

  /** The comparison: a deficit that grew in red, one eliminated in green. */
  private changeColours(first: number, last: number): void {
    const range = `${letter(G)}${first}:${letter(G)}${last}`;
    this.conditional.push({ range, formula: `${letter(G)}${first}="вырос"`, color: "C00000" });
    this.conditional.push({ range, formula: `${letter(G)}${first}="устранён"`, color: "2E7D32" });
  }

  // --- the lists sheet ------------------------------------------------------------------------

  private listsSheet(): void {
    this.lists
      .filter((l) => l.id !== "eventLevels")
      .forEach((list, col) => {
        this.listCells.push({
          cell: cellAddress(0, col),
          value: LIST_HEADINGS[list.id as keyof typeof LIST_HEADINGS][1],
          style: "listHeader",
        });
        list.values.forEach((value, i) =>
          this.listCells.push({ cell: cellAddress(i + 1, col), value, style: "listValue" }),
        );
      });
  }

  // --- cells, rows, sections ------------------------------------------------------------------

  /**
   * Puts a cell at row `row` spanning columns `from`…`to` (and rows to `toRow`); returns its
   * address. Its text's lines count toward the rows' heights.
   */
  private put(
    from: number,
    to: number,
    row: number,
    value: Raw,
    style: StyleName,
    extra: { field?: FieldPath; input?: InputRule; numFmt?: string; toRow?: number } = {},
  ): string {
    const cell = cellAddress(row - 1, from);
    const toRow = extra.toRow ?? row;
    const item: TemplateCell = { cell, value, style };
    if (to > from || toRow > row) {
      item.merge = `${cell}:${cellAddress(toRow - 1, to)}`;
    }
    if (extra.field) {
      item.field = extra.field;
    }
    if (extra.input) {
      item.input = extra.input;
    }
    if (extra.numFmt) {
      item.numFmt = extra.numFmt;
    }
    this.cells.push(item);

    if (value !== null && style !== "title" && style !== "section") {
      const width = WIDTHS.slice(from, to + 1).reduce((sum, w) => sum + w, 0);
      const s = TEMPLATE_STYLES[style];
      this.tallTexts.push({
        rows: [row, toRow],
        text: String(value),
        width,
        bold: s.bold === true,
      });
    }
    return cell;
  }

  private section(id: SectionId): number {
    const from = this.row;
    this.put(A, LAST, this.row, SECTION_NAMES[id][1], "section");
    this.minHeights.set(this.row, 24);
    this.row++;
    return from;
  }

  private end(id: SectionId, from: number): void {
    this.sections.push({ id, from, to: this.row - 1 });
    this.row++;
  }

  private extendSection(id: SectionId, to: number): void {
    const section = this.sections.find((s) => s.id === id);
    if (section) {
      section.to = to;
    }
  }

  private sectionStart(id: SectionId): number | undefined {
    return this.sections.find((s) => s.id === id)?.from;
  }

  /** Row heights: enough lines for the longest text of each row, merged rows sharing theirs. */
  private heights(): { row: number; height: number }[] {
    const heights = new Map(this.minHeights);
    const lineHeight = 14.5;
    const need = (t: (typeof this.tallTexts)[number]) =>
      linesOf(t.text, t.width, t.bold) * lineHeight + 5;

    for (const t of this.tallTexts.filter((t) => t.rows[0] === t.rows[1])) {
      const row = t.rows[0];
      heights.set(row, Math.max(heights.get(row) ?? 0, need(t)));
    }
    for (const t of this.tallTexts.filter((t) => t.rows[0] !== t.rows[1])) {
      const [top, bottom] = t.rows;
      let total = 0;
      for (let r = top; r <= bottom; r++) {
        total += heights.get(r) ?? 15;
      }
      const missing = need(t) - total;
      if (missing > 0) {
        const extra = missing / (bottom - top + 1);
        for (let r = top; r <= bottom; r++) {
          heights.set(r, (heights.get(r) ?? 15) + extra);
        }
      }
    }
    return [...heights.entries()]
      .sort(([a], [b]) => a - b)
      .map(([row, height]) => ({ row, height: Math.ceil(height) }));
  }
}

/** How many lines a text takes in a column this many characters wide, wrapped at words. */
function linesOf(text: string, width: number, bold: boolean): number {
  // Times New Roman is narrower than the «0» of the default font the width counts in.
  const perLine = Math.max(4, Math.floor(width * (bold ? 1.1 : 1.3)) - 1);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      if (line > 0 && line + 1 + word.length > perLine) {
        lines += 1 + Math.floor((word.length - 1) / perLine);
        line = word.length % perLine;
      } else {
        line += (line > 0 ? 1 : 0) + word.length;
      }
    }
  }
  return Math.max(1, lines);
}

/** A date serial shows as a date; a year or a text stays as it is. */
function dateFormat(value: Raw): string | undefined {
  return typeof value === "number" && value > 2200 ? DATE_FORMAT : undefined;
}

function letter(col: number): string {
  return cellAddress(0, col).replace(/\d+$/, "");
}

/**
 * The grid a sheet of the template reads as once laid out: its values, number formats and
 * merges, as an adapter would give them back. For checking a layout without a workbook.
 *
 * @example readCardSheet(layoutGrid(cardTemplate(card).card))?.card
 */
export function layoutGrid(sheet: TemplateSheet): Grid {
  const rows: (GridCell | null)[][] = [];
  const merges: Range[] = [];
  for (const item of sheet.cells) {
    const { row, col } = parseAddress(item.cell);
    if (item.merge) {
      const [, to] = item.merge.split(":") as [string, string];
      const end = parseAddress(to);
      merges.push({ top: row, left: col, bottom: end.row, right: end.col });
    }
    if (item.value === null) {
      continue;
    }
    const cell: GridCell = { value: item.value };
    if (item.numFmt) {
      cell.format = item.numFmt;
      if (item.numFmt === DATE_FORMAT) {
        cell.date = true;
      }
    }
    const cells = (rows[row] ??= []);
    while (cells.length < col) {
      cells.push(null);
    }
    cells[col] = cell;
  }
  for (let i = 0; i < rows.length; i++) {
    rows[i] ??= [];
  }
  return { name: sheet.name, rows, merges };
}

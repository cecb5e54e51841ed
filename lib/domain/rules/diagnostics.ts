import type { DeficitColumn, DiagnosticRow } from "../card.js";
import type { Catalogue } from "../catalogue.js";
import { matchCompetency, OTHER, splitCompetencies } from "../catalogue.js";
import type { Config } from "../config.js";
import type { ResultSlot } from "../diagnostics.js";
import { isSignificant, readDiagnosticRow } from "../diagnostics.js";
import type { Finding } from "../finding.js";
import { finding } from "../finding.js";
import { DEFICIT_COLUMNS, DEFICIT_LEVEL_NAMES } from "../levels.js";
import { squash } from "../text.js";
import { readDiagnosticForms, textOf } from "../vocabulary.js";
import type { RuleContext } from "./context.js";

/**
 * Rules of the diagnostics tables, entry and final: the competency each row names, each
 * result cell (readable; a percent in the column of its band; one column per row), signs in
 * a standardized card (§2.1), and that entry diagnostics were done at all.
 */
export function checkDiagnostics(context: RuleContext): Finding[] {
  const { card } = context;
  const findings: Finding[] = [];

  card.entry.forEach((row, index) => findings.push(...checkRow(row, `entry.${index}`, context)));
  card.final.rows.forEach((row, index) =>
    findings.push(...checkRow(row, `final.rows.${index}`, context)),
  );

  findings.push(...repeatedCompetencies(card.entry, "entry", context));
  findings.push(...repeatedCompetencies(card.final.rows, "final.rows", context));

  const anyResult = card.entry.some(
    (row) => readDiagnosticRow(row, context.config).slots.length > 0,
  );
  if (!anyResult) {
    findings.push(
      finding(
        "entry.missing",
        "В разделе «Результаты входной диагностики» нет ни одного результата: внесите процент выполнения заданий или знак «+»/«−» по каждой компетенции",
        "entry",
      ),
    );
  }

  const forms = readDiagnosticForms(card.general.diagnosticForms).forms;
  if (forms.length === 1 && forms[0] === "standardized") {
    card.entry.forEach((row, index) => {
      const signs = readDiagnosticRow(row, context.config).slots.filter(
        (s) => s.classification.level !== null && s.classification.percent === undefined,
      );
      const first = signs[0];
      if (first) {
        findings.push(
          finding(
            "deficit.sign-in-standardized",
            `${rowName(row)}: знак или слово вместо процента, хотя диагностика стандартизированная; знаки «+»/«−» ставят, если диагностика проведена не в стандартизированной форме (§2.1)`,
            `entry.${index}.${first.slot}`,
          ),
        );
      }
    });
  }
  return findings;
}

/**
 * Every competency with a medium or high deficit, or «+», at entry is served by at least one
 * activity of the plan that names it, or names the heading it belongs to. Checked once the
 * plan has an activity: at the diagnostic stage there is no plan yet.
 */
export function checkServed(context: RuleContext): Finding[] {
  const { card, catalogue, config } = context;
  if (context.stage === "diagnostic") {
    return [];
  }

  const served = new Set<string>();
  for (const item of card.plan) {
    for (const name of splitCompetencies(textOf(item.competencies) ?? "")) {
      served.add(servedKey(name, catalogue));
    }
  }

  const findings: Finding[] = [];
  card.entry.forEach((row, index) => {
    const reading = readDiagnosticRow(row, config);
    // A name the catalogue lacks is reported as such; asking for an activity naming it
    // would only lead to a second unknown name in the plan.
    const named = matchCompetency(textOf(row.competency) ?? "", catalogue).id;
    if (!isSignificant(reading.level) || named === null) {
      return;
    }
    const key = servedKey(textOf(row.competency) ?? "", catalogue);
    const parent = catalogue.byId(key)?.parent;
    const children = catalogue.competencies.filter((c) => c.parent === key).map((c) => c.id);
    if (served.has(key) || (parent && served.has(parent)) || children.some((c) => served.has(c))) {
      return;
    }
    findings.push(
      finding(
        "competency.not-served",
        `${rowName(row)}: профдефицит (${DEFICIT_LEVEL_NAMES[reading.level!]}) не закрыт ни одним мероприятием карты развития; добавьте мероприятие и укажите эту компетенцию в «Формируемые компетенции»`,
        `entry.${index}.competency`,
      ),
    );
  });
  return findings;
}

/**
 * A competency named in two rows of one table, each with a result: the card holds one row a
 * competency (Appendix 1), and which of the two results counts is not for iom-kit to guess.
 * The first is read (the summary counts it); the second is reported. «Иное» rows differ by
 * their text.
 */
function repeatedCompetencies(
  rows: readonly DiagnosticRow[],
  prefix: string,
  { catalogue, config }: RuleContext,
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const match = matchCompetency(textOf(row.competency) ?? "", catalogue);
    // «Предметная» stands once a subject, its subject often in another column or a merged
    // cell, and «Иное» says what it is in its own text or in «Затруднения»: neither can be
    // told to repeat.
    const unsure = match.id === "subject" || (match.id === OTHER && !match.specified);
    if (match.id === null || unsure || readDiagnosticRow(row, config).slots.length === 0) {
      return;
    }
    const key = `${match.id}\u0000${squash(match.specified ?? "")}`;
    if (!seen.has(key)) {
      seen.add(key);
      return;
    }
    findings.push(
      finding(
        "competency.duplicate",
        `${rowName(row)}: эта компетенция уже есть выше, с результатом; учитывается первая строка — оставьте одну`,
        `${prefix}.${index}.competency`,
      ),
    );
  });
  return findings;
}

function checkRow(
  row: DiagnosticRow,
  prefix: string,
  { catalogue, config }: RuleContext,
): Finding[] {
  const findings: Finding[] = [];
  const reading = readDiagnosticRow(row, config);
  const name = rowName(row);

  const text = textOf(row.competency);
  const match = matchCompetency(text ?? "", catalogue);
  if (text === null && reading.slots.length > 0) {
    findings.push(
      finding(
        "competency.unknown",
        "У результата не указана компетенция: впишите её название",
        `${prefix}.competency`,
      ),
    );
  } else if (text !== null && match.id === null) {
    findings.push(
      finding(
        "competency.unknown",
        `Компетенции «${text}» нет в карте ИОМ: выберите из списка карты или запишите в строку «Иное (указать)»; район может добавить её в настройки`,
        `${prefix}.competency`,
      ),
    );
  } else if (
    match.id === OTHER &&
    !match.specified &&
    textOf(row.difficulties) === null &&
    reading.slots.length > 0
  ) {
    findings.push(
      finding(
        "competency.other-unspecified",
        "В строке «Иное (указать)» не указано, о какой компетенции речь: допишите её название",
        `${prefix}.competency`,
      ),
    );
  }

  // QUIRKS.md: a value in the wrong column. A bare percent in «Затруднения» or «примечание»
  // is a result that missed its level column; the reader does not guess which one.
  for (const [column, what] of [
    ["difficulties", "Затруднения"],
    ["note", "Примечание"],
  ] as const) {
    const value = row[column];
    if (
      typeof value === "number" ||
      (typeof value === "string" && /^\s*\d+(?:[.,]\d+)?\s*%\s*$/.test(value))
    ) {
      findings.push(
        finding(
          "deficit.wrong-column",
          `${name}: «${String(value).trim()}» в графе «${what}» похоже на результат диагностики: перенесите его в графу своего уровня`,
          `${prefix}.${column}`,
        ),
      );
    }
  }

  for (const { slot, classification } of reading.slots) {
    if (classification.problem !== undefined) {
      findings.push(
        finding("deficit.unreadable", `${name}: ${classification.problem}`, `${prefix}.${slot}`),
      );
    } else if (
      slot !== "single" &&
      (classification.percent !== undefined || classification.scaleWord !== undefined) &&
      classification.level !== slot
    ) {
      const value =
        classification.percent !== undefined
          ? `${formatPercent(classification.percent)} %`
          : `«${classification.scaleWord}»`;
      const level = classification.level as DeficitColumn;
      findings.push(
        finding(
          "deficit.wrong-column",
          `${name}: ${value} — ${DEFICIT_LEVEL_NAMES[level]} уровень профдефицита (${bandOf(level, config)}), а стоит в графе «${columnName(slot)}»: перенесите в графу «${columnName(level)}»`,
          `${prefix}.${slot}`,
        ),
      );
    }
  }

  const significant = reading.slots.filter(
    (s) => s.classification.level !== null && s.classification.level !== "absent",
  );
  if (significant.length > 1) {
    const second = significant[1]!;
    findings.push(
      finding(
        "deficit.several-columns",
        `${name}: результат стоит сразу в нескольких графах (${significant.map((s) => `«${columnName(s.slot)}»`).join(", ")}): оставьте одну`,
        `${prefix}.${second.slot}`,
      ),
    );
  }
  return findings;
}

/** How messages name a diagnostics row: by its competency as written. */
function rowName(row: DiagnosticRow): string {
  const text = textOf(row.competency);
  return text === null
    ? "Строка без компетенции"
    : `«${text.replace(/\s+/g, " ").replace(/:$/, "")}»`;
}

/** A column by its short name, as every layout heads it: «Средний». */
function columnName(slot: ResultSlot): string {
  if (slot === "single") {
    return "Результат";
  }
  return DEFICIT_COLUMNS.find((c) => c.id === slot)!.name;
}

/**
 * The band of a level as iom-kit reads percents (DESIGN.md): «больше 80 %», «больше 60 и не
 * больше 80 %», «60 % и меньше» — the district's thresholds where it has its own. The card's
 * own headings (81–100, 61–80, менее 60) leave 60 and 80.5 in no band, so messages say this.
 */
function bandOf(level: DeficitColumn, config: Config): string {
  const low = formatPercent(config.thresholds.low);
  const medium = formatPercent(config.thresholds.medium);
  return {
    low: `больше ${low} %`,
    medium: `больше ${medium} и не больше ${low} %`,
    high: `${medium} % и меньше`,
  }[level];
}

/**
 * The key a competency is served by: the catalogue's id, or the words of a name the catalogue
 * lacks, so that «Иное (указать): наставничество» at entry meets «Наставничество» in the plan.
 */
function servedKey(name: string, catalogue: Catalogue): string {
  const match = matchCompetency(name, catalogue);
  if (match.id === OTHER) {
    return `text:${squash(match.specified ?? "")}`;
  }
  return match.id ?? `text:${squash(name)}`;
}

function formatPercent(percent: number): string {
  return String(Math.round(percent * 10) / 10).replace(".", ",");
}

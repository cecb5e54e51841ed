import type { DeficitColumn, DeficitLevel, Raw } from "./card.js";
import type { Config } from "./config.js";
import { defaultConfig } from "./config.js";
import { normalizeText } from "./text.js";

/** What `classifyDeficit` read from a result cell. */
export interface Classification {
  /** The level of deficit, or null for an empty cell and for a value it cannot read. */
  level: DeficitLevel | null;
  /** The share of tasks done, in %, where the value was a percent. */
  percent?: number;
  /** Why the value could not be read, in Russian, for a finding at the cell. */
  problem?: string;
  /**
   * A word of the district's own scale (`config.scaleWords`): like a percent, it says its
   * level whatever column it stands in, so a rule can tell it stands in the wrong one.
   */
  scaleWord?: string;
}

export interface ClassifyOptions {
  /** The level column the value stands in; a sign takes its level from it. */
  column?: DeficitColumn;
  /** Whether the cell shows its number as a percent (0.75 shown as 75 %). */
  percentFormat?: boolean;
  /**
   * The value is a level of mastery (a column «Уровень сформированности»): «высокий» there is
   * a low deficit, «низкий» a high one (QUIRKS.md: «высокий» meant as a high result).
   */
  mastery?: boolean;
  config?: Config;
}

/**
 * Classifies a diagnostics result: a share of tasks done, or a sign (§2.1, DESIGN.md).
 *
 * - a number with a percent format is a fraction; a text with «%» is a percent;
 * - a number from 1 to 100, whole or not, is a percent; 0 is 0 %; a number between 0 and 1
 *   that is not whole is a fraction (`0,75` → 75 %); `75 из 100 баллов` is 75 %;
 * - above `thresholds.low` (80) is low, above `thresholds.medium` (60) is medium, the rest high;
 * - «+» (also «да», «есть») is a deficit at the column's level, or `present` with no column;
 *   «−» (also `-`, `–`, «нет») is `absent`;
 * - the level's name (низкий, минимальный, средний, высокий) is that level; the district's
 *   scale words (`config.scaleWords`) are theirs.
 *
 * Anything else (points with no maximum, a level word contradicting its column) gives level
 * null and a `problem`: a finding at the cell, never a guess.
 *
 * @example classifyDeficit("75%") // { level: "medium", percent: 75 }
 * @example classifyDeficit("+", { column: "high" }) // { level: "high" }
 */
export function classifyDeficit(
  input: Raw | undefined,
  options: ClassifyOptions = {},
): Classification {
  const config = options.config ?? defaultConfig;

  if (typeof input === "number") {
    return fromNumber(input, options.percentFormat === true, config);
  }
  if (typeof input === "boolean") {
    return input ? { level: options.column ?? "present" } : { level: "absent" };
  }
  // A cell holding only a soft hyphen or a zero-width space (pasted from Word) is empty too.
  const text = input === null || input === undefined ? "" : normalizeText(input);
  if (input === null || input === undefined || text === "") {
    return { level: null };
  }

  const percent = readPercentText(text);
  if (percent !== undefined) {
    return typeof percent === "number"
      ? band(percent, config)
      : { level: null, problem: percent.problem };
  }

  if (PLUS.test(text)) {
    return { level: options.column ?? "present" };
  }
  if (MINUS.test(text)) {
    return { level: "absent" };
  }

  const scale = scaleWord(text, config);
  if (scale !== undefined) {
    return { level: scale, scaleWord: input.trim() };
  }

  const said = levelWord(text);
  const word = said !== undefined && options.mastery ? INVERSE[said] : said;
  if (word !== undefined) {
    if (options.column !== undefined && word !== options.column) {
      return {
        level: null,
        problem: `слово «${input.trim()}» стоит в графе «${COLUMN_NAMES[options.column]}»: неясно, какой это уровень профдефицита; укажите процент или знак «+» в нужной графе`,
      };
    }
    return { level: word };
  }

  if (/балл/.test(text)) {
    return {
      level: null,
      problem: `«${input.trim()}»: баллы без максимума не переводятся в процент; запишите «N из M баллов» или процент`,
    };
  }
  // A word alone («Оптимальный») is most likely another region's scale: say how to teach it.
  const scaleHint = /^[\p{L}][\p{L} -]{2,38}$/u.test(input.trim())
    ? "; если это слово шкалы вашего региона, район может указать его уровень в настройках (scaleWords)"
    : "";
  return {
    level: null,
    problem: `«${input.trim()}» не удаётся прочитать как результат: укажите процент выполнения заданий или знак «+»/«−»${scaleHint}`,
  };
}

const COLUMN_NAMES: Record<DeficitColumn, string> = {
  low: "Низкий",
  medium: "Средний",
  high: "Высокий",
};

/**
 * «+» and what stands for it: a check mark, «да», «есть»; a word of the level in brackets
 * after it («+ (высокий)») only repeats the column.
 */
const PLUS = /^(?:\+|✓|✔|☑|да|есть|имеется|присутству(?:ет|ют))(?:\s*\([^)]*\))?$/u;
const MINUS = /^(?:-|−|–|—|нет|отсутству(?:ет|ют))$/;

function fromNumber(value: number, percentFormat: boolean, config: Config): Classification {
  if (!Number.isFinite(value)) {
    return { level: null, problem: `значение ${value} не удаётся прочитать как результат` };
  }

  // A percent-formatted cell holds a fraction: 0.75 shows as 75 %.
  if (percentFormat) {
    return inRange(value * 100, config);
  }
  // 1 is 1 %, not 100 %: only a fraction that is not whole reads as a share (DESIGN.md).
  if (value > 0 && value < 1) {
    return inRange(value * 100, config);
  }
  return inRange(value, config);
}

/** A text with «%», a plain number, or «N из M (баллов)»; undefined when it is none of them. */
function readPercentText(text: string): number | { problem: string } | undefined {
  const withSign = /^(-?\d+(?:[.,]\d+)?)\s*%$/.exec(text);
  if (withSign) {
    return checkRange(parseDecimal(withSign[1]!));
  }

  const plain = /^-?\d+(?:[.,]\d+)?$/.exec(text);
  if (plain) {
    const value = parseDecimal(plain[0]);
    return checkRange(value > 0 && value < 1 ? value * 100 : value);
  }

  const outOf =
    /^(-?\d+(?:[.,]\d+)?)\s*(?:балл(?:а|ов)?\s*)?(?:из|\/)\s*(\d+(?:[.,]\d+)?)(?:\s*(?:балл(?:а|ов)?|б\.?))?$/.exec(
      text,
    );
  if (outOf) {
    const got = parseDecimal(outOf[1]!);
    const max = parseDecimal(outOf[2]!);
    if (max <= 0 || got < 0 || got > max) {
      return {
        problem: `«${text}»: набранные баллы должны быть от 0 до максимума, а максимум — больше нуля`,
      };
    }
    return (got / max) * 100;
  }

  return undefined;
}

function checkRange(percent: number): number | { problem: string } {
  // A number too large for a double (400 nines, or 1e308 in a percent cell) is no «Infinity %».
  if (!Number.isFinite(percent)) {
    return { problem: "число слишком велико для процента выполнения: проверьте значение" };
  }
  if (percent < 0 || percent > 100) {
    return { problem: `${formatPercent(percent)} % — вне пределов 0–100 %: проверьте значение` };
  }
  return percent;
}

function inRange(percent: number, config: Config): Classification {
  const checked = checkRange(percent);
  return typeof checked === "number"
    ? band(checked, config)
    : { level: null, problem: checked.problem };
}

/**
 * The bands (DESIGN.md): above 80 low, above 60 medium, the rest high. The regulation's own
 * bands (81–100, 61–80, «менее 60») leave 60 and fractions between bands in none; iom-kit
 * closes the gaps this way, and a district can move the thresholds.
 */
function band(percent: number, config: Config): Classification {
  const rounded = Math.round(percent * 1e6) / 1e6;
  const { low, medium } = config.thresholds;
  const level = rounded > low ? "low" : rounded > medium ? "medium" : "high";
  return { level, percent: rounded };
}

const INVERSE: Record<DeficitColumn, DeficitColumn> = {
  low: "high",
  medium: "medium",
  high: "low",
};

function levelWord(text: string): DeficitColumn | undefined {
  const word = text.replace(/\s*уровень.*$/, "").replace(/[.!]+$/, "");
  if (/^(?:низк|минимальн)/.test(word)) {
    return "low";
  }
  if (/^средн/.test(word)) {
    return "medium";
  }
  if (/^высок/.test(word)) {
    return "high";
  }
  return undefined;
}

function scaleWord(text: string, config: Config): DeficitColumn | undefined {
  const word = text.replace(/[.!]+$/, "");
  for (const [scale, level] of Object.entries(config.scaleWords)) {
    if (normalizeText(scale) === word) {
      return level;
    }
  }
  return undefined;
}

function parseDecimal(text: string): number {
  return Number(text.replace(",", "."));
}

function formatPercent(percent: number): string {
  return String(Math.round(percent * 100) / 100).replace(".", ",");
}

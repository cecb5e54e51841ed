import type { Config } from "../../../lib/domain/config.js";
import {
  ConfigError,
  defaultConfig,
  parseConfig,
  problemInRussian,
} from "../../../lib/domain/config.js";

/** What the pane keeps between sessions: the district's configuration as the user wrote it. */
export interface StoredSettings {
  /** The configuration's JSON text; empty for the regulation's defaults. */
  configText: string;
}

const KEY = "iom-kit.settings";

export function loadSettings(
  storage: Pick<Storage, "getItem"> | undefined = safeStorage(),
): StoredSettings {
  try {
    const parsed = JSON.parse(storage?.getItem(KEY) ?? "{}") as Partial<StoredSettings>;
    return { configText: typeof parsed.configText === "string" ? parsed.configText : "" };
  } catch {
    return { configText: "" };
  }
}

export function saveSettings(
  settings: StoredSettings,
  storage: Pick<Storage, "setItem"> | undefined = safeStorage(),
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage may be off (private mode, a locked-down Office): the settings then last the session.
  }
}

/**
 * The configuration from its JSON text: the defaults for an empty text, else the parsed one,
 * or the Russian problems that stop it.
 *
 * @example readConfigText('{"thresholds":{"low":85,"medium":65}}').config?.thresholds.low // 85
 */
export function readConfigText(
  text: string,
): { config: Config; problems: null } | { config: null; problems: string[] } {
  if (text.trim() === "") {
    return { config: defaultConfig, problems: null };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The browser's own message is English and names positions in characters: say what to check.
    return {
      config: null,
      problems: [
        "Текст не читается как JSON: проверьте фигурные скобки, запятые между полями и двойные кавычки вокруг названий",
      ],
    };
  }
  try {
    return { config: parseConfig(json), problems: null };
  } catch (error) {
    if (error instanceof ConfigError) {
      return { config: null, problems: error.problems.map(problemInRussian) };
    }
    throw error;
  }
}

/**
 * What a configuration sets, in a methodist's words, a line a part: the bands of the levels,
 * the competencies it adds, the words of other scales, the route's length.
 *
 * @example describeConfig(defaultConfig)[0] // "Уровень профдефицита: низкий — больше 80 % …"
 */
export function describeConfig(config: Config): string[] {
  const { low, medium } = config.thresholds;
  const percent = (value: number) => `${String(value).replace(".", ",")} %`;
  const added = config.competencies.filter((c) => c.name !== undefined).map((c) => c.name!);
  const words = Object.entries(config.scaleWords).map(
    ([word, level]) => `«${word}» — ${LEVEL_WORDS[level]}`,
  );
  const { minMonths, maxMonths } = config.route;

  return [
    `Уровень профдефицита: низкий — больше ${percent(low)} выполнения, средний — больше ${percent(medium)} до ${percent(low)}, высокий — ${percent(medium)} и меньше.`,
    added.length > 0
      ? `Дополнительные компетенции: ${added.join(", ")}.`
      : "Дополнительных компетенций нет: перечень карты.",
    words.length > 0
      ? `Слова шкал других регионов: ${words.join(", ")}.`
      : "Слов шкал других регионов нет.",
    `Срок ИОМ: от ${minMonths} до ${maxMonths} мес.`,
  ];
}

const LEVEL_WORDS = { low: "низкий", medium: "средний", high: "высокий" } as const;

/** A district's configuration to start from: the regulation's thresholds and one competency more. */
export const CONFIG_EXAMPLE = `{
  "thresholds": { "low": 80, "medium": 60 },
  "competencies": [{ "id": "communicative", "name": "Коммуникативная компетенция" }],
  "scaleWords": { "Оптимальный": "low", "Достаточный": "medium", "Критический": "high" }
}`;

/**
 * A day as a methodist types it, «16.11.2025» (or «2025-11-16»), as local midnight; null when
 * it is not a day. A plain text field, not a date input: a browser's date input follows the
 * browser's language, not the user's, and shows 11/16/2025 in many.
 *
 * @example parseDayInput("16.11.2025")?.getDate() // 16
 */
export function parseDayInput(text: string): Date | null {
  const trimmed = text.trim();
  const russian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, day] = russian
    ? [russian[3], russian[2], russian[1]]
    : iso
      ? [iso[1], iso[2], iso[3]]
      : [];
  if (year === undefined || month === undefined || day === undefined) {
    return null;
  }
  const date = new Date(Number(year), Number(month) - 1, Number(day));
  return date.getDate() === Number(day) && date.getMonth() === Number(month) - 1 ? date : null;
}

/** Today as the pane writes a day, «16.11.2025». */
export function todayInput(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(now.getDate())}.${pad(now.getMonth() + 1)}.${now.getFullYear()}`;
}

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

import type { Config } from "../../../lib/domain/config.js";
import { ConfigError, defaultConfig, parseConfig } from "../../../lib/domain/config.js";

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
  } catch (error) {
    return { config: null, problems: [`Это не JSON: ${(error as Error).message}`] };
  }
  try {
    return { config: parseConfig(json), problems: null };
  } catch (error) {
    if (error instanceof ConfigError) {
      return { config: null, problems: error.problems.map(inRussian) };
    }
    throw error;
  }
}

/**
 * A problem's field path in the words of the settings' own description: `thresholds.low:
 * …` reads «Пороги → низкий: …» for a methodist who never saw the JSON's keys in English.
 */
function inRussian(problem: string): string {
  const colon = problem.indexOf(": ");
  if (colon < 0) {
    return problem;
  }
  const path = problem
    .slice(0, colon)
    .split(".")
    .map((part) => FIELD_NAMES[part] ?? part)
    .join(" → ");
  return `${path}: ${problem.slice(colon + 2)}`;
}

const FIELD_NAMES: Record<string, string> = {
  thresholds: "Пороги уровней",
  low: "низкий",
  medium: "средний",
  competencies: "Компетенции",
  id: "код",
  name: "название",
  aliases: "другие названия",
  scaleWords: "Слова шкал",
  route: "Сроки ИОМ",
  minMonths: "не короче (месяцев)",
  maxMonths: "не длиннее (месяцев)",
  "(корень)": "Настройки",
};

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

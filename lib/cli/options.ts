import { readFile } from "node:fs/promises";

import type { Config } from "../domain/config.js";
import { ConfigError, defaultConfig, parseConfig, problemInRussian } from "../domain/config.js";
import { parseDay } from "../domain/dates.js";

/** The file `iom template` writes when `-o` is not given. */
export const DEFAULT_TEMPLATE = "card.xlsx";

/** A mistake in how the command was called: exit status 64 (DESIGN.md, CLI). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The as-of day of `--today`, or the local date. */
export function asOfDay(today: string | undefined): Date {
  if (today === undefined) {
    const now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  }
  let day;
  try {
    day = parseDay(today);
  } catch {
    throw new UsageError(
      `--today: «${today}» не дата; укажите её в виде ГГГГ-ММ-ДД, например 2025-11-16`,
    );
  }
  // A year like 0099 is a typo, and before 1900 no spreadsheet has a day to compare with.
  if (day.getFullYear() < 1900 || day.getFullYear() > 2199) {
    throw new UsageError(
      `--today: «${today}» — год ${day.getFullYear()} вне 1900–2199; укажите день проверки, например 2025-11-16`,
    );
  }
  return day;
}

/** The configuration of `--config`, or the regulation's defaults. */
export async function loadConfig(path: string | undefined): Promise<Config> {
  if (path === undefined) {
    return defaultConfig;
  }

  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UsageError(`--config: файл «${path}» не найден или не читается`);
  }
  let json: unknown;
  try {
    // Windows Notepad saves UTF-8 with a byte order mark.
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UsageError(
      `--config: «${path}» не читается как JSON; проверьте кавычки, запятые и скобки${whereBroken(text, error)}`,
    );
  }
  try {
    return parseConfig(json);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new UsageError(
        `--config: «${path}»: ${error.problems.map(problemInRussian).join("; ")}`,
      );
    }
    throw error;
  }
}

/** « (строка 3, символ 14)» where the parser names a position, for the methodist's editor. */
function whereBroken(text: string, error: unknown): string {
  const at = /position (\d+)/.exec((error as Error).message);
  if (at === null) {
    return "";
  }
  const before = text.replace(/^\uFEFF/, "").slice(0, Number(at[1]));
  const lines = before.split("\n");
  return ` (строка ${lines.length}, символ ${lines.at(-1)!.length + 1})`;
}

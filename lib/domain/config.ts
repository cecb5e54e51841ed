import * as z from "zod";
import russian from "zod/v4/locales/ru.js";

import { competencyKey, COMPETENCIES } from "./competencies.js";

/**
 * A district's configuration: the deficit bands and what its cards add to the catalogue.
 * The defaults are the regulation's (§2.1 and Appendix 1) with iom-kit's reading of the
 * values the regulation leaves in no band (see DESIGN.md, Deficit levels).
 *
 * @example
 * const config = parseConfig({
 *   competencies: [{ id: "communicative", name: "Коммуникативная компетенция" }],
 *   scaleWords: { Оптимальный: "low", Достаточный: "medium", Критический: "high" },
 * });
 */
export const ConfigSchema = z
  .object({
    thresholds: z
      .object({
        /** A percent above this is a low deficit (regulation: 81–100 %). */
        low: z.number().min(0).max(100).default(80),
        /** A percent above this (and not above `low`) is a medium deficit (61–80 %). */
        medium: z.number().min(0).max(100).default(60),
      })
      .strict()
      .default({ low: 80, medium: 60 })
      .refine((t) => t.medium < t.low, {
        message: "порог среднего уровня должен быть ниже порога низкого",
      }),
    /**
     * Competencies the district adds, or more names for those of the card. An `id` of the
     * built-in catalogue adds its aliases; a new `id` adds a competency before «Иное».
     */
    competencies: z
      .array(
        z
          .object({
            id: z
              .string()
              .regex(
                /^[a-z][a-z0-9-]*$/,
                "строчные латинские буквы, цифры и дефис, например «communicative»",
              ),
            name: z.string().min(1).optional(),
            aliases: z.array(z.string().min(1)).default([]),
          })
          .strict(),
      )
      .default([]),
    /** Words of other regions' scales and the deficit level each one means. */
    scaleWords: z.record(z.string().min(1), z.enum(["low", "medium", "high"])).default({}),
    /** The route's shortest and longest period in months (§1.4: from two months to two years). */
    route: z
      .object({
        minMonths: z.number().int().positive().default(2),
        maxMonths: z.number().int().positive().default(24),
      })
      .strict()
      .default({ minMonths: 2, maxMonths: 24 })
      .refine((r) => r.minMonths < r.maxMonths, {
        message: "наименьший срок маршрута должен быть меньше наибольшего",
      }),
  })
  .strict()
  .superRefine((config, context) => {
    for (const clash of nameClashes(config.competencies)) {
      context.addIssue({ code: "custom", path: clash.path, message: clash.message });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

/** The regulation's defaults. */
export const defaultConfig: Config = ConfigSchema.parse({});

/**
 * Checks a configuration (a parsed JSON file, the pane's settings) and fills in defaults.
 *
 * @throws {ConfigError} naming each wrong field in Russian.
 */
export function parseConfig(input: unknown): Config {
  const parsed = ConfigSchema.safeParse(input ?? {}, { error: plainRussian });

  if (!parsed.success) {
    // A problem of the whole configuration (an array where an object belongs) has no field.
    const problems = parsed.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    );
    throw new ConfigError(problems);
  }

  return parsed.data;
}

/**
 * A problem's field path in the words of the settings' own description: `thresholds.low:
 * …` reads «Пороги уровней → низкий: …», `competencies.0.id` «Компетенции → №1 → код», for a
 * methodist who never saw the JSON's keys in English. A problem of the whole text has no path.
 *
 * @example problemInRussian("thresholds.low: нужно число") // "Пороги уровней → низкий: нужно число"
 */
export function problemInRussian(problem: string): string {
  const colon = problem.indexOf(": ");
  const path = colon < 0 ? "" : problem.slice(0, colon);
  if (!/^[A-Za-z]+(?:\.[^.\s]+)*$/.test(path) || !(path.split(".")[0]! in FIELD_NAMES)) {
    return capitalize(problem);
  }
  const words = path
    .split(".")
    .map((part) => (/^\d+$/.test(part) ? `№${Number(part) + 1}` : (FIELD_NAMES[part] ?? part)))
    .join(" → ");
  return `${words}: ${problem.slice(colon + 2)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
};

/** A configuration that cannot be used; `problems` lists each wrong field. */
export class ConfigError extends Error {
  override name = "ConfigError";

  constructor(readonly problems: string[]) {
    super(`Ошибка в настройках: ${problems.join("; ")}`);
  }
}

/**
 * The names and aliases of the district's competencies that name another competency already
 * (one of the card's, or one added before): a card's row so named would be read as one of the
 * two, and its results counted for the wrong one. Names are compared as cards are matched
 * (`competencyKey`: «Методическая» is «Методическая компетенция»).
 */
function nameClashes(
  additions: readonly { id: string; name?: string | undefined; aliases: readonly string[] }[],
): { path: (string | number)[]; message: string }[] {
  const owners = new Map<string, { id: string; name: string }>();
  for (const competency of COMPETENCIES) {
    for (const name of [competency.name, ...competency.aliases]) {
      owners.set(competencyKey(name), { id: competency.id, name: competency.name });
    }
  }

  const clashes: { path: (string | number)[]; message: string }[] = [];
  additions.forEach((addition, index) => {
    const own =
      COMPETENCIES.find((c) => c.id === addition.id)?.name ?? addition.name ?? addition.id;
    const names = [
      ...(addition.name === undefined ? [] : [{ name: addition.name, at: ["name"] }]),
      ...addition.aliases.map((alias, at) => ({ name: alias, at: ["aliases", at] })),
    ];
    for (const { name, at } of names) {
      const key = competencyKey(name);
      if (key === "") {
        continue;
      }
      const owner = owners.get(key);
      if (owner !== undefined && owner.id !== addition.id) {
        clashes.push({
          path: ["competencies", index, ...at],
          message: `«${name}» — уже название компетенции «${owner.name}» (код «${owner.id}»): карта не различит их; чтобы дать ей ещё одно название, укажите код «${owner.id}»`,
        });
      } else {
        owners.set(key, { id: addition.id, name: own });
      }
    }
  });
  return clashes;
}

const RUSSIAN = russian();

/** What a wrong kind of value must be, in the words of someone who edits the file by hand. */
const KINDS: Record<string, string> = {
  object: "нужен объект в фигурных скобках { … }",
  array: "нужен список в квадратных скобках [ … ]",
  string: "нужен текст в кавычках",
  number: "нужно число",
  boolean: "нужно true или false",
  int: "нужно целое число",
};

/**
 * zod's Russian messages, but where they name JavaScript's types («ожидалось object, получено
 * массив») or keys («Нераспознанный ключ») a methodist reads what to write instead.
 */
function plainRussian(
  issue: Parameters<typeof RUSSIAN.localeError>[0],
): ReturnType<typeof RUSSIAN.localeError> {
  if (issue.code === "invalid_type" && KINDS[issue.expected] !== undefined) {
    return KINDS[issue.expected];
  }
  if (issue.code === "invalid_value" && issue.values.every((v) => typeof v === "string")) {
    return `нужно одно из значений: ${issue.values.map((v) => `"${String(v)}"`).join(", ")}`;
  }
  if (issue.code === "too_small" && issue.origin === "string") {
    return "не может быть пустым";
  }
  if (issue.code === "too_big" && (issue.origin === "number" || issue.origin === "int")) {
    const bound = Number(issue.maximum);
    // An integer above 2^53 is the bound zod sets itself: no one meant that number.
    return bound >= Number.MAX_SAFE_INTEGER
      ? "слишком большое число"
      : `нужно число ${issue.inclusive ? "не больше" : "меньше"} ${bound}`;
  }
  if (issue.code === "too_small" && (issue.origin === "number" || issue.origin === "int")) {
    const bound = Number(issue.minimum);
    return bound <= Number.MIN_SAFE_INTEGER
      ? "слишком маленькое число"
      : `нужно число ${issue.inclusive ? "не меньше" : "больше"} ${bound}`;
  }
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => `«${key}»`).join(", ");
    return issue.keys.length === 1
      ? `лишнее поле ${keys}: в настройках такого нет (опечатка?)`
      : `лишние поля ${keys}: в настройках таких нет (опечатка?)`;
  }
  return RUSSIAN.localeError(issue);
}

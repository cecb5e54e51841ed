import * as z from "zod";
import russian from "zod/v4/locales/ru.js";

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
  .strict();

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
  const parsed = ConfigSchema.safeParse(input ?? {}, { error: RUSSIAN.localeError });

  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "(корень)"}: ${issue.message}`,
    );
    throw new ConfigError(problems);
  }

  return parsed.data;
}

/** A configuration that cannot be used; `problems` lists each wrong field. */
export class ConfigError extends Error {
  override name = "ConfigError";

  constructor(readonly problems: string[]) {
    super(`Ошибка в настройках: ${problems.join("; ")}`);
  }
}

const RUSSIAN = russian();

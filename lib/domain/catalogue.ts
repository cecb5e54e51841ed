import type { Config } from "./config.js";
import { defaultConfig } from "./config.js";
import type { Competency } from "./competencies.js";
import { competencyKey, COMPETENCIES, OTHER } from "./competencies.js";

export { COMPETENCIES, OTHER } from "./competencies.js";
export type { Competency } from "./competencies.js";

/** The catalogue a configuration gives: the card's competencies and the district's additions. */
export interface Catalogue {
  readonly competencies: readonly Competency[];
  byId(id: string): Competency | undefined;
  /** Keys of every name and alias, for matching. */
  readonly keys: ReadonlyMap<string, string>;
}

/**
 * The catalogue of a configuration: a new `id` is inserted before «Иное», an existing one
 * gains the aliases.
 *
 * @example createCatalogue(parseConfig({ competencies: [{ id: "communicative", name: "Коммуникативная компетенция" }] }))
 */
export function createCatalogue(config: Config = defaultConfig): Catalogue {
  const competencies = COMPETENCIES.map((c) => ({ ...c, aliases: [...c.aliases] }));

  for (const addition of config.competencies) {
    const existing = competencies.find((c) => c.id === addition.id);
    if (existing) {
      existing.aliases.push(...addition.aliases);
      continue;
    }
    const competency = {
      id: addition.id,
      name: addition.name ?? addition.id,
      aliases: [...addition.aliases],
    };
    competencies.splice(competencies.length - 1, 0, competency);
  }

  const keys = new Map<string, string>();
  for (const competency of competencies) {
    for (const name of [competency.name, ...competency.aliases]) {
      keys.set(competencyKey(name), competency.id);
    }
  }

  return {
    competencies,
    keys,
    byId: (id) => competencies.find((c) => c.id === id),
  };
}

/** What a competency cell names: a competency of the catalogue, or nothing known. */
export interface CompetencyMatch {
  /** The catalogue's id, or null when the text names none. */
  id: string | null;
  /** For «Иное (указать): …» and «Предметная (математика)», the text the author added. */
  specified?: string;
}

/**
 * Finds the competency a cell names, whatever its spelling: short forms («Методическая»,
 * «ИКТ»), broken hyphenation, «ё», Latin look-alikes, plural, a trailing colon.
 *
 * @example matchCompetency("Естественнонаучн ая грамотность", catalogue) // { id: "science-literacy" }
 * @example matchCompetency("Иное (указать): наставничество", catalogue) // { id: "other", specified: "наставничество" }
 */
export function matchCompetency(text: string, catalogue: Catalogue): CompetencyMatch {
  // Rows and lists are numbered: «1. Предметная», «2.3) Цифровая», «а) Читательская», «№ 4».
  const trimmed = text
    .trim()
    .replace(/^(?:№\s*)?(?:(?:\d{1,2}[.)])+|[а-яa-z]\)|\(\d{1,2}\))\s*/iu, "");
  if (trimmed === "") {
    return { id: null };
  }

  const other = /^(?:иное|другое|прочее)(?:\s*\(\s*указать\s*\))?\s*[:.\-–—]?\s*(.*)$/isu.exec(
    trimmed,
  );
  if (other) {
    const specified = (other[1] ?? "").trim();
    return specified ? { id: OTHER, specified } : { id: OTHER };
  }

  const whole = catalogue.keys.get(competencyKey(trimmed));
  if (whole) {
    return { id: whole };
  }

  // «Предметная компетенция (история)»: the brackets say which subject, not which competency.
  const bracket = /^(.*?)\s*\((.+)\)\s*[:.]?\s*$/s.exec(trimmed);
  if (bracket?.[1]) {
    const id = catalogue.keys.get(competencyKey(bracket[1]));
    if (id) {
      return { id, specified: (bracket[2] ?? "").trim() };
    }
  }

  return { id: null };
}

/**
 * Splits a plan row's «Формируемые компетенции» into the names it lists: commas, semicolons,
 * line breaks, and «и» between two names.
 *
 * @example splitCompetencies("Методическая; ИКТ\nпредметная") // ["Методическая", "ИКТ", "предметная"]
 */
export function splitCompetencies(text: string): string[] {
  return text
    .split(/[,;\n\r]+|\s+и\s+(?=\S)/)
    .map((part) => part.replace(/^[\s\-–—•·*]+|[\s.]+$/g, ""))
    .filter((part) => part !== "");
}

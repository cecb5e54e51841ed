import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";

import type { Anonymize, PseudonymKind } from "../domain/summary-teacher.js";
import { UsageError } from "./options.js";

/** The environment variable that holds the district's key (DESIGN.md, Privacy). */
export const KEY_VARIABLE = "IOM_ANON_KEY";

/**
 * A key shorter than this is refused: pseudonyms are a keyed hash, and a short key can be
 * found by trying keys against a list of names.
 */
export const MIN_KEY_LENGTH = 16;

/**
 * The key of `--anonymize`: the file of `--key-file`, else the environment's `IOM_ANON_KEY`.
 * A key file's trailing line break is not part of the key.
 *
 * @throws {UsageError} where there is no key, the file cannot be read, or the key is short.
 */
export async function loadKey(
  keyFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  let key: string | undefined;
  let source: string;
  if (keyFile !== undefined) {
    source = `--key-file: «${keyFile}»`;
    try {
      key = (await readFile(keyFile, "utf8")).replace(/[\r\n]+$/, "");
    } catch {
      throw new UsageError(`${source}: файл не найден или не читается`);
    }
  } else {
    source = KEY_VARIABLE;
    key = env[KEY_VARIABLE];
  }

  if (key === undefined || key === "") {
    throw new UsageError(
      `--anonymize: нет ключа. Задайте ключ района в переменной окружения ${KEY_VARIABLE} или в файле (--key-file ФАЙЛ): без ключа псевдонимы можно подобрать по списку ФИО`,
    );
  }
  if ([...key].length < MIN_KEY_LENGTH) {
    throw new UsageError(
      `${source}: ключ короче ${MIN_KEY_LENGTH} символов; короткий ключ подбирается перебором — возьмите длиннее`,
    );
  }
  return key;
}

/** Pseudonyms of one key, and the key's fingerprint that a summary workbook keeps. */
export interface Anonymizer {
  anonymize: Anonymize;
  /** Tells summaries of one key from those of another; says nothing of the key itself. */
  keyId: string;
}

const PREFIX: Record<Exclude<PseudonymKind, "school">, string> = {
  name: "Педагог",
  mentor: "Наставник",
  file: "Файл",
  sheet: "Лист",
};

/**
 * Pseudonyms by HMAC-SHA256 of the key (DESIGN.md, Privacy): a plain hash of a name could be
 * reversed with a list of names, a keyed one cannot without the key. The same key gives the
 * same pseudonyms, so anonymized summaries merge; 48 bits keep a region's names apart. Schools
 * are kept as they are (they are in the tables by design). A mentor's pseudonym says so
 * («Наставник …») and has the code the same person has as a teacher, so that a mentor with a
 * route of her own is still seen to be one person, as without anonymization.
 *
 * @example createAnonymizer(key).anonymize("name", "ивановаанна") // "Педагог 3f9a1c2e7b04"
 * @example createAnonymizer(key).anonymize("mentor", "ивановаанна") // "Наставник 3f9a1c2e7b04"
 */
export function createAnonymizer(key: string): Anonymizer {
  const hash = (text: string) => createHmac("sha256", key).update(text, "utf8").digest("hex");
  const code = (kind: PseudonymKind, value: string) =>
    hash(`${kind === "mentor" ? "name" : kind}\u0000${value}`).slice(0, 12);

  return {
    anonymize: (kind, value) =>
      kind === "school" ? value : `${PREFIX[kind]} ${code(kind, value)}`,
    keyId: hash("iom-kit: key id").slice(0, 16),
  };
}

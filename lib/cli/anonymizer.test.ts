import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { createAnonymizer, loadKey } from "./anonymizer.js";
import { UsageError } from "./options.js";

const KEY = "ключ района: длинный и никому не известный";

describe("createAnonymizer", () => {
  it("gives one value one pseudonym under one key, and another under another key", () => {
    const { anonymize } = createAnonymizer(KEY);

    expect(anonymize("name", "ивановаанна")).toMatch(/^Педагог [0-9a-f]{12}$/);
    expect(anonymize("name", "ивановаанна")).toBe(
      createAnonymizer(KEY).anonymize("name", "ивановаанна"),
    );
    expect(anonymize("name", "ивановаанна")).not.toBe(
      createAnonymizer(`${KEY}!`).anonymize("name", "ивановаанна"),
    );
    expect(anonymize("name", "ивановаанна")).not.toBe(anonymize("name", "петровилья"));
  });

  it("calls a mentor «Наставник», with the code the same person has as a teacher", () => {
    const { anonymize } = createAnonymizer(KEY);

    expect(anonymize("mentor", "белованатальяивановна")).toMatch(/^Наставник [0-9a-f]{12}$/);
    expect(anonymize("mentor", "белованатальяивановна").slice(-12)).toBe(
      anonymize("name", "белованатальяивановна").slice(-12),
    );
  });

  it("names files and sheets apart from people, and keeps schools", () => {
    const { anonymize } = createAnonymizer(KEY);

    expect(anonymize("file", "Иванова.xlsx")).toMatch(/^Файл [0-9a-f]{12}$/);
    expect(anonymize("sheet", "Иванова")).toMatch(/^Лист [0-9a-f]{12}$/);
    expect(anonymize("file", "x").slice(-12)).not.toBe(anonymize("sheet", "x").slice(-12));
    expect(anonymize("school", "МБОУ «СОШ №1»")).toBe("МБОУ «СОШ №1»");
  });

  it("fingerprints the key without showing it", () => {
    const { keyId } = createAnonymizer(KEY);

    expect(keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyId).toBe(createAnonymizer(KEY).keyId);
    expect(keyId).not.toBe(createAnonymizer(`${KEY}!`).keyId);
  });
});

describe("loadKey", () => {
  it("takes the key file over the environment, without its last line break", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "iom-key-")), "ключ.txt");
    await writeFile(file, `${KEY}\r\n`);

    expect(await loadKey(file, { IOM_ANON_KEY: "другой ключ из окружения" })).toBe(KEY);
    expect(await loadKey(undefined, { IOM_ANON_KEY: KEY })).toBe(KEY);
  });

  it("refuses no key, a short key and a key file it cannot read", async () => {
    await expect(loadKey(undefined, {})).rejects.toThrow(UsageError);
    await expect(loadKey(undefined, { IOM_ANON_KEY: "коротко" })).rejects.toThrow(
      "IOM_ANON_KEY: ключ короче 16 символов",
    );
    await expect(loadKey("/нет/такого/ключа", {})).rejects.toThrow(
      "--key-file: «/нет/такого/ключа»: файл не найден или не читается",
    );
  });
});

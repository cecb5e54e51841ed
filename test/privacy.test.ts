import { readFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { textOf } from "../lib/domain/vocabulary.js";
import type { CardRecord } from "../lib/sheet/located.js";
import { readGrids } from "../lib/xlsx/readGrids.js";
import { readWorkbook } from "../lib/xlsx/readWorkbook.js";
import { iom as run } from "./iom.js";
import { SAMPLES, sampleFiles } from "./workbooks.js";

/**
 * Issue 8, privacy (DESIGN.md, Privacy): no phone and no e-mail in any summary or message —
 * every cell of every sheet of the summary of all samples, hidden sheets included, its JSON and
 * every line iom prints — and `--anonymize` leaves no name, file or sheet of a card.
 */

const AS_OF = "2026-11-16";
const KEY = "ключ района: длинный и никому не известный";

/**
 * Russian numbers as cards write them: +7 913 555-12-34, 8(38845)2-12-34 (+7 or 8 and ten
 * digits), and a city number alone, 22-45-67.
 */
const PHONE =
  /(?<![\w+])(?:\+7|8)[\s(-]*(?:\d[\s()-]*){9}\d(?!\w)|(?<![\w.-])\d{2,3}-\d{2}-\d{2}(?![\w.-])/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
/** The rules' own example of a phone written right (general.phone): nobody's number. */
const EXAMPLES = /(?:\+7|8) 913 123-45-67/g;

/** The phones and e-mails a text holds. */
function contactsIn(text: string): string[] {
  const bare = text.replace(EXAMPLES, "");
  return [bare.match(PHONE)?.[0], bare.match(EMAIL)?.[0]].filter(
    (found): found is string => found !== undefined,
  );
}

function iom(...args: string[]) {
  return run(...args, ...(args[0] === "summary" ? ["--jobs", "1"] : []));
}

/** Every value of every cell of every sheet of a workbook, as text. */
async function cellTexts(path: string): Promise<string[]> {
  return (await readGrids(await readFile(path))).flatMap((grid) =>
    grid.rows.flatMap((row) =>
      row.flatMap((cell) =>
        cell ? [String(cell.value ?? ""), cell.hyperlink ?? ""].filter(Boolean) : [],
      ),
    ),
  );
}

let records: CardRecord[];
beforeAll(async () => {
  records = [];
  for (const file of sampleFiles()) {
    const read = await readWorkbook(await readFile(join(SAMPLES, file)), { file });
    records.push(...read.records);
  }
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("personal data in what iom writes and prints", () => {
  it("the samples hold phones and e-mails the patterns find", () => {
    const phones = records.map((r) => textOf(r.card.general.phone)).filter(Boolean);
    const emails = records.map((r) => textOf(r.card.general.email)).filter(Boolean);

    expect(phones.length).toBeGreaterThan(5);
    expect(emails.length).toBeGreaterThan(5);
    expect(phones.filter((phone) => !PHONE.test(phone!))).toEqual([]);
    expect(emails.filter((email) => !EMAIL.test(email!))).toEqual([]);
  });

  it.each([[[]], [["--anonymize"]]])(
    "no phone and no e-mail in the summary workbook, its JSON and its lines (%j)",
    async (extra) => {
      vi.stubEnv("IOM_ANON_KEY", KEY);
      const out = join(await mkdtemp(join(tmpdir(), "iom-privacy-")), "сводка.xlsx");

      const { status, stdout, stderr } = await iom(
        "summary",
        SAMPLES,
        "-o",
        out,
        "--today",
        AS_OF,
        "--json",
        ...extra,
      );
      const everything = [...(await cellTexts(out)), ...stdout, ...stderr];

      expect(status).toBe(0);
      expect(everything.length).toBeGreaterThan(1000);
      expect(everything.flatMap(contactsIn)).toEqual([]);
      const contacts = records.flatMap((r) =>
        [textOf(r.card.general.phone), textOf(r.card.general.email)].filter(
          (value): value is string => value !== null && value.length > 5,
        ),
      );
      const text = everything.join("\n");
      expect(contacts.filter((contact) => text.includes(contact))).toEqual([]);
    },
  );

  it("no phone and no e-mail in any finding iom validate reports", async () => {
    const { stdout } = await iom("validate", SAMPLES, "--today", AS_OF, "--json");
    const messages = (JSON.parse(stdout.join("\n")) as { message: string }[]).map((f) => f.message);

    expect(messages.length).toBeGreaterThan(10);
    expect(messages.flatMap(contactsIn)).toEqual([]);
  });

  it("--anonymize leaves no teacher's name, no file name and no sheet name of a card", async () => {
    vi.stubEnv("IOM_ANON_KEY", KEY);
    const out = join(await mkdtemp(join(tmpdir(), "iom-privacy-")), "сводка.xlsx");

    const { stdout } = await iom(
      "summary",
      SAMPLES,
      "-o",
      out,
      "--today",
      AS_OF,
      "--json",
      "--anonymize",
    );
    const text = [...(await cellTexts(out)), ...stdout].join("\n");
    const surnames = records.map((r) => textOf(r.card.general.fullName)!.split(/\s+/)[0]!);
    const mentors = records
      .map((r) => textOf(r.card.general.mentor)?.split(/\s+/)[0])
      .filter((name): name is string => name !== undefined);
    const files = sampleFiles().map((file) => basename(file, ".xlsx"));
    const sheets = records
      .map((r) => r.sheet)
      .filter((sheet) => !/^(Карта ИОМ|Лист1)$/.test(sheet));

    expect(surnames.length).toBe(13);
    for (const words of [surnames, mentors, files, sheets]) {
      expect(words.filter((word) => text.includes(word))).toEqual([]);
    }
  });
});

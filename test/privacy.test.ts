import { copyFile, readFile, writeFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { textOf } from "../lib/domain/vocabulary.js";
import type { CardRecord } from "../lib/sheet/located.js";
import { readGrids } from "../lib/xlsx/readGrids.js";
import { readWorkbook } from "../lib/xlsx/readWorkbook.js";
import { iom as run } from "./iom.js";
import { loadExcel, SAMPLES, sampleFiles } from "./workbooks.js";

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

describe("phones and e-mails typed outside their fields", () => {
  const SOKOLOVA = join("Берёзовская СОШ", "Соколова И.В.xlsx");
  /** Cells of Соколова's card, each given a phone or an e-mail; the leaked parts to look for. */
  const CELLS: Record<string, string> = {
    C3: "Соколова Ирина Викторовна +7 913 000-11-01",
    C5: "учитель (sokolova.iv@example.ru)",
    C17: "МБОУ «Берёзовская СОШ», тел. +7 (38843) 2-11-22, school@example.ru",
    C19: "Белова Н. А. 8(38843)21122, заместитель директора по УВР",
    A40: "Иное (указать): консультирование родителей по тел. 2-11-22",
    E40: "55%",
    B45: "Консультация по тел. 89135554433 и по почте sokolova.iv@example.ru",
    E46: "не выполнено",
    F46: "болела, связь по тел. 8 913 555-44-33",
    E47: "см. письмо belova@example.ru",
  };
  const LEAKS = [
    "000-11-01",
    "sokolova",
    "example.ru",
    "@",
    "2-11-22",
    "21122",
    "89135554433",
    "555-44-33",
    "Белова",
  ];

  /** A folder with Соколова's card, its cells given contacts, and a card of her colleague. */
  async function cards(): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), "iom-contacts-"));
    const workbook = await loadExcel(await readFile(join(SAMPLES, SOKOLOVA)));
    const sheet = workbook.getWorksheet("Карта ИОМ")!;
    for (const [cell, value] of Object.entries(CELLS)) {
      sheet.getCell(cell).value = value;
    }
    await writeFile(join(folder, "Соколова.xlsx"), Buffer.from(await workbook.xlsx.writeBuffer()));
    await copyFile(
      join(SAMPLES, "Берёзовская СОШ", "Кузнецова О.И.xlsx"),
      join(folder, "Кузнецова.xlsx"),
    );
    return folder;
  }

  it("validate quotes them to the card's owner, as it quotes any cell", async () => {
    const { stdout } = await iom("validate", await cards(), "--today", AS_OF);

    expect(stdout.join("\n")).toContain("belova@example.ru");
  });

  it.each([[[]], [["--anonymize"]]])(
    "masks them in the summary workbook, its JSON and its lines (%j)",
    async (extra) => {
      vi.stubEnv("IOM_ANON_KEY", KEY);
      const folder = await cards();
      const out = join(folder, "сводка.xlsx");

      const { status, stdout, stderr } = await iom(
        "summary",
        folder,
        "-o",
        out,
        "--today",
        AS_OF,
        "--json",
        ...extra,
      );
      const json = stdout.join("\n");
      const everything = [...(await cellTexts(out)), ...stdout, ...stderr];
      const text = everything.join("\n");

      expect(status).toBe(0);
      expect(everything.flatMap(contactsIn)).toEqual([]);
      expect(LEAKS.filter((leak) => text.includes(leak))).toEqual(
        extra.length === 0 ? ["Белова"] : [],
      );
      for (const masked of [
        "учитель ([e-mail скрыт])",
        "МБОУ «Берёзовская СОШ», тел. [телефон скрыт], [e-mail скрыт]",
        "Консультация по тел. [телефон скрыт] и по почте [e-mail скрыт]",
        "болела, связь по тел. [телефон скрыт]",
        "отметку «см. письмо [e-mail скрыт]»",
      ]) {
        expect(text).toContain(masked);
      }
      expect(json).toContain(
        extra.length === 0 ? "Соколова Ирина Викторовна [телефон скрыт]" : "Педагог",
      );
    },
  );

  it("gives her the pseudonym of her clean ФИО", async () => {
    vi.stubEnv("IOM_ANON_KEY", KEY);
    const folder = await cards();
    const nameIn = async (card: string) => {
      const out = join(folder, `сводка ${basename(card)}`);
      const { stdout } = await iom("summary", card, "-o", out, "--json", "--anonymize");
      return (JSON.parse(stdout.join("\n")) as { teachers: { name: string }[] }).teachers[0]!.name;
    };

    const messy = await nameIn(join(folder, "Соколова.xlsx"));

    expect(messy).toMatch(/^Педагог /);
    expect(messy).toBe(await nameIn(join(SAMPLES, SOKOLOVA)));
  });
});

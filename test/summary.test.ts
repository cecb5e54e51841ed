import { existsSync } from "node:fs";
import { copyFile, cp, mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { Output } from "../lib/cli/output.js";
import type { summaryCommand } from "../lib/cli/summary.js";
import type { SummaryJson } from "../lib/domain/summary-json.js";
import { readGrids } from "../lib/xlsx/readGrids.js";
import { readWorkbook } from "../lib/xlsx/readWorkbook.js";
import type { IomRun } from "./iom.js";
import { iom as run } from "./iom.js";
import { SAMPLES, sampleFiles } from "./workbooks.js";

/**
 * `iom summary` on the samples: the figures samples/README.md counted by hand, summaries of
 * parts merged, unreadable files, anonymization, worker threads.
 */

const AS_OF = "2026-11-16";
const KEY = "ключ района: длинный и никому не известный";

/** Runs `iom`; `summary` on one thread unless a test asks for more (a worker started from the sources loads tsx, seconds). */
function iom(...args: string[]): Promise<IomRun> {
  const jobs = args.includes("--jobs") || args[0] !== "summary" ? [] : ["--jobs", "1"];
  return run(...args, ...jobs);
}

function json(stdout: string[]): SummaryJson {
  return JSON.parse(stdout.join("\n")) as SummaryJson;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "iom-summary-"));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("iom summary and the files it reads", () => {
  it("refuses -o naming a card of a folder it summarises, even with --force, and changes it not", async () => {
    const school = join(dir, "школа");
    await mkdir(school);
    const card = join(school, "Лебедев А.С.xlsx");
    await copyFile(join(SAMPLES, "Берёзовская СОШ", "Лебедев А.С.xlsx"), card);
    const before = await readFile(card);

    const { status, stderr } = await iom("summary", dir, "-o", card, "--force", "--today", AS_OF);

    expect(status).toBe(64);
    expect(stderr.join("\n")).toContain("один из входных файлов");
    expect(await readFile(card)).toEqual(before);
  });

  it("reads a card a folder holds as a symbolic link", async () => {
    await symlink(join(SAMPLES, "Берёзовская СОШ", "Лебедев А.С.xlsx"), join(dir, "Лебедев.xlsx"));

    const { status, stdout } = await iom(
      "summary",
      dir,
      "-o",
      join(dir, "сводка.xlsx"),
      "--today",
      AS_OF,
      "--json",
    );

    expect(status).toBe(0);
    expect(json(stdout).cards).toBe(1);
  });

  it("tells iom validate's user that a summary workbook is no card", async () => {
    const summary = join(dir, "сводка.xlsx");
    await iom("summary", join(SAMPLES, "Озёрная ООШ"), "-o", summary, "--today", AS_OF);

    const { status, stdout, stderr } = await run("validate", summary, "--today", AS_OF);

    expect(status).toBe(0);
    expect(stderr).toContain(
      `Файл «${summary}» — сводка iom-kit, а не карта: не проверяется (сводки объединяет iom summary)`,
    );
    expect(stdout).toEqual(["1 файл, 0 карт, 0 ошибок, 0 предупреждений"]);
  });

  it("counts a summary named twice, or with the cards it was made of, once", async () => {
    const school = join(dir, "Берёзовская СОШ");
    await cp(join(SAMPLES, "Берёзовская СОШ"), school, { recursive: true });
    const first = join(dir, "сводка.xlsx");
    const copy = join(dir, "сводка (1).xlsx");
    const once = await iom("summary", school, "-o", first, "--today", AS_OF, "--json");
    await copyFile(first, copy);

    const twice = await iom(
      "summary",
      copy,
      first,
      "-o",
      join(dir, "обе.xlsx"),
      "--today",
      AS_OF,
      "--json",
    );
    const withCards = await iom(
      "summary",
      school,
      first,
      "-o",
      join(dir, "с картами.xlsx"),
      "--today",
      AS_OF,
      "--json",
    );

    const cards = json(once.stdout).cards;
    expect(cards).toBeGreaterThan(1);
    expect(twice.status).toBe(2);
    const refused = `Сводка «${first}» повторяет карты, уже учтённые (${cards} из ${cards}; например, «${school}`;
    expect(twice.stderr.join("\n")).toContain(refused);
    expect(json(twice.stdout).cards).toBe(cards);
    expect(json(twice.stdout).teachers).toEqual(json(once.stdout).teachers);
    expect(withCards.status).toBe(2);
    expect(withCards.stderr.join("\n")).toContain(refused);
    expect(json(withCards.stdout).cards).toBe(cards);

    // The same cards by another path (made elsewhere, or through a link): still the same.
    const link = join(dir, "ссылка");
    await symlink(school, link);
    const elsewhere = join(dir, "сводка по ссылке.xlsx");
    await iom("summary", link, "-o", elsewhere, "--today", AS_OF);
    const byLink = await iom(
      "summary",
      school,
      elsewhere,
      "-o",
      join(dir, "по ссылке.xlsx"),
      "--today",
      AS_OF,
      "--json",
    );
    expect(byLink.status).toBe(2);
    expect(json(byLink.stdout).cards).toBe(cards);
  });
});

describe("iom summary on the samples", () => {
  it("gives the figures samples/README.md counted by hand", async () => {
    const out = join(dir, "summary.xlsx");
    const { status, stdout, stderr } = await iom(
      "summary",
      SAMPLES,
      "-o",
      out,
      "--today",
      AS_OF,
      "--json",
    );
    const summary = json(stdout);
    const promised = readmeFigures();

    expect(status).toBe(0);
    expect(stderr).toEqual([]);
    expect({
      cards: summary.cards,
      teachers: summary.teachers.length,
      schools: summary.schools.filter((s) => s.school !== null).length,
      "routes ending within 30 days": summary.endingSoon.length,
    }).toEqual(promised.figures);
    const validated = await validateSamples();
    expect(summary.findings.errors).toBe(validated.errors);
    expect(summary.findings.warnings).toBe(validated.warnings + 1);
    expect(summary.findings.items.filter((f) => f.code === "summary.duplicate")).toHaveLength(1);
    expect(
      Object.fromEntries(
        (["diagnostic", "development", "implementation", "final"] as const).map((stage) => [
          stage,
          summary.teachers.filter((t) => t.stage === stage).length,
        ]),
      ),
    ).toEqual(promised.stages);
    expect(
      summary.competencies.map((c) => [
        c.name,
        c.entry.high,
        c.entry.medium,
        c.entry.low,
        c.entry.present,
        c.entry.absent,
        c.entry.none,
      ]),
    ).toEqual(promised.deficits);
    expect(
      summary.activities.map((a) => [
        a.name,
        a.planned,
        a.done,
        a.notDone,
        a.inProgress,
        a.overdue,
        a.notDue,
      ]),
    ).toEqual(promised.activities);
  });

  it("writes the summary workbook and says so", async () => {
    const out = join(dir, "summary.xlsx");
    const { status, stdout } = await iom("summary", SAMPLES, "-o", out, "--today", AS_OF);

    expect(status).toBe(0);
    expect(stdout).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Сводка на 16\\.11\\.2026 записана в «${escape(out)}»: 13 карт, 12 педагогов, 3 ОО; замечаний: \\d+ ошиб\\S+, \\d+ предупрежд\\S+$`,
        ),
      ),
    ]);
    expect((await readGrids(await readFile(out))).map((g) => g.name)).toEqual([
      "Сводка",
      "Педагоги",
      "Дефициты",
      "Мероприятия",
      "Результативность",
      "ОО",
      "Потребность",
      "Замечания",
      "iom-kit-summary",
    ]);
  });

  it("gives the same summary from the summaries of two halves as from all the cards", async () => {
    const files = sampleFiles().map((file) => join(SAMPLES, file));
    // The halves part Фёдорова's two cards, so the duplicate is found across them.
    const first = files.slice(0, 6);
    const second = files.slice(6);
    expect(first.some((f) => f.endsWith("Карты ИОМ 2026.xlsx"))).toBe(true);
    expect(second.some((f) => f.endsWith("Фёдорова А.О.xlsx"))).toBe(true);

    const whole = await iom(
      "summary",
      SAMPLES,
      "-o",
      join(dir, "all.xlsx"),
      "--today",
      AS_OF,
      "--json",
    );
    await iom("summary", ...first, "-o", join(dir, "a.xlsx"), "--today", AS_OF);
    await iom("summary", ...second, "-o", join(dir, "b.xlsx"), "--today", AS_OF);
    const merged = await iom(
      "summary",
      join(dir, "a.xlsx"),
      join(dir, "b.xlsx"),
      "-o",
      join(dir, "ab.xlsx"),
      "--today",
      AS_OF,
      "--json",
    );

    expect(merged.status).toBe(0);
    expect(json(merged.stdout)).toEqual(json(whole.stdout));
    expect(json(merged.stdout).duplicates).toHaveLength(1);
  });

  it("reads the files in worker threads to the same summary", async () => {
    const one = await iom(
      "summary",
      SAMPLES,
      "-o",
      join(dir, "1.xlsx"),
      "--today",
      AS_OF,
      "--json",
      "--jobs",
      "1",
    );
    const two = await iom(
      "summary",
      SAMPLES,
      "-o",
      join(dir, "2.xlsx"),
      "--today",
      AS_OF,
      "--json",
      "--jobs",
      "3",
    );

    expect(two.status).toBe(0);
    expect(two.stdout).toEqual(one.stdout);
  });

  it.skipIf(!existsSync(join(SAMPLES, "..", "dist", "cli", "summary.js")))(
    "reads in the built CLI's worker threads as in its one thread",
    async () => {
      // dist/ as `npm test` builds it before the unit tests: the worker is its .js file.
      const built = (await import(join(SAMPLES, "..", "dist", "cli", "summary.js"))) as {
        summaryCommand: typeof summaryCommand;
      };
      const run = async (jobs: string) => {
        const stdout: string[] = [];
        const out: Output = {
          result: (line) => stdout.push(line),
          problem: () => undefined,
          progress: () => undefined,
        };
        const output = join(dir, `built-${jobs}.xlsx`);
        const status = await built.summaryCommand(
          [SAMPLES],
          { output, today: AS_OF, json: true, jobs },
          out,
        );
        return { status, stdout };
      };

      const threads = await run("2");
      expect(threads.status).toBe(0);
      expect(threads).toEqual(await run("1"));
    },
  );

  it("does not read its own output where it writes into a folder it summarises", async () => {
    const folder = join(dir, "карты");
    await mkdir(folder);
    await copyFile(
      join(SAMPLES, "Берёзовская СОШ", "Соколова И.В.xlsx"),
      join(folder, "Соколова.xlsx"),
    );
    const out = join(folder, "сводка.xlsx");

    await iom("summary", folder, "-o", out, "--today", AS_OF);
    const again = await iom("summary", folder, "-o", out, "--today", AS_OF, "--force", "--json");

    expect(json(again.stdout).cards).toBe(1);
  });

  it("passes over an earlier summary found in a folder of cards, and says so", async () => {
    const folder = join(dir, "карты");
    await mkdir(folder);
    await copyFile(
      join(SAMPLES, "Берёзовская СОШ", "Соколова И.В.xlsx"),
      join(folder, "Соколова.xlsx"),
    );
    await iom("summary", folder, "-o", join(folder, "сводка.xlsx"), "--today", AS_OF);

    const next = await iom(
      "summary",
      folder,
      "-o",
      join(dir, "сводка-2.xlsx"),
      "--today",
      AS_OF,
      "--json",
    );

    expect(json(next.stdout).cards).toBe(1);
    expect(next.stderr).toEqual([
      `Сводка «${join(folder, "сводка.xlsx")}» лежит в папке с картами и не учтена: чтобы объединить сводки, укажите её отдельно`,
    ]);
    expect(next.status).toBe(0);
  });
});

describe("iom summary and files it cannot use", () => {
  it("lists an unreadable file in «Замечания» and on stderr, summarises the rest, and exits 2", async () => {
    const broken = join(dir, "сломанный.xlsx");
    await writeFile(broken, "это не книга Excel");
    const out = join(dir, "summary.xlsx");

    const { status, stdout, stderr } = await iom(
      "summary",
      broken,
      join(SAMPLES, "Берёзовская СОШ", "Соколова И.В.xlsx"),
      join(dir, "нет такого.xlsx"),
      "-o",
      out,
      "--today",
      AS_OF,
      "--json",
    );
    const summary = json(stdout);
    const remarks = (await readGrids(await readFile(out))).find((g) => g.name === "Замечания")!;
    const column = remarks.rows.map((row) => row[0]?.value);

    expect(status).toBe(2);
    expect(summary.cards).toBe(1);
    expect(stderr).toHaveLength(2);
    expect(stderr[0]).toMatch(new RegExp(`^${escape(broken)}  ошибка  Файл «${escape(broken)}»`));
    expect(stderr[1]).toMatch(
      new RegExp(`^${escape(join(dir, "нет такого.xlsx"))}  ошибка  .*не найден`),
    );
    // Findings by file: «нет такого» before «сломанный».
    expect(summary.findings.items.map((f) => [f.file, f.code])).toEqual([
      [join(dir, "нет такого.xlsx"), "file.unreadable"],
      [broken, "file.unreadable"],
    ]);
    expect(column).toContain(broken);
    expect(column).toContain(join(dir, "нет такого.xlsx"));
  });

  it("refuses to merge a summary of another day, naming the day to give", async () => {
    const earlier = join(dir, "ранняя.xlsx");
    await iom("summary", join(SAMPLES, "Озёрная ООШ"), "-o", earlier, "--today", "2026-11-01");

    const { status, stdout, stderr } = await iom(
      "summary",
      earlier,
      join(SAMPLES, "Берёзовская СОШ"),
      "-o",
      join(dir, "out.xlsx"),
      "--today",
      AS_OF,
      "--json",
    );

    expect(status).toBe(2);
    expect(json(stdout).cards).toBe(4);
    expect(stderr).toEqual([
      `${earlier}  ошибка  Файл «${earlier}» — сводка на 01.11.2026, а составляется сводка на 16.11.2026: объединяются только сводки на один день; укажите --today 2026-11-01 или составьте эту сводку заново`,
    ]);
  });
});

describe("iom summary --anonymize", () => {
  it("refuses without a key, and with a short one", async () => {
    vi.stubEnv("IOM_ANON_KEY", "");
    const none = await iom("summary", SAMPLES, "-o", join(dir, "a.xlsx"), "--anonymize");
    vi.stubEnv("IOM_ANON_KEY", "коротко");
    const short = await iom("summary", SAMPLES, "-o", join(dir, "a.xlsx"), "--anonymize");

    expect(none.status).toBe(64);
    expect(none.stderr).toEqual([
      "iom: --anonymize: нет ключа. Задайте ключ района в переменной окружения IOM_ANON_KEY или в файле (--key-file ФАЙЛ): без ключа псевдонимы можно подобрать по списку ФИО",
    ]);
    expect(short.status).toBe(64);
    expect(short.stderr[0]).toContain("ключ короче 16 символов");
    expect(existsSync(join(dir, "a.xlsx"))).toBe(false);
  });

  it("writes no name, file or sheet, and no link, and keeps the ОО and the figures", async () => {
    vi.stubEnv("IOM_ANON_KEY", KEY);
    const out = join(dir, "anon.xlsx");
    const plain = await iom(
      "summary",
      SAMPLES,
      "-o",
      join(dir, "plain.xlsx"),
      "--today",
      AS_OF,
      "--json",
    );
    const anonymized = await iom(
      "summary",
      SAMPLES,
      "-o",
      out,
      "--today",
      AS_OF,
      "--json",
      "--anonymize",
    );
    const summary = json(anonymized.stdout);
    const bytes = await readFile(out);
    const cells = (await readGrids(bytes)).flatMap((grid) =>
      grid.rows.flatMap((row) => row.map((cell) => cell?.value)),
    );
    const text = `${anonymized.stdout.join("\n")}\n${cells.join("\n")}`;

    expect(summary.anonymized).toBe(true);
    for (const word of [
      "Соколова",
      "Кузнецова",
      "Фёдорова",
      "Белова",
      "Зайцева",
      "Кузнецова О.И.xlsx",
      "Григорьев П.А.",
    ]) {
      expect(text).not.toContain(word);
    }
    expect(text).toContain("МБОУ «Кедровская СОШ №2»");
    expect(cells.some((value) => typeof value === "string" && value.startsWith("Педагог "))).toBe(
      true,
    );
    expect(
      (await readGrids(bytes)).flatMap((g) => g.rows.flat()).some((cell) => cell?.hyperlink),
    ).toBe(false);
    expect(summary.competencies).toEqual(json(plain.stdout).competencies);
    expect(summary.duplicates).toHaveLength(1);
  });

  it("takes the key from --key-file, gives the same pseudonyms, and merges anonymized halves", async () => {
    const keyFile = join(dir, "ключ.txt");
    await writeFile(keyFile, `${KEY}\n`);
    vi.stubEnv("IOM_ANON_KEY", KEY);
    const files = sampleFiles().map((file) => join(SAMPLES, file));
    const common = ["--today", AS_OF, "--anonymize"];

    const whole = await iom("summary", SAMPLES, "-o", join(dir, "all.xlsx"), ...common, "--json");
    await iom(
      "summary",
      ...files.slice(0, 6),
      "-o",
      join(dir, "a.xlsx"),
      ...common,
      "--key-file",
      keyFile,
    );
    await iom("summary", ...files.slice(6), "-o", join(dir, "b.xlsx"), ...common);
    const merged = await iom(
      "summary",
      join(dir, "a.xlsx"),
      join(dir, "b.xlsx"),
      "-o",
      join(dir, "ab.xlsx"),
      ...common,
      "--json",
    );

    expect(merged.status).toBe(0);
    expect(json(merged.stdout)).toEqual(json(whole.stdout));
  });

  it("anonymizes a plain summary it merges, and refuses an anonymized one without the key", async () => {
    vi.stubEnv("IOM_ANON_KEY", KEY);
    const files = sampleFiles().map((file) => join(SAMPLES, file));
    const common = ["--today", AS_OF];
    await iom("summary", ...files.slice(0, 6), "-o", join(dir, "plain.xlsx"), ...common);
    await iom("summary", ...files.slice(6), "-o", join(dir, "anon.xlsx"), ...common, "--anonymize");

    const whole = await iom(
      "summary",
      SAMPLES,
      "-o",
      join(dir, "all.xlsx"),
      ...common,
      "--anonymize",
      "--json",
    );
    const merged = await iom(
      "summary",
      join(dir, "plain.xlsx"),
      join(dir, "anon.xlsx"),
      "-o",
      join(dir, "merged.xlsx"),
      ...common,
      "--anonymize",
      "--json",
    );
    const refused = await iom(
      "summary",
      join(dir, "anon.xlsx"),
      "-o",
      join(dir, "x.xlsx"),
      ...common,
    );

    expect(json(merged.stdout)).toEqual(json(whole.stdout));
    expect(refused.status).toBe(2);
    expect(refused.stderr[0]).toContain(
      "обезличенная сводка: её можно объединить только в обезличенную",
    );
  });

  it("refuses an anonymized summary of another key", async () => {
    vi.stubEnv("IOM_ANON_KEY", KEY);
    const other = join(dir, "другой.txt");
    await writeFile(other, "совсем другой ключ другого района");
    await iom(
      "summary",
      join(SAMPLES, "Озёрная ООШ"),
      "-o",
      join(dir, "a.xlsx"),
      "--today",
      AS_OF,
      "--anonymize",
    );

    const { status, stderr } = await iom(
      "summary",
      join(dir, "a.xlsx"),
      "-o",
      join(dir, "b.xlsx"),
      "--today",
      AS_OF,
      "--anonymize",
      "--key-file",
      other,
    );

    expect(status).toBe(2);
    expect(stderr[0]).toContain("обезличенная сводка с другим ключом");
  });
});

describe("iom summary usage", () => {
  it.each([
    [["summary", SAMPLES], "ошибка: не указан обязательный параметр «-o, --output"],
    [["summary", SAMPLES, "-o", "сводка.xlsm"], "укажите файл .xlsx"],
    [["summary", SAMPLES, "-o", "x.xlsx", "--jobs", "0"], "--jobs: «0» — укажите число потоков"],
    [["summary", SAMPLES, "-o", "/нет/такой/папки/x.xlsx"], "-o: папки «/нет/такой/папки» нет"],
    [
      ["summary", SAMPLES, "-o", "x.xlsx", "--today", "16.11.2026"],
      "--today: «16.11.2026» не дата",
    ],
    [
      ["summary", SAMPLES, "-o", "x.xlsx", "--key-file", "ключ.txt"],
      "--key-file: ключ нужен только для --anonymize",
    ],
  ])("exits 64 on %j", async (args, message) => {
    const { status, stderr } = await iom(...args);

    expect(status).toBe(64);
    expect(stderr.join("\n")).toContain(message);
  });

  it("overwrites an existing OUT only with --force", async () => {
    const out = join(dir, "summary.xlsx");
    await writeFile(out, "старое");
    const refused = await iom("summary", join(SAMPLES, "Озёрная ООШ"), "-o", out, "--today", AS_OF);

    expect(refused.status).toBe(64);
    expect(refused.stderr).toEqual([
      `iom: -o: файл «${out}» уже есть; чтобы заменить его, добавьте --force`,
    ]);
    expect(await readFile(out, "utf8")).toBe("старое");
    expect(
      (await iom("summary", join(SAMPLES, "Озёрная ООШ"), "-o", out, "--force", "--today", AS_OF))
        .status,
    ).toBe(0);
  });
});

interface ReadmeFigures {
  figures: Record<string, number>;
  stages: Record<string, number>;
  deficits: (string | number)[][];
  activities: (string | number)[][];
}

/** The tables of samples/README.md's «District summary», by the first word of their header. */
function readmeFigures(): ReadmeFigures {
  const readme = readmeText;
  const section = readme.split(/^## District summary as of 2026-11-16$/m)[1]!.split(/^## /m)[0]!;
  const tables = new Map<string, string[][]>();
  let current: string[][] | null = null;
  for (const line of section.split("\n")) {
    if (!line.startsWith("|")) {
      current = null;
      continue;
    }
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (/^-+$/.test(cells[0]!)) {
      continue;
    }
    if (current === null) {
      current = [];
      tables.set(cells[0]!, current);
    } else {
      current.push(cells);
    }
  }
  const numbers = (rows: string[][]) =>
    rows.map(([name, ...counts]) => [name!, ...counts.map(Number)]);

  return {
    figures: Object.fromEntries(
      tables.get("figure")!.map(([name, count]) => [name!, Number(count)]),
    ),
    stages: Object.fromEntries(tables.get("stage")!.map(([name, count]) => [name!, Number(count)])),
    deficits: numbers(tables.get("competency")!),
    activities: numbers(tables.get("level")!),
  };
}

/** The findings `iom validate samples` counts: the summary lists them all. */
async function validateSamples(): Promise<{ errors: number; warnings: number }> {
  const findings = (
    await Promise.all(
      sampleFiles().map(
        async (file) =>
          (
            await readWorkbook(await readFile(join(SAMPLES, file)), {
              file,
              asOf: new Date(2026, 10, 16),
            })
          ).findings,
      ),
    )
  ).flat();
  const errors = findings.filter((f) => f.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}

const readmeText = await readFile(join(SAMPLES, "README.md"), "utf8");

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

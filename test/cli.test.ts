import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { iom } from "./iom.js";

const root = join(import.meta.dirname, "..");
const samples = join(root, "samples");

describe("iom validate", () => {
  it("prints one line a finding and the count line, and exits 1 on errors", async () => {
    const { status, stdout } = await iom("validate", samples, "--today", "2026-11-16");

    expect(status).toBe(1);
    expect(stdout.at(-1)).toBe("12 файлов, 13 карт, 16 ошибок, 6 предупреждений");
    expect(stdout).toContain(
      `${join(samples, "Кедровская СОШ №2/Карты ИОМ 2026.xlsx")} › 'Григорьев П.А.'!C6  ошибка  В ячейке ошибка формулы «#REF!»: исправьте формулу или впишите значение`,
    );
    expect(stdout).toContain(
      `${join(samples, "Озёрная ООШ/План ШМО.xlsx")}  предупреждение  В файле «${join(samples, "Озёрная ООШ/План ШМО.xlsx")}» не найдена карта ИОМ: ни на одном листе нет разделов карты (общие сведения о педагоге, результаты входной диагностики, карта профессионального развития)`,
    );
  });

  it("exits 0 when a card has no errors", async () => {
    const { status, stdout } = await iom(
      "validate",
      join(samples, "Берёзовская СОШ/Соколова И.В.xlsx"),
      "--today",
      "2026-11-16",
    );

    expect(status).toBe(0);
    expect(stdout).toEqual(["1 файл, 1 карта, 0 ошибок, 0 предупреждений"]);
  });

  it("prints one JSON array in the order of file, sheet, row and column", async () => {
    const { stdout } = await iom("validate", samples, "--today", "2026-11-16", "--json");
    const findings = JSON.parse(stdout.join("\n")) as Record<string, unknown>[];

    expect(findings).toHaveLength(22);
    for (const item of findings) {
      expect(Object.keys(item)).toEqual(["file", "sheet", "cell", "severity", "code", "message"]);
    }
    const kuznetsova = findings
      .filter((f) => String(f.file).endsWith("Кузнецова О.И.xlsx"))
      .map((f) => f.cell);
    expect(kuznetsova).toEqual(["C13", "C14", "C27", "F44", "E45", "D47"]);
  });

  it("reports a file it cannot read, reads the others and exits 2", async () => {
    const folder = await mkdtemp(join(tmpdir(), "iom-"));
    const broken = join(folder, "сломанный.xlsx");
    await writeFile(broken, "это не книга Excel");

    const { status, stdout } = await iom(
      "validate",
      broken,
      join(folder, "нет такого.xlsx"),
      join(samples, "Берёзовская СОШ/Соколова И.В.xlsx"),
      "--json",
    );
    const findings = JSON.parse(stdout.join("\n")) as {
      file: string;
      code: string;
      sheet: null;
      cell: null;
      message: string;
    }[];

    expect(status).toBe(2);
    expect(findings.map((f) => [f.file, f.code, f.sheet, f.cell])).toEqual([
      [broken, "file.unreadable", null, null],
      [join(folder, "нет такого.xlsx"), "file.unreadable", null, null],
    ]);
    expect(findings[0]!.message).toContain("сломанный.xlsx");
    expect(findings[1]!.message).toBe(
      `Путь «${join(folder, "нет такого.xlsx")}» не найден: проверьте имя файла или папки`,
    );
  });

  it("takes a district's competencies from --config", async () => {
    const folder = await mkdtemp(join(tmpdir(), "iom-"));
    const config = join(folder, "район.json");
    await writeFile(
      config,
      JSON.stringify({
        competencies: [
          {
            id: "communicative",
            name: "Коммуникативная компетенция",
            aliases: ["Коммуникативная"],
          },
        ],
      }),
    );

    const { stdout } = await iom(
      "validate",
      join(samples, "Озёрная ООШ/Попов Д.Н.xlsx"),
      "--today",
      "2026-11-16",
      "--config",
      config,
      "--json",
    );
    const codes = (JSON.parse(stdout.join("\n")) as { code: string }[]).map((f) => f.code);

    expect(codes).toEqual(["plan.result-missing", "date.outside-route"]);
  });

  it("names each wrong field of --config in the words of the settings, every one at once", async () => {
    const folder = await mkdtemp(join(tmpdir(), "iom-"));
    const config = join(folder, "район.json");
    await writeFile(
      config,
      JSON.stringify({ competencies: [{ id: "Коммуникативная" }], route: { maxMonths: "x" } }),
    );

    const { status, stderr } = await iom("validate", samples, "--config", config);

    expect(status).toBe(64);
    expect(stderr).toEqual([
      `iom: --config: «${config}»: Компетенции → №1 → код: строчные латинские буквы, цифры и дефис, например «communicative»; Сроки ИОМ → не длиннее (месяцев): нужно число`,
    ]);
  });

  it("names the line and column of a --config that is no JSON, in Russian", async () => {
    const folder = await mkdtemp(join(tmpdir(), "iom-"));
    const config = join(folder, "район.json");
    await writeFile(config, '{\n  "thresholds": { "low": 80 "medium": 60 }\n}');

    const { status, stderr } = await iom("validate", samples, "--config", config);

    expect(status).toBe(64);
    expect(stderr).toEqual([
      `iom: --config: «${config}» не читается как JSON; проверьте кавычки, запятые и скобки (строка 2, символ 29)`,
    ]);
  });

  it.each([
    [["validate", samples, "--today", "16.11.2026"], "--today: «16.11.2026» не дата"],
    [
      ["validate", samples, "--today", "0099-05-01"],
      "--today: «0099-05-01» — год 99 вне 1900–2199",
    ],
    [
      ["validate", samples, "--config", "/нет/такого.json"],
      "--config: файл «/нет/такого.json» не найден",
    ],
    [["validate"], "ошибка: не указан аргумент «пути»"],
    [["validate", samples, "--colour"], "ошибка: неизвестный параметр «--colour»"],
    [["check", samples], "ошибка: неизвестная команда «check»"],
  ])("exits 64 on a usage error: %j", async (args, message) => {
    const { status, stderr } = await iom(...args);

    expect(status).toBe(64);
    expect(stderr.join("\n")).toContain(message);
  });
});

describe("iom itself", () => {
  it("speaks Russian in its help", async () => {
    const { status, stdout } = await iom("validate", "--help");

    expect(status).toBe(0);
    expect(stdout.join("\n")).toMatch(/^Использование: iom validate \[параметры\] <пути\.\.\.>/);
    expect(stdout.join("\n")).toContain("Параметры:");
  });

  it("prints its version", async () => {
    const { status, stdout } = await iom("--version");

    expect(status).toBe(0);
    expect(stdout).toEqual([
      JSON.parse(await readFile(join(root, "package.json"), "utf8")).version,
    ]);
  });

  it("reports each spreadsheet of another format a folder holds, reads the rest and exits 2", async () => {
    const folder = await mkdtemp(join(tmpdir(), "iom-"));
    await copyFile(join(root, "test/fixtures/bad/legacy.xls"), join(folder, "старая.xls"));
    await writeFile(join(folder, "._Соколова.xlsx"), "");
    await copyFile(
      join(samples, "Берёзовская СОШ/Соколова И.В.xlsx"),
      join(folder, "Соколова.xlsx"),
    );

    const { status, stdout, stderr } = await iom(
      "validate",
      folder,
      folder,
      "--today",
      "2026-11-16",
    );

    expect(status).toBe(2);
    expect(stdout).toEqual([
      `${join(folder, "старая.xls")}  ошибка  Файл «${join(folder, "старая.xls")}» — старый формат Excel 97–2003: откройте его и сохраните как .xlsx`,
      "2 файла, 1 карта, 1 ошибка, 0 предупреждений",
    ]);
    expect(stderr).toEqual([]);
  });
});

describe("the iom executable", () => {
  it("runs from dist/ with the exit status of the command", async () => {
    const run = promisify(execFile);
    const bin = join(root, "dist", "cli", "bin.js");

    // Run as `npx iom` runs it: the file itself, by its shebang, so it must be executable.
    const error = await run(bin, ["validate", samples, "--today", "2026-11-16"]).catch(
      (e: { code: number; stdout: string }) => e,
    );

    expect((error as { code: number }).code).toBe(1);
    expect((error as { stdout: string }).stdout).toContain(
      "12 файлов, 13 карт, 16 ошибок, 6 предупреждений",
    );
  });
});

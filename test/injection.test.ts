import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeEach, describe, expect, it } from "vitest";

import { classifyDeficit } from "../lib/domain/classify.js";
import { readGrids } from "../lib/xlsx/readGrids.js";
import { readWorkbook } from "../lib/xlsx/readWorkbook.js";
import type { FixtureValue } from "./fixtures/cardSheet.js";
import { cardRows, FIXTURE_AS_OF } from "./fixtures/cardSheet.js";
import { iom } from "./iom.js";

/**
 * Issue 8, no injection on the exceljs path: text a user typed that begins with = + - or @
 * goes back into the workbooks iom writes (template, fill, summary) as text, never as a
 * formula, and the signs «+» and «−» of a result still read as signs. The Office.js path:
 * addin/src/excel/writeCells.test.ts and test/e2e/privacy.e2e.test.ts.
 */

const TODAY = "2025-11-16";
const SHEET = "=Сидорова";
const TYPED = {
  teacher: '=HYPERLINK("http://example.org/","Сидорова")',
  school: "+МБОУ «СОШ №1»",
  position: "-учитель математики",
  mentor: "@Смирнова О.В.",
  activity: "=1+1 семинар «Цифровые инструменты»",
};

/** A card whose typed texts begin as formulas would, with «−» and «+» as results. */
function typedCard(): FixtureValue[][] {
  const rows = cardRows({ teacher: TYPED.teacher, wrongColumn: true });
  rows[4]![1] = TYPED.position;
  rows[13]![1] = TYPED.school;
  rows[18]![1] = TYPED.mentor;
  rows[28]![1] = TYPED.activity;
  // Предметная: 75 % in «Низкий», which fill moves; Методическая: «−», no deficit; ИКТ keeps
  // its «+» in «Средний».
  rows[23]![2] = "−";
  rows[23]![4] = null;
  return rows;
}

async function writeCard(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET);
  typedCard().forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null) {
        return;
      }
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = typeof value === "object" ? value.value : value;
      if (typeof value === "object") {
        cell.numFmt = value.format;
      }
    }),
  );
  await workbook.xlsx.writeFile(path);
}

/** The `<f>` elements of every worksheet of a workbook: the formulas it holds. */
async function formulasIn(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const found: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.*\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    found.push(...[...xml.matchAll(/<f\b[^>]*>[^<]*<\/f>|<f\b[^>]*\/>/g)].map((m) => m[0]));
  }
  return found;
}

/** Every text of every sheet of a workbook, as read back. */
async function textsIn(path: string): Promise<string[]> {
  return (await readGrids(await readFile(path))).flatMap((grid) =>
    grid.rows.flatMap((row) => row.map((cell) => cell?.value).filter((v) => typeof v === "string")),
  ) as string[];
}

let dir: string;
let card: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "iom-injection-"));
  card = join(dir, "Сидорова.xlsx");
  await writeCard(card);
});

describe("text that begins as a formula stays text", () => {
  it("iom fill: in the card and in its record, and the signs read back as signs", async () => {
    const out = join(dir, "заполнена.xlsx");

    const { status, stdout } = await iom("fill", card, "-o", out, "--today", TODAY);

    expect(status).toBe(0);
    expect(stdout.some((line) => line.includes("перенесено"))).toBe(true);
    expect(await formulasIn(out)).toEqual([]);
    const texts = await textsIn(out);
    expect(texts).toEqual(expect.arrayContaining([...Object.values(TYPED), SHEET]));
    const [record] = (await readWorkbook(await readFile(out), { file: out, asOf: FIXTURE_AS_OF }))
      .records;
    expect(record!.sheet).toBe(SHEET);
    expect(record!.card.general.fullName).toBe(TYPED.teacher);
    const results = record!.card.entry.map((row) =>
      Object.entries(row.results).map(([slot, result]) => [
        slot,
        result!.value,
        classifyDeficit(result!.value, { column: slot as "low" }).level,
      ]),
    );
    expect(results.slice(0, 3)).toEqual([
      [["medium", "75%", "medium"]],
      [["low", "−", "absent"]],
      [["medium", "+", "medium"]],
    ]);
  });

  it("iom summary: every name, school and sheet, in the workbook and in --json", async () => {
    const out = join(dir, "сводка.xlsx");

    const { status, stdout } = await iom(
      "summary",
      card,
      "-o",
      out,
      "--today",
      TODAY,
      "--json",
      "--jobs",
      "1",
    );

    expect(status).toBe(0);
    expect(await formulasIn(out)).toEqual([]);
    const texts = await textsIn(out);
    for (const typed of [TYPED.teacher, TYPED.school, TYPED.mentor, SHEET]) {
      expect(texts).toContain(typed);
    }
    const summary = JSON.parse(stdout.join("\n")) as { teachers: { name: string }[] };
    expect(summary.teachers.map((t) => t.name)).toEqual([TYPED.teacher]);
  });

  it("iom template: the district's competency names in the lists, and the signs", async () => {
    const config = join(dir, "район.json");
    await writeFile(
      config,
      JSON.stringify({
        competencies: [
          { id: "formula", name: "=СУММ(1;2) компетенция", aliases: ["+Формулы", "@Таблицы"] },
          { id: "minus", name: "-Коммуникативная" },
        ],
      }),
    );
    const out = join(dir, "шаблон.xlsx");

    const { status } = await iom("template", "-o", out, "--config", config);

    expect(status).toBe(0);
    expect(await formulasIn(out)).toEqual([]);
    const texts = await textsIn(out);
    expect(texts).toEqual(expect.arrayContaining(["=СУММ(1;2) компетенция", "-Коммуникативная"]));
    expect(texts).toEqual(expect.arrayContaining(["+", "-"]));
  });
});

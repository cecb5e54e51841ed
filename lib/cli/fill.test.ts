import { copyFile, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import { SAMPLES } from "../../test/workbooks.js";
import { RECORD_SHEET } from "../sheet/readCards.js";
import { readGrids } from "../xlsx/readGrids.js";
import { readEntry, readZip, writeStoredZip } from "../xlsx/zip.js";
import { iom } from "../../test/iom.js";

let dir: string;
let input: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "iom-fill-"));
  input = join(dir, "Кузнецова О.И.xlsx");
  await copyFile(join(SAMPLES, "Берёзовская СОШ", "Кузнецова О.И.xlsx"), input);
});

describe("iom fill", () => {
  it("writes OUT, prints each cell it changed and the count, and leaves IN as it was", async () => {
    const before = await readFile(input);
    const out = join(dir, "out.xlsx");
    const { status, stdout } = await iom("fill", input, "-o", out, "--today", "2026-11-16");

    expect(status).toBe(0);
    expect(stdout).toEqual([
      `${out} › 'Карта ИОМ'!D27  перенесено  Результат 75 % перенесён из графы «Низкий» в графу «Средний»`,
      `${out} › 'Карта ИОМ'!H43  заполнено  «Контроль сроков» — Заголовок столбца, добавленного iom fill`,
      `${out} › 'Карта ИОМ'!H45  заполнено  «просрочено (срок 31.10.2026)» — Срок мероприятия прошёл 31.10.2026, отметки о выполнении нет`,
      "1 карта, заполнено ячеек: 2, перенесено результатов: 1, оставлено для проверки: 0",
    ]);
    expect(await readFile(input)).toEqual(before);
    expect((await readGrids(await readFile(out))).map((g) => g.name)).toEqual([
      "Карта ИОМ",
      RECORD_SHEET,
    ]);
    expect((await readdir(dir)).sort()).toEqual(["out.xlsx", "Кузнецова О.И.xlsx"].sort());
  });

  it("names what it leaves for a person: a row with results in two columns", async () => {
    const mikhailov = join(dir, "Михайлов.xlsx");
    await copyFile(join(SAMPLES, "Кедровская СОШ №2", "Михайлов К.Ю.xlsx"), mikhailov);
    const out = join(dir, "out.xlsx");
    const { status, stdout } = await iom("fill", mikhailov, "-o", out, "--today", "2026-11-16");

    expect(status).toBe(0);
    expect(stdout).toEqual([
      `${out} › 'Карта ИОМ'!B13  ошибка  «Методическая»: результат стоит сразу в нескольких графах («Средний», «Высокий»): оставьте одну`,
      "1 карта, заполнено ячеек: 0, перенесено результатов: 0, оставлено для проверки: 1",
    ]);
  });

  it("puts every filled cell back with --undo", async () => {
    const filled = join(dir, "filled.xlsx");
    const undone = join(dir, "undone.xlsx");
    await iom("fill", input, "-o", filled, "--today", "2026-11-16");
    const { status, stdout } = await iom("fill", filled, "-o", undone, "--undo");

    expect(status).toBe(0);
    expect(stdout.at(-1)).toBe("восстановлено ячеек: 4, оставлено: 0");
    const grids = await readGrids(await readFile(undone));
    expect(grids).toEqual(await readGrids(await readFile(input)));
  });

  it("refuses to write over IN, even with --force", async () => {
    const { status, stderr } = await iom("fill", input, "-o", input, "--force");

    expect(status).toBe(64);
    expect(stderr).toEqual([
      `iom: -o: «${input}» — это входной файл; iom его не меняет, укажите для результата другое имя`,
    ]);
  });

  it("overwrites an existing OUT only with --force", async () => {
    const out = join(dir, "out.xlsx");
    await writeFile(out, "старое");

    expect((await iom("fill", input, "-o", out)).status).toBe(64);
    expect(await readFile(out, "utf8")).toBe("старое");
    expect((await iom("fill", input, "-o", out, "--force")).status).toBe(0);
    expect(await readGrids(await readFile(out))).toHaveLength(2);
  });

  it("is a usage error without -o, with an OUT not .xlsx, or with a bad --today", async () => {
    expect((await iom("fill", input)).status).toBe(64);
    expect((await iom("fill", input, "-o", join(dir, "out.xlsm"))).status).toBe(64);
    expect(
      (await iom("fill", input, "-o", join(dir, "out.xlsx"), "--today", "16.11.2026")).status,
    ).toBe(64);
  });

  it("exits 2 on an input it cannot read, writing nothing", async () => {
    const broken = join(dir, "broken.xlsx");
    await writeFile(broken, "не книга");
    const { status, stdout } = await iom("fill", broken, "-o", join(dir, "out.xlsx"));

    expect(status).toBe(2);
    expect(stdout[0]).toMatch(new RegExp(`^${escape(broken)}  ошибка  Файл «${escape(broken)}»`));
    expect(await readdir(dir)).not.toContain("out.xlsx");
  });

  it("writes no copy of a workbook with no card, and says why", async () => {
    const plan = join(dir, "План ШМО.xlsx");
    await copyFile(join(SAMPLES, "Озёрная ООШ", "План ШМО.xlsx"), plan);
    const out = join(dir, "out.xlsx");

    const { status, stdout } = await iom("fill", plan, "-o", out);

    expect(status).toBe(0);
    expect(stdout).toEqual([
      `${plan}  предупреждение  В файле «${plan}» не найдена карта ИОМ: заполнять нечего, «${out}» не записан`,
    ]);
    expect(await readdir(dir)).not.toContain("out.xlsx");
  });

  it("says a folder is no workbook, rather than that it is missing", async () => {
    const { status, stdout } = await iom("fill", dir, "-o", join(dir, "out.xlsx"));

    expect(status).toBe(2);
    expect(stdout).toEqual([
      `${dir}  ошибка  «${dir}» — папка, а fill заполняет одну книгу: укажите файл .xlsx`,
    ]);
  });

  it("writes nothing where parts would be lost, and exits 1, unless --allow-loss", async () => {
    const archive = readZip(await readFile(input));
    const files = await Promise.all(
      archive.entries.map(async (e) => ({ name: e.name, data: await readEntry(archive, e) })),
    );
    await writeFile(
      input,
      writeStoredZip([...files, { name: "xl/charts/chart1.xml", data: new Uint8Array([0]) }]),
    );
    const out = join(dir, "out.xlsx");

    const refused = await iom("fill", input, "-o", out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toEqual([
      `iom: при записи «${input}» пропадёт: диаграммы. Ничего не записано; чтобы записать без этого, добавьте --allow-loss`,
    ]);
    expect(await readdir(dir)).not.toContain("out.xlsx");

    const allowed = await iom("fill", input, "-o", out, "--allow-loss", "--today", "2026-11-16");
    expect(allowed.status).toBe(0);
    expect(allowed.stderr).toEqual([
      `iom: «${out}» записан без того, что не сохраняется: диаграммы`,
    ]);
  });
});

describe("iom fill on a workbook it cannot write back as it is", () => {
  it("names a sheet name Excel does not allow, and exits 2 even with --allow-loss", async () => {
    const archive = readZip(await readFile(input));
    const files = await Promise.all(
      archive.entries.map(async (e) => {
        const data = await readEntry(archive, e);
        if (e.name !== "xl/workbook.xml") {
          return { name: e.name, data };
        }
        const xml = new TextDecoder()
          .decode(data)
          .replace('name="Карта ИОМ"', 'name="Карта [ИОМ]"');
        return { name: e.name, data: new TextEncoder().encode(xml) };
      }),
    );
    await writeFile(input, writeStoredZip(files));

    const { status, stderr } = await iom(
      "fill",
      input,
      "-o",
      join(dir, "out.xlsx"),
      "--allow-loss",
    );

    expect(status).toBe(2);
    expect(stderr).toEqual([
      `iom: «${input}» не заполнить без потерь (имя листа «Карта [ИОМ]»: в нём знаки, которых Excel не допускает (* ? : \\ / [ ]); переименуйте лист): откройте файл в Excel или LibreOffice, сохраните как книгу Excel (.xlsx) и повторите`,
    ]);
    expect(await readdir(dir)).not.toContain("out.xlsx");
  });
});

describe("iom template", () => {
  it("writes the blank card, and replaces a file only with --force", async () => {
    const out = join(dir, "карта.xlsx");

    expect(await iom("template", "-o", out)).toEqual({
      status: 0,
      stdout: [`Шаблон карты ИОМ записан в «${out}»`],
      stderr: [],
    });
    expect((await readGrids(await readFile(out))).map((g) => g.name)).toEqual([
      "Карта ИОМ",
      "Справочники",
    ]);

    const again = await iom("template", "-o", out);
    expect(again.status).toBe(64);
    expect(again.stderr).toEqual([
      `iom: -o: файл «${out}» уже есть; чтобы заменить его, добавьте --force`,
    ]);
    expect((await iom("template", "-o", out, "--force")).status).toBe(0);
  });

  it("lists the district's competencies of --config", async () => {
    const config = join(dir, "район.json");
    await writeFile(
      config,
      JSON.stringify({
        competencies: [{ id: "communicative", name: "Коммуникативная компетенция" }],
      }),
    );
    const out = join(dir, "карта.xlsx");
    await iom("template", "-o", out, "--config", config);

    const lists = (await readGrids(await readFile(out)))[1]!;
    expect(lists.rows.map((r) => r[0]?.value)).toContain("Коммуникативная компетенция");
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

import { describe, expect, it } from "vitest";

import { defaultConfig } from "../../../lib/domain/config.js";
import { readSummaryWorkbook } from "../../../lib/xlsx/readSummaryWorkbook.js";
import { cardRows, FIXTURE_AS_OF } from "../../../test/fixtures/cardSheet.js";
import { cardWorkbook } from "../../../test/e2e/fixtures.js";
import type { OpenedFile } from "./checkFiles.js";
import { browserSummaryFeature } from "./summaryFeature.js";

async function file(name: string, teacher: string): Promise<OpenedFile> {
  const bytes = await cardWorkbook([{ name: "Карта ИОМ", rows: cardRows({ teacher }) }]);
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

describe("«Сводка по району» in a browser", () => {
  it("downloads the summary workbook of the files, which reads back as the same summary", async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const progress: number[] = [];
    const feature = browserSummaryFeature((name, bytes) => saved.push({ name, bytes }));
    const files = [
      await file("Иванова.xlsx", "Иванова Анна Петровна"),
      await file("Петрова.xlsx", "Петрова Ольга Сергеевна"),
      { name: "битый.xlsx", arrayBuffer: async () => new TextEncoder().encode("нет").buffer },
    ];

    const outcome = await feature.summarize(files, {
      asOf: FIXTURE_AS_OF,
      config: defaultConfig,
      includeWorkbook: false,
      onProgress: (done, total) => progress.push(done / total),
    });

    expect(saved.map((s) => s.name)).toEqual(["Сводка ИОМ 2025-11-16.xlsx"]);
    const read = await readSummaryWorkbook(saved[0]!.bytes);
    expect(read!.summary.cards).toBe(2);
    expect(read!.summary.findings.filter((f) => f.code === "file.unreadable")).toHaveLength(1);
    expect(outcome).toMatchObject({ cards: 2, teachers: 2, written: "Сводка ИОМ 2025-11-16.xlsx" });
    expect(outcome.deficits).toContainEqual({
      competency: "Методическая компетенция",
      teachers: 2,
    });
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it("merges a summary workbook made for the same day, and lists one of another day", async () => {
    const saved: Uint8Array[] = [];
    const feature = browserSummaryFeature((_, bytes) => saved.push(bytes));
    const options = { config: defaultConfig, includeWorkbook: false };
    await feature.summarize([await file("Иванова.xlsx", "Иванова Анна Петровна")], {
      ...options,
      asOf: FIXTURE_AS_OF,
    });
    const district: OpenedFile = {
      name: "район.xlsx",
      arrayBuffer: async () => saved[0]!.slice().buffer,
    };

    const same = await feature.summarize(
      [district, await file("Петрова.xlsx", "Петрова Ольга Сергеевна")],
      { ...options, asOf: FIXTURE_AS_OF },
    );
    const twice = await feature.summarize(
      [district, await file("Иванова.xlsx", "Иванова Анна Петровна"), district],
      { ...options, asOf: FIXTURE_AS_OF },
    );
    expect(twice).toMatchObject({ cards: 1, teachers: 1 });
    const refused = (await readSummaryWorkbook(saved.at(-1)!))!.summary.findings.filter(
      (f) => f.code === "file.unreadable",
    );
    expect(refused).toEqual([
      expect.objectContaining({
        file: "район.xlsx",
        message:
          "Сводка «район.xlsx» повторяет карты, уже учтённые (1 из 1; например, «Иванова.xlsx», лист «Карта ИОМ»): она не учтена, чтобы карты не посчитались дважды",
      }),
      expect.objectContaining({ file: "район.xlsx" }),
    ]);
    const other = await feature.summarize([district], {
      ...options,
      asOf: new Date(2025, 10, 17),
    });

    expect(same).toMatchObject({ cards: 2, teachers: 2 });
    expect(other).toMatchObject({ cards: 0, teachers: 0 });
    const read = await readSummaryWorkbook(saved.at(-1)!);
    expect(read!.summary.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^Файл «район\.xlsx» — сводка на 16\.11\.2025, а составляется сводка на 17\.11\.2025/,
      ),
    ]);
  });
});

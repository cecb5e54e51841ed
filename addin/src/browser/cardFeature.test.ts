import { describe, expect, it } from "vitest";

import { defaultConfig } from "../../../lib/domain/config.js";
import { readWorkbook } from "../../../lib/xlsx/readWorkbook.js";
import { cardWorkbook } from "../../../test/e2e/fixtures.js";
import { cardRows, FIXTURE_AS_OF } from "../../../test/fixtures/cardSheet.js";
import { browserCardFeature } from "./cardFeature.js";
import type { OpenedFile } from "./checkFiles.js";

function opened(name: string, bytes: Uint8Array): OpenedFile {
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

const options = { asOf: FIXTURE_AS_OF, config: defaultConfig };

describe("«Заполнить файлы» in a browser", () => {
  it("downloads a filled copy of a file with something to fill, and nothing for the others", async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const feature = browserCardFeature((name, bytes) => saved.push({ name, bytes }));
    const wrong = await cardWorkbook([
      { name: "Карта ИОМ", rows: cardRows({ wrongColumn: true }) },
    ]);
    await feature.fill({ files: [opened("Иванова.xlsx", wrong)] }, options);
    const filled = saved[0]!.bytes;
    saved.length = 0;
    const noCard = await cardWorkbook([{ name: "Лист1", rows: [["Список класса"]] }]);

    const done = await feature.fill(
      {
        files: [
          opened("Иванова.xlsx", wrong),
          opened("Иванова (заполнено).xlsx", filled),
          opened("Журнал.xlsx", noCard),
          opened("битый.xlsx", new TextEncoder().encode("не книга")),
        ],
      },
      options,
    );

    expect(saved.map((file) => file.name)).toEqual(["Иванова (заполнено).xlsx"]);
    expect(done.files).toEqual([
      expect.objectContaining({ name: "Иванова.xlsx", saved: "Иванова (заполнено).xlsx" }),
      expect.objectContaining({
        name: "Иванова (заполнено).xlsx",
        cards: 1,
        cells: 0,
        saved: null,
      }),
      expect.objectContaining({ name: "Журнал.xlsx", cards: 0, saved: null, problem: null }),
      expect.objectContaining({ name: "битый.xlsx", saved: null, problem: expect.any(String) }),
    ]);
    expect(done.cells).toBe(done.files![0]!.cells);
    const read = await readWorkbook(saved[0]!.bytes, { file: "x.xlsx", asOf: FIXTURE_AS_OF });
    expect(read.findings.some((f) => f.code === "deficit.wrong-column")).toBe(false);
  });
});

/**
 * Writes samples/: the card workbooks of an invented district, in four hand-made layouts.
 * Deterministic: the same script gives the same cells. Run with `npm run samples`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import ExcelJS from "exceljs";

import type { SampleCard } from "./data.js";
import * as data from "./data.js";
import {
  writeEventsList,
  writeInlineLayout,
  writeReferenceSheet,
  writeRegulationLayout,
  writeTableLayout,
} from "./layouts.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "samples");

type Writer = (sheet: ExcelJS.Worksheet, card: SampleCard) => void;

const files: {
  path: string;
  sheets: { name: string; write: (sheet: ExcelJS.Worksheet) => void }[];
}[] = [
  one("Берёзовская СОШ/Соколова И.В.xlsx", data.sokolova, writeRegulationLayout),
  one("Берёзовская СОШ/Лебедев А.С.xlsx", data.lebedev, writeRegulationLayout),
  one("Берёзовская СОШ/Морозова Д.А.xlsx", data.morozova, writeRegulationLayout),
  one("Берёзовская СОШ/Кузнецова О.И.xlsx", data.kuznetsova, writeRegulationLayout),
  one("Озёрная ООШ/Новикова Е.П.xlsx", data.novikova, writeInlineLayout),
  one("Озёрная ООШ/Попов Д.Н.xlsx", data.popov, writeInlineLayout),
  one("Озёрная ООШ/Васильева Т.М.xlsx", data.vasilyeva, writeInlineLayout),
  { path: "Озёрная ООШ/План ШМО.xlsx", sheets: [{ name: "План", write: writeEventsList }] },
  one("Кедровская СОШ №2/Фёдорова А.О.xlsx", data.fedorova, writeTableLayout),
  one("Кедровская СОШ №2/Михайлов К.Ю.xlsx", data.mikhailov, writeTableLayout),
  one("Кедровская СОШ №2/Алексеева Н.Б.xlsx", data.alekseeva, writeTableLayout),
  {
    path: "Кедровская СОШ №2/Карты ИОМ 2026.xlsx",
    sheets: [
      ...[data.sorokina, data.fedorovaEarlier, data.grigoryev].map((card) => ({
        name: card.sheet!,
        write: (sheet: ExcelJS.Worksheet) =>
          writeRegulationLayout(sheet, card, { excelDates: true, word: true }),
      })),
      { name: "Справочник", write: writeReferenceSheet },
    ],
  },
];

function one(path: string, card: SampleCard, write: Writer) {
  return {
    path,
    sheets: [
      { name: card.sheet ?? "Карта ИОМ", write: (sheet: ExcelJS.Worksheet) => write(sheet, card) },
    ],
  };
}

for (const file of files) {
  const workbook = new ExcelJS.Workbook();
  // Fixed metadata, so that the files do not change from run to run.
  workbook.creator = "iom-kit samples";
  workbook.created = new Date(Date.UTC(2026, 10, 1));
  workbook.modified = new Date(Date.UTC(2026, 10, 1));
  for (const { name, write } of file.sheets) {
    write(
      workbook.addWorksheet(name, {
        pageSetup: {
          paperSize: 9,
          orientation: "landscape",
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
        },
      }),
    );
  }
  const target = join(root, file.path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, new Uint8Array(await workbook.xlsx.writeBuffer()));
}
process.stdout.write(`samples: ${files.length} files written to ${root}\n`);

import { readFileSync } from "node:fs";

import JSZip from "jszip";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Grid } from "../sheet/grid.js";
import { readGrids, UnreadableWorkbookError } from "./index.js";

const FIXTURES = new URL("../../test/fixtures/quirks/", import.meta.url);
const BAD = new URL("../../test/fixtures/bad/", import.meta.url);

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

async function read(name: string): Promise<Grid[]> {
  return readGrids(fixture(name), { fileName: name });
}

/** The card the prefixed fixtures carry (make.ts, plainCard). */
const PLAIN_CARD: Grid = {
  name: "Карта ИОМ",
  rows: [
    [{ value: "ФИО педагога" }, { value: "Петрова Анна Сергеевна" }],
    [{ value: "Дата аттестации" }, { value: 45000, date: true, format: "dd.mm.yyyy" }],
    [
      { value: "E-mail" },
      { value: "a.petrova@example.ru", hyperlink: "mailto:a.petrova@example.ru" },
    ],
    [{ value: "Результат" }, { value: 0.75, format: "0%" }],
  ],
  merges: [{ top: 0, left: 1, bottom: 0, right: 2 }],
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("readGrids: cell values", () => {
  it("keeps a merged range's value in its top-left cell only and lists the range (exceljs 1532, 1399)", async () => {
    expect(await read("merges.xlsx")).toEqual([
      {
        name: "Карта ИОМ",
        rows: [
          [{ value: "Индивидуальный образовательный маршрут" }],
          [{ value: "ФИО педагога" }, { value: "Петрова Анна Сергеевна" }],
          [
            { value: "Результаты диагностики" },
            { value: "Предметная" },
            { value: 0.85, format: "0%" },
          ],
          [null, { value: "Методическая" }, { value: 0.6, format: "0%" }],
        ],
        merges: [
          { top: 0, left: 0, bottom: 0, right: 3 },
          { top: 0, left: 4, bottom: 1, right: 5 },
          { top: 1, left: 1, bottom: 1, right: 3 },
          { top: 2, left: 0, bottom: 4, right: 0 },
        ],
      },
    ]);
  });

  it("flattens rich text, shared and inline, to plain text (exceljs 281)", async () => {
    const [grid] = await read("rich-text.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: "Затруднения: нет" }],
      [{ value: "Методическая компетенция" }],
    ]);
  });

  it("reads a hyperlink as its text with the target beside it (exceljs 964)", async () => {
    const [grid] = await read("hyperlinks.xlsx");

    expect(grid!.rows).toEqual([
      [
        { value: "E-mail" },
        { value: "a.petrova@example.ru", hyperlink: "mailto:a.petrova@example.ru" },
      ],
      [
        { value: "Платформа" },
        { value: "Диагностика", hyperlink: "https://example.ru/diagnostika" },
      ],
    ]);
  });

  it("reads a formula as its cached result: numbers, 0, text, false, errors", async () => {
    const [grid] = await read("formulas.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: 10 }, { value: 20 }, { value: 0.5, format: "0%" }],
      [{ value: 20 }, { value: "да" }],
      [null, { value: 0 }],
      [null, { value: false }],
      [null, { value: null, error: "#REF!" }],
      [null, { value: null, error: "#DIV/0!" }],
    ]);
  });

  it("reads shared formulas (exceljs 260), formulas without a cached result (exceljs 2088) and results exceljs loses", async () => {
    const [grid] = await read("formulas-excel.xlsx");

    expect(grid!.rows).toEqual([
      [
        { value: 1 },
        { value: 2 },
        { value: null, formulaWithoutResult: true },
        { value: null, error: "#REF!" },
      ],
      [{ value: 2 }, { value: 4 }, { value: "" }],
      [{ value: 3 }, { value: 6 }, { value: "нет даты", format: "dd.mm.yyyy" }],
      [null, null, { value: null, error: "#N/A", format: "dd.mm.yyyy" }],
      [null, null, { value: 45536, date: true, format: "dd.mm.yyyy" }],
    ]);
  });

  it("reads inline strings holding phonetic runs, as Japanese Excel writes them, and the cells after them", async () => {
    const [grid] = await read("phonetic.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: "ФИО педагога" }, { value: "Соколова Ирина Викторовна" }],
      [{ value: "Должность" }, { value: "учитель" }],
      [{ value: "Стаж" }, { value: 12 }],
      [{ value: "Имя" }, { value: "Соколова Ирина" }],
    ]);
  });

  it("decodes Excel's _xHHHH_ escapes in inline and shared strings, upper-case ones only", async () => {
    const [grid] = await read("escapes.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: "55%\r" }],
      [{ value: "МБОУ \u0001\u0008«Берёзовская СОШ»" }],
      [{ value: "поле_x000D_" }],
      [{ value: "Затруднения:\r\nнет" }],
      [{ value: "Методическая\r" }],
      [{ value: "_x000d_" }],
    ]);
  });

  it("keeps number formats, percents included, and omits General", async () => {
    const [grid] = await read("numbers.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: 0.75, format: "0%" }],
      [{ value: 0.755, format: "0.0%" }],
      [{ value: 75 }],
      [{ value: 1234.5, format: "#,##0.00" }],
      [{ value: 3, format: "0" }],
      [{ value: "75 %" }],
    ]);
  });
});

describe("readGrids: dates", () => {
  it("gives every date as a 1900 serial marked as a date, whatever exceljs made of it (exceljs 2683, 2939, 486)", async () => {
    const [grid] = await read("dates.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: 45536, date: true, format: "dd.mm.yyyy" }],
      // Built-in format 14, which exceljs names mm-dd-yy.
      [{ value: 45536, date: true, format: "dd.mm.yyyy" }],
      [{ value: 45536, date: true, format: "[$-419]D MMMM YYYY" }],
      [{ value: 45536, date: true, format: "ДД.ММ.ГГГГ" }],
      [{ value: 45536, date: true, format: "YYYY" }],
      // 31.08.2024 23:59:59.999 belongs to the next day.
      [{ value: 45536, date: true, format: "dd.mm.yyyy" }],
      [{ value: 45536.60416666667, date: true, format: "dd.mm.yyyy hh:mm" }],
      [{ value: 0.5, format: "h:mm" }],
      [{ value: 1.25, format: "[h]:mm" }],
      [{ value: "01.09.2024" }],
    ]);
  });

  it('brings 1904 serials to the 1900 system where exceljs applies date1904="1" (exceljs 219)', async () => {
    const [grid] = await read("date1904.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: 45536, date: true, format: "dd.mm.yyyy" }],
      [{ value: 45536, date: true, format: "ДД.ММ.ГГГГ" }],
      [{ value: 0.5, format: "h:mm" }],
    ]);
  });

  it('brings 1904 serials to the 1900 system where exceljs misses date1904="true" (exceljs 219)', async () => {
    const [grid] = await read("date1904-libreoffice.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: 45536, date: true, format: "dd.mm.yyyy" }],
      [{ value: 45536, date: true, format: "ДД.ММ.ГГГГ" }],
      [{ value: 0.5, format: "h:mm" }],
    ]);
  });

  it('reads dates stored as ISO text (t="d") as dates in any format, which exceljs reads as the year', async () => {
    const [grid] = await read("iso-dates.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: 45536, date: true, format: "dd.mm.yyyy" }],
      [{ value: 45536, date: true }],
      [{ value: 45536.5, date: true }],
      // A formula's cached result.
      [{ value: 45536, date: true }],
      [{ value: "сентябрь 2024" }],
    ]);
  });

  it("leaves empty a cell typed as a date that holds none", async () => {
    const zip = await JSZip.loadAsync(fixture("iso-dates.xlsx"));
    const name = "xl/worksheets/sheet1.xml";
    const xml = await zip.file(name)!.async("string");
    zip.file(
      name,
      xml.replace(
        /<c r="A5"[^>]*>[\s\S]*?<\/c>/,
        '<c r="A5" t="d"></c><c r="B5" t="d"><v></v></c>',
      ),
    );

    const [grid] = await readGrids(await zip.generateAsync({ type: "uint8array" }));

    expect(grid!.rows).toHaveLength(4);
  });

  it("marks as dates the LibreOffice date cells exceljs reads as plain numbers (exceljs 113)", async () => {
    const [grid] = await read("libreoffice-dates.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: 45536, date: true, format: "[$-419]ДД.ММ.ГГГГ" }],
      [{ value: 45536, date: true, format: "YYYY" }],
      [{ value: 45536, date: true, format: "[$-419]DD/MM/YYYY" }],
      [{ value: 12 }],
    ]);
  });
});

describe("readGrids: files from other programs", () => {
  it("reads a workbook whose parts are all namespace-prefixed, as WPS and the OpenXML SDK write (exceljs 1437)", async () => {
    expect(await read("prefixed.xlsx")).toEqual([PLAIN_CARD]);
  });

  it("reads the ISO dates of a Strict Open XML workbook, which exceljs reads as the year", async () => {
    expect(await read("strict.xlsx")).toEqual([PLAIN_CARD]);
  });

  it("reads a workbook whose workbook part alone is prefixed", async () => {
    expect(await read("prefixed-workbook-only.xlsx")).toEqual([PLAIN_CARD]);
  });

  it("keeps the values and number formats when exceljs cannot parse the styles (exceljs 104, 2802)", async () => {
    const [grid] = await read("styles-unparsable.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: "Дата аттестации" }, { value: 45366, date: true, format: "dd.mm.yyyy" }],
      [{ value: "Результат" }, { value: 0.75, format: "0%" }],
    ]);
  });

  it("keeps the values and the formats a cut-off styles part still lists, and loses the rest", async () => {
    const [grid] = await read("styles-truncated.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: "Дата аттестации" }, { value: 45366, date: true, format: "dd.mm.yyyy" }],
      [{ value: "Результат" }, { value: 0.75 }],
    ]);
  });

  it("keeps the values of a workbook with no styles part (exceljs 2704)", async () => {
    const [grid] = await read("styles-missing.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: "Дата аттестации" }, { value: 45366 }],
      [{ value: "Результат" }, { value: 0.75 }],
    ]);
  });

  it("reads rows and cells that have no r reference", async () => {
    const [grid] = await read("missing-references.xlsx");

    expect(grid!.rows).toEqual([
      [{ value: "ФИО педагога" }, { value: "Петрова Анна Сергеевна" }],
      [{ value: "Стаж" }, { value: 12 }],
    ]);
  });
});

describe("readGrids: sheets", () => {
  it("returns every sheet in tab order with its name and state, iom-kit's own record sheet included", async () => {
    const grids = await read("sheet-names.xlsx");

    expect(grids.map(({ name, state }) => ({ name, state }))).toEqual([
      { name: "Карта ИОМ (2)", state: undefined },
      { name: "Иванова 'А' (2024)", state: undefined },
      { name: "Архив", state: "hidden" },
      { name: "iom-kit", state: "veryHidden" },
    ]);
    expect(grids.map((grid) => grid.rows)).toEqual(grids.map((grid) => [[{ value: grid.name }]]));
  });

  it("keeps the sheet names exceljs refuses or cuts, and logs nothing", async () => {
    const warn = vi.spyOn(console, "warn");

    const grids = await read("sheet-names-refused.xlsx");

    expect(grids).toEqual([
      {
        name: "Индивидуальный образовательный маршрут 2024",
        rows: [[{ value: "Лист1" }]],
        merges: [],
      },
      { name: "Иванова 'А'", rows: [[{ value: "Лист2" }]], merges: [] },
      { name: "History", rows: [[{ value: "Лист3" }]], merges: [] },
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  it("takes an ArrayBuffer as well as a Uint8Array", async () => {
    const bytes = fixture("prefixed.xlsx");
    const buffer = new ArrayBuffer(bytes.length);
    new Uint8Array(buffer).set(bytes);

    expect(await readGrids(buffer)).toEqual([PLAIN_CARD]);
  });
});

describe("readGrids: unreadable files", () => {
  it.each([
    ["empty.xlsx", "empty", "Файл «empty.xlsx» пуст (0 байт): скопируйте или скачайте его заново"],
    [
      "not-zip.xlsx",
      "not-zip",
      "Файл «not-zip.xlsx» — не книга Excel и не таблица: проверьте, тот ли это файл; если он открывается в другой программе, сохраните его из неё как .xlsx",
    ],
    [
      "truncated.xlsx",
      "truncated",
      "Файл «truncated.xlsx» обрезан — скачан или скопирован не полностью: скопируйте или скачайте его заново",
    ],
    [
      "not-workbook.xlsx",
      "not-workbook",
      "Файл «not-workbook.xlsx» — архив ZIP, а не книга Excel: выберите файл карты ИОМ (.xlsx)",
    ],
    [
      "word.xlsx",
      "not-workbook",
      "Файл «word.xlsx» — документ Word, а не книга Excel: выберите файл карты ИОМ (.xlsx)",
    ],
    [
      "encrypted.xlsx",
      "encrypted",
      "Файл «encrypted.xlsx» защищён паролем: откройте его в Excel, снимите пароль (Файл › Сведения › Защитить книгу › Зашифровать с использованием пароля) и сохраните снова",
    ],
    [
      "legacy.xls",
      "xls",
      "Файл «legacy.xls» — старый формат Excel 97–2003: откройте его и сохраните как .xlsx",
    ],
    [
      "binary.xlsb",
      "xlsb",
      "Файл «binary.xlsb» — двоичная книга Excel (.xlsb): откройте её в Excel и сохраните как .xlsx",
    ],
    [
      "opendocument.ods",
      "ods",
      "Файл «opendocument.ods» — таблица OpenDocument (.ods): откройте её в LibreOffice или МойОфис и сохраните как книгу Excel (.xlsx)",
    ],
    [
      "csv-renamed.xlsx",
      "csv",
      "Файл «csv-renamed.xlsx» — текстовый файл (CSV или текст), а не книга Excel: откройте его в Excel или LibreOffice и сохраните как книгу Excel (.xlsx)",
    ],
    [
      "html-renamed.xls",
      "html",
      "Файл «html-renamed.xls» — веб-страница (HTML), сохранённая под именем таблицы: откройте его в Excel или LibreOffice и сохраните как книгу Excel (.xlsx)",
    ],
    [
      "spreadsheet-2003.xml",
      "xml2003",
      "Файл «spreadsheet-2003.xml» — таблица XML 2003: откройте её в Excel и сохраните как .xlsx",
    ],
    [
      "corrupt-sheet.xlsx",
      "corrupt",
      "Файл «corrupt-sheet.xlsx» повреждён: откройте его в Excel или LibreOffice и сохраните как книгу Excel (.xlsx)",
    ],
    [
      "zip-bomb.xlsx",
      "too-large",
      "Файл «zip-bomb.xlsx» слишком велик после распаковки (3073 МБ): это не карта ИОМ или файл повреждён; если это карты, разделите их на несколько книг",
    ],
  ])("refuses %s with reason %s and says what to do", async (name, reason, message) => {
    const error = await read(name).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect(error).toMatchObject({ reason, file: name, message });
  });

  it.each([
    ["no-shared-strings.xlsx", "в нём нет части с текстом ячеек — xl/sharedStrings.xml"],
    ["missing-sheet.xlsx", "в книге нет листа «Карта ИОМ», на который она ссылается"],
    ["dangling-sheet-id.xlsx", "в книге нет листа «Карта ИОМ», на который она ссылается"],
    ["sheet-outside-package.xlsx", "ссылка на лист «Карта ИОМ» ведёт за пределы книги"],
  ])("refuses %s, a package that lost a part it refers to, as corrupt", async (name, detail) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, BAD)));

    const error = await readGrids(bytes, { fileName: name }).catch((thrown: unknown) => thrown);

    expect(error).toMatchObject({
      reason: "corrupt",
      message: `Файл «${name}» повреждён (${detail}): откройте его в Excel или LibreOffice и сохраните как книгу Excel (.xlsx)`,
    });
  });

  it("refuses, before inflating it, an archive whose entries inflate at a ratio no workbook reaches", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/worksheets/sheet1.xml", new Uint8Array(120 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });

    await expect(readGrids(bytes, { fileName: "карта.xlsx" })).rejects.toMatchObject({
      reason: "too-large",
    });
  });

  it("says «Файл» alone when it was given no file name", async () => {
    await expect(readGrids(new Uint8Array(0))).rejects.toMatchObject({
      file: undefined,
      message: "Файл пуст (0 байт): скопируйте или скачайте его заново",
    });
  });
});

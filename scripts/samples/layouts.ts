import type ExcelJS from "exceljs";

import { createCatalogue, matchCompetency } from "../../lib/index.js";
import type { Result, SampleCard } from "./data.js";

/**
 * Four ways methodists lay out the card, as QUIRKS.md describes them: the regulation's own
 * table; general information pasted as «Метка: значение» lines with one result column; a
 * school's «table» layout with headings in a row and columns in another order; and a
 * workbook holding several cards as sheets. Each writes one card into one worksheet.
 */

type Sheet = ExcelJS.Worksheet;

const catalogue = createCatalogue();

const REGULATION_LEVELS: Record<string, string> = {
  personal: "Личностный уровень (заполняется педагогом)",
  school:
    "Уровень ОО (заполняется учителем совместно с администрацией ОО, тьютором, педагогом- наставником)",
  municipal:
    "Муниципальный уровень (заполняется совместно со специалистом ММС\\муниципальным тьютором)",
  regional: "Региональный уровень (заполняется тьютором ЦНППМ/региональным методистом)",
  federal: "Федеральный уровень (заполняется тьютором ЦНППМ/региональным методистом)",
};

const SHORT_LEVELS: Record<string, string> = {
  personal: "Личностный",
  school: "ОО",
  municipal: "Муниципальный",
  regional: "Региональный",
  federal: "Федеральный",
};

/** The competencies as the regulation's text prints them, PDF breaks and all. */
const REGULATION_COMPETENCIES = [
  "Предметная компетенция",
  "Методическая компетенция",
  "Психологопедагогическая компетенция",
  "Функциональная грамотность:",
  "Цифровая грамотность",
  "Естественнонаучн ая грамотность",
  "Математическая грамотность",
  "Финансовая грамотность",
  "Глобальные компетенции",
  "Читательская грамотность",
  "Креативное мышление",
  "ИКТ-компетенции",
  "Управленческая компетенция",
  "Правовая компетенция",
  "Иное (указать)",
];

const FORMS_LABEL = [
  "Форма прохождения оценки профессиональных дефицитов:",
  "· на основании стандартизированных оценочных процедур;",
  "· самодиагностика на основании рефлексии профессиональной деятельности;",
  "· на основании результатов профессиональной деятельности;",
  "· на основании экспертной оценки практической (предметно- методической\\управленческой деятельности)",
].join("\n");

const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

// --- Layout 1: the regulation's Appendix 1, typed into Excel ------------------------------

interface LayoutOptions {
  /** Dates typed as dd.mm.yyyy become Excel dates. */
  excelDates?: boolean;
  /**
   * The card pasted from Word: numbered headings in capitals, labels numbered and broken
   * after every word, the plan's level repeated in short form on each row.
   */
  word?: boolean;
}

/**
 * The regulation's card as a methodist types it: labels in A:B, values in C:G, the entry
 * table with the joint «Уровень — в %…» heading over the level columns, the plan with each
 * level's label merged down its rows, section 5's closing lines.
 */
export function writeRegulationLayout(
  sheet: Sheet,
  card: SampleCard,
  options: LayoutOptions = {},
): void {
  sheet.columns = [
    { width: 26 },
    { width: 30 },
    { width: 16 },
    { width: 16 },
    { width: 16 },
    { width: 18 },
    { width: 24 },
  ];
  let row = 1;

  const word = options.word === true;
  title(sheet, row++, "Карта индивидуального образовательного маршрута педагога", 7);
  heading(sheet, row++, word ? "I. ОБЩИЕ СВЕДЕНИЯ О ПЕДАГОГЕ" : "Общие сведения о педагоге", 7);
  const labels: [string, string][] = [
    ["ФИО педагога", "fullName"],
    ["Образование, специализация в соответствии с дипломом", "education"],
    ["Занимаемая должность", "position"],
    ["Педагогический стаж", "experience"],
    ["Квалификационная категория", "category"],
    ["Дата прохождения аттестации", "attestationDate"],
    ["Курсы ПК (за последние 3 года)", "courses"],
    ["Звание", "title"],
    ["Награды, поощрения", "awards"],
    [FORMS_LABEL, "diagnosticForms"],
    ["Дата прохождения оценки профкомпетенций\\ платформа", "diagnosticDate"],
    ["Мобильный телефон", "phone"],
    ["Адрес электронной почты", "email"],
    ["Дополнительные сведения", "extra"],
    ["Образовательная организация", "school"],
    ["Сроки ИОМ", "routePeriod"],
    ["Наставник", "mentor"],
    ["Дата утверждения ИОМ руководителем ОО", "approvedOn"],
    ["Итог ИОМ", "outcome"],
  ];
  for (const [index, [label, field]] of labels.entries()) {
    sheet.mergeCells(row, 1, row, 2);
    sheet.mergeCells(row, 3, row, 7);
    setCell(
      sheet,
      row,
      1,
      word && field !== "diagnosticForms"
        ? `1.${index + 1}.\n${label.split(" ").join("\n")}:`
        : label,
    );
    const value = card.general[field];
    if (field === "email" && typeof value === "string") {
      // An auto-linked address reads as { text, hyperlink } (exceljs 964).
      sheet.getCell(row, 3).value = { text: value, hyperlink: `mailto:${value}` };
    } else {
      setValue(sheet, row, 3, value, options);
    }
    if (field === "experience" && card.sheet === "Григорьев П.А.") {
      // A formula copied from another workbook that lost its target.
      sheet.getCell(row, 3).value = {
        formula: "[1]Кадры!C14",
        result: { error: "#REF!" },
      } as ExcelJS.CellFormulaValue;
    }
    border(sheet, row, 1, 7);
    if (field === "diagnosticForms") {
      sheet.getRow(row).height = 96;
    }
    row++;
  }
  row++;

  heading(
    sheet,
    row++,
    word
      ? "II. РЕЗУЛЬТАТЫ ВХОДНОЙ ДИАГНОСТИКИ"
      : "Результаты входной диагностики профессиональных дефицитов",
    7,
  );
  row = diagnosticsTable(sheet, row, REGULATION_COMPETENCIES, card.entry, true);
  row++;

  heading(
    sheet,
    row++,
    word ? "III. КАРТА ПРОФЕССИОНАЛЬНОГО РАЗВИТИЯ" : "Карта профессионального развития:",
    7,
  );
  const planHeader = [
    "Уровни реализации ИОМ",
    "Мероприятия, обеспечивающие повышение уровня профкомпетенций",
    "Формируемые компетенции",
    "Сроки проведения",
    "Отметка о выполнении",
    "Причины невыполнения",
    "Результат\\ форма представления результата",
  ];
  planHeader.forEach((text, i) => setCell(sheet, row, i + 1, text, { bold: true }));
  border(sheet, row, 1, 7);
  row++;
  for (const level of Object.keys(REGULATION_LEVELS)) {
    const items = card.plan.filter((item) => item.level === level);
    const first = row;
    for (const item of items.length > 0 ? items : [undefined]) {
      if (item) {
        [
          item.activity,
          item.competencies,
          item.period,
          item.done,
          item.reason,
          item.result,
        ].forEach((value, i) => setValue(sheet, row, i + 2, value, options));
      }
      border(sheet, row, 1, 7);
      row++;
    }
    if (word) {
      for (let r = first; r < row; r++) {
        setCell(sheet, r, 1, SHORT_LEVELS[level]!);
      }
    } else {
      if (row - 1 > first) {
        sheet.mergeCells(first, 1, row - 1, 1);
      }
      setCell(sheet, first, 1, REGULATION_LEVELS[level]!);
    }
  }
  row++;

  heading(sheet, row++, word ? "IV. ЗАКЛЮЧИТЕЛЬНОЕ МЕРОПРИЯТИЕ" : "Заключительное мероприятие", 7);
  [
    "Мероприятие, демонстрирующее повышение уровня профессиональных компетенций",
    "Уровень проведения",
    "Сроки проведения",
    "Рефлексия",
  ].forEach((text, i) => setCell(sheet, row, i + 1, text, { bold: true }));
  border(sheet, row, 1, 4);
  row++;
  const event = card.finalEvent;
  [event?.activity, event?.level, event?.period, event?.reflection].forEach((value, i) =>
    setValue(sheet, row, i + 1, value, options),
  );
  border(sheet, row, 1, 4);
  row += 2;

  heading(
    sheet,
    row++,
    word
      ? "V. РЕЗУЛЬТАТЫ ИТОГОВОЙ ДИАГНОСТИКИ"
      : "Результаты итоговой диагностики профессиональных дефицитов",
    7,
  );
  const finals = card.final?.rows ?? [];
  const deficits = card.entry
    .filter((e) => e.medium !== undefined || e.high !== undefined || e.single !== undefined)
    .map((e) => e.competency);
  row = diagnosticsTable(
    sheet,
    row,
    deficits.length > 0 ? deficits : ["", ""],
    finals,
    false,
    "Компетенции, по которым были выявлены профдефициты",
  );
  row++;

  closing(sheet, row, card, options);
}

function closing(sheet: Sheet, row: number, card: SampleCard, options: LayoutOptions): number {
  const final = card.final;
  sheet.mergeCells(row, 1, row, 2);
  setCell(sheet, row, 1, "Окончание работы по реализации ИОМ:");
  setValue(sheet, row, 3, final?.endDate ?? "«     »\t       2026г.", options);
  row++;
  sheet.mergeCells(row, 1, row, 2);
  setCell(sheet, row, 1, "Педагогический работник:");
  setValue(sheet, row, 3, final?.teacher ?? "_____________________", options);
  row++;
  sheet.mergeCells(row, 1, row, 2);
  setCell(sheet, row, 1, "Наставник/старший методист/методист");
  setValue(sheet, row, 3, final?.mentor ?? "_____________________", options);
  row++;
  sheet.mergeCells(row, 1, row, 7);
  setCell(
    sheet,
    row,
    1,
    "Выводы (с указанием наиболее эффективных мероприятий, реализованных в рамках ИОМ) / анализ реализации ИОМ)",
  );
  row++;
  sheet.mergeCells(row, 1, row + 1, 7);
  setValue(sheet, row, 1, final?.conclusions, options);
  return row + 2;
}

function diagnosticsTable(
  sheet: Sheet,
  row: number,
  names: readonly string[],
  rows: SampleCard["entry"],
  withDifficulties: boolean,
  firstHeading = "Компетенции",
): number {
  setCell(sheet, row, 1, firstHeading, { bold: true });
  setCell(sheet, row, 2, withDifficulties ? "Затруднения" : "Примечание", { bold: true });
  sheet.mergeCells(row, 3, row, 6);
  setCell(
    sheet,
    row,
    3,
    "Уровень - в % или знаковое обозначения в виде «+» (профдефициты присутствуют), «-» ( профдефициты отсутствуют)",
    { bold: true },
  );
  sheet.mergeCells(row, 1, row + 1, 1);
  sheet.mergeCells(row, 2, row + 1, 2);
  border(sheet, row, 1, 6);
  row++;
  [
    "Низкий уровень профдефи цитов (81-100% выполнени я заданий)",
    "Средний уровень профдефиц итов (61-80% выполнения заданий)",
    "Высокий уровень профдефиц итов (менее 60% выполнения заданий)",
    "примечание",
  ].forEach((text, i) => setCell(sheet, row, i + 3, text, { bold: true }));
  sheet.getRow(row).height = 64;
  border(sheet, row, 1, 6);
  row++;

  for (const name of names) {
    const id = matchCompetency(name, catalogue).id;
    const data = rows.find(
      (r) =>
        id !== null &&
        matchCompetency(r.competency, catalogue).id === id &&
        (id !== "other" || r.competency === name),
    );
    setCell(sheet, row, 1, name);
    setValue(sheet, row, 2, withDifficulties ? data?.difficulties : data?.note);
    setResult(sheet, row, 3, data?.low);
    setResult(sheet, row, 4, data?.medium);
    setResult(sheet, row, 5, data?.high ?? data?.single);
    if (withDifficulties) {
      setValue(sheet, row, 6, data?.note);
    }
    border(sheet, row, 1, 6);
    row++;
  }
  // Rows of the card the regulation does not list, such as «Коммуникативная».
  for (const extra of rows.filter(
    (r) =>
      !names.some(
        (n) =>
          matchCompetency(n, catalogue).id === matchCompetency(r.competency, catalogue).id &&
          matchCompetency(n, catalogue).id !== null,
      ),
  )) {
    setCell(sheet, row, 1, extra.competency);
    setResult(sheet, row, 3, extra.low);
    setResult(sheet, row, 4, extra.medium);
    setResult(sheet, row, 5, extra.high ?? extra.single);
    border(sheet, row, 1, 6);
    row++;
  }
  return row;
}

// --- Layout 2: «в одну ячейку» ---------------------------------------------------------------

/**
 * General information pasted as «Метка: значение» lines in one merged cell, numbered
 * headings, one «Результат, %» column of percent-formatted fractions, the plan grouped by
 * level rows merged across the table, closing lines with their value after a colon.
 */
export function writeInlineLayout(sheet: Sheet, card: SampleCard): void {
  sheet.columns = [
    { width: 6 },
    { width: 40 },
    { width: 26 },
    { width: 16 },
    { width: 18 },
    { width: 22 },
    { width: 26 },
  ];
  const g = card.general;
  let row = 1;

  title(sheet, row++, "ИНДИВИДУАЛЬНЫЙ ОБРАЗОВАТЕЛЬНЫЙ МАРШРУТ ПЕДАГОГА", 7);
  heading(sheet, row++, "1. Общие сведения:", 7);
  const lines = [
    `ФИО: ${g.fullName}`,
    `Должность: ${g.position}`,
    `Образование: ${g.education}`,
    `Стаж, категория: ${g.experience}, ${g.category}`,
    g.staffCategory ? `Категория работника: ${g.staffCategory}` : undefined,
    `Телефон: ${g.phone}`,
    `E-mail: ${g.email}`,
  ].filter((line): line is string => line !== undefined);
  sheet.mergeCells(row, 1, row, 7);
  setCell(sheet, row, 1, lines.join("\n"));
  sheet.getRow(row).height = 16 * lines.length;
  row++;

  const pairs: [string, unknown][] = [
    ["Образовательная организация:", g.school],
    ["Период реализации ИОМ:", g.routePeriod],
    ["Форма оценки профдефицитов:", g.diagnosticForms],
    ["Дата диагностики:", g.diagnosticDate],
    ["Куратор:", g.mentor],
    ["Утверждён:", g.approvedOn],
  ];
  for (const [label, value] of pairs) {
    sheet.mergeCells(row, 1, row, 2);
    // A bold word inside the label is rich text (exceljs 281).
    const [first, ...rest] = label.split(" ");
    sheet.getCell(row, 1).value = {
      richText: [
        { text: first!, font: { bold: true } },
        ...(rest.length > 0 ? [{ text: ` ${rest.join(" ")}` }] : []),
      ],
    };
    sheet.mergeCells(row, 3, row, 7);
    setValue(sheet, row, 3, value);
    row++;
  }
  row++;

  heading(sheet, row++, "2. Результаты входной диагностики профессиональных дефицитов", 7);
  [
    "№",
    "Профессиональные компетенции",
    "Профессиональные затруднения",
    "Результат, %",
    "Примечание",
  ].forEach((text, i) => setCell(sheet, row, i + 1, text, { bold: true }));
  border(sheet, row, 1, 5);
  row++;
  card.entry.forEach((entry, i) => {
    setValue(sheet, row, 1, i + 1);
    setCell(sheet, row, 2, entry.competency);
    setValue(sheet, row, 3, entry.difficulties);
    setResult(sheet, row, 4, entry.single);
    border(sheet, row, 1, 5);
    row++;
  });
  row++;

  heading(sheet, row++, "3. Карта профессионального развития", 7);
  [
    "Мероприятие",
    "Компетенции",
    "Срок",
    "Отметка о выполнении",
    "Причины невыполнения",
    "Результат / продукт",
  ].forEach((text, i) => setCell(sheet, row, i + 2, text, { bold: true }));
  border(sheet, row, 2, 7);
  row++;
  const groups: [string, string][] = [
    ["personal", "Личностный уровень"],
    ["school", "Уровень образовательной организации"],
    ["municipal", "Муниципальный уровень"],
    ["regional", "Региональный уровень"],
    ["federal", "Федеральный уровень"],
  ];
  for (const [level, name] of groups) {
    sheet.mergeCells(row, 2, row, 7);
    setCell(sheet, row, 2, name, { bold: true, fill: "FFEFF3F8" });
    row++;
    for (const item of card.plan.filter((p) => p.level === level)) {
      [item.activity, item.competencies, item.period, item.done, item.reason, item.result].forEach(
        (value, i) => setValue(sheet, row, i + 2, value),
      );
      border(sheet, row, 2, 7);
      row++;
    }
  }
  row++;

  heading(sheet, row++, "4. Заключительное мероприятие", 7);
  ["Мероприятие", "Уровень", "Дата", "Рефлексия"].forEach((text, i) =>
    setCell(sheet, row, i + 2, text, { bold: true }),
  );
  row++;
  const event = card.finalEvent;
  [event?.activity, event?.level, event?.period, event?.reflection].forEach((value, i) =>
    setValue(sheet, row, i + 2, value),
  );
  row += 2;

  heading(sheet, row++, "5. Итоговая диагностика", 7);
  ["№", "Профессиональные компетенции", "Примечание", "Результат, %"].forEach((text, i) =>
    setCell(sheet, row, i + 1, text, { bold: true }),
  );
  row++;
  (card.final?.rows ?? []).forEach((final, i) => {
    setValue(sheet, row, 1, i + 1);
    setCell(sheet, row, 2, final.competency);
    setResult(sheet, row, 4, final.single);
    row++;
  });
  row++;
  setCell(
    sheet,
    row++,
    2,
    `Дата окончания ИОМ: ${text(card.final?.endDate) ?? "«___» ________ 20__ г."}`,
  );
  setCell(sheet, row++, 2, `Выводы: ${card.final?.conclusions ?? ""}`);
}

// --- Layout 3: «таблицей» ------------------------------------------------------------------

/**
 * A school's own table: the title names the plan «ИППР», general information as a row of
 * headings over a row of values, the entry columns in another order (high first, the
 * difficulties last), the plan's level in short form on every row, columns reordered,
 * headings broken across lines, the route's start and end as Excel dates in a Russian
 * format exceljs reads as plain numbers (exceljs 2939).
 */
export function writeTableLayout(sheet: Sheet, card: SampleCard): void {
  sheet.columns = [
    { width: 30 },
    { width: 20 },
    { width: 20 },
    { width: 20 },
    { width: 20 },
    { width: 22 },
    { width: 22 },
  ];
  const g = card.general;
  let row = 1;

  title(sheet, row++, `ИППР педагога ${String(g.school).replace("№", "N")}`, 7);
  row++;
  const top: [string, unknown][] = [
    ["ФИО", g.fullName],
    ["Должность", g.position],
    ["Категория", g.category],
    ["Стаж", g.experience],
    ["Телефон", g.phone],
    ["E-mail", g.email],
  ];
  top.forEach(([label, value], i) => {
    setCell(sheet, row, i + 1, label, { bold: true, fill: "FFEFF3F8" });
    setValue(sheet, row + 1, i + 1, value);
  });
  border(sheet, row, 1, 6);
  border(sheet, row + 1, 1, 6);
  row += 3;
  const second: [string, unknown][] = [
    ["Образование", g.education],
    ["ОО", g.school],
    ["Наставник", g.mentor],
    ["Форма\nдиагностики", g.diagnosticForms],
    ["Дата диагностики / платформа", g.diagnosticDate],
    ["Начало ИОМ", g.routeStart],
    ["Окончание ИОМ", g.routeEnd],
  ];
  second.forEach(([label, value], i) => {
    setCell(sheet, row, i + 1, label, { bold: true, fill: "FFEFF3F8" });
    const parsed =
      typeof value === "string" && /^\d\d\.\d\d\.\d{4}$/.test(value) && label.endsWith("ИОМ")
        ? russianDate(value)
        : value;
    setValue(sheet, row + 1, i + 1, parsed);
    if (parsed instanceof Date) {
      sheet.getCell(row + 1, i + 1).numFmt = "[$-419]D MMMM YYYY;@";
    }
  });
  border(sheet, row, 1, 7);
  border(sheet, row + 1, 1, 7);
  row += 2;
  sheet.mergeCells(row, 1, row, 2);
  setCell(sheet, row, 1, "Дата утверждения:");
  setValue(sheet, row, 3, g.approvedOn);
  if (g.outcome) {
    setCell(sheet, row, 4, "Итог ИОМ:");
    setValue(sheet, row, 5, g.outcome);
  }
  row += 2;

  heading(sheet, row++, "I. Результаты входной диагностики", 7);
  [
    "Компетенция",
    "Высокий\n(менее 60%)",
    "Средний\n(61-80%)",
    "Низкий\n(81-100%)",
    "Выявленные затруднения",
  ].forEach((text, i) => setCell(sheet, row, i + 1, text, { bold: true }));
  border(sheet, row, 1, 5);
  row++;
  for (const entry of card.entry) {
    setCell(sheet, row, 1, entry.competency);
    setResult(sheet, row, 2, entry.high);
    setResult(sheet, row, 3, entry.medium);
    setResult(sheet, row, 4, entry.low);
    setValue(sheet, row, 5, entry.difficulties);
    border(sheet, row, 1, 5);
    row++;
  }
  row++;

  heading(sheet, row++, "II. План мероприятий", 7);
  [
    "Сроки",
    "Мероприятие",
    "Уровень",
    "Формируемые\nкомпетенции",
    "Отметка\nо\nвыполнении",
    "Результат",
    "Причины невыполнения",
  ].forEach((text, i) => setCell(sheet, row, i + 1, text, { bold: true }));
  border(sheet, row, 1, 7);
  row++;
  for (const item of card.plan) {
    [
      item.period,
      item.activity,
      item.level,
      item.competencies,
      item.done,
      item.result,
      item.reason,
    ].forEach((value, i) => setValue(sheet, row, i + 1, value));
    border(sheet, row, 1, 7);
    row++;
  }
  row++;

  heading(sheet, row++, "III. Заключительное мероприятие", 7);
  ["Мероприятие", "Уровень проведения", "Сроки проведения", "Рефлексия"].forEach((text, i) =>
    setCell(sheet, row, i + 1, text, { bold: true }),
  );
  row++;
  const event = card.finalEvent;
  [event?.activity, event?.level, event?.period, event?.reflection].forEach((value, i) =>
    setValue(sheet, row, i + 1, value),
  );
  row += 2;

  heading(sheet, row++, "IV. Результаты итоговой диагностики", 7);
  ["Компетенция", "Высокий\n(менее 60%)", "Средний\n(61-80%)", "Низкий\n(81-100%)"].forEach(
    (text, i) => setCell(sheet, row, i + 1, text, { bold: true }),
  );
  row++;
  for (const final of card.final?.rows ?? []) {
    setCell(sheet, row, 1, final.competency);
    setResult(sheet, row, 2, final.high);
    setResult(sheet, row, 3, final.medium);
    setResult(sheet, row, 4, final.low);
    row++;
  }
  row++;
  if (card.final) {
    setCell(sheet, row, 1, "Окончание работы по реализации ИОМ:");
    setValue(sheet, row++, 2, card.final.endDate);
    setCell(sheet, row, 1, "Педагогический работник:");
    setValue(sheet, row++, 2, card.final.teacher);
    setCell(sheet, row, 1, "Наставник:");
    setValue(sheet, row++, 2, card.final.mentor);
    setCell(sheet, row, 1, "Выводы:");
    setValue(sheet, row++, 2, card.final.conclusions);
  }
}

/** A sheet that is not a card: the lists a school keeps beside its cards. */
export function writeReferenceSheet(sheet: Sheet): void {
  sheet.getCell("A1").value = "Уровни";
  sheet.getCell("B1").value = "Категории";
  ["Личностный", "ОО", "Муниципальный", "Региональный", "Федеральный"].forEach(
    (v, i) => (sheet.getCell(i + 2, 1).value = v),
  );
  ["высшая", "первая", "СЗД", "без категории"].forEach(
    (v, i) => (sheet.getCell(i + 2, 2).value = v),
  );
}

/** A school's plan of its methodical association: a workbook with no card at all. */
export function writeEventsList(sheet: Sheet): void {
  sheet.columns = [{ width: 6 }, { width: 50 }, { width: 16 }, { width: 24 }];
  sheet.getCell("A1").value = "План работы ШМО учителей-предметников на 2026–2027 уч. год";
  ["№", "Тема заседания", "Срок", "Ответственный"].forEach(
    (v, i) => (sheet.getCell(3, i + 1).value = v),
  );
  [
    ["Анализ результатов ВПР", "сентябрь 2026", "руководитель ШМО"],
    ["Функциональная грамотность на уроках", "ноябрь 2026", "руководитель ШМО"],
    ["Подготовка к ГИА", "январь 2027", "заместитель директора"],
  ].forEach((values, i) => {
    sheet.getCell(4 + i, 1).value = i + 1;
    values.forEach((v, j) => (sheet.getCell(4 + i, j + 2).value = v));
  });
}

// --- cells -----------------------------------------------------------------------------------

function title(sheet: Sheet, row: number, text: string, width: number): void {
  sheet.mergeCells(row, 1, row, width);
  setCell(sheet, row, 1, text, { bold: true, size: 14 });
  sheet.getCell(row, 1).alignment = { horizontal: "center", wrapText: true };
}

function heading(sheet: Sheet, row: number, text: string, width: number): void {
  sheet.mergeCells(row, 1, row, width);
  setCell(sheet, row, 1, text, { bold: true, size: 12 });
}

function setCell(
  sheet: Sheet,
  row: number,
  col: number,
  text: string,
  style: { bold?: boolean; size?: number; fill?: string } = {},
): void {
  const cell = sheet.getCell(row, col);
  cell.value = text;
  cell.alignment = { vertical: "top", wrapText: true };
  if (style.bold || style.size) {
    cell.font = { bold: style.bold ?? false, size: style.size ?? 11 };
  }
  if (style.fill) {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: style.fill } };
  }
}

function setValue(
  sheet: Sheet,
  row: number,
  col: number,
  value: unknown,
  options: LayoutOptions = {},
): void {
  if (value === undefined || value === null || value === "") {
    return;
  }
  const cell = sheet.getCell(row, col);
  if (value instanceof Date) {
    cell.value = value;
    cell.numFmt = "dd.mm.yyyy";
  } else if (options.excelDates && typeof value === "string" && /^\d\d\.\d\d\.\d{4}$/.test(value)) {
    cell.value = russianDate(value);
    cell.numFmt = "dd.mm.yyyy";
  } else {
    cell.value = value as ExcelJS.CellValue;
  }
  cell.alignment = { vertical: "top", wrapText: true };
}

function setResult(sheet: Sheet, row: number, col: number, result: Result | undefined): void {
  if (result === undefined) {
    return;
  }
  const cell = sheet.getCell(row, col);
  if (typeof result === "object") {
    cell.value = result.percent;
    cell.numFmt = "0%";
  } else {
    cell.value = result;
  }
  cell.alignment = { horizontal: "center", vertical: "top" };
}

function border(sheet: Sheet, row: number, from: number, to: number): void {
  for (let col = from; col <= to; col++) {
    sheet.getCell(row, col).border = thin;
  }
}

function russianDate(text: string): Date {
  const [d, m, y] = text.split(".").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

function text(value: unknown): string | undefined {
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10).split("-").reverse().join(".");
  }
  return typeof value === "string" ? value : undefined;
}

import { describe, expect, it } from "vitest";

import { AS_OF, cleanCard, item, row } from "../../test/builders.js";
import { CardSchema } from "../domain/card.js";
import { COMPETENCIES } from "../domain/catalogue.js";
import { parseConfig } from "../domain/config.js";
import { readCardSheet } from "./readCard.js";
import { readCards } from "./readCards.js";
import type { TemplateCell, TemplateLayout } from "./template.js";
import { cardTemplate, layoutGrid, templateCard, TEMPLATE_LEVEL_LABELS } from "./template.js";
import { OFF_LIST } from "./templatePrompts.js";

function texts(layout: TemplateLayout, style: TemplateCell["style"]): string[] {
  return layout.card.cells.filter((c) => c.style === style).map((c) => String(c.value));
}

function at(layout: TemplateLayout, field: string): TemplateCell {
  const cell = layout.card.cells.find((c) => c.field === field);
  if (!cell) {
    throw new Error(`no cell for ${field}`);
  }
  return cell;
}

describe("cardTemplate", () => {
  const blank = cardTemplate();

  it("follows Appendix 1: its title, then the five sections in the regulation's order", () => {
    expect(texts(blank, "title")).toEqual([
      "Карта индивидуального образовательного маршрута педагога",
    ]);
    expect(texts(blank, "section")).toEqual([
      "Общие сведения о педагоге",
      "Результаты входной диагностики профессиональных дефицитов",
      "Карта профессионального развития",
      "Заключительное мероприятие",
      "Результаты итоговой диагностики профессиональных дефицитов",
    ]);
  });

  it("keeps the regulation's general fields in its order and wording, the additions between", () => {
    const labels = texts(blank, "label").map((text) => text.split("\n")[0]!);
    const regulation = [
      "ФИО педагога",
      "Образование, специализация в соответствии с дипломом",
      "Занимаемая должность",
      "Педагогический стаж",
      "Квалификационная категория",
      "Дата прохождения аттестации",
      "Курсы ПК (за последние 3 года)",
      "Звание",
      "Награды, поощрения",
      "Форма прохождения оценки профессиональных дефицитов:",
      "Дата прохождения оценки профкомпетенций / платформа",
      "Мобильный телефон",
      "Адрес электронной почты",
      "Дополнительные сведения",
    ];
    expect(labels.filter((label) => regulation.includes(label))).toEqual(regulation);
    for (const addition of [
      "Образовательная организация (ОО)",
      "Муниципалитет",
      "Категория работника",
      "Начало ИОМ",
      "Окончание ИОМ",
      "Наставник / куратор",
      "Дата утверждения ИОМ руководителем ОО",
      "Этап ИОМ",
      "Итог ИОМ",
    ]) {
      expect(labels).toContain(addition);
    }
  });

  it("reads back as an empty card holding the card's competencies, with nothing to report", () => {
    const read = readCardSheet(layoutGrid(blank.card));

    expect(read?.problems).toEqual([]);
    expect(read?.card.entry.map((r) => r.competency)).toEqual(
      COMPETENCIES.map((c) => (c.id === "functional-literacy" ? `${c.name}:` : c.name)),
    );
    expect(read?.card.plan).toEqual([]);
    expect(read?.card.final.rows).toEqual([]);
    expect(Object.values(read!.card.general).every((v) => v === null)).toBe(true);
  });

  it("gives the clean card back with no finding", () => {
    const card = cleanCard();
    const layout = cardTemplate(card);
    const { records, findings } = readCards([layoutGrid(layout.card), layoutGrid(layout.lists)], {
      file: "карта.xlsx",
      asOf: AS_OF,
    });

    expect(findings).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]!.card).toEqual(card);
  });

  it("places each field where the reader finds it", () => {
    const card = cleanCard();
    const layout = cardTemplate(card);
    const read = readCardSheet(layoutGrid(layout.card))!;

    for (const cell of layout.card.cells.filter((c) => c.field !== undefined)) {
      expect([cell.field, read.sources.get(cell.field!)]).toEqual([cell.field, cell.cell]);
    }
  });

  it("keeps every input message within what Excel accepts (title 32, text 255 characters)", () => {
    const inputs = [...cardTemplate(cleanCard()).card.cells, ...blank.card.cells]
      .map((c) => c.input?.prompt)
      .filter((p) => p !== undefined);

    expect(inputs.length).toBeGreaterThan(100);
    for (const prompt of [...inputs, OFF_LIST]) {
      expect(prompt.title.length, prompt.title).toBeLessThanOrEqual(32);
      expect(prompt.text.length, prompt.text).toBeLessThanOrEqual(255);
    }
  });

  it("gives every field of the card an input message", () => {
    const fields = cardTemplate(cleanCard()).card.cells.filter((c) => c.field !== undefined);

    expect(fields.filter((c) => c.input === undefined && !/\.level$/.test(c.field!))).toEqual([]);
  });

  it("offers drop-downs for the closed lists", () => {
    const lists = (field: string) => at(cardTemplate(cleanCard()), field).input?.list;

    expect(lists("general.diagnosticForms")).toBe("forms");
    expect(lists("general.category")).toBe("categories");
    expect(lists("general.staffCategory")).toBe("staff");
    expect(lists("general.outcome")).toBe("outcomes");
    expect(lists("finalEvent.level")).toBe("eventLevels");
    expect(lists("plan.0.done")).toBe("marks");
    expect(lists("plan.0.competencies")).toBe("competencies");
    expect(lists("entry.0.competency")).toBe("competencies");
    expect(lists("entry.0.high")).toBe("signs");
  });

  it("names each section and each list", () => {
    const names = blank.names.map((n) => n.name);

    expect(names).toEqual(
      expect.arrayContaining([
        "Общие_сведения",
        "Входная_диагностика",
        "Карта_развития",
        "Заключительное_мероприятие",
        "Итоговая_диагностика",
        ...blank.referenceLists.map((l) => l.name),
      ]),
    );
    expect(blank.names.find((n) => n.name === "Список_категорий")?.range).toBe(
      "Справочники!$C$2:$C$5",
    );
  });

  it("lists the district's own competencies", () => {
    const config = parseConfig({
      competencies: [{ id: "communicative", name: "Коммуникативная компетенция" }],
    });
    const layout = cardTemplate(undefined, { config });

    expect(layout.referenceLists.find((l) => l.id === "competencies")?.values).toContain(
      "Коммуникативная компетенция",
    );
    expect(readCardSheet(layoutGrid(layout.card))?.card.entry.at(-2)?.competency).toBe(
      "Коммуникативная компетенция",
    );
  });

  it("states the regulation's bands in the level headings, and the district's where it moves the thresholds", () => {
    const headings = (layout: TemplateLayout) =>
      layout.card.cells
        .filter((c) => typeof c.value === "string" && c.value.includes("уровень профдефицитов ("))
        .slice(0, 3)
        .map((c) => c.value);
    const moved = cardTemplate(undefined, {
      config: parseConfig({ thresholds: { low: 85, medium: 65 } }),
    });

    expect(headings(blank)).toEqual([
      "Низкий уровень профдефицитов (81–100 % выполнения заданий)",
      "Средний уровень профдефицитов (61–80 % выполнения заданий)",
      "Высокий уровень профдефицитов (менее 60 % выполнения заданий)",
    ]);
    expect(headings(moved)).toEqual([
      "Низкий уровень профдефицитов (86–100 % выполнения заданий)",
      "Средний уровень профдефицитов (66–85 % выполнения заданий)",
      "Высокий уровень профдефицитов (не более 65 % выполнения заданий)",
    ]);
    expect(at(moved, "entry.0.medium").input?.prompt).toMatchObject({
      title: "Средний уровень (66–85 %)",
      text: expect.stringMatching(/^От 66 до 85 %\./),
    });
    // The reader still finds the level columns under the district's headings.
    expect(readCardSheet(layoutGrid(moved.card))?.card.entry).toHaveLength(
      readCardSheet(layoutGrid(blank.card))!.card.entry.length,
    );
  });

  it("keeps a band that is not whole in the heading, and a message title within Excel's 32 characters", () => {
    const layout = cardTemplate(undefined, {
      config: parseConfig({ thresholds: { low: 82.5, medium: 62.5 } }),
    });

    expect(at(layout, "entry.0.medium").input?.prompt.title).toBe("Средний уровень");
    expect(at(layout, "entry.0.medium").input?.prompt.text).toMatch(
      /^Более 62,5 и не более 82,5 %\./,
    );
    expect(layout.card.cells.map((c) => c.value)).toContain(
      "Низкий уровень профдефицитов (более 82,5 % выполнения заданий)",
    );
  });

  it("is not read as a card on its lists sheet", () => {
    expect(readCardSheet(layoutGrid(blank.lists))).toBeNull();
  });

  it("prints on A4 across, one page wide, the title on every page", () => {
    expect(blank.print).toMatchObject({
      paper: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      titleRows: "1:1",
    });
    expect(blank.print.breaksBefore).toHaveLength(3);
  });
});

describe("templateCard", () => {
  it("leaves a card made in the template as it is", () => {
    expect(templateCard(cleanCard())).toEqual(cleanCard());
  });

  it("moves a result of a single column to its band's level column", () => {
    const card = CardSchema.parse({
      entry: [
        row("Методическая", { single: { value: 0.64, percentFormat: true } }),
        row("ИКТ", { single: "−" }),
        row("Предметная", { single: "+" }),
      ],
    });

    expect(templateCard(card).entry.map((r) => r.results)).toEqual([
      { medium: { value: 0.64, percentFormat: true } },
      { low: { value: "−" }, medium: { value: "−" }, high: { value: "−" } },
      { high: { value: "+" } },
    ]);
  });

  it("groups the plan by level, keeping the rows' own label where they agree", () => {
    const card = CardSchema.parse({
      plan: [
        item({ level: "Муниципальный", activity: "Семинар" }),
        item({ level: "ОО", activity: "Посещение уроков" }),
        item({ level: null, activity: "Без уровня" }),
        item({ level: "ОО", activity: "Открытый урок" }),
        item({ level: "Уровень ОО", activity: "Мастер-класс" }),
      ],
    });

    expect(templateCard(card).plan.map((p) => [p.level, p.activity])).toEqual([
      [null, "Без уровня"],
      [TEMPLATE_LEVEL_LABELS.school, "Посещение уроков"],
      [TEMPLATE_LEVEL_LABELS.school, "Открытый урок"],
      [TEMPLATE_LEVEL_LABELS.school, "Мастер-класс"],
      ["Муниципальный", "Семинар"],
    ]);
  });

  it("gives a card with no entry diagnostics the card's competencies", () => {
    const card = templateCard(CardSchema.parse({ general: { fullName: "Петрова Е. И." } }));

    expect(card.entry).toHaveLength(COMPETENCIES.length);
    expect(card.general.fullName).toBe("Петрова Е. И.");
  });

  it("is what reading a card written by the template gives back", () => {
    const card = CardSchema.parse({
      ...cleanCard(),
      entry: [row("Методическая", { single: "70%" }), row("Иное (указать): наставничество")],
      plan: [
        item({ level: "Региональный", activity: "Курсы ПК", period: "март 2026" }),
        item({ level: "Уровень района-2", activity: "Семинар", period: "май 2026" }),
        item({ level: "Личностный", activity: "Самообразование", period: "в течение года" }),
      ],
    });

    const read = readCardSheet(layoutGrid(cardTemplate(card).card));
    expect(read?.card).toEqual(templateCard(card));
  });
});

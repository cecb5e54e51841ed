import { describe, expect, it } from "vitest";

import {
  COMPETENCIES,
  createCatalogue,
  matchCompetency,
  OTHER,
  splitCompetencies,
} from "./catalogue.js";
import { parseConfig } from "./config.js";

const catalogue = createCatalogue();

describe("matchCompetency", () => {
  it.each(COMPETENCIES.filter((c) => c.id !== OTHER).map((c) => [c.name, c.id]))(
    "finds %s by the card's own wording",
    (name, id) => {
      expect(matchCompetency(name, catalogue)).toEqual({ id });
    },
  );

  it.each(COMPETENCIES.flatMap((c) => c.aliases.map((alias) => [alias, c.id])))(
    "finds the alias %s",
    (alias, id) => {
      expect(matchCompetency(alias, catalogue).id).toBe(id);
    },
  );

  it.each([
    ["Естественнонаучн ая грамотность", "science-literacy", "a word broken by a lost soft hyphen"],
    ["Психологопедагогическая компетенция", "psychological", "a hyphen lost in copying"],
    ["Психолого- педагогическая", "psychological", "a hyphen followed by a space"],
    ["Психолого-\nпедагогическая компетенция", "psychological", "a line break after the hyphen"],
    ["Естественно\u00adнаучная грамотность", "science-literacy", "a soft hyphen kept"],
    ["Предмётная компетенция", "subject", "«ё» for «е»"],
    ["Предметная  компетенция", "subject", "a double space"],
    ["  Методическая компетенция ", "methodological", "spaces around"],
    ["Мeтодическая компетенция", "methodological", "a Latin «e» in a Cyrillic word"],
    ["ИKT", "ict", "Latin «K» and «T» beside a Cyrillic «И»"],
    ["Методические компетенции", "methodological", "the plural"],
    ["Психолого-педагогические компетенции", "psychological", "the plural of a compound"],
    ["Функциональная грамотность:", "functional-literacy", "a trailing colon"],
    ["МЕТОДИЧЕСКАЯ КОМПЕТЕНЦИЯ", "methodological", "capitals"],
    ["ИКТ", "ict", "the short form «ИКТ»"],
    ["Методическая", "methodological", "the short form with no generic word"],
    ["Нормативно-правовая компетенция", "legal", "another region's word for «Правовая»"],
  ])("finds %s (%s)", (text, id) => {
    expect(matchCompetency(text, catalogue).id).toBe(id);
  });

  it("reads «Иное (указать)» with the author's text", () => {
    expect(matchCompetency("Иное (указать): наставничество", catalogue)).toEqual({
      id: OTHER,
      specified: "наставничество",
    });
    expect(matchCompetency("Иное: работа с одарёнными детьми", catalogue)).toEqual({
      id: OTHER,
      specified: "работа с одарёнными детьми",
    });
  });

  it("reads «Иное (указать)» alone as «Иное» with nothing specified", () => {
    expect(matchCompetency("Иное (указать)", catalogue)).toEqual({ id: OTHER });
    expect(matchCompetency("Иное", catalogue)).toEqual({ id: OTHER });
  });

  it("keeps the subject written in brackets after a competency", () => {
    expect(matchCompetency("Предметная компетенция (история)", catalogue)).toEqual({
      id: "subject",
      specified: "история",
    });
  });

  it("finds nothing for a competency the card does not list", () => {
    expect(matchCompetency("Коммуникативная компетенция", catalogue)).toEqual({ id: null });
    expect(matchCompetency("Иностранный язык", catalogue)).toEqual({ id: null });
  });

  it("finds nothing in an empty text", () => {
    expect(matchCompetency("", catalogue)).toEqual({ id: null });
    expect(matchCompetency("   ", catalogue)).toEqual({ id: null });
  });
});

describe("createCatalogue", () => {
  it("keeps the card's order with «Иное» last", () => {
    expect(catalogue.competencies.map((c) => c.id)).toEqual(COMPETENCIES.map((c) => c.id));
    expect(catalogue.competencies.at(-1)?.id).toBe(OTHER);
  });

  it("puts the seven literacies under «Функциональная грамотность»", () => {
    const literacies = catalogue.competencies.filter((c) => c.parent === "functional-literacy");

    expect(literacies).toHaveLength(7);
  });

  it("inserts a district's new competency before «Иное»", () => {
    const extended = createCatalogue(
      parseConfig({
        competencies: [
          {
            id: "communicative",
            name: "Коммуникативная компетенция",
            aliases: ["Коммуникативная"],
          },
          { id: "inclusive", name: "Инклюзивная компетенция" },
        ],
      }),
    );

    expect(extended.competencies.map((c) => c.id).slice(-3)).toEqual([
      "communicative",
      "inclusive",
      OTHER,
    ]);
    expect(matchCompetency("Коммуникативные компетенции", extended).id).toBe("communicative");
    expect(matchCompetency("Инклюзивная", extended).id).toBe("inclusive");
    expect(extended.byId("communicative")?.name).toBe("Коммуникативная компетенция");
  });

  it("names a new competency by its id where the configuration gives no name", () => {
    const extended = createCatalogue(parseConfig({ competencies: [{ id: "tutoring" }] }));

    expect(extended.byId("tutoring")?.name).toBe("tutoring");
  });

  it("gives an existing competency the district's aliases without adding a row", () => {
    const extended = createCatalogue(
      parseConfig({ competencies: [{ id: "legal", aliases: ["Юридическая грамотность"] }] }),
    );

    expect(extended.competencies).toHaveLength(COMPETENCIES.length);
    expect(matchCompetency("Юридическая грамотность", extended).id).toBe("legal");
    expect(matchCompetency("Правовая компетенция", extended).id).toBe("legal");
  });

  it("leaves the built-in catalogue as it was", () => {
    createCatalogue(parseConfig({ competencies: [{ id: "legal", aliases: ["Юридическая"] }] }));

    expect(COMPETENCIES.find((c) => c.id === "legal")?.aliases).not.toContain("Юридическая");
    expect(matchCompetency("Юридическая", createCatalogue()).id).toBeNull();
  });
});

describe("splitCompetencies", () => {
  it("splits on commas, semicolons and line breaks", () => {
    expect(splitCompetencies("Методическая, ИКТ; Предметная\nЦифровая\r\nПравовая")).toEqual([
      "Методическая",
      "ИКТ",
      "Предметная",
      "Цифровая",
      "Правовая",
    ]);
  });

  it("splits on «и» between two names", () => {
    expect(splitCompetencies("Естественнонаучная и математическая грамотность")).toEqual([
      "Естественнонаучная",
      "математическая грамотность",
    ]);
  });

  it("drops bullets, trailing dots and empty parts", () => {
    expect(splitCompetencies("• Методическая.\n- ИКТ;;\n\n")).toEqual(["Методическая", "ИКТ"]);
  });

  it("keeps a hyphenated name whole", () => {
    expect(splitCompetencies("Психолого-педагогическая, ИКТ-компетенции")).toEqual([
      "Психолого-педагогическая",
      "ИКТ-компетенции",
    ]);
  });

  it("gives nothing for an empty text", () => {
    expect(splitCompetencies("")).toEqual([]);
  });
});

import { squash } from "./text.js";

/** A competency of the card's section «Результаты входной диагностики». */
export interface Competency {
  /** Stable identifier used in code, JSON and configuration. */
  id: string;
  /** The card's wording (Appendix 1). */
  name: string;
  /** The heading it belongs to: the seven literacies under «Функциональная грамотность». */
  parent?: string;
  /** Other names people write for it. */
  aliases: readonly string[];
}

/**
 * The card's competencies in the card's order (Appendix 1), with the names cards use for
 * them. «Нормативно-правовая» is another region's word for «Правовая» (QUIRKS.md).
 */
export const COMPETENCIES: readonly Competency[] = [
  { id: "subject", name: "Предметная компетенция", aliases: ["Предметная"] },
  { id: "methodological", name: "Методическая компетенция", aliases: ["Методическая"] },
  {
    id: "psychological",
    name: "Психолого-педагогическая компетенция",
    aliases: ["Психолого-педагогическая", "Психолого-педагогические"],
  },
  {
    id: "functional-literacy",
    name: "Функциональная грамотность",
    aliases: ["ФГ", "Функциональная"],
  },
  {
    id: "digital-literacy",
    name: "Цифровая грамотность",
    parent: "functional-literacy",
    aliases: ["Цифровая"],
  },
  {
    id: "science-literacy",
    name: "Естественнонаучная грамотность",
    parent: "functional-literacy",
    aliases: ["Естественно-научная грамотность", "Естественнонаучная"],
  },
  {
    id: "math-literacy",
    name: "Математическая грамотность",
    parent: "functional-literacy",
    aliases: ["Математическая"],
  },
  {
    id: "financial-literacy",
    name: "Финансовая грамотность",
    parent: "functional-literacy",
    aliases: ["Финансовая"],
  },
  {
    id: "global-competence",
    name: "Глобальные компетенции",
    parent: "functional-literacy",
    aliases: ["Глобальная компетентность", "Глобальные"],
  },
  {
    id: "reading-literacy",
    name: "Читательская грамотность",
    parent: "functional-literacy",
    aliases: ["Читательская"],
  },
  {
    id: "creative-thinking",
    name: "Креативное мышление",
    parent: "functional-literacy",
    aliases: ["Креативность", "Креативное"],
  },
  {
    id: "ict",
    name: "ИКТ-компетенции",
    aliases: ["ИКТ", "ИКТ-компетентность", "Информационно-коммуникационные технологии"],
  },
  { id: "management", name: "Управленческая компетенция", aliases: ["Управленческая"] },
  {
    id: "legal",
    name: "Правовая компетенция",
    aliases: ["Правовая", "Нормативно-правовая", "Нормативно-правовая компетенция"],
  },
  { id: "other", name: "Иное (указать)", aliases: ["Иное", "Другое", "Прочее"] },
];

/** The identifier of «Иное (указать)», the row that needs its own text. */
export const OTHER = "other";

/**
 * The key names are compared by: letters only, the generic word («компетенция»,
 * «грамотность») dropped from the end, and one adjective ending dropped, so that
 * «Психолого-педагогические компетенции» and «Психологопедагогическая» meet.
 */
export function competencyKey(name: string): string {
  let key = squash(name);
  key = key.replace(/(?:компетенци[яиейю]|компетентност[ьи]|грамотност[ьи])$/, "");
  if (key.length > 4) {
    key = key.replace(/(?:ая|яя|ые|ие|ый|ий|ой|ое|ее|ого|его|ых|их|ую|юю|ым|им)$/, "");
  }
  return key;
}

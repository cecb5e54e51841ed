import { describe, expect, it } from "vitest";

import { finding, quoteList, shortenQuotes } from "./finding.js";

describe("shortenQuotes", () => {
  it("cuts a quoted value past a hundred characters, the quotes inside it included", () => {
    const value = `«Реализация ФГОС», 36 ч; ${"а".repeat(200)}`;

    expect(shortenQuotes(`Категория «${value}» не из списка`)).toBe(
      `Категория «${value.slice(0, 100)}…» не из списка`,
    );
  });

  it("leaves a short message, short quotes and an unclosed quote as they are", () => {
    const long = `Поле «ФИО»: «${"б".repeat(40)}» ${"в".repeat(100)} «не закрыта`;

    expect(shortenQuotes("Поле «ФИО» пусто")).toBe("Поле «ФИО» пусто");
    expect(shortenQuotes(long)).toBe(long);
  });

  it("does not split a character outside the basic plane", () => {
    const message = `«${"г".repeat(99)}😀${"д".repeat(10)}»`;

    expect(shortenQuotes(message)).toBe(`«${"г".repeat(99)}…»`);
  });
});

describe("quoteList", () => {
  it("quotes three values and counts the rest", () => {
    expect(quoteList(["а"])).toBe("«а»");
    expect(quoteList(["а", "б", "в"])).toBe("«а», «б», «в»");
    expect(quoteList(["а", "б", "в", "г", "д"])).toBe("«а», «б», «в» и ещё 2");
  });
});

describe("finding", () => {
  it("keeps a message one line long whatever the cell holds", () => {
    const item = finding(
      "general.category",
      `Категория «${"х".repeat(32_767)}»`,
      "general.category",
    );

    expect(item.message.length).toBeLessThan(120);
    expect(item.severity).toBe("error");
  });
});

import { describe, expect, it } from "vitest";

import type { RouteLevel } from "./card.js";
import { DEFICIT_COLUMNS, readRouteLevel, ROUTE_LEVELS } from "./levels.js";

describe("readRouteLevel", () => {
  it.each<[string, RouteLevel]>([
    ["Личностный уровень (заполняется педагогом)", "personal"],
    [
      "Уровень ОО (заполняется учителем совместно с администрацией ОО, тьютором, педагогом- наставником)",
      "school",
    ],
    [
      "Муниципальный уровень (заполняется совместно со специалистом ММС\\муниципальным тьютором)",
      "municipal",
    ],
    ["Региональный уровень (заполняется тьютором ЦНППМ/региональным методистом)", "regional"],
    ["Федеральный уровень (заполняется тьютором ЦНППМ/региональным методистом)", "federal"],
  ])("reads the card's label %s", (label, level) => {
    expect(readRouteLevel(label)).toBe(level);
  });

  it.each(ROUTE_LEVELS.map((l) => [l.name, l.id]))("reads its own name %s", (name, id) => {
    expect(readRouteLevel(name)).toBe(id);
  });

  it.each<[string, RouteLevel]>([
    ["ОО", "school"],
    ["Муниципальный", "municipal"],
    ["Личностный", "personal"],
    ["Региональный", "regional"],
    ["Федеральный", "federal"],
    ["школьный", "school"],
    ["ШМО", "school"],
    ["РМО", "municipal"],
    ["районный", "municipal"],
    ["Уровень района", "municipal"],
    ["республиканский", "regional"],
    ["всероссийский", "federal"],
    ["самообразование", "personal"],
  ])("reads the short form %s", (label, level) => {
    expect(readRouteLevel(label)).toBe(level);
  });

  it.each<[string, RouteLevel]>([
    ["2. Уровень ОО", "school"],
    ["II. Муниципальный уровень:", "municipal"],
    ["1) Личностный уровень", "personal"],
    ["Уровень личностный", "personal"],
    ["  Региональный   уровень  ", "regional"],
    ["Муниципальный\nуровень", "municipal"],
  ])("reads a heading written as %s", (label, level) => {
    expect(readRouteLevel(label)).toBe(level);
  });

  it.each(["Международный уровень", "межшкольный", "межрайонный", "", "   "])(
    "reads no level in %j",
    (label) => {
      expect(readRouteLevel(label)).toBeNull();
    },
  );

  it("reads no level in a value that is not text", () => {
    expect(readRouteLevel(2)).toBeNull();
    expect(readRouteLevel(null)).toBeNull();
    expect(readRouteLevel(true)).toBeNull();
  });
});

describe("DEFICIT_COLUMNS", () => {
  it("lists the card's three columns in its order with the regulation's ranges", () => {
    expect(DEFICIT_COLUMNS.map((c) => `${c.name} ${c.range}`)).toEqual([
      "Низкий 81–100 %",
      "Средний 61–80 %",
      "Высокий менее 60 %",
    ]);
  });
});

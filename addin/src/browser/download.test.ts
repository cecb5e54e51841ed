import { describe, expect, it } from "vitest";

import { derivedName } from "./download.js";

describe("derivedName", () => {
  it("adds its note before the extension", () => {
    expect(derivedName("Иванова.xlsx", "заполнено")).toBe("Иванова (заполнено).xlsx");
    expect(derivedName("карта", "заполнено")).toBe("карта (заполнено).xlsx");
  });
});

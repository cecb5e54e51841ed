import { describe, expect, it } from "vitest";

import { gridCell } from "./cells.js";

describe("gridCell", () => {
  it("returns null for an empty cell", () => {
    expect(gridCell("", "General", 0)).toBeNull();
  });

  it("marks a number with a date format as a date, in the 1900 system", () => {
    expect(gridCell(45901, "[$-419]D MMMM YYYY", 0)).toEqual({
      value: 45901,
      format: "[$-419]D MMMM YYYY",
      date: true,
    });
    expect(gridCell(44439, "dd.mm.yyyy", 1462)).toEqual({
      value: 45901,
      format: "dd.mm.yyyy",
      date: true,
    });
  });

  it("keeps a percent format, which is no date", () => {
    expect(gridCell(0.75, "0%", 0)).toEqual({ value: 0.75, format: "0%" });
  });

  it("reads a formula error's text as the error", () => {
    expect(gridCell("#N/A", "General", 0)).toEqual({ value: null, error: "#N/A" });
  });

  it("keeps text, however it looks", () => {
    expect(gridCell("01.09.2025", "@", 0)).toEqual({ value: "01.09.2025", format: "@" });
  });
});

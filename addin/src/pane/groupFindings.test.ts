import { describe, expect, it } from "vitest";

import type { LocatedFinding } from "../../../lib/sheet/located.js";
import { count, ERRORS, groupFindings } from "./groupFindings.js";

const finding = (
  sheet: string | null,
  cell: string | null,
  severity: "error" | "warning",
): LocatedFinding => ({
  file: "книга.xlsx",
  sheet,
  cell,
  severity,
  code: severity === "error" ? "general.phone" : "plan.overdue",
  message: "…",
});

describe("groupFindings", () => {
  it("groups by file and sheet in the order the findings come, counting each severity", () => {
    const groups = groupFindings([
      finding("Иванова", "B12", "error"),
      finding("Иванова", "E29", "warning"),
      finding("Петрова", "E29", "warning"),
      finding(null, null, "warning"),
    ]);

    expect(groups.map((g) => [g.sheet, g.errors, g.warnings, g.findings.length])).toEqual([
      ["Иванова", 1, 1, 2],
      ["Петрова", 0, 1, 1],
      [null, 0, 1, 1],
    ]);
  });
});

describe("count", () => {
  it("puts the noun in the form Russian wants for the number", () => {
    expect([0, 1, 2, 5, 11, 21, 22, 112].map((n) => count(n, ERRORS))).toEqual([
      "0 ошибок",
      "1 ошибка",
      "2 ошибки",
      "5 ошибок",
      "11 ошибок",
      "21 ошибка",
      "22 ошибки",
      "112 ошибок",
    ]);
  });
});

import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import type { Rule } from "../lib/domain/finding.js";
import { RULES } from "../lib/domain/finding.js";

const DOC = readFileSync(new URL("../docs/rules.md", import.meta.url), "utf8");

/** The rows of docs/rules.md's tables: `| \`code\` | severity | example | section |`. */
const ROWS = DOC.split("\n")
  .filter((line) => line.startsWith("| `"))
  .map((line) => {
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, "|"));
    return {
      code: cells[0]!.replace(/`/g, ""),
      severity: cells[1],
      example: cells[2],
      section: cells[3],
    };
  });

const CODE = /^[a-z]+\.[a-z]+(?:-[a-z]+)*$/;

describe("docs/rules.md", () => {
  it("lists every code of RULES", () => {
    const listed = new Set(ROWS.map((row) => row.code));

    expect(Object.keys(RULES).filter((code) => !listed.has(code))).toEqual([]);
  });

  it("names no code that RULES lacks", () => {
    const named = [...DOC.matchAll(/`([^`\s]+)`/g)]
      .map((match) => match[1]!)
      .filter((text) => CODE.test(text));

    expect(named.filter((code) => !(code in RULES))).toEqual([]);
    expect(ROWS.filter((row) => !(row.code in RULES)).map((row) => row.code)).toEqual([]);
  });

  it("lists each code once", () => {
    const codes = ROWS.map((row) => row.code);

    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
  });

  it("gives each code the severity, example and section of RULES", () => {
    for (const row of ROWS) {
      const rule: Rule | undefined = (RULES as Record<string, Rule>)[row.code];
      expect(row).toEqual({
        code: row.code,
        severity: rule?.severity,
        example: rule?.example,
        section: rule?.section ?? "—",
      });
    }
  });
});

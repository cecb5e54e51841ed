import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { readWorkbook } from "../lib/xlsx/readWorkbook.js";

/**
 * samples/README.md promises, per file, exactly which findings it produces; this reads the
 * promise from the README itself, so the two cannot drift apart.
 */
const readme = await readFile(join(import.meta.dirname, "..", "samples", "README.md"), "utf8");
const asOfText = /\*\*As-of day: (\d{4})-(\d{2})-(\d{2})\.\*\*/.exec(readme);
const asOf = new Date(Number(asOfText![1]), Number(asOfText![2]) - 1, Number(asOfText![3]));

interface Promised {
  file: string;
  findings: string[];
}

function promises(): Promised[] {
  // The files are the `###` sections of «## Files»; the README's later `##` sections are not.
  const files = readme.split(/^## Files$/m)[1]!.split(/^## /m)[0]!;
  const sections = files.split(/^### /m).slice(1);
  return sections.map((section) => {
    const file = section.split("\n")[0]!.trim();
    const rows = section
      .split("\n")
      .filter((line) => /^\| [^-]/.test(line) && !line.startsWith("| sheet"))
      .map((line) => line.split("|").map((cell) => cell.trim()))
      .map(([, sheet, cell, severity, code]) => key(sheet || null, cell || null, severity!, code!));
    return { file, findings: rows };
  });
}

function key(sheet: string | null, cell: string | null, severity: string, code: string): string {
  return `${sheet ?? "-"} ${cell ?? "-"} ${severity} ${code}`;
}

describe("samples/README.md", () => {
  const all = promises();

  it("lists every sample workbook", () => {
    expect(all.length).toBeGreaterThanOrEqual(12);
  });

  it.each(all)("$file produces exactly the findings it promises", async ({ file, findings }) => {
    const bytes = await readFile(join(import.meta.dirname, "..", "samples", file));
    const read = await readWorkbook(bytes, { file, asOf });

    const actual = read.findings.map((f) => key(f.sheet, f.cell, f.severity, f.code));
    expect(actual.sort()).toEqual([...findings].sort());
  });
});

import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import { cardRows } from "../../test/fixtures/cardSheet.js";
import type { FindingCode } from "../domain/finding.js";
import { RULES } from "../domain/finding.js";
import { summarize } from "../domain/summary.js";
import { parseAddress } from "../sheet/grid.js";
import type { LocatedFinding } from "../sheet/located.js";
import { readGrids } from "./readGrids.js";
import { readWorkbook } from "./readWorkbook.js";
import { writeSummaryWorkbook } from "./writeSummaryWorkbook.js";

/**
 * Issue 8, fuzz: workbooks no one made by hand — written by exceljs from cell arrays drawn at
 * random around a card, then maybe broken (cut short, bytes changed, a part dropped or
 * garbled) — read, validated and summarised: nothing throws, a file that cannot be read is one
 * finding of the whole file, and every other finding stands at its sheet and cell.
 */

const FILE = "карты/школа.xlsx";
const AS_OF = new Date(2025, 10, 16);
const NO_CELL: ReadonlySet<FindingCode> = new Set([
  "file.unreadable",
  "file.no-card",
  "entry.missing",
]);

type Value = ExcelJS.CellValue;

const valueArbitrary: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom("+", "−", "75%", "85 %", "выполнено", "01.01.1000", "сентябрь 2025", "=1+1"),
  fc.constantFrom("ФИО педагога", "Методическая компетенция", "Уровень ОО", "Иное (указать)"),
  fc.string({ maxLength: 30 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 60_000 }),
  fc.boolean(),
  fc.date({ min: new Date(1901, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
  fc.constant({ richText: [{ text: "Методи" }, { font: { bold: true }, text: "ческая" }] }),
  fc.constant({ text: "почта", hyperlink: "mailto:a@example.ru" }),
  fc.constantFrom("#REF!", "#DIV/0!").map((error) => ({ formula: "1/0", result: { error } })),
  fc.constant({ formula: "A1*2" }),
) as fc.Arbitrary<Value>;

/** What is done to the workbook's bytes after exceljs wrote them. */
const breakageArbitrary = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant("flip" as const),
    at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant("drop" as const), part: fc.nat() }),
  fc.record({
    kind: fc.constant("garble" as const),
    part: fc.nat(),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("<", "&", "</c>", "<!DOCTYPE x>")),
  }),
);

const workbookArbitrary = fc.record({
  sheets: fc.array(
    fc.record({
      // Excel's rules: no quote first or last, none of : \ / ? * [ ].
      name: fc.stringMatching(
        /^[A-Za-zА-Яа-я0-9](?:[A-Za-zА-Яа-я0-9 ().'«»-]{0,26}[A-Za-zА-Яа-я0-9)»])?$/,
      ),
      card: fc.boolean(),
      edits: fc.array(fc.tuple(fc.nat(35), fc.nat(8), valueArbitrary), { maxLength: 25 }),
      merges: fc.array(fc.tuple(fc.nat(35), fc.nat(6)), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  breakage: breakageArbitrary,
});

type WorkbookSpec = typeof workbookArbitrary extends fc.Arbitrary<infer T> ? T : never;
type Breakage = typeof breakageArbitrary extends fc.Arbitrary<infer T> ? T : never;

async function build(spec: WorkbookSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const names = new Set<string>();
  for (const sheet of spec.sheets) {
    const name = names.has(sheet.name.toLowerCase()) ? `${sheet.name}${names.size}` : sheet.name;
    names.add(name.toLowerCase());
    const worksheet = workbook.addWorksheet(name);
    if (sheet.card) {
      cardRows({ badPhone: true }).forEach((row, r) =>
        row.forEach((value, c) => {
          if (value !== null) {
            const cell = worksheet.getCell(r + 1, c + 1);
            cell.value = typeof value === "object" ? value.value : value;
            if (typeof value === "object") {
              cell.numFmt = value.format;
            }
          }
        }),
      );
    }
    for (const [row, col, value] of sheet.edits) {
      worksheet.getCell(row + 1, col + 1).value = value;
    }
    for (const [row, col] of sheet.merges) {
      try {
        worksheet.mergeCells(row + 1, col + 1, row + 2, col + 2);
      } catch {
        // Overlapping a merge made before: exceljs refuses, as Excel would.
      }
    }
  }
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return breakBytes(bytes, spec.breakage);
}

async function breakBytes(bytes: Uint8Array, breakage: Breakage): Promise<Uint8Array> {
  switch (breakage.kind) {
    case "none":
      return bytes;
    case "cut":
      return bytes.slice(0, Math.floor(bytes.length * breakage.at));
    case "flip": {
      const copy = bytes.slice();
      for (const at of breakage.at) {
        const i = Math.min(copy.length - 1, Math.floor(copy.length * at));
        copy[i] = copy[i]! ^ 0xff;
      }
      return copy;
    }
    case "drop":
    case "garble": {
      const zip = await JSZip.loadAsync(bytes);
      const parts = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
      const part = parts[breakage.part % parts.length]!;
      if (breakage.kind === "drop") {
        zip.remove(part);
      } else {
        const xml = await zip.file(part)!.async("string");
        const at = Math.floor(xml.length * breakage.at);
        zip.file(part, xml.slice(0, at) + breakage.text + xml.slice(at + breakage.text.length));
      }
      return zip.generateAsync({ type: "uint8array" });
    }
  }
}

function checkLocation(item: LocatedFinding, sheets: readonly string[]): void {
  expect(item.file).toBe(FILE);
  expect(RULES[item.code]?.severity).toBe(item.severity);
  expect(item.message).toMatch(/\S/);
  if (item.code.startsWith("file.")) {
    expect([item.sheet, item.cell]).toEqual([null, null]);
    return;
  }
  expect(sheets).toContain(item.sheet);
  if (!NO_CELL.has(item.code)) {
    expect(item.cell, `${item.code}: ${item.message}`).not.toBeNull();
  }
  if (item.cell !== null) {
    expect(() => parseAddress(item.cell!)).not.toThrow();
  }
}

describe("readWorkbook (properties)", () => {
  it("reads any workbook, whole or broken, without throwing; every finding at its place", async () => {
    await fc.assert(
      fc.asyncProperty(workbookArbitrary, async (spec) => {
        const bytes = await build(spec);

        const { records, findings } = await readWorkbook(bytes, { file: FILE, asOf: AS_OF });

        const unreadable = findings.filter((f) => f.code === "file.unreadable");
        if (unreadable.length > 0) {
          expect(findings).toEqual(unreadable);
          expect(unreadable).toHaveLength(1);
          expect(records).toEqual([]);
        }
        const sheets = unreadable.length > 0 ? [] : (await readGrids(bytes)).map((g) => g.name);
        for (const item of findings) {
          checkLocation(item, sheets);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("summarises the cards of any workbook into a summary workbook without throwing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(workbookArbitrary, { minLength: 1, maxLength: 3 }),
        async (specs) => {
          const read = await Promise.all(
            specs.map(async (spec) => readWorkbook(await build(spec), { file: FILE, asOf: AS_OF })),
          );
          const summary = summarize(
            read.flatMap((r) => r.records),
            { asOf: AS_OF },
          );

          const bytes = await writeSummaryWorkbook(summary);

          expect((await readGrids(bytes)).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe("readWorkbook: what fuzzing found", () => {
  it("reads a number past JavaScript's dates in a date cell as that number, a finding at its cell", async () => {
    // exceljs makes an Invalid Date of it; the card's schema threw on the NaN that came of it.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Карта ИОМ");
    cardRows().forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) {
          sheet.getCell(r + 1, c + 1).value = typeof value === "object" ? value.value : value;
          sheet.getCell(r + 1, c + 1).numFmt = typeof value === "object" ? value.format : "General";
        }
      }),
    );
    sheet.getCell("B17").value = 100_025_569;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const [grid] = await readGrids(bytes);
    const { findings } = await readWorkbook(bytes, { file: FILE, asOf: AS_OF });

    expect(grid!.rows[16]![1]).toEqual({ value: 100_025_569, date: true, format: "dd.mm.yyyy" });
    expect(findings.map((f) => [f.cell, f.code])).toEqual([
      ["B17", "date.unreadable"],
      ["E29", "plan.overdue"],
    ]);
  });
});

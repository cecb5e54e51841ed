import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { SlottedRecord } from "../../test/builders-summary.js";
import { CONTACTS, recordsArbitrary, testAnonymizer } from "../../test/builders-summary.js";
import type { Summary, SummaryOptions } from "./summary.js";
import {
  addSummary,
  anonymizeSummary,
  combineSummaries,
  createSummary,
  finishSummary,
  summarize,
} from "./summary.js";
import { parseSummary } from "./summary-schema.js";
import { summaryToJson } from "./summary-json.js";

const AS_OF = "2025-11-16";

/** The parts 0–3 of a list, each summarized with its records in order of rank. */
function parts(slotted: readonly SlottedRecord[], options: SummaryOptions): Summary[] {
  return [0, 1, 2, 3].map((part) =>
    summarize(
      slotted
        .filter((s) => s.part === part)
        .sort((a, b) => a.rank - b.rank)
        .map((s) => s.record),
      options,
    ),
  );
}

function rotate<T>(items: T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

describe("combineSummaries (properties)", () => {
  it("equals the summary of all the cards, for any split and any order", () => {
    fc.assert(
      fc.property(recordsArbitrary, fc.nat(), (slotted, turn) => {
        const options = { asOf: AS_OF };
        const whole = summarize(
          slotted.map((s) => s.record),
          options,
        );

        const [first, ...rest] = rotate(parts(slotted, options), turn);
        const combined = combineSummaries(first!, ...rest);

        expect(combined).toStrictEqual(whole);
        expect(summaryToJson(combined)).toStrictEqual(summaryToJson(whole));
      }),
      { numRuns: 150 },
    );
  });

  it("equals it after a JSON round trip of the parts", () => {
    fc.assert(
      fc.property(recordsArbitrary, (slotted) => {
        const options = { asOf: AS_OF };
        const whole = summarize(
          slotted.map((s) => s.record),
          options,
        );

        const [first, ...rest] = parts(slotted, options).map(
          (summary) => JSON.parse(JSON.stringify(summary)) as Summary,
        );

        expect(combineSummaries(first!, ...rest)).toStrictEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it("equals it for anonymized summaries made with one key", () => {
    fc.assert(
      fc.property(recordsArbitrary, fc.nat(), (slotted, turn) => {
        const options = { asOf: AS_OF, anonymize: testAnonymizer("ключ района") };
        const whole = summarize(
          slotted.map((s) => s.record),
          options,
        );

        const [first, ...rest] = rotate(parts(slotted, options), turn);

        expect(combineSummaries(first!, ...rest)).toStrictEqual(whole);
        expect(whole.duplicates.length).toBe(
          summarize(
            slotted.map((s) => s.record),
            { asOf: AS_OF },
          ).duplicates.length,
        );
      }),
      { numRuns: 60 },
    );
  });

  it("equals it folded part by part into one accumulator (addSummary)", () => {
    fc.assert(
      fc.property(recordsArbitrary, (slotted) => {
        const options = { asOf: AS_OF };
        const whole = summarize(
          slotted.map((s) => s.record),
          options,
        );

        const folded = createSummary(options);
        parts(slotted, options).forEach((part) => addSummary(folded, part));

        expect(finishSummary(folded)).toStrictEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it("anonymizes a plain summary into the summary of its cards read anonymized", () => {
    fc.assert(
      fc.property(recordsArbitrary, (slotted) => {
        const records = slotted.map((s) => s.record);
        const anonymize = testAnonymizer("ключ района");

        expect(anonymizeSummary(summarize(records, { asOf: AS_OF }), anonymize)).toStrictEqual(
          summarize(records, { asOf: AS_OF, anonymize }),
        );
      }),
      { numRuns: 40 },
    );
  });

  it("reads a summary back from JSON as it was (parseSummary)", () => {
    fc.assert(
      fc.property(recordsArbitrary, (slotted) => {
        const summary = summarize(
          slotted.map((s) => s.record),
          { asOf: AS_OF },
        );

        expect(parseSummary(JSON.parse(JSON.stringify(summary)))).toStrictEqual(summary);
      }),
      { numRuns: 40 },
    );
  });

  it("keeps one teacher per person, and no phone or e-mail", () => {
    fc.assert(
      fc.property(recordsArbitrary, (slotted) => {
        const summary = summarize(
          slotted.map((s) => s.record),
          { asOf: AS_OF },
        );
        const json = summaryToJson(summary);
        const keys = summary.teachers.map((t) => t.personKey).filter((k) => k !== null);

        expect(json.teachers.length).toBe(
          summary.teachers.length - keys.length + new Set(keys).size,
        );
        expect(JSON.stringify(json)).not.toContain(CONTACTS.phone);
        expect(JSON.stringify(summary)).not.toContain(CONTACTS.email);
      }),
      { numRuns: 60 },
    );
  });

  it("refuses summaries of different days", () => {
    const day = fc
      .date({ min: new Date(2020, 0, 1), max: new Date(2030, 11, 31), noInvalidDate: true })
      .map((date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()));

    fc.assert(
      fc.property(day, day, (a, b) => {
        fc.pre(a.getTime() !== b.getTime());
        const left = summarize([], { asOf: a });
        const right = summarize([], { asOf: b });

        expect(() => combineSummaries(left, right)).toThrow(RangeError);
        expect(() => combineSummaries(right, left)).toThrow(`${right.asOf} и ${left.asOf}`);
      }),
    );
  });
});

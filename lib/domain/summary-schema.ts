import * as z from "zod";

import {
  DeficitLevelSchema,
  OutcomeSchema,
  QualificationCategorySchema,
  RouteLevelSchema,
  StaffCategorySchema,
} from "./card.js";
import { maskContacts } from "./contacts.js";
import type { FindingCode } from "./finding.js";
import type { Summary } from "./summary.js";
import { combineSummaries } from "./summary.js";
import { maskTeacher } from "./summary-teacher.js";

/**
 * The schema of a `Summary` as plain JSON: what a summary workbook keeps in its hidden sheet
 * and what a summary read from anywhere must be before it merges with others.
 */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "дата вида ГГГГ-ММ-ДД");
const Count = z.number().int().nonnegative();
const Text = z.string().nullable();

/** Codes are checked for their form only, so that a summary from a later version still reads. */
const Code = z.custom<FindingCode>(
  (value) => typeof value === "string" && /^[a-z]+(?:[.-][a-z0-9]+)+$/.test(value),
  "код замечания вида area.rule",
);

const ChangeSchema = z.enum(["eliminated", "improved", "unchanged", "worse"]);
const StageSchema = z.enum(["diagnostic", "development", "implementation", "final"]);

const FindingSchema = z.object({
  file: z.string(),
  sheet: Text,
  cell: Text,
  severity: z.enum(["error", "warning"]),
  code: Code,
  message: z.string(),
});

const TeacherSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  nameCell: Text,
  name: Text,
  personKey: Text,
  school: Text,
  municipality: Text,
  position: Text,
  staffCategory: StaffCategorySchema.nullable(),
  staffCategoryFromPosition: z.boolean(),
  qualification: QualificationCategorySchema.nullable(),
  mentor: Text,
  start: Day.nullable(),
  end: Day.nullable(),
  stage: StageSchema,
  outcome: OutcomeSchema.nullable(),
  competencies: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      specified: Text,
      entry: DeficitLevelSchema.nullable(),
      final: DeficitLevelSchema.nullable(),
      change: ChangeSchema.nullable(),
    }),
  ),
  activities: z.array(
    z.object({
      level: RouteLevelSchema.nullable(),
      name: z.string(),
      competencies: z.array(z.string()),
      status: z.enum(["done", "not-done", "in-progress", "planned", "overdue"]),
      reason: Text,
    }),
  ),
  errors: Count,
  warnings: Count,
});

const CardRefSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  cell: Text,
  end: Day.nullable(),
});

export const SummarySchema = z.object({
  asOf: Day,
  anonymized: z.boolean(),
  cards: Count,
  teachers: z.array(TeacherSchema),
  findings: z.array(FindingSchema),
  duplicates: z.array(
    z.object({
      personKey: z.string(),
      name: Text,
      school: Text,
      counted: CardRefSchema,
      others: z.array(CardRefSchema),
    }),
  ),
});

/**
 * A summary from plain data (JSON parsed, a structured clone), checked and put in the
 * summary's one order, duplicates found anew: so a summary that was edited by hand cannot
 * merge out of order or with stale duplicates. Phones and e-mails in its texts are masked
 * (`maskTeacher`), as in a summary made now: one written by an earlier iom-kit kept them.
 *
 * @throws {RangeError} naming the first thing that is not a summary's, in Russian.
 *
 * @example parseSummary(JSON.parse(text)).cards
 */
export function parseSummary(value: unknown): Summary {
  const parsed = SummarySchema.safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const where = issue!.path.length === 0 ? "" : ` (${issue!.path.join(".")})`;
    throw new RangeError(`данные сводки не те, что записывает iom-kit${where}: ${issue!.message}`);
  }

  const summary: Summary = parsed.data;
  return combineSummaries({
    ...summary,
    teachers: summary.teachers.map(maskTeacher),
    findings: summary.findings.map((item) => ({ ...item, message: maskContacts(item.message) })),
  });
}

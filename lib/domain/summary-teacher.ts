import { isBefore } from "date-fns/isBefore";

import type {
  Card,
  DeficitLevel,
  DiagnosticRow,
  GeneralInfo,
  Outcome,
  PlanItem,
  QualificationCategory,
  Raw,
  RouteLevel,
  StaffCategory,
} from "./card.js";
import type { Catalogue, CompetencyMatch } from "./catalogue.js";
import { matchCompetency, OTHER, splitCompetencies } from "./catalogue.js";
import type { Change } from "./compare.js";
import { compareLevels } from "./compare.js";
import type { Config } from "./config.js";
import { EMAIL_MASK, maskContacts, PHONE_MASK } from "./contacts.js";
import type { Span } from "./dates.js";
import { formatDay, readDate } from "./dates.js";
import { readDiagnosticRow } from "./diagnostics.js";
import type { Severity } from "./finding.js";
import { readRouteLevel } from "./levels.js";
import { readRoute } from "./route.js";
import type { Stage } from "./stage.js";
import { outcomeOf, stageOf } from "./stage.js";
import { isNothing, normalizeText, squash } from "./text.js";
import { readCategory, readDoneMark, readStaffCategory, textOf } from "./vocabulary.js";

/** How an activity of the plan stands as of the summary's day. */
export type ActivityStatus = "done" | "not-done" | "in-progress" | "planned" | "overdue";

/** A competency of one card: its level at entry and at the end, and what changed. */
export interface TeacherCompetency {
  /** The catalogue's id; `other` for «Иное (указать)». */
  id: string;
  /** The catalogue's name, so that tables need no catalogue. */
  name: string;
  /** For «Иное (указать)», the competency the author wrote in; else null. */
  specified: string | null;
  entry: DeficitLevel | null;
  final: DeficitLevel | null;
  /** Null where either side has no result. */
  change: Change | null;
}

/** An activity of «Карта профессионального развития», reduced to what the summary counts. */
export interface TeacherActivity {
  /** Null where the level cell names no level of the card (the validator reports it). */
  level: RouteLevel | null;
  /** The activity as written, white space folded. */
  name: string;
  /** Competency keys (see `competencyKey`) of the competencies it forms, known ones only. */
  competencies: string[];
  status: ActivityStatus;
  /** «Причины невыполнения» of an activity not done, else null. */
  reason: string | null;
}

/**
 * What the summary keeps of one card: enough for every table, never the card itself, never
 * the phone or e-mail: its fields are not read, and where another text holds one it is masked
 * (`maskContacts`). Plain JSON data: dates are YYYY-MM-DD, absent values null.
 */
export interface TeacherRecord {
  /** The file and sheet the card was read from (pseudonyms in an anonymized summary). */
  file: string;
  sheet: string;
  /** The cell of the ФИО where the reader said, for the duplicate warning; else null. */
  nameCell: string | null;
  /** The ФИО as written, or its pseudonym; null where the card has none. */
  name: string | null;
  /**
   * The person: the ФИО's letters and the ОО's letters, `ивановаанна|мбоусош1`. Two cards with
   * one key are one teacher. Null where the card has no ФИО: such a card is nobody's duplicate.
   */
  personKey: string | null;
  school: string | null;
  municipality: string | null;
  position: string | null;
  /**
   * Педагог or управленческий кадр: the card's «категория работника»; where that is empty,
   * derived from the position (директор, заместитель, заведующий → manager; any other position
   * → teacher) and `staffCategoryFromPosition` is true. Null where the card's field cannot be
   * read (the validator reports it) or nothing is known.
   */
  staffCategory: StaffCategory | null;
  staffCategoryFromPosition: boolean;
  qualification: QualificationCategory | null;
  /** «Наставник / куратор», else section 5's «Наставник / методист»; a pseudonym when anonymized. */
  mentor: string | null;
  /** The route's period, YYYY-MM-DD; both null where it cannot be read. */
  start: string | null;
  end: string | null;
  stage: Stage;
  outcome: Outcome | null;
  /** Competencies with a result at entry or at the end, entry rows first, in the card's order. */
  competencies: TeacherCompetency[];
  /** Rows of the plan that name an activity, in the card's order. */
  activities: TeacherActivity[];
  /** Findings of the card by severity: reading and validation, as the caller gave them. */
  errors: number;
  warnings: number;
}

/**
 * What a value is, for `anonymize`: a teacher's name, a mentor's (or tutor's) name, an ОО, a
 * file or a sheet name.
 */
export type PseudonymKind = "name" | "mentor" | "school" | "file" | "sheet";

/**
 * Replaces a value by its pseudonym; the same key must give the same pseudonym, and different
 * values different ones (case aside), so that anonymized summaries still merge.
 *
 * It receives for `name` (the teacher's ФИО) and `mentor` (the mentor's) the key people are
 * compared by — letters and digits only, lower case, «ё» as «е»: `ивановааннапетровна` — so
 * every spelling of one person gets one pseudonym and duplicates are found as without
 * anonymization; a mentor's pseudonym should say it is a mentor's («Наставник …»), and may
 * share its code with the same person's as a teacher. For
 * `school`, `file` and `sheet` the value as written. DESIGN.md asks pseudonyms for names,
 * files and sheets only: return a school unchanged to keep the ОО in the tables.
 *
 * Free text is not searched for names: an activity («посещение уроков Петровой А. А.») or a
 * reason keeps what its author wrote, and so do the position and the municipality (their
 * phones and e-mails masked, as everywhere in a summary).
 */
export type Anonymize = (kind: PseudonymKind, value: string) => string;

/** What reading a card for the summary needs, made once per summary. */
export interface TeacherContext {
  asOf: Date;
  config: Config;
  catalogue: Catalogue;
  anonymize: Anonymize | null;
}

/** The part of a card record the summary reads. */
export interface TeacherSource {
  file: string;
  sheet: string;
  card: Card;
  findings: readonly { severity: Severity }[];
  nameCell?: string | null;
}

/**
 * Reduces a card to the summary's record of its teacher. Every text taken from the card has its
 * phones and e-mails masked (`maskContacts`): a card may hold them in any field, and none may
 * reach a summary.
 *
 * @example readTeacher({ file: "ИОМ.xlsx", sheet: "Лист1", card, findings: [] }, context).stage // "implementation"
 */
export function readTeacher(source: TeacherSource, context: TeacherContext): TeacherRecord {
  const { card } = source;
  const { general } = card;
  const route = readRoute(general);
  const span = route.kind === "span" ? route.span : null;

  const name = shownText(general.fullName);
  const school = shownText(general.school);
  const mentor = shownText(general.mentor) ?? shownText(card.final.mentor);
  const category = staffCategoryOf(general);
  const qualification = readCategory(general.category);

  const record: TeacherRecord = {
    file: source.file,
    sheet: source.sheet,
    nameCell: source.nameCell ?? null,
    name,
    personKey: personKeyOf(name, school),
    school,
    municipality: shownText(general.municipality),
    position: shownText(general.position),
    staffCategory: category.value,
    staffCategoryFromPosition: category.fromPosition,
    qualification: qualification.kind === "value" ? qualification.value : null,
    mentor: mentor === null ? null : withoutPost(mentor),
    start: span ? formatDay(span.start) : null,
    end: span ? formatDay(span.end) : null,
    stage: stageOf(card),
    outcome: outcomeOf(card),
    competencies: readCompetencies(card, context),
    activities: card.plan.flatMap((item) => readActivity(item, span, context)),
    errors: source.findings.filter((f) => f.severity === "error").length,
    warnings: source.findings.filter((f) => f.severity === "warning").length,
  };
  // One way to pseudonyms, read or later (`anonymizeSummary`): the same teacher, the same one.
  return context.anonymize ? anonymizeTeacher(record, context.anonymize) : record;
}

/**
 * A record read without pseudonyms as `readTeacher` would have read it with `anonymize`:
 * the same pseudonyms, the same `personKey`, so the record merges with anonymized ones.
 *
 * A pseudonym is made of the masked name without its masks (`personWords`): «Соколова Ирина
 * Викторовна +7 913 000-11-01» is «Соколова Ирина Викторовна», in this card and in the next.
 */
export function anonymizeTeacher(record: TeacherRecord, anonymize: Anonymize): TeacherRecord {
  const name = personPseudonym("name", record.name, anonymize);
  const school = pseudonym("school", record.school, { anonymize });

  return {
    ...record,
    file: anonymize("file", record.file),
    sheet: anonymize("sheet", record.sheet),
    name,
    personKey: personKeyOf(name, school),
    school,
    mentor: personPseudonym("mentor", record.mentor, anonymize),
  };
}

/**
 * A record with the phones and e-mails of its texts masked and its keys made anew, as
 * `readTeacher` makes it now: for a summary written by an earlier iom-kit, which kept them.
 * A record masked already comes back equal.
 */
export function maskTeacher(record: TeacherRecord): TeacherRecord {
  const name = maskText(record.name);
  const school = maskText(record.school);

  return {
    ...record,
    name,
    personKey: personKeyOf(name, school),
    school,
    municipality: maskText(record.municipality),
    position: maskText(record.position),
    mentor: maskText(record.mentor),
    competencies: record.competencies.map((competency) => ({
      ...competency,
      specified: maskText(competency.specified),
    })),
    activities: record.activities.map((activity) => ({
      ...activity,
      name: maskContacts(activity.name),
      competencies: activity.competencies.map(maskKey),
      reason: maskText(activity.reason),
    })),
  };
}

/**
 * The key a competency is counted by: the catalogue's id, or for «Иное (указать)» `other:`
 * and the letters of what was written in, so that «Иное: наставничество» at entry meets
 * «Иное (указать): Наставничество» in the plan and in other cards.
 */
export function competencyKey(id: string, specified: string | null): string {
  return id === OTHER ? `${OTHER}:${squash(specified ?? "")}` : id;
}

/** A cell's text with white space folded; null where empty or «нет», «—», «не имеет». */
export function plainText(value: Raw): string | null {
  const text = textOf(value);
  if (text === null || isNothing(text)) {
    return null;
  }
  return text.replace(/\s+/g, " ");
}

/** Positions of управленческие кадры (§1.5 names директор, заместитель, заведующий филиалом). */
const MANAGER_POSITION = /директор|заместител|заведующ/;

function staffCategoryOf(general: GeneralInfo): {
  value: StaffCategory | null;
  fromPosition: boolean;
} {
  const reading = readStaffCategory(general.staffCategory);
  if (reading.kind === "value") {
    return { value: reading.value, fromPosition: false };
  }
  const position = plainText(general.position);
  if (reading.kind === "unknown" || position === null) {
    return { value: null, fromPosition: false };
  }

  const manager = MANAGER_POSITION.test(normalizeText(position));
  return { value: manager ? "manager" : "teacher", fromPosition: true };
}

/** A cell's text as the summary shows it: `plainText`, phones and e-mails masked. */
function shownText(value: Raw): string | null {
  return maskText(plainText(value));
}

function maskText(text: string | null): string | null {
  return text === null ? null : maskContacts(text);
}

/**
 * The person (see `TeacherRecord.personKey`) from the name and ОО as the record holds them;
 * null where the name has no letters.
 */
function personKeyOf(name: string | null, school: string | null): string | null {
  const nameKey = name === null ? "" : personWords(name);
  return nameKey === "" ? null : `${nameKey}|${personWords(school ?? "")}`;
}

/**
 * The letters of a name or an ОО without the masks of a phone or an e-mail it held: one
 * teacher is one person whether her card added a phone to the ФИО or not.
 */
function personWords(text: string): string {
  return squash(text.split(PHONE_MASK).join(" ").split(EMAIL_MASK).join(" "));
}

/**
 * A name's pseudonym, made of its letters (`Anonymize`). A name of masks alone names nobody
 * and stays as it is.
 */
function personPseudonym(
  kind: "name" | "mentor",
  name: string | null,
  anonymize: Anonymize,
): string | null {
  const key = name === null ? "" : personWords(name);
  return key === "" ? name : anonymize(kind, key);
}

/**
 * A competency key of a summary made before masking: «Иное (указать)» keeps the letters of
 * what was written in (`competencyKey`), a phone's digits among them.
 */
function maskKey(key: string): string {
  const prefix = `${OTHER}:`;
  return key.startsWith(prefix)
    ? competencyKey(OTHER, maskContacts(key.slice(prefix.length)))
    : key;
}

/**
 * A mentor's name without the post a card writes after it («Белова Н. А., заместитель
 * директора по УВР», «Зайцева Л. Г. – наставник»): one mentor is one row of the summary,
 * however each card describes her.
 */
function withoutPost(text: string): string {
  const [name] = text.split(/\s*,\s*|\s+[–—-]\s+/);
  return name !== undefined && /^\p{Lu}/u.test(name) ? name : text;
}

function pseudonym(
  kind: PseudonymKind,
  value: string | null,
  context: Pick<TeacherContext, "anonymize">,
): string | null {
  return value !== null && context.anonymize ? context.anonymize(kind, value) : value;
}

interface SideReading {
  id: string;
  specified: string | null;
  level: DeficitLevel | null;
}

/**
 * Entry and final rows matched by competency: on each side the first row of a competency with
 * a result counts (a hand-made card may repeat a row, the first one left empty).
 */
function readCompetencies(card: Card, context: TeacherContext): TeacherCompetency[] {
  const entry = readSide(card.entry, context);
  const final = readSide(card.final.rows, context);

  const keys = [...new Set([...entry.keys(), ...final.keys()])];
  const competencies: TeacherCompetency[] = [];
  for (const key of keys) {
    const before = entry.get(key);
    const after = final.get(key);
    const { id, specified } = (before ?? after)!;
    const entryLevel = before?.level ?? null;
    const finalLevel = after?.level ?? null;
    if (entryLevel === null && finalLevel === null) {
      continue;
    }
    competencies.push({
      id,
      name: context.catalogue.byId(id)?.name ?? id,
      specified,
      entry: entryLevel,
      final: finalLevel,
      change: compareLevels(entryLevel, finalLevel),
    });
  }
  return competencies;
}

function readSide(rows: readonly DiagnosticRow[], context: TeacherContext) {
  const side = new Map<string, SideReading>();
  for (const row of rows) {
    const match = matchCompetency(textOf(row.competency) ?? "", context.catalogue);
    if (match.id === null) {
      continue;
    }
    const specified = specifiedOf(match);
    const key = competencyKey(match.id, specified);
    const level = readDiagnosticRow(row, context.config).level;
    if (!side.has(key) || (side.get(key)!.level === null && level !== null)) {
      side.set(key, { id: match.id, specified, level });
    }
  }
  return side;
}

/** What «Иное (указать)» names; other competencies keep no text («Предметная (история)» is subject). */
function specifiedOf(match: CompetencyMatch): string | null {
  return match.id === OTHER ? shownText(match.specified ?? null) : null;
}

function readActivity(item: PlanItem, span: Span | null, context: TeacherContext) {
  const name = shownText(item.activity);
  if (name === null) {
    return [];
  }

  const competencies = new Set<string>();
  for (const part of splitCompetencies(textOf(item.competencies) ?? "")) {
    const match = matchCompetency(part, context.catalogue);
    if (match.id !== null) {
      competencies.add(competencyKey(match.id, specifiedOf(match)));
    }
  }
  const status = statusOf(item, span, context.asOf);

  const activity: TeacherActivity = {
    level: readRouteLevel(item.level),
    name,
    competencies: [...competencies],
    status,
    reason: status === "not-done" ? shownText(item.reason) : null,
  };
  return [activity];
}

/**
 * A mark says how the activity stands; with no mark (or one that cannot be read, which the
 * validator reports) an activity whose dates have passed is overdue, as the rule
 * `plan.overdue` says, and planned otherwise.
 */
function statusOf(item: PlanItem, span: Span | null, asOf: Date): ActivityStatus {
  const mark = readDoneMark(item.done);
  if (mark.kind === "value") {
    return mark.value;
  }

  const period = readDate(item.period, { route: span });
  return period.kind === "span" && isBefore(period.span.end, asOf) ? "overdue" : "planned";
}

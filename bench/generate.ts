/**
 * The card workbooks `npm run bench` reads: a district of 400 cards and a region of 5,000,
 * written with the samples' own layout writers (scripts/samples/layouts.ts) from the samples'
 * thirteen cards, each copy with other people, schools, results and plans drawn from a seeded
 * PRNG. The same generator gives the same files, so a set is written once into
 * bench/.data/<set>-<hash>/ and reused while the hash of this file, the samples' writers and
 * exceljs stays the same.
 *
 * `npx tsx bench/generate.ts [district|region]` writes a set and prints where it is.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import ExcelJS from "exceljs";

import type { Result, SampleCard } from "../scripts/samples/data.js";
import * as data from "../scripts/samples/data.js";
import {
  writeEventsList,
  writeInlineLayout,
  writeReferenceSheet,
  writeRegulationLayout,
  writeTableLayout,
} from "../scripts/samples/layouts.js";

export type SetName = "district" | "region";

export interface DataSet {
  name: SetName;
  /** The folder holding the set's workbooks (in school folders). */
  dir: string;
  files: number;
  cards: number;
  /** Files that hold no card, as a school's plan of its methodical association. */
  noCardFiles: number;
}

interface SetSpec {
  cards: number;
  seed: number;
  /** Municipal districts; the district set is one, written without a folder for it. */
  municipalities: number;
  schoolsPerMunicipality: number;
}

const SPECS: Record<SetName, SetSpec> = {
  district: { cards: 400, seed: 0x10a, municipalities: 1, schoolsPerMunicipality: 20 },
  region: { cards: 5000, seed: 0x5000, municipalities: 12, schoolsPerMunicipality: 22 },
};

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
export const DATA_DIR = join(here, ".data");

/**
 * The set, from bench/.data when a complete copy of this generator's output is there, else
 * written now (the region takes a few minutes). Copies left by other versions are removed.
 */
export async function ensureDataSet(
  name: SetName,
  log: (line: string) => void = () => {},
): Promise<DataSet> {
  const hash = await generatorHash(name);
  const dir = join(DATA_DIR, `${name}-${hash}`);
  const manifest = `${dir}.json`;

  const cached = await readFile(manifest, "utf8").then(
    (text) => JSON.parse(text) as DataSet,
    () => undefined,
  );
  if (cached) {
    return { ...cached, dir };
  }

  await removeStale(name, hash);
  await rm(dir, { recursive: true, force: true });
  log(`generating the ${name} set (${SPECS[name].cards} cards) into ${dir}`);
  const started = performance.now();
  const counts = await writeSet(SPECS[name], dir, (done) =>
    log(`  ${done} of ${SPECS[name].cards} cards`),
  );
  const set: DataSet = { name, dir, ...counts };
  // Written last: a set interrupted half-way has no manifest and is written again.
  await writeFile(manifest, `${JSON.stringify(set, null, 2)}\n`);
  log(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return set;
}

/** What the files depend on: this generator, the samples' data and writers, exceljs, the spec. */
async function generatorHash(name: SetName): Promise<string> {
  const hash = createHash("sha256");
  for (const file of [
    "bench/generate.ts",
    "scripts/samples/data.ts",
    "scripts/samples/layouts.ts",
    "node_modules/exceljs/package.json",
  ]) {
    hash.update(await readFile(join(root, file)));
  }
  hash.update(JSON.stringify(SPECS[name]));
  return hash.digest("hex").slice(0, 12);
}

async function removeStale(name: SetName, hash: string): Promise<void> {
  const entries = await readdir(DATA_DIR).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry.startsWith(`${name}-`) && !entry.startsWith(`${name}-${hash}`)) {
      await rm(join(DATA_DIR, entry), { recursive: true, force: true });
    }
  }
}

// --- the set --------------------------------------------------------------------------------

type Layout = "regulation" | "inline" | "table" | "word";

/** The samples' cards by the layout their school uses (samples/README.md). */
const TEMPLATES: { card: SampleCard; layout: Layout }[] = [
  ...[data.sokolova, data.lebedev, data.morozova, data.kuznetsova].map((card) => ({
    card,
    layout: "regulation" as const,
  })),
  ...[data.novikova, data.popov, data.vasilyeva].map((card) => ({
    card,
    layout: "inline" as const,
  })),
  ...[data.fedorova, data.mikhailov, data.alekseeva].map((card) => ({
    card,
    layout: "table" as const,
  })),
  ...[data.sorokina, data.fedorovaEarlier, data.grigoryev].map((card) => ({
    card,
    layout: "word" as const,
  })),
];

const WORD_TEMPLATES = TEMPLATES.filter((t) => t.layout === "word");

interface School {
  name: string;
  folder: string;
}

interface SheetSpec {
  name: string;
  write: (sheet: ExcelJS.Worksheet) => void;
}

async function writeSet(
  spec: SetSpec,
  dir: string,
  progress: (cards: number) => void,
): Promise<Omit<DataSet, "name" | "dir">> {
  const rng = new Random(spec.seed);
  const schools = schoolsOf(spec, rng);
  const taken = new Set<string>();
  let cards = 0;
  let files = 0;
  let noCardFiles = 0;
  let reported = 0;

  while (cards < spec.cards) {
    const school = rng.pick(schools);
    // About one file in forty is no card at all, as «План ШМО.xlsx» in the samples.
    if (rng.next() < 0.025) {
      await writeWorkbook(uniquePath(dir, school, "План ШМО", taken), [
        { name: "План", write: writeEventsList },
      ]);
      files++;
      noCardFiles++;
      continue;
    }

    const template = rng.pick(TEMPLATES);
    if (template.layout === "word") {
      const count = Math.min(rng.int(2, 4), spec.cards - cards);
      const sheets: SheetSpec[] = [];
      const names = new Set<string>();
      for (let i = 0; i < count; i++) {
        const card = vary(rng.pick(WORD_TEMPLATES).card, rng, school);
        const name = sheetName(card, i, names);
        sheets.push({
          name,
          write: (sheet) => writeRegulationLayout(sheet, card, { excelDates: true, word: true }),
        });
      }
      if (rng.next() < 0.5) {
        sheets.push({ name: "Справочник", write: writeReferenceSheet });
      }
      await writeWorkbook(
        uniquePath(dir, school, `Карты ИОМ ${rng.int(2025, 2026)}`, taken),
        sheets,
      );
      cards += count;
    } else {
      const card = vary(template.card, rng, school);
      const write = WRITERS[template.layout];
      await writeWorkbook(uniquePath(dir, school, shortName(card), taken), [
        { name: "Карта ИОМ", write: (sheet) => write(sheet, card) },
      ]);
      cards++;
    }
    files++;

    if (cards - reported >= 500) {
      reported = cards;
      progress(cards);
    }
  }
  return { files, cards, noCardFiles };
}

const WRITERS: Record<
  Exclude<Layout, "word">,
  (sheet: ExcelJS.Worksheet, card: SampleCard) => void
> = {
  regulation: (sheet, card) => writeRegulationLayout(sheet, card),
  inline: writeInlineLayout,
  table: writeTableLayout,
};

async function writeWorkbook(path: string, sheets: SheetSpec[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  // Fixed metadata, as scripts/samples/make.ts: the same generator gives the same bytes.
  workbook.creator = "iom-kit bench";
  workbook.created = new Date(Date.UTC(2026, 10, 1));
  workbook.modified = new Date(Date.UTC(2026, 10, 1));
  for (const { name, write } of sheets) {
    write(
      workbook.addWorksheet(name, {
        pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1 },
      }),
    );
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

function uniquePath(dir: string, school: School, base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const path = join(dir, school.folder, `${n === 1 ? base : `${base} (${n})`}.xlsx`);
    if (!taken.has(path)) {
      taken.add(path);
      return path;
    }
  }
}

function sheetName(card: SampleCard, index: number, taken: Set<string>): string {
  const wanted = index === 0 ? "Карта ИОМ" : index === 1 ? "Карта ИОМ (2)" : shortName(card);
  let name = wanted;
  for (let n = 2; taken.has(name); n++) {
    name = `${wanted.slice(0, 26)} (${n})`;
  }
  taken.add(name);
  return name;
}

// --- people and schools ---------------------------------------------------------------------

const SURNAMES: [string, string][] = [
  ["Иванов", "Иванова"],
  ["Смирнов", "Смирнова"],
  ["Кузнецов", "Кузнецова"],
  ["Попов", "Попова"],
  ["Васильев", "Васильева"],
  ["Петров", "Петрова"],
  ["Соколов", "Соколова"],
  ["Михайлов", "Михайлова"],
  ["Новиков", "Новикова"],
  ["Фёдоров", "Фёдорова"],
  ["Морозов", "Морозова"],
  ["Волков", "Волкова"],
  ["Алексеев", "Алексеева"],
  ["Лебедев", "Лебедева"],
  ["Семёнов", "Семёнова"],
  ["Егоров", "Егорова"],
  ["Павлов", "Павлова"],
  ["Козлов", "Козлова"],
  ["Степанов", "Степанова"],
  ["Николаев", "Николаева"],
  ["Орлов", "Орлова"],
  ["Андреев", "Андреева"],
  ["Макаров", "Макарова"],
  ["Никитин", "Никитина"],
  ["Захаров", "Захарова"],
  ["Зайцев", "Зайцева"],
  ["Соловьёв", "Соловьёва"],
  ["Борисов", "Борисова"],
  ["Яковлев", "Яковлева"],
  ["Григорьев", "Григорьева"],
  ["Романов", "Романова"],
  ["Воробьёв", "Воробьёва"],
  ["Сергеев", "Сергеева"],
  ["Кудрявцев", "Кудрявцева"],
  ["Тадыев", "Тадыева"],
  ["Чендеков", "Чендекова"],
];
const MALE = ["Андрей", "Сергей", "Дмитрий", "Алексей", "Павел", "Николай", "Игорь", "Олег"];
const FEMALE = [
  "Ирина",
  "Елена",
  "Ольга",
  "Татьяна",
  "Наталья",
  "Анна",
  "Мария",
  "Светлана",
  "Дарья",
  "Валентина",
  "Анастасия",
  "Людмила",
];
const FATHERS: [string, string][] = [
  ["Андреевич", "Андреевна"],
  ["Сергеевич", "Сергеевна"],
  ["Викторович", "Викторовна"],
  ["Николаевич", "Николаевна"],
  ["Петрович", "Петровна"],
  ["Иванович", "Ивановна"],
  ["Алексеевич", "Алексеевна"],
  ["Юрьевич", "Юрьевна"],
  ["Олегович", "Олеговна"],
  ["Борисович", "Борисовна"],
];
const PLACES = [
  "Берёзовская",
  "Озёрная",
  "Кедровская",
  "Сосновская",
  "Каменская",
  "Луговая",
  "Ключевская",
  "Речная",
  "Горная",
  "Полевая",
  "Майская",
  "Заречная",
  "Лесная",
  "Светлая",
  "Таёжная",
  "Черёмуховская",
  "Рябиновская",
  "Ивановская",
  "Николаевская",
  "Степная",
  "Ольховская",
  "Солнечная",
];
const KINDS = ["СОШ", "ООШ", "СОШ №2", "СОШ №3", "гимназия"];
const MUNICIPALITIES = [
  "Светлоозёрский район",
  "Кедровый район",
  "Чуйский район",
  "Майминский район",
  "Усть-Канский район",
  "Онгудайский район",
  "Улаганский район",
  "Шебалинский район",
  "Чемальский район",
  "Кош-Агачский район",
  "Усть-Коксинский район",
  "город Светлогорск",
];
const EXTRA_ACTIVITIES = [
  "Самообразование: изучение методических рекомендаций ФИПИ",
  "Участие в заседании ШМО с докладом",
  "Взаимопосещение уроков коллег",
  "Семинар РМО по обмену опытом",
  "Вебинар ЦНППМ по функциональной грамотности",
  "Курсы ПК «Обновлённые ФГОС», 36 ч.",
  "Мастер-класс наставника",
  "Открытый урок для педагогов района",
];

function schoolsOf(spec: SetSpec, rng: Random): School[] {
  const schools: School[] = [];
  for (let m = 0; m < spec.municipalities; m++) {
    const municipality = MUNICIPALITIES[m % MUNICIPALITIES.length]!;
    const names = new Set<string>();
    while (names.size < spec.schoolsPerMunicipality) {
      names.add(`${rng.pick(PLACES)} ${rng.pick(KINDS)}`);
    }
    for (const short of names) {
      const kind = short.includes("гимназия") ? "МАОУ" : "МБОУ";
      const folder = spec.municipalities === 1 ? short : join(municipality, short);
      schools.push({ name: `${kind} «${short}»`, folder });
    }
  }
  return schools;
}

/**
 * A sample card with another teacher: name, school, phone and e-mail, experience, the entry
 * results (percents drawn again and mostly put in their band's column, signs moved), a few
 * more activities and marks. Dates stay the template's, so stages and overdue activities as
 * of 2026-11-16 stay as varied as in the samples.
 */
function vary(template: SampleCard, rng: Random, school: School): SampleCard {
  const female = rng.next() < 0.75;
  const [male, femaleSurname] = rng.pick(SURNAMES);
  const father = rng.pick(FATHERS);
  const fullName = `${female ? femaleSurname : male} ${rng.pick(female ? FEMALE : MALE)} ${female ? father[1] : father[0]}`;
  const years = rng.int(1, 35);
  const serial = rng.int(100000, 999999);

  const plan = template.plan.map((item) => ({ ...item }));
  if (plan.length > 0) {
    for (let i = rng.int(0, 3); i > 0; i--) {
      const base = rng.pick(template.plan);
      plan.push({ ...base, activity: rng.pick(EXTRA_ACTIVITIES), done: undefined });
    }
  }
  for (const item of plan) {
    if (item.done === undefined && rng.next() < 0.15) {
      item.done = "выполнено";
      item.result = "справка, материалы";
    }
  }

  return {
    ...template,
    general: {
      ...template.general,
      fullName,
      school: school.name,
      experience: `${years} ${yearsWord(years)}`,
      phone: `8 9${rng.int(10, 99)} ${rng.int(100, 999)}-${rng.int(10, 99)}-${rng.int(10, 99)}`,
      email: `teacher${serial}@example.ru`,
    },
    entry: template.entry.map((row) => varyRow(row, rng)),
    plan,
    final: template.final && {
      ...template.final,
      teacher: template.final.teacher && initials(fullName),
    },
  };
}

type Row = SampleCard["entry"][number];
const LEVELS = ["low", "medium", "high"] as const;

function varyRow(row: Row, rng: Random): Row {
  const out: Row = { ...row };
  for (const level of LEVELS) {
    const value = row[level];
    if (typeof value === "string" && /^\d+%$/.test(value)) {
      delete out[level];
      const percent = rng.int(35, 98);
      // One result in thirty stays in the template's column whatever its band: a finding.
      const column = rng.next() < 1 / 30 ? level : bandOf(percent);
      out[column] = `${percent}%`;
    } else if (value === "+" && rng.next() < 0.3) {
      delete out[level];
      out[rng.pick(LEVELS)] = "+";
    }
  }
  if (isPercent(row.single)) {
    out.single = { percent: rng.int(35, 98) / 100 };
  }
  return out;
}

function isPercent(value: Result | undefined): value is { percent: number } {
  return typeof value === "object";
}

function bandOf(percent: number): (typeof LEVELS)[number] {
  return percent > 80 ? "low" : percent > 60 ? "medium" : "high";
}

function yearsWord(n: number): string {
  const last = n % 10;
  if (n % 100 >= 11 && n % 100 <= 14) {
    return "лет";
  }
  return last === 1 ? "год" : last >= 2 && last <= 4 ? "года" : "лет";
}

function shortName(card: SampleCard): string {
  return initials(String(card.general.fullName));
}

/** «Кузнецова Ольга Ивановна» → «Кузнецова О.И.» */
function initials(fullName: string): string {
  const [surname, name, father] = fullName.split(" ");
  return `${surname} ${name?.[0] ?? ""}.${father?.[0] ?? ""}.`;
}

/** mulberry32: small, fast and the same everywhere, which is all the set needs. */
class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2) as SetName[];
  for (const name of names.length > 0 ? names : (["district", "region"] as const)) {
    if (!(name in SPECS)) {
      process.stderr.write(`bench/generate.ts: unknown set «${name}» (district, region)\n`);
      process.exit(64);
    }
    const set = await ensureDataSet(name, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(`${set.name}: ${set.cards} cards in ${set.files} files, ${set.dir}\n`);
  }
}

/**
 * The workbook part and its relationships, read by iom-kit itself rather than taken from
 * exceljs: the sheet names as written (exceljs truncates past 31 characters and throws on
 * some), their states, the 1904 flag however it is spelled, where each part lives, and
 * whether exceljs can take the package as it is.
 */
import { readEntry, type ZipArchive, type ZipEntry } from "./zip.js";
import { decodeXml, detach, namespaces, rootTag, tags } from "./xml.js";

export type SheetState = "visible" | "hidden" | "veryHidden";

/** One sheet the workbook lists. */
export interface SheetPart {
  name: string;
  sheetId: number;
  state: SheetState;
  kind: "worksheet" | "chartsheet" | "other";
  /** The zip entry holding the sheet, where there is one. */
  entry: ZipEntry | undefined;
  /**
   * Why a sheet the workbook lists has no part, in a broken file: its `r:id` names no
   * relationship, its relationship's target climbs out of the package (`../../etc/passwd`), or
   * no part is there. Unset for a sheet whose part is found, and for kinds iom-kit never reads.
   */
  missing?: "relationship" | "outside" | "part";
}

export interface WorkbookPackage {
  archive: ZipArchive;
  /** The sheets in tab order, chart sheets included. */
  sheets: SheetPart[];
  /** The worksheets whose part exists, in tab order: what the grids come from. */
  worksheets: SheetPart[];
  /** Whether serials count from 1904 (`date1904="1"` or `"true"`). */
  date1904: boolean;
  styles: ZipEntry | undefined;
  sharedStrings: ZipEntry | undefined;
  /** Whether exceljs can load the original bytes: canonical part names, no prefixes, safe names. */
  canonical: boolean;
  /** The workbook part as read, for a package made from this one without reading it again. */
  workbookPart: Uint8Array;
  /** The workbook's relationships part as read, where there is one. */
  relationshipsPart: Uint8Array | undefined;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const TRANSITIONAL_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIP_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);

/** The workbook inside an archive, or undefined when the archive holds none. */
export async function readWorkbookPackage(
  archive: ZipArchive,
): Promise<WorkbookPackage | undefined> {
  const parts = partIndex(archive);

  const workbookPath = await findWorkbookPath(archive, parts);
  const workbookEntry = workbookPath ? parts.get(workbookPath.toLowerCase()) : undefined;
  if (!workbookPath || !workbookEntry) {
    return undefined;
  }
  const workbookPart = await readEntry(archive, workbookEntry);
  const workbookXml = decodeXml(workbookPart);
  const root = rootTag(workbookXml);
  if (root?.local !== "workbook") {
    return undefined;
  }

  const relsPath = relationshipsPath(workbookPath);
  const relsEntry = parts.get(relsPath.toLowerCase());
  const relationshipsPart = relsEntry ? await readEntry(archive, relsEntry) : undefined;
  const relsXml = relationshipsPart ? decodeXml(relationshipsPart) : "";
  const rels = readRelationships(relsXml, directoryOf(workbookPath));
  // Without a declaration exceljs still reads `r:id`; so does iom-kit.
  const relPrefix = prefixOf(workbookXml, RELATIONSHIP_NAMESPACES) ?? "r";

  let date1904 = false;
  let targetsAsExceljsReads = true;
  const sheets: SheetPart[] = [];
  for (const tag of tags(workbookXml)) {
    if (tag.local === "workbookPr") {
      date1904 = /^(1|true)$/i.test(tag.attributes.get("date1904") ?? "");
    } else if (tag.local === "sheet") {
      const rel = rels.get(tag.attributes.get(`${relPrefix}:id`) ?? "");
      const state = tag.attributes.get("state");
      targetsAsExceljsReads &&= !rel || rel.exceljsPath === rel.path;
      const sheet: SheetPart = {
        // A summary keeps sheet names, and with them the part they were cut from.
        name: detach(tag.attributes.get("name") ?? ""),
        sheetId: Number(tag.attributes.get("sheetId")),
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        kind: sheetKind(rel?.type),
        entry: rel && !rel.outside ? parts.get(rel.path.toLowerCase()) : undefined,
      };
      const missing = missingPart(rel, sheet);
      if (missing) {
        sheet.missing = missing;
      }
      sheets.push(sheet);
    }
  }
  const worksheets = sheets.filter((sheet) => sheet.kind === "worksheet" && sheet.entry);
  const stylesRel = [...rels.values()].find((rel) => /\/styles$/.test(rel.type));
  const stringsRel = [...rels.values()].find((rel) => /\/sharedStrings$/.test(rel.type));
  const styles = stylesRel ? parts.get(stylesRel.path.toLowerCase()) : undefined;
  const sharedStrings = stringsRel ? parts.get(stringsRel.path.toLowerCase()) : undefined;

  const canonical =
    workbookEntry.name === "xl/workbook.xml" &&
    root.prefix === undefined &&
    // Strict Open XML (ISO 29500 Strict) names its relationship types under other URIs,
    // which exceljs does not know; the rebuilt package uses the transitional ones.
    namespaces(workbookXml).get("") === TRANSITIONAL_MAIN &&
    relsEntry?.name === "xl/_rels/workbook.xml.rels" &&
    rootTag(relsXml)?.prefix === undefined &&
    relPrefix === "r" &&
    (!styles || styles.name === "xl/styles.xml") &&
    (!sharedStrings || sharedStrings.name === "xl/sharedStrings.xml") &&
    worksheets.every((sheet) => /^xl\/worksheets\/sheet\d+\.xml$/.test(sheet.entry!.name)) &&
    targetsAsExceljsReads &&
    namesSafeForExceljs(sheets);

  return {
    archive,
    sheets,
    worksheets,
    date1904,
    styles,
    sharedStrings,
    canonical,
    workbookPart,
    relationshipsPart,
  };
}

/** The path of a part's relationships: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relationshipsPath(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** One entry of a relationships part. */
export interface Relationship {
  type: string;
  /** The target as written. */
  target: string;
  /** The target as a part name, resolved against the source part's folder. */
  path: string;
  /** The part name exceljs makes of a workbook relationship's target. */
  exceljsPath: string;
  /** The target climbs above the package's root (`../../etc/passwd`): it names no part. */
  outside: boolean;
}

/** A relationships part's entries by id. */
export function readRelationships(xml: string, base: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  for (const tag of tags(xml)) {
    if (tag.local !== "Relationship") {
      continue;
    }
    const target = tag.attributes.get("Target") ?? "";
    const { path, outside } = resolvePath(base, target);
    rels.set(tag.attributes.get("Id") ?? "", {
      type: tag.attributes.get("Type") ?? "",
      target,
      path,
      outside,
      // How exceljs 4.4 joins a workbook relationship's target (xlsx/xform/book/workbook-xform.js).
      exceljsPath: `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`,
    });
  }
  return rels;
}

/** The folder of a part, with its trailing slash: `xl/workbook.xml` → `xl/`. */
export function directoryOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/** Entries by normalized name: part names are case-insensitive (OPC), some zips use `\`. */
function partIndex(archive: ZipArchive): Map<string, ZipEntry> {
  const parts = new Map<string, ZipEntry>();
  for (const entry of archive.entries) {
    parts.set(entry.name.replace(/\\/g, "/").replace(/^\//, "").toLowerCase(), entry);
  }
  return parts;
}

async function findWorkbookPath(
  archive: ZipArchive,
  parts: Map<string, ZipEntry>,
): Promise<string | undefined> {
  const rootRels = parts.get("_rels/.rels");
  if (rootRels) {
    const rels = readRelationships(decodeXml(await readEntry(archive, rootRels)), "");
    for (const rel of rels.values()) {
      if (OFFICE_DOCUMENT.test(rel.type) && parts.has(rel.path.toLowerCase())) {
        return rel.path;
      }
    }
  }
  return parts.has("xl/workbook.xml") ? "xl/workbook.xml" : undefined;
}

function resolvePath(base: string, target: string): { path: string; outside: boolean } {
  let decoded = target.trim();
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A target with a stray % is taken as written.
  }
  const segments = (decoded.startsWith("/") ? decoded.slice(1) : base + decoded).split("/");
  const resolved: string[] = [];
  let outside = false;
  for (const segment of segments) {
    if (segment === "..") {
      outside ||= resolved.length === 0;
      resolved.pop();
    } else if (segment !== "." && segment !== "") {
      resolved.push(segment);
    }
  }
  return { path: resolved.join("/"), outside };
}

/**
 * Why a listed sheet has no part (see `SheetPart.missing`). A sheet whose relationship is
 * there and is of a kind iom-kit does not read (a macro or dialog sheet) is none of its concern.
 */
function missingPart(
  rel: Relationship | undefined,
  sheet: SheetPart,
): SheetPart["missing"] | undefined {
  if (!rel) {
    return "relationship";
  }
  if (sheet.kind === "other" || sheet.entry) {
    return undefined;
  }
  return rel.outside ? "outside" : "part";
}

function sheetKind(type: string | undefined): SheetPart["kind"] {
  if (type && /\/worksheet$/.test(type)) {
    return "worksheet";
  }
  return type && /\/chartsheet$/.test(type) ? "chartsheet" : "other";
}

function prefixOf(xml: string, uris: ReadonlySet<string>): string | undefined {
  for (const [prefix, uri] of namespaces(xml)) {
    if (prefix !== "" && uris.has(uri)) {
      return prefix;
    }
  }
  return undefined;
}

/**
 * Whether exceljs 4.4 takes every sheet name as written: its Worksheet name setter throws on
 * `* ? : \ / [ ]`, a leading or trailing quote, «History» and a repeated name, and truncates
 * (with a console warning) past 31 characters; files from LibreOffice or Google Sheets can
 * hold any of these. Sheet ids must be unique too: exceljs keys its sheets by them.
 */
function namesSafeForExceljs(sheets: readonly SheetPart[]): boolean {
  const ids = new Set<number>();
  for (const sheet of sheets) {
    if (!(sheet.sheetId > 0) || ids.has(sheet.sheetId)) {
      return false;
    }
    ids.add(sheet.sheetId);
  }
  return sheetNameProblem(sheets) === null;
}

/**
 * The first sheet name Excel would not take (exceljs refuses to load them, and so cannot
 * write such a workbook back), with what is wrong, in Russian; null where every name is fine.
 * LibreOffice and scripts write names like «Карта [ИОМ]».
 *
 * @example sheetNameProblem([{ name: "Карта [ИОМ]" }]) // "имя листа «Карта [ИОМ]»: в нём знаки, …"
 */
export function sheetNameProblem(sheets: readonly Pick<SheetPart, "name">[]): string | null {
  const names = new Set<string>();
  for (const { name } of sheets) {
    const said = `имя листа «${name}»`;
    if (name === "") {
      return "у листа нет имени";
    }
    if (/[*?:/\\[\]]/.test(name)) {
      return `${said}: в нём знаки, которых Excel не допускает (* ? : \\ / [ ])`;
    }
    if (name.length > 31) {
      return `${said}: длиннее 31 знака, больше Excel не допускает`;
    }
    if (/^'|'$/.test(name)) {
      return `${said}: начинается или кончается апострофом, Excel так не допускает`;
    }
    if (name === "History") {
      return `${said}: это имя Excel оставляет за собой`;
    }
    if (names.has(name.toLowerCase())) {
      return `${said}: так называется ещё один лист`;
    }
    names.add(name.toLowerCase());
  }
  return null;
}

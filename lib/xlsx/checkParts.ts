import { readEntry, type ZipArchive } from "./zip.js";

/** Why a package's parts are not handed to exceljs. */
export interface PartsVerdict {
  /** A part that inflates past its declared size (ZipFormatError `too-large`) is thrown as is. */
  reason: "doctype";
  part: string;
}

/**
 * Inflates every part of a package once, each bounded by the size the zip's directory
 * declares for it, and looks for a document type declaration in the XML parts. Run before
 * exceljs loads the package, as exceljs inflates every part whole through JSZip, whatever the
 * directory declares: a part that says 100 KB and inflates to gigabytes would fill the memory
 * before JSZip noticed (the declared sizes alone are checked when the archive is opened).
 *
 * No Excel, LibreOffice or other writer puts a DTD in a workbook's parts, and a DTD is how XML
 * declares entities («billion laughs»: entities nested ten deep, gigabytes from a few hundred
 * bytes). exceljs's parser (saxes) expands none and fails on the first one used, and iom-kit's
 * own pattern reading expands none either; refusing the DTD itself keeps that true whichever
 * parser reads the part, and names the trouble.
 *
 * @example await checkParts(readZip(bytes)) // undefined, or { reason: "doctype", part: "xl/sharedStrings.xml" }
 * @throws {ZipFormatError} `too-large` where a part inflates past its declared size, `corrupt`
 *   where it does not inflate, `truncated` where its data lies past the end of the file.
 */
export async function checkParts(archive: ZipArchive): Promise<PartsVerdict | undefined> {
  for (const entry of archive.entries) {
    if (entry.name.endsWith("/")) {
      continue;
    }
    const bytes = await readEntry(archive, entry);
    if (/\.(?:xml|rels|vml)$/i.test(entry.name) && hasDoctype(bytes)) {
      return { reason: "doctype", part: entry.name };
    }
  }
  return undefined;
}

/** `<!DOCTYPE` in UTF-8 (or any ASCII-compatible encoding), UTF-16LE or UTF-16BE. */
const DOCTYPE = "<!DOCTYPE";
const PATTERNS = [
  Uint8Array.from(DOCTYPE, (c) => c.charCodeAt(0)),
  Uint8Array.from(DOCTYPE.split("").flatMap((c) => [c.charCodeAt(0), 0])),
  Uint8Array.from(DOCTYPE.split("").flatMap((c) => [0, c.charCodeAt(0)])),
];

/**
 * Whether the bytes hold a document type declaration anywhere. XML allows one only before the
 * root element, but the prolog may be padded with comments and white space, so the whole part
 * is searched; text content cannot hold the sequence (its `<` is always escaped).
 */
function hasDoctype(bytes: Uint8Array): boolean {
  return PATTERNS.some((pattern) => indexOf(bytes, pattern) >= 0);
}

function indexOf(bytes: Uint8Array, pattern: Uint8Array): number {
  // Searched for by its «!», far rarer in XML than «<» (a sheet has one «<» in eight bytes).
  const anchor = pattern.indexOf(0x21);
  for (let at = bytes.indexOf(0x21, anchor); at >= 0; at = bytes.indexOf(0x21, at + 1)) {
    const start = at - anchor;
    let i = 0;
    while (i < pattern.length && bytes[start + i] === pattern[i]) {
      i++;
    }
    if (i === pattern.length) {
      return start;
    }
  }
  return -1;
}

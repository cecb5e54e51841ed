/**
 * What a file is when it is not a readable .xlsx: told from its first bytes, an OLE
 * container's directory or a zip's entry names, so the user learns what to do with it.
 */
import type { UnreadableReason } from "./unreadableWorkbookError.js";
import { readEntry, type ZipArchive } from "./zip.js";

export interface Verdict {
  reason: UnreadableReason;
  /** What the file is, in Russian, for the message («документ Word»). */
  detail?: string;
}

/** What a file that is not a zip is. */
export function sniffNonZip(bytes: Uint8Array): Verdict {
  if (bytes.length === 0) {
    return { reason: "empty" };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return sniffOle(bytes);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { reason: "csv" }; // UTF-16 text, as Excel's «Текст Юникод» saves it
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return { reason: "not-workbook", detail: "документ PDF" };
  }
  if (!looksLikeText(bytes)) {
    return { reason: "not-zip" };
  }

  const head = new TextDecoder()
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  // «Web page» exports, and the single-file web archive (MHT) Excel also saves as .xls.
  if (/^(<(!doctype html|html|table|head|body|meta)\b|mime-version:)/.test(head)) {
    return { reason: "html" };
  }
  if (head.startsWith("<?xml") && head.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
    return { reason: "xml2003" };
  }
  if (head.startsWith("<?xml") && /<html\b/.test(head)) {
    return { reason: "html" };
  }
  // A flat OpenDocument spreadsheet (.fods): one XML file, as LibreOffice can save it.
  if (head.startsWith("<?xml") && head.includes("urn:oasis:names:tc:opendocument:xmlns:office")) {
    return { reason: "ods" };
  }
  return { reason: "csv" };
}

/**
 * Why a zip is not a workbook, or undefined when it holds one (`xl/workbook.xml` or whatever
 * `_rels/.rels` names as the office document, found by the caller).
 */
export async function sniffZip(archive: ZipArchive): Promise<Verdict | undefined> {
  if (archive.entries.some((entry) => entry.flags & 1)) {
    return { reason: "encrypted" };
  }

  const mimetype = archive.byName.get("mimetype");
  if (mimetype) {
    const type = new TextDecoder().decode(await readEntry(archive, mimetype)).trim();
    if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
      return { reason: "ods" };
    }
    if (type.startsWith("application/vnd.oasis.opendocument.text")) {
      return { reason: "not-workbook", detail: "документ OpenDocument (.odt)" };
    }
  }

  const names = archive.entries.map((entry) => entry.name.replace(/^\//, "").toLowerCase());
  if (names.includes("xl/workbook.bin")) {
    return { reason: "xlsb" };
  }
  if (names.some((name) => name.startsWith("word/"))) {
    return { reason: "not-workbook", detail: "документ Word" };
  }
  if (names.some((name) => name.startsWith("ppt/"))) {
    return { reason: "not-workbook", detail: "презентация PowerPoint" };
  }
  return undefined;
}

/** A ZIP archive that holds no workbook. */
export const NOT_A_WORKBOOK: Verdict = { reason: "not-workbook", detail: "архив ZIP" };

/**
 * An OLE compound file: a password-protected .xlsx (its `EncryptionInfo` stream), an .xls
 * (`Workbook`, or `Book` in Excel 5), a Word 97 document or something else. The directory is
 * found by scanning the 128-byte slots where directory entries can stand for the stream names,
 * rather than following the FAT: enough to tell the kinds apart, and it survives a file cut short.
 */
function sniffOle(bytes: Uint8Array): Verdict {
  const names = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const length = view.getUint16(at + 64, true);
    const type = bytes[at + 66];
    if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2)) {
      continue;
    }
    if (view.getUint16(at + length - 2, true) !== 0) {
      continue;
    }
    let name = "";
    for (let i = 0; i < length - 2; i += 2) {
      name += String.fromCharCode(view.getUint16(at + i, true));
    }
    names.add(name);
  }

  if (names.has("EncryptionInfo") || names.has("EncryptedPackage")) {
    return { reason: "encrypted" };
  }
  if (names.has("Workbook") || names.has("Book")) {
    return { reason: "xls" };
  }
  if (names.has("WordDocument")) {
    return { reason: "not-workbook", detail: "документ Word 97–2003" };
  }
  return { reason: "not-workbook", detail: "другой документ старого формата Microsoft Office" };
}

/**
 * Text in UTF-8 or a one-byte Cyrillic code page (CSV from 1C and old Excel is often
 * Windows-1251): no NUL bytes and few control characters in the first 4 KiB.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) {
      return false;
    }
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) {
      control++;
    }
  }
  return control <= head.length / 100;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

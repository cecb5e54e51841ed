/**
 * Small XML helpers for the package parts iom-kit reads itself (the workbook, its
 * relationships, the styles it salvages): tags found by pattern, not a parser, since those
 * parts are short and regular and the cell data stays with exceljs.
 */

/** A start (or empty) tag: its prefix (without the colon), local name and attributes. */
export interface Tag {
  prefix: string | undefined;
  local: string;
  attributes: Map<string, string>;
}

// An attribute value may hold ">" (a sheet named «ИОМ > 2024»), so values are matched whole.
const TAG = /<(?:([\w.-]+):)?([\w.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The start tags of a document, in order. */
export function* tags(xml: string): Generator<Tag> {
  for (const match of xml.matchAll(TAG)) {
    yield {
      prefix: match[1],
      local: match[2]!,
      attributes: parseAttributes(match[3] ?? ""),
    };
  }
}

/** The attributes of a tag's text, values with their entities decoded. */
export function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    attributes.set(match[1]!, decodeEntities(match[2] ?? match[3] ?? ""));
  }
  return attributes;
}

/** The document's root tag. */
export function rootTag(xml: string): Tag | undefined {
  return tags(xml).next().value ?? undefined;
}

/** The namespace URIs declared in a document by prefix ("" for the default namespace). */
export function namespaces(xml: string): Map<string, string> {
  const declared = new Map<string, string>();
  for (const match of xml.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (!declared.has(match[1] ?? "")) {
      declared.set(match[1] ?? "", match[2] ?? match[3] ?? "");
    }
  }
  return declared;
}

/** Text with XML's five named entities and numeric character references decoded. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) {
    return text;
  }
  return text.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/gi,
    (all, hex, dec, name) => {
      if (hex !== undefined || dec !== undefined) {
        const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec, 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
      return ENTITIES[(name as string).toLowerCase()] ?? all;
    },
  );
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * A copy of a text that keeps no reference to the text it was cut from. V8 keeps a substring
 * of 13 characters or more as a view of its parent, and a parser's texts are substrings of
 * the part: a teacher's name kept in a summary kept the whole shared strings part of its
 * card, 30 MB over a region's cards (README.md, «Performance»).
 *
 * @example detach(xml.slice(100, 200)) // the same text, its parent free to go
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/** Text safe inside an element. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt" }[c]};`);
}

/** Text safe inside a double-quoted attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[c]};`,
  );
}

/**
 * An XML part's text: UTF-8, or UTF-16 where a byte-order mark says so (some generators
 * write UTF-16 parts, which exceljs reads as UTF-8 garbage); the mark itself is dropped.
 */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  }
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
}

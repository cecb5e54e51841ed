/**
 * Just enough of the zip format to read and write a workbook: the central directory (names and
 * declared sizes, read without inflating anything), one entry's bytes, a stored (uncompressed)
 * archive for packages built in code, and an archive of deflated parts for the workbooks
 * iom-kit writes. Inflating and deflating use Node's zlib where the code runs in Node and the
 * platform's `DecompressionStream` and `CompressionStream` elsewhere (every current browser),
 * so the module needs no zip library of its own in the bundle.
 */

import type * as NodeZlib from "node:zlib";

/** One file of an archive as its central directory lists it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are refused when read. */
  method: number;
  /** Bit 0: the entry is encrypted (a password zip, not an Office password). */
  flags: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  /** Entries in directory order. */
  entries: ZipEntry[];
  /** Entries by exact name. */
  byName: Map<string, ZipEntry>;
}

/** Why an archive cannot be read; the caller turns it into a message naming the file. */
export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";

  constructor(
    readonly reason: "not-zip" | "truncated" | "corrupt" | "too-large",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The central directory of a zip archive.
 *
 * @throws {ZipFormatError} `truncated` when the file starts as a zip but its directory is
 *   missing or points past the end, `not-zip` when there is no zip at all.
 */
export function readZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(bytes, view);
  if (end < 0) {
    throw startsWithLocalHeader(view)
      ? new ZipFormatError("truncated", "zip has no end of central directory")
      : new ZipFormatError("not-zip", "no zip signature");
  }

  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const zip64 = readZip64End(view, end);
    count = zip64.count;
    directorySize = zip64.directorySize;
    directoryOffset = zip64.directoryOffset;
  }
  if (directoryOffset + directorySize > bytes.length) {
    throw new ZipFormatError("truncated", "central directory lies past the end of the file");
  }

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) {
      throw new ZipFormatError("truncated", `central directory entry ${i} is missing`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      flags: view.getUint16(at + 8, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    // Two parts of one name: which one a program reads is its own choice, so the file says
    // different things to Excel and to iom-kit. No program that writes workbooks does this.
    if (byName.has(entry.name)) {
      throw new ZipFormatError("corrupt", `${entry.name} stands twice in the zip`);
    }
    entries.push(entry);
    byName.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }

  return { bytes, entries, byName };
}

/**
 * The uncompressed bytes of one entry. Inflating stops as soon as the output exceeds the
 * declared size, so an entry that lies about its size cannot fill the memory.
 *
 * @throws {ZipFormatError} `truncated` when the data lies past the end of the file,
 *   `corrupt` when it does not inflate, `too-large` when it inflates past its declared size.
 */
export async function readEntry(archive: ZipArchive, entry: ZipEntry): Promise<Uint8Array> {
  const { bytes } = archive;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) {
    throw new ZipFormatError("truncated", `local header of ${entry.name} is missing`);
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > bytes.length) {
    throw new ZipFormatError("truncated", `data of ${entry.name} lies past the end of the file`);
  }
  const data = bytes.subarray(start, start + entry.compressedSize);

  if (entry.method === 0) {
    return data;
  }
  if (entry.method !== 8) {
    throw new ZipFormatError("corrupt", `${entry.name}: compression method ${entry.method}`);
  }
  return inflateRaw(data, entry.size, entry.name);
}

/** An archive of stored (uncompressed) entries, each with its CRC-32. */
export function writeStoredZip(files: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  return writeZip(
    files.map((file) => ({
      name: file.name,
      method: 0,
      data: file.data,
      // Node's CRC-32 where zlib is loaded already (it is, once a part was inflated): the
      // table-driven one below took half of building a card's package for exceljs.
      crc: typeof loadedZlib?.crc32 === "function" ? loadedZlib.crc32(file.data) : crc32(file.data),
      size: file.data.length,
    })),
  );
}

/** A part of an archive being written: its bytes as stored, deflated where `method` is 8. */
export interface ZipPart {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  /** CRC-32 and size of the bytes before deflating. */
  crc: number;
  size: number;
}

/**
 * A part deflated, with its CRC-32: by Node's zlib where the code runs in Node, else by the
 * platform's `CompressionStream`.
 *
 * @example writeZip([await deflatePart("xl/workbook.xml", bytes)])
 */
export async function deflatePart(name: string, bytes: Uint8Array): Promise<ZipPart> {
  const zlib = await nodeZlib();
  if (zlib) {
    const crc = typeof zlib.crc32 === "function" ? zlib.crc32(bytes) : crc32(bytes);
    return { name, method: 8, data: zlib.deflateRawSync(bytes), crc, size: bytes.length };
  }
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream("deflate-raw"));
  const data = new Uint8Array(await new Response(stream).arrayBuffer());
  return { name, method: 8, data, crc: crc32(bytes), size: bytes.length };
}

/**
 * A part given as pieces, deflated a megabyte at a time as they come, so that a long part is
 * never held whole: in Node, each megabyte is deflated on its own and flushed to a byte
 * boundary, which makes the pieces' output one deflate stream (RFC 1951: blocks need not
 * refer back), and the CRC-32 runs on. Elsewhere the pieces are joined and deflated whole.
 */
export async function deflatePieces(name: string, pieces: Iterable<Uint8Array>): Promise<ZipPart> {
  const zlib = await nodeZlib();
  if (!zlib || typeof zlib.crc32 !== "function") {
    return deflatePart(name, concat([...pieces]));
  }

  const out: Uint8Array[] = [];
  let crc = 0;
  let size = 0;
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  const flush = (last: boolean) => {
    const data = concat(pending);
    const { Z_SYNC_FLUSH, Z_FINISH } = zlib.constants;
    // Before deflating: crc32 of an empty array deflateRawSync has had is 0 (Node 20.19).
    crc = data.length > 0 ? zlib.crc32(data, crc) : crc;
    size += data.length;
    out.push(zlib.deflateRawSync(data, { finishFlush: last ? Z_FINISH : Z_SYNC_FLUSH }));
    pending = [];
    pendingSize = 0;
  };
  for (const piece of pieces) {
    pending.push(piece);
    pendingSize += piece.length;
    if (pendingSize >= PIECES_DEFLATED_AT) {
      flush(false);
    }
  }
  flush(true);
  return { name, method: 8, data: concat(out), crc, size };
}

const PIECES_DEFLATED_AT = 1024 * 1024;

function concat(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) {
    return pieces[0]!;
  }
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** An archive of the parts, in their order, each dated 1 January 1980 (the same bytes each time). */
export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = parts.map((part) => encoder.encode(part.name));
  let size = 22;
  parts.forEach((part, i) => {
    size += 30 + names[i]!.length + part.data.length + 46 + names[i]!.length;
  });

  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  parts.forEach((part, i) => {
    offsets.push(at);
    writeHeader(view, at, 0x04034b50, part, names[i]!.length, false);
    out.set(names[i]!, at + 30);
    out.set(part.data, at + 30 + names[i]!.length);
    at += 30 + names[i]!.length + part.data.length;
  });
  const directoryOffset = at;
  parts.forEach((part, i) => {
    writeHeader(view, at, 0x02014b50, part, names[i]!.length, true);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(names[i]!, at + 46);
    at += 46 + names[i]!.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - directoryOffset, true);
  view.setUint32(at + 16, directoryOffset, true);

  return out;
}

function findEndOfDirectory(bytes: Uint8Array, view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65 535 bytes, so search only that tail.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes[at] === 0x50 && view.getUint32(at, true) === 0x06054b50) {
      return at;
    }
  }
  return -1;
}

function startsWithLocalHeader(view: DataView): boolean {
  return view.byteLength >= 4 && view.getUint32(0, true) === 0x04034b50;
}

function readZip64End(
  view: DataView,
  end: number,
): { count: number; directorySize: number; directoryOffset: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) {
    throw new ZipFormatError("truncated", "zip64 end of central directory locator is missing");
  }
  const record = readUint64(view, locator + 8);
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== 0x06064b50) {
    throw new ZipFormatError("truncated", "zip64 end of central directory is missing");
  }
  return {
    count: readUint64(view, record + 32),
    directorySize: readUint64(view, record + 40),
    directoryOffset: readUint64(view, record + 48),
  };
}

/** Replaces the 32-bit fields a zip64 entry marks as 0xFFFFFFFF with its extra field's. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  if (
    entry.size !== 0xffffffff &&
    entry.compressedSize !== 0xffffffff &&
    entry.localOffset !== 0xffffffff
  ) {
    return;
  }
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ["size", "compressedSize", "localOffset"] as const) {
        if (entry[key] === 0xffffffff && field + 8 <= at + 4 + size) {
          entry[key] = readUint64(view, field);
          field += 8;
        }
      }
      return;
    }
    at += 4 + size;
  }
}

function readUint64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

async function inflateRaw(data: Uint8Array, declared: number, name: string): Promise<Uint8Array> {
  const zlib = await nodeZlib();
  if (zlib) {
    return inflateRawSync(zlib, data, declared, name);
  }

  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; these promises only must not reject unhandled.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);

  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      total += value.length;
      if (total > declared) {
        await reader.cancel().catch(() => undefined);
        throw new ZipFormatError("too-large", `${name} inflates past its declared size`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ZipFormatError) {
      throw error;
    }
    throw new ZipFormatError("corrupt", `${name} does not inflate`, { cause: error });
  }

  return concat(chunks);
}

type Zlib = typeof NodeZlib;

let zlibModule: Promise<Zlib | null> | undefined;

/**
 * Node's zlib where the code runs in Node, else null. A `DecompressionStream` costs about
 * 0.1 ms to set up in Node, ten times the inflating of a card's part: over a folder of cards it
 * was most of the reading (bench/README.md). Imported only when present, and past bundlers,
 * so the module loads in a browser all the same.
 */
function nodeZlib(): Promise<Zlib | null> {
  zlibModule ??=
    typeof process === "object" && typeof process.versions?.node === "string"
      ? import(/* webpackIgnore: true */ /* @vite-ignore */ "node:zlib").then(
          (zlib) => (loadedZlib = zlib),
          () => null,
        )
      : Promise.resolve(null);
  return zlibModule;
}

/** Node's zlib once `nodeZlib` has loaded it: for what must be done at once (`writeStoredZip`). */
let loadedZlib: Zlib | undefined;

function inflateRawSync(zlib: Zlib, data: Uint8Array, declared: number, name: string): Uint8Array {
  let out: Uint8Array;
  try {
    // One byte past the declared size is enough to know the entry lies about it.
    out = zlib.inflateRawSync(data, { maxOutputLength: declared + 1 });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new ZipFormatError("too-large", `${name} inflates past its declared size`);
    }
    throw new ZipFormatError("corrupt", `${name} does not inflate`, { cause: error });
  }
  if (out.length > declared) {
    throw new ZipFormatError("too-large", `${name} inflates past its declared size`);
  }
  return out;
}

function writeHeader(
  view: DataView,
  at: number,
  signature: number,
  part: ZipPart,
  nameLength: number,
  central: boolean,
): void {
  // Local and central headers share their fields, the central one two bytes further on.
  const shift = central ? 2 : 0;
  view.setUint32(at, signature, true);
  if (central) {
    view.setUint16(at + 4, 20, true);
  }
  view.setUint16(at + 4 + shift, 20, true);
  view.setUint16(at + 6 + shift, 0x0800, true); // names are UTF-8
  view.setUint16(at + 8 + shift, part.method, true);
  view.setUint16(at + 12 + shift, 0x21, true); // 1 January 1980, the format's first day
  view.setUint32(at + 14 + shift, part.crc, true);
  view.setUint32(at + 18 + shift, part.data.length, true);
  view.setUint32(at + 22 + shift, part.size, true);
  view.setUint16(at + 26 + shift, nameLength, true);
}

let crcTable: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) {
    crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

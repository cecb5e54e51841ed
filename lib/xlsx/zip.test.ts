import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import { deflatePart, deflatePieces, readEntry, readZip, writeStoredZip, writeZip } from "./zip.js";

async function jszip(files: Record<string, string>, compression: "STORE" | "DEFLATE") {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) {
    zip.file(name, text, { createFolders: false });
  }
  return zip.generateAsync({ type: "uint8array", compression });
}

async function text(bytes: Uint8Array, name: string): Promise<string> {
  const archive = readZip(bytes);
  return new TextDecoder().decode(await readEntry(archive, archive.byName.get(name)!));
}

describe("readZip and readEntry", () => {
  it.each(["STORE", "DEFLATE"] as const)("read the entries of a %s archive", async (method) => {
    const bytes = await jszip({ "a.xml": "<a>Карта</a>", "b/c.xml": "<c/>".repeat(1000) }, method);

    expect(readZip(bytes).entries.map((entry) => entry.name)).toEqual(["a.xml", "b/c.xml"]);
    expect(await text(bytes, "a.xml")).toBe("<a>Карта</a>");
    expect(await text(bytes, "b/c.xml")).toBe("<c/>".repeat(1000));
  });

  it("says truncated of an archive cut short and not-zip of other bytes", async () => {
    const bytes = await jszip({ "a.xml": "<a/>" }, "DEFLATE");

    expect(() => readZip(bytes.slice(0, bytes.length - 30))).toThrow(
      expect.objectContaining({ reason: "truncated" }),
    );
    expect(() => readZip(new TextEncoder().encode("ФИО;Должность"))).toThrow(
      expect.objectContaining({ reason: "not-zip" }),
    );
  });

  it("stops inflating an entry that outgrows its declared size", async () => {
    const bytes = await jszip({ "a.xml": "x".repeat(100_000) }, "DEFLATE");
    const archive = readZip(bytes);
    archive.byName.get("a.xml")!.size = 1000;

    await expect(readEntry(archive, archive.byName.get("a.xml")!)).rejects.toMatchObject({
      reason: "too-large",
    });
  });

  it("says corrupt of data that does not inflate", async () => {
    const bytes = await jszip({ "a.xml": "<a>text to compress, text to compress</a>" }, "DEFLATE");
    const archive = readZip(bytes);
    const data = 30 + "a.xml".length;
    bytes.fill(0xff, data, data + 8);

    await expect(readEntry(archive, archive.byName.get("a.xml")!)).rejects.toMatchObject({
      reason: "corrupt",
    });
  });

  it("says corrupt of an archive that holds two parts of one name", () => {
    const part = { name: "xl/worksheets/sheet1.xml", data: new TextEncoder().encode("<a/>") };

    expect(() => readZip(writeStoredZip([part, part]))).toThrow(
      expect.objectContaining({ reason: "corrupt" }),
    );
  });
});

describe("writeStoredZip", () => {
  it("writes an archive JSZip reads with its CRC-32 checked", async () => {
    const bytes = writeStoredZip([
      { name: "xl/workbook.xml", data: new TextEncoder().encode("<workbook/>") },
      { name: "xl/Лист.xml", data: new TextEncoder().encode("<c>Петрова</c>") },
    ]);

    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });

    expect(await zip.file("xl/workbook.xml")!.async("string")).toBe("<workbook/>");
    expect(await zip.file("xl/Лист.xml")!.async("string")).toBe("<c>Петрова</c>");
    expect(await text(bytes, "xl/Лист.xml")).toBe("<c>Петрова</c>");
  });
});

describe("writeZip, deflatePart and deflatePieces", () => {
  const encoder = new TextEncoder();

  it("writes deflated parts JSZip reads with their CRC-32 checked", async () => {
    const bytes = writeZip([
      await deflatePart("xl/workbook.xml", encoder.encode("<workbook/>")),
      await deflatePart("xl/Лист.xml", encoder.encode("<c>Петрова</c>".repeat(1000))),
    ]);

    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });

    expect(await zip.file("xl/workbook.xml")!.async("string")).toBe("<workbook/>");
    expect(await text(bytes, "xl/Лист.xml")).toBe("<c>Петрова</c>".repeat(1000));
  });

  it("deflates pieces a megabyte at a time into one part, the last megabyte exact or not", async () => {
    for (const pieces of [3, 4]) {
      const rows = Array.from({ length: pieces }, (_, i) =>
        encoder.encode(`<row r="${i}">${"Карта ИОМ ".repeat(26_000)}</row>`),
      );
      const whole = Buffer.concat(rows);
      const bytes = writeZip([await deflatePieces("xl/worksheets/sheet1.xml", rows)]);

      const entry = readZip(bytes).entries[0]!;
      expect(entry.size).toBe(whole.length);
      expect(Buffer.from(await readEntry(readZip(bytes), entry)).equals(whole)).toBe(true);
      expect((await deflatePart("x", whole)).crc).toBe(
        new DataView(bytes.buffer).getUint32(14, true),
      );
    }
  });
});

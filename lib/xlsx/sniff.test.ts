import { describe, expect, it } from "vitest";

import { sniffNonZip } from "./sniff.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("sniffNonZip", () => {
  it("takes CSV in UTF-8, Windows-1251 and UTF-16 for text", () => {
    const cp1251 = Uint8Array.from([0xd4, 0xc8, 0xce, 0x3b, 0xc4, 0xee, 0xeb, 0xe6, 0x0d, 0x0a]);
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x24, 0x04, 0x18, 0x04, 0x1e, 0x04]);

    expect(sniffNonZip(utf8("ФИО;Должность\r\n"))).toEqual({ reason: "csv" });
    expect(sniffNonZip(cp1251)).toEqual({ reason: "csv" });
    expect(sniffNonZip(utf16)).toEqual({ reason: "csv" });
  });

  it("tells web pages, Excel 2003 XML and flat OpenDocument from other text", () => {
    expect(sniffNonZip(utf8("\uFEFF  <!DOCTYPE html><html>"))).toEqual({ reason: "html" });
    expect(sniffNonZip(utf8("<table><tr><td>1</td></tr></table>"))).toEqual({ reason: "html" });
    expect(sniffNonZip(utf8("MIME-Version: 1.0\r\nContent-Type: multipart/related"))).toEqual({
      reason: "html",
    });
    expect(
      sniffNonZip(
        utf8(
          '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
        ),
      ),
    ).toEqual({ reason: "xml2003" });
    expect(
      sniffNonZip(
        utf8(
          '<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">',
        ),
      ),
    ).toEqual({ reason: "ods" });
  });

  it("names a PDF and calls other binary data not a zip", () => {
    expect(sniffNonZip(utf8("%PDF-1.7\n"))).toEqual({
      reason: "not-workbook",
      detail: "документ PDF",
    });
    expect(sniffNonZip(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]))).toEqual({
      reason: "not-zip",
    });
  });
});

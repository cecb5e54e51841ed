import { readFile } from "node:fs/promises";

import { describe, expect, it } from "vitest";

import { manifestProblems, resourceProblems, rewriteManifest, urlProblems } from "./manifest.js";

const manifest = await readFile(new URL("../../manifest.xml", import.meta.url), "utf8");
const schemas = new URL("../manifest-schemas", import.meta.url).pathname;

describe("the manifest", () => {
  it("has no problem: schema, resource ids, https", async () => {
    expect(await manifestProblems(manifest, schemas)).toEqual([]);
  });

  it("asks for ExcelApi 1.8 and opens the pane from a ribbon button, in Russian with an English override", () => {
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.8" />');
    expect(manifest).toContain("<DefaultLocale>ru-RU</DefaultLocale>");
    expect(manifest).toMatch(/<Override Locale="en-US"/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  it("fails the schema where an element is out of place", async () => {
    const broken = manifest.replace("<ProviderName>", "<Extra />\n  <ProviderName>");

    expect((await manifestProblems(broken, schemas))[0]).toMatch(/^schema: .*Extra/);
  });
});

describe("resourceProblems", () => {
  it("names a resid used but not defined, and an id defined twice", () => {
    const broken = manifest
      .replace('resid="Taskpane.Url"', 'resid="Taskpane.Uri"')
      .replace('<bt:Image id="Icon.16x16"', '<bt:Image id="Icon.32x32"');

    expect(resourceProblems(broken)).toEqual([
      "resources: id «Icon.32x32» is defined twice",
      "resources: resid «Icon.16x16» is used but not defined",
      "resources: resid «Taskpane.Uri» is used but not defined",
    ]);
  });
});

describe("rewriteManifest", () => {
  it("points every URL and the app domain at the district's host", async () => {
    const rewritten = rewriteManifest(manifest, "https://rmc.example.ru/iom");

    expect(rewritten).not.toContain("localhost");
    expect(rewritten).toContain(
      '<SourceLocation DefaultValue="https://rmc.example.ru/iom/taskpane.html" />',
    );
    expect(rewritten).toContain("<AppDomain>https://rmc.example.ru</AppDomain>");
    expect(await manifestProblems(rewritten, schemas)).toEqual([]);
  });

  it("refuses an address that is not https", () => {
    expect(() => rewriteManifest(manifest, "http://rmc.example.ru/")).toThrow(/must be https/);
    expect(() => rewriteManifest(manifest, "rmc.example.ru")).toThrow(/not an absolute URL/);
    expect(urlProblems('<IconUrl DefaultValue="http://x/a.png" />')).toEqual([
      "urls: «http://x/a.png» is not https",
    ]);
  });
});

import { describe, expect, it } from "vitest";

import { capabilitiesOf } from "./capabilities.js";

describe("capabilitiesOf", () => {
  it("asks Office for ExcelApi 1.18, 1.13 and 1.9", () => {
    const asked: string[] = [];
    const capabilities = capabilitiesOf((name, version) => {
      asked.push(`${name} ${version}`);
      return version !== "1.18";
    });

    expect(capabilities).toEqual({
      notes: false,
      mergedAreas: true,
      fillPattern: true,
      copyFormats: true,
      formulaCells: true,
      pageLayout: true,
    });
    expect(asked).toEqual(["ExcelApi 1.18", "ExcelApi 1.13", "ExcelApi 1.9"]);
  });

  it("takes a host that throws on an unknown version for one without it", () => {
    expect(
      capabilitiesOf(() => {
        throw new Error("unknown set");
      }),
    ).toEqual({
      notes: false,
      mergedAreas: false,
      fillPattern: false,
      copyFormats: false,
      formulaCells: false,
      pageLayout: false,
    });
  });
});

import { describe, expect, it } from "vitest";

import { rawOf } from "./cells.js";

describe("rawOf", () => {
  it("drops the control characters of another program's escapes, and a form's blank", () => {
    expect(rawOf({ value: "МБОУ \u0001\u0008«Берёзовская СОШ» ____" })).toBe(
      "МБОУ «Берёзовская СОШ»",
    );
  });

  it("keeps line breaks, a pasted Word line break (a vertical tab) among them", () => {
    expect(rawOf({ value: "учитель\u000bматематики\r\nи информатики" })).toBe(
      "учитель\nматематики\r\nи информатики",
    );
  });
});

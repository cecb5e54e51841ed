import type * as fs from "node:fs/promises";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { beforeEach, describe, expect, it, vi } from "vitest";

import { writeOutput } from "./writeOutput.js";

/** Set by a test: the next write stops after this many bytes with «no space left». */
const failing = vi.hoisted(() => ({ after: undefined as number | undefined }));

vi.mock("node:fs/promises", async (original) => {
  const actual = await original<typeof fs>();
  return {
    ...actual,
    writeFile: async (...args: Parameters<typeof actual.writeFile>) => {
      const [path, data, options] = args;
      if (failing.after === undefined || !(data instanceof Uint8Array)) {
        return actual.writeFile(...args);
      }
      // What a full disk leaves: part of the file written, then ENOSPC.
      await actual.writeFile(path, data.subarray(0, failing.after), options);
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), {
        code: "ENOSPC",
      });
    },
  };
});

let dir: string;
beforeEach(async () => {
  failing.after = undefined;
  dir = await mkdtemp(join(tmpdir(), "iom-write-"));
});

const BYTES = new TextEncoder().encode("PK новая сводка ".repeat(1000));

describe("writeOutput", () => {
  it("writes the bytes to the target and leaves nothing else beside it", async () => {
    const out = join(dir, "сводка.xlsx");

    await writeOutput(out, BYTES);

    expect(await readdir(dir)).toEqual(["сводка.xlsx"]);
    expect(new Uint8Array(await readFile(out))).toEqual(BYTES);
  });

  it("leaves the old target whole, and no partial file, when the disk fills up midway", async () => {
    const out = join(dir, "сводка.xlsx");
    await writeFile(out, "старая сводка");
    failing.after = 100;

    await expect(writeOutput(out, BYTES)).rejects.toThrow(
      `не удалось записать «${out}»: на диске нет места; освободите место или укажите другой диск`,
    );

    expect(await readdir(dir)).toEqual(["сводка.xlsx"]);
    expect(await readFile(out, "utf8")).toBe("старая сводка");
  });

  it("leaves no partial file where the target cannot be replaced", async () => {
    // A folder under the target's name: the rename at the end fails.
    const out = join(dir, "сводка.xlsx");
    await mkdir(out);

    await expect(writeOutput(out, BYTES)).rejects.toThrow(
      `не удалось записать «${out}»: там папка с таким именем; укажите другое имя файла`,
    );

    expect(await readdir(dir)).toEqual(["сводка.xlsx"]);
    expect(await readdir(out)).toEqual([]);
  });
});

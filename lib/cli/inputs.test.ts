import type * as FsPromises from "node:fs/promises";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it, vi } from "vitest";

import { collectInputs } from "./inputs.js";

// A folder the user may not list: as root (CI) no permission bit refuses, so the refusal is
// the file system's answer for one folder, the others listed as they are.
const refused = new Set<string>();
vi.mock("node:fs/promises", async (original) => {
  const fs = await original<typeof FsPromises>();
  return {
    ...fs,
    readdir: ((path: string, options: never) =>
      refused.has(path)
        ? Promise.reject(Object.assign(new Error(`EACCES: scandir '${path}'`), { code: "EACCES" }))
        : fs.readdir(path, options)) as typeof fs.readdir,
  };
});

describe("collectInputs", () => {
  it("finds the workbooks of a folder and its subfolders in name order, lock files passed over", async () => {
    const dir = await mkdtemp(join(tmpdir(), "iom-inputs-"));
    await mkdir(join(dir, "б"));
    for (const name of ["б/в.xlsx", "а.xlsx", "~$а.xlsx", "план.docx", "старая.xls"]) {
      await writeFile(join(dir, name), "");
    }

    expect(await collectInputs([dir, join(dir, "а.xlsx")])).toEqual([
      { kind: "file", path: join(dir, "а.xlsx") },
      { kind: "file", path: join(dir, "б", "в.xlsx") },
      { kind: "file", path: join(dir, "старая.xls") },
    ]);
  });

  it("keeps a folder it may not list as an input to report, and lists the others", async () => {
    const dir = await mkdtemp(join(tmpdir(), "iom-inputs-"));
    await mkdir(join(dir, "закрытая"));
    await writeFile(join(dir, "карта.xlsx"), "");
    await writeFile(join(dir, "закрытая", "скрытая.xlsx"), "");
    refused.add(join(dir, "закрытая"));

    expect(await collectInputs([dir])).toEqual([
      {
        kind: "missing",
        path: join(dir, "закрытая"),
        reason: `Папка «${join(dir, "закрытая")}» не открывается: нет прав на чтение; попросите доступ или скопируйте папку к себе`,
      },
      { kind: "file", path: join(dir, "карта.xlsx") },
    ]);
  });
});

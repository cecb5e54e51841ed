import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { beforeEach, describe, expect, it, vi } from "vitest";

import { iom } from "./iom.js";
import { SAMPLES, sampleFiles } from "./workbooks.js";

/**
 * Issue 8, nothing lost: `iom fill` and `iom summary` read their inputs and never write them;
 * what they write appears whole or not at all (lib/cli/writeOutput.test.ts), and replaces a file
 * only with --force (lib/cli/fill.test.ts, test/summary.test.ts).
 */

const AS_OF = "2026-11-16";

/** Every file under a folder with the SHA-256 of its bytes, by path inside it. */
async function checksums(folder: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      sums[path.slice(folder.length + 1)] = createHash("sha256")
        .update(await readFile(path))
        .digest("hex");
    }
  }
  return sums;
}

let inputs: string;
let outputs: string;
beforeEach(async () => {
  const dir = await mkdtemp(join(tmpdir(), "iom-inputs-"));
  inputs = join(dir, "карты");
  outputs = join(dir, "результаты");
  await cp(SAMPLES, inputs, { recursive: true });
  await mkdir(outputs);
});

describe("iom leaves its inputs as they were", () => {
  it("fill, fill --undo and summary change no byte of any input, and add no file beside them", async () => {
    const before = await checksums(inputs);
    const statuses: number[] = [];

    for (const [i, file] of sampleFiles().entries()) {
      const filled = join(outputs, `${i}.xlsx`);
      statuses.push((await iom("fill", join(inputs, file), "-o", filled, "--today", AS_OF)).status);
      // A workbook with no card gets no copy, so nothing to undo.
      if (existsSync(filled)) {
        statuses.push(
          (await iom("fill", filled, "-o", join(outputs, `${i}-undone.xlsx`), "--undo")).status,
        );
      }
    }
    vi.stubEnv("IOM_ANON_KEY", "ключ района: длинный и никому не известный");
    for (const extra of [[], ["--anonymize"]]) {
      const out = join(outputs, `сводка${extra.length}.xlsx`);
      const run = await iom(
        "summary",
        inputs,
        "-o",
        out,
        "--today",
        AS_OF,
        "--jobs",
        "1",
        ...extra,
      );
      statuses.push(run.status);
    }
    vi.unstubAllEnvs();

    expect(await checksums(inputs)).toEqual(before);
    expect(statuses).toEqual(statuses.map(() => 0));
    expect(
      (await readdir(outputs)).filter((name) => !/^(\d+(-undone)?|сводка\d)\.xlsx$/.test(name)),
    ).toEqual([]);
  });

  it("summary leaves its inputs as they were when it writes into their folder", async () => {
    const before = await checksums(inputs);

    const run = await iom(
      "summary",
      inputs,
      "-o",
      join(inputs, "сводка.xlsx"),
      "--today",
      AS_OF,
      "--jobs",
      "1",
    );

    expect(run.status).toBe(0);
    const after = await checksums(inputs);
    delete after["сводка.xlsx"];
    expect(after).toEqual(before);
  });
});

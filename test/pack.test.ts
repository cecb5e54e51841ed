import { execFile } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..");

/**
 * `npm pack` gives a package another project installs and imports: compiled JavaScript for
 * `iom-kit` and `iom-kit/xlsx`, type declarations, the `iom` executable. Needs `npm run
 * build` first (`npm test` builds before the unit tests).
 */
describe("the npm package", () => {
  it("installs into another project, imports in Node and type-checks", async () => {
    const folder = await mkdtemp(join(tmpdir(), "iom-pack-"));
    await run("npm", ["pack", "--ignore-scripts", "--pack-destination", folder], { cwd: root });
    const tarball = (await readdir(folder)).find((name) => name.endsWith(".tgz"))!;

    const project = join(folder, "project");
    await run("mkdir", [project]);
    await writeFile(
      join(project, "package.json"),
      JSON.stringify({ name: "district", type: "module", private: true }),
    );
    await run(
      "npm",
      [
        "install",
        join(folder, tarball),
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
      ],
      { cwd: project },
    );

    await writeFile(
      join(project, "check.mjs"),
      [
        'import { classifyDeficit, validateCard, CardSchema } from "iom-kit";',
        'import { readWorkbook } from "iom-kit/xlsx";',
        'const levels = ["75%", "0,75", 60, 60.5, 80.5, "+", "-", ""].map((v) => classifyDeficit(v).level);',
        "const findings = validateCard(CardSchema.parse({}), { asOf: new Date(2026, 10, 16) }).map((f) => f.code);",
        'const unreadable = await readWorkbook(new Uint8Array([1, 2, 3]), { file: "x.xlsx" });',
        "console.log(JSON.stringify({ levels, findings, unreadable: unreadable.findings[0].code }));",
      ].join("\n"),
    );
    const { stdout } = await run(process.execPath, ["check.mjs"], { cwd: project });
    const result = JSON.parse(stdout) as {
      levels: string[];
      findings: string[];
      unreadable: string;
    };

    expect(result.levels).toEqual([
      "medium",
      "medium",
      "high",
      "medium",
      "low",
      "present",
      "absent",
      null,
    ]);
    expect(result.findings).toContain("general.required");
    expect(result.unreadable).toBe("file.unreadable");

    await writeFile(
      join(project, "check.ts"),
      [
        'import { classifyDeficit, type Card, type Finding } from "iom-kit";',
        'import { readWorkbook } from "iom-kit/xlsx";',
        'const level: "low" | "medium" | "high" | "present" | "absent" | null = classifyDeficit("75%").level;',
        "export const checks: [typeof level, Card | undefined, Finding[] | undefined, typeof readWorkbook] = [level, undefined, undefined, readWorkbook];",
      ].join("\n"),
    );
    await writeFile(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ["check.ts"],
      }),
    );
    await run(process.execPath, [
      join(root, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      project,
    ]);

    const { stdout: help } = await run(join(project, "node_modules", ".bin", "iom"), ["--help"]);
    expect(help).toContain("validate");
  }, 180_000);
});

import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/** An input of a command: a workbook to read, or a path that is not one. */
export type Input =
  { kind: "file"; path: string } | { kind: "missing"; path: string; reason: string };

/**
 * The workbooks the command-line paths name: files as given, folders searched recursively
 * for .xlsx and .xlsm in name order, Office's lock files `~$…` skipped (DESIGN.md, CLI).
 * A path that does not exist is kept, to be reported as unreadable with the others read.
 */
export async function collectInputs(paths: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      inputs.push({ kind: "missing", path, reason: `Файл «${path}» не найден: проверьте путь` });
      continue;
    }
    if (info.isDirectory()) {
      for (const file of await workbooksIn(path)) {
        inputs.push({ kind: "file", path: file });
      }
    } else {
      inputs.push({ kind: "file", path });
    }
  }
  return inputs;
}

async function workbooksIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, "ru"));

  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await workbooksIn(path)));
    } else if (entry.isFile() && /\.xls[xm]$/i.test(entry.name) && !entry.name.startsWith("~$")) {
      files.push(path);
    }
  }
  return files;
}

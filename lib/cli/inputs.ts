import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

import { readProblem } from "./readProblem.js";

/** An input of a command: a workbook to read, or a path that is not one. */
export type Input =
  { kind: "file"; path: string } | { kind: "missing"; path: string; reason: string };

/**
 * The workbooks the command-line paths name: files as given, folders searched recursively
 * for .xlsx and .xlsm in name order (DESIGN.md, CLI). Office's lock files `~$…` and macOS's
 * `._…` shadows are passed over. Spreadsheets a folder holds in other formats (.xls, .xlsb,
 * .ods, .fods, .csv) are inputs too: the reader names each in a line of its own with what to
 * do (save it as .xlsx), and the command exits 2, as for any file it could not read. A file
 * named twice (a folder and a file in it) is read once. A path that does not exist, or a
 * folder that cannot be listed, is kept, to be reported with the others read.
 */
export async function collectInputs(paths: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (input: Input) => {
    const key = resolve(input.path);
    if (!seen.has(key)) {
      seen.add(key);
      inputs.push(input);
    }
  };

  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      add({
        kind: "missing",
        path,
        reason: missing
          ? `Путь «${path}» не найден: проверьте имя файла или папки`
          : readProblem(path, error),
      });
      continue;
    }
    if (info.isDirectory()) {
      (await workbooksIn(path)).forEach(add);
    } else {
      add({ kind: "file", path });
    }
  }
  return inputs;
}

/**
 * The workbooks of a folder and its subfolders, in name order; a folder that cannot be listed
 * (no permission) is an input of its own, reported with the files and not stopping them.
 */
async function workbooksIn(folder: string): Promise<Input[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    return [{ kind: "missing", path: folder, reason: readProblem(folder, error, "folder") }];
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, "ru"));

  const found: Input[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      found.push(...(await workbooksIn(path)));
    } else if (
      // A link to a card is read as the card (a broken link is then a file not found).
      !(entry.isFile() || entry.isSymbolicLink()) ||
      entry.name.startsWith("~$") ||
      entry.name.startsWith("._")
    ) {
      continue;
    } else if (/\.(?:xls[xm]?|xlsb|f?ods|csv)$/i.test(entry.name)) {
      found.push({ kind: "file", path });
    }
  }
  return found;
}

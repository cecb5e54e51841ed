import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

/** An input of a command: a workbook to read, or a path that is not one. */
export type Input =
  { kind: "file"; path: string } | { kind: "missing"; path: string; reason: string };

/**
 * The workbooks the command-line paths name: files as given, folders searched recursively
 * for .xlsx and .xlsm in name order (DESIGN.md, CLI). Office's lock files `~$…` and macOS's
 * `._…` shadows are passed over; other spreadsheets in a folder (.xls, .ods, .csv) are handed
 * to `onSkipped`, so the user hears of them. A file named twice (a folder and a file in it)
 * is read once. A path that does not exist is kept, to be reported with the others read.
 */
export async function collectInputs(
  paths: readonly string[],
  onSkipped: (path: string) => void = () => undefined,
): Promise<Input[]> {
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
    } catch {
      add({
        kind: "missing",
        path,
        reason: `Путь «${path}» не найден: проверьте имя файла или папки`,
      });
      continue;
    }
    if (info.isDirectory()) {
      const skip = (file: string) => {
        if (!seen.has(resolve(file))) {
          seen.add(resolve(file));
          onSkipped(file);
        }
      };
      for (const file of await workbooksIn(path, skip)) {
        add({ kind: "file", path: file });
      }
    } else {
      add({ kind: "file", path });
    }
  }
  return inputs;
}

async function workbooksIn(folder: string, onSkipped: (path: string) => void): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, "ru"));

  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await workbooksIn(path, onSkipped)));
    } else if (!entry.isFile() || entry.name.startsWith("~$") || entry.name.startsWith("._")) {
      continue;
    } else if (/\.xls[xm]$/i.test(entry.name)) {
      files.push(path);
    } else if (/\.(?:xls|xlsb|ods|csv|fods)$/i.test(entry.name)) {
      onSkipped(path);
    }
  }
  return files;
}

/** The stderr line about spreadsheets a folder held in other formats. */
export function skippedNote(skipped: readonly string[]): string {
  const shown = skipped
    .slice(0, 5)
    .map((path) => `«${path}»`)
    .join(", ");
  const more = skipped.length > 5 ? ` и ещё ${skipped.length - 5}` : "";
  return `Не проверены файлы других форматов: ${shown}${more}. Откройте их и сохраните как книгу Excel (.xlsx).`;
}

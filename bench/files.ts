/**
 * The workbooks under the paths a bench command is given, found as `iom` finds them
 * (lib/cli/inputs.ts): files as given, folders searched recursively for .xlsx and .xlsm in name
 * order, Office's lock files `~$…` skipped. The floors keep their own copy so that they load
 * nothing of iom-kit.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

export async function workbookFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      files.push(...(await workbooksIn(path)));
    } else {
      files.push(path);
    }
  }
  return files;
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

import { randomBytes } from "node:crypto";
import { access, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";

import { UsageError } from "./options.js";

/**
 * Checks where a command may write its workbook before any work is done: an .xlsx name (exceljs
 * writes no macros, so an .xlsm it wrote would not open), not the input itself, and not an
 * existing file unless `--force`.
 *
 * @throws {UsageError} naming the file and the flag that helps.
 */
export async function checkOutput(
  path: string,
  options: { force?: boolean; input?: string },
): Promise<void> {
  const extension = extname(path).toLowerCase();
  if (extension !== ".xlsx") {
    const why =
      extension === ".xlsm"
        ? " (книга, которую записывает iom, не может хранить макросы)"
        : "; её откроют Excel, LibreOffice, МойОфис и Р7";
    throw new UsageError(`-o: «${path}» — укажите файл .xlsx${why}`);
  }
  if (!(await isFolder(dirname(resolve(path))))) {
    throw new UsageError(
      `-o: папки «${dirname(path)}» нет: создайте её или укажите другое место для файла`,
    );
  }
  if (options.input !== undefined && resolve(options.input) === resolve(path)) {
    throw new UsageError(
      `-o: «${path}» — это входной файл; iom его не меняет, укажите для результата другое имя`,
    );
  }
  if (options.force !== true && (await exists(path))) {
    throw new UsageError(`-o: файл «${path}» уже есть; чтобы заменить его, добавьте --force`);
  }
}

/**
 * Writes the bytes through a temporary file beside the target, renamed over it at the end:
 * a reader of the target never sees half a workbook, and a failed write leaves no debris.
 */
export async function writeOutput(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

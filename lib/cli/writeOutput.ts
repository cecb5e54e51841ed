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
        : "; такую книгу откроют Excel, LibreOffice, МойОфис и Р7";
    throw new UsageError(`-o: «${path}» — укажите файл .xlsx${why}`);
  }
  const folder = await folderState(dirname(resolve(path)));
  if (folder === "closed") {
    throw new UsageError(
      `-o: в папку «${dirname(path)}» нет доступа: укажите другое место для файла`,
    );
  }
  if (folder === "missing") {
    throw new UsageError(
      `-o: папки «${dirname(path)}» нет: создайте её или укажите другое место для файла`,
    );
  }
  if (options.input !== undefined && resolve(options.input) === resolve(path)) {
    throw new UsageError(
      `-o: «${path}» — это входной файл; iom его не меняет, укажите для результата другое имя`,
    );
  }
  if ((await folderState(path)) === "folder") {
    throw new UsageError(`-o: «${path}» — это папка; укажите имя файла .xlsx в ней`);
  }
  if (options.force !== true && (await exists(path))) {
    throw new UsageError(`-o: файл «${path}» уже есть; чтобы заменить его, добавьте --force`);
  }
}

/** A workbook the command made but could not write: exit status 73, the work is lost. */
export class OutputError extends Error {
  override name = "OutputError";
}

/**
 * Writes the bytes through a temporary file beside the target, renamed over it at the end:
 * a reader of the target never sees half a workbook, and a failed write leaves no debris.
 *
 * @throws {OutputError} naming the file and why the system refused it.
 */
export async function writeOutput(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    // In a folder the user may not even look into, removing fails too: nothing was written.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new OutputError(`не удалось записать «${path}»: ${whyNotWritten(error)}`, {
      cause: error,
    });
  }
}

/** The system's refusal in the user's words; its own text where no word fits. */
function whyNotWritten(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return "на диске нет места; освободите место или укажите другой диск";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "нет прав на запись в эту папку; укажите другую";
    case "EISDIR":
      return "там папка с таким именем; укажите другое имя файла";
    case "EBUSY":
      return "файл открыт в другой программе; закройте его и повторите";
    case "ENOENT":
    case "ENOTDIR":
      return "такой папки нет; укажите другое место";
    default:
      return `система отказала в записи (${code ?? (error as Error).message})`;
  }
}

/** A folder that is there, one the user may not look into, or none. */
async function folderState(path: string): Promise<"folder" | "closed" | "missing"> {
  try {
    return (await stat(path)).isDirectory() ? "folder" : "missing";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM" ? "closed" : "missing";
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

import type { Config } from "../../../lib/domain/config.js";
import { finding } from "../../../lib/domain/finding.js";
import type { LocatedFinding } from "../../../lib/sheet/located.js";

/** A file the user opened: a browser File, or anything with a name and bytes. */
export interface OpenedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FilesCheckResult {
  files: number;
  cards: number;
  findings: LocatedFinding[];
}

/**
 * «Проверить» in a browser: reads each .xlsx file the user opened with the same reader as the
 * CLI and validates its cards, in the files' order. exceljs comes in with the first file and
 * only then, as a chunk of its own, so the pane inside Excel never loads it.
 *
 * @example await checkFiles(input.files, { asOf: new Date(), config: defaultConfig })
 */
export async function checkFiles(
  files: readonly OpenedFile[],
  options: { asOf: Date; config: Config; onProgress?: (done: number, total: number) => void },
): Promise<FilesCheckResult> {
  const { readWorkbook } = await import(
    /* webpackChunkName: "xlsx" */ "../../../lib/xlsx/readWorkbook.js"
  );

  const findings: LocatedFinding[] = [];
  let cards = 0;
  for (const [index, file] of files.entries()) {
    options.onProgress?.(index, files.length);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      // A file the browser could not hand over (moved, no access) is one finding, as in the CLI.
      findings.push(
        unreadable(
          file.name,
          `Файл «${file.name}» не удалось открыть: ${(error as Error).message}`,
        ),
      );
      continue;
    }
    const read = await readWorkbook(bytes, {
      file: file.name,
      asOf: options.asOf,
      config: options.config,
    });
    cards += read.records.length;
    findings.push(...read.findings);
  }
  options.onProgress?.(files.length, files.length);
  return { files: files.length, cards, findings };
}

function unreadable(file: string, message: string): LocatedFinding {
  const { field: _field, ...rest } = finding("file.unreadable", message, null);
  return { file, sheet: null, cell: null, ...rest };
}

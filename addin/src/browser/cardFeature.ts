import type { CardFeature, FileFilled, WorkOptions } from "../features.js";
import type { OpenedFile } from "./checkFiles.js";
import { derivedName } from "./download.js";

/**
 * «Заполнить» and «Новая карта» on files: each file filled as `iom fill` fills it and
 * downloaded beside the original (which is never changed), a new card downloaded as a
 * workbook of the template. A file with nothing to fill (no card, or every derived cell in
 * place) is downloaded not at all, and one that cannot be filled is said so: the others still
 * are. The library's writers come with exceljs, on first use.
 */
export function browserCardFeature(save: (name: string, bytes: Uint8Array) => void): CardFeature {
  return {
    async fill(target, options) {
      if (!("files" in target)) {
        throw new Error("В браузере заполняются открытые файлы, а не листы книги");
      }

      const files: FileFilled[] = [];
      for (const [index, file] of target.files.entries()) {
        options.onProgress?.(index, target.files.length);
        files.push(await fillFile(file, options, save));
      }
      options.onProgress?.(target.files.length, target.files.length);
      return {
        // The cards of the copies written: a file with nothing to fill is listed on its own.
        cards: files.reduce((sum, file) => sum + (file.saved === null ? 0 : file.cards), 0),
        cells: files.reduce((sum, file) => sum + file.cells, 0),
        files,
      };
    },

    async newCard(teacher, options) {
      const [{ createCardWorkbook }, { CardSchema }] = await Promise.all([
        import(/* webpackChunkName: "xlsx-write" */ "../../../lib/xlsx/createCardWorkbook.js"),
        import("../../../lib/domain/card.js"),
      ]);
      const bytes = await createCardWorkbook(CardSchema.parse({ general: { fullName: teacher } }), {
        config: options.config,
      });
      const name = `ИОМ ${safeFileName(teacher)}.xlsx`;
      save(name, bytes);
      return { name };
    },
  };
}

async function fillFile(
  file: OpenedFile,
  options: WorkOptions,
  save: (name: string, bytes: Uint8Array) => void,
): Promise<FileFilled> {
  const [{ fillWorkbook }, { UnreadableWorkbookError }, { changedCells }] = await Promise.all([
    import(/* webpackChunkName: "xlsx-write" */ "../../../lib/xlsx/fillWorkbook.js"),
    import(/* webpackChunkName: "xlsx" */ "../../../lib/xlsx/unreadableWorkbookError.js"),
    import(/* webpackChunkName: "xlsx-write" */ "../../../lib/sheet/planFill.js"),
  ]);
  const unfilled = { name: file.name, cards: 0, cells: 0, saved: null };

  let outcome;
  try {
    outcome = await fillWorkbook(await bytesOf(file), {
      fileName: file.name,
      asOf: options.asOf,
      config: options.config,
    });
  } catch (error) {
    const problem =
      error instanceof UnreadableWorkbookError
        ? error.message
        : `Файл «${file.name}» не удалось открыть: ${(error as Error).message}`;
    return { ...unfilled, problem };
  }
  if (outcome.kind === "refused") {
    const problem = `при записи пропали бы ${outcome.losses.join(", ")}; заполните его в Excel этой же надстройкой`;
    return { ...unfilled, problem };
  }

  const result = {
    ...unfilled,
    cards: outcome.cards,
    cells: changedCells(outcome.writes),
    problem: null,
  };
  if (result.cells === 0) {
    return result;
  }
  const saved = derivedName(file.name, "заполнено");
  save(saved, outcome.bytes);
  return { ...result, saved };
}

async function bytesOf(file: OpenedFile): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A teacher's name as a file name: no characters Windows refuses. */
function safeFileName(text: string): string {
  return (
    text
      .replace(/[\\/:*?"<>|]+/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "педагог"
  );
}

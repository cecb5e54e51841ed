import type { CardFeature } from "../features.js";
import type { OpenedFile } from "./checkFiles.js";
import { derivedName } from "./download.js";

/**
 * «Заполнить» and «Новая карта» on files: each file filled as `iom fill` fills it and
 * downloaded beside the original (which is never changed), a new card downloaded as a
 * workbook of the template. The library's writers come with exceljs, on first use.
 */
export function browserCardFeature(save: (name: string, bytes: Uint8Array) => void): CardFeature {
  return {
    async fill(target, options) {
      if (!("files" in target)) {
        throw new Error("В браузере заполняются открытые файлы, а не листы книги");
      }
      const { fillWorkbook } = await import(
        /* webpackChunkName: "xlsx-write" */ "../../../lib/xlsx/fillWorkbook.js"
      );

      let cards = 0;
      let cells = 0;
      for (const [index, file] of target.files.entries()) {
        options.onProgress?.(index, target.files.length);
        const outcome = await fillWorkbook(await bytesOf(file), {
          fileName: file.name,
          asOf: options.asOf,
          config: options.config,
        });
        if (outcome.kind === "refused") {
          throw new Error(
            `Файл «${file.name}» не заполнен: при записи пропали бы ${outcome.losses.join(", ")}. ` +
              "Заполните его в Excel этой же надстройкой.",
          );
        }
        save(derivedName(file.name, "заполнено"), outcome.bytes);
        cards += outcome.cards;
        cells += outcome.writes.length;
      }
      options.onProgress?.(target.files.length, target.files.length);
      return { cards, cells };
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

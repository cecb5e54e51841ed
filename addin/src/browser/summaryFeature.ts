import type { SummaryFeature } from "../features.js";

/**
 * «Сводка по району» on files: the cards of the files picked (and summary workbooks made for
 * the same day) summarised as `iom summary` does, and the summary workbook downloaded — the
 * same sheets, links and hidden data as the CLI writes, so it merges into a region's summary.
 * The summary's code comes with the first summary, exceljs with the first workbook written.
 */
export function browserSummaryFeature(
  save: (name: string, bytes: Uint8Array) => void,
): SummaryFeature {
  return {
    async summarize(files, options) {
      const [{ createSummary, finishSummary }, { addFiles }, { summaryOutcome }] =
        await Promise.all([
          import(/* webpackChunkName: "summary" */ "../../../lib/domain/summary.js"),
          import(/* webpackChunkName: "summary" */ "./addFiles.js"),
          import(/* webpackChunkName: "summary" */ "../summaryOutcome.js"),
        ]);
      const summary = createSummary({ asOf: options.asOf, config: options.config });
      const steps = files.length + 1;
      await addFiles(summary, files, {
        asOf: options.asOf,
        config: options.config,
        onProgress: (done) => options.onProgress?.(done, steps),
      });

      const finished = finishSummary(summary);
      const { writeSummaryWorkbook } = await import(
        /* webpackChunkName: "xlsx-write" */ "../../../lib/xlsx/writeSummaryWorkbook.js"
      );
      const name = `Сводка ИОМ ${finished.asOf}.xlsx`;
      save(name, await writeSummaryWorkbook(finished));
      options.onProgress?.(steps, steps);
      return summaryOutcome(finished, name);
    },
  };
}

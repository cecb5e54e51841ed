import type { SummaryFeature } from "../features.js";
import type { ExcelHost } from "./excelHost.js";

/**
 * «Сводка по району» in Excel: the files the user picked are read first (outside Excel, so the
 * workbook is not held while they load), then one run reads the workbook's card sheets and
 * writes the summary's sheets and chart into it. The summary's code comes with the first
 * summary, as a chunk of its own.
 */
export function excelSummaryFeature(host: ExcelHost): SummaryFeature {
  return {
    async summarize(files, options) {
      const [{ createSummary }, { addFiles }, { summaryOutcome }] = await Promise.all([
        import(/* webpackChunkName: "summary" */ "../../../lib/domain/summary.js"),
        import(/* webpackChunkName: "summary" */ "../browser/addFiles.js"),
        import(/* webpackChunkName: "summary" */ "../summaryOutcome.js"),
      ]);
      const summary = createSummary({ asOf: options.asOf, config: options.config });
      // The files' share of the progress bar, then the workbook's, then the writing.
      const steps = files.length + (options.includeWorkbook ? 2 : 1);
      await addFiles(summary, files, {
        asOf: options.asOf,
        config: options.config,
        onProgress: (done) => options.onProgress?.(done, steps),
      });

      const { summary: finished, sheets } = await host.summarize(summary, {
        asOf: options.asOf,
        config: options.config,
        includeWorkbook: options.includeWorkbook,
        onProgress: (done, total) =>
          options.onProgress?.(files.length + (total > 0 ? done / total : 1), steps),
      });
      options.onProgress?.(steps, steps);
      return summaryOutcome(finished, sheets[0]!);
    },
  };
}

import { createCardWorkbook } from "../xlsx/createCardWorkbook.js";
import { DEFAULT_TEMPLATE, loadConfig } from "./options.js";
import type { Output } from "./output.js";
import { checkOutput, writeOutput } from "./writeOutput.js";

export interface TemplateOptions {
  output?: string;
  force?: boolean;
  config?: string;
}

/**
 * `iom template [-o OUT] [--force] [--config FILE]`: writes the blank card of the
 * regulation's Appendix 1 with its drop-downs, input messages and print set-up; the district's
 * competencies of `--config` join the lists and its thresholds stand in the level headings.
 * Returns the exit status: 0 written.
 */
export async function templateCommand(options: TemplateOptions, out: Output): Promise<number> {
  const path = options.output ?? DEFAULT_TEMPLATE;
  const config = await loadConfig(options.config);
  await checkOutput(path, { force: options.force });

  await writeOutput(path, await createCardWorkbook(undefined, { config }));
  out.result(`Шаблон карты ИОМ записан в «${path}»`);
  return 0;
}

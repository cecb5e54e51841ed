import { createRequire } from "node:module";

import { Command, CommanderError } from "commander";

import type { Output } from "./output.js";
import { terminalOutput } from "./output.js";
import { KEY_VARIABLE } from "./anonymizer.js";
import { DEFAULT_TEMPLATE, UsageError } from "./options.js";
import { OutputError } from "./writeOutput.js";
import { inRussian } from "./russian.js";
import type { SummaryCommandOptions } from "./summary.js";

/**
 * The `iom` command: the district methodist's tool for a folder of cards (DESIGN.md, CLI).
 * Exit status: 0 done, 1 errors found, 2 an input could not be read, 64 a usage error.
 *
 * Each command's module is imported when the command runs: `iom validate` has no use for the
 * writers of the template, the fill and the summary, and loading them all took a third of
 * a second before the first file was read (README.md, «Performance»).
 */
export async function main(
  argv: readonly string[],
  out: Output = terminalOutput(),
): Promise<number> {
  let status = 0;
  const program = new Command()
    .name("iom")
    .description(
      "Шаблон, проверка, заполнение и сводка карт индивидуальных образовательных маршрутов (ИОМ) педагогов",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => out.result(inRussian(text).trimEnd()),
      writeErr: (text) => out.problem(inRussian(text).trimEnd()),
      // «iom: …» as every other message of the command says what went wrong.
      outputError: (text) => out.problem(`iom: ${inRussian(text).trimEnd()}`),
    })
    .version(version(), "-V, --version", "версия iom-kit")
    .helpCommand("help [команда]", "справка по команде")
    .helpOption("-h, --help", "справка");

  program
    .command("validate")
    .description("проверить карты ИОМ в файлах и папках, указав каждую ячейку с ошибкой")
    .argument("<пути...>", "файлы .xlsx/.xlsm и папки (с вложенными)")
    .option("--json", "вывести замечания одним массивом JSON")
    .option("--today <ГГГГ-ММ-ДД>", "день, на который проверять сроки (по умолчанию сегодня)")
    .option(
      "--config <файл>",
      "настройки района (JSON): пороги уровней, дополнительные компетенции",
    )
    .option("--debug", "при сбое показывать подробности для разработчиков")
    .action(async (paths: string[], options) => {
      const { validateCommand } = await import("./validate.js");
      status = await validateCommand(paths, options, out);
    });

  program
    .command("template")
    .description("записать пустую карту ИОМ (Приложение 1 Регламента) со списками и подсказками")
    .option("-o, --output <файл>", `куда записать (.xlsx; по умолчанию ${DEFAULT_TEMPLATE})`)
    .option("--force", "заменить существующий файл")
    .option(
      "--config <файл>",
      "настройки района (JSON): дополнительные компетенции войдут в списки",
    )
    .action(async (options) => {
      const { templateCommand } = await import("./template.js");
      status = await templateCommand(options, out);
    });

  program
    .command("fill")
    .description(
      "заполнить выводимые ячейки карт: перенести результат в графу его уровня, сроки, этап, динамику, просрочки",
    )
    .argument("<файл>", "книга с картами ИОМ (.xlsx/.xlsm); она не меняется")
    .requiredOption("-o, --output <файл>", "куда записать заполненную копию (.xlsx)")
    .option("--force", "заменить существующий файл")
    .option("--allow-loss", "записать, даже если пропадут диаграммы, сводные таблицы, макросы")
    .option("--today <ГГГГ-ММ-ДД>", "день, на который проверять сроки (по умолчанию сегодня)")
    .option(
      "--config <файл>",
      "настройки района (JSON): пороги уровней, дополнительные компетенции",
    )
    .option("--undo", "вернуть ячейки, заполненные iom fill, к прежним значениям")
    .action(async (input: string, options) => {
      const { fillCommand } = await import("./fill.js");
      status = await fillCommand(input, options, out);
    });

  program
    .command("summary")
    .description(
      "составить сводку по району в книгу Excel: педагоги, дефициты, мероприятия, ОО, потребность в мероприятиях, замечания",
    )
    .argument("<пути...>", "файлы .xlsx/.xlsm и папки с картами (с вложенными), сводки iom")
    .requiredOption("-o, --output <файл>", "куда записать сводку (.xlsx)")
    .option("--force", "заменить существующий файл")
    .option("--json", "вывести сводку одним объектом JSON")
    .option("--today <ГГГГ-ММ-ДД>", "день, на который составить сводку (по умолчанию сегодня)")
    .option(
      "--config <файл>",
      "настройки района (JSON): пороги уровней, дополнительные компетенции",
    )
    .option(
      "--anonymize",
      `заменить ФИО, имена файлов и листов псевдонимами по ключу района (${KEY_VARIABLE} или --key-file)`,
    )
    .option("--key-file <файл>", "файл с ключом района для --anonymize")
    .option("--jobs <число>", "сколько файлов читать одновременно (по умолчанию — по числу ядер)")
    .action(async (paths: string[], options: SummaryCommandOptions) => {
      const { summaryCommand } = await import("./summary.js");
      status = await summaryCommand(paths, options, out);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 64;
    }
    if (error instanceof UsageError) {
      out.problem(`iom: ${error.message}`);
      return 64;
    }
    if (error instanceof OutputError) {
      out.problem(`iom: ${error.message}`);
      return 73;
    }
    throw error;
  }
}

/** The package's version, from its package.json (two folders up from lib/cli and dist/cli). */
function version(): string {
  const manifest = createRequire(import.meta.url)("../../package.json") as { version: string };
  return manifest.version;
}

import { createRequire } from "node:module";

import { Command, CommanderError } from "commander";

import type { Output } from "./output.js";
import { terminalOutput } from "./output.js";
import { UsageError } from "./options.js";
import { fillCommand } from "./fill.js";
import { DEFAULT_TEMPLATE, templateCommand } from "./template.js";
import { inRussian } from "./russian.js";
import { registerSummary } from "./summary.js";
import { validateCommand } from "./validate.js";

/**
 * The `iom` command: the district methodist's tool for a folder of cards (DESIGN.md, CLI).
 * Exit status: 0 done, 1 errors found, 2 an input could not be read, 64 a usage error.
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
      status = await fillCommand(input, options, out);
    });

  registerSummary(program, out, (code) => {
    status = code;
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
    throw error;
  }
}

/** The package's version, from its package.json (two folders up from lib/cli and dist/cli). */
function version(): string {
  const manifest = createRequire(import.meta.url)("../../package.json") as { version: string };
  return manifest.version;
}

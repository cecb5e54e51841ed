/**
 * commander prints its own headings and mistakes in English; the methodist reads Russian.
 * Its texts are fixed strings, so a few replacements translate them whole.
 */
const TRANSLATIONS: [RegExp, string][] = [
  [/^Usage:/gm, "Использование:"],
  [/^Arguments:/gm, "Аргументы:"],
  [/^Options:/gm, "Параметры:"],
  [/^Commands:/gm, "Команды:"],
  [/\[options\]/g, "[параметры]"],
  [/\[command\]/g, "[команда]"],
  [/\(default: ([^)]*)\)/g, "(по умолчанию: $1)"],
  [/^error: unknown option '([^']*)'/gm, "ошибка: неизвестный параметр «$1»"],
  [/^error: unknown command '([^']*)'/gm, "ошибка: неизвестная команда «$1»"],
  [/^error: missing required argument '([^']*)'/gm, "ошибка: не указан аргумент «$1»"],
  [
    /^error: required option '([^']*)' not specified/gm,
    "ошибка: не указан обязательный параметр «$1»",
  ],
  [/^error: option '([^']*)' argument missing/gm, "ошибка: у параметра «$1» нет значения"],
  [
    /^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./gm,
    "ошибка: лишние аргументы: ожидалось $2, указано $3",
  ],
  [/\(Did you mean ([^?]*)\?\)/g, "(может быть, $1?)"],
  [/^error: /gm, "ошибка: "],
];

/** commander's text in Russian. */
export function inRussian(text: string): string {
  return TRANSLATIONS.reduce(
    (result, [pattern, replacement]) => result.replace(pattern, replacement),
    text,
  );
}

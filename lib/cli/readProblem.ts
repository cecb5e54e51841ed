/**
 * Why a file or a folder could not be read, in Russian, for the finding `file.unreadable`: the
 * file system's refusals by what they mean to the user, and anything else (a fault of
 * iom-kit's own reader, not of the file) with its message and a request to report it.
 *
 * @example readProblem("карта.xlsx", Object.assign(new Error(), { code: "EACCES" }))
 * // "Файл «карта.xlsx» не открывается: нет прав на чтение; попросите доступ или скопируйте файл к себе"
 */
export function readProblem(
  path: string,
  error: unknown,
  kind: "file" | "folder" = "file",
): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const { noun, it, pronoun, ending } = WORDS[kind];
  const named = `${noun} «${path}»`;

  switch (code) {
    case undefined:
      break;
    case "EACCES":
    case "EPERM":
      return `${named} не открывается: нет прав на чтение; попросите доступ или скопируйте ${it} к себе`;
    case "ENOENT":
      return `${named} не найден${ending}: ${pronoun} удалили или переименовали, пока шла работа`;
    case "EBUSY":
    case "ETXTBSY":
      return `${named} занят${ending} другой программой: закройте её и повторите`;
    case "EIO":
      return `${named} не читается: ошибка диска или сети; скопируйте ${it} заново`;
    case "ELOOP":
      return `${named} — ссылка, которая ведёт сама на себя: укажите сам ${it}`;
    case "ENAMETOOLONG":
      return `${named}: слишком длинный путь; перенесите ${it} ближе к корню диска`;
    default:
      return `${named} не читается (ошибка файловой системы ${code}): скопируйте ${it} заново`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Файл «${path}» не удалось прочитать из-за ошибки в iom-kit (${message}): сообщите о ней разработчикам, приложив файл`;
}

const WORDS = {
  file: { noun: "Файл", it: "файл", pronoun: "его", ending: "" },
  folder: { noun: "Папка", it: "папку", pronoun: "её", ending: "а" },
} as const;

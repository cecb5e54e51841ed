import { describe, expect, it } from "vitest";

import { readProblem } from "./readProblem.js";

const failure = (code?: string) => Object.assign(new Error(`${code}: raw text`), { code });

describe("readProblem", () => {
  it.each([
    [
      "EACCES",
      "file",
      "Файл «к.xlsx» не открывается: нет прав на чтение; попросите доступ или скопируйте файл к себе",
    ],
    [
      "EPERM",
      "folder",
      "Папка «к.xlsx» не открывается: нет прав на чтение; попросите доступ или скопируйте папку к себе",
    ],
    ["ENOENT", "file", "Файл «к.xlsx» не найден: его удалили или переименовали, пока шла работа"],
    [
      "ENOENT",
      "folder",
      "Папка «к.xlsx» не найдена: её удалили или переименовали, пока шла работа",
    ],
    ["EBUSY", "file", "Файл «к.xlsx» занят другой программой: закройте её и повторите"],
    ["EIO", "file", "Файл «к.xlsx» не читается: ошибка диска или сети; скопируйте файл заново"],
    [
      "EMFILE",
      "file",
      "Файл «к.xlsx» не читается (ошибка файловой системы EMFILE): скопируйте файл заново",
    ],
  ] as const)("says %s of a %s in Russian, without the system's text", (code, kind, message) => {
    expect(readProblem("к.xlsx", failure(code), kind)).toBe(message);
  });

  it("names a fault of the reader as iom-kit's, with its message", () => {
    expect(readProblem("к.xlsx", new TypeError("x is undefined"))).toBe(
      "Файл «к.xlsx» не удалось прочитать из-за ошибки в iom-kit (x is undefined): сообщите о ней разработчикам, приложив файл",
    );
  });
});

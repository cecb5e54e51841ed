// `npm start`: serves the pane on localhost and, on Windows and macOS, sideloads the add-in
// into desktop Excel (README, «Надстройка в Excel»). Opened in a browser, the same address is
// the pane's file mode with the samples one click away.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { homedir, platform } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const manifest = join(root, "manifest.xml");
const https = existsSync(join(homedir(), ".office-addin-dev-certs", "localhost.crt"));

sideload();
if (!https) {
  console.log(
    "Сертификата для https://localhost нет: панель открывается в браузере (http://127.0.0.1:3000), " +
      "а Excel загружает надстройки только по https. Для Excel один раз выполните " +
      "`npx office-addin-dev-certs install` и снова `npm start`.",
  );
}

const webpack = join(root, "node_modules", "webpack", "bin", "webpack.js");
const server = spawn(process.execPath, [webpack, "serve", "--mode", "development"], {
  cwd: root,
  stdio: "inherit",
});
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => server.kill(signal));
}

/** Registers the manifest where desktop Excel looks for developer add-ins. */
function sideload() {
  if (platform() === "win32") {
    // Excel reads developer manifests from this key (Office's «sideload on Windows» guide).
    const result = spawnSync("reg", [
      "add",
      "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer",
      "/v",
      "iom-kit",
      "/t",
      "REG_SZ",
      "/d",
      manifest,
      "/f",
    ]);
    console.log(
      result.status === 0
        ? "Надстройка зарегистрирована в Excel: откройте Excel, «Главная» → «Карты ИОМ»."
        : "Не удалось зарегистрировать надстройку в Excel: загрузите manifest.xml вручную (README).",
    );
    return;
  }
  if (platform() === "darwin") {
    // Excel for Mac reads developer manifests from its container's wef folder.
    const wef = join(
      homedir(),
      "Library",
      "Containers",
      "com.microsoft.Excel",
      "Data",
      "Documents",
      "wef",
    );
    mkdirSync(wef, { recursive: true });
    copyFileSync(manifest, join(wef, "iom-kit.manifest.xml"));
    console.log("Надстройка скопирована для Excel: перезапустите Excel, «Главная» → «Карты ИОМ».");
  }
}

/**
 * The task pane's figures for `npm run bench`: the JavaScript a pane loads before it can work
 * (gzipped, as a web server sends it), the time from navigation to a working pane in headless
 * Chromium, and the syncs of each action on the stand-in for the Excel API (pane-syncs.ts).
 */
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import type { Browser } from "playwright-core";

import { launchChromium, OFFICE_JS, paneContext } from "../test/e2e/browser.js";
import { serveStatic } from "../test/e2e/server.js";
import { cardSheets } from "./cardSheets.js";

export interface Bundle {
  /** The scripts taskpane.html loads itself, with their gzipped sizes in bytes. */
  initial: { file: string; bytes: number; gzip: number }[];
  initialGzip: number;
  /** Every other script of the build: chunks loaded on demand (exceljs's among them). */
  lazy: { file: string; bytes: number; gzip: number }[];
}

/**
 * The initial JavaScript of the built pane: the local scripts taskpane.html names (office.js
 * comes from Microsoft's CDN and is not counted), gzipped at zlib's default level.
 */
export async function paneBundle(out: string): Promise<Bundle> {
  const html = await readFile(join(out, "taskpane.html"), "utf8");
  // html-webpack-plugin's minifier drops the quotes where it can: src=taskpane.js.
  const initialFiles = [
    ...html.matchAll(/<script\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g),
  ]
    .map((match) => match[1] ?? match[2] ?? match[3]!)
    .filter((src) => !/^(?:https?:)?\/\//.test(src))
    .map((src) => src.replace(/^\.?\//, ""));

  const scripts = (await readdir(out)).filter((file) => file.endsWith(".js"));
  const sized = async (file: string) => {
    const bytes = await readFile(join(out, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes).length };
  };
  const initial = await Promise.all(initialFiles.map(sized));
  const lazy = await Promise.all(scripts.filter((f) => !initialFiles.includes(f)).map(sized));
  return { initial, initialGzip: initial.reduce((sum, s) => sum + s.gzip, 0), lazy };
}

export interface LoadTimes {
  /** Milliseconds from navigation to the pane's mode badge, each run. */
  excel: number[];
  browser: number[];
}

/**
 * Load-to-ready of the pane in headless Chromium, `runs` times in each mode, every run in a
 * fresh browser context (nothing cached, as on first opening): in Excel (the stand-in served
 * at office.js's address, a workbook of one card sheet) and in a plain browser (office.js
 * offline). Ready is when the pane shows which mode it runs in: its first render after Office
 * answered (or did not), with every tab usable.
 */
export async function loadToReady(
  out: string,
  standinScript: string,
  samples: string,
  runs: number,
): Promise<LoadTimes> {
  const server = await serveStatic(out);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const standin = await readFile(standinScript, "utf8");
    const workbook = { sheets: await cardSheets(samples, 1) };
    const times: LoadTimes = { excel: [], browser: [] };
    for (let run = 0; run < runs; run++) {
      // Alternated, so that a slow moment of the machine does not fall on one mode only.
      for (const mode of ["excel", "browser"] as const) {
        const context = await paneContext(browser);
        await context.route("**/*", async (route) => {
          const url = route.request().url();
          if (url.startsWith(server.url)) {
            return route.continue();
          }
          if (url === OFFICE_JS && mode === "excel") {
            return route.fulfill({ contentType: "text/javascript", body: standin });
          }
          return route.abort("internetdisconnected");
        });
        const page = await context.newPage();
        await page.addInitScript(
          (data) => {
            const target = window as unknown as {
              __IOM_WORKBOOK__?: unknown;
              __benchReady?: number;
            };
            if (data) {
              target.__IOM_WORKBOOK__ = data;
            }
            new MutationObserver((_, observer) => {
              if (document.querySelector("[data-testid=mode]")) {
                target.__benchReady = performance.now();
                observer.disconnect();
              }
            }).observe(document, { childList: true, subtree: true });
          },
          mode === "excel" ? workbook : null,
        );
        await page.goto(`${server.url}/taskpane.html`);
        await page.locator("[data-testid=mode]").waitFor({ timeout: 60_000 });
        times[mode].push(
          await page.evaluate(() => (window as unknown as { __benchReady: number }).__benchReady),
        );
        await context.close();
      }
    }
    return times;
  } finally {
    await browser?.close();
    await server.close();
  }
}

export type SyncCounts =
  | {
      actions: Record<string, Record<number, number>>;
      runs: Record<string, Record<number, number>>;
    }
  | { error: string };

/** The syncs of each action for 1, 10 and 100 sheets, counted by pane-syncs.ts in its own process. */
export async function syncsPerAction(root: string, samples: string): Promise<SyncCounts> {
  const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, join(root, "bench", "pane-syncs.ts"), samples], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", () => resolve(text));
  });
  try {
    return JSON.parse(output.trim().split("\n").pop() ?? "") as SyncCounts;
  } catch {
    return { error: `pane-syncs.ts printed no result: ${output.slice(-300)}` };
  }
}

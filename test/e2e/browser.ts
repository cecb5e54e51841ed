import type { Browser, BrowserContext } from "playwright-core";
import { chromium } from "playwright-core";

/** The office.js address the pane's HTML names. */
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Debian's Chromium, headless, as root, with nothing of its own reaching the network. */
export async function launchChromium(): Promise<Browser> {
  return await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
      // Date inputs follow the browser's own language, as they do in a Russian Office.
      "--lang=ru-RU",
      // No --user-data-dir: playwright gives every launch a fresh one of its own.
    ],
  });
}

/** A page context as wide as an Excel task pane. */
export async function paneContext(browser: Browser): Promise<BrowserContext> {
  return await browser.newContext({
    viewport: { width: 350, height: 900 },
    deviceScaleFactor: 1,
    locale: "ru-RU",
    timezoneId: "Asia/Novosibirsk",
    acceptDownloads: true,
    // Screenshots of settled screens, not of a tab's underline sliding.
    reducedMotion: "reduce",
  });
}

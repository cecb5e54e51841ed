/**
 * The stand-in for office.js in a page: the end-to-end tests serve this script at office.js's
 * address, with the workbook in `window.__IOM_WORKBOOK__` (set before the page loads), and read
 * the workbook's state back from `window.__IOM_STANDIN__`.
 */
import { createStandin } from "./standin.js";
import type { StandinState } from "./standin.js";
import type { WorkbookData } from "./workbook.js";

declare global {
  interface Window {
    __IOM_WORKBOOK__?: WorkbookData;
    __IOM_STANDIN__?: StandinState;
  }
}

// The workbook outlives the pane: closing and opening the pane again (reloading the page)
// finds it as the last pane left it.
const SAVED = "iom-standin-workbook";
const saved = sessionStorage.getItem(SAVED);
const standin = createStandin(
  saved
    ? (JSON.parse(saved) as WorkbookData)
    : (window.__IOM_WORKBOOK__ ?? { sheets: [{ name: "Лист1", cells: [] }] }),
);
window.addEventListener("pagehide", () =>
  sessionStorage.setItem(SAVED, JSON.stringify(standin.state.toData())),
);
Object.assign(window, {
  Office: standin.Office,
  Excel: standin.Excel,
  __IOM_STANDIN__: standin.state,
});

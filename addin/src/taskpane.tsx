// First: zod is told not to try eval before any schema is made.
import { zodWithoutEval } from "./zodWithoutEval.js";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

import { browserCardFeature } from "./browser/cardFeature.js";
import { download } from "./browser/download.js";
import { browserSummaryFeature } from "./browser/summaryFeature.js";
import { excelCardFeature } from "./excel/cardFeature.js";
import { ExcelHost } from "./excel/excelHost.js";
import { excelSummaryFeature } from "./excel/summaryFeature.js";
import type { Features } from "./features.js";
import type { PaneHost } from "./pane/App.js";
import { App } from "./pane/App.js";

// Before any module that makes a schema (zodWithoutEval.ts).
void zodWithoutEval;

/** How long to wait for Office to say where the pane runs before working on files. */
const OFFICE_READY_TIMEOUT_MS = 5000;

void start();

async function start(): Promise<void> {
  const host = await detectHost();
  const features: Features =
    host.kind === "browser"
      ? { card: browserCardFeature(download), summary: browserSummaryFeature(download) }
      : { card: excelCardFeature(host.excel), summary: excelSummaryFeature(host.excel) };
  const root = document.getElementById("root");
  if (!root) {
    throw new Error("taskpane.html has no #root element");
  }
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} features={features} />
    </FluentProvider>,
  );
}

/**
 * Excel when office.js loaded and Office says the host is Excel; else the browser mode. office.js
 * comes from Microsoft's CDN as Office requires; where it cannot load (offline, blocked, a
 * plain browser) `Office` is undefined and the pane still starts, on files.
 */
async function detectHost(): Promise<PaneHost> {
  if (typeof Office === "undefined") {
    return { kind: "browser", officeLoaded: false };
  }
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS)),
  ]);
  if (info?.host === Office.HostType.Excel && typeof Excel !== "undefined") {
    return { kind: "excel", excel: new ExcelHost(Excel, Office) };
  }
  return { kind: "browser", officeLoaded: true };
}

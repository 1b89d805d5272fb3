import { createRoot } from "react-dom/client";
import { EXCEL_API_REQUIREMENT } from "../workbook/excel/excelWorkbook";
import { App, type PaneHost } from "./App";

/**
 * The pane's entry. office.js (served with the pane) tells us where we are: inside Excel, Office.onReady
 * names the host; in a plain browser it resolves at once with no host, and the pane runs as the preview
 * over an in-memory workbook.
 */
async function detectHost(): Promise<PaneHost> {
  if (typeof Office === "undefined") return { kind: "preview" };
  const info = await Office.onReady();
  if (!info.host) return { kind: "preview" };
  if (info.host !== Office.HostType.Excel) {
    return { kind: "unsupported", reason: `Inspection Ready is an Excel add-in; it cannot run in ${info.host}.` };
  }
  if (!Office.context.requirements.isSetSupported("ExcelApi", EXCEL_API_REQUIREMENT)) {
    return {
      kind: "unsupported",
      reason: `This version of Excel does not support the features Inspection Ready needs (ExcelApi ${EXCEL_API_REQUIREMENT}). Update Office, or use Excel on the web.`,
    };
  }
  return { kind: "excel" };
}

/*
 * Until the host is known the page shows the pane's frame from taskpane.html (its heading, section headings and
 * "Loading…"), painted before this script ran. React renders once, when Office.onReady has answered, and
 * replaces the frame in that commit: no spinner in between, and no second render of the whole pane.
 */
const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  detectHost().then(
    (host) => root.render(<App host={host} />),
    (error: unknown) =>
      root.render(<App host={{ kind: "unsupported", reason: `Office did not start the add-in: ${String(error)}` }} />),
  );
}

// First of all: no module may parse with zod before it is told not to probe for eval.
import "./noEval";
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

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  root.render(<App host={null} />);
  detectHost().then(
    (host) => root.render(<App host={host} />),
    (error: unknown) =>
      root.render(<App host={{ kind: "unsupported", reason: `Office did not start the add-in: ${String(error)}` }} />),
  );
}

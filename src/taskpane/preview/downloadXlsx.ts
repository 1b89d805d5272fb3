import type { WorkbookPatch } from "../../workbook/types";

/** The sheet a new preview workbook starts with, as a new Excel workbook does. */
export const PREVIEW_FIRST_SHEET = "Sheet1";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Builds the preview's workbook as an .xlsx file by replaying every applied patch (undo patches included)
 * through the same adapter the CLI writes files with: onto the file the user opened, read again from its
 * original bytes so that everything the preview does not show (styles, comments, other sheets' details)
 * is kept, or onto a new workbook when nothing was opened. The adapter (and ExcelJS with it) is loaded
 * only when a download is asked for, so the pane itself starts quickly.
 */
export async function buildXlsx(patches: readonly WorkbookPatch[], original: ArrayBuffer | null): Promise<Blob> {
  const { XlsxBytesWorkbook } = await import(/* webpackChunkName: "exceljs" */ "../../workbook/xlsx/xlsxBytes");
  const workbook = original ? await XlsxBytesWorkbook.fromBytes(original) : XlsxBytesWorkbook.empty();
  if (!original) {
    await workbook.apply({ description: "A new workbook", ops: [{ op: "addSheet", sheet: PREVIEW_FIRST_SHEET }] });
  }
  for (const patch of patches) await workbook.apply(patch);
  const bytes = await workbook.toBytes();
  return new Blob([bytes], { type: XLSX_MIME });
}

/** Hands a file to the browser's downloads, without leaving the page. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

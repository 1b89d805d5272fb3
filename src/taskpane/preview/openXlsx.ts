import { MemoryWorkbook } from "../../workbook/memory/memoryWorkbook";
import { importPatch, type ColumnWidths } from "./importSnapshot";

export interface OpenedWorkbook {
  fileName: string;
  /** The file as it was opened: "Download .xlsx" replays the session's changes onto it. */
  bytes: ArrayBuffer;
  workbook: MemoryWorkbook;
}

export class OpenWorkbookError extends Error {}

/**
 * Opens a user's .xlsx in the page: ExcelJS (its browser build, loaded only now) reads the file, the
 * same snapshot reader the command line uses turns it into plain data, and the preview's in-memory
 * workbook is built from that. The file is read where it is and never sent anywhere.
 */
export async function openXlsx(file: File): Promise<OpenedWorkbook> {
  const bytes = await file.arrayBuffer();
  const [excelJs, { snapshotFromExcelJs }] = await Promise.all([
    import(/* webpackChunkName: "exceljs" */ "exceljs"),
    import(/* webpackChunkName: "exceljs" */ "../../workbook/xlsx/excelJsSnapshot"),
  ]);
  const ExcelJS = excelJs.default ?? excelJs;
  const source = new ExcelJS.Workbook();
  try {
    // ExcelJS may take the buffer over; it reads a copy, and the original is kept for the download.
    await source.xlsx.load(bytes.slice(0));
  } catch {
    throw new OpenWorkbookError(
      `${file.name} could not be read as an Excel workbook. If it is an older .xls file or a .csv, open it in Excel, save it as an Excel Workbook (.xlsx) and open that here.`,
    );
  }
  const snapshot = snapshotFromExcelJs(source);
  if (snapshot.sheets.length === 0) throw new OpenWorkbookError(`${file.name} has no sheets.`);
  const widths: ColumnWidths = new Map(
    source.worksheets.map((ws) => [
      ws.name,
      (ws.columns ?? []).flatMap((column, c) => (column.width ? [{ col: c, width: column.width }] : [])),
    ]),
  );
  const workbook = new MemoryWorkbook();
  workbook.applySync(importPatch(snapshot, widths));
  return { fileName: file.name, bytes, workbook };
}

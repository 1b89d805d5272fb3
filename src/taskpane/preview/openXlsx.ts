import { MemoryWorkbook } from "../../workbook/memory/memoryWorkbook";
import { importPatch } from "./importSnapshot";

export interface OpenedWorkbook {
  fileName: string;
  /** The file as it was opened: "Download .xlsx" replays the session's changes onto it. */
  bytes: ArrayBuffer;
  workbook: MemoryWorkbook;
}

export class OpenWorkbookError extends Error {}

/**
 * Opens a user's .xlsx in the page: the .xlsx adapter (with ExcelJS's browser build, both loaded only now)
 * reads the bytes into a snapshot, with the same snapshot reader the command line uses, and the preview's
 * in-memory workbook is built from that. The file is read where it is and never sent anywhere.
 */
export async function openXlsx(file: File): Promise<OpenedWorkbook> {
  const bytes = await file.arrayBuffer();
  const { XlsxBytesWorkbook, UnreadableWorkbookError } = await import(
    /* webpackChunkName: "exceljs" */ "../../workbook/xlsx/xlsxBytes"
  );
  let source: InstanceType<typeof XlsxBytesWorkbook>;
  try {
    // The adapter reads a copy; the original bytes are kept for the download.
    source = await XlsxBytesWorkbook.fromBytes(bytes);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbookError)) throw error;
    throw new OpenWorkbookError(
      `${file.name} could not be read as an Excel workbook. If it is an older .xls file or a .csv, open it in Excel, save it as an Excel Workbook (.xlsx) and open that here.`,
    );
  }
  const snapshot = await source.read({ sheets: "all" });
  if (snapshot.sheets.length === 0) throw new OpenWorkbookError(`${file.name} has no sheets.`);
  const workbook = new MemoryWorkbook();
  workbook.applySync(importPatch(snapshot, source.columnWidths()));
  return { fileName: file.name, bytes, workbook };
}

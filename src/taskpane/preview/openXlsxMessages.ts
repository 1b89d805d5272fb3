import type { MemoryCell } from "../../workbook/memory/memoryWorkbook";
import type { WorkbookPatch } from "../../workbook/types";

/**
 * What the worker that reads an .xlsx (openXlsx.worker.ts) tells the page, in order: progress while
 * ExcelJS reads the file; the workbook's shape (sheets, tables, widths, frozen panes, visibility) as a
 * patch without cells; the cells a few thousand rows at a time, so no one message takes the page long to
 * take in; then done. Or, at any point, why the file could not be read.
 */
export type OpenXlsxMessage =
  | { type: "progress"; text: string }
  /** `protectedSheets`: the sheets protected in the file, which no patch may change (no operation sets it). */
  | { type: "shape"; patch: WorkbookPatch; rows: number; protectedSheets: string[] }
  | { type: "rows"; sheet: string; firstRow: number; rows: (MemoryCell | undefined)[][] }
  | { type: "done" }
  | { type: "error"; unreadable: boolean; message: string };

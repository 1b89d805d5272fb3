import ExcelJS from "exceljs";
import type { SnapshotQuery, WorkbookAdapter, WorkbookPatch, WorkbookSnapshot } from "../types";
import { applyPatchToExcelJs } from "./excelJsPatch";
import { snapshotFromExcelJs } from "./excelJsSnapshot";
import { UserError } from "../../domain/userError";

export class UnreadableWorkbookError extends UserError {}

/** Column widths as the file sets them, per sheet name: not part of a snapshot, but a grid looks right with them. */
export type ColumnWidths = ReadonlyMap<string, { col: number; width: number }[]>;

/**
 * An .xlsx workbook held in memory, opened from and saved to plain bytes. It imports nothing from Node
 * (no files, no paths), so the browser preview can load it; the command line's XlsxWorkbook adds files
 * on top of it. Patches are applied to the ExcelJS model in memory.
 */
export class XlsxBytesWorkbook implements WorkbookAdapter {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  static empty(): XlsxBytesWorkbook {
    return new XlsxBytesWorkbook(newExcelJsWorkbook());
  }

  /** Opens .xlsx bytes. ExcelJS reads a copy: the caller's bytes are left as they were. */
  static async fromBytes(bytes: ArrayBuffer | Uint8Array): Promise<XlsxBytesWorkbook> {
    return new XlsxBytesWorkbook(await loadExcelJsWorkbook(bytes));
  }

  async read(query: SnapshotQuery): Promise<WorkbookSnapshot> {
    return snapshotFromExcelJs(this.workbook, query);
  }

  async apply(patch: WorkbookPatch): Promise<void> {
    applyPatchToExcelJs(this.workbook, patch);
  }

  /** The widths the file gives its columns (0-based), per sheet; columns without a width are left out. */
  columnWidths(): ColumnWidths {
    return new Map(
      this.workbook.worksheets.map((ws) => [
        ws.name,
        (ws.columns ?? []).flatMap((column, c) => (column.width ? [{ col: c, width: column.width }] : [])),
      ]),
    );
  }

  /** The workbook as the bytes of an .xlsx file. */
  async toBytes(): Promise<Uint8Array<ArrayBuffer>> {
    numberPagesOn(this.workbook);
    // ExcelJS gives a Node Buffer (a view that may share a pool) or, in the browser, its own Buffer: a copy
    // into a fresh array is the same plain bytes everywhere.
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}

/**
 * Lets every sheet's page numbers run on from the sheet before, so "Page x of y" counts across the
 * whole printout. ExcelJS gives every sheet it makes, and every sheet it reads without a first page
 * number, firstPageNumber 1, and writes that as useFirstPageNumber="1": each sheet would restart at
 * page 1. A sheet that starts at another number (a user's own choice) keeps it; an explicit 1 cannot be
 * told apart from ExcelJS's default once read, and is taken as automatic.
 */
export function numberPagesOn(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    if (ws.pageSetup?.firstPageNumber === 1) ws.pageSetup.firstPageNumber = undefined;
  }
}

export function newExcelJsWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Inspection Ready";
  return workbook;
}

/** Reads .xlsx bytes into an ExcelJS workbook; UnreadableWorkbookError when they are not an .xlsx file. */
export async function loadExcelJsWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  // ExcelJS may take the buffer over, so it gets a copy.
  const copy = bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes.slice(0));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(copy as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch {
    throw new UnreadableWorkbookError("The bytes are not a readable .xlsx workbook");
  }
  return workbook;
}

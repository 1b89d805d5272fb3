import ExcelJS from "exceljs";
import type { SnapshotQuery, WorkbookAdapter, WorkbookPatch, WorkbookSnapshot } from "../types";
import { applyPatchToExcelJs } from "./excelJsPatch";
import { snapshotFromExcelJs } from "./excelJsSnapshot";
import { mendExcelJsBooleans } from "./excelJsBooleans";
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
export async function loadExcelJsWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  name = "The file",
): Promise<ExcelJS.Workbook> {
  // ExcelJS may take the buffer over, so it gets a copy.
  const copy = bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes.slice(0));
  return readIntoExcelJs(copy, (why) => `${name} ${why}`);
}

/**
 * The one way bytes become an ExcelJS workbook: loaded, then mended where ExcelJS misreads the file (see
 * excelJsBooleans.ts). `unreadable` words the message from why the bytes are not a workbook we can read.
 */
export async function readIntoExcelJs(
  bytes: Uint8Array,
  unreadable: (why: string) => string,
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch {
    throw new UnreadableWorkbookError(unreadable(whyUnreadable(bytes)));
  }
  await mendExcelJsBooleans(workbook, bytes);
  return workbook;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** Whether `text` appears in the bytes as UTF-16LE, as the names of an OLE file's streams are stored. */
function hasUtf16Name(bytes: Uint8Array, text: string): boolean {
  const pattern = [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Why bytes that ExcelJS could not open are not a workbook we can read, and what the user can do, as the
 * rest of a sentence that starts with the file's name. Told apart by their first bytes: an OLE compound
 * file is either an .xlsx saved with a password (Excel encrypts it into one, with an "EncryptionInfo"
 * stream) or an Excel 97–2003 .xls; a zip that will not open is damaged or incomplete; text is a CSV or
 * the like given the wrong name.
 */
export function whyUnreadable(bytes: Uint8Array): string {
  if (bytes.length === 0) {
    return "is empty (0 bytes): it may not have finished saving or copying. Open the original in Excel and save it again as .xlsx";
  }
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return hasUtf16Name(bytes, "EncryptionInfo")
      ? "is protected with a password, so it cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, and clear it), save it, and try again"
      : "is an Excel 97–2003 workbook (.xls) or another older Office file, not an .xlsx. Open it in Excel and save it as an Excel Workbook (.xlsx), then try again";
  }
  if (startsWith(bytes, ZIP_SIGNATURE)) {
    return "is damaged or incomplete (a copy or download cut short?), or is not an Excel workbook. Open it in Excel, which may repair it, and save it again as .xlsx, or use an earlier copy";
  }
  const head = bytes.subarray(0, 4096);
  const text = head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20);
  return text
    ? "is text (a CSV or similar, named as if it were .xlsx), not an Excel workbook. Open it in Excel and save it as an Excel Workbook (.xlsx), then try again"
    : "is not an .xlsx workbook. Open it in Excel and save it as an Excel Workbook (.xlsx), then try again";
}

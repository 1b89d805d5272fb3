import { promises as fs, rmSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { UserError } from "../../domain/userError";
import type { SnapshotQuery, WorkbookSnapshot } from "../types";
import { snapshotFromXlsxBytes } from "./xlsxSnapshotReader";
import {
  UnreadableWorkbookError,
  XlsxBytesWorkbook,
  newExcelJsWorkbook,
  numberPagesOn,
  readIntoExcelJs,
} from "./xlsxBytes";

export { UnreadableWorkbookError };

/** A workbook that could not be saved where it was asked to go: the disk, the folder or its permissions. */
export class SaveError extends UserError {}

/** Writes the workbook's .xlsx bytes to a file; injectable so a full disk can be tried in a test. */
export type XlsxWriter = (workbook: ExcelJS.Workbook, file: string) => Promise<void>;

const writeWithExcelJs: XlsxWriter = (workbook, file) => workbook.xlsx.writeFile(file);

/**
 * An .xlsx file as a backend. Patches are applied in memory; nothing reaches the disk until save(),
 * which writes a temporary file beside the target and renames it, so a failure never leaves a
 * half-written workbook where the user's file was. Reading and writing bytes (all the browser preview
 * needs) is XlsxBytesWorkbook's, which imports nothing from Node.
 */
export class XlsxWorkbook extends XlsxBytesWorkbook {
  static override empty(): XlsxWorkbook {
    return new XlsxWorkbook(newExcelJsWorkbook());
  }

  static async open(file: string): Promise<XlsxWorkbook> {
    return XlsxWorkbook.fromFileBytes(file, await readWorkbookFile(file));
  }

  /** The workbook of a file's bytes, already read; `file` names it in the message when it is unreadable. */
  static async fromFileBytes(file: string, bytes: Buffer): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(await readIntoExcelJs(bytes, (why) => `Cannot open ${file}: it ${why}`));
  }

  /**
   * Writes the workbook to `file` atomically. A failure (no permission, a full disk, a folder of that
   * name) is a SaveError saying what to do, and the temporary file is removed, as it is when the process
   * is interrupted (Ctrl+C, or killed with SIGTERM) while saving.
   */
  async save(file: string, write: XlsxWriter = writeWithExcelJs): Promise<void> {
    // Formulas are written without cached results; ask Excel to calculate them all when it opens the file.
    this.workbook.calcProperties.fullCalcOnLoad = true;
    numberPagesOn(this.workbook);
    await saveAtomically(file, (temp) => write(this.workbook, temp));
  }
}

/**
 * The snapshot of an .xlsx file, for a command that only reads it (validate, project, annex-a without
 * --write): read straight from the file's XML, which gives the same snapshot as ExcelJS in a fraction of
 * the time and memory, or through ExcelJS where that reader declines the file (or fails on it), so an
 * unreadable file gets the same message as ever.
 */
export async function readXlsxSnapshot(file: string, query: SnapshotQuery): Promise<WorkbookSnapshot> {
  const bytes = await readWorkbookFile(file);
  try {
    const snapshot = snapshotFromXlsxBytes(bytes, query);
    if (snapshot) return snapshot;
  } catch {
    // ExcelJS reads it, or says why it cannot.
  }
  return (await XlsxWorkbook.fromFileBytes(file, bytes)).read(query);
}

async function readWorkbookFile(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw new UnreadableWorkbookError(`Cannot open ${file}: ${fileProblem(error, "read")}`);
  }
}

/** Signals that end a save: Ctrl+C, a kill, and the terminal or SSH session closing. */
const INTERRUPTIONS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Writes a file the way every output of the product is written: into a temporary file beside it, then
 * renamed, so a failure never leaves half a file where the user's belongs. A failure (no permission, a
 * full disk, a folder of that name) is a SaveError saying what to do, and the temporary file is removed,
 * as it is when the process is interrupted (Ctrl+C, killed with SIGTERM, or its terminal closed) while saving.
 */
export async function saveAtomically(file: string, write: (temp: string) => Promise<void>): Promise<void> {
  // Named after the file, unless that would make the temporary name too long for the file system (255
  // bytes) where the file's own name is not.
  const base = path.basename(file);
  const shown = Buffer.byteLength(base) <= 180 ? base : "output";
  const temp = path.join(path.dirname(file), `.${shown}.${process.pid}.${Date.now()}.tmp`);
  const removeTemp = () => {
    // Best effort: a temporary file that cannot be removed must not hide why the save failed.
    try {
      rmSync(temp, { force: true });
    } catch {
      /* nothing more can be done */
    }
  };
  // Interrupted mid-save: remove the temporary file, then let the signal end the process as it would have.
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemp();
    stopWatching();
    process.kill(process.pid, signal);
  };
  const stopWatching = () => {
    for (const signal of INTERRUPTIONS) process.off(signal, onSignal);
  };
  for (const signal of INTERRUPTIONS) process.once(signal, onSignal);
  try {
    await write(temp);
    await fs.rename(temp, file);
  } catch (error) {
    removeTemp();
    throw new SaveError(`Cannot save ${file}: ${fileProblem(error, "write")}`);
  } finally {
    stopWatching();
  }
}

/** What a file-system error means for the user, and what to do about it. */
function fileProblem(error: unknown, doing: "read" | "write"): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = doing === "write" ? "choose another folder to save it in" : "copy it somewhere you can read it";
  switch (code) {
    case "ENOENT":
      return doing === "read"
        ? "the file does not exist; check its name and folder"
        : "its folder does not exist; create the folder first, or choose one that exists";
    case "EACCES":
    case "EPERM":
      return `you do not have permission to ${doing} it there; ${where}, or ask whoever manages the folder for access`;
    case "EROFS":
      return `the folder is on a read-only disk; ${where}`;
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full (or your quota is used up); free some space, or choose a folder on another disk";
    case "EISDIR":
      return doing === "read"
        ? "it is a folder, not a file; give the .xlsx file inside it"
        : "that is the name of a folder; name a file (ending .xlsx) instead";
    case "ENOTDIR":
      return "part of the path is a file, not a folder; check the path";
    case "ENAMETOOLONG":
      return "the name is too long for the file system; choose a shorter name or a folder nearer the top";
    case "EMFILE":
    case "ENFILE":
      return "too many files are open; close some programs and try again";
    case "EBUSY":
      return "the file is in use (open in Excel?); close it and try again";
    default:
      return `the file system refused (${code ?? (error instanceof Error ? error.message : String(error))}); check the disk and the folder, and try again`;
  }
}

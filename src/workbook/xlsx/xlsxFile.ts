import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { UnreadableWorkbookError, XlsxBytesWorkbook, newExcelJsWorkbook, numberPagesOn } from "./xlsxBytes";

export { UnreadableWorkbookError };

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
    if (!existsSync(file)) throw new UnreadableWorkbookError(`Cannot open ${file}: the file does not exist`);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.readFile(file);
    } catch {
      throw new UnreadableWorkbookError(`Cannot open ${file}: it is not a readable .xlsx workbook`);
    }
    return new XlsxWorkbook(workbook);
  }

  /** Writes the workbook to `file` atomically. */
  async save(file: string): Promise<void> {
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    // Formulas are written without cached results; ask Excel to calculate them all when it opens the file.
    this.workbook.calcProperties.fullCalcOnLoad = true;
    numberPagesOn(this.workbook);
    try {
      await this.workbook.xlsx.writeFile(temp);
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }
}

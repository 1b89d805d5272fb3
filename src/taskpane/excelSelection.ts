import { splitAddress, type CellSelection } from "./checks/selectionAddress";

/**
 * Goes to a cell in Excel, as clicking a finding does: shows its sheet and selects the cell.
 * Worksheet.activate and Range.select are ExcelApi 1.1.
 */
export async function selectExcelCell(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet); // ExcelApi 1.1
    worksheet.activate(); // ExcelApi 1.1
    worksheet.getRange(cell).select(); // ExcelApi 1.1
    await context.sync();
  });
}

/** The cells the user has selected in Excel, with their sheet (Workbook.getSelectedRange, ExcelApi 1.1). */
export async function readExcelSelection(): Promise<CellSelection> {
  const address = await Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange(); // ExcelApi 1.1
    range.load("address");
    await context.sync();
    return range.address;
  });
  return splitAddress(address);
}

/**
 * Whether this Excel can tell the add-in when people edit a sheet (Worksheet.onChanged, ExcelApi 1.7),
 * which live checking needs. Asked of Office rather than assumed, so an older host gets a message, not a crash.
 */
export function liveChecksSupported(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", "1.7");
  } catch {
    return false;
  }
}

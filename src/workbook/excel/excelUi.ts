/**
 * What the pane asks of Excel beyond reading and writing the workbook: which sheet is in front of the
 * user, going to a cell, the user's selection, and whether live checking is possible. Kept here, with
 * the adapter, so that only this folder calls Office.js.
 */

/** The name of the worksheet the user has open (Worksheet active, ExcelApi 1.1). */
export async function excelActiveSheetName(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet(); // ExcelApi 1.1
    sheet.load("name");
    await context.sync();
    return sheet.name;
  });
}

/** Shows a cell's sheet and selects the cell, as clicking a finding does (ExcelApi 1.1). */
export async function selectExcelCell(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet); // ExcelApi 1.1
    worksheet.activate(); // ExcelApi 1.1
    worksheet.getRange(cell).select(); // ExcelApi 1.1
    await context.sync();
  });
}

/** The address of the user's selection, with its sheet, e.g. "'Action plan'!G2:G4" (ExcelApi 1.1). */
export async function excelSelectionAddress(): Promise<string> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange(); // ExcelApi 1.1
    range.load("address");
    await context.sync();
    return range.address;
  });
}

/**
 * Whether this Excel tells add-ins when people edit a sheet (Worksheet.onChanged, ExcelApi 1.7), which
 * live checking needs. Asked of Office rather than assumed, so an older host gets a message, not a crash.
 */
export function liveChecksSupported(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", "1.7");
  } catch {
    return false;
  }
}

/**
 * Opens .xlsx bytes as a new workbook in a window of its own (Application.createWorkbook, ExcelApi 1.8),
 * leaving the user's workbook as it is: how the pane hands over a committee pack.
 */
export async function openAsNewExcelWorkbook(bytes: Uint8Array): Promise<void> {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  await Excel.createWorkbook(btoa(binary)); // ExcelApi 1.8
}

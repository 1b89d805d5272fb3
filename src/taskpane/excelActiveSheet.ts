/**
 * The name of the worksheet the user has open in Excel. The adapter's snapshot lists sheets but not
 * which one is active, and structuring works on the sheet in front of the user.
 */
export async function excelActiveSheetName(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet(); // ExcelApi 1.1
    sheet.load("name");
    await context.sync();
    return sheet.name;
  });
}

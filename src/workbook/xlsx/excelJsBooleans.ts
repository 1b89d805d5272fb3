import type ExcelJS from "exceljs";
import { attributes, elements, firstBody } from "./xmlText";
import { isSheetProtected, relationships, workbookPartPath, xsdTrue } from "./xlsxParts";
import { zipDirectory, zipEntryText } from "./zipDirectory";

const DAYS_1900_TO_1904 = 1462;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * ExcelJS reads the format's true/false attributes only as "1", and LibreOffice writes "true". Unmended,
 * a workbook LibreOffice saved in the 1904 date system reads as the 1900 one, every date 1,462 days
 * (four years) early, and a sheet LibreOffice protected reads as unprotected, so a command would write
 * into it and a save would drop its protection. This reads the few attributes again from the file and
 * sets on the loaded workbook what ExcelJS missed. It costs one small part (xl/workbook.xml) per file,
 * and a sheet's own XML only where ExcelJS found a <sheetProtection> it did not read as protecting.
 */
export async function mendExcelJsBooleans(workbook: ExcelJS.Workbook, bytes: Uint8Array): Promise<void> {
  const zip = zipDirectory(bytes);
  if (!zip) return;
  const book = await zipEntryText(zip, "xl/workbook.xml");
  if (book === undefined) return;

  const properties = [...elements(book, "workbookPr")][0];
  if (properties && xsdTrue(attributes(properties.attrs).date1904) && !workbook.properties.date1904) {
    workbook.properties.date1904 = true;
    // ExcelJS turned date cells into Dates counting from 1900's day 0; the file counts from 1904's.
    shiftDates(workbook, DAYS_1900_TO_1904 * DAY_MS);
  }

  const unread = workbook.worksheets.filter((ws) => {
    const protection = sheetProtectionOf(ws);
    return protection && !protection.sheet;
  });
  if (unread.length === 0) return;
  const rels = relationships(await zipEntryText(zip, "xl/_rels/workbook.xml.rels"));
  for (const { attrs } of elements(firstBody(book, "sheets") ?? "", "sheet")) {
    const sheet = attributes(attrs);
    const ws = unread.find((w) => w.name === sheet.name);
    const target = rels.get(sheet["r:id"] ?? "");
    if (!ws || target === undefined) continue;
    const xml = await zipEntryText(zip, workbookPartPath(target));
    const cellsEnd = xml?.lastIndexOf("</sheetData>") ?? -1;
    if (xml !== undefined && isSheetProtected(cellsEnd < 0 ? xml : xml.slice(cellsEnd))) {
      sheetProtectionOf(ws)!.sheet = true;
    }
  }
}

/** ExcelJS keeps a sheet's <sheetProtection> here (not in its typings); `sheet` true is what protects. */
function sheetProtectionOf(ws: ExcelJS.Worksheet): { sheet?: boolean } | null | undefined {
  return (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
}

function shiftDates(workbook: ExcelJS.Workbook, ms: number): void {
  const shifted = (date: Date) => new Date(date.getTime() + ms);
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (value instanceof Date) cell.value = shifted(value);
        else if (value && typeof value === "object" && "result" in value && value.result instanceof Date) {
          cell.value = { ...value, result: shifted(value.result) } as ExcelJS.CellValue;
        }
      }),
    );
  }
}

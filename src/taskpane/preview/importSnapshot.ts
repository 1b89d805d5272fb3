import type { CellInput, PatchOp, WorkbookPatch, WorkbookSnapshot } from "../../workbook/types";
// A type only: erased from the build, so the pane's own chunk does not pull in the adapter or ExcelJS.
import type { ColumnWidths } from "../../workbook/xlsx/xlsxBytes";

export type { ColumnWidths };

/** The style the preview gives tables read from a file; the file itself keeps its own. */
const IMPORTED_TABLE_STYLE = "TableStyleMedium2";

/**
 * The patch that builds, on an empty in-memory workbook, the workbook a snapshot describes: its sheets
 * (values, formulas, number formats, merged areas, widths, frozen panes, visibility) and tables. The
 * preview opens a user's .xlsx this way, through the same patch operations every command uses.
 */
export function importPatch(snapshot: WorkbookSnapshot, widths: ColumnWidths = new Map()): WorkbookPatch {
  const ops: PatchOp[] = [];
  for (const sheet of snapshot.sheets) {
    ops.push({ op: "addSheet", sheet: sheet.name });
    const values = sheet.values ?? [];
    if (values.length > 0 && (values[0]?.length ?? 0) > 0) {
      const cells: CellInput[][] = values.map((row, r) =>
        row.map((value, c) => {
          const formula = sheet.formulas?.[r]?.[c];
          return formula ? { formula } : value;
        }),
      );
      ops.push({ op: "writeValues", sheet: sheet.name, row: 0, col: 0, values: cells });
      const formats = sheet.numberFormats;
      if (formats?.some((row) => row.some((format) => format !== "General"))) {
        ops.push({ op: "setNumberFormats", sheet: sheet.name, row: 0, col: 0, formats });
      }
    }
    for (const range of sheet.merges ?? []) ops.push({ op: "mergeCells", sheet: sheet.name, range });
    const sheetWidths = widths.get(sheet.name);
    if (sheetWidths && sheetWidths.length > 0)
      ops.push({ op: "setColumnWidths", sheet: sheet.name, widths: sheetWidths });
    if (sheet.frozenRows > 0 || sheet.frozenColumns > 0) {
      ops.push({ op: "freezePanes", sheet: sheet.name, rows: sheet.frozenRows, columns: sheet.frozenColumns });
    }
  }
  for (const table of snapshot.tables) {
    ops.push({ op: "addTable", sheet: table.sheet, name: table.name, range: table.range, style: IMPORTED_TABLE_STYLE });
  }
  // Hidden sheets last: a workbook must keep a visible sheet at every step.
  for (const sheet of snapshot.sheets) {
    if (sheet.visibility !== "visible") {
      ops.push({ op: "setVisibility", sheet: sheet.name, visibility: sheet.visibility });
    }
  }
  return { description: "Open the workbook", ops };
}

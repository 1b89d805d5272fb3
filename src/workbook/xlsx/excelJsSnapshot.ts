import type ExcelJS from "exceljs";
import { serialFromDate, type DateSystem } from "../serialDates";
import { parseRange } from "../address";
import type { Scalar, SheetSnapshot, SheetVisibility, SnapshotQuery, TableSnapshot, WorkbookSnapshot } from "../types";
import { cellScalar } from "./cellScalar";
import { mergedRanges, tableName, tablesOf } from "./excelJsPatch";

const GENERAL = "General";
/** ExcelJS's value type of a cell that is part of a merged area but not its first cell. */
const MERGE_SLAVE = 1;

/** Reads an ExcelJS workbook into a snapshot: plain values (dates as Excel serials), formats, formulas. */
export function snapshotFromExcelJs(
  workbook: ExcelJS.Workbook,
  query: SnapshotQuery = { sheets: "all" },
): WorkbookSnapshot {
  const wanted = (name: string) =>
    query.sheets === "all" || query.sheets.some((s) => s.toLowerCase() === name.toLowerCase());
  // ExcelJS turns date cells into Dates with the file's date system; they go back to that system's serials.
  const system: DateSystem = workbook.properties?.date1904 ? "1904" : "1900";
  const sheets = workbook.worksheets.map((ws) => snapshotSheet(ws, wanted(ws.name), system));
  const tables: TableSnapshot[] = workbook.worksheets.flatMap((ws) => tablesOf(ws).map((t) => snapshotTable(ws, t)));
  return system === "1904" ? { sheets, tables, dateSystem: system } : { sheets, tables };
}

function snapshotTable(ws: ExcelJS.Worksheet, table: ExcelJS.Table): TableSnapshot {
  const model = (table as unknown as { table: { tableRef?: string; ref: string; columns: { name: string }[] } }).table;
  // A table ExcelJS has just created knows its extent as tableRef; one read from a file, as ref.
  const range = parseRange(model.tableRef ?? model.ref);
  return { name: tableName(table), sheet: ws.name, range, headers: model.columns.map((c) => c.name) };
}

function visibility(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

function frozen(ws: ExcelJS.Worksheet): { rows: number; columns: number } {
  const view = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  if (view?.state !== "frozen") return { rows: 0, columns: 0 };
  return { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
}

/**
 * Whether the sheet is protected: the file's <sheetProtection sheet="1">, which ExcelJS reads into
 * sheetProtection.sheet (an element without sheet="1" protects nothing).
 */
function isProtected(ws: ExcelJS.Worksheet): boolean {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return protection?.sheet === true;
}

function snapshotSheet(ws: ExcelJS.Worksheet, withCells: boolean, system: DateSystem): SheetSnapshot {
  const panes = frozen(ws);
  const base = {
    name: ws.name,
    visibility: visibility(ws.state),
    frozenRows: panes.rows,
    frozenColumns: panes.columns,
    ...(isProtected(ws) ? { protected: true } : {}),
  };
  if (!withCells) return { ...base, values: null, numberFormats: null, formulas: null };
  // Rows are filled as they are read (no object a cell), then padded to one width: sheets of 100,000 rows
  // are read here, and the CLI's time is measured against ExcelJS's own load of the file.
  const values: Scalar[][] = [];
  const numberFormats: string[][] = [];
  const formulas: (string | null)[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const c = colNumber - 1;
      const raw = cell.value;
      let value: Scalar;
      let formula: string | null = null;
      if (cell.type === MERGE_SLAVE && cell.master !== cell) return;
      if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") value = raw;
      else if (raw instanceof Date) value = serialFromDate(raw, system);
      else ({ value, formula } = readCell(cell, system));
      const format = cell.numFmt || GENERAL;
      if (value === null && formula === null && format === GENERAL) return;
      (values[r] ??= [])[c] = value;
      (numberFormats[r] ??= [])[c] = format;
      if (formula !== null) (formulas[r] ??= [])[c] = formula;
      if (c + 1 > width) width = c + 1;
    });
  });
  const height = values.length;
  for (let r = 0; r < height; r++) {
    const v = (values[r] ??= []);
    const f = (numberFormats[r] ??= []);
    const fx = (formulas[r] ??= []);
    for (let c = 0; c < width; c++) {
      if (v[c] === undefined) v[c] = null;
      if (f[c] === undefined) f[c] = GENERAL;
      if (fx[c] === undefined) fx[c] = null;
    }
  }
  return { ...base, values, numberFormats, formulas, merges: mergedRanges(ws) };
}

function readCell(cell: ExcelJS.Cell, system: DateSystem): { value: Scalar; formula: string | null } {
  // ExcelJS answers the master's value for every cell of a merged area; Excel holds it only in the first.
  if (cell.isMerged && cell.master !== cell) return { value: null, formula: null };
  const raw = cell.value;
  if (raw !== null && typeof raw === "object" && !(raw instanceof Date)) {
    if ("formula" in raw || "sharedFormula" in raw) {
      const result = (raw as ExcelJS.CellFormulaValue).result;
      const value = result instanceof Date ? serialFromDate(result, system) : cellScalar(result as ExcelJS.CellValue);
      return { value, formula: `=${cell.formula}` };
    }
  }
  return { value: cellScalar(raw), formula: null };
}

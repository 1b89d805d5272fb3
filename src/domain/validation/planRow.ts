/** What validation sees of a plan: rows of cells by field, each cell with its address for messages. */

export type CellValue = string | number | boolean | null;

export type PlanKindName = "self-evaluation" | "action-plan" | "evidence";

/** The fields rules look at; a plan maps each to a column by its header. */
export type RowField =
  | "ref"
  | "criterion"
  | "action"
  | "item"
  | "lead"
  | "due"
  | "rag"
  | "status"
  | "progress"
  | "evidence"
  | "measure"
  | "updated"
  | "completed";

export interface RowCell {
  /** A1 address, e.g. "G5". */
  address: string;
  /** Column letters, for formulas. */
  column: string;
  value: CellValue;
}

export interface PlanRow {
  sheet: string;
  /** 1-based row number, as users and formulas count. */
  rowNumber: number;
  cells: Partial<Record<RowField, RowCell>>;
  /** Every managed cell of the row, for the Excel-error rule. */
  managed: RowCell[];
}

const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
]);

export function isExcelError(value: CellValue | undefined): boolean {
  return typeof value === "string" && EXCEL_ERRORS.has(value);
}

/** Blank as Excel's LEN(TRIM(x))=0 sees it. */
export function isBlankValue(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

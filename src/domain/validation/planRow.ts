import type { PlanField } from "../plan";

/** What validation sees of a plan: rows of cells by field, each cell with its address for messages. */
export type CellValue = string | number | boolean | null;

/** The fields the rules read: every field but the ones that only place or label a row. */
export type RowField = Exclude<
  PlanField,
  "judgement" | "area" | "district" | "type" | "location" | "reviewedBy" | "checks"
>;

/** Where a table's fields are: shared by all its rows, so a row costs one object however wide it is. */
export interface RowLayout {
  /** Field → 0-based column of the sheet. */
  columns: Partial<Record<PlanField, number>>;
  /** Field → column letters, for addresses and formulas. */
  letters: Partial<Record<PlanField, string>>;
  /** Every managed column (all of the table's but the Checks column), for the Excel-error rule. */
  managed: { col: number; letters: string }[];
}

/** One row of a plan table, read through its layout. */
export class PlanRow {
  constructor(
    readonly sheet: string,
    /** 1-based, as users and formulas count. */
    readonly rowNumber: number,
    private readonly values: readonly CellValue[],
    private readonly layout: RowLayout,
  ) {}

  has(field: PlanField): boolean {
    return this.layout.columns[field] !== undefined;
  }

  value(field: PlanField): CellValue {
    const col = this.layout.columns[field];
    return col === undefined ? null : (this.values[col] ?? null);
  }

  /** "G5": where a field's cell is, for messages. */
  address(field: PlanField): string {
    return `${this.layout.letters[field] ?? "A"}${this.rowNumber}`;
  }

  /** The first managed cell holding an Excel error, if any. */
  excelError(): { address: string; value: string } | null {
    for (const { col, letters } of this.layout.managed) {
      const value = this.values[col];
      if (isExcelError(value)) return { address: `${letters}${this.rowNumber}`, value: value as string };
    }
    return null;
  }

  /** True when any cell of the row holds an Excel error: only then need a rule look for one in its cells. */
  hasExcelError(): boolean {
    for (const value of this.values) if (isExcelError(value)) return true;
    return false;
  }

  /** True when every managed cell is blank: such rows are not checked. */
  isBlank(): boolean {
    for (const { col } of this.layout.managed) if (!isBlankValue(this.values[col])) return false;
    return true;
  }
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
  return typeof value === "string" && value.charCodeAt(0) === 35 && EXCEL_ERRORS.has(value);
}

/** Blank as Excel's LEN(TRIM(x))=0 sees it. */
export function isBlankValue(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

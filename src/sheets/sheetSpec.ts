import type { CellInput } from "../workbook/types";

/** How a managed table sheet is described: its columns, their owners and kinds, as data. */

/**
 * Who may change a column's cells: framework-owned cells may be refreshed; user-owned ones (the
 * council's: actions, leads, dates, RAG, progress, evidence, notes) never are.
 */
export type ColumnOwner = "framework" | "user";

/**
 * What a column holds, which decides its validation and format: "rag" takes the workbook's RAG
 * vocabulary, "status" the sheet's own list of statuses, "criterionRef" a ref from the self-evaluation.
 */
export type ColumnKind = "text" | "longText" | "date" | "time" | "rag" | "status" | "criterionRef";

export interface ColumnSpec<Field extends string = string> {
  /** The field the column holds, the key used in metadata and by readers that find columns by header. */
  field: Field;
  header: string;
  owner: ColumnOwner;
  kind: ColumnKind;
  /** Width in characters. */
  width: number;
}

/** A sheet holding one managed Excel table, described declaratively so every plan kind is built alike. */
export interface TableSheetSpec<Field extends string = string> {
  kind: string;
  /** The sheet name to use, made unique if the workbook already has it. */
  sheetName: string;
  /** The table name to use, made unique likewise (Excel table names are workbook-wide). */
  tableName: string;
  tableStyle: string;
  columns: readonly ColumnSpec<Field>[];
  /** The choices of a "status" column. */
  statuses?: readonly string[];
}

/**
 * A row in the columns' order from values by field; columns without a value are blank. Rows are built
 * by field, so the column order is stated once, in the spec.
 */
export function rowByField<Field extends string>(
  columns: readonly ColumnSpec<Field>[],
  byField: Partial<Record<Field, CellInput>>,
): CellInput[] {
  return columns.map((column) => byField[column.field] ?? null);
}

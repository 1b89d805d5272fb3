import { columnLetters, quoteSheetName } from "../workbook/address";
import type { TableSnapshot } from "../workbook/types";
import { normaliseHeader } from "./headerMatching";
import type { PlanRecord } from "./metadata";

/**
 * The sheet column that holds a field of a managed table: found by the header recorded in the metadata,
 * or, if the user has since changed its case or punctuation, by the same header normalised. Columns are
 * never found by position, so users may reorder and insert columns.
 */
export function fieldColumn(table: TableSnapshot, record: PlanRecord, field: string): number | undefined {
  const header = record.columns[field];
  if (header === undefined) return undefined;
  let index = table.headers.indexOf(header);
  if (index < 0) index = table.headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(header));
  return index < 0 ? undefined : table.range.left + index;
}

/** An absolute reference to rows top..bottom (0-based) of one column, e.g. "'Self-evaluation'!$A$2:$A$37". */
export function columnReference(sheet: string, col: number, top: number, bottom: number): string {
  const letters = columnLetters(col);
  return `${quoteSheetName(sheet)}!$${letters}$${top + 1}:$${letters}$${bottom + 1}`;
}

/** The refs of a self-evaluation table as a list source for other sheets' ref columns. */
export function selfEvaluationRefSource(table: TableSnapshot, record: PlanRecord): string | undefined {
  const col = fieldColumn(table, record, "ref");
  return col === undefined ? undefined : columnReference(table.sheet, col, table.range.top + 1, table.range.bottom);
}

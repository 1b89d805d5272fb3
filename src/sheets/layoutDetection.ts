import type { CellRange, Scalar } from "../workbook/types";
import type { PlanField } from "../domain/plan";
import { headerScore, matchHeaders } from "./headerMatching";

/** How far down a sheet the header row may be: below title blocks, notes and blank rows. */
const HEADER_SEARCH_ROWS = 30;

export interface DetectedLayout {
  /** 0-based row of the headers. */
  headerRow: number;
  /** First and last column of the table-to-be (0-based, inclusive). */
  left: number;
  right: number;
  /** Last row that belongs to the table: the last row with two or more values. */
  lastRow: number;
  /** Field → column index, as matched from the headers. */
  mapping: Map<PlanField, number>;
  /** Rows between the header and lastRow whose only value is a heading such as "2. Capacity". */
  sectionRows: { row: number; text: string }[];
  /** Rows that hold data: not blank, not a heading. */
  dataRows: number[];
}

export function isBlank(value: Scalar | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A header cell as text: what Excel would show, trimmed. */
export function headerText(value: Scalar | undefined): string {
  return isBlank(value) ? "" : String(value).trim();
}

/**
 * Finds where the plan is on a sheet a user made: the row whose cells name the most fields (at least
 * two), the columns in use under it, its last row, and the section headings among its rows.
 */
export function detectLayout(
  values: Scalar[][],
  merges: CellRange[],
  fields: readonly PlanField[],
): DetectedLayout | null {
  let best: { row: number; score: number; mapping: Map<PlanField, number> } | null = null;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, values.length); r++) {
    const headers = (values[r] ?? []).map((v) => (typeof v === "string" ? v : ""));
    const mapping = matchHeaders(headers, fields);
    if (mapping.size < 2) continue;
    const score = [...mapping].reduce((sum, [field, col]) => sum + headerScore(headers[col]!, field), 0);
    if (!best || score > best.score) best = { row: r, score, mapping };
  }
  if (!best) return null;
  const headerRow = best.row;
  const filledCount = (r: number) => (values[r] ?? []).filter((v) => !isBlank(v)).length;

  let lastRow = headerRow + 1;
  for (let r = values.length - 1; r > headerRow; r--) {
    if (filledCount(r) >= 2) {
      lastRow = r;
      break;
    }
  }

  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  for (let r = headerRow; r <= lastRow; r++) {
    (values[r] ?? []).forEach((v, c) => {
      if (isBlank(v)) return;
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  }

  const sectionRows: { row: number; text: string }[] = [];
  const dataRows: number[] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const filled = (values[r] ?? []).map((v, c) => ({ v, c })).filter(({ v }) => !isBlank(v));
    if (filled.length === 0) continue;
    const only = filled.length === 1 ? filled[0]! : null;
    const spansColumns = only && merges.some((m) => m.top === r && m.left === only.c && m.right > m.left);
    if (only && typeof only.v === "string" && (only.c === left || spansColumns)) {
      sectionRows.push({ row: r, text: only.v.trim() });
    } else {
      dataRows.push(r);
    }
  }
  return { headerRow, left, right, lastRow, mapping: best.mapping, sectionRows, dataRows };
}

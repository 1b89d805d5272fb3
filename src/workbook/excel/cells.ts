import type { CellInput, Scalar } from "../types";
import { isFormulaInput } from "../types";

/** What Office.js accepts for one cell of `Range.values` or `Range.formulas`. */
export type ExcelInput = string | number | boolean | null;

/**
 * One cell as Office.js must receive it so that Excel stores exactly what the patch says.
 *
 * Excel treats a string written through `values` or `formulas` as if it were typed: "=…", "+…" and "-…"
 * become formulas, "00123" a number, "2025-01-31" a date, "TRUE" a Boolean. A leading apostrophe is
 * Excel's own "this is text" mark (it is not stored in the cell), so every non-empty string is sent
 * with one and reads back unchanged. Constants are equally valid input to `formulas`, so a block that
 * mixes formulas and values is written through `formulas` with the same encoding.
 *
 * In a 2-D array Office.js reads `null` as "leave this cell alone" and "" as "clear it", so the patch's
 * null (an empty cell) is sent as "", and `undefined` (past the end of a short row) as null.
 */
export function toExcelInput(input: CellInput | undefined): ExcelInput {
  if (input === undefined) return null;
  if (input === null) return "";
  if (isFormulaInput(input)) return input.formula;
  if (typeof input === "string") return input === "" ? "" : `'${input}`;
  return input;
}

/** A block as rectangular rows for Office.js, and whether any cell holds a formula. */
export function encodeBlock(rows: readonly CellInput[][]): { rows: ExcelInput[][]; hasFormula: boolean[] } {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return {
    rows: rows.map((row) => Array.from({ length: width }, (_, c) => toExcelInput(row[c]))),
    hasFormula: rows.map((row) => row.some((cell) => cell !== null && isFormulaInput(cell))),
  };
}

/** Number formats as rectangular rows: null (leave alone) past the end of a short row. */
export function encodeFormats(rows: readonly string[][]): (string | null)[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
}

/** A value read from Excel: an empty cell comes back as "", which a snapshot holds as null. */
export function fromExcelValue(value: unknown): Scalar {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * The formula of a cell, from what `Range.formulas` and `Range.values` returned for it. `formulas` gives
 * a constant for a cell without a formula, and text that merely starts with "=" (written with the
 * apostrophe) reads back the same from both; a real formula's result never equals its own text.
 */
export function formulaOf(formula: unknown, value: unknown): string | null {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula : null;
}

import { cellAddress } from "./address";
import { isFormulaInput, type CellInput, type Scalar, type WorkbookPatch, type WorkbookSnapshot } from "./types";

/**
 * The cells a patch wrote that no longer hold what it wrote, as "Sheet!A1", in the order the patch wrote
 * them: someone has typed there since, and undoing the patch would lose what they typed. On a sheet the
 * patch added (which its undo deletes), any other cell with something in it counts as typed since, too.
 *
 * Values are compared as Excel may read them back: a blank cell as null or "", a number written as text
 * ("1.1") or text read as a number, TRUE/FALSE in either form, formulas without spaces and case.
 * Sheets the snapshot did not read (values null) or no longer holds are skipped: there is nothing to lose.
 */
export function changedSince(patchApplied: WorkbookPatch, snapshot: WorkbookSnapshot): string[] {
  const written = writtenCells(patchApplied);
  const added = new Set(patchApplied.ops.flatMap((op) => (op.op === "addSheet" ? [op.sheet.toLowerCase()] : [])));
  const changed: string[] = [];
  for (const [sheetKey, cells] of written) {
    const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === sheetKey);
    if (!sheet?.values) continue;
    for (const [key, input] of cells) {
      const [row, col] = key.split(",").map(Number) as [number, number];
      const value = sheet.values[row]?.[col] ?? null;
      const formula = sheet.formulas?.[row]?.[col] ?? null;
      if (!sameCell(input, value, formula)) changed.push(`${sheet.name}!${cellAddress(row, col)}`);
    }
  }
  for (const sheet of snapshot.sheets) {
    if (!added.has(sheet.name.toLowerCase()) || !sheet.values) continue;
    const cells = written.get(sheet.name.toLowerCase());
    sheet.values.forEach((values, row) =>
      values.forEach((value, col) => {
        if (cells?.has(`${row},${col}`)) return;
        if (!isBlank(value) || sheet.formulas?.[row]?.[col]) changed.push(`${sheet.name}!${cellAddress(row, col)}`);
      }),
    );
  }
  return changed;
}

/** Sheet (lower case) → "row,col" → what the patch left there: a later write to a cell replaces an earlier. */
function writtenCells(patch: WorkbookPatch): Map<string, Map<string, CellInput>> {
  const written = new Map<string, Map<string, CellInput>>();
  for (const op of patch.ops) {
    if (op.op === "deleteSheet") written.delete(op.sheet.toLowerCase());
    if (op.op !== "writeValues") continue;
    const key = op.sheet.toLowerCase();
    const cells = written.get(key) ?? new Map<string, CellInput>();
    written.set(key, cells);
    op.values.forEach((values, r) => values.forEach((input, c) => cells.set(`${op.row + r},${op.col + c}`, input)));
  }
  return written;
}

/** True when a cell read back as `value` (with `formula`, if any) still holds what was written. */
export function sameCell(input: CellInput, value: Scalar, formula: string | null): boolean {
  if (isFormulaInput(input)) return formula !== null && bareFormula(formula) === bareFormula(input.formula);
  if (formula) return false;
  if (isBlank(input) || isBlank(value)) return isBlank(input) && isBlank(value);
  if (typeof input === typeof value) {
    return typeof input === "number" ? sameNumber(input, value as number) : input === value;
  }
  if (typeof input === "boolean" || typeof value === "boolean") {
    return String(input).toUpperCase() === String(value).toUpperCase();
  }
  // A number and text: Excel turns "1.1" typed into a General cell into 1.1.
  const asNumber = Number(String(typeof input === "string" ? input : value).trim());
  return Number.isFinite(asNumber) && sameNumber(asNumber, (typeof input === "number" ? input : value) as number);
}

function isBlank(value: Scalar): boolean {
  return value === null || value === "";
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function bareFormula(formula: string): string {
  return formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
}

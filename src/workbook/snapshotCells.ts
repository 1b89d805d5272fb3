import type { CellInput, WorkbookSnapshot } from "./types";

/**
 * The current contents of a block of cells as they would be written back: a formula where the cell
 * holds one, else its value. Commands record this as an operation's `before`, so undo restores it.
 */
export function cellsBefore(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  row: number,
  col: number,
  height: number,
  width: number,
): CellInput[][] {
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet?.values) throw new Error(`The snapshot holds no cells of "${sheetName}"; include it in the query`);
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c): CellInput => {
      const formula = sheet.formulas?.[row + r]?.[col + c];
      return formula ? { formula } : (sheet.values![row + r]?.[col + c] ?? null);
    }),
  );
}

/** The current number formats of a block of cells ("General" beyond the used range). */
export function formatsBefore(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  row: number,
  col: number,
  height: number,
  width: number,
): string[][] {
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet?.numberFormats) throw new Error(`The snapshot holds no cells of "${sheetName}"; include it in the query`);
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => sheet.numberFormats![row + r]?.[col + c] ?? "General"),
  );
}

/**
 * The number of columns of the widest row (at least `atLeast`). A loop, not Math.max(...rows): spreading a
 * 100,000-row list into arguments overflows the stack of a browser worker (and of Node at a few 100,000).
 */
export function widestRow(rows: readonly (readonly unknown[])[], atLeast = 0): number {
  let width = atLeast;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}

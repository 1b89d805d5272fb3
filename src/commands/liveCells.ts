import type { Scalar, SheetSnapshot, WorkbookSnapshot } from "../workbook/types";

/** Rows of a sheet, 0-based and inclusive. */
export interface RowSpan {
  top: number;
  bottom: number;
}

/**
 * The rows a change event's address covers ("E5", "E5:G9", "5:7", or several areas separated by commas),
 * or null where it covers whole columns or cannot be read: then every row may have changed.
 */
export function changedRows(address: string): RowSpan | null {
  let span: RowSpan | null = null;
  for (const area of address.split(",")) {
    const rows = areaRows(
      area
        .slice(area.lastIndexOf("!") + 1)
        .replace(/\$/g, "")
        .trim(),
    );
    if (!rows) return null;
    span = span ? { top: Math.min(span.top, rows.top), bottom: Math.max(span.bottom, rows.bottom) } : rows;
  }
  return span;
}

function areaRows(area: string): RowSpan | null {
  const ends = area.split(":").map((end) => /^([A-Za-z]{0,3})(\d+)$/.exec(end));
  if (ends.length > 2 || ends.some((match) => !match)) return null;
  const rows = ends.map((match) => Number(match![2]) - 1);
  return { top: Math.min(...rows), bottom: Math.max(...rows) };
}

/**
 * The snapshot `kept` from an earlier read with the rows of `spans` replaced by those just read in
 * `fresh` (whose sheets read in part say where with firstRow). Names, visibility, protection, tables and
 * the sheets read whole (the metadata) come from `fresh`. Null where the two cannot be put together (a
 * sheet kept without its cells, or gone): the caller then reads everything.
 */
export function mergeRows(
  kept: WorkbookSnapshot,
  fresh: WorkbookSnapshot,
  spans: ReadonlyMap<string, RowSpan>,
): WorkbookSnapshot | null {
  const keptSheets = new Map(kept.sheets.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  const spanOf = new Map([...spans].map(([name, span]) => [name.toLowerCase(), span]));
  const sheets: SheetSnapshot[] = [];
  for (const sheet of fresh.sheets) {
    const before = keptSheets.get(sheet.name.toLowerCase());
    const span = spanOf.get(sheet.name.toLowerCase());
    if (sheet.values !== null && sheet.firstRow === undefined) sheets.push(sheet);
    else if (!before || before.values === null) {
      if (span) return null;
      sheets.push(sheet);
    } else if (sheet.values === null || !span) sheets.push({ ...before, ...baseOf(sheet) });
    else sheets.push(withRows(before, sheet, span));
  }
  return { ...fresh, sheets };
}

/** What a sheet's snapshot says besides its cells. */
function baseOf(sheet: SheetSnapshot): Omit<SheetSnapshot, "values" | "numberFormats" | "formulas" | "merges"> {
  const base: Partial<SheetSnapshot> = { ...sheet };
  for (const cells of ["values", "numberFormats", "formulas", "merges", "firstRow"] as const) delete base[cells];
  return base as Omit<SheetSnapshot, "values" | "numberFormats" | "formulas" | "merges">;
}

/** `before`'s cells with rows top to bottom of `span` replaced by those read in `part` (empty where not read). */
function withRows(before: SheetSnapshot, part: SheetSnapshot, span: RowSpan): SheetSnapshot {
  const first = part.firstRow ?? 0;
  const width = Math.max(before.values![0]?.length ?? 0, part.values![0]?.length ?? 0);
  const height = Math.max(before.values!.length, span.bottom + 1);
  const grid = <T>(kept: T[][] | null, read: T[][] | null, empty: T): T[][] => {
    const rows = (kept ?? []).slice();
    for (let r = 0; r < height; r++) {
      const inSpan = r >= span.top && r <= span.bottom;
      const row = inSpan ? (read?.[r - first] ?? []) : (rows[r] ?? []);
      rows[r] = row.length === width ? row : Array.from({ length: width }, (_, c) => row[c] ?? empty);
    }
    return rows;
  };
  return {
    ...baseOf(part),
    values: grid<Scalar>(before.values, part.values, null),
    // Null where the reads left number formats out (live checking does).
    numberFormats: part.numberFormats && grid(before.numberFormats, part.numberFormats, "General"),
    formulas: grid(before.formulas, part.formulas, null),
    merges: part.merges ?? before.merges ?? [],
  };
}

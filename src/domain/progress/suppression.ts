/**
 * Small numbers from child-level lists can identify a child, so a pack that leaves the performance team
 * shows counts of 1 to 5 as a range, and hides a second cell wherever a total would let a reader work a
 * hidden one out (secondary suppression). 0 is shown: it identifies no one.
 */
export const SUPPRESSION_MAX = 5;

/**
 * What a hidden count shows. "≤5" rather than "<5": the counts hidden are 1 to 5, and a count of 5
 * shown as "less than 5" would be untrue on the page.
 */
export const SUPPRESSED_TEXT = "≤5";

export type ShownCount = number | typeof SUPPRESSED_TEXT;

/**
 * A table of counts, each row with its total in the last column (where it has more than one column) and a
 * total row at the bottom, with
 * small counts hidden and, in every row and column whose total is shown, never exactly one cell hidden:
 * the next smallest cell is hidden with it (a total, where no other cell is left). Returns the table as
 * shown and how many cells were hidden.
 */
export function suppressTable(body: readonly (readonly number[])[]): { shown: ShownCount[][]; suppressed: number } {
  const rows = body.length;
  const width = rows === 0 ? 0 : body[0]!.length;
  // A table of one column needs no row totals: each would only repeat its row's one count.
  const rowTotals = width > 1;
  const grid: number[][] = body.map((row) => (rowTotals ? [...row, sum(row)] : [...row]));
  const cols = rowTotals ? width + 1 : width;
  grid.push(Array.from({ length: cols }, (_, c) => sum(grid.map((row) => row[c]!))));
  const hidden: boolean[][] = grid.map((row) => row.map((n) => n >= 1 && n <= SUPPRESSION_MAX));

  // A line (row or column, totals included) must never have exactly one hidden cell: the others and the
  // total would give it away. Hide more until no line has one; each pass hides at least one cell, so this ends.
  const lines: [number, number][][] = [];
  if (rowTotals) for (let r = 0; r <= rows; r++) lines.push(Array.from({ length: cols }, (_, c) => [r, c]));
  for (let c = 0; c < cols; c++) lines.push(Array.from({ length: rows + 1 }, (_, r) => [r, c]));
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([r, c]) => hidden[r]![c]).length !== 1) continue;
      const candidates = line.filter(([r, c]) => !hidden[r]![c] && grid[r]![c]! > 0);
      if (candidates.length === 0) continue; // only zeros left: a zero reveals nothing more
      const [r, c] = candidates.reduce((a, b) => (grid[b[0]]![b[1]]! < grid[a[0]]![a[1]]! ? b : a));
      hidden[r]![c] = true;
      changed = true;
    }
  }
  let suppressed = 0;
  const shown = grid.map((row, r) =>
    row.map((n, c): ShownCount => {
      if (!hidden[r]![c]) return n;
      suppressed++;
      return SUPPRESSED_TEXT;
    }),
  );
  return { shown, suppressed };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

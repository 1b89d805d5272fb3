import { useEffect, useState } from "react";
import { afterNextPaint } from "../afterPaint";

/** Rows drawn at once when a page of the grid is first shown: more than any screen shows. */
export const FIRST_ROWS = 60;
/** Rows added in each later part, one part a frame. */
export const ROWS_PER_PART = 50;

/**
 * How many of a page's rows to draw now. A new page (another sheet, another page of a long one) starts with
 * FIRST_ROWS and the rest follow a part a frame, so the page never stops answering while 500 rows of cells
 * are made and laid out (that took the page 0.3 s and then 0.3 s more, with a findings sheet of 10,000 rows:
 * issue 14). The same page redrawn after a change keeps every row it has. The row of the active cell is
 * always drawn, so going to a cell far down a page finds it at once.
 *
 * `page` names the page (its sheet and first row; another workbook has another grid); `rows` is how many it
 * has; `needed` is how many must be drawn at least (through the active cell's row, when it is on the page).
 */
export function useRowsInParts(page: string, rows: number, needed: number): number {
  const [drawn, setDrawn] = useState({ page, rows: FIRST_ROWS });
  // Another page: start again from its first rows, in this render (React's way to reset state on a prop).
  let count = drawn.rows;
  if (drawn.page !== page) {
    count = FIRST_ROWS;
    setDrawn({ page, rows: FIRST_ROWS });
  }
  // Rows drawn for the active cell count as drawn: the parts go on from there.
  const shown = Math.min(rows, Math.max(count, needed));
  useEffect(() => {
    if (shown >= rows) return;
    return afterNextPaint(() =>
      setDrawn((now) => (now.page === page ? { page, rows: Math.max(now.rows, shown) + ROWS_PER_PART } : now)),
    );
  }, [page, shown, rows]);
  return shown;
}

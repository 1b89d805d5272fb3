import type { CellInput } from "../workbook/types";
import type { ColumnSpec } from "./sheetSpec";

/** Points per line of 11pt body text, as Excel and LibreOffice lay it out. */
const LINE_HEIGHT = 15;

/**
 * A row height that shows every line of its wrapped cells. Excel fits rows to wrapped text by itself,
 * but LibreOffice does not when it opens an .xlsx, and committee packs are often printed from it; so the
 * writer sets heights. The estimate errs towards a little white space rather than cut-off text: a
 * column of width w (in characters of the digit "0") holds about w characters of ordinary text.
 */
export function rowHeightFor(row: CellInput[], columns: readonly ColumnSpec[]): number {
  let lines = 1;
  columns.forEach((column, c) => {
    const value = row[c];
    if (column.kind !== "longText" || typeof value !== "string") return;
    const perLine = Math.max(1, Math.floor(column.width));
    const needed = value
      .split(/\r?\n/)
      .reduce((total, paragraph) => total + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  return lines * LINE_HEIGHT;
}

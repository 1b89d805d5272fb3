import type { CellInput } from "../workbook/types";

/** Points per line of 11pt body text, as Excel and LibreOffice lay it out. */
export const LINE_HEIGHT = 15;

/** Excel's tallest row. */
const MAX_ROW_HEIGHT = 409;

/**
 * How many lines `text` takes in a wrapped column `width` characters wide (of the digit "0"), breaking
 * between words as a spreadsheet does. A word longer than the line is broken where it must be (and takes
 * the lines it needs); column widths are chosen so that ordinary words never are. Bold text is about a
 * tenth wider, so it gets a tenth less room.
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor(width * (bold ? 0.9 : 1)) - 1);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    let paragraphLines = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= perLine) {
        used = needed;
        continue;
      }
      if (used > 0) paragraphLines++;
      // A word longer than a line runs over as many lines as it fills.
      paragraphLines += Math.floor(Math.max(0, word.length - 1) / perLine);
      used = word.length % perLine || perLine;
    }
    lines += paragraphLines;
  }
  return Math.max(1, lines);
}

/**
 * A row height that shows every line of its wrapped cells. Excel fits rows to wrapped text by itself,
 * but LibreOffice does not when it opens an .xlsx, and committee packs are often printed from it; so the
 * writer sets heights. The estimate errs towards a little white space rather than cut-off text.
 */
export function rowHeightFor(row: readonly CellInput[], columns: readonly { width: number }[], bold = false): number {
  let lines = 1;
  columns.forEach((column, c) => {
    const value = row[c];
    if (typeof value !== "string") return;
    lines = Math.max(lines, wrappedLines(value, column.width, bold));
  });
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}

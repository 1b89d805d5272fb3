import { UserError } from "../../domain/userError";
import { quoteSheetName, rangeAddress } from "../address";
import { jsonBytes } from "./payload";

/**
 * Reading a sheet's cells in pieces that Excel on the web will return. A sync's response may not be over
 * 5 MB, and one range read may not be over 5,000,000 cells (above it Excel has been reported to return
 * null rather than fail). So the used range's size is read first, and its rows then in chunks: each sync
 * carries as many chunks (of one sheet or several) as fit an estimated 4 MB, the 1 MB left over covering
 * what the estimate misses.
 */
export const RESPONSE_BUDGET = 4 * 1024 * 1024;
export const READ_CELL_LIMIT = 5_000_000;

/**
 * Bytes a cell is assumed to cost, as values, formulas and number format together, before any of the
 * sheet has been measured. A plan row of 12 columns costs about 480 bytes in all (40 a cell), so this is
 * generous; a sheet of long texts can still cost more, and then the sync is retried with smaller chunks.
 */
export const GUESSED_CELL_BYTES = 100;

/** Measured row sizes are scaled up by this before chunks are sized from them: rows vary. */
const MARGIN = 1.25;

/**
 * The first rows of a used range read in the same sync as its size, so that a small sheet costs no
 * sync of its own: the used range's intersection with A1:AN1000 (40,000 cells; a 1,000-row plan of 12
 * columns is about 0.5 MB). A window that fails the response limit fails the speculative read, and the
 * adapter reads again the plain way (see ExcelWorkbook.read).
 */
export const WINDOW_ADDRESS = "A1:AN1000";

/** The cells of one used range as Office.js returns them, rows collected chunk by chunk. */
export interface UsedCells {
  /** 0-based position of the used range's top-left cell. */
  top: number;
  left: number;
  values: unknown[][];
  formulas: unknown[][];
  /** Null where the query asked for no number formats. */
  numberFormats: unknown[][] | null;
}

/** One sheet's used range being read. */
export interface CellRead {
  sheet: string;
  /** Size of the used range. */
  rows: number;
  columns: number;
  cells: UsedCells;
  /** Estimated response bytes a row costs; null until measured. */
  bytesPerRow: number | null;
}

interface Chunk {
  read: CellRead;
  /** Rows of the used range, 0-based from its top. */
  start: number;
  count: number;
  range: Excel.Range;
}

export function newCellRead(
  sheet: string,
  top: number,
  left: number,
  rows: number,
  columns: number,
  withFormats = true,
): CellRead {
  return {
    sheet,
    rows,
    columns,
    cells: { top, left, values: [], formulas: [], numberFormats: withFormats ? [] : null },
    bytesPerRow: null,
  };
}

/**
 * What to load of a range's cells: values and formulas always; number formats only where wanted. They
 * are about a quarter of what a plan's cells cost (the bench: 17.5 MB rather than 22.6 MB for 50,000
 * rows), and only a command that writes number formats (and must record the ones it replaces, for undo)
 * needs them; checking takes a date from its column's kind and the cell's serial, not from its format.
 */
export function cellProperties(withFormats: boolean): string {
  return withFormats ? "values,numberFormat,formulas" : "values,formulas";
}

/** What one chunk of rows would cost, given the sheet's row estimate. */
function rowBytes(read: CellRead): number {
  return read.bytesPerRow ?? read.columns * GUESSED_CELL_BYTES;
}

/** The most rows of `read` one range read may take within `budget` bytes: at least one. */
export function rowsPerChunk(read: Pick<CellRead, "columns" | "bytesPerRow">, budget: number): number {
  const byCells = Math.floor(READ_CELL_LIMIT / Math.max(1, read.columns));
  const byBytes = Math.floor(budget / (read.bytesPerRow ?? read.columns * GUESSED_CELL_BYTES));
  return Math.max(1, Math.min(byCells, byBytes));
}

/**
 * Takes rows that Office.js returned for a range of `count` rows into `read`, measuring their size the
 * first time. A values array that is missing or short is an error: Excel returned nothing, and reading
 * that as empty cells would be a silent wrong answer.
 */
export function takeRows(
  read: CellRead,
  start: number,
  count: number,
  range: Pick<Excel.Range, "values" | "formulas" | "numberFormat">,
): void {
  const values = range.values as unknown[][] | null | undefined;
  const formulas = range.formulas as unknown[][] | null | undefined;
  const withFormats = read.cells.numberFormats !== null;
  const formats = withFormats ? (range.numberFormat as unknown[][] | null | undefined) : [];
  if (!Array.isArray(values) || !Array.isArray(formulas) || !Array.isArray(formats) || values.length !== count) {
    const { top, left } = read.cells;
    const address = rangeAddress({
      top: top + start,
      left,
      bottom: top + start + count - 1,
      right: left + read.columns - 1,
    });
    throw new UserError(
      `Excel returned no data for ${quoteSheetName(read.sheet)}!${address}. Nothing was changed: try again, and if ` +
        "it keeps happening, close and reopen the workbook.",
    );
  }
  if (read.bytesPerRow === null && count > 0) {
    const measured = jsonBytes(values) + jsonBytes(formulas) + jsonBytes(formats);
    read.bytesPerRow = Math.ceil((measured / count) * MARGIN);
  }
  read.cells.values.push(...values);
  read.cells.formulas.push(...formulas);
  read.cells.numberFormats?.push(...formats);
}

function isResponseTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Reads the rows of each used range not read yet, in as few syncs as the limits allow. A sheet not yet
 * measured gets one chunk (sized by the guess) in a sync before the rest of it is sized by what that
 * chunk cost. Should a sync's response still be too large, its chunks are read again at half the size.
 */
export async function readRemainingRows(
  context: Excel.RequestContext,
  reads: readonly CellRead[],
  getSheet: (name: string) => Excel.Worksheet,
): Promise<void> {
  const next = (read: CellRead) => read.cells.values.length;
  for (;;) {
    const waiting = reads.filter((read) => next(read) < read.rows);
    if (waiting.length === 0) return;
    let left = RESPONSE_BUDGET;
    const chunks: Chunk[] = [];
    for (const read of waiting) {
      let start = next(read);
      while (start < read.rows && left > 0) {
        const fit = rowsPerChunk(read, left);
        if (chunks.length > 0 && fit * rowBytes(read) > left) break; // not even one row: the next sync
        const count = Math.min(fit, read.rows - start);
        const { top, left: column } = read.cells;
        const address = rangeAddress({
          top: top + start,
          left: column,
          bottom: top + start + count - 1,
          right: column + read.columns - 1,
        });
        const properties = cellProperties(read.cells.numberFormats !== null);
        const range = getSheet(read.sheet).getRange(address).load(properties); // ExcelApi 1.1
        chunks.push({ read, start, count, range });
        left -= count * rowBytes(read);
        start += count;
        if (read.bytesPerRow === null) break; // measure this chunk before sizing more of the sheet
      }
      if (left <= 0) break;
    }
    try {
      // Each sync here carries up to 4 MB of cells: the loop is the chunking, not a sync per item.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!isResponseTooLarge(error)) throw error;
      const single = chunks.length === 1 && chunks[0]!.count === 1;
      if (single) {
        const { read, start } = chunks[0]!;
        throw new UserError(
          `Row ${read.cells.top + start + 1} of ${quoteSheetName(read.sheet)} holds more than Excel can return at ` +
            "once. Shorten the longest cells in that row, then try again.",
        );
      }
      // Nothing of a failed sync is taken: halve the size of every sheet in it and read those rows again.
      for (const read of new Set(chunks.map((chunk) => chunk.read))) {
        const perRow = rowBytes(read);
        const rows = chunks.filter((chunk) => chunk.read === read).reduce((n, chunk) => n + chunk.count, 0);
        read.bytesPerRow = Math.max(perRow * 2, Math.ceil(RESPONSE_BUDGET / Math.max(1, Math.floor(rows / 2))));
      }
      continue;
    }
    for (const { read, start, count, range } of chunks) takeRows(read, start, count, range);
  }
}

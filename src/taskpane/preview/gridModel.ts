import { columnIndex } from "../../workbook/address";
import type { MemorySheet, MemoryTable, MemoryWorkbook } from "../../workbook/memory/memoryWorkbook";
import type { CellStyle, Scalar } from "../../workbook/types";
import { formatNumber } from "./numberFormat";

export { isDateFormat } from "./numberFormat";

/**
 * What the preview grid draws for one sheet of the in-memory workbook: the used range (at least a few
 * empty rows and columns, so a blank sheet still looks like one), each cell's text as Excel would show it,
 * and its look (table header and bands, RAG colours from the sheet's conditional formats).
 */
export interface GridCell {
  text: string;
  /** A formula the preview cannot calculate; shown as written. */
  formula: boolean;
  wrap: boolean;
  role: "tableHeader" | "tableBand" | "tableRow" | "plain";
  style: CellStyle | null;
}

export interface GridModel {
  sheet: string;
  /** Column widths in pixels, one per column. */
  widths: number[];
  /** Rows frozen at the top (the header row of a plan), which stay in view while the grid scrolls. */
  frozenRows: number;
  /** Row heights in pixels where the sheet sets one (a minimum: wrapped text may need more), else null. */
  heights: (number | null)[];
  /** The rows drawn: `rowCount` rows from `firstRow` at most (a long list is drawn a page at a time). */
  rows: GridCell[][];
  /** The sheet row (0-based) of `rows[0]`. */
  firstRow: number;
  /** How many rows the sheet has in all (at least a few), of which `rows` is a window. */
  rowCount: number;
}

/** The rows the grid draws at once: a 100,000-row list drawn whole would hold the page for seconds. */
export const GRID_PAGE_ROWS = 500;

const MIN_ROWS = 15;
const MIN_COLUMNS = 8;
const DEFAULT_WIDTH_CHARS = 8.43;

/**
 * The grid of one sheet, with the cells of rows `firstRow` to `firstRow + GRID_PAGE_ROWS - 1` only: the cells
 * are read straight from the in-memory sheet rather than through a snapshot of it all.
 */
export function gridModel(workbook: MemoryWorkbook, sheetName: string, firstRow = 0): GridModel {
  const sheet = workbook.sheet(sheetName);
  const used = usedSize(sheet);
  const rowCount = Math.max(used.rows, MIN_ROWS);
  const width = Math.max(used.columns, MIN_COLUMNS);
  const start = Math.max(0, Math.min(firstRow, rowCount - 1));
  const end = Math.min(rowCount, start + GRID_PAGE_ROWS);
  const tables = workbook.tables.filter((t) => t.sheet === sheet.name);
  const valueAt = (r: number, c: number): Scalar =>
    r < used.rows && c < used.columns ? (sheet.rows[r]?.[c]?.value ?? null) : null;

  const rows: GridCell[][] = [];
  for (let r = start; r < end; r++) {
    const cells: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      const cell = r < used.rows && c < used.columns ? sheet.rows[r]?.[c] : undefined;
      const formula = cell?.formula ?? null;
      cells.push({
        text: formula ?? cellText(cell?.value ?? null, cell?.numberFormat ?? "General"),
        formula: formula !== null,
        wrap: sheet.wrapped.some((range) => inRange(range, r, c)),
        role: tableRole(tables, r, c),
        style: conditionalStyle(sheet, valueAt, r, c),
      });
    }
    rows.push(cells);
  }
  const widths = Array.from({ length: width }, (_, c) =>
    charsToPixels(sheet.columnWidths.get(c) ?? DEFAULT_WIDTH_CHARS),
  );
  const heights = rows.map((_, i) => {
    const points = sheet.rowHeights?.get(start + i);
    return points === undefined ? null : Math.round((points * 4) / 3);
  });
  return { sheet: sheet.name, widths, heights, frozenRows: sheet.frozen.rows, rows, firstRow: start, rowCount };
}

/** The rows and columns up to the last cell with a value, a formula or a number format, as a snapshot reads them. */
function usedSize(sheet: MemorySheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  sheet.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell && (cell.value !== null || cell.formula !== null || cell.numberFormat !== "General")) {
        rows = r + 1;
        if (c + 1 > columns) columns = c + 1;
      }
    }),
  );
  return { rows, columns };
}

/**
 * A cell's value as text, as its number format shows it: dates as dd/mm/yyyy, times as hh:mm, percentages,
 * fixed decimals (see formatNumber); booleans as Excel writes them.
 */
export function cellText(value: Scalar, numberFormat: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return formatNumber(value, numberFormat);
  return value;
}

/** Excel's column width (characters of the default font) in CSS pixels, as Excel on Windows draws it. */
function charsToPixels(chars: number): number {
  return Math.round(chars * 7 + 5);
}

function inRange(
  range: { top: number; left: number; bottom: number; right: number },
  row: number,
  col: number,
): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

function tableRole(tables: MemoryTable[], row: number, col: number): GridCell["role"] {
  const table = tables.find((t) => inRange(t.range, row, col));
  if (!table) return "plain";
  if (row === table.range.top) return "tableHeader";
  return (row - table.range.top) % 2 === 1 ? "tableBand" : "tableRow";
}

/**
 * The style of the first conditional format whose rule holds for the cell. The preview understands the
 * rules the product writes, `=$G2="Red"` (a cell compared with text or a number); others are skipped.
 */
function conditionalStyle(
  sheet: MemorySheet,
  valueAt: (row: number, col: number) => Scalar,
  row: number,
  col: number,
): CellStyle | null {
  for (const { range, format } of sheet.conditionalFormats) {
    if (!inRange(range, row, col)) continue;
    const rule = /^=\s*(\$?)([A-Za-z]{1,3})(\$?)(\d+)\s*=\s*(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?))\s*$/.exec(
      format.formula,
    );
    if (!rule) continue;
    const [, colAbsolute, letters, rowAbsolute, rowDigits, text, number] = rule;
    const refCol = colAbsolute ? columnIndex(letters!) : columnIndex(letters!) + (col - range.left);
    const refRow = rowAbsolute ? Number(rowDigits) - 1 : Number(rowDigits) - 1 + (row - range.top);
    const value = valueAt(refRow, refCol);
    const matches =
      text !== undefined
        ? typeof value === "string" && value.toLowerCase() === text.replace(/""/g, '"').toLowerCase()
        : typeof value === "number" && value === Number(number);
    if (matches) return format.style;
  }
  return null;
}

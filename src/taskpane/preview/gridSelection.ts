import { parseRange, rangeAddress } from "../../workbook/address";
import type { CellRange } from "../../workbook/types";

/** A 0-based cell of the preview's grid. */
export interface GridPoint {
  row: number;
  col: number;
}

/**
 * The preview grid's selection, as Excel keeps one: the cell it started from (the anchor, which Shift
 * extends from) and the active cell (where the keyboard is), on one sheet.
 */
export interface GridSelection {
  sheet: string;
  anchor: GridPoint;
  active: GridPoint;
}

/** How far the grid reaches: its rows and columns. */
export interface GridBounds {
  rows: number;
  cols: number;
}

export function selectCell(sheet: string, point: GridPoint): GridSelection {
  return { sheet, anchor: point, active: point };
}

/** The selection of one cell given as "G3" (a finding's cell). */
export function selectAddress(sheet: string, cell: string): GridSelection {
  const { top, left } = parseRange(cell);
  return selectCell(sheet, { row: top, col: left });
}

export function selectionRange(selection: GridSelection): CellRange {
  const { anchor, active } = selection;
  return {
    top: Math.min(anchor.row, active.row),
    left: Math.min(anchor.col, active.col),
    bottom: Math.max(anchor.row, active.row),
    right: Math.max(anchor.col, active.col),
  };
}

/** "G2:G3", or "G2" for one cell. */
export function selectionAddress(selection: GridSelection): string {
  return rangeAddress(selectionRange(selection));
}

export function isSelected(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

const PAGE_ROWS = 10;

/**
 * Where a key takes the selection, as in Excel: the arrow keys move the active cell (with Shift they
 * extend the selection from the anchor), Home goes to the row's first column, Ctrl+Home to A1, Ctrl+End to
 * the last cell, Page Up and Page Down by ten rows. Null for a key the grid leaves alone.
 */
export function moveSelection(
  selection: GridSelection,
  key: string,
  modifiers: { shift: boolean; ctrl: boolean },
  bounds: GridBounds,
): GridSelection | null {
  const { row, col } = selection.active;
  const lastRow = Math.max(bounds.rows - 1, 0);
  const lastCol = Math.max(bounds.cols - 1, 0);
  let next: GridPoint;
  switch (key) {
    case "ArrowUp":
      next = { row: modifiers.ctrl ? 0 : row - 1, col };
      break;
    case "ArrowDown":
      next = { row: modifiers.ctrl ? lastRow : row + 1, col };
      break;
    case "ArrowLeft":
      next = { row, col: modifiers.ctrl ? 0 : col - 1 };
      break;
    case "ArrowRight":
      next = { row, col: modifiers.ctrl ? lastCol : col + 1 };
      break;
    case "Home":
      next = modifiers.ctrl ? { row: 0, col: 0 } : { row, col: 0 };
      break;
    case "End":
      next = modifiers.ctrl ? { row: lastRow, col: lastCol } : { row, col: lastCol };
      break;
    case "PageUp":
      next = { row: row - PAGE_ROWS, col };
      break;
    case "PageDown":
      next = { row: row + PAGE_ROWS, col };
      break;
    default:
      return null;
  }
  const active = { row: clamp(next.row, lastRow), col: clamp(next.col, lastCol) };
  return { sheet: selection.sheet, anchor: modifiers.shift ? selection.anchor : active, active };
}

function clamp(n: number, last: number): number {
  return Math.min(Math.max(n, 0), last);
}

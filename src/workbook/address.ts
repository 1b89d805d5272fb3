import type { CellRange } from "./types";

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`Column index ${col} is not valid`);
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`"${letters}" is not a column`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** (0, 0) → "A1". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeAddress(range: CellRange): string {
  const start = cellAddress(range.top, range.left);
  const end = cellAddress(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** Parses "B3" or "B3:D9" (with or without $ and a sheet prefix) into a 0-based range. */
export function parseRange(address: string): CellRange {
  const withoutSheet = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = withoutSheet.replace(/\$/g, "").split(":");
  const cells = parts.map(parseCell);
  const [first, last] = [cells[0], cells[cells.length - 1]];
  if (!first || !last || parts.length > 2) throw new RangeError(`"${address}" is not a cell range`);
  return {
    top: Math.min(first.row, last.row),
    left: Math.min(first.col, last.col),
    bottom: Math.max(first.row, last.row),
    right: Math.max(first.col, last.col),
  };
}

function parseCell(text: string): { row: number; col: number } {
  const match = /^([A-Za-z]{1,3})(\d+)$/.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a cell address`);
  return { col: columnIndex(match[1]!), row: Number(match[2]) - 1 };
}

/**
 * A sheet name as a formula or address needs it. Always quoted: Excel accepts quotes round any name, and
 * a name such as "SEF1", "Q1" or "R2C3" would otherwise be read as a cell address.
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function rangeRows(range: CellRange): number {
  return range.bottom - range.top + 1;
}

export function rangeColumns(range: CellRange): number {
  return range.right - range.left + 1;
}

export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function sameRange(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

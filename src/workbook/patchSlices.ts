import type { PatchOp, WorkbookPatch } from "./types";

/**
 * A patch cut into parts of at most about `maxCells` cells each, in order, for applying a part at a time
 * (the preview applies a 100,000-row write between frames). Writes of values and number formats are cut
 * by rows into writes of the same cells (with the same `before`), so applying the parts in order changes
 * exactly what the whole patch changes; every other operation is one cell's worth and never cut.
 */
export function slicePatch(patch: WorkbookPatch, maxCells: number): PatchOp[][] {
  const parts: PatchOp[][] = [];
  let part: PatchOp[] = [];
  let cells = 0;
  const add = (op: PatchOp, size: number) => {
    if (cells > 0 && cells + size > maxCells) {
      parts.push(part);
      part = [];
      cells = 0;
    }
    part.push(op);
    cells += size;
  };
  for (const op of patch.ops) {
    for (const piece of cutByRows(op, maxCells)) add(piece, cellCount(piece));
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

function cellCount(op: PatchOp): number {
  if (op.op === "writeValues") return Math.max(1, op.values.length * (op.values[0]?.length ?? 0));
  if (op.op === "setNumberFormats") return Math.max(1, op.formats.length * (op.formats[0]?.length ?? 0));
  return 1;
}

function cutByRows(op: PatchOp, maxCells: number): PatchOp[] {
  if (op.op !== "writeValues" && op.op !== "setNumberFormats") return [op];
  const rows = op.op === "writeValues" ? op.values : op.formats;
  const width = Math.max(1, rows[0]?.length ?? 0);
  const step = Math.max(1, Math.floor(maxCells / width));
  if (rows.length <= step) return [op];
  const pieces: PatchOp[] = [];
  for (let first = 0; first < rows.length; first += step) {
    const row = op.row + first;
    if (op.op === "writeValues") {
      pieces.push({
        ...op,
        row,
        values: op.values.slice(first, first + step),
        ...(op.before ? { before: op.before.slice(first, first + step) } : {}),
      });
    } else {
      pieces.push({
        ...op,
        row,
        formats: op.formats.slice(first, first + step),
        ...(op.before ? { before: op.before.slice(first, first + step) } : {}),
      });
    }
  }
  return pieces;
}

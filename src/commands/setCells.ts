import { METADATA_SHEET } from "../sheets/metadata";
import { readPlans } from "../sheets/planTables";
import { cellAddress, parseRange } from "../workbook/address";
import { cellsBefore } from "../workbook/snapshotCells";
import type { PatchOp, Scalar, SnapshotQuery, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { UserError } from "../domain/userError";

export class SetCellsError extends UserError {}

export interface CellWrite {
  sheet: string;
  /** A1 address of one cell. */
  cell: string;
  value: Scalar;
}

export function setCellsQuery(sheets: string[]): SnapshotQuery {
  return { sheets: [...new Set([...sheets, METADATA_SHEET])] };
}

/**
 * Writes the values a user chose (a finding's fix, a suggested RAG), each recording the cell it replaces
 * so Undo restores it. Only ever called with values the user asked for.
 */
export function setCells(
  snapshot: WorkbookSnapshot,
  writes: CellWrite[],
  description: string,
): { patch: WorkbookPatch; report: { cells: number } } {
  const ops: PatchOp[] = writes.map((write) => {
    const { top, left } = parseRange(write.cell);
    if (!snapshot.sheets.some((s) => s.name === write.sheet))
      throw new SetCellsError(`There is no sheet called "${write.sheet}"`);
    return {
      op: "writeValues",
      sheet: write.sheet,
      row: top,
      col: left,
      values: [[write.value]],
      before: cellsBefore(snapshot, write.sheet, top, left, 1, 1),
    };
  });
  return { patch: { description, ops }, report: { cells: ops.length } };
}

/**
 * Sets a RAG status on every cell of a selection, refusing a selection that is not wholly inside the RAG
 * column of a managed plan (naming the cell that is not) or a status outside the workbook's scale.
 */
export function setRag(
  snapshot: WorkbookSnapshot,
  selection: { sheet: string; range: string },
  status: string,
): { patch: WorkbookPatch; report: { cells: number; status: string } } {
  const { vocabulary, plans } = readPlans(snapshot);
  if (!vocabulary.some((s) => s.label === status)) {
    throw new SetCellsError(`"${status}" is not one of ${vocabulary.map((s) => s.label).join(", ")}`);
  }
  const range = parseRange(selection.range);
  const ragColumns = plans.flatMap((plan) => {
    const col = plan.column("rag");
    return plan.sheet.toLowerCase() === selection.sheet.toLowerCase() && col !== undefined
      ? [{ table: plan.table, col }]
      : [];
  });
  const writes: CellWrite[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const inside = ragColumns.some(({ table, col }) => c === col && r > table.range.top && r <= table.range.bottom);
      if (!inside) {
        throw new SetCellsError(
          `${selection.sheet}!${cellAddress(r, c)} is not in the RAG column of a plan; select cells in a RAG column and try again`,
        );
      }
      writes.push({ sheet: selection.sheet, cell: cellAddress(r, c), value: status });
    }
  }
  const { patch } = setCells(snapshot, writes, `Set RAG to ${status} on ${selection.sheet}!${selection.range}`);
  return { patch, report: { cells: writes.length, status } };
}

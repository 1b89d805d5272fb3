import { invertPatch } from "../workbook/invert";
import type { SnapshotQuery, WorkbookAdapter, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { refuseProtectedSheets } from "./protectedSheets";

export interface CommandResult<Report> {
  report: Report;
  patch: WorkbookPatch;
  /** The patch that undoes this one: the pane keeps it for "Undo last change". */
  undo: WorkbookPatch;
}

/**
 * The one way every front end (pane, preview, CLI) runs a command: read what the command asks for, plan
 * purely, then apply. Before anything is applied, a patch that would change a protected sheet is refused
 * (Excel would refuse it part-way, leaving half of it applied), and the inverse is computed, so a patch
 * that could not be undone is refused too.
 */
export async function runCommand<Report>(
  adapter: WorkbookAdapter,
  query: SnapshotQuery,
  plan: (snapshot: WorkbookSnapshot) => { patch: WorkbookPatch; report: Report },
): Promise<CommandResult<Report>> {
  const snapshot = await adapter.read(query);
  const { patch, report } = plan(snapshot);
  refuseProtectedSheets(snapshot, patch);
  const undo = invertPatch(patch);
  await adapter.apply(patch);
  return { report, patch, undo };
}

/**
 * Applies a patch that was planned earlier (an undo step), refusing it first where it would change a sheet
 * that is protected now. The check reads sheet names only: one small read.
 */
export async function applyUnlessProtected(adapter: WorkbookAdapter, patch: WorkbookPatch): Promise<void> {
  if (patch.ops.length === 0) return;
  refuseProtectedSheets(await adapter.read({ sheets: [] }), patch);
  await adapter.apply(patch);
}

import { invertPatch } from "../workbook/invert";
import type { SnapshotQuery, WorkbookAdapter, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";

export interface CommandResult<Report> {
  report: Report;
  patch: WorkbookPatch;
  /** The patch that undoes this one: the pane keeps it for "Undo last change". */
  undo: WorkbookPatch;
}

/**
 * The one way every front end (pane, preview, CLI) runs a command: read what the command asks for, plan
 * purely, then apply. The inverse is computed before applying so a patch that could not be undone is
 * refused before it changes anything.
 */
export async function runCommand<Report>(
  adapter: WorkbookAdapter,
  query: SnapshotQuery,
  plan: (snapshot: WorkbookSnapshot) => { patch: WorkbookPatch; report: Report },
): Promise<CommandResult<Report>> {
  const snapshot = await adapter.read(query);
  const { patch, report } = plan(snapshot);
  const undo = invertPatch(patch);
  await adapter.apply(patch);
  return { report, patch, undo };
}

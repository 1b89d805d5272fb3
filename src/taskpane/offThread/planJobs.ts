// Types only: the page builds jobs without loading the commands that plan them (the worker does).
import type { AnnexARequest, PaneStateRequest } from "../../commands/paneState";
import type { Framework } from "../../domain/framework";
import type { PatchOp, WorkbookPatch } from "../../workbook/types";

/**
 * Work the pane can hand to the preview's worker, described as data (a worker cannot be sent a function):
 * what to read and how to plan, named. The worker and the page run the same planning code on the same
 * workbook, so a job planned off the main thread gives what the command would have given on it.
 */
export type PlanJob =
  { kind: "paneState"; request: PaneStateJobRequest } | { kind: "annexInPlace"; request: AnnexARequest; fix: boolean };

/** The pane state's request with the frameworks themselves in place of the function that finds them. */
export interface PaneStateJobRequest extends Omit<PaneStateRequest, "resolve"> {
  frameworks: readonly Framework[];
}

/** What a job planned: a patch for a command (null for a read such as the pane's state) and its report. */
export interface PlannedJob {
  patch: WorkbookPatch | null;
  report: unknown;
  /** The patch's operations in parts of bounded size, to apply a part at a time; absent: one part. */
  parts?: PatchOp[][];
}

/**
 * Cells per part of a patch planned off the thread: the page takes in and applies one part per task, each
 * well inside 50 ms (halving it measured no shorter longest task: what remains is garbage collection).
 */
export const CELLS_PER_PART = 20_000;

export function paneStateJob(request: PaneStateRequest, frameworks: readonly Framework[]): PlanJob {
  // Everything the request holds but the function, so a part added to the request travels too.
  const data: Partial<PaneStateRequest> = { ...request };
  delete data.resolve;
  return { kind: "paneState", request: { ...data, frameworks } };
}

import type { PlanJob, PlannedJob } from "./planJobs";

/** The work was cancelled: nothing was changed. */
export class WorkCancelledError extends Error {}

export interface OffThreadOptions {
  /** What the worker is doing, in words, as it goes. */
  onProgress?: (text: string) => void;
  /** Aborting ends the worker at once (and rejects with WorkCancelledError); the next job starts another. */
  signal?: AbortSignal;
}

/**
 * Where the pane's session can hand planning to another thread: the preview's workbook with its twin
 * (preview/previewWorkbook.ts), and Excel's with a planning worker (offThreadExcelWorkbook.ts).
 */
export interface OffThreadPlanner {
  planOffThread(job: PlanJob, options?: OffThreadOptions): Promise<PlannedJob>;
  /** Applies here a patch planned off the thread (the preview's twin has applied it to itself already). */
  applyPlanned(planned: PlannedJob): Promise<void>;
}

export function plansOffThread(workbook: object): workbook is OffThreadPlanner {
  return typeof (workbook as Partial<OffThreadPlanner>).planOffThread === "function";
}

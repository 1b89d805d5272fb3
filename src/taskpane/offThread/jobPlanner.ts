import { refuseProtectedSheets } from "../../commands/protectedSheets";
import { invertPatch } from "../../workbook/invert";
import { slicePatch } from "../../workbook/patchSlices";
import type { WorkbookPatch, WorkbookSnapshot } from "../../workbook/types";
import type { FromJobPlanner, ToJobPlanner } from "./planJobMessages";
import { CELLS_PER_PART, type PlanJob } from "./planJobs";
import { planJob } from "./runPlanJob";
import { SnapshotAssembler } from "./snapshotParts";

/**
 * How a worker plans a job, for both workers (Excel's planning worker below, and the preview's twin):
 * the snapshot taken, the job planned, and what it planned posted back: progress, the patch in parts, the
 * report, or why it failed. A patch that would change a protected sheet, or could not be undone, is
 * refused first, as runCommand refuses it, before anything is changed; `accepted` then sees the patch
 * before its parts go (the twin applies it to itself).
 */
export function planAndPost(
  id: number,
  job: PlanJob,
  post: (message: FromJobPlanner) => void,
  options: { snapshot: () => WorkbookSnapshot; cellsPerPart: number; accepted?: (patch: WorkbookPatch) => void },
): void {
  try {
    const snapshot = options.snapshot();
    post({ type: "progress", id, text: job.kind === "annexInPlace" ? "Checking the lists…" : "Checking…" });
    const { patch, report } = planJob(snapshot, job);
    if (patch) {
      refuseProtectedSheets(snapshot, patch);
      invertPatch(patch);
      options.accepted?.(patch);
      for (const ops of slicePatch(patch, options.cellsPerPart)) post({ type: "plannedPart", id, ops });
    }
    post({ type: "planned", id, description: patch?.description ?? null, report });
  } catch (error) {
    post({ type: "failed", id, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The planning worker's side inside Excel, apart from the worker itself so that it can be tested in Node:
 * the workbook lives in Excel, so each job's snapshot comes in parts before the job, and is put together
 * here.
 */
export class JobPlanner {
  private assembler = new SnapshotAssembler();

  constructor(
    private readonly post: (message: FromJobPlanner) => void,
    private readonly cellsPerPart = CELLS_PER_PART,
  ) {}

  handle(message: ToJobPlanner): void {
    if (message.type !== "plan") return this.assembler.add(message);
    const { snapshot } = this.assembler;
    this.assembler = new SnapshotAssembler();
    planAndPost(message.id, message.job, this.post, {
      snapshot: () => {
        if (!snapshot) throw new Error("The workbook had not been sent before the job.");
        return snapshot;
      },
      cellsPerPart: this.cellsPerPart,
    });
  }
}

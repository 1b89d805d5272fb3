import { refuseProtectedSheets } from "../../commands/protectedSheets";
import { invertPatch } from "../../workbook/invert";
import { slicePatch } from "../../workbook/patchSlices";
import type { FromJobPlanner, ToJobPlanner } from "./planJobMessages";
import { CELLS_PER_PART } from "./planJobs";
import { planJob } from "./runPlanJob";
import { SnapshotAssembler } from "./snapshotParts";

/**
 * The planning worker's side, apart from the worker itself so that it can be tested in Node: it puts
 * the snapshot together from its parts, plans the job on it, and sends back the report and the patch in
 * parts. A patch that would change a protected sheet, or could not be undone, is refused here, as
 * runCommand refuses it, before anything reaches Excel.
 */
export class JobPlanner {
  private assembler = new SnapshotAssembler();

  constructor(
    private readonly post: (message: FromJobPlanner) => void,
    private readonly cellsPerPart = CELLS_PER_PART,
  ) {}

  handle(message: ToJobPlanner): void {
    if (message.type !== "plan") return this.assembler.add(message);
    const { id, job } = message;
    const snapshot = this.assembler.snapshot;
    this.assembler = new SnapshotAssembler();
    try {
      if (!snapshot) throw new Error("The workbook had not been sent before the job.");
      this.post({ type: "progress", id, text: job.kind === "annexInPlace" ? "Checking the lists…" : "Checking…" });
      const { patch, report } = planJob(snapshot, job);
      if (patch) {
        refuseProtectedSheets(snapshot, patch);
        invertPatch(patch);
        for (const ops of slicePatch(patch, this.cellsPerPart)) this.post({ type: "plannedPart", id, ops });
      }
      this.post({ type: "planned", id, description: patch?.description ?? null, report });
    } catch (error) {
      this.post({ type: "failed", id, message: error instanceof Error ? error.message : String(error) });
    }
  }
}

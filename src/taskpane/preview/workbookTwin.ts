import type { MemoryWorkbook } from "../../workbook/memory/memoryWorkbook";
import { planAndPost } from "../offThread/jobPlanner";
import { jobQuery } from "../offThread/runPlanJob";
import type { FromTwin, ToTwin } from "./twinMessages";
import { CELLS_PER_PART } from "../offThread/planJobs";

/**
 * The preview workbook's twin, in a worker: the same workbook as the page's, kept in step by the page's
 * patches, on which the pane's heavy planning runs (the pane's state after each change, the Annex A
 * checks, the findings written) so the page keeps answering. Kept apart from the worker's globals so a
 * test can drive it with messages.
 */
export class WorkbookTwin {
  /** Set when a patch could not be applied: the twin then refuses jobs, and the page builds a new one. */
  private broken: string | null = null;

  constructor(
    private readonly workbook: MemoryWorkbook,
    private readonly post: (message: FromTwin) => void,
    private readonly cellsPerPart = CELLS_PER_PART,
  ) {}

  handle(message: ToTwin): void {
    switch (message.type) {
      case "seedSheet":
        this.workbook.sheets.push(message.sheet);
        return;
      case "seedRows":
        this.workbook.putRows(message.sheet, message.firstRow, message.rows);
        return;
      case "seedTables":
        this.workbook.tables.push(...message.tables);
        return;
      case "apply":
        try {
          this.workbook.applySync(message.patch);
        } catch (error) {
          this.broken = error instanceof Error ? error.message : String(error);
          this.post({ type: "outOfStep", message: this.broken });
        }
        return;
      case "plan":
        return this.plan(message.id, message.job);
    }
  }

  private plan(id: number, job: Extract<ToTwin, { type: "plan" }>["job"]): void {
    // The page applies the same patch to its workbook when the parts arrive; this twin applies it first.
    planAndPost(id, job, this.post, {
      snapshot: () => {
        if (this.broken) throw new Error(`The workbook's copy for checking is out of step: ${this.broken}`);
        this.post({ type: "progress", id, text: "Reading the workbook…" });
        return this.workbook.snapshot(jobQuery(job));
      },
      cellsPerPart: this.cellsPerPart,
      accepted: (patch) => this.workbook.applySync(patch),
    });
  }
}

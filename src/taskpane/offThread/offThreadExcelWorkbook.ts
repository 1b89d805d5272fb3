import { applyUnlessProtected } from "../../commands/runCommand";
import { ExcelWorkbook } from "../../workbook/excel/excelWorkbook";
import type { PatchOp, WorkbookSnapshot } from "../../workbook/types";
import { WorkCancelledError, type OffThreadOptions, type OffThreadPlanner } from "./offThreadPlanner";
import { endWorker } from "./endWorker";
import { nextTask } from "./nextTask";
import type { FromJobPlanner, ToJobPlanner } from "./planJobMessages";
import type { PlanJob, PlannedJob } from "./planJobs";
import { snapshotParts } from "./snapshotParts";
import { thousands } from "../../domain/words";

/**
 * Rows read from which a job is planned in the worker. Below this the planning takes the pane a few
 * frames at most, less than starting a worker and sending it the rows would.
 */
export const OFF_THREAD_ROWS = 10_000;
/** Rows per message to the worker: each takes the pane a few milliseconds to send. */
const ROWS_PER_MESSAGE = 2000;

/**
 * Excel's workbook, with the pane's heavy planning (its state after each change, the Annex A checks,
 * writing the findings) moved off the pane's thread when the workbook is large: the pane reads it through
 * Office.js as ever, then sends what it read to a worker in parts and plans there, with progress and a
 * Cancel that stops the worker before anything is written. What is planned is applied as any command's
 * patch is, refused first where it would change a protected sheet.
 */
export class OffThreadExcelWorkbook extends ExcelWorkbook implements OffThreadPlanner {
  private worker: Worker | null = null;
  private nextId = 1;
  /** Jobs go to the worker one at a time: each sends its snapshot in parts, which must not interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly startWorker: () => Promise<Worker>,
    ...excel: ConstructorParameters<typeof ExcelWorkbook>
  ) {
    super(...excel);
  }

  async planOffThread(job: PlanJob, options: OffThreadOptions = {}): Promise<PlannedJob> {
    // The planning code loads with the first job, as the pane's state does (not with the pane).
    const { jobQuery, planJob } = await import(/* webpackChunkName: "plan-job-code" */ "./runPlanJob");
    options.onProgress?.("Reading the workbook…");
    const snapshot = await this.read(jobQuery(job));
    if (options.signal?.aborted) throw cancelled();
    // A change to a protected sheet is refused when it is applied (applyPlanned), as Excel holds it then.
    if (rowsIn(snapshot) < OFF_THREAD_ROWS) return planJob(snapshot, job);
    const turn = this.queue.then(() => this.planInWorker(snapshot, job, options));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  async applyPlanned(planned: PlannedJob): Promise<void> {
    if (planned.patch) await applyUnlessProtected(this, planned.patch);
  }

  private async planInWorker(snapshot: WorkbookSnapshot, job: PlanJob, options: OffThreadOptions): Promise<PlannedJob> {
    if (options.signal?.aborted) throw cancelled();
    const worker = (this.worker ??= await this.startWorker());
    const id = this.nextId++;
    const send = (message: ToJobPlanner) => worker.postMessage(message);
    return new Promise<PlannedJob>((resolve, reject) => {
      const parts: PatchOp[][] = [];
      /** Settled one way or another: nothing more is sent, and a Cancel after the job no longer ends its worker. */
      let ended = false;
      // Between jobs the worker is kept for the next one; if it stops meanwhile (its page crashed, say), it is
      // forgotten, so the next job starts another rather than waiting for ever on one that cannot answer.
      const idle = () => {
        worker.onmessage = null;
        worker.onerror = () => this.forget(worker);
      };
      const succeed = (planned: PlannedJob) => {
        ended = true;
        idle();
        resolve(planned);
      };
      const fail = (error: Error, endIt: boolean) => {
        if (ended) return;
        ended = true;
        // The worker may be part-way through the parts or the job: it is ended, and the next job starts another.
        if (endIt) this.forget(worker);
        else idle();
        reject(error);
      };
      // Cancelled while the worker was starting: the listener below would never hear it.
      if (options.signal?.aborted) return fail(cancelled(), true);
      options.signal?.addEventListener("abort", () => fail(cancelled(), true), { once: true });
      worker.onerror = (event) => fail(new Error(event.message || "The workbook could not be checked."), true);
      worker.onmessage = (event: MessageEvent<FromJobPlanner>) => {
        const message = event.data;
        if (message.id !== id) return;
        switch (message.type) {
          case "progress":
            return options.onProgress?.(message.text);
          case "plannedPart":
            return void parts.push(message.ops);
          case "planned":
            return succeed({
              patch: message.description === null ? null : { description: message.description, ops: parts.flat() },
              report: message.report,
              parts,
            });
          case "failed":
            return fail(new Error(message.message), false);
        }
      };
      void (async () => {
        options.onProgress?.(`Sending ${thousands(rowsIn(snapshot))} rows to be checked…`);
        for (const part of snapshotParts(snapshot, ROWS_PER_MESSAGE)) {
          if (ended) return;
          send(part);
          await nextTask();
        }
        if (!ended) send({ type: "plan", id, job });
      })();
    });
  }

  /** Ends `worker`, and forgets it if it is still the one jobs go to. */
  private forget(worker: Worker): void {
    endWorker(worker);
    if (this.worker === worker) this.worker = null;
  }
}

function rowsIn(snapshot: WorkbookSnapshot): number {
  return snapshot.sheets.reduce((n, sheet) => n + (sheet.values?.length ?? 0), 0);
}

const cancelled = () => new WorkCancelledError("Cancelled: nothing was changed.");

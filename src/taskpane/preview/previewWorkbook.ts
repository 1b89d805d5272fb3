import { MemoryWorkbook } from "../../workbook/memory/memoryWorkbook";
import { invertPatch } from "../../workbook/invert";
import type { PatchOp, WorkbookPatch } from "../../workbook/types";
import { endWorker } from "../offThread/endWorker";
import { nextTask } from "../offThread/nextTask";
import { WorkCancelledError, type OffThreadOptions, type OffThreadPlanner } from "../offThread/offThreadPlanner";
import type { PlanJob, PlannedJob } from "../offThread/planJobs";
import type { FromTwin, ToTwin } from "./twinMessages";

/** Rows of cells per message while building a twin: each message takes the page a few milliseconds. */
const ROWS_PER_MESSAGE = 2000;

/**
 * The preview's in-memory workbook with a twin in a worker (workbookTwin.ts), so the pane's heavy planning
 * (its state after each change, the Annex A checks, writing the findings) runs off the page's main thread.
 * Every patch applied here is sent to the twin; a cancelled job ends the worker, and the next job builds a
 * new twin from this workbook, a part at a time so the page keeps answering.
 */
export class PreviewWorkbook extends MemoryWorkbook implements OffThreadPlanner {
  private nextId = 1;
  /** Set by a patch applied while a twin was being built: that twin may hold cells from before and after. */
  private changedWhileBuilding = false;
  private readonly waiting = new Map<
    number,
    {
      resolve: (planned: PlannedJob) => void;
      reject: (error: Error) => void;
      onProgress?: (text: string) => void;
      parts: PatchOp[][];
    }
  >();

  private worker: Worker | null = null;

  /** `startWorker` starts a worker that becomes a twin as it is sent this workbook, when one is first needed. */
  constructor(private readonly startWorker: () => Worker) {
    super();
  }

  /** Takes as its twin a worker that already holds this workbook (the one that opened the file). */
  adoptTwin(worker: Worker): void {
    this.endTwin();
    this.worker = this.listen(worker);
  }

  override async apply(patch: WorkbookPatch): Promise<void> {
    this.applySync(patch);
    this.changedWhileBuilding = true;
    this.worker?.postMessage({ type: "apply", patch } satisfies ToTwin);
  }

  /**
   * A part at a time, letting the page answer between parts. The twin applied the same patch to the same
   * workbook, so no part should fail; if one does, the parts applied are undone and the twin, no longer
   * the same workbook, is ended (the next job builds a new one).
   */
  async applyPlanned(planned: PlannedJob): Promise<void> {
    if (!planned.patch) return;
    const { description } = planned.patch;
    const parts = planned.parts ?? [planned.patch.ops];
    const newSheets = new Set(
      planned.patch.ops.flatMap((op) => (op.op === "addSheet" ? [op.sheet.toLowerCase()] : [])),
    );
    const done: PatchOp[] = [];
    try {
      for (const [i, ops] of parts.entries()) {
        if (i > 0) await nextTask();
        // Each part all or nothing; the parts before a failing one are undone below, as one patch (a
        // part that writes on a sheet an earlier part added is undone by deleting the sheet).
        this.applySync({ description, ops }, { newSheets });
        for (const op of ops) done.push(op);
      }
    } catch (error) {
      if (done.length > 0) this.applySync(invertPatch({ description, ops: done }));
      this.endTwin();
      throw error;
    }
  }

  async planOffThread(job: PlanJob, options: OffThreadOptions = {}): Promise<PlannedJob> {
    if (options.signal?.aborted) throw new WorkCancelledError("Cancelled: nothing was changed.");
    const worker = this.worker ?? (await this.buildTwin(options));
    const id = this.nextId++;
    return new Promise<PlannedJob>((resolve, reject) => {
      this.waiting.set(id, {
        resolve,
        reject,
        parts: [],
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      options.signal?.addEventListener(
        "abort",
        () => {
          // The worker is busy with the job and cannot be asked to stop: it is ended, with the twin.
          this.endTwin(new WorkCancelledError("Cancelled: nothing was changed."));
        },
        { once: true },
      );
      worker.postMessage({ type: "plan", id, job } satisfies ToTwin);
    });
  }

  /** Ends the twin's worker (another workbook is shown, or a job was cancelled); jobs waiting are rejected. */
  endTwin(reason: Error = new Error("The workbook was closed.")): void {
    if (this.worker) endWorker(this.worker);
    this.worker = null;
    for (const { reject } of this.waiting.values()) reject(reason);
    this.waiting.clear();
  }

  private listen(worker: Worker): Worker {
    worker.onmessage = (event: MessageEvent<FromTwin>) => {
      const message = event.data;
      if (message.type === "outOfStep") {
        this.endTwin(new Error(`The preview's copy for checking fell out of step (${message.message}); try again.`));
        return;
      }
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      if (message.type === "progress") return waiter.onProgress?.(message.text);
      if (message.type === "plannedPart") return void waiter.parts.push(message.ops);
      this.waiting.delete(message.id);
      if (message.type === "failed") return waiter.reject(new Error(message.message));
      const { description, report } = message;
      const patch = description === null ? null : { description, ops: waiter.parts.flat() };
      waiter.resolve({ patch, report, parts: waiter.parts });
    };
    worker.onerror = (event) => this.endTwin(new Error(event.message || "The preview's worker stopped."));
    return worker;
  }

  /** A new twin, sent this workbook a sheet and a few thousand rows at a time, yielding to the page between. */
  private async buildTwin(options: OffThreadOptions): Promise<Worker> {
    options.onProgress?.("Preparing the workbook for checking…");
    this.changedWhileBuilding = false;
    const worker = this.startWorker();
    // The worker can fail (its code not loading) while it is being sent the workbook, between parts: an
    // error with no handler is lost, and the job would then wait for ever for a twin that never answers.
    let failed: Error | null = null;
    worker.onerror = (event) => void (failed ??= new Error(event.message || "The preview's worker stopped."));
    const stopIfEnded = () => {
      const reason = options.signal?.aborted ? new WorkCancelledError("Cancelled: nothing was changed.") : failed;
      if (reason) throw reason;
    };
    const send = (message: ToTwin) => worker.postMessage(message);
    try {
      for (const sheet of this.sheets) {
        send({ type: "seedSheet", sheet: { ...sheet, rows: [] } });
        for (let first = 0; first < sheet.rows.length; first += ROWS_PER_MESSAGE) {
          stopIfEnded();
          send({
            type: "seedRows",
            sheet: sheet.name,
            firstRow: first,
            rows: sheet.rows.slice(first, first + ROWS_PER_MESSAGE),
          });
          await nextTask();
        }
      }
      stopIfEnded();
      send({ type: "seedTables", tables: this.tables });
    } catch (error) {
      // Whatever stopped the seeding (a Cancel, the worker failing, a cell that cannot be sent): the
      // half-built twin goes with it.
      endWorker(worker);
      throw error;
    }
    if (this.changedWhileBuilding) {
      endWorker(worker);
      return this.buildTwin(options);
    }
    this.worker = this.listen(worker);
    return worker;
  }
}

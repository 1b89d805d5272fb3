import { serialFromYmd } from "../../src/domain/dates";
import { JobPlanner } from "../../src/taskpane/offThread/jobPlanner";
import { OFF_THREAD_ROWS, OffThreadExcelWorkbook } from "../../src/taskpane/offThread/offThreadExcelWorkbook";
import { WorkCancelledError } from "../../src/taskpane/offThread/offThreadPlanner";
import type { PlanJob } from "../../src/taskpane/offThread/planJobs";
import type { ToJobPlanner } from "../../src/taskpane/offThread/planJobMessages";
import { jobQuery, planJob } from "../../src/taskpane/offThread/runPlanJob";
import { SnapshotAssembler, snapshotParts } from "../../src/taskpane/offThread/snapshotParts";
import { importPatch } from "../../src/taskpane/preview/importSnapshot";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import type { WorkbookSnapshot } from "../../src/workbook/types";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { contactRow, OFSTED_TEMPLATE } from "../fixtures/annexA";
import { FakeExcel } from "../support/fakeOffice";

const today = serialFromYmd(2026, 12, 2);

/**
 * A worker as the browser gives one, in process: messages copied (structured clone) and delivered in a
 * later task each way, the planner's side the same JobPlanner the real worker runs.
 */
class InProcessWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received = 0;
  private readonly planner = new JobPlanner((message) =>
    setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(message) } as MessageEvent)),
  );
  postMessage(message: ToJobPlanner): void {
    const copy = structuredClone(message);
    this.received++;
    setTimeout(() => !this.terminated && this.planner.handle(copy));
  }
  terminate(): void {
    this.terminated = true;
  }
  /**
   * An error the worker met as it was ended, delivered afterwards to whatever handler it still has, as
   * Chromium delivers a script load that termination cut short ("Failed to execute 'importScripts'").
   */
  reportLateError(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
  /** The worker stops of itself: it reports the error and never answers a message again. */
  stop(message: string): void {
    this.terminated = true;
    this.onerror?.({ message } as ErrorEvent);
  }
}

/** Ofsted's template in the fake Excel, List 1 filled with `rows` children, one in ten with ethnicity in words. */
async function excelWithList(rows: number): Promise<FakeExcel> {
  const fake = new FakeExcel();
  fake.model.addSheet("Sheet1");
  const excel = new ExcelWorkbook(fake as never);
  const template = await (await XlsxWorkbook.open(OFSTED_TEMPLATE)).read({ sheets: "all" });
  await excel.apply(importPatch(template));
  const values = Array.from({ length: rows }, (_, i) => contactRow(i));
  await excel.apply({ description: "the list", ops: [{ op: "writeValues", sheet: "List_1", row: 2, col: 0, values }] });
  return fake;
}

const annexJob = (fix: boolean): PlanJob => ({ kind: "annexInPlace", request: { asOf: null, today }, fix });

function planner(fake: FakeExcel) {
  const started: InProcessWorker[] = [];
  const workbook = new OffThreadExcelWorkbook(async () => {
    const worker = new InProcessWorker();
    started.push(worker);
    return worker as unknown as Worker;
  }, fake as never);
  return { workbook, started };
}

/** A job cancelled as its rows are being sent to the worker, as a user's Cancel during "Sending … rows" is. */
function cancelledWhileSending(workbook: OffThreadExcelWorkbook, job: PlanJob) {
  const controller = new AbortController();
  return workbook.planOffThread(job, {
    signal: controller.signal,
    onProgress: (text) => text.startsWith("Sending") && controller.abort(),
  });
}

describe("a snapshot sent to a worker in parts", () => {
  it("is put together again exactly, sheets without cells, formulas and the date system included", () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: "List_1",
          visibility: "visible",
          values: Array.from({ length: 5 }, (_, r) => [r, `row ${r}`, null]),
          formulas: Array.from({ length: 5 }, (_, r) => [null, null, r === 3 ? "=A4*2" : null]),
          numberFormats: null,
          frozenRows: 2,
          frozenColumns: 0,
          protected: true,
        },
        {
          name: "Notes",
          visibility: "hidden",
          values: null,
          formulas: null,
          numberFormats: null,
          frozenRows: 0,
          frozenColumns: 0,
        },
      ],
      tables: [],
      dateSystem: "1904",
    };
    const assembler = new SnapshotAssembler();
    const parts = [...snapshotParts(snapshot, 2)];
    expect(parts.map((p) => p.type)).toEqual(["sheet", "rows", "rows", "rows", "sheet", "end"]);
    for (const part of parts) assembler.add(structuredClone(part));
    expect(assembler.snapshot).toEqual(snapshot);
  });
});

describe("planning in Excel off the pane's thread", () => {
  it(`plans a list of ${OFF_THREAD_ROWS.toLocaleString("en-GB")} rows or more in the worker, as the pane's thread would`, async () => {
    const fake = await excelWithList(OFF_THREAD_ROWS + 500);
    const { workbook, started } = planner(fake);
    const progress: string[] = [];
    const planned = await workbook.planOffThread(annexJob(false), { onProgress: (text) => progress.push(text) });
    expect(started).toHaveLength(1);
    expect(started[0]!.received).toBeGreaterThan(5); // the rows went in parts
    const onThread = planJob(await workbook.read(jobQuery(annexJob(false))), annexJob(false));
    expect(planned.patch).toEqual(onThread.patch);
    expect(planned.report).toEqual(onThread.report);
    // Every sheet's rows are sent (the template's other lists have their headers), counted as the UK writes them.
    expect(progress).toEqual([
      "Reading the workbook…",
      expect.stringMatching(/^Sending 10,\d{3} rows to be checked…$/),
      "Checking the lists…",
    ]);
    // Applied as a command's patch: the findings sheet is in Excel.
    await workbook.applyPlanned(planned);
    expect(fake.model.findSheet("Annex A findings")).toBeDefined();
  });

  it("plans a small workbook on the pane's thread, with no worker", async () => {
    const fake = await excelWithList(50);
    const { workbook, started } = planner(fake);
    const planned = await workbook.planOffThread(annexJob(false));
    expect(started).toHaveLength(0);
    expect(planned.patch?.ops.length).toBeGreaterThan(0);
  });

  it("Cancel ends the worker and nothing is written; the next job starts another", async () => {
    const fake = await excelWithList(OFF_THREAD_ROWS + 500);
    const { workbook, started } = planner(fake);
    await expect(cancelledWhileSending(workbook, annexJob(true))).rejects.toBeInstanceOf(WorkCancelledError);
    expect(started[0]!.terminated).toBe(true);
    expect(fake.model.findSheet("Annex A findings")).toBeUndefined();
    const again = await workbook.planOffThread(annexJob(false));
    expect(started).toHaveLength(2);
    expect(again.report).toBeDefined();
  });

  it("a worker ended by Cancel that reports an error afterwards leaves the next job's worker alone", async () => {
    const fake = await excelWithList(OFF_THREAD_ROWS + 500);
    const { workbook, started } = planner(fake);
    await expect(cancelledWhileSending(workbook, annexJob(false))).rejects.toBeInstanceOf(WorkCancelledError);
    // While the next job sends its rows to a new worker, the ended one's error arrives.
    const again = await workbook.planOffThread(annexJob(false), {
      onProgress: (text) => text.startsWith("Sending") && started[0]!.reportLateError("importScripts failed"),
    });
    expect(started).toHaveLength(2);
    expect(started[1]!.terminated).toBe(false);
    expect(again.report).toEqual(planJob(await workbook.read(jobQuery(annexJob(false))), annexJob(false)).report);
  });

  it("a worker that stops between two jobs is replaced by the next job, which does not wait on it", async () => {
    const fake = await excelWithList(OFF_THREAD_ROWS + 500);
    const { workbook, started } = planner(fake);
    await workbook.planOffThread(annexJob(false));
    // The kept worker stops while no job is running: it reports the error and will never answer again.
    started[0]!.stop("The worker's page crashed");
    const again = await workbook.planOffThread(annexJob(false));
    expect(started).toHaveLength(2);
    expect(again.report).toEqual(planJob(await workbook.read(jobQuery(annexJob(false))), annexJob(false)).report);
  });

  it("a change to a protected sheet is refused in the worker, before anything reaches Excel", async () => {
    const fake = await excelWithList(OFF_THREAD_ROWS + 500);
    fake.model.sheet("List_1").protected = true;
    const { workbook, started } = planner(fake);
    await expect(workbook.planOffThread(annexJob(true))).rejects.toThrow(
      'The sheet "List_1" is protected, so nothing was changed.',
    );
    expect(started).toHaveLength(1);
    expect(fake.model.findSheet("Annex A findings")).toBeUndefined();
  });
});

import { WorkCancelledError } from "../../src/taskpane/offThread/offThreadPlanner";
import { paneStateJob } from "../../src/taskpane/offThread/planJobs";
import { PreviewWorkbook } from "../../src/taskpane/preview/previewWorkbook";
import type { ToTwin } from "../../src/taskpane/preview/twinMessages";
import { WorkbookTwin } from "../../src/taskpane/preview/workbookTwin";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { slicePatch } from "../../src/workbook/patchSlices";
import type { WorkbookPatch } from "../../src/workbook/types";

const noWorker = () => {
  throw new Error("no worker in this test");
};

const aList: WorkbookPatch = {
  description: "a list",
  ops: [
    { op: "addSheet", sheet: "List_1" },
    { op: "writeValues", sheet: "List_1", row: 0, col: 0, values: [["Child"], ["C1"], ["C2"]] },
  ],
};

function listWorkbook(): PreviewWorkbook {
  const workbook = new PreviewWorkbook(noWorker);
  workbook.applySync(aList);
  return workbook;
}

const findings = (rows: number): WorkbookPatch => ({
  description: "Write the findings",
  ops: [
    { op: "addSheet", sheet: "Findings" },
    {
      op: "writeValues",
      sheet: "Findings",
      row: 0,
      col: 0,
      values: Array.from({ length: rows }, (_, r) => [`F${r}`, r]),
    },
    { op: "writeValues", sheet: "List_1", row: 1, col: 1, values: [["seen"]], before: [[null]] },
  ],
});

test("a planned patch applied in parts gives what the whole patch gives", async () => {
  const whole = listWorkbook();
  whole.applySync(findings(1_000));
  const parted = listWorkbook();
  const patch = findings(1_000);
  await parted.applyPlanned({ patch, report: null, parts: slicePatch(patch, 300) });
  expect(parted.snapshot()).toEqual(whole.snapshot());
});

test("a part that fails leaves the workbook as it was before the first part, later parts on the added sheet included", async () => {
  const workbook = listWorkbook();
  const before = workbook.snapshot();
  const patch = findings(1_000);
  const parts = slicePatch(patch, 300);
  parts.push([{ op: "writeValues", sheet: "No such sheet", row: 0, col: 0, values: [["x"]] }]);
  await expect(workbook.applyPlanned({ patch, report: null, parts })).rejects.toThrow(
    'There is no sheet called "No such sheet"',
  );
  expect(workbook.snapshot()).toEqual(before);
});

/**
 * A twin's worker as the browser gives one, in process: messages copied and delivered in a later task each
 * way, the twin the same WorkbookTwin the real worker runs.
 */
class InProcessTwinWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  private readonly twin = new WorkbookTwin(new MemoryWorkbook(), (message) =>
    setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(message) } as MessageEvent)),
  );
  postMessage(message: ToTwin): void {
    const copy = structuredClone(message);
    setTimeout(() => !this.terminated && this.twin.handle(copy));
  }
  terminate(): void {
    this.terminated = true;
  }
  /** An error met as the worker was ended, delivered afterwards to whatever handler it still has (Chromium does). */
  reportLateError(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
  /** The worker's code failed to load: it reports the error and never answers a message. */
  failToLoad(message: string): void {
    this.terminated = true;
    this.onerror?.({ message } as ErrorEvent);
  }
}

/** A preview workbook whose twins run in process, with every worker it has started, in order. */
function withInProcessTwins(): { workbook: PreviewWorkbook; started: InProcessTwinWorker[] } {
  const started: InProcessTwinWorker[] = [];
  const workbook = new PreviewWorkbook(() => {
    const worker = new InProcessTwinWorker();
    started.push(worker);
    return worker as unknown as Worker;
  });
  return { workbook, started };
}

test("a twin ended by Cancel that reports an error afterwards leaves the next twin alone", async () => {
  const { workbook, started } = withInProcessTwins();
  workbook.applySync(aList);
  const job = paneStateJob({ resolve: () => undefined }, []);
  const controller = new AbortController();
  // Cancelled once the twin is working on the job (its own progress, after the page's "Preparing…").
  const fromTwin = (text: string) => !text.startsWith("Preparing");
  const first = workbook.planOffThread(job, {
    signal: controller.signal,
    onProgress: (text) => fromTwin(text) && controller.abort(),
  });
  await expect(first).rejects.toBeInstanceOf(WorkCancelledError);
  // While the next job builds a new twin and plans on it, the ended one's error arrives.
  const again = await workbook.planOffThread(job, {
    onProgress: (text) => fromTwin(text) && started[0]!.reportLateError("importScripts failed"),
  });
  expect(started).toHaveLength(2);
  expect(started[1]!.terminated).toBe(false);
  expect(again.report).toBeDefined();
});

test("a twin whose worker fails while it is being sent the workbook fails the job, not waits for ever", async () => {
  const { workbook, started } = withInProcessTwins();
  // Rows enough for the twin to be sent them in several parts, the page answering between them.
  workbook.applySync({
    description: "a long list",
    ops: [
      { op: "addSheet", sheet: "List_1" },
      { op: "writeValues", sheet: "List_1", row: 0, col: 0, values: Array.from({ length: 5000 }, (_, r) => [`C${r}`]) },
    ],
  });
  const job = paneStateJob({ resolve: () => undefined }, []);
  const planned = workbook.planOffThread(job);
  // The worker's code fails to load after the first part has been sent.
  started[0]!.failToLoad("importScripts failed");
  await expect(planned).rejects.toThrow("importScripts failed");
  // The next job builds a new twin and is answered.
  const again = await workbook.planOffThread(job);
  expect(started).toHaveLength(2);
  expect(again.report).toBeDefined();
});

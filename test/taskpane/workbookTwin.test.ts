import { templateWith } from "../fixtures/annexA";
import { planAnnexInPlace } from "../../src/taskpane/annexA/annexACommands";
import { paneStateJob, type PlanJob } from "../../src/taskpane/offThread/planJobs";
import { importPatch } from "../../src/taskpane/preview/importSnapshot";
import type { FromTwin } from "../../src/taskpane/preview/twinMessages";
import { WorkbookTwin } from "../../src/taskpane/preview/workbookTwin";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { XlsxBytesWorkbook } from "../../src/workbook/xlsx/xlsxBytes";
import { builtInFrameworks } from "../../src/domain/frameworks";

/** The page's workbook and its twin, both from the same .xlsx, with the twin driven by messages. */
async function pageAndTwin(rows: number) {
  const xlsx = await templateWith({
    1: Array.from({ length: rows }, (_, i) => [
      `C${i + 1}`,
      "a) Male",
      i % 10 === 0 ? "White British" : "a) WBRI",
      new Date(Date.UTC(2012, 0, 1 + (i % 365))),
      12,
      new Date(Date.UTC(2025, 0, 15)),
      "e) 2A: Schools",
    ]),
  });
  const source = await XlsxBytesWorkbook.fromBytes((await xlsx.xlsx.writeBuffer()) as ArrayBuffer);
  const opened = importPatch(await source.read({ sheets: "all" }));
  const page = new MemoryWorkbook();
  page.applySync(opened);
  const copy = new MemoryWorkbook();
  copy.applySync(opened);
  const said: FromTwin[] = [];
  // Messages pass through a structured clone, as between a page and a worker.
  // Parts of 1,000 cells, so a test-sized list's findings come in several.
  const twin = new WorkbookTwin(copy, (message) => said.push(structuredClone(message)), 1_000);
  return { page, copy, twin, said };
}

const request = { asOf: null, lists: [] as [string, number][] };

test("a job planned on the twin gives what the command gives on the page, and leaves the twin as the page will be", async () => {
  const { page, copy, twin, said } = await pageAndTwin(6_000);
  const job: PlanJob = { kind: "annexInPlace", request, fix: false };
  twin.handle({ type: "plan", id: 7, job });
  const planned = said.find((m) => m.type === "planned");
  expect(said.filter((m) => m.type === "progress").map((m) => m.type === "progress" && m.text)).toEqual([
    "Reading the workbook…",
    "Checking the lists…",
  ]);
  expect(planned?.type === "planned" && planned.id).toBe(7);
  const onPage = planAnnexInPlace(page.snapshot(), request, false);
  expect(planned?.type === "planned" && planned.report).toEqual(structuredClone(onPage.report));
  expect(planned?.type === "planned" && planned.description).toBe(onPage.patch.description);
  // The patch came in parts, none over the size set, which applied in order make the page the twin.
  const parts = said.flatMap((m) => (m.type === "plannedPart" ? [m.ops] : []));
  expect(parts.length).toBeGreaterThan(1);
  for (const ops of parts) page.applySync({ description: "part", ops });
  expect(copy.snapshot()).toEqual(page.snapshot());
  expect(page.findSheet("Annex A findings")).toBeDefined();
});

test("patches the page applies keep the twin in step; a patch that cannot apply puts it out of step, and it then refuses jobs", async () => {
  const { page, copy, twin, said } = await pageAndTwin(10);
  const patch = {
    description: "type",
    ops: [{ op: "writeValues" as const, sheet: "List_1", row: 2, col: 0, values: [["C99"]], before: [["C1"]] }],
  };
  page.applySync(patch);
  twin.handle({ type: "apply", patch });
  expect(copy.snapshot()).toEqual(page.snapshot());

  twin.handle({ type: "apply", patch: { description: "bad", ops: [{ op: "deleteSheet", sheet: "Not there" }] } });
  expect(said.at(-1)).toEqual({ type: "outOfStep", message: 'There is no sheet called "Not there"' });
  twin.handle({ type: "plan", id: 1, job: paneStateJob({ resolve: () => undefined }, builtInFrameworks()) });
  expect(said.at(-1)).toMatchObject({ type: "failed", id: 1 });
});

test("the pane's state made on the twin: the frameworks travel as data", async () => {
  const { twin, said } = await pageAndTwin(5);
  twin.handle({
    type: "plan",
    id: 3,
    job: paneStateJob({ resolve: () => undefined, annexA: { asOf: null } }, builtInFrameworks()),
  });
  const planned = said.find((m) => m.type === "planned");
  expect(planned).toMatchObject({ type: "planned", id: 3, description: null, report: { annexA: { ok: true } } });
});

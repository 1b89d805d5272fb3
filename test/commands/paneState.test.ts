import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { paneState, paneStateQuery, type PaneStateRequest } from "../../src/commands/paneState";
import { runCommand } from "../../src/commands/runCommand";
import { setCellsQuery, setRag } from "../../src/commands/setCells";
import { serialFromYmd } from "../../src/domain/dates";
import { builtInFrameworks, findFramework, getFramework } from "../../src/domain/frameworks";
import { PaneStateStore, type DryRunner } from "../../src/taskpane/workbook/paneStateStore";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type { SnapshotQuery, WorkbookAdapter } from "../../src/workbook/types";
import { FakeExcel } from "../support/fakeOffice";

const today = serialFromYmd(2026, 11, 25);
const resolve = findFramework;

async function planned(workbook: WorkbookAdapter) {
  await runCommand(workbook, createWorkbookQuery, (s) =>
    createWorkbook(s, { framework: getFramework("ofsted-ilacs-2024"), now: new Date("2026-11-25T10:00:00Z") }),
  );
  return workbook;
}

describe("paneState: everything the pane shows, from one snapshot", () => {
  it("reads only the add-in's records when nothing but the facts is wanted, and every sheet otherwise", () => {
    expect(paneStateQuery({ resolve })).toEqual({ sheets: ["_InspectionReady"] });
    expect(paneStateQuery({ resolve, checks: { asOf: today } })).toEqual({ sheets: "all" });
    expect(paneStateQuery({ resolve, annexA: { asOf: today } })).toEqual({ sheets: "all" });
  });

  it("gives the facts, the check and the projection of a plan workbook, and why the lists could not be checked", async () => {
    const workbook = await planned(MemoryWorkbook.withSheets("Sheet1"));
    const request: PaneStateRequest = {
      resolve,
      checks: { asOf: today },
      projection: {},
      annexA: { asOf: today },
    };
    const { report } = paneState(await workbook.read(paneStateQuery(request)), request);
    expect(report.facts.planFramework).toBe("ofsted-ilacs-2024");
    expect(report.facts.managedSheets).toEqual(["Self-evaluation", "Action plan", "Evidence tracker"]);
    expect(report.checks?.ok && report.checks.report.plans.map((p) => p.sheet)).toEqual([
      "Self-evaluation",
      "Action plan",
      "Evidence tracker",
    ]);
    expect(report.projection?.ok && report.projection.report.projection.framework.id).toBe("ofsted-ilacs-2024");
    // A position cell of the self-evaluation maps to its criterion's ref, for the pane's links.
    const refs = report.projection?.ok ? report.projection.report.refs : {};
    expect(refs["Self-evaluation!D2"]).toBe(
      getFramework("ofsted-ilacs-2024").judgements.flatMap((j) => j.criteria)[0]!.ref,
    );
    expect(report.annexA).toEqual({ ok: false, error: expect.stringMatching(/holds no Annex A list/) });
  });

  it("says why the check and the projection cannot be made on a workbook without plans, and gives no facts", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    const request: PaneStateRequest = { resolve, checks: { asOf: today }, projection: {} };
    const { report } = paneState(await workbook.read(paneStateQuery(request)), request);
    expect(report.facts.managedSheets).toEqual([]);
    expect(report.checks).toEqual({ ok: false, error: expect.stringMatching(/no Inspection Ready plans to check/) });
    expect(report.projection).toEqual({ ok: false, error: expect.stringMatching(/no self-evaluation to project/) });
    expect(report.annexA).toBeUndefined();
  });

  it("reports a workbook saved by a newer version in each part, and falls back to no facts", async () => {
    const workbook = await planned(MemoryWorkbook.withSheets("Sheet1"));
    await workbook.apply({
      description: "a newer schema",
      ops: [{ op: "writeValues", sheet: "_InspectionReady", row: 0, col: 0, values: [["schemaVersion", "99"]] }],
    });
    const request: PaneStateRequest = { resolve, checks: { asOf: today } };
    const { report } = paneState(await workbook.read(paneStateQuery(request)), request);
    expect(report.facts.managedSheets).toEqual([]);
    expect(report.checks).toEqual({ ok: false, error: expect.stringMatching(/newer version of Inspection Ready/) });
  });
});

/** An adapter that counts its reads, around Excel's (the fake's) so syncs can be counted too. */
function counting(inner: ExcelWorkbook) {
  const reads: SnapshotQuery[] = [];
  const adapter: WorkbookAdapter = {
    read: (query) => {
      reads.push(query);
      return inner.read(query);
    },
    apply: (patch) => inner.apply(patch),
  };
  return { adapter, reads };
}

describe("the pane reads the workbook once after a command", () => {
  it("re-reads facts, checks, projection and Annex A in one read (one sync in Excel)", async () => {
    const fake = new FakeExcel();
    fake.model.addSheet("Sheet1");
    const { adapter, reads } = counting(new ExcelWorkbook(fake));
    await planned(adapter);
    const dryRun: DryRunner = async (query, plan) => ({ ok: true, report: plan(await adapter.read(query)).report });
    const store = new PaneStateStore(
      () => dryRun,
      () => builtInFrameworks(),
    );
    await store.want({ checks: true, projection: {}, annexA: { asOf: today } });

    // A command, as the pane runs one: its own read and its patch.
    await runCommand(adapter, setCellsQuery(["Action plan"]), (s) =>
      setRag(s, { sheet: "Action plan", range: "G2" }, "Red"),
    );
    const readsBefore = reads.length;
    const syncsBefore = fake.syncs;
    await store.afterChange(false);

    expect(reads.length - readsBefore).toBe(1);
    expect(fake.syncs - syncsBefore).toBe(1);
    const { state } = store.snapshot;
    expect(state?.facts.managedSheets).toContain("Action plan");
    expect(state?.checks?.ok).toBe(true);
    expect(state?.projection?.ok).toBe(true);
    expect(state?.annexA?.ok).toBe(false);
  });

  it("reads only the records when no section has asked for more, and forgets what was asked on another workbook", async () => {
    const { adapter, reads } = counting(new ExcelWorkbook(new FakeExcel()));
    const dryRun: DryRunner = async (query, plan) => ({ ok: true, report: plan(await adapter.read(query)).report });
    const store = new PaneStateStore(
      () => dryRun,
      () => builtInFrameworks(),
    );
    await store.want({ checks: true });
    expect(reads.at(-1)).toEqual({ sheets: "all" });
    await store.afterChange(true);
    expect(reads.at(-1)).toEqual({ sheets: ["_InspectionReady"] });
    expect(store.snapshot.state?.checks).toBeUndefined();
  });
});

import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { startLiveValidation } from "../../src/commands/liveValidation";
import { runCommand } from "../../src/commands/runCommand";
import type { ValidateReport } from "../../src/commands/validateWorkbook";
import { serialFromYmd } from "../../src/domain/dates";
import { getFramework } from "../../src/domain/frameworks";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { FakeExcel } from "../support/fakeOffice";

const today = serialFromYmd(2026, 11, 25);

/** A plan in the fake Excel, live checking started, with timers the test runs by hand. */
async function livePlan() {
  const fake = new FakeExcel();
  fake.model.addSheet("Sheet1");
  const excel = new ExcelWorkbook(fake);
  await runCommand(excel, createWorkbookQuery, (s) =>
    createWorkbook(s, {
      framework: getFramework("improvement-programme"),
      kinds: ["self-evaluation", "action-plan"],
      now: new Date(),
    }),
  );
  await fake.idle();
  const reports: ValidateReport[] = [];
  const scheduled: (() => void)[] = [];
  const live = await startLiveValidation(excel, {
    asOf: () => today,
    onReport: (report) => reports.push(report),
    timers: {
      set: (run) => scheduled.push(run) - 1,
      clear: (handle) => (scheduled[handle as number] = () => undefined),
    },
  });
  const runTimers = async () => {
    for (const run of scheduled.splice(0)) run();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { fake, excel, live, reports, scheduled, runTimers };
}

const rulesAt = (report: ValidateReport | undefined, cell: string) =>
  (report?.findings ?? []).filter((f) => f.sheet === "Action plan" && f.cell === cell).map((f) => f.rule);

describe("live checking in Excel (through the Office.js fake)", () => {
  it("checks once at the start", async () => {
    const { reports } = await livePlan();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.summary).toEqual({ errors: 0, warnings: 0, info: 0 });
  });

  it("an edit yields the right findings in at most 2 syncs", async () => {
    const { fake, reports, runTimers } = await livePlan();
    fake.userEdit("Action plan", "D2:G2", [["Recruit ten social workers", null, null, "Amber"]]);
    await fake.idle();
    fake.resetCounts();
    await runTimers();
    expect(fake.syncs).toBeLessThanOrEqual(2);
    const latest = reports[reports.length - 1];
    expect(rulesAt(latest, "E2")).toEqual(["missing-lead"]);
    expect(rulesAt(latest, "F2")).toEqual(["missing-due-date"]);
    expect(rulesAt(latest, "H2")).toEqual(["at-risk-without-update"]);
  });

  it("a burst of edits costs one check", async () => {
    const { fake, reports, scheduled, runTimers } = await livePlan();
    fake.userEdit("Action plan", "D2", [["One"]]);
    fake.userEdit("Action plan", "D3", [["Two"]]);
    fake.userEdit("Action plan", "E3", [["Lead"]]);
    await fake.idle();
    expect(scheduled).toHaveLength(3); // each edit restarts the wait; the first two were cleared
    await runTimers();
    expect(reports).toHaveLength(2);
  });

  it("the add-in's own writes do not start another round", async () => {
    const { fake, excel, reports, scheduled } = await livePlan();
    await excel.apply({
      description: "Set RAG",
      ops: [{ op: "writeValues", sheet: "Action plan", row: 1, col: 6, values: [["Green"]], before: [[null]] }],
    });
    await fake.idle();
    expect(scheduled).toHaveLength(0);
    expect(reports).toHaveLength(1);
  });

  it("on hosts without triggerSource, writes while or just after the add-in applies are taken as its own", async () => {
    const { fake, excel, scheduled } = await livePlan();
    fake.reportsTriggerSource = false;
    const clock = jest.spyOn(Date, "now");
    clock.mockReturnValue(1_000_000);
    await excel.apply({
      description: "Set RAG",
      ops: [{ op: "writeValues", sheet: "Action plan", row: 1, col: 6, values: [["Green"]], before: [[null]] }],
    });
    await fake.idle();
    expect(scheduled).toHaveLength(0);
    clock.mockReturnValue(1_005_000);
    fake.userEdit("Action plan", "D2", [["A person's edit"]]);
    await fake.idle();
    expect(scheduled).toHaveLength(1);
    clock.mockRestore();
  });

  it("stops listening when asked", async () => {
    const { fake, live, scheduled } = await livePlan();
    await live.stop();
    fake.userEdit("Action plan", "D2", [["After stop"]]);
    await fake.idle();
    expect(scheduled).toHaveLength(0);
  });
});

import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { startLiveValidation } from "../../src/commands/liveValidation";
import { runCommand } from "../../src/commands/runCommand";
import { validateQuery, validateWorkbook, type ValidateReport } from "../../src/commands/validateWorkbook";
import { serialFromYmd } from "../../src/domain/dates";
import { getFramework } from "../../src/domain/frameworks";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { bigFramework, entries } from "../../bench/planFixture";
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

/** A plan of `rows` criteria with a manager's entries, in the fake Excel, checked once whole at the start. */
async function liveBigPlan(rows: number) {
  const fake = new FakeExcel();
  fake.model.addSheet("Sheet1");
  const excel = new ExcelWorkbook(fake);
  await runCommand(excel, createWorkbookQuery, (s) =>
    createWorkbook(s, { framework: bigFramework(rows), kinds: ["self-evaluation", "action-plan"], now: new Date() }),
  );
  await excel.apply({ description: "entries", ops: [entries({ top: 0 }, rows, today)] });
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
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  /** What a check reading everything afresh finds now. */
  const wholeCheck = async () => validateWorkbook(await excel.read(validateQuery), { asOf: today }).report;
  return { fake, excel, live, reports, scheduled, runTimers, wholeCheck };
}

describe("live checking reads only the rows edited, and keeps the whole plan for the rules", () => {
  it("an edit costs a small read and finds what a whole check finds", async () => {
    const { fake, reports, runTimers, wholeCheck } = await liveBigPlan(3_000);
    fake.resetCounts();
    await wholeCheck();
    const wholeBytes = fake.readBytes;
    fake.userEdit("Action plan", "E101:G102", [
      [null, null, "Red"],
      ["Head of Service", today - 400, "Amber"],
    ]);
    await fake.idle();
    fake.resetCounts();
    await runTimers();
    expect(fake.readBytes).toBeLessThan(wholeBytes / 20);
    expect(reports[reports.length - 1]).toEqual(await wholeCheck());
    expect(rulesAt(reports[reports.length - 1], "E101")).toContain("missing-lead");
  });

  it("a ref edited to repeat one far away is a duplicate: the rule sees the whole plan", async () => {
    const { fake, reports, runTimers, wholeCheck } = await liveBigPlan(3_000);
    fake.userEdit("Self-evaluation", "A2999", [["C-00001"]]);
    await fake.idle();
    await runTimers();
    const latest = reports[reports.length - 1]!;
    expect(latest.findings.filter((f) => f.rule === "duplicate-ref").map((f) => f.cell)).toEqual(
      expect.arrayContaining(["A2", "A2999"]),
    );
    expect(latest).toEqual(await wholeCheck());
  });

  it("after the add-in's own write, the next check reads everything again (it saw no cells of that write)", async () => {
    const { fake, excel, reports, scheduled, runTimers, wholeCheck } = await liveBigPlan(500);
    await excel.apply({
      description: "Set a lead",
      ops: [
        { op: "writeValues", sheet: "Action plan", row: 7, col: 4, values: [["Head of Service"]], before: [[null]] },
      ],
    });
    await fake.idle();
    expect(scheduled).toHaveLength(0); // its own write starts no check
    fake.userEdit("Action plan", "D400", [["A person's edit"]]);
    await fake.idle();
    await runTimers();
    expect(rulesAt(reports[reports.length - 1], "E8")).toEqual([]);
    expect(reports[reports.length - 1]).toEqual(await wholeCheck());
  });

  it("rows inserted or deleted (cells moved) read everything again", async () => {
    const { fake, reports, runTimers, wholeCheck } = await liveBigPlan(500);
    // A row inserted at 50 moves every row below it: here, the lead that was in E300 is gone from there.
    fake.model.sheet("Action plan").cells.delete("299,4");
    fake.raiseChange("Action plan", "A50:J50", "RowInserted");
    await fake.idle();
    await runTimers();
    expect(rulesAt(reports[reports.length - 1], "E300")).toEqual(["missing-lead"]);
    expect(reports[reports.length - 1]).toEqual(await wholeCheck());
  });

  it("any sequence of edits leaves the same findings as a whole check", async () => {
    const { fake, reports, runTimers, wholeCheck } = await liveBigPlan(200);
    const texts = ["Green", "Red", "g", "", "C-00007", "Head of Service", "31/02/2026"];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 12; round++) {
      for (let edit = 0; edit < 1 + next(3); edit++) {
        const sheet = next(4) === 0 ? "Self-evaluation" : "Action plan";
        const column = "ABCDEFGHIJ"[next(sheet === "Action plan" ? 10 : 7)]!;
        const row = 2 + next(205);
        const value = next(3) === 0 ? today - next(200) : texts[next(texts.length)]!;
        if (next(6) === 0) fake.remoteEdit(sheet, `${column}${row}`, [[value]]);
        else fake.userEdit(sheet, `${column}${row}`, [[value]]);
      }
      await fake.idle();
      await runTimers();
      expect(reports[reports.length - 1]).toEqual(await wholeCheck());
    }
  });
});

describe("co-authors' edits", () => {
  it("a remote edit starts one check, even just after the add-in wrote on a host without triggerSource", async () => {
    const { fake, excel, reports, scheduled, runTimers } = await livePlan();
    fake.reportsTriggerSource = false;
    await excel.apply({
      description: "Set RAG",
      ops: [{ op: "writeValues", sheet: "Action plan", row: 1, col: 6, values: [["Green"]], before: [[null]] }],
    });
    fake.remoteEdit("Action plan", "D3", [["A co-author's action"]]);
    await fake.idle();
    expect(scheduled).toHaveLength(1);
    await runTimers();
    expect(reports).toHaveLength(2);
    expect(rulesAt(reports[1], "E3")).toEqual(["missing-lead"]);
    // Checking wrote nothing, so nothing more is heard: no loop.
    await fake.idle();
    expect(scheduled).toHaveLength(0);
  });
});

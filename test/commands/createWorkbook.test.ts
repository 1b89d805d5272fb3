import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { getFramework } from "../../src/domain/frameworks";
import { amberGreenVocabulary } from "../../src/domain/rag";
import { METADATA_SHEET, readMetadata } from "../../src/sheets/metadata";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";

const ilacs = getFramework("ofsted-ilacs-2024");
const now = new Date("2026-11-25T09:30:00Z");
const create = (workbook: MemoryWorkbook) =>
  runCommand(workbook, createWorkbookQuery, (snapshot) =>
    createWorkbook(snapshot, { framework: ilacs, kinds: ["action-plan"], now }),
  );

describe("createWorkbook", () => {
  it("adds an action-plan table with one row per criterion, framework cells filled and user cells blank", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    const { report } = await create(workbook);
    const criteria = ilacs.judgements.flatMap((j) => j.criteria.map((c) => ({ ...c, judgement: j.name })));
    expect(report).toMatchObject({ sheet: "Action plan", table: "ActionPlan", rows: criteria.length });
    const values = workbook.snapshot().sheets.find((s) => s.name === "Action plan")!.values!;
    expect(values[0]).toEqual([
      "Ref",
      "Judgement",
      "Criterion",
      "Action",
      "Lead",
      "Due date",
      "RAG",
      "Progress update",
      "Evidence",
      "Last updated",
    ]);
    expect(values.slice(1).map((row) => row.slice(0, 3))).toEqual(criteria.map((c) => [c.ref, c.judgement, c.text]));
    expect(values.slice(1).every((row) => row.slice(3).every((cell) => cell === null))).toBe(true);
    expect(workbook.tables).toEqual([
      {
        name: "ActionPlan",
        sheet: "Action plan",
        range: { top: 0, left: 0, bottom: criteria.length, right: 9 },
        style: "TableStyleMedium2",
      },
    ]);
  });

  it("sets RAG list validation, date validation, RAG colours, frozen header and landscape A4 printing", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    const { report } = await create(workbook);
    const sheet = workbook.sheet("Action plan");
    const ragRule = sheet.validations.find((v) => v.range.left === 6)!;
    expect(ragRule.rule).toMatchObject({
      type: "list",
      values: ["Blue", "Complete – awaiting sign-off", "Green", "Amber", "Red", "Not started"],
      strict: true,
    });
    expect(ragRule.range).toEqual({ top: 1, left: 6, bottom: report.rows, right: 6 });
    expect(sheet.validations.filter((v) => v.rule.type === "date").map((v) => v.range.left)).toEqual([5, 9]);
    expect(sheet.conditionalFormats.map((cf) => cf.format.formula)).toEqual([
      '=$G2="Blue"',
      '=$G2="Complete – awaiting sign-off"',
      '=$G2="Green"',
      '=$G2="Amber"',
      '=$G2="Red"',
      '=$G2="Not started"',
    ]);
    expect(sheet.conditionalFormats.every((cf) => cf.format.type === "expression")).toBe(true);
    expect(sheet.rows[1]![5]!.numberFormat).toBe("dd/mm/yyyy");
    expect(sheet.frozen).toEqual({ rows: 1, columns: 0 });
    expect(sheet.printSetup).toEqual({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      repeatRows: [0, 0],
      centreFooter: "Page &P of &N",
      header: { left: `Action plan – ${ilacs.name}`, right: "25/11/2026" },
    });
    // The header row is styled directly, so it prints bold on a fill outside Excel too.
    for (let col = 0; col < sheet.rows[0]!.length; col++) {
      expect(workbook.cellFormat("Action plan", 0, col)).toMatchObject({ bold: true, border: "thin" });
      expect(workbook.cellFormat("Action plan", 0, col).fill).toMatch(/^#[0-9A-F]{6}$/);
    }
    expect(workbook.cellFormat("Action plan", 1, 0)).toEqual({});
  });

  it("records the plan in the very hidden metadata sheet", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    await create(workbook);
    expect(workbook.sheet(METADATA_SHEET).visibility).toBe("veryHidden");
    expect(readMetadata(workbook.snapshot())!.plans).toEqual([
      expect.objectContaining({
        kind: "action-plan",
        sheet: "Action plan",
        table: "ActionPlan",
        frameworkId: "ofsted-ilacs-2024",
        frameworkVersion: ilacs.version,
        createdAt: now.toISOString(),
      }),
    ]);
  });

  // Was: a second plan got "Action plan (3)" beside the first. Now a second of a kind the workbook
  // manages is refused, naming the sheet; only a user's own sheet of the name gives ours a unique name.
  it("never touches a user's sheet of the same name, and refuses a second plan of a kind it has", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1", "action plan");
    workbook.applySync({
      description: "user data",
      ops: [{ op: "writeValues", sheet: "action plan", row: 0, col: 0, values: [["mine"]] }],
    });
    const { report } = await create(workbook);
    expect(report).toMatchObject({ sheet: "Action plan (2)", table: "ActionPlan" });
    const before = workbook.snapshot();
    await expect(create(workbook)).rejects.toThrow(
      'This workbook already has an action plan ("Action plan (2)"). Replace it (every cell on it goes), or keep it and make only the sheets the workbook lacks.',
    );
    expect(workbook.snapshot()).toEqual(before);
    expect(workbook.cell("action plan", 0, 0)!.value).toBe("mine");
    expect(readMetadata(workbook.snapshot())!.plans.map((p) => p.sheet)).toEqual(["Action plan (2)"]);
  });

  it("undo of a replaced plan restores the old sheet and the metadata exactly", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    await create(workbook);
    workbook.applySync({
      description: "user typing",
      ops: [{ op: "writeValues", sheet: "Action plan", row: 1, col: 3, values: [["Audit every case"]] }],
    });
    const before = workbook.snapshot();
    const { undo, report } = await runCommand(workbook, createWorkbookQuery, (snapshot) =>
      createWorkbook(snapshot, { framework: ilacs, kinds: ["action-plan"], now, replace: true }),
    );
    expect(report.sheets).toEqual([expect.objectContaining({ sheet: "Action plan", replaced: true })]);
    expect(workbook.cell("Action plan", 1, 3)?.value ?? null).toBeNull();
    expect(workbook.snapshot().sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    await workbook.apply(undo);
    expect(workbook.snapshot()).toEqual(before);
  });

  it("refuses a workbook made by a newer schema without changing it", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1", METADATA_SHEET);
    workbook.applySync({
      description: "future",
      ops: [{ op: "writeValues", sheet: METADATA_SHEET, row: 0, col: 0, values: [["schemaVersion", "99"]] }],
    });
    const before = workbook.snapshot();
    await expect(create(workbook)).rejects.toThrow(/newer version of Inspection Ready/);
    expect(workbook.snapshot()).toEqual(before);
  });
});

describe("createWorkbook with all three sheets", () => {
  const createAll = (workbook: MemoryWorkbook, framework = ilacs) =>
    runCommand(workbook, createWorkbookQuery, (snapshot) => createWorkbook(snapshot, { framework, now }));

  it("makes a self-evaluation, an action plan and an evidence tracker, in that order", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    const { report } = await createAll(workbook);
    expect(report.sheets.map((s) => [s.kind, s.sheet, s.table])).toEqual([
      ["self-evaluation", "Self-evaluation", "SelfEvaluation"],
      ["action-plan", "Action plan", "ActionPlan"],
      ["evidence", "Evidence tracker", "EvidenceTracker"],
    ]);
    expect(report).toMatchObject({ kind: "action-plan", sheet: "Action plan" });
    const selfEvaluation = workbook.snapshot().sheets.find((s) => s.name === "Self-evaluation")!.values!;
    expect(selfEvaluation[0]).toEqual([
      "Ref",
      "Judgement",
      "Criterion",
      "Position",
      "Evidence summary",
      "Lead",
      "Last reviewed",
    ]);
    expect(selfEvaluation).toHaveLength(37);
  });

  it("validates the action plan's refs against the self-evaluation's refs", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    await createAll(workbook);
    const refRule = workbook.sheet("Action plan").validations.find((v) => v.range.left === 0)!;
    expect(refRule.rule).toMatchObject({ type: "rangeList", source: "'Self-evaluation'!$A$2:$A$37", strict: false });
  });

  it("a later action plan refers to the self-evaluation already in the workbook", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    await runCommand(workbook, createWorkbookQuery, (s) =>
      createWorkbook(s, { framework: ilacs, kinds: ["self-evaluation"], now }),
    );
    await runCommand(workbook, createWorkbookQuery, (s) =>
      createWorkbook(s, { framework: ilacs, kinds: ["action-plan"], now }),
    );
    const refRule = workbook.sheet("Action plan").validations.find((v) => v.range.left === 0)!;
    expect(refRule.rule).toMatchObject({ source: "'Self-evaluation'!$A$2:$A$37" });
  });

  it("starts the evidence tracker from the framework's evidence items, with a status list", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    await createAll(workbook, getFramework("ofsted-sif-2013"));
    const tracker = workbook.snapshot().sheets.find((s) => s.name === "Evidence tracker")!.values!;
    expect(tracker[0]).toEqual([
      "Ref",
      "Criterion refs",
      "Evidence item",
      "Type",
      "Location or link",
      "Owner",
      "Status",
      "Date",
      "Reviewed by",
    ]);
    expect(tracker[1]).toEqual([
      "E-01",
      null,
      "Case-level data: Contacts (within 24 hours)",
      "Data set",
      null,
      null,
      "Not started",
      null,
      null,
    ]);
    expect(tracker).toHaveLength(21);
    const status = workbook.sheet("Evidence tracker").validations.find((v) => v.range.left === 6)!;
    expect(status.rule).toMatchObject({ type: "list", values: ["Not started", "In progress", "Ready", "Provided"] });
  });

  it.each([
    "ofsted-ilacs-2024",
    "ofsted-ilacs-2018",
    "ofsted-sif-2013",
    "caa-2009",
    "care-inspectorate-2014",
    "improvement-programme",
  ])("works for %s, with one self-evaluation row per criterion", async (id) => {
    const framework = getFramework(id);
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    const { report, undo } = await createAll(workbook, framework);
    const criteria = framework.judgements.reduce((n, j) => n + j.criteria.length, 0);
    expect(report.sheets[0]!.rows).toBe(criteria);
    await workbook.apply(undo);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("a workbook's own RAG scale", () => {
  it("lays out the lists and colours of the scale chosen, and records it for every later command", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    await runCommand(workbook, createWorkbookQuery, (s) =>
      createWorkbook(s, { framework: ilacs, kinds: ["action-plan"], now, vocabulary: amberGreenVocabulary }),
    );
    const rule = workbook.sheet("Action plan").validations.find((v) => v.range.left === 6)!.rule;
    expect(rule).toMatchObject({ type: "list", values: ["Red", "Amber", "Amber/Green", "Green"] });
    expect(readMetadata(workbook.snapshot())!.settings?.rag?.map((s) => s.label)).toEqual([
      "Red",
      "Amber",
      "Amber/Green",
      "Green",
    ]);
    // A later sheet in the same workbook keeps the workbook's scale, whatever is asked.
    await runCommand(workbook, createWorkbookQuery, (s) =>
      createWorkbook(s, { framework: ilacs, kinds: ["self-evaluation"], now }),
    );
    const later = workbook.sheet("Self-evaluation").validations.find((v) => v.range.left === 3)!.rule;
    expect(later).toMatchObject({ values: ["Red", "Amber", "Amber/Green", "Green"] });
  });

  it("takes a council framework's own scale", async () => {
    const own = { ...ilacs, rag: [...amberGreenVocabulary].reverse() };
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    await runCommand(workbook, createWorkbookQuery, (s) =>
      createWorkbook(s, { framework: own, kinds: ["action-plan"], now }),
    );
    const rule = workbook.sheet("Action plan").validations.find((v) => v.range.left === 6)!.rule;
    expect(rule).toMatchObject({ values: ["Green", "Amber/Green", "Amber", "Red"] });
  });

  it("the standard scale is not written into the metadata", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    await create(workbook);
    expect(readMetadata(workbook.snapshot())!.settings).toBeUndefined();
  });
});

import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { getFramework } from "../../src/domain/frameworks";
import { METADATA_SHEET, readMetadata } from "../../src/sheets/metadata";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";

const ilacs = getFramework("ofsted-ilacs-2024");
const now = new Date("2026-11-25T09:30:00Z");
const create = (workbook: MemoryWorkbook) =>
  runCommand(workbook, createWorkbookQuery, (snapshot) =>
    createWorkbook(snapshot, { framework: ilacs, kind: "action-plan", now }),
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
    expect(ragRule.rule).toMatchObject({ type: "list", values: ["Blue", "Green", "Amber", "Red"], strict: true });
    expect(ragRule.range).toEqual({ top: 1, left: 6, bottom: report.rows, right: 6 });
    expect(sheet.validations.filter((v) => v.rule.type === "date").map((v) => v.range.left)).toEqual([5, 9]);
    expect(sheet.conditionalFormats.map((cf) => cf.format.formula)).toEqual([
      '=$G2="Blue"',
      '=$G2="Green"',
      '=$G2="Amber"',
      '=$G2="Red"',
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
    });
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

  it("never touches a user's sheet of the same name: a second plan gets its own sheet and table", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1", "action plan");
    workbook.applySync({
      description: "user data",
      ops: [{ op: "writeValues", sheet: "action plan", row: 0, col: 0, values: [["mine"]] }],
    });
    await create(workbook);
    const { report } = await create(workbook);
    expect(report).toMatchObject({ sheet: "Action plan (3)", table: "ActionPlan2" });
    expect(workbook.cell("action plan", 0, 0)!.value).toBe("mine");
    expect(readMetadata(workbook.snapshot())!.plans.map((p) => p.sheet)).toEqual([
      "Action plan (2)",
      "Action plan (3)",
    ]);
  });

  it("undo removes what it made and restores the metadata exactly", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    await create(workbook);
    const before = workbook.snapshot();
    const { undo } = await create(workbook);
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

import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { getFramework } from "../../src/domain/frameworks";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { groupsAsOneUndoStep, patchClearsExcelUndo, type UndoSupport } from "../../src/workbook/excel/excelUndo";
import type { WorkbookPatch } from "../../src/workbook/types";
import { FakeExcel } from "../support/fakeOffice";

const WEB: UndoSupport = { mergeGroups: true, visibilityUndoable: true };
const DESKTOP: UndoSupport = { mergeGroups: true, visibilityUndoable: false };
const OLD: UndoSupport = { mergeGroups: false, visibilityUndoable: false };

const bigWrite: WorkbookPatch = {
  description: "Write 12,000 cells",
  ops: [
    {
      op: "writeValues",
      sheet: "Sheet1",
      row: 0,
      col: 0,
      values: Array.from({ length: 1_000 }, (_, r) => Array.from({ length: 12 }, (_, c) => r + c)),
    },
  ],
};
const hide: WorkbookPatch = {
  description: "Hide",
  ops: [
    { op: "addSheet", sheet: "Notes" },
    { op: "setVisibility", sheet: "Notes", visibility: "hidden" },
  ],
};
const remove: WorkbookPatch = { description: "Remove", ops: [{ op: "deleteSheet", sheet: "Notes" }] };

describe("patchClearsExcelUndo and groupsAsOneUndoStep", () => {
  it("says a sheet deleted clears Excel's undo everywhere, a sheet hidden or shown outside Excel on the web", () => {
    expect(patchClearsExcelUndo(remove, WEB)).toBe(true);
    expect(patchClearsExcelUndo(hide, WEB)).toBe(false);
    expect(patchClearsExcelUndo(hide, DESKTOP)).toBe(true);
    expect(patchClearsExcelUndo(bigWrite, DESKTOP)).toBe(false);
  });

  it("groups only where the host can and nothing in the patch would make the group fail", () => {
    expect(groupsAsOneUndoStep(bigWrite, WEB)).toBe(true);
    expect(groupsAsOneUndoStep(bigWrite, OLD)).toBe(false);
    expect(groupsAsOneUndoStep(hide, DESKTOP)).toBe(false);
    expect(groupsAsOneUndoStep(hide, WEB)).toBe(true);
    expect(groupsAsOneUndoStep(remove, WEB)).toBe(false);
  });
});

describe("the Excel adapter and Excel's own undo (the fake)", () => {
  function workbook(support: UndoSupport, platform: "web" | "desktop" = "web") {
    const fake = new FakeExcel();
    fake.platform = platform;
    fake.model.addSheet("Sheet1");
    return { fake, excel: new ExcelWorkbook(fake, support) };
  }

  it("with ExcelApi 1.20, a patch of several syncs is one step of Excel's undo", async () => {
    const { fake, excel } = workbook(WEB);
    await excel.apply(bigWrite);
    expect(fake.syncs).toBe(3); // 5,000 cells a request
    expect(fake.undoSteps).toBe(1);
  });

  it("without it, each sync is a step, as before", async () => {
    const { fake, excel } = workbook(OLD);
    await excel.apply(bigWrite);
    expect(fake.undoSteps).toBe(3);
  });

  it("a patch that hides a sheet on the desktop is applied without a group, so it cannot fail part-way", async () => {
    const { fake, excel } = workbook(DESKTOP, "desktop");
    await excel.apply(hide);
    expect(fake.model.sheet("Notes").visibility).toBe("Hidden");
    // Excel would refuse the group (the fake does too): what grouping it would have risked.
    const grouped = workbook({ ...DESKTOP, visibilityUndoable: true }, "desktop");
    await expect(grouped.excel.apply(hide)).rejects.toThrow(/UndoNotSupported/);
  });

  it("creating plans in Excel on the web is one undo step", async () => {
    const { fake, excel } = workbook(WEB);
    const { patch } = await runCommand(excel, createWorkbookQuery, (s) =>
      createWorkbook(s, { framework: getFramework("improvement-programme"), kinds: ["action-plan"], now: new Date() }),
    );
    expect(patchClearsExcelUndo(patch, WEB)).toBe(false);
    expect(fake.undoSteps).toBe(1);
  });
});

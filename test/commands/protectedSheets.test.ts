import ExcelJS from "exceljs";
import { ProtectedSheetError, protectedSheetsChanged } from "../../src/commands/protectedSheets";
import { applyUnlessProtected, runCommand } from "../../src/commands/runCommand";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type { WorkbookPatch, WorkbookSnapshot } from "../../src/workbook/types";
import { XlsxBytesWorkbook } from "../../src/workbook/xlsx/xlsxBytes";
import { FakeExcel } from "../support/fakeOffice";

const write = (sheet: string, value: string, row = 1): WorkbookPatch["ops"][number] => ({
  op: "writeValues",
  sheet,
  row,
  col: 0,
  values: [[value]],
  before: [[null]],
});

/** Writes to an unprotected sheet first, then to the protected one: Excel would apply the first and stop. */
const twoSheetPatch: WorkbookPatch = {
  description: "Two sheets",
  ops: [write("Notes", "written"), write("Plan", "written")],
};

function memoryWithProtectedPlan(): MemoryWorkbook {
  const workbook = MemoryWorkbook.withSheets("Notes", "Plan");
  workbook.sheet("Plan").protected = true;
  return workbook;
}

describe("protectedSheetsChanged", () => {
  const snapshot: WorkbookSnapshot = {
    sheets: [
      {
        name: "Plan",
        visibility: "visible",
        values: null,
        numberFormats: null,
        formulas: null,
        frozenRows: 0,
        frozenColumns: 0,
        protected: true,
      },
      {
        name: "Notes",
        visibility: "visible",
        values: null,
        numberFormats: null,
        formulas: null,
        frozenRows: 0,
        frozenColumns: 0,
      },
    ],
    tables: [{ name: "PlanTable", sheet: "Plan", range: { top: 0, left: 0, bottom: 3, right: 2 }, headers: [] }],
  };
  const changed = (...ops: WorkbookPatch["ops"]) => protectedSheetsChanged(snapshot, { description: "", ops });

  it("names a protected sheet whose cells, formats or tables the patch changes, whatever the case of its name", () => {
    expect(changed(write("plan", "x"))).toEqual(["Plan"]);
    expect(changed({ op: "freezePanes", sheet: "Plan", rows: 1, columns: 0 })).toEqual(["Plan"]);
    expect(changed({ op: "resizeTable", name: "planTABLE", range: { top: 0, left: 0, bottom: 9, right: 2 } })).toEqual([
      "Plan",
    ]);
  });

  it("lets through changes to other sheets and to the workbook's structure (hide, show, delete)", () => {
    expect(changed(write("Notes", "x"))).toEqual([]);
    expect(changed({ op: "setVisibility", sheet: "Plan", visibility: "hidden" })).toEqual([]);
    expect(changed({ op: "deleteSheet", sheet: "Plan" })).toEqual([]);
  });

  it("lets through writes to a sheet the same patch adds after deleting the protected one", () => {
    expect(
      changed({ op: "deleteSheet", sheet: "Plan" }, { op: "addSheet", sheet: "Plan" }, write("Plan", "x")),
    ).toEqual([]);
  });
});

describe("runCommand and a protected sheet", () => {
  it("refuses before anything is written, naming the sheet and saying what to do", async () => {
    const workbook = memoryWithProtectedPlan();
    const before = JSON.stringify(workbook.snapshot());
    const running = runCommand(workbook, { sheets: "all" }, () => ({ patch: twoSheetPatch, report: null }));
    await expect(running).rejects.toThrow(ProtectedSheetError);
    await expect(
      runCommand(workbook, { sheets: "all" }, () => ({ patch: twoSheetPatch, report: null })),
    ).rejects.toThrow(
      'The sheet "Plan" is protected, so nothing was changed. Unprotect it (Review > Unprotect Sheet), then try again.',
    );
    expect(JSON.stringify(workbook.snapshot())).toBe(before);
  });

  it("names every protected sheet the patch would change, in one message", async () => {
    const workbook = memoryWithProtectedPlan();
    workbook.sheet("Notes").protected = true;
    await expect(runCommand(workbook, { sheets: [] }, () => ({ patch: twoSheetPatch, report: null }))).rejects.toThrow(
      'The sheets "Notes" and "Plan" are protected, so nothing was changed. Unprotect them',
    );
  });

  it("runs a command that leaves the protected sheet alone, and one that only reads it", async () => {
    const workbook = memoryWithProtectedPlan();
    const { report } = await runCommand(workbook, { sheets: "all" }, (snapshot) => ({
      patch: { description: "Notes only", ops: [write("Notes", "ok")] },
      report: snapshot.sheets.find((s) => s.name === "Plan")?.protected,
    }));
    expect(report).toBe(true);
    expect(workbook.cell("Notes", 1, 0)?.value).toBe("ok");
  });
});

describe("applyUnlessProtected (undo steps)", () => {
  it("refuses an undo onto a sheet protected since, and applies one that is not", async () => {
    const workbook = memoryWithProtectedPlan();
    await expect(applyUnlessProtected(workbook, twoSheetPatch)).rejects.toThrow(ProtectedSheetError);
    expect(workbook.cell("Notes", 1, 0)).toBeUndefined();
    workbook.sheet("Plan").protected = false;
    await applyUnlessProtected(workbook, twoSheetPatch);
    expect(workbook.cell("Plan", 1, 0)?.value).toBe("written");
  });
});

describe("in Excel (the Office.js fake)", () => {
  function excelWithProtectedPlan() {
    const fake = new FakeExcel();
    fake.model.addSheet("Notes");
    fake.model.addSheet("Plan").protected = true;
    return { fake, excel: new ExcelWorkbook(fake) };
  }

  it("reads worksheet.protection.protected into the snapshot, in the same sync as the names", async () => {
    const { fake, excel } = excelWithProtectedPlan();
    await excel.read({ sheets: [] }); // the first read of a workbook learns its sheets' names: two syncs
    fake.resetCounts();
    const snapshot = await excel.read({ sheets: [] });
    expect(snapshot.sheets.map((s) => [s.name, s.protected ?? false])).toEqual([
      ["Notes", false],
      ["Plan", true],
    ]);
    expect(fake.syncs).toBe(1);
  });

  it("would apply half the patch without the check (Excel stops at the protected sheet)", async () => {
    const { fake, excel } = excelWithProtectedPlan();
    await expect(excel.apply(twoSheetPatch)).rejects.toThrow(/AccessDenied/);
    expect(fake.model.cell(fake.model.sheet("Notes"), 1, 0)?.value).toBe("written");
  });

  it("is refused through runCommand with nothing written: no write reaches Excel", async () => {
    const { fake, excel } = excelWithProtectedPlan();
    fake.resetCounts();
    await expect(runCommand(excel, { sheets: "all" }, () => ({ patch: twoSheetPatch, report: null }))).rejects.toThrow(
      'The sheet "Plan" is protected',
    );
    expect(fake.model.cell(fake.model.sheet("Notes"), 1, 0)).toBeUndefined();
    expect(fake.syncLog.every((sync) => sync.readBytes > 0)).toBe(true);
  });
});

describe("in an .xlsx file (ExcelJS)", () => {
  it("reads a protected sheet as protected, and an unprotected one as not", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Plan").getCell("A1").value = "Ref";
    await book.getWorksheet("Plan")!.protect("secret", { selectLockedCells: true });
    book.addWorksheet("Notes").getCell("A1").value = "Notes";
    const file = await XlsxBytesWorkbook.fromBytes(new Uint8Array(await book.xlsx.writeBuffer()));
    const snapshot = await file.read({ sheets: "all" });
    expect(snapshot.sheets.map((s) => [s.name, s.protected ?? false])).toEqual([
      ["Plan", true],
      ["Notes", false],
    ]);
  });
});

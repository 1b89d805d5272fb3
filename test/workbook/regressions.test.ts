import path from "node:path";
import ExcelJS from "exceljs";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { structureQuery, structureSheet } from "../../src/commands/structureSheet";
import { getFramework } from "../../src/domain/frameworks";
import { columnReference } from "../../src/sheets/planTables";
import { quoteSheetName } from "../../src/workbook/address";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const now = new Date("2026-11-25T09:00:00Z");

describe("what a review found, kept fixed", () => {
  it("structuring keeps a header written as rich text", async () => {
    const input = path.join(tempDir(), "rich.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Plan");
    sheet.getCell("A1").value = "Ref";
    sheet.getCell("B1").value = { richText: [{ text: "Action", font: { bold: true } }] };
    sheet.getCell("C1").value = "Lead";
    sheet.addRow(["1", "Do it", "Me"]);
    await workbook.xlsx.writeFile(input);
    const file = await XlsxWorkbook.open(input);
    await runCommand(file, structureQuery("Plan"), (s) => structureSheet(s, { sheet: "Plan", as: "action-plan", now }));
    const out = path.join(tempDir(), "out.xlsx");
    await file.save(out);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(out);
    expect(reread.getWorksheet("Plan")!.getCell("B1").text).toBe("Action");
  });

  it("structuring widens date columns enough to show dd/mm/yyyy (not ###)", async () => {
    const input = path.join(tempDir(), "dates.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Plan");
    sheet.addRow(["Action", "Lead", "Due date"]);
    sheet.addRow(["Do it", "Me", new Date(Date.UTC(2026, 0, 31))]);
    await workbook.xlsx.writeFile(input);
    const file = await XlsxWorkbook.open(input);
    await runCommand(file, structureQuery("Plan"), (s) => structureSheet(s, { sheet: "Plan", as: "action-plan", now }));
    expect(file.workbook.getWorksheet("Plan")!.getColumn(3).width).toBe(12);
    expect(file.workbook.getWorksheet("Plan")!.getColumn(1).width).toBeUndefined();
  });

  it("date columns accept dates from 01/01/2000, written as a date ExcelJS understands", async () => {
    const file = XlsxWorkbook.empty();
    await runCommand(file, createWorkbookQuery, (s) =>
      createWorkbook(s, { framework: getFramework("caa-2009"), kinds: ["action-plan"], now }),
    );
    const out = path.join(tempDir(), "plan.xlsx");
    await file.save(out);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(out);
    const model = (
      reread.getWorksheet("Action plan") as unknown as {
        dataValidations: { model: Record<string, ExcelJS.DataValidation> };
      }
    ).dataValidations.model;
    const due = Object.entries(model).find(([address]) => address.startsWith("F2"))![1];
    expect((due.formulae[0] as Date).toISOString().slice(0, 10)).toBe("2000-01-01");
  });

  it("sheet names that look like cells are quoted in formulas", () => {
    expect(quoteSheetName("SEF1")).toBe("'SEF1'");
    expect(quoteSheetName("R2C3")).toBe("'R2C3'");
    expect(quoteSheetName("O'Brien plan")).toBe("'O''Brien plan'");
    expect(columnReference("Q1", 0, 1, 36)).toBe("'Q1'!$A$2:$A$37");
  });
});

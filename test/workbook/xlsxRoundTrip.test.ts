import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { getFramework } from "../../src/domain/frameworks";
import { defaultRagVocabulary } from "../../src/domain/rag";
import { METADATA_SHEET, readMetadata } from "../../src/sheets/metadata";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { snapshotFromExcelJs } from "../../src/workbook/xlsx/excelJsSnapshot";
import { UnreadableWorkbookError, XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { useTempDir } from "../support/tempDir";

const ilacs = getFramework("ofsted-ilacs-2024");
const labels = defaultRagVocabulary.map((s) => s.label);
const now = new Date("2026-11-25T09:30:00Z");
const tempDir = useTempDir();

async function writeNewPlan(file: string): Promise<void> {
  const workbook = XlsxWorkbook.empty();
  await runCommand(workbook, createWorkbookQuery, (s) =>
    createWorkbook(s, { framework: ilacs, kinds: ["action-plan"], now }),
  );
  await workbook.save(file);
}

describe("a new plan written as .xlsx and read back with ExcelJS", () => {
  let ws: ExcelJS.Worksheet;
  let workbook: ExcelJS.Workbook;
  beforeEach(async () => {
    const file = path.join(tempDir(), "plan.xlsx");
    await writeNewPlan(file);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    ws = workbook.getWorksheet("Action plan")!;
  });

  it("has the table with its header row and one row per criterion", () => {
    const tables = ws.getTables() as unknown as {
      table: { name: string; ref: string; tableRef?: string; columns: { name: string }[] };
    }[];
    expect(tables).toHaveLength(1);
    const table = tables[0]!.table;
    expect(table.name).toBe("ActionPlan");
    expect(table.tableRef ?? table.ref).toBe("A1:J37");
    expect(table.columns.map((c) => c.name)).toEqual([
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
    expect(ws.getCell("A2").value).toBe("LE-01");
  });

  it("has RAG list validation and date validation on the data rows", () => {
    const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const rag = Object.entries(validations).find(([address]) => address.startsWith("G2"));
    expect(rag?.[1]).toMatchObject({ type: "list", formulae: [`"${labels.join(",")}"`], errorStyle: "stop" });
    expect(validations["F2"] ?? Object.entries(validations).find(([a]) => a.startsWith("F2"))?.[1]).toMatchObject({
      type: "date",
    });
    expect(ws.getCell("F2").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("J37").numFmt).toBe("dd/mm/yyyy");
  });

  it("has expression rules that colour each RAG status", () => {
    const rules = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[] }
    ).conditionalFormattings;
    const onRag = rules.filter((cf) => cf.ref === "G2:G37").flatMap((cf) => cf.rules);
    expect(onRag.map((r) => r.type)).toEqual(labels.map(() => "expression"));
    expect(onRag.map((r) => ("formulae" in r ? r.formulae?.[0] : undefined))).toEqual(
      labels.map((label) => `$G2="${label}"`),
    );
  });

  it("has a frozen header, widths, and landscape A4 print setup with the header repeated and a page footer", () => {
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(3).width).toBe(44);
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
    expect(ws.headerFooter.oddFooter).toBe("&CPage &P of &N");
  });

  it("keeps the metadata in a very hidden sheet that the snapshot reader understands", async () => {
    expect(workbook.getWorksheet(METADATA_SHEET)!.state).toBe("veryHidden");
    const metadata = readMetadata(snapshotFromExcelJs(workbook, { sheets: [METADATA_SHEET] }));
    expect(metadata?.plans[0]).toMatchObject({ table: "ActionPlan", frameworkId: "ofsted-ilacs-2024" });
  });
});

describe("the .xlsx backend agrees with the memory backend", () => {
  it("a written and reopened plan gives the same snapshot as the same command in memory", async () => {
    const file = path.join(tempDir(), "plan.xlsx");
    await writeNewPlan(file);
    const fromFile = await (await XlsxWorkbook.open(file)).read({ sheets: "all" });
    const memory = new MemoryWorkbook();
    await runCommand(memory, createWorkbookQuery, (s) =>
      createWorkbook(s, { framework: ilacs, kinds: ["action-plan"], now }),
    );
    expect(fromFile).toEqual(memory.snapshot());
  });

  it("dates written as serials come back as the same serials with their format", async () => {
    const workbook = XlsxWorkbook.empty();
    await workbook.apply({
      description: "dates",
      ops: [
        { op: "addSheet", sheet: "Dates" },
        { op: "writeValues", sheet: "Dates", row: 0, col: 0, values: [[46351], ["text"], [{ formula: "=A1+1" }]] },
        { op: "setNumberFormats", sheet: "Dates", row: 0, col: 0, formats: [["dd/mm/yyyy"]] },
      ],
    });
    const file = path.join(tempDir(), "dates.xlsx");
    await workbook.save(file);
    const sheet = (await (await XlsxWorkbook.open(file)).read({ sheets: "all" })).sheets[0]!;
    expect(sheet.values).toEqual([[46351], ["text"], [null]]);
    expect(sheet.formulas![2]![0]).toBe("=A1+1");
    expect(sheet.numberFormats![0]![0]).toBe("dd/mm/yyyy");
  });
});

describe("saving and opening files", () => {
  it("writes atomically: no temporary file is left beside the result", async () => {
    const file = path.join(tempDir(), "plan.xlsx");
    await writeNewPlan(file);
    expect(readdirSync(tempDir())).toEqual(["plan.xlsx"]);
  });

  it("cleans up and reports when the file cannot be put in place", async () => {
    // The target is a folder, so the final rename fails after the temporary file was written.
    const target = path.join(tempDir(), "plan.xlsx");
    mkdirSync(target);
    await expect(XlsxWorkbook.empty().save(target)).rejects.toThrow();
    expect(readdirSync(tempDir())).toEqual(["plan.xlsx"]);
    expect(readdirSync(target)).toEqual([]);
  });

  it("says which file cannot be read and why", async () => {
    const notXlsx = path.join(tempDir(), "notes.xlsx");
    writeFileSync(notXlsx, "not a zip");
    await expect(XlsxWorkbook.open(notXlsx)).rejects.toThrow(UnreadableWorkbookError);
    await expect(XlsxWorkbook.open(notXlsx)).rejects.toThrow(
      `Cannot open ${notXlsx}: it is text (a CSV or similar, named as if it were .xlsx), not an Excel workbook`,
    );
    await expect(XlsxWorkbook.open(path.join(tempDir(), "gone.xlsx"))).rejects.toThrow(/the file does not exist/);
  });
});

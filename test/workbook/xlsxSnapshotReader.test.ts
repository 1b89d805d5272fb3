import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { snapshotFromExcelJs } from "../../src/workbook/xlsx/excelJsSnapshot";
import { snapshotFromXlsxBytes } from "../../src/workbook/xlsx/xlsxSnapshotReader";
import { OFSTED_TEMPLATE, d, templateWith } from "../fixtures/annexA";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";
import type { SnapshotQuery } from "../../src/workbook/types";

const tempDir = useTempDir();

/** Both readers on the same bytes: the lean reader must give exactly ExcelJS's snapshot, or decline. */
async function bothReaders(bytes: Buffer, query: SnapshotQuery = { sheets: "all" }) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { lean: snapshotFromXlsxBytes(bytes, query), excelJs: snapshotFromExcelJs(workbook, query) };
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook with every kind of cell the readers meet, in the given date system. */
function everything(date1904: boolean): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  const ws = workbook.addWorksheet("Cells", { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  ws.addRow(["Text", "Number", "Date", "Time", "Bool", "Error", "Rich", "Link", "Formula"]);
  ws.addRow([
    "a & <b> \"c\" 'd'",
    42.5,
    d(31, 3, 2026),
    new Date(Date.UTC(1899, 11, 30, 10, 0)),
    true,
    { error: "#N/A" },
    { richText: [{ text: "rich " }, { font: { bold: true }, text: "text" }] },
    { text: "a link", hyperlink: "https://example.org/" },
    { formula: "B2*2", result: 85 },
  ]);
  ws.addRow([
    "line\nbreak",
    0,
    d(1, 1, 2000),
    null,
    false,
    { error: "#DIV/0!" },
    "_x000D_ kept",
    { text: "other", hyperlink: "https://example.org/other" },
    { formula: "B3*2", result: 0 },
  ]);
  ws.addRow(["", -1, null, null, null, null, null, null, { formula: 'IF(B4<0,"neg","")', result: "neg" }]);
  ws.addRow([null, null, null, null, null, null, null, null, { formula: 'IF(B5<0,"neg","")', result: "" }]);
  ws.addRow([null, null, null, null, null, null, null, null, { formula: "C2+1", result: d(1, 4, 2026) }]);
  ws.addRow([null, null, null, null, null, null, null, null, { formula: "B2>1", result: true }]);
  ws.getColumn(3).numFmt = "dd/mm/yyyy";
  ws.getColumn(4).numFmt = "hh:mm";
  ws.getCell("I6").numFmt = "dd/mm/yyyy";
  ws.getCell("B2").numFmt = "0.00";
  // A styled cell with nothing in it, beyond the rest of its row; a whole row styled.
  ws.getCell("L3").numFmt = "0%";
  ws.getRow(9).numFmt = "0.0";
  ws.getCell("A9").value = "row nine";
  ws.getCell("E9").value = 5;
  // Shared formulas, filled down as Excel writes them.
  ws.getCell("K2").value = 1;
  ws.fillFormula("J2:J7", "K2+$B$2", [43.5, 0, 0, 0, 0, 0]);
  // Merged areas, a title across columns and a block with a value in a merged-away cell.
  const other = workbook.addWorksheet("Merged");
  other.getCell("A1").value = "Title";
  other.mergeCells("A1:D1");
  other.getCell("B3").value = "block";
  other.getCell("C4").value = "hidden by the merge";
  other.mergeCells("B3:C5");
  other.getCell("F8").numFmt = "dd/mm/yyyy";
  other.mergeCells("F8:G9");
  other.getCell("A12").value = 1;
  const hidden = workbook.addWorksheet("Hidden", { state: "hidden" });
  hidden.getCell("B2").value = "hidden";
  const veryHidden = workbook.addWorksheet("Very hidden", { state: "veryHidden" });
  veryHidden.getCell("A1").value = '{"schema":1}';
  const withTable = workbook.addWorksheet("Plan & table");
  withTable.addTable({
    name: "PlanTable",
    ref: "B2",
    headerRow: true,
    columns: [{ name: "Ref" }, { name: "Due date" }, { name: "RAG & notes" }],
    rows: [
      ["1.1", d(1, 5, 2026), "Green"],
      ["1.2", d(2, 5, 2026), "Amber"],
    ],
  });
  workbook.addWorksheet("Empty");
  return workbook;
}

describe("the lean .xlsx reader gives ExcelJS's snapshot", () => {
  it.each([false, true])("of every kind of cell (1904 date system: %s)", async (date1904) => {
    const { lean, excelJs } = await bothReaders(await bytesOf(everything(date1904)));
    expect(lean).not.toBeNull();
    expect(lean).toEqual(excelJs);
    expect(lean!.sheets.map((s) => s.name)).toEqual([
      "Cells",
      "Merged",
      "Hidden",
      "Very hidden",
      "Plan & table",
      "Empty",
    ]);
  });

  it("of a protected sheet, which both say is protected", async () => {
    const workbook = everything(false);
    await workbook.getWorksheet("Cells")!.protect("", {});
    const { lean, excelJs } = await bothReaders(await bytesOf(workbook));
    expect(lean).toEqual(excelJs);
    expect(lean!.sheets.filter((s) => s.protected).map((s) => s.name)).toEqual(["Cells"]);
  });

  it("of the sheets a query names, and no cells of the others", async () => {
    const { lean, excelJs } = await bothReaders(await bytesOf(everything(false)), { sheets: ["merged", "Nowhere"] });
    expect(lean).toEqual(excelJs);
    expect(lean!.sheets.filter((s) => s.values !== null).map((s) => s.name)).toEqual(["Merged"]);
  });

  it("of Ofsted's Annex A template, filled in", async () => {
    expect(await bothReaders(readFileSync(OFSTED_TEMPLATE))).toEqual(
      expect.objectContaining({ lean: expect.anything() }),
    );
    const workbook = await templateWith({
      1: [["C1", "a) Male", "a) WBRI", d(1, 2, 2015), 11, d(20, 11, 2026), "q) 6: Police"]],
      8: [["C2", "b) Female", "a) WBRI", d(1, 1, 2012), 14]],
    });
    const { lean, excelJs } = await bothReaders(await bytesOf(workbook));
    expect(lean).toEqual(excelJs);
  });

  it("of the product's own workbooks: a new plan, and a plan with its checks written in", async () => {
    const plan = path.join(tempDir(), "plan.xlsx");
    const checked = path.join(tempDir(), "checked.xlsx");
    expect((await runCli(["new", "--framework", "ofsted-ilacs-2026", "--out", plan])).code).toBe(0);
    expect((await runCli(["validate", plan, "--write", "--out", checked])).code).not.toBe(2);
    for (const file of [plan, checked]) {
      const { lean, excelJs } = await bothReaders(readFileSync(file));
      expect(lean).not.toBeNull();
      expect(lean).toEqual(excelJs);
    }
  });

  it("declines what is not an .xlsx archive, so ExcelJS can say why", () => {
    expect(snapshotFromXlsxBytes(Buffer.from("Child Unique ID,Gender\nC1,a) Male\n"))).toBeNull();
  });
});

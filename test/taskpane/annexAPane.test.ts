import path from "node:path";
import ExcelJS from "exceljs";
import { paneState } from "../../src/commands/paneState";
import { serialFromYmd } from "../../src/domain/dates";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { annexInPlaceCommand } from "../../src/taskpane/annexA/annexACommands";
import { filledTemplate } from "../fixtures/annexAFilled";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const today = serialFromYmd(2026, 12, 2);

async function read(workbook: ExcelJS.Workbook) {
  const file = path.join(tempDir(), "pane.xlsx");
  await workbook.xlsx.writeFile(file);
  return (await XlsxWorkbook.open(file)).read({ sheets: "all" });
}

describe("the pane's Annex A state", () => {
  it("shows a sheet it did not recognise, with the list it resembles, and checks it as the list the user names", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Contacts");
    sheet.addRow(["Child ID", "DOB", "Contact Date"]);
    sheet.addRow(["C9", new Date(Date.UTC(2016, 1, 1)), new Date(Date.UTC(2026, 9, 1))]);
    const snapshot = await read(workbook);
    const resolve = () => undefined;
    const first = paneState(snapshot, { annexA: { asOf: null, today }, resolve }).report.annexA!;
    expect(first.ok && first.report.unrecognised.map((u) => [u.sheet, u.resembles?.list])).toEqual([["Contacts", 1]]);
    const named = paneState(snapshot, { annexA: { asOf: null, today, lists: [["Contacts", 1]] }, resolve }).report
      .annexA!;
    expect(named.ok && named.report.lists.map((l) => [l.list, l.sheet, l.columns.missing.length])).toEqual([
      [1, "Contacts", 4],
    ]);
  });

  it("Fix says per rule what it changed, and what it could not place", async () => {
    const workbook = await filledTemplate((wb) => {
      const list = wb.getWorksheet("List_1")!;
      list.getCell("G3").value = "Police";
      list.getCell("C5").value = "Information not yet obtained";
      list.getCell("B4").value = "Man";
    });
    const command = annexInPlaceCommand({ asOf: null, today }, true);
    const { report } = command.plan(await read(workbook));
    expect(command.describe(report)).toBe(
      "Fixed 2 cells in the template's form: 2 codes put in the template's form; 1 code could not be placed (each finding gives the allowed values); 1 finding is listed on “Annex A findings”.",
    );
  });
});

/**
 * A large Annex A List 3 (referrals) for the benches, written with ExcelJS's streaming writer so that
 * making a 500,000-row file does not itself need the memory the bench is there to measure. Some rows
 * are wrong on purpose (a month 13, words where codes go), so the checks have findings to report.
 */
import ExcelJS from "exceljs";

export const LIST3_HEADERS = [
  "Child Unique ID",
  "Gender",
  "Ethnicity",
  "Date of Birth",
  "Age of Child (Years)",
  "Date of referral",
  "Referral Source",
  "Referral NFA?",
  "Number of Referrals in Last 12 Months",
  "Allocated Team",
  "Allocated Worker",
];

export async function writeList3(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet("List_3");
  sheet.addRow(["List 3: Referral"]).commit();
  sheet.addRow(LIST3_HEADERS).commit();
  const genders = ["a) Male", "b) Female", "Female", "c) Not stated/recorded"];
  for (let i = 0; i < rows; i++) {
    const birth = new Date(Date.UTC(2008 + (i % 17), i % 12, 1 + (i % 28)));
    const referral = new Date(Date.UTC(2026, 4 + (i % 6), 1 + (i % 28)));
    const row = sheet.addRow([
      `C${i}`,
      genders[i % 4],
      "a) WBRI",
      birth,
      2026 - birth.getUTCFullYear() - 1,
      i % 97 === 0 ? "01/13/2026" : referral,
      "q) 6: Police",
      "b) No",
      i % 5,
      "Team A",
      "Worker B",
    ]);
    row.getCell(4).numFmt = "dd/mm/yyyy";
    if (i % 97 !== 0) row.getCell(6).numFmt = "dd/mm/yyyy";
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

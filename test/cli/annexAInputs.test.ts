import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { ANNEX_A_LISTS } from "../../src/domain/annexA/listSpecs";
import { typedCell } from "../../src/cli/annexAInput";
import { parseCsv } from "../../src/workbook/csv/csvParse";
import { EXPORT_HEADERS, FILLED_ROWS, filledTemplate } from "../fixtures/annexAFilled";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const run = (...argv: string[]) => runCli(argv, new Date("2026-12-02T09:00:00Z"));

const csvCell = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return "";
  if (v instanceof Date)
    return `${String(v.getUTCDate()).padStart(2, "0")}/${String(v.getUTCMonth() + 1).padStart(2, "0")}/${v.getUTCFullYear()}`;
  const text = String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The filled return as a folder of .csv files, one list each, named as a council's extract names them. */
function csvFolder(): string {
  const folder = path.join(tempDir(), "extract");
  mkdirSync(folder);
  for (const spec of ANNEX_A_LISTS) {
    const { sheet, headers } = EXPORT_HEADERS[spec.list]!;
    const lines = [headers, ...(FILLED_ROWS[spec.list] ?? [])].map((row) => row.map(csvCell).join(","));
    writeFileSync(path.join(folder, `${sheet.toLowerCase().replace(/ /g, "_")}.csv`), lines.join("\r\n") + "\r\n");
  }
  return folder;
}

describe("annex-a inputs", () => {
  it("a folder of .csv files, one list each, recognised by their headers: the filled return has no findings", async () => {
    const folder = csvFolder();
    const { code, out } = await run("annex-a", folder);
    expect(out).toMatch(/^Read from 11 \.csv files in .*extract\.$/m);
    expect(out).toMatch(
      /^Checked as of 18\/11\/2026, the latest date in the lists \(cin!I2\); give --as-of for another day\.$/m,
    );
    expect(out).toMatch(/^List 1 \(Contacts\) on "contacts": 4 rows, 7 columns matched; no problems\.$/m);
    expect(out).toMatch(/^ {2}header {2}E1: “Age” is a known other spelling of “Age of Child \(Years\)”$/m);
    expect(out).toMatch(/^11 lists, 21 rows: 0 errors, 0 warnings\.$/m);
    expect(code).toBe(0);
  });

  it("a .csv cell is typed as Excel reads it; identifiers with a leading zero stay text", () => {
    expect(parseCsv('a,"b,c","d ""q"""\r\n1,,x\n')).toEqual([
      ["a", "b,c", 'd "q"'],
      ["1", "", "x"],
    ]);
    expect(["00123", "12", "01/10/2026", "2026-10-01", "31/02/2026", " "].map(typedCell)).toEqual([
      "00123",
      12,
      { serial: 46296 },
      { serial: 46296 },
      "31/02/2026",
      null,
    ]);
  });

  it("an empty folder says so", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "empty-"));
    const { code, err } = await run("annex-a", folder);
    expect(code).toBe(2);
    expect(err).toMatch(/holds no \.csv files/);
  });

  it("an .xls workbook is converted through LibreOffice when installed; without it, the message says exactly that", async () => {
    const xlsx = path.join(tempDir(), "return.xlsx");
    await (await filledTemplate()).xlsx.writeFile(xlsx);
    const profile = mkdtempSync(path.join(os.tmpdir(), "lo-"));
    execFileSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${profile}`,
        "--convert-to",
        "xls",
        "--outdir",
        tempDir(),
        xlsx,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
    const xls = path.join(tempDir(), "return.xls");
    const converted = await run("annex-a", xls, "--json");
    expect(converted.code).toBe(0);
    const report = JSON.parse(converted.out);
    expect(report.readFrom).toBe("return.xls, converted to .xlsx by LibreOffice");
    expect(report.summary).toMatchObject({ lists: 11, errors: 0, warnings: 0 });

    const before = process.env.INSPECTION_READY_SOFFICE;
    process.env.INSPECTION_READY_SOFFICE = path.join(tempDir(), "no-soffice-here");
    try {
      const missing = await run("annex-a", xls);
      expect(missing.code).toBe(2);
      expect(missing.err).toMatch(
        /return\.xls is an \.xls workbook, which is read by converting it with LibreOffice, and LibreOffice \(soffice\) is not installed on this computer/,
      );
      expect(missing.err).not.toMatch(/holds no Annex A list/);
    } finally {
      if (before === undefined) delete process.env.INSPECTION_READY_SOFFICE;
      else process.env.INSPECTION_READY_SOFFICE = before;
    }
  }, 180_000);
});

describe("annex-a --list and --fix", () => {
  it("--list checks a sheet as the list the user names; a sheet not recognised is reported, never dropped", async () => {
    const file = path.join(tempDir(), "contacts.xlsx");
    const workbook = await filledTemplate((wb) => {
      wb.removeWorksheet(wb.getWorksheet("List_1")!.id);
      const sheet = wb.addWorksheet("Contacts");
      sheet.addRow(["Child ID", "DOB", "Contact Date"]);
      sheet.addRow(["K1", new Date(Date.UTC(2018, 2, 13)), new Date(Date.UTC(2026, 6, 1))]);
    });
    await workbook.xlsx.writeFile(file);
    const unnamed = await run("annex-a", file);
    expect(unnamed.out).toMatch(
      /^Not checked: "Contacts" is not checked as a list: it has 3 of 7 List 1 \(Contacts\) columns \(Child Unique ID, Date of Birth, Date of Contact\)/m,
    );
    expect(unnamed.out).toMatch(/^10 lists,/m);
    const named = await run("annex-a", file, "--list", "Contacts=1", "--json");
    const report = JSON.parse(named.out);
    expect(report.mapping).toEqual([{ sheet: "Contacts", list: 1 }]);
    expect(report.lists[0].columns.missing).toEqual(["Gender", "Ethnicity", "Age of Child (Years)", "Contact Source"]);
    expect((await run("annex-a", file, "--list", "Contacts=12")).err).toMatch(/--list takes SHEET=N pairs/);
  });

  it("--fix says per rule what it changed and where the copy is, and prints what is left", async () => {
    const file = path.join(tempDir(), "words.xlsx");
    const workbook = await filledTemplate();
    const sheet = workbook.getWorksheet("List_1")!;
    sheet.getCell("G3").value = "Police";
    sheet.getCell("B4").value = "Man";
    sheet.getCell("F5").value = "01 November 2026";
    await workbook.xlsx.writeFile(file);
    const out = path.join(tempDir(), "fixed.xlsx");
    const result = await run("annex-a", file, "--fix", "--out", out);
    expect(result.out).toMatch(
      new RegExp(
        `^Fixed 2 cells in ${out.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: 1 codes put in the template's form \\(code-form; first List_1!G3\\); 1 dates written as dates \\(date; first List_1!F5\\)\\.$`,
        "m",
      ),
    );
    expect(result.out).toMatch(
      /^Could not fix 1 codes it could not place \(each finding gives the allowed values\); they are listed on "Annex A findings"/m,
    );
    expect(result.out).toMatch(
      /^ {2}error {3}List_1!B4: Gender "Man" is not one of the template's codes; use one of: a\) Male; b\) Female/m,
    );
    expect(result.out).not.toMatch(/List_1!G3: Contact Source/);
    expect(result.out).toMatch(/^11 lists, 21 rows: 1 error, 0 warnings left after fixing\.$/m);
    expect(result.code).toBe(1);
    const fixed = new ExcelJS.Workbook();
    await fixed.xlsx.readFile(out);
    expect(fixed.getWorksheet("List_1")!.getCell("G3").value).toBe("q) 6: Police");
  });
});

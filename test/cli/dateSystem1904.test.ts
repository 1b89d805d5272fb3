import path from "node:path";
import ExcelJS from "exceljs";
import { createInspectionSheets, inspectionSheetsQuery } from "../../src/commands/createInspectionSheets";
import { runCommand } from "../../src/commands/runCommand";
import { serialFromYmd } from "../../src/domain/dates";
import { getFramework } from "../../src/domain/frameworks";
import { XlsxBytesWorkbook } from "../../src/workbook/xlsx/xlsxBytes";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * A workbook in the 1904 date system (Excel for Mac's old default) counts days from 01/01/1904, 1462 days
 * after the usual day 0: a serial written or read as if it were the 1900 system's is 4 years and a day out.
 */
async function plan1904(): Promise<string> {
  const file = path.join(tempDir(), "mac-plan.xlsx");
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet("Plan");
  sheet.addRow(["Ref", "Action", "Lead officer", "Due date", "RAG", "Progress update", "Evidence", "Last updated"]);
  sheet.addRow(["1.1", "Typed due date", "Head of service", "01/02/2026", "Amber", "Started", "", utc(2026, 11, 20)]);
  sheet.addRow([
    "1.2",
    "Real due date, later",
    "Head of service",
    utc(2027, 2, 1),
    "Amber",
    "Started",
    "",
    utc(2026, 11, 20),
  ]);
  sheet.addRow([
    "1.3",
    "Real due date, passed",
    "Head of service",
    utc(2026, 3, 31),
    "Amber",
    "Started",
    "",
    utc(2026, 6, 1),
  ]);
  for (const r of [3, 4]) sheet.getCell(`D${r}`).numFmt = "dd/mm/yyyy";
  for (const r of [2, 3, 4]) sheet.getCell(`H${r}`).numFmt = "dd/mm/yyyy";
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("a workbook in the 1904 date system", () => {
  it("structure --normalise writes a date typed as 01/02/2026 as 01/02/2026, and the file stays in 1904", async () => {
    const file = await plan1904();
    const out = path.join(tempDir(), "structured.xlsx");
    const result = await runCli([
      "structure",
      file,
      "--sheet",
      "Plan",
      "--as",
      "action-plan",
      "--normalise",
      "--out",
      out,
      "--json",
    ]);
    expect(result.err).toBe("");
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    expect(written.properties.date1904).toBe(true);
    const sheet = written.getWorksheet("Plan")!;
    expect(sheet.getCell("D2").value).toEqual(utc(2026, 2, 1));
    // Dates the user entered are untouched.
    expect(sheet.getCell("D3").value).toEqual(utc(2027, 2, 1));
    expect(sheet.getCell("H2").value).toEqual(utc(2026, 11, 20));
  });

  it("validate judges and states dates as the workbook shows them", async () => {
    const file = await plan1904();
    const out = path.join(tempDir(), "structured.xlsx");
    expect(
      (await runCli(["structure", file, "--sheet", "Plan", "--as", "action-plan", "--normalise", "--out", out])).code,
    ).not.toBe(2);
    const result = await runCli(["validate", out, "--json", "--as-of", "25/11/2026"]);
    const report = JSON.parse(result.out);
    const messages = report.findings.map(
      (f: { rule: string; cell: string; message: string }) => `${f.rule} ${f.cell}: ${f.message}`,
    );
    expect(messages.filter((m: string) => m.startsWith("overdue"))).toEqual([
      expect.stringMatching(/^overdue D2: .*due 01\/02\/2026 has passed/),
      expect.stringMatching(/^overdue D4: .*due 31\/03\/2026 has passed/),
    ]);
    expect(messages.filter((m: string) => m.startsWith("no-recent-update"))).toEqual([
      expect.stringMatching(/^no-recent-update H4: .*last updated 01\/06\/2026, more than 30 days ago/),
    ]);
    expect(report.suggestions.map((s: { cell: string; reason: string }) => `${s.cell} ${s.reason}`)).toEqual([
      "E2 due 01/02/2026 has passed and it is not complete",
      "E4 due 31/03/2026 has passed and it is not complete",
    ]);
  });
});

describe("the inspection's Timeline and checklist in a 1904 workbook", () => {
  it("are dated as the workbook shows dates, the same days as in a 1900 workbook", async () => {
    const datesOf = async (date1904: boolean) => {
      const source = new ExcelJS.Workbook();
      source.properties.date1904 = date1904;
      source.addWorksheet("Notes").getCell("A1").value = "Our notes";
      const workbook = await XlsxBytesWorkbook.fromBytes(new Uint8Array(await source.xlsx.writeBuffer()));
      await runCommand(workbook, inspectionSheetsQuery, (s) =>
        createInspectionSheets(s, {
          framework: getFramework("ofsted-ilacs-2026"),
          dates: { notified: serialFromYmd(2026, 11, 23) + 10 / 24, onsite: null, type: "standard" },
          now: new Date("2026-11-23T10:00:00Z"),
        }),
      );
      const saved = new ExcelJS.Workbook();
      await saved.xlsx.load((await workbook.toBytes()) as unknown as ArrayBuffer);
      expect(saved.properties.date1904).toBe(date1904);
      const column = (sheet: string, header: string) => {
        const ws = saved.getWorksheet(sheet)!;
        const col = (ws.getRow(1).values as unknown[]).indexOf(header);
        return (ws.getColumn(col).values as unknown[]).slice(2).map((v) => (v as Date).toISOString().slice(0, 10));
      };
      return { timeline: column("Timeline", "Date"), checklist: column("Annex A checklist", "Due date") };
    };
    const in1904 = await datesOf(true);
    expect(in1904.timeline[0]).toBe("2026-11-23");
    expect(in1904).toEqual(await datesOf(false));
  });
});

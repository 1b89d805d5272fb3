import path from "node:path";
import ExcelJS from "exceljs";
import { caseAudit, caseAuditQuery } from "../../src/commands/caseAudit";
import { runCommand } from "../../src/commands/runCommand";
import { serialFromYmd } from "../../src/domain/dates";
import { getFramework } from "../../src/domain/frameworks";
import { XlsxBytesWorkbook } from "../../src/workbook/xlsx/xlsxBytes";
import { d, templateWith } from "../fixtures/annexA";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

/**
 * Annex A lists saved in the 1904 date system (Excel for Mac's old default), whose serials count from
 * 01/01/1904, 1462 days after the usual day 0: read or written as the 1900 system's, every date is four
 * years and a day out. Each test looks at what the user sees: dates as dd/mm/yyyy, and the cells written.
 */

/** A date as Excel shows a cell that ExcelJS read (with the file's own date system) as dd/mm/yyyy. */
const shown = (value: ExcelJS.CellValue): string => {
  if (!(value instanceof Date)) throw new Error(`not a date: ${JSON.stringify(value)}`);
  const [y, m, day] = value.toISOString().slice(0, 10).split("-");
  return `${day}/${m}/${y}`;
};

/** Lists 1 and 6 with real dates, a date typed as words, and an age that does not match its date of birth. */
async function lists(date1904: boolean, name = date1904 ? "lists-1904.xlsx" : "lists-1900.xlsx"): Promise<string> {
  const file = path.join(tempDir(), name);
  const cin = (id: string, i: number) => [
    id,
    "a) Male",
    "a) WBRI",
    d(1, 1, 2015),
    11,
    "b) No",
    d(1, 7, 2026),
    "N1 - Abuse or neglect",
    null,
    null,
    null,
    "c) Child in need plan",
    `Team ${"AB"[i % 2]}`,
    `Worker ${i % 4}`,
  ];
  const workbook = await templateWith(
    {
      1: [
        ["C1", "a) Male", "a) WBRI", d(1, 2, 2015), 11, d(20, 11, 2026), "q) 6: Police"],
        // Age 9 on a date of birth that makes 11; a contact date typed as words (--fix writes it as a date).
        ["C2", "b) Female", "a) WBRI", d(3, 3, 2015), 9, "14 Nov 2026", "q) 6: Police"],
      ],
      6: Array.from({ length: 8 }, (_, i) => cin(`N${i}`, i)),
    },
    (wb) => {
      wb.properties.date1904 = date1904;
    },
  );
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("annex-a on lists saved in the 1904 date system", () => {
  it("takes the as-of date from the lists and states every date as Excel shows it", async () => {
    const { code, out } = await runCli(["annex-a", await lists(true)]);
    expect(code).toBe(1);
    const lines = out.split("\n");
    expect(lines[0]).toBe(
      "Checked as of 20/11/2026, the latest date in the lists (List_1!F3); give --as-of for another day.",
    );
    expect(lines).toContain(
      "  warning List_1!E4: age 9 does not match the date of birth 03/03/2015, which makes 11 on 20/11/2026 (the latest date in the lists); correct the age or the date of birth",
    );
    expect(lines).toContain(
      '  error   List_1!F4: Date of Contact "14 Nov 2026" is not a date as dd/mm/yyyy; write it as a date (it reads as 14/11/2026)',
    );
    // One of each, said as one: "1 error", not "1 errors".
    expect(lines.at(-1)).toBe("11 lists, 10 rows: 1 error, 1 warning.");
  });

  it("reports exactly what the same lists saved in the 1900 date system report", async () => {
    const report = async (date1904: boolean) =>
      JSON.parse((await runCli(["annex-a", await lists(date1904), "--json"])).out);
    const in1904 = await report(true);
    const in1900 = await report(false);
    expect(in1904.asOf).toMatchObject({ date: "20/11/2026", serial: serialFromYmd(2026, 11, 20) });
    // A fix is the value to put in the cell: the serial of 14/11/2026 as each workbook counts it.
    const fixOf = (report: { lists: { findings: { fix?: { value: number } }[] }[] }) =>
      report.lists[0]!.findings.find((f) => f.fix)!.fix!;
    expect(fixOf(in1900).value).toBe(serialFromYmd(2026, 11, 14));
    expect(fixOf(in1904).value).toBe(serialFromYmd(2026, 11, 14) - 1462);
    fixOf(in1904).value = fixOf(in1900).value;
    expect({ ...in1904, file: "" }).toEqual({ ...in1900, file: "" });
  });

  it("--fix writes a date typed as words as the day it reads as, and the copy stays in 1904", async () => {
    const out = path.join(tempDir(), "fixed.xlsx");
    const result = await runCli(["annex-a", await lists(true), "--fix", "--out", out]);
    expect(result.out).toMatch(/Fixed 1 cell in .*fixed\.xlsx: 1 dates written as dates \(date; first List_1!F4\)\./);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    expect(written.properties.date1904).toBe(true);
    const sheet = written.getWorksheet("List_1")!;
    expect(shown(sheet.getCell("F4").value)).toBe("14/11/2026");
    expect(sheet.getCell("F4").numFmt).toBe("dd/mm/yyyy");
    // The dates the user entered are untouched.
    expect(shown(sheet.getCell("F3").value)).toBe("20/11/2026");
    expect(shown(sheet.getCell("D4").value)).toBe("03/03/2015");
    // Checked again, the fixed copy has no date to fix and the same as-of date.
    const again = await runCli(["annex-a", out]);
    expect(again.out.split("\n")[0]).toMatch(/^Checked as of 20\/11\/2026, the latest date in the lists/);
    expect(again.out).not.toMatch(/not a date as dd\/mm\/yyyy/);
  });
});

describe("audit-sample with the 1904 date system", () => {
  it("--due puts the due date the user gave on every case", async () => {
    const out = path.join(tempDir(), "audit.xlsx");
    const result = await runCli([
      "audit-sample",
      await lists(true),
      "--out",
      out,
      "--cases",
      "4",
      "--due",
      "01/12/2026",
      "--as-of",
      "25/11/2026",
    ]);
    expect(result.code).toBe(0);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const sheet = written.getWorksheet("Case audit")!;
    const due = (sheet.getRow(1).values as unknown[]).indexOf("Due date");
    const dues = [2, 3, 4, 5].map((r) => shown(sheet.getCell(r, due).value));
    expect(dues).toEqual(["01/12/2026", "01/12/2026", "01/12/2026", "01/12/2026"]);
    expect(shown(written.getWorksheet("QA compliance")!.getCell("B2").value)).toBe("01/11/2026");
  });

  it("--previous reads a 1904 audit's completed dates as the days Excel shows", async () => {
    const previous = path.join(tempDir(), "previous-1904.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet("Case audit");
    sheet.addRow(["Case", "Child Unique ID", "Completed"]);
    // Completed in September 2026, within six months of 25/11/2026: these children are left out.
    for (let i = 0; i < 6; i++) sheet.addRow([String(i + 1), `N${i}`, d(1, 9, 2026)]);
    sheet.getColumn(3).numFmt = "dd/mm/yyyy";
    await workbook.xlsx.writeFile(previous);
    const out = path.join(tempDir(), "audit.xlsx");
    const result = await runCli([
      "audit-sample",
      await lists(true),
      "--out",
      out,
      "--json",
      "--seed",
      "5",
      "--as-of",
      "25/11/2026",
      "--previous",
      previous,
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.leftOut).toEqual({ children: 6, since: "25/05/2026" });
    expect(report.cases.map((c: { id: string }) => c.id).sort()).toEqual(["C1", "C2", "N6", "N7"]);
  });

  it("in the lists' own workbook (as the pane does), due dates and the month are the days the user gave", async () => {
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(await lists(true));
    const workbook = await XlsxBytesWorkbook.fromBytes(new Uint8Array(await source.xlsx.writeBuffer()));
    await runCommand(workbook, caseAuditQuery, (snapshot) =>
      caseAudit(snapshot, {
        framework: getFramework("ofsted-ilacs-2024"),
        cases: 3,
        due: serialFromYmd(2026, 12, 1),
        asOf: serialFromYmd(2026, 11, 25),
        now: new Date("2026-11-25T09:00:00Z"),
        seed: 1,
      }),
    );
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await workbook.toBytes()) as unknown as ArrayBuffer);
    expect(saved.properties.date1904).toBe(true);
    const sheet = saved.getWorksheet("Case audit")!;
    const due = (sheet.getRow(1).values as unknown[]).indexOf("Due date");
    expect([2, 3, 4].map((r) => shown(sheet.getCell(r, due).value))).toEqual([
      "01/12/2026",
      "01/12/2026",
      "01/12/2026",
    ]);
    expect(shown(saved.getWorksheet("QA compliance")!.getCell("B2").value)).toBe("01/11/2026");
  });
});

import path from "node:path";
import type ExcelJS from "exceljs";
import { checkAnnexA, type AnnexAReport } from "../../src/commands/checkAnnexA";
import { ANNEX_A_LISTS } from "../../src/domain/annexA/listSpecs";
import { serialFromYmd } from "../../src/domain/dates";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { EXPORT_HEADERS, filledExport, filledTemplate } from "../fixtures/annexAFilled";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const TODAY = serialFromYmd(2026, 12, 2);

async function check(workbook: ExcelJS.Workbook, asOf: number | null = null): Promise<AnnexAReport> {
  const file = path.join(tempDir(), "filled.xlsx");
  await workbook.xlsx.writeFile(file);
  return checkAnnexA(await (await XlsxWorkbook.open(file)).read({ sheets: "all" }), { asOf, today: TODAY });
}

const findings = (report: AnnexAReport) =>
  report.lists.flatMap((l) => l.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`));

describe("a realistic filled return", () => {
  it("in Ofsted's template: every list, no findings, checked as of the latest date in the lists", async () => {
    const report = await check(await filledTemplate());
    expect(findings(report)).toEqual([]);
    expect(report.summary).toMatchObject({ lists: 11, errors: 0, warnings: 0 });
    expect(report.asOf).toMatchObject({ date: "18/11/2026", source: "latest date in the lists", cell: "List_6!I3" });
    expect(report.unrecognised).toEqual([]);
    expect(report.notLists).toEqual(["Front_Sheet", "FAQ_and_changes", "Guidance", "Codes_used"]);
  });

  it("as a case-management export (other sheet names, headers as exported): the same, each header explained", async () => {
    const report = await check(filledExport());
    expect(findings(report)).toEqual([]);
    expect(report.lists.map((l) => [l.list, l.sheet])).toEqual(
      ANNEX_A_LISTS.map((s) => [s.list, EXPORT_HEADERS[s.list]!.sheet]),
    );
    for (const list of report.lists) {
      expect([list.list, list.columns.missing, list.columns.extra]).toEqual([list.list, [], []]);
      expect(list.headers.map((h) => h.header)).toEqual(EXPORT_HEADERS[list.list]!.headers);
    }
    const age = report.lists[0]!.headers.find((h) => h.header === "Age")!;
    expect(age).toEqual({
      column: "Age of Child (Years)",
      header: "Age",
      cell: "E1",
      how: "synonym",
      explanation: "“Age” is a known other spelling of “Age of Child (Years)”",
    });
    const referrals = report.lists[2]!.headers.find((h) => h.column === "Number of Referrals in Last 12 Months")!;
    expect(referrals.header).toBe("No. of Referrals in Last 12 Months");
    expect(report.lists[3]!.headers.find((h) => h.header === "CHILD_ID")!.how).toBe("synonym");
  });

  it("a header no synonym names is matched by its column's pattern, and said so", async () => {
    const workbook = filledExport();
    workbook.getWorksheet("Referrals")!.getCell("I1").value = "Count of referrals (12 months)";
    workbook.getWorksheet("Contacts")!.getCell("E1").value = "Age at contact";
    const report = await check(workbook);
    expect(findings(report)).toEqual([]);
    const header = report.lists[2]!.headers.find((h) => h.cell === "I1")!;
    expect(header).toMatchObject({ column: "Number of Referrals in Last 12 Months", how: "pattern" });
    expect(header.explanation).toMatch(
      /^“Count of referrals \(12 months\)” is read as “Number of Referrals in Last 12 Months”: it fits the pattern/,
    );
    expect(report.lists[0]!.headers.find((h) => h.cell === "E1")!.column).toBe("Age of Child (Years)");
  });

  it("a header two columns' patterns would take is matched to neither: reported as extra, the column missing", async () => {
    const workbook = filledExport();
    const adopters = workbook.getWorksheet("Adopters")!;
    adopters.getCell("N1").value = "Date matched/placed"; // fits both the matching and the placing date's patterns
    adopters.getCell("O1").value = "Notes";
    const report = await check(workbook);
    const list = report.lists.find((l) => l.list === 11)!;
    expect(list.columns.extra).toEqual(["Date matched/placed", "Notes"]);
    expect(list.columns.missing).toEqual([
      "Date adopter matched with child(ren)",
      "Date child/children placed with adopter(s)",
    ]);
  });
});

describe("the list specs' header data", () => {
  it("within a list, no synonym is another column's name or synonym", () => {
    const norm = (s: string) =>
      s
        .toLowerCase()
        .replace(/[\u2018\u2019]/g, "'")
        .replace(/[?:.*]/g, "")
        .replace(/_/g, " ")
        .replace(/\s+/g, " ")
        .trim();
    for (const spec of ANNEX_A_LISTS) {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const column of [...spec.columns, ...spec.laterColumns])
        for (const name of [column.name, ...(column.synonyms ?? [])]) {
          const key = norm(name);
          const other = owner.get(key);
          if (other && other !== column.name)
            clashes.push(`List ${spec.list}: "${name}" is ${other} and ${column.name}`);
          owner.set(key, column.name);
        }
      expect(clashes).toEqual([]);
    }
  });
});

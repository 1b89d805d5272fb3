/**
 * Which version of the Annex A template a file follows (Ofsted's 2019 template, the regional pipeline's
 * 2024 layout, Sex in place of Gender), on real .xlsx files built from Ofsted's own template.
 */
import path from "node:path";
import type ExcelJS from "exceljs";
import { checkAnnexA } from "../../src/commands/checkAnnexA";
import { serialFromYmd } from "../../src/domain/dates";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { OFSTED_TEMPLATE, d, templateWith } from "../fixtures/annexA";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const asOf = serialFromYmd(2026, 11, 25);
const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

async function check(workbook: ExcelJS.Workbook) {
  const file = path.join(tempDir(), "annex-a.xlsx");
  await workbook.xlsx.writeFile(file);
  return checkAnnexA(await (await XlsxWorkbook.open(file)).read({ sheets: "all" }), asOf);
}

/** Renames the "Gender" header (row 2) to "Sex" on the given lists. */
const sexIn = (lists: number[]) => (wb: ExcelJS.Workbook) => {
  for (const n of lists) {
    const row = wb.getWorksheet(`List_${n}`)!.getRow(2);
    row.eachCell((cell) => {
      if (cell.value === "Gender") cell.value = "Sex";
    });
  }
};

/** List 9's seventeen headers as the regional pipeline documents them (annex_a_headers.md). */
const REGIONAL_LIST_9 = [
  "Child Unique ID",
  "Gender",
  "Ethnicity",
  "Date of Birth",
  "Age of Child (Years)",
  "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
  "Does the Child have a Disability",
  "Allocated Team",
  "Allocated Worker",
  "Allocated Personal Advisor",
  "Eligibility Category",
  "Latest Pathway Plan Review Date",
  "LA in Touch",
  "Latest Date of Contact",
  "Type of Accommodation",
  "Suitability of Accommodation",
  "Activity Status",
];
const regionalList9 =
  (headers = REGIONAL_LIST_9) =>
  (wb: ExcelJS.Workbook) => {
    const sheet = wb.getWorksheet("List_9")!;
    headers.forEach((h, c) => (sheet.getCell(2, c + 1).value = h));
  };

/** A care leaver in the seventeen columns, every value in the template's form. */
const leaver = (id: string, uasc: ExcelJS.CellValue, review: ExcelJS.CellValue, contact: ExcelJS.CellValue) => [
  id,
  "b) Female",
  "a) WBRI",
  d(1, 3, 2006),
  20,
  uasc,
  "b) No",
  "Leaving care",
  "Worker A",
  "Advisor B",
  "b) Former relevant child",
  review,
  "a) Yes",
  contact,
  "D: Semi-independent, transitional accommodation and self-contained accommodation",
  "a) Suitable",
  "F1: Full time in higher education",
];

const findingsOf = (report: Awaited<ReturnType<typeof check>>, list: number) =>
  report.lists.find((l) => l.list === list)!.findings.map((f) => [f.cell, f.rule, f.message]);

describe("the template version a file follows", () => {
  it("(a) Ofsted's 2019 template as it is: the 2019 template, nothing shown otherwise, no findings", async () => {
    const report = checkAnnexA(await (await XlsxWorkbook.open(OFSTED_TEMPLATE)).read({ sheets: "all" }), asOf);
    expect(report.template).toEqual({
      versions: ["ofsted-2019"],
      mixed: false,
      description: "Template: Ofsted 2019 template.",
      evidence: [],
    });
    for (const list of report.lists) {
      expect({ list: list.list, template: list.template }).toEqual({
        list: list.list,
        // Every list could show Sex in place of Gender, and List 9 the regional layout; none does.
        template: {
          versions: ["ofsted-2019"],
          notShown: list.list === 9 ? ["regional-2024", "sex-2026"] : ["sex-2026"],
          evidence: [],
        },
      });
    }
    expect(report.summary).toEqual({ lists: 11, rows: 0, errors: 0, warnings: 0 });
  });

  it("(b) Sex in place of Gender in every list: detected, no column missing, the cells checked under Sex", async () => {
    const report = await check(
      await templateWith(
        {
          1: [
            ["C1", "b) Female", "a) WBRI", d(1, 2, 2016), 10, d(1, 10, 2026), "e) 2A: Schools"],
            ["C2", "Female", "a) WBRI", null, null, d(2, 10, 2026), "e) 2A: Schools"],
            ["C3", null, "a) WBRI", null, null, d(3, 10, 2026), "e) 2A: Schools"],
          ],
        },
        sexIn(ALL),
      ),
    );
    expect(report.template.versions).toEqual(["ofsted-2019", "sex-2026"]);
    expect(report.template.mixed).toBe(false);
    expect(report.template.description).toBe(
      'Template: Ofsted 2019 template, with Sex in place of Gender (planned for 2026; unconfirmed until Ofsted publishes it). Shown by: "Sex" in Lists 1 to 11.',
    );
    expect(report.template.evidence.map((e) => [e.list, e.cell, e.header, e.version])).toEqual(
      ALL.map((n) => [n, n >= 10 ? "C2" : "B2", "Sex", "sex-2026"]),
    );
    for (const list of report.lists) {
      expect([list.list, list.columns.missing, list.columns.extra, list.template.versions]).toEqual([
        list.list,
        [],
        [],
        ["ofsted-2019", "sex-2026"],
      ]);
    }
    // Finding by finding: the cells under "Sex" are checked with Gender's codes, and named Sex.
    expect(findingsOf(report, 1)).toEqual([
      [
        "B4",
        "code-form",
        'List_1!B4: Sex "Female" is written differently from the template\'s code "b) Female"; write "b) Female"',
      ],
      ["B5", "required", "List_1!B5: Sex is required: fill it in"],
    ]);
    expect(report.summary).toEqual({ lists: 11, rows: 3, errors: 1, warnings: 1 });
  });

  it("a list with neither Gender nor Sex says both names in its missing-column finding", async () => {
    const report = await check(
      await templateWith({}, (wb) => {
        wb.getWorksheet("List_1")!.getCell("B2").value = null;
      }),
    );
    const list = report.lists.find((l) => l.list === 1)!;
    expect(list.columns.missing).toEqual(["Gender"]);
    expect(findingsOf(report, 1)).toEqual([
      [
        "A2",
        "missing-column",
        'List_1: the column "Gender" (or "Sex") is missing; add it with that header (the list\'s other columns were found on row 2)',
      ],
    ]);
    // Nothing to tell Gender from Sex by, so List 1 neither shows nor lacks it.
    expect(list.template).toEqual({ versions: ["ofsted-2019"], notShown: [], evidence: [] });
  });

  it("(c) List 9 in the regional 17-column layout, filled: the regional layout, no findings", async () => {
    const report = await check(
      await templateWith(
        {
          9: [
            leaver("L1", "a) Yes", d(1, 9, 2026), d(10, 11, 2026)),
            leaver("L2", "b) No", "15/10/2026", "20/11/2026"),
            leaver("L3", "b) No", null, null),
          ],
        },
        regionalList9(),
      ),
    );
    const list = report.lists.find((l) => l.list === 9)!;
    expect(list.columns).toEqual({ matched: 17, missing: [], extra: [] });
    expect(list.rows).toBe(3);
    expect(list.findings).toEqual([]);
    expect(list.template.versions).toEqual(["regional-2024"]);
    expect(list.template.evidence.map((e) => [e.cell, e.header])).toEqual([
      ["F2", "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)"],
      ["J2", "Allocated Personal Advisor"],
      ["L2", "Latest Pathway Plan Review Date"],
      ["N2", "Latest Date of Contact"],
    ]);
    expect(report.template).toMatchObject({
      versions: ["regional-2024"],
      mixed: false,
      description: "Template: Regional pipeline layout (2024). Shown by: List 9 has 4 columns it adds.",
    });
    // The other lists have the same columns in both layouts: they do not make the file mixed.
    expect(report.lists.filter((l) => l.list !== 9).every((l) => l.template.versions[0] === "ofsted-2019")).toBe(true);
    expect(report.summary).toEqual({ lists: 11, rows: 3, errors: 0, warnings: 0 });
  });

  it("List 9's added columns are typed: the two dates are dates, UASC takes Yes/No codes (Y/N offered the code)", async () => {
    const report = await check(
      await templateWith(
        {
          9: [
            leaver("L1", "Yes", "soon", d(1, 12, 2026)),
            leaver("L2", "Maybe", "1 September 2026", "20/11/2026"),
            leaver("L3", "N", null, null),
          ],
        },
        regionalList9(),
      ),
    );
    expect(findingsOf(report, 9)).toEqual([
      [
        "F3",
        "code-form",
        'List_9!F3: Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N) "Yes" is written differently from the template\'s code "a) Yes"; write "a) Yes"',
      ],
      [
        "L3",
        "date",
        'List_9!L3: Latest Pathway Plan Review Date "soon" is not a date as dd/mm/yyyy; write it as a date',
      ],
      [
        "N3",
        "future-date",
        "List_9!N3: Latest Date of Contact 01/12/2026 is after the as-of date 25/11/2026; check the year, or give --as-of",
      ],
      [
        "F4",
        "code",
        'List_9!F4: Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N) "Maybe" is not one of the template\'s codes; use one of: a) Yes; b) No',
      ],
      [
        "L4",
        "date",
        'List_9!L4: Latest Pathway Plan Review Date "1 September 2026" is not a date as dd/mm/yyyy; write it as a date (it reads as 01/09/2026)',
      ],
      [
        "F5",
        "code-form",
        'List_9!F5: Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N) "N" is written differently from the template\'s code "b) No" (read by its short code); write "b) No"',
      ],
    ]);
  });

  it("List 9's UASC column in the pipeline's other wording, and only some added columns: still the regional layout", async () => {
    const headers = REGIONAL_LIST_9.filter((h) => h !== "Allocated Personal Advisor" && !h.startsWith("Latest"));
    headers[5] = "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)";
    const report = await check(await templateWith({}, regionalList9(headers)));
    const list = report.lists.find((l) => l.list === 9)!;
    expect(list.columns).toEqual({ matched: 14, missing: [], extra: [] });
    expect(list.template.versions).toEqual(["regional-2024"]);
    expect(list.template.evidence.map((e) => e.header)).toEqual([
      "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
    ]);
    expect(report.template.description).toBe(
      "Template: Regional pipeline layout (2024). Shown by: List 9 has a column it adds.",
    );
  });

  it("the pipeline's other spellings (Lists 4, 6, 8, 9) are read as the template's and are not taken as evidence", async () => {
    const report = await check(
      await templateWith({}, (wb) => {
        wb.getWorksheet("List_4")!.getCell("J2").value =
          "Was the child assessed as requiring LA children's social care support?";
        wb.getWorksheet("List_6")!.getCell("L2").value = "Case Status";
        wb.getWorksheet("List_8")!.getCell("AC2").value =
          "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months";
        wb.getWorksheet("List_8")!.getCell("AD2").value =
          "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months";
        wb.getWorksheet("List_9")!.getCell("J2").value = "LA in Touch";
      }),
    );
    for (const list of report.lists)
      expect([list.list, list.columns.missing, list.columns.extra]).toEqual([list.list, [], []]);
    expect(report.template.versions).toEqual(["ofsted-2019"]);
    expect(report.summary.errors).toBe(0);
  });

  it("(d) a file mixing versions: Sex in some lists, Gender in others, List 9 regional — reported as mixed, not an error", async () => {
    const report = await check(
      await templateWith(
        {
          1: [["C1", "a) Male", "a) WBRI", d(1, 2, 2016), 10, d(1, 10, 2026), "e) 2A: Schools"]],
          9: [leaver("L1", "b) No", d(1, 9, 2026), d(10, 11, 2026))],
        },
        (wb) => {
          regionalList9()(wb);
          sexIn([1, 2, 3])(wb);
        },
      ),
    );
    expect(report.template.mixed).toBe(true);
    expect(report.template.versions).toEqual(["regional-2024", "sex-2026"]);
    expect(report.template.description).toBe(
      "Template: mixed. Regional pipeline layout (2024); Sex in place of Gender (planned for 2026; unconfirmed until Ofsted publishes it) in Lists 1 to 3, but not in Lists 4 to 11.",
    );
    expect(report.lists.map((l) => [l.list, l.template.versions])).toEqual(
      ALL.map((n) => [n, n <= 3 ? ["ofsted-2019", "sex-2026"] : n === 9 ? ["regional-2024"] : ["ofsted-2019"]]),
    );
    expect(report.template.evidence.map((e) => [e.list, e.version])).toEqual([
      [1, "sex-2026"],
      [2, "sex-2026"],
      [3, "sex-2026"],
      [9, "regional-2024"],
      [9, "regional-2024"],
      [9, "regional-2024"],
      [9, "regional-2024"],
    ]);
    for (const list of report.lists) expect([list.list, list.findings]).toEqual([list.list, []]);
    expect(report.summary).toEqual({ lists: 11, rows: 2, errors: 0, warnings: 0 });
  });
});

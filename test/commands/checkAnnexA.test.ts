import path from "node:path";
import { checkAnnexA } from "../../src/commands/checkAnnexA";
import { ANNEX_A_LISTS } from "../../src/domain/annexA/listSpecs";
import { ageOn } from "../../src/domain/annexA/checkList";
import { serialFromYmd } from "../../src/domain/dates";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { OFSTED_TEMPLATE, d, templateWith } from "../fixtures/annexA";
import { useTempDir } from "../support/tempDir";
import type ExcelJS from "exceljs";

const tempDir = useTempDir();
const asOf = serialFromYmd(2026, 11, 25);

async function check(workbook: ExcelJS.Workbook) {
  const file = path.join(tempDir(), "annex-a.xlsx");
  await workbook.xlsx.writeFile(file);
  return checkAnnexA(await (await XlsxWorkbook.open(file)).read({ sheets: "all" }), asOf);
}

const rulesAt = (report: Awaited<ReturnType<typeof check>>, list: number) =>
  report.lists.find((l) => l.list === list)!.findings.map((f) => `${f.cell} ${f.rule}`);

describe("Ofsted's Annex A template", () => {
  it("11 of 11 lists and every column recognised", async () => {
    const report = checkAnnexA(await (await XlsxWorkbook.open(OFSTED_TEMPLATE)).read({ sheets: "all" }), asOf);
    expect(report.lists.map((l) => l.list)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const list of report.lists) {
      expect({ list: list.list, missing: list.columns.missing, extra: list.columns.extra }).toEqual({
        list: list.list,
        missing: [],
        extra: [],
      });
      expect(list.columns.matched).toBe(ANNEX_A_LISTS[list.list - 1]!.columns.length);
      expect(list.headerRow).toBe(2);
    }
    expect(report.summary).toEqual({ lists: 11, rows: 0, errors: 0, warnings: 0 });
  });
});

describe("messy variants of the template", () => {
  const goodContact = ["C001", "a) Male", "a) WBRI", d(1, 2, 2016), 10, d(1, 10, 2026), "e) 2A: Schools"];

  it("a clean row has no findings", async () => {
    expect(rulesAt(await check(await templateWith({ 1: [goodContact] })), 1)).toEqual([]);
  });

  it("recognises renamed sheets and headers spelt differently", async () => {
    const workbook = await templateWith({ 1: [goodContact] }, (wb) => {
      wb.getWorksheet("List_1")!.name = "List 1 - Contacts";
      wb.getWorksheet("List_8")!.name = "Children in care";
      const list9 = wb.getWorksheet("List_9")!;
      list9.name = "list 9";
      list9.getCell("J2").value = "LA in touch"; // no trailing space, other case
      const list4 = wb.getWorksheet("List_4")!;
      list4.getCell("J2").value = "Was the child assessed as requiring LA children's social care support?"; // straight quote and "?"
    });
    const report = await check(workbook);
    expect(report.lists.map((l) => [l.list, l.sheet])).toEqual(
      expect.arrayContaining([
        [1, "List 1 - Contacts"],
        [8, "Children in care"],
        [9, "list 9"],
      ]),
    );
    for (const list of report.lists) expect(list.columns.missing).toEqual([]);
  });

  it("codes without the a) prefix or in another case are offered the template's form; unknown codes are errors", async () => {
    const report = await check(
      await templateWith({
        1: [
          ["C1", "Female", "a) WBRI", null, null, d(1, 10, 2026), "2A"],
          ["C2", "b) female", "WBRI", null, null, d(2, 10, 2026), "e) 2A: Schools"],
          ["C3", "Man", "a) WBRI", null, null, d(3, 10, 2026), "e) 2A: Schools"],
        ],
      }),
    );
    const list = report.lists.find((l) => l.list === 1)!;
    expect(list.findings.map((f) => [f.cell, f.rule, f.fix?.value ?? null])).toEqual([
      ["B3", "code-form", "b) Female"],
      ["G3", "code-form", "e) 2A: Schools"],
      ["B4", "code-form", "b) Female"],
      ["C4", "code-form", "a) WBRI"],
      ["B5", "code", null],
    ]);
  });

  it("dates: real dates and dd/mm/yyyy text pass; other text is an error, with a fix where it can be read", async () => {
    const report = await check(
      await templateWith({
        1: [
          ["C1", "a) Male", "a) WBRI", "01/02/2016", 10, "1 October 2026", "e) 2A: Schools"],
          ["C2", "a) Male", "a) WBRI", null, null, "soon", "e) 2A: Schools"],
        ],
      }),
    );
    const findings = report.lists.find((l) => l.list === 1)!.findings;
    expect(findings.map((f) => [f.cell, f.rule, f.fix?.label ?? null])).toEqual([
      ["F3", "date", "Change to 01/10/2026"],
      ["F4", "date", null],
    ]);
  });

  it("required values, whole numbers, future dates and dates in the wrong order", async () => {
    const report = await check(
      await templateWith({
        3: [["R1", "a) Male", "a) WBRI", null, null, null, "q) 6: Police", "b) No", -1, "Team A", "Worker A"]],
        7: [
          [
            "P1",
            "b) Female",
            "b) WIRI",
            d(1, 1, 2015),
            11,
            "c) Unknown",
            d(1, 6, 2026),
            "a) Neglect",
            "a) Neglect",
            null,
            null,
            null,
            d(1, 5, 2026),
            "b) No",
            0,
            "T",
            "W",
          ],
        ],
        2: [["E1", "a) Male", "a) WBRI", null, null, d(1, 12, 2026), null, "School"]],
      }),
    );
    expect(rulesAt(report, 3)).toEqual(["F3 required", "I3 whole-number"]);
    expect(rulesAt(report, 7)).toEqual(["M3 date-order"]);
    expect(rulesAt(report, 2)).toEqual(["F3 future-date"]);
  });

  it("age −1 only for an unborn child; age checked against the date of birth", async () => {
    const report = await check(
      await templateWith({
        1: [
          ["U1", "c) Not stated/recorded", "s) NOBT", d(1, 3, 2027), -1, d(1, 11, 2026), "q) 6: Police"],
          ["U2", "a) Male", "a) WBRI", d(1, 3, 2020), -1, d(1, 11, 2026), "q) 6: Police"],
          ["U3", "a) Male", "a) WBRI", d(26, 11, 2016), 10, d(1, 11, 2026), "q) 6: Police"],
          ["U4", "a) Male", "a) WBRI", d(1, 3, 2027), 0, d(1, 11, 2026), "q) 6: Police"],
        ],
      }),
    );
    expect(rulesAt(report, 1)).toEqual(["E4 age", "E5 age-vs-birth", "D6 future-date"]);
    expect(ageOn(serialFromYmd(2016, 11, 26), asOf)).toBe(9);
  });

  it("duplicates by each list's cohort: one row per child in List 8, per child per contact in List 1", async () => {
    const cared = (id: string) => [
      id,
      "a) Male",
      "a) WBRI",
      d(1, 1, 2012),
      14,
      "b) No",
      "b) No",
      d(1, 1, 2024),
      "N1 - Abuse or neglect",
      "b) No",
      d(1, 1, 2024),
      "C2: FCO",
      null,
      null,
      null,
      null,
      null,
      null,
      1,
      null,
      null,
      d(1, 1, 2024),
      "d) U4: Foster placement - long term",
      "b) PR1: Own provision",
      "AB1 2CD",
      null,
      "a) In",
      "Our LA",
      0,
      0,
      null,
      null,
      "T",
      "W",
    ];
    const report = await check(
      await templateWith({
        8: [cared("K1"), cared("K2"), cared("k1")],
        1: [goodContact, goodContact, [...goodContact.slice(0, 5), d(2, 10, 2026), goodContact[6]]],
      }),
    );
    expect(report.lists.find((l) => l.list === 8)!.findings.map((f) => [f.cell, f.rule, f.severity])).toEqual([
      ["A5", "duplicate", "error"],
    ]);
    expect(report.lists.find((l) => l.list === 1)!.findings.map((f) => [f.cell, f.rule, f.severity])).toEqual([
      ["A4", "duplicate", "warning"],
    ]);
  });

  it("blank rows are skipped and not counted", async () => {
    const report = await check(
      await templateWith({ 1: [goodContact, [], [], [...goodContact.slice(0, 5), d(3, 10, 2026), goodContact[6]]] }),
    );
    expect(report.lists.find((l) => l.list === 1)!.rows).toBe(2);
    expect(rulesAt(report, 1)).toEqual([]);
  });

  it("reports a missing column and an extra one", async () => {
    const report = await check(
      await templateWith({}, (wb) => {
        const sheet = wb.getWorksheet("List_1")!;
        sheet.getCell("G2").value = null;
        sheet.getCell("H2").value = "Notes";
      }),
    );
    const list = report.lists.find((l) => l.list === 1)!;
    expect(list.columns).toMatchObject({ missing: ["Contact Source"], extra: ["Notes"] });
  });
});

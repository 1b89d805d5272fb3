import path from "node:path";
import ExcelJS from "exceljs";
import { checkAnnexA, checkAnnexALists, type AnnexAReport } from "../../src/commands/checkAnnexA";
import { serialFromYmd } from "../../src/domain/dates";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { d, templateWith } from "../fixtures/annexA";
import { FILLED_ROWS, copyRows, filledExport } from "../fixtures/annexAFilled";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const TODAY = serialFromYmd(2026, 12, 2);

async function read(workbook: ExcelJS.Workbook) {
  const file = path.join(tempDir(), "lists.xlsx");
  await workbook.xlsx.writeFile(file);
  return (await XlsxWorkbook.open(file)).read({ sheets: "all" });
}
const check = async (workbook: ExcelJS.Workbook, options: Partial<Parameters<typeof checkAnnexA>[1] & object> = {}) =>
  checkAnnexA(await read(workbook), { asOf: null, today: TODAY, ...options });
const found = (report: AnnexAReport) =>
  report.lists.flatMap((l) => l.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).sort();

/** The filled return with one fault seeded per line, each where a person would make it. */
function seeded(): Record<number, ExcelJS.CellValue[][]> {
  const rows = copyRows(FILLED_ROWS);
  const clean = (list: number, i: number) => [...FILLED_ROWS[list]![i]!];
  rows[6]![1]![12] = { error: "#N/A" }; // List_6!M4: the allocated team a lookup failed to find
  rows[6]![1]![13] = { error: "#REF!" }; // List_6!N4
  rows[8]![0]![7] = d(24, 2, 2010); // List_8!H3: entered care before the child (born 02/05/2012) was born
  rows[2]![0]![3] = d(20, 2, 2016); // List_2!D3: K5 born 20/02/2015 in List 1
  rows[2]![0]![4] = 10;
  const k7 = ["K7", "a) Male", "a) WBRI", d(3, 3, 2020), 6, "b) No"];
  rows[7]!.push([
    ...k7,
    d(1, 10, 2026),
    "a) Neglect",
    "a) Neglect",
    d(1, 11, 2026),
    "a) Yes",
    null,
    null,
    "b) No",
    0,
    "CP Team",
    "J Smith",
  ]); // List_7!A4: no enquiry in List 5
  rows[6]!.push([
    ...k7,
    d(1, 9, 2026),
    "N1 - Abuse or neglect",
    d(1, 11, 2026),
    null,
    null,
    "b) Child Protection plan",
    "CP Team",
    "J Smith",
  ]);
  const k8 = clean(8, 0);
  k8[0] = "K8";
  rows[8]!.push(k8); // List_8!A5: in care, not in List 6
  rows[3]![1]![5] = d(1, 1, 2026); // List_3!F4: a referral before the six months
  rows[5]![0]![8] = d(10, 7, 2026); // List_5!I3: conference before the strategy discussion
  rows[10]![0]![12] = d(15, 9, 2026); // List_10!M3: adoption order before the placement
  rows[6]![3]![2] = "a) WBRI"; // List_6!C6: K6 is j) AIND in Lists 1, 3 and 4
  rows[1]![0]![6] = "Police"; // List_1!G3: the source in words
  rows[1]![1]![1] = "Man"; // List_1!B4: not a gender code
  rows[9]![0]![4] = 12; // List_9!E3: born 15/09/2007
  return rows;
}

const SEEDED = [
  "List_1!B4 code",
  "List_1!G3 code-form",
  "List_10!M3 date-order",
  "List_2!D3 cross-list-birth",
  "List_3!F4 outside-period",
  "List_5!I3 date-order",
  "List_6!C6 cross-list-ethnicity",
  "List_6!M4 excel-error",
  "List_6!N4 excel-error",
  "List_7!A4 plan-without-enquiry",
  "List_8!A5 care-not-in-need",
  "List_8!H3 before-birth",
  "List_9!E3 age-vs-birth",
].sort();

describe("seeded faults in a filled return", () => {
  it("each is found on its own cell, and nothing else", async () => {
    const report = await check(await templateWith(seeded()));
    expect(found(report)).toEqual(SEEDED);
    expect(report.asOf.date).toBe("18/11/2026");
  });

  it("the same faults in the export layout are found on the same cells, one row higher", async () => {
    const report = await check(filledExport(seeded()));
    const names: Record<string, string> = {
      List_1: "Contacts",
      List_2: "Early Help",
      List_3: "Referrals",
      List_5: "S47",
      List_6: "CIN",
      List_7: "CP",
      List_8: "CLA",
      List_9: "Care Leavers",
      List_10: "Adoption",
    };
    const moved = SEEDED.map((f) => {
      const [, sheet, col, row, rule] = /^(\w+)!([A-Z]+)(\d+) (.+)$/.exec(f)!;
      return `${names[sheet!]}!${col}${Number(row) - 1} ${rule}`;
    }).sort();
    expect(found(report)).toEqual(moved);
  });

  it("messages say what to do: the allowed values for a wrong code, the source of a rule across lists", async () => {
    const report = await check(await templateWith(seeded()));
    const all = report.lists.flatMap((l) => l.findings);
    expect(all.find((f) => f.rule === "code")!.message).toBe(
      'List_1!B4: Gender "Man" is not one of the template\'s codes; use one of: a) Male; b) Female; c) Not stated/recorded; d) Neither',
    );
    expect(all.find((f) => f.rule === "excel-error")!.message).toMatch(
      /holds the Excel error #N\/A.*the list requires one$/,
    );
    expect(all.find((f) => f.rule === "before-birth")!.message).toBe(
      "List_8!H3: Date Started to be Looked After 24/02/2010 is before the date of birth 02/05/2012; one of the two dates is wrong",
    );
    const plan = all.find((f) => f.rule === "plan-without-enquiry")!;
    expect(plan.source).toMatch(
      /^Working Together to Safeguard Children \(2023\).*\(partly confirmed: a plan transferred in/,
    );
    expect(all.find((f) => f.rule === "care-not-in-need")!.source).toMatch(
      /^Annex A guidance \(Ofsted, August 2019\), List 6/,
    );
    expect(all.find((f) => f.rule === "outside-period")!.message).toBe(
      "List_3!F4: Date of referral 01/01/2026 is before the 6 months the list covers (19/05/2026 to 18/11/2026, to the latest date in the lists): the list holds referrals in the 6 months; leave the row out, or check the date",
    );
  });

  it("Excel error values are found in any column of a list, matched or not", async () => {
    const workbook = await templateWith(
      { 1: [["C1", "a) Male", "a) WBRI", null, null, d(1, 10, 2026), "q) 6: Police", { error: "#VALUE!" }]] },
      (wb) => {
        wb.getWorksheet("List_1")!.getCell("H2").value = "Notes";
      },
    );
    expect(found(await check(workbook))).toEqual(["List_1!H3 excel-error"]);
  });
});

describe("codes", () => {
  it("a letter the template does not give the code is read past; words and short codes are offered the template's form", async () => {
    const rows = copyRows(FILLED_ROWS);
    rows[8]![0]![11] = "a) C2: FCO";
    rows[8]![1]![22] = "A6";
    rows[6]![0]![7] = "Abuse or neglect";
    rows[6]![1]![11] = "CLA";
    const report = await check(await templateWith(rows));
    const fixes = report.lists.flatMap((l) => l.findings.map((f) => [`${f.sheet}!${f.cell}`, f.rule, f.fix?.value]));
    expect(fixes).toEqual([
      ["List_6!H3", "code-form", "N1 - Abuse or neglect"],
      ["List_6!L4", "code-form", "a) Looked after child"],
      ["List_8!L3", "code-form", "C2: FCO"],
      ["List_8!W4", "code-form", "j) A6: Placed for adoption - order - not foster"],
    ]);
  });
});

describe("chronology within a row", () => {
  const child = (id: string, dob: Date, age: number, contact: Date) => [
    id,
    "a) Male",
    "a) WBRI",
    dob,
    age,
    contact,
    "q) 6: Police",
  ];

  it("work for an unborn child may begin before the birth; not years before", async () => {
    const report = await check(
      await templateWith({
        1: [
          child("C1", d(1, 9, 2026), 0, d(1, 6, 2026)),
          child("C2", d(13, 3, 2018), 8, d(1, 11, 2026)),
          child("C3", d(13, 3, 2018), 8, d(1, 1, 2016)),
        ],
      }),
      { asOf: serialFromYmd(2026, 11, 25) },
    );
    expect(found(report)).toEqual(["List_1!F5 before-birth", "List_1!F5 outside-period"].sort());
  });

  it("an age taken at the row's own event, not at the as-of date, is not a mismatch", async () => {
    // Born 10/08/2016: 9 at the contact on 01/06/2026, 10 on 25/11/2026; either is accepted, 12 is not.
    const report = await check(
      await templateWith({
        1: [
          child("C1", d(10, 8, 2016), 9, d(1, 6, 2026)),
          child("C2", d(10, 8, 2016), 10, d(1, 6, 2026)),
          child("C3", d(10, 8, 2016), 12, d(2, 6, 2026)),
        ],
      }),
      { asOf: serialFromYmd(2026, 11, 25) },
    );
    expect(found(report)).toEqual(["List_1!E5 age-vs-birth"]);
  });
});

describe("the as-of date", () => {
  it("is the latest date in the lists, never a date after today, and said in the report", async () => {
    const report = await check(
      await templateWith({
        1: [
          ["C1", "a) Male", "a) WBRI", null, null, d(1, 10, 2026), "q) 6: Police"],
          ["C2", "a) Male", "a) WBRI", null, null, d(1, 10, 2062), "q) 6: Police"],
        ],
      }),
    );
    expect(report.asOf).toEqual({
      date: "01/10/2026",
      serial: serialFromYmd(2026, 10, 1),
      source: "latest date in the lists",
      cell: "List_1!F3",
      description: "Checked as of 01/10/2026, the latest date in the lists (List_1!F3); give --as-of for another day.",
    });
    expect(found(report)).toEqual(["List_1!F4 future-date"]);
  });

  it("given, it is used as given", async () => {
    const report = await check(await templateWith({}), { asOf: serialFromYmd(2026, 11, 25) });
    expect(report.asOf).toMatchObject({ date: "25/11/2026", source: "given" });
  });
});

describe("sheets not recognised as a list", () => {
  const contacts = (wb: ExcelJS.Workbook) => {
    const sheet = wb.addWorksheet("Contacts");
    sheet.addRow(["Child ID", "DOB", "Contact Date"]);
    sheet.addRow(["C9", d(1, 2, 2016), d(1, 10, 2026)]);
  };

  it("are reported with the list they most resemble and why, never dropped", async () => {
    const workbook = new ExcelJS.Workbook();
    contacts(workbook);
    const snapshot = await read(workbook);
    const report = checkAnnexA(snapshot, { asOf: null, today: TODAY });
    expect(report.lists).toEqual([]);
    expect(report.unrecognised).toEqual([
      {
        sheet: "Contacts",
        resembles: {
          list: 1,
          title: "Contacts",
          matched: 3,
          of: 7,
          columns: ["Child Unique ID", "Date of Birth", "Date of Contact"],
        },
        reason:
          '"Contacts" is not checked as a list: it has 3 of 7 List 1 (Contacts) columns (Child Unique ID, Date of Birth, Date of Contact), too few to be sure (a list is recognised by at least 3 and half of its columns). If it is List 1, say so: --list "Contacts=1" (or choose the list in the pane)',
      },
    ]);
    expect(() => checkAnnexALists(snapshot, { asOf: null, today: TODAY })).toThrow(
      /holds no sheet recognised as an Annex A list\. "Contacts" is not checked as a list: it has 3 of 7 List 1/,
    );
  });

  it("are checked as the list the user names, with the missing columns reported", async () => {
    const workbook = await templateWith({}, (wb) => {
      wb.removeWorksheet(wb.getWorksheet("List_1")!.id);
      contacts(wb);
    });
    const report = await check(workbook, { lists: new Map([["contacts", 1]]) });
    const list = report.lists.find((l) => l.list === 1)!;
    expect(list.sheet).toBe("Contacts");
    expect(list.columns.missing).toEqual(["Gender", "Ethnicity", "Age of Child (Years)", "Contact Source"]);
    expect(report.mapping).toEqual([{ sheet: "Contacts", list: 1 }]);
    expect(report.unrecognised).toEqual([]);
    await expect(check(workbook, { lists: new Map([["Contactz", 1]]) })).rejects.toThrow(
      /There is no sheet "Contactz"/,
    );
  });
});

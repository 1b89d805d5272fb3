import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { OFSTED_TEMPLATE, d, templateWith } from "../fixtures/annexA";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

const run = (...argv: string[]) => runCli(argv);

describe("inspection-ready annex-a", () => {
  it("reports the template's eleven lists as JSON in the documented shape, exit 0", async () => {
    const { code, out } = await run("annex-a", OFSTED_TEMPLATE, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.summary).toEqual({ lists: 11, rows: 0, errors: 0, warnings: 0 });
    expect(Object.keys(report.lists[0])).toEqual(
      expect.arrayContaining(["list", "sheet", "rows", "columns", "findings"]),
    );
    expect(Object.keys(report.lists[0].columns)).toEqual(["matched", "missing", "extra"]);
  });

  it("exit 1 with errors, judged against --as-of", async () => {
    const file = path.join(tempDir(), "lists.xlsx");
    const workbook = await templateWith({
      1: [["C1", "a) Male", "a) WBRI", null, null, d(1, 12, 2026), "q) 6: Police"]],
    });
    await workbook.xlsx.writeFile(file);
    const today = await run("annex-a", file, "--json", "--as-of", "25/11/2026");
    expect(today.code).toBe(1);
    expect(JSON.parse(today.out).lists[0].findings[0]).toMatchObject({
      rule: "future-date",
      sheet: "List_1",
      cell: "F3",
    });
    const later = await run("annex-a", file, "--as-of", "31/12/2026");
    expect(later.code).toBe(0);
    expect(later.out).toMatch(/11 lists, 1 row: 0 errors, 0 warnings\./);
  });

  it("names the template version the file follows: in --json as template, in the text as one line", async () => {
    const json = JSON.parse((await run("annex-a", OFSTED_TEMPLATE, "--json")).out);
    expect(json.template).toMatchObject({ versions: ["ofsted-2019"], mixed: false, evidence: [] });
    expect(json.lists[0].template).toEqual({ versions: ["ofsted-2019"], notShown: ["sex-2026"], evidence: [] });

    const file = path.join(tempDir(), "sex.xlsx");
    const workbook = await templateWith({}, (wb) => {
      for (const sheet of wb.worksheets)
        sheet.getRow(2).eachCell((cell) => {
          if (cell.value === "Gender") cell.value = "Sex";
        });
    });
    await workbook.xlsx.writeFile(file);
    const text = await run("annex-a", file, "--as-of", "25/11/2026");
    expect(text.code).toBe(0);
    const lines = text.out.split("\n");
    expect(lines.filter((l) => l.startsWith("Template:"))).toEqual([
      'Template: Ofsted 2019 template, with Sex in place of Gender (planned for 2026; unconfirmed until Ofsted publishes it). Shown by: "Sex" in Lists 1 to 11.',
    ]);
    const sex = JSON.parse((await run("annex-a", file, "--json", "--as-of", "25/11/2026")).out);
    expect(sex.template.versions).toEqual(["ofsted-2019", "sex-2026"]);
    expect(sex.template.evidence[0]).toEqual({
      version: "sex-2026",
      list: 1,
      sheet: "List_1",
      cell: "B2",
      header: "Sex",
      shows: '"Sex" in place of "Gender"',
    });
  });

  it("exit 2 for a workbook with no lists, an unreadable file, or a bad date", async () => {
    const plan = path.join(tempDir(), "plan.xlsx");
    await run("new", "--framework", "caa-2009", "--out", plan);
    expect((await run("annex-a", plan)).err).toMatch(/holds no Annex A list/);
    expect((await run("annex-a", path.join(tempDir(), "none.xlsx"))).code).toBe(2);
    expect((await run("annex-a", OFSTED_TEMPLATE, "--as-of", "tomorrow")).err).toMatch(
      /--as-of takes a date as dd\/mm\/yyyy/,
    );
  });
});

describe("inspection-ready annex-a --write / --fix", () => {
  it("writes a findings sheet into a copy, fixes only with --fix, and leaves the input alone", async () => {
    const file = path.join(tempDir(), "lists.xlsx");
    const workbook = await templateWith({
      1: [["C1", "Male", "a) WBRI", null, null, "1 October 2026", "q) 6: Police"]],
    });
    await workbook.xlsx.writeFile(file);
    const before = readFileSync(file);

    const written = path.join(tempDir(), "written.xlsx");
    expect((await run("annex-a", file, "--write", "--out", written, "--as-of", "25/11/2026")).code).toBe(1);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(written);
    const findings = copy.getWorksheet("Annex A findings")!;
    expect(findings.getRow(1).values).toEqual([undefined, "List", "Sheet", "Cell", "Severity", "Rule", "Message"]);
    expect([2, 3].map((r) => findings.getCell(`C${r}`).value)).toEqual(["B3", "F3"]);
    expect(copy.getWorksheet("List_1")!.getCell("B3").value).toBe("Male");

    const fixed = path.join(tempDir(), "fixed.xlsx");
    const result = await run("annex-a", file, "--fix", "--out", fixed, "--as-of", "25/11/2026", "--json");
    expect(JSON.parse(result.out).fixed).toBe(2);
    const repaired = new ExcelJS.Workbook();
    await repaired.xlsx.readFile(fixed);
    const list = repaired.getWorksheet("List_1")!;
    expect(list.getCell("B3").value).toBe("a) Male");
    expect((list.getCell("F3").value as Date).toISOString().slice(0, 10)).toBe("2026-10-01");
    expect(repaired.getWorksheet("Annex A findings")!.getCell("A2").value).toBeNull();
    expect(readFileSync(file)).toEqual(before);
  });

  it("--write needs --out", async () => {
    const { code, err } = await run("annex-a", OFSTED_TEMPLATE, "--write");
    expect(code).toBe(2);
    expect(err).toMatch(/--write and --fix need --out/);
  });
});

describe("inspection-ready audit-sample", () => {
  it("chooses 30 cases spread across the lists, with the Case audit and QA compliance sheets", async () => {
    const file = path.join(tempDir(), "lists.xlsx");
    const child = (id: string) => [id, "a) Male", "a) WBRI", null, null];
    const workbook = await templateWith({
      6: Array.from({ length: 40 }, (_, i) => child(`N${i}`)),
      7: Array.from({ length: 12 }, (_, i) => child(`P${i}`)),
      8: Array.from({ length: 25 }, (_, i) => child(`C${i}`)),
    });
    await workbook.xlsx.writeFile(file);
    const out = path.join(tempDir(), "audit.xlsx");
    const { code, out: printed } = await run(
      "audit-sample",
      file,
      "--out",
      out,
      "--due",
      "11/12/2026",
      "--framework",
      "ofsted-sif-2013",
      "--json",
    );
    expect(code).toBe(0);
    const report = JSON.parse(printed);
    expect(report.cases).toHaveLength(30);
    expect(new Set(report.cases.map((c: { list: number }) => c.list))).toEqual(new Set([6, 7, 8]));
    const audit = new ExcelJS.Workbook();
    await audit.xlsx.readFile(out);
    const sheet = audit.getWorksheet("Case audit")!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Case",
      "Child Unique ID",
      "From list",
      "Auditor",
      "Due date",
      "Grade",
      "Themes",
      "Follow-up",
      "Completed",
      "Team",
      "Worker",
    ]);
    expect((sheet.getCell("E2").value as Date).toISOString().slice(0, 10)).toBe("2026-12-11");
    const qa = audit.getWorksheet("QA compliance")!;
    expect(qa.getCell("C2").formula).toMatch(/^IF\(\$A2="","",COUNTIFS\(/);
    expect(qa.getCell("D2").value).toBe(5);
  });

  it("exit 2 without lists to choose from, or with a bad --cases", async () => {
    expect((await run("audit-sample", OFSTED_TEMPLATE, "--out", path.join(tempDir(), "a.xlsx"))).err).toMatch(
      /no Annex A list with children/,
    );
    expect(
      (await run("audit-sample", OFSTED_TEMPLATE, "--out", path.join(tempDir(), "a.xlsx"), "--cases", "many")).err,
    ).toMatch(/--cases takes a whole number/);
  });
});

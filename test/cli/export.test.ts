import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { childNeedles, packPlan } from "../support/packFixture";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const run = (...argv: string[]) => runCli(argv);

/** Every cell of every sheet of a workbook as text, hidden sheets included. */
async function allCellText(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => {
    texts.push(sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => texts.push(String(cell.text))),
    );
    const hf = sheet.headerFooter;
    texts.push(String(hf.oddHeader ?? ""), String(hf.oddFooter ?? ""));
  });
  return texts;
}

describe("inspection-ready export", () => {
  it("writes the pack as .xlsx with the documented JSON, the marking in the file name and on every page", async () => {
    const plan = await packPlan(tempDir());
    const { code, out, err } = await run(
      "export",
      plan,
      "--out",
      path.join(tempDir(), "pack.xlsx"),
      "--as-of",
      "25/11/2026",
      "--json",
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(["file", "out", "format", "sheets", "pages", "suppressed", "exceptions"]),
    );
    expect(report.out).toBe(path.join(tempDir(), "pack OFFICIAL-SENSITIVE.xlsx"));
    expect(report.format).toBe("xlsx");
    expect(report.sheets).toEqual(
      expect.arrayContaining(["Cover", "Exceptions", "Summary by judgement", "Annex A counts"]),
    );
    expect(report.exceptions).toBeGreaterThan(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report.out);
    for (const name of report.sheets) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.headerFooter.oddHeader).toContain("OFFICIAL-SENSITIVE");
      expect(sheet.headerFooter.oddFooter).toContain("OFFICIAL-SENSITIVE");
      expect(sheet.headerFooter.oddFooter).toContain("Page &P of &N");
      expect(sheet.pageSetup.orientation).toBe("landscape");
    }
    expect(workbook.getWorksheet("Pack snapshot")!.state).toBe("veryHidden");
  });

  it("carries no child id, name or date of birth from the workbook's Annex A lists, in any cell, hidden sheet or CSV", async () => {
    const plan = await packPlan(tempDir());
    const xlsx = await run("export", plan, "--out", path.join(tempDir(), "pack.xlsx"), "--json");
    const csv = await run("export", plan, "--out", path.join(tempDir(), "pack.csv"), "--json");
    expect(JSON.parse(xlsx.out).removed).toBeGreaterThan(0);
    const cells = (await allCellText(JSON.parse(xlsx.out).out)).join("\n").toLowerCase();
    const csvText = readFileSync(JSON.parse(csv.out).out, "utf8").toLowerCase();
    // The progress update that named the child is still there, without the child.
    expect(cells).toContain("found drift");
    for (const needle of childNeedles()) {
      expect(cells).not.toContain(needle.toLowerCase());
      expect(csvText).not.toContain(needle.toLowerCase());
    }
  });

  it("suppresses small Annex A counts, with a second count hidden so the total cannot reveal them; --internal shows them", async () => {
    const plan = await packPlan(tempDir());
    const { out } = await run("export", plan, "--out", path.join(tempDir(), "pack.xlsx"), "--json");
    const report = JSON.parse(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report.out);
    const counts = workbook.getWorksheet("Annex A counts")!;
    const rows: unknown[][] = [];
    counts.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const list1 = rows.find((r) => r[0] === "List 1")!;
    const list6 = rows.find((r) => r[0] === "List 6")!;
    const total = rows.find((r) => r[0] === "Total")!;
    // 3 and 2 records: both small, and so is the total of 5.
    expect([list1[2], list6[2], total[2]]).toEqual(["≤5", "≤5", "≤5"]);
    expect(report.suppressed).toBeGreaterThanOrEqual(3);

    const internal = JSON.parse(
      (await run("export", plan, "--out", path.join(tempDir(), "internal.xlsx"), "--internal", "--json")).out,
    );
    expect(internal.suppressed).toBe(0);
    const open = new ExcelJS.Workbook();
    await open.xlsx.readFile(internal.out);
    const shown: unknown[][] = [];
    open.getWorksheet("Annex A counts")!.eachRow((row) => shown.push((row.values as unknown[]).slice(1)));
    expect(shown.find((r) => r[0] === "List 1")![2]).toBe(3);
  });

  it("gives the same pack for a workbook of the 1904 date system as for the 1900 one", async () => {
    const [dir1900, dir1904] = [path.join(tempDir(), "1900"), path.join(tempDir(), "1904")];
    for (const dir of [dir1900, dir1904]) mkdirSync(dir);
    const [plan1900, plan1904] = [await packPlan(dir1900), await packPlan(dir1904)];
    // The same dates, stored as a Mac workbook counts them: ExcelJS writes each date from 1904.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(plan1904);
    workbook.properties.date1904 = true;
    await workbook.xlsx.writeFile(plan1904);
    const packs = await Promise.all(
      [plan1900, plan1904].map(async (plan) => {
        const out = path.join(path.dirname(plan), "pack.csv");
        const { code, out: json } = await run("export", plan, "--out", out, "--as-of", "25/11/2026", "--json");
        expect(code).toBe(0);
        return readFileSync(JSON.parse(json).out, "utf8");
      }),
    );
    expect(packs[0]).toContain("01/10/2026");
    expect(packs[1]).toEqual(packs[0]);
  });

  it("writes CSV that opens safely: BOM, dd/mm/yyyy, formula-like text neutralised", async () => {
    // Text a manager typed into actions of the Exceptions sheet (rows 8 and 16 are Red).
    const plan = await packPlan(tempDir(), "plan.xlsx", (sheet, col) => {
      sheet.getCell(8, col("Action")).value = '=HYPERLINK("http://example.invalid","click")';
      sheet.getCell(16, col("Action")).value = "+44 7700 900123 rang back";
      sheet.getCell(24, col("Progress update")).value = "@risk register";
    });
    const { out } = await run(
      "export",
      plan,
      "--out",
      path.join(tempDir(), "pack.csv"),
      "--as-of",
      "25/11/2026",
      "--json",
    );
    const text = readFileSync(JSON.parse(out).out, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`);
    expect(text).toContain("'+44 7700 900123 rang back");
    expect(text).toContain("'@risk register");
    expect(text).toContain("25/11/2026");
    for (const line of text.split("\r\n")) {
      for (const field of line.split(",")) expect(field.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it("compares with the previous pack: which actions and judgements went which way, and what was completed since", async () => {
    const dir = tempDir();
    const october = await packPlan(dir, "october.xlsx");
    const last = JSON.parse(
      (await run("export", october, "--out", path.join(dir, "oct.xlsx"), "--as-of", "25/10/2026", "--json")).out,
    );
    // Row 8 (LE-07) was Red and goes Green; row 2 (LE-01) was Green and goes Red; row 4 (LE-03) Not started → Blue.
    const november = await packPlan(dir, "november.xlsx", (sheet, col) => {
      sheet.getCell(8, col("RAG")).value = "Green";
      sheet.getCell(2, col("RAG")).value = "Red";
      sheet.getCell(4, col("RAG")).value = "Blue";
    });
    const { code, out } = await run(
      "export",
      november,
      "--out",
      path.join(dir, "nov.xlsx"),
      "--previous",
      last.out,
      "--json",
    );
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(JSON.parse(out).out);
    const rowsOf = (name: string) => {
      const rows: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const byAction = rowsOf("Direction of travel").filter(
      (r) => typeof r[0] === "string" && /^LE-0[1-9]$/.test(r[0] as string),
    );
    const direction = Object.fromEntries(byAction.map((r) => [r[0], [r[3], r[4], r[5]]]));
    expect(direction["LE-07"]).toEqual(["Red", "Green", "Improved"]);
    expect(direction["LE-01"]).toEqual(["Green", "Red", "Worse"]);
    expect(direction["LE-03"]).toEqual(["Not started", "Blue", "Improved"]);
    expect(byAction.filter((r) => r[5] !== "Same")).toHaveLength(3);
    const completed = rowsOf("Completed since last pack").filter((r) => /^[A-Z]+-\d+$/.test(String(r[0])));
    expect(completed.map((r) => r[0])).toEqual(["LE-03"]);
  });

  it("refuses what it cannot do with a clear message, exit 2, and writes nothing", async () => {
    const dir = tempDir();
    const plan = await packPlan(dir);
    const before = readdirSync(dir).sort();
    const cases: [string[], RegExp][] = [
      [["export", plan], /needs --out/],
      [["export", plan, "--out", path.join(dir, "pack.txt")], /an \.xlsx, a \.pdf or a \.csv/],
      [["export", plan, "--out", path.join(dir, "p.xlsx"), "--previous", plan], /holds no pack snapshot/],
      [["export", plan, "--out", path.join(dir, "p.xlsx"), "--as-of", "2026-11-25"], /dd\/mm\/yyyy/],
      [["export", path.join(dir, "nowhere.xlsx"), "--out", path.join(dir, "p.xlsx")], /does not exist/],
    ];
    for (const [argv, message] of cases) {
      const { code, err } = await runCli(argv);
      expect(code).toBe(2);
      expect(err).toMatch(message);
      expect(err.split("\n")).toHaveLength(1);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it("refuses a previous pack whose hidden snapshot was edited, naming the cell, and writes nothing", async () => {
    const dir = tempDir();
    const plan = await packPlan(dir);
    const last = JSON.parse((await run("export", plan, "--out", path.join(dir, "last.xlsx"), "--json")).out).out;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(last);
    const snapshot = workbook.getWorksheet("Pack snapshot")!;
    let kindRow = 0;
    snapshot.eachRow((row, n) => {
      if (kindRow === 0 && row.getCell(1).value === "action") kindRow = n;
    });
    snapshot.getCell(kindRow, 6).value = "purple";
    await workbook.xlsx.writeFile(last);
    const { code, err } = await run("export", plan, "--out", path.join(dir, "next.xlsx"), "--previous", last);
    expect(code).toBe(2);
    expect(err).toContain(`Pack snapshot!F${kindRow} holds "purple"`);
    expect(existsSync(path.join(dir, "next OFFICIAL-SENSITIVE.xlsx"))).toBe(false);
  });

  it("never replaces an existing pack without --force", async () => {
    const dir = tempDir();
    const plan = await packPlan(dir);
    expect((await run("export", plan, "--out", path.join(dir, "pack.xlsx"))).code).toBe(0);
    const again = await run("export", plan, "--out", path.join(dir, "pack.xlsx"));
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
    expect((await run("export", plan, "--out", path.join(dir, "pack.xlsx"), "--force")).code).toBe(0);
    expect(existsSync(path.join(dir, "pack OFFICIAL-SENSITIVE.xlsx"))).toBe(true);
  });

  it("refuses a workbook with no action plan, saying what to do", async () => {
    const file = path.join(tempDir(), "sef.xlsx");
    await run("new", "--kind", "self-evaluation", "--out", file);
    const { code, err } = await run("export", file, "--out", path.join(tempDir(), "pack.xlsx"));
    expect(code).toBe(2);
    expect(err).toMatch(/no action plan/);
  });
});

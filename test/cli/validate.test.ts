import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

const run = (...argv: string[]) => runCli(argv);

/** A new ILACS plan with a manager's entries: one overdue action with no lead, one fine, one odd RAG. */
async function planWithEntries(): Promise<string> {
  const file = path.join(tempDir(), "plan.xlsx");
  expect((await run("new", "--framework", "ofsted-ilacs-2024", "--out", file)).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const plan = workbook.getWorksheet("Action plan")!;
  const set = (row: number, values: Record<string, ExcelJS.CellValue>) =>
    Object.entries(values).forEach(([col, v]) => (plan.getCell(`${col}${row}`).value = v));
  set(2, { D: "Practice week", F: new Date(Date.UTC(2026, 9, 1)), G: "Amber", H: "Planning started" });
  set(3, {
    D: "Audit programme",
    E: "QA manager",
    F: new Date(Date.UTC(2027, 0, 31)),
    G: "Green",
    I: "Audit reports",
    J: new Date(Date.UTC(2026, 10, 20)),
  });
  set(4, {
    D: "Training",
    E: "Workforce lead",
    F: new Date(Date.UTC(2027, 1, 1)),
    G: "g",
    H: "Booked",
    J: new Date(Date.UTC(2026, 10, 1)),
  });
  const evidence = workbook.getWorksheet("Evidence tracker")!;
  for (let r = 2; r <= 13; r++) evidence.getCell(`F${r}`).value = "Performance team";
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("inspection-ready validate", () => {
  it("reports findings as JSON, naming sheet and cell, with exit 1 when there are errors", async () => {
    const file = await planWithEntries();
    const { code, out } = await run("validate", file, "--json");
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["file", "findings", "summary"]));
    const byRule = (rule: string) => report.findings.filter((f: { rule: string }) => f.rule === rule);
    expect(byRule("overdue")).toEqual([
      {
        rule: "overdue",
        severity: "error",
        sheet: "Action plan",
        cell: "F2",
        message: "Action plan!F2: due 01/10/2026 has passed and the action is not complete",
      },
    ]);
    expect(byRule("missing-lead").map((f: { cell: string }) => f.cell)).toEqual(["E2"]);
    expect(byRule("rag-not-in-vocabulary")[0]).toMatchObject({ cell: "G4", fix: { cell: "G4", value: "Green" } });
    expect(report.summary).toEqual({
      errors: report.findings.filter((f: { severity: string }) => f.severity === "error").length,
      warnings: report.findings.filter((f: { severity: string }) => f.severity === "warning").length,
      info: report.findings.filter((f: { severity: string }) => f.severity === "info").length,
    });
    expect(report.suggestions).toEqual([
      {
        sheet: "Action plan",
        cell: "G2",
        current: "Amber",
        suggested: "Red",
        reason: "due 01/10/2026 has passed and it is not complete",
      },
    ]);
  });

  it("exit 0 when nothing is wrong enough to be an error", async () => {
    const file = path.join(tempDir(), "new.xlsx");
    await run("new", "--framework", "caa-2009", "--kind", "self-evaluation,action-plan", "--out", file);
    const { code, out } = await run("validate", file);
    expect(code).toBe(0);
    expect(out).toMatch(/^0 errors, 0 warnings, 0 for information, in 2 plans\.$/m);
  });

  it("--as-of judges dates against another day", async () => {
    const file = await planWithEntries();
    const { out } = await run("validate", file, "--json", "--as-of", "30/09/2026");
    expect(JSON.parse(out).findings.filter((f: { rule: string }) => f.rule === "overdue")).toEqual([]);
  });

  it("--write puts a Checks column of formulas into a copy and leaves the input alone", async () => {
    const file = await planWithEntries();
    const before = readFileSync(file);
    const out = path.join(tempDir(), "checked.xlsx");
    const { code } = await run("validate", file, "--write", "--out", out);
    expect(code).toBe(1);
    expect(readFileSync(file)).toEqual(before);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const plan = workbook.getWorksheet("Action plan")!;
    expect(plan.getCell("K1").value).toBe("Checks");
    expect(plan.getCell("K2").formula).toMatch(/^MID\(IF\(IFERROR\(/);
    const table = (plan.getTables() as unknown as { table: { tableRef?: string; ref: string } }[])[0]!.table;
    expect(table.tableRef ?? table.ref).toBe("A1:K37");
    // Writing the checks again rewrites the column rather than adding another.
    const again = path.join(tempDir(), "again.xlsx");
    await run("validate", out, "--write", "--out", again);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(again);
    expect(reread.getWorksheet("Action plan")!.getCell("L1").value).toBeNull();
  });

  it.each([
    [["validate"], /validate needs the workbook to check/],
    [["validate", "FILE", "--write"], /--write needs --out/],
    [["validate", "FILE", "--out", "x.xlsx"], /--out goes with --write/],
    [["validate", "FILE", "--as-of", "2026-11-25"], /--as-of takes a date as dd\/mm\/yyyy/],
    [["validate", "FILE", "--as-of", "31/02/2026"], /--as-of takes a date as dd\/mm\/yyyy/],
    [["validate", "FILE", "--stale-days", "soon"], /--stale-days takes a whole number/],
    [["validate", "MISSING"], /Cannot open .*: the file does not exist/],
  ])("usage mistakes and unreadable input give exit 2 with one line: %j", async (argv, message) => {
    const file = await planWithEntries();
    const args = argv.map((a) => (a === "FILE" ? file : a === "MISSING" ? path.join(tempDir(), "none.xlsx") : a));
    const { code, err } = await run(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.split("\n")).toHaveLength(1);
  });
});

describe("validate with a workbook's own RAG scale", () => {
  it("reads RAG against the scale the workbook was made with", async () => {
    const file = path.join(tempDir(), "four.xlsx");
    expect(
      (
        await run(
          "new",
          "--framework",
          "caa-2009",
          "--kind",
          "action-plan",
          "--rag-scale",
          "four-colour",
          "--out",
          file,
        )
      ).code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const plan = workbook.getWorksheet("Action plan")!;
    plan.getCell("G2").value = "Amber/Green";
    plan.getCell("G3").value = "Blue";
    await workbook.xlsx.writeFile(file);
    const { out } = await run("validate", file, "--json");
    const vocabulary = JSON.parse(out).findings.filter((f: { rule: string }) => f.rule === "rag-not-in-vocabulary");
    expect(vocabulary.map((f: { cell: string }) => f.cell)).toEqual(["G3"]);
    expect(vocabulary[0].message).toMatch(/not one of Red, Amber, Amber\/Green, Green/);
    const bad = await run(
      "new",
      "--framework",
      "caa-2009",
      "--rag-scale",
      "rainbow",
      "--out",
      path.join(tempDir(), "x.xlsx"),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--rag-scale takes standard or four-colour/);
  });
});

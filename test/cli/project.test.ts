import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

const run = (...argv: string[]) => runCli(argv);

async function selfEvaluation(positions: (ref: string) => string | null): Promise<string> {
  const file = path.join(tempDir(), "sef.xlsx");
  expect((await run("new", "--framework", "ofsted-ilacs-2024", "--kind", "self-evaluation", "--out", file)).code).toBe(
    0,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("Self-evaluation")!;
  for (let r = 2; r <= 37; r++) sheet.getCell(`D${r}`).value = positions(String(sheet.getCell(`A${r}`).value));
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("inspection-ready project", () => {
  it("prints the projection as JSON in the documented shape", async () => {
    const file = await selfEvaluation((ref) => (ref === "HP-02" ? "Red" : "Green"));
    const { code, out } = await run("project", file, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["framework", "judgements", "overall"]));
    const hp = report.judgements.find((j: { id: string }) => j.id === "help-and-protection");
    expect(Object.keys(hp)).toEqual(
      expect.arrayContaining(["id", "name", "grade", "confidence", "counts", "reasons", "pathToTarget"]),
    );
    expect(hp.grade).toBe("Requires improvement to be good");
    expect(hp.pathToTarget).toEqual([{ ref: "HP-02", cell: "Self-evaluation!D11", from: "Red", to: "Green" }]);
    expect(report.overall.grade).toBe("Good");
  });

  it("--target Outstanding asks for more; an unknown grade is exit 2 naming the grades", async () => {
    const file = await selfEvaluation(() => "Green");
    const { out } = await run("project", file, "--json", "--target", "outstanding");
    expect(JSON.parse(out).judgements[0].pathToTarget.length).toBeGreaterThan(0);
    const bad = await run("project", file, "--target", "Brilliant");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(
      /"Brilliant" is not a grade of .*; the grades are Outstanding, Good, Requires improvement to be good, Inadequate/,
    );
  });

  it("--write adds a Summary sheet of formulas", async () => {
    const file = await selfEvaluation(() => "Amber");
    const out = path.join(tempDir(), "summary.xlsx");
    expect((await run("project", file, "--write", "--out", out)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const summary = workbook.getWorksheet("Summary")!;
    expect(summary.getCell("A4").value).toBe("Judgement");
    expect(summary.getCell("L5").formula).toMatch(/^IF\(OR\(/);
  });

  it.each(["Self-evaluation", "_InspectionReady"])(
    "--write never writes the summary over %s when the records name it as the summary sheet",
    async (named) => {
      const file = await selfEvaluation(() => "Amber");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const records = workbook.getWorksheet("_InspectionReady")!;
      const before = workbook.getWorksheet("Self-evaluation")!.getCell("A1").value;
      records.addRow(["settings", JSON.stringify({ summarySheet: named })]);
      await workbook.xlsx.writeFile(file);

      const out = path.join(tempDir(), "summary.xlsx");
      expect((await run("project", file, "--write", "--out", out)).code).toBe(0);
      const written = new ExcelJS.Workbook();
      await written.xlsx.readFile(out);
      expect(written.getWorksheet("Self-evaluation")!.getCell("A1").value).toBe(before);
      expect(written.getWorksheet("Summary")!.getCell("A4").value).toBe("Judgement");
      // The copy is whole: its records still read, and validate still sees its plan.
      expect((await run("validate", out)).code).not.toBe(2);
    },
  );

  it("exit 2 for a workbook with no self-evaluation and no action plan", async () => {
    const file = path.join(tempDir(), "evidence.xlsx");
    await run("new", "--framework", "ofsted-ilacs-2024", "--kind", "evidence", "--out", file);
    const { code, err } = await run("project", file);
    expect(code).toBe(2);
    expect(err).toMatch(/no self-evaluation to project from, nor an action plan/);
  });

  it("projects from an action plan where there is no self-evaluation, an action counting once", async () => {
    const file = path.join(tempDir(), "plan.xlsx");
    await run("new", "--framework", "ofsted-ilacs-2024", "--kind", "action-plan", "--out", file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet("Action plan")!;
    // Every leaders action Green (column G is the RAG), the rest left blank.
    for (let r = 2; r <= sheet.rowCount; r++) {
      if (String(sheet.getCell(`A${r}`).value).startsWith("LE-")) sheet.getCell(`G${r}`).value = "Green";
    }
    await workbook.xlsx.writeFile(file);
    const { code, out } = await run("project", file, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.source).toEqual({ kind: "action-plan", sheet: "Action plan", table: "ActionPlan" });
    expect(report.judgements.find((j: { id: string }) => j.id === "leaders").grade).toBe("Good");
    expect(report.judgements.find((j: { id: string }) => j.id === "help-and-protection").grade).toBeNull();
    expect(report.unmatched).toEqual([]);
    expect(report.themes.map((t: { name: string }) => t.name)).toContain(
      "The impact of leaders on social work practice with children and families",
    );
  });
});

import path from "node:path";
import ExcelJS from "exceljs";
import { messyPlans, writeMessyPlan } from "../fixtures/messyPlans";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const run = (...argv: string[]) => runCli(argv);

/** Every value of a sheet by address, as text, the way a user reads the cells. */
async function valuesOf(file: string, sheet: string): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const values = new Map<string, string>();
  workbook.getWorksheet(sheet)!.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (v !== null && v !== undefined && v !== "")
        values.set(cell.address, v instanceof Date ? v.toISOString() : JSON.stringify(v));
    }),
  );
  return values;
}

/**
 * The journey of the plans councils already hold, each messy plan as it is: structure, validate, project,
 * and project --write, through the CLI as a council would script it.
 */
describe.each(messyPlans.filter((p) => p.as === "action-plan").map((p) => [p.name, p] as const))(
  "a council's action plan (%s), all the way through",
  (_name, plan) => {
    it("structures, validates and projects with exit 0 or 1, keeps every value, and writes a Summary", async () => {
      const dir = tempDir();
      const [input, structured, summary] = ["in", "structured", "summary"].map((n) => path.join(dir, `${n}.xlsx`)) as [
        string,
        string,
        string,
      ];
      await writeMessyPlan(plan, input);
      const before = await valuesOf(input, plan.sheet);

      const structure = await run(
        "structure",
        input,
        "--sheet",
        plan.sheet,
        "--as",
        "action-plan",
        "--out",
        structured,
        "--json",
      );
      expect([0, 1]).toContain(structure.code);
      // Every value the council typed is where it was, but the cells structure reports it had to change (a
      // table needs a unique name over each column; merged cells are filled).
      const changed = new Set((JSON.parse(structure.out).changes as { cell: string }[]).map((c) => c.cell));
      const after = await valuesOf(structured, plan.sheet);
      for (const [cell, value] of before) {
        if (!changed.has(cell)) expect([cell, after.get(cell)]).toEqual([cell, value]);
      }

      const validate = await run("validate", structured, "--json");
      expect([0, 1]).toContain(validate.code);

      const projected = await run("project", structured, "--framework", "ofsted-ilacs-2026", "--json");
      expect(projected.code).toBe(0);
      const report = JSON.parse(projected.out);
      expect(report.source.kind).toBe("action-plan");
      // Every action is either in a judgement or listed as matching none: nothing silently dropped.
      const inJudgements = report.judgements.reduce(
        (n: number, j: { counts: Record<string, number> }) => n + Object.values(j.counts).reduce((a, b) => a + b, 0),
        0,
      );
      const themed = report.themes.reduce((n: number, t: { rows: string[] }) => n + t.rows.length, 0);
      expect(inJudgements + report.unmatched.length).toBe(themed);
      // A judgement with actions that have a RAG gets a grade or says why not.
      for (const j of report.judgements) {
        expect(j.grade !== null || j.reasons.some((r: { text: string }) => /Insufficient evidence/.test(r.text))).toBe(
          true,
        );
      }

      const written = await run("project", structured, "--framework", "ofsted-ilacs-2026", "--write", "--out", summary);
      expect(written.code).toBe(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(summary);
      expect(workbook.getWorksheet("Summary")).toBeDefined();
    });
  },
);

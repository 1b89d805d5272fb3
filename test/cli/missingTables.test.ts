import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { METADATA_SHEET } from "../../src/sheets/metadata";
import { paneState } from "../../src/commands/paneState";
import { findFramework } from "../../src/domain/frameworks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

/**
 * A managed plan whose sheet or table has gone was once passed over in silence: validate exited 0 with
 * one plan fewer. Each way of losing it is now an error naming it, in every command that reads plans.
 */
type Damage = (workbook: ExcelJS.Workbook) => void;

const DAMAGE: { name: string; damage: Damage; says: RegExp }[] = [
  {
    name: "the action plan's sheet deleted",
    damage: (workbook) => workbook.removeWorksheet(workbook.getWorksheet("Action plan")!.id),
    says: /The action plan's sheet "Action plan" is no longer in the workbook \(nor its table "ActionPlan"\).*create the action plan again/,
  },
  {
    name: "the action plan's table removed, the sheet kept",
    damage: (workbook) => workbook.getWorksheet("Action plan")!.removeTable("ActionPlan"),
    says: /The action plan on "Action plan" is no longer an Excel table: its table "ActionPlan" was removed or renamed.*if the table was renamed, name it "ActionPlan" again/,
  },
  {
    name: "the records pointing at a table that is not there",
    damage: (workbook) => {
      const sheet = workbook.getWorksheet(METADATA_SHEET)!;
      sheet.eachRow((row) => {
        const json = row.getCell(2).value;
        if (row.getCell(1).value === "plan" && typeof json === "string" && json.includes('"ActionPlan"'))
          row.getCell(2).value = json.replace('"ActionPlan"', '"ActionPlan2"');
      });
    },
    says: /its table "ActionPlan2" was removed or renamed/,
  },
];

async function damagedPlan(damage: Damage): Promise<string> {
  const file = path.join(tempDir(), "plan.xlsx");
  expect((await runCli(["new", "--framework", "ofsted-ilacs-2024", "--out", file])).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  damage(workbook);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe.each(DAMAGE)("$name", ({ damage, says }) => {
  it("is an error finding in validate, naming it; the other plans are still checked", async () => {
    const file = await damagedPlan(damage);
    const result = await runCli(["validate", file, "--json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    const finding = report.findings.find((f: { rule: string }) => f.rule === "missing-table");
    expect(finding).toMatchObject({ severity: "error", sheet: "Action plan" });
    expect(finding.message).toMatch(says);
    expect(report.plans.map((p: { kind: string }) => p.kind).sort()).toEqual(["evidence", "self-evaluation"]);
    const text = await runCli(["validate", file]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(says);
  });

  it("is an error in project and refresh, exit 1, naming it", async () => {
    const file = await damagedPlan(damage);
    const projected = await runCli(["project", file, "--json"]);
    expect(projected.code).toBe(1);
    expect(JSON.parse(projected.out).missing).toEqual([
      expect.objectContaining({ sheet: "Action plan", kind: "action-plan", message: expect.stringMatching(says) }),
    ]);
    const refreshed = await runCli([
      "refresh",
      file,
      "--framework",
      "ofsted-ilacs-2026",
      "--out",
      path.join(tempDir(), "r.xlsx"),
    ]);
    expect(refreshed.code).toBe(1);
    expect(refreshed.out).toMatch(new RegExp(`Not refreshed: "Action plan": [^\\n]*${says.source}`));
  });

  it("is shown among the pane's checks", async () => {
    const file = await damagedPlan(damage);
    const before = readFileSync(file);
    const snapshot = await (await XlsxWorkbook.open(file)).read({ sheets: "all" });
    const { report } = paneState(snapshot, { resolve: findFramework, checks: { asOf: 46000 } });
    expect(report.checks?.ok).toBe(true);
    const findings = report.checks?.ok ? report.checks.report.findings : [];
    expect(findings.filter((f) => f.rule === "missing-table").map((f) => f.message)).toEqual([
      expect.stringMatching(says),
    ]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

it("a workbook whose every plan has gone says so rather than finding nothing", async () => {
  const file = await damagedPlan((workbook) => {
    for (const name of ["Action plan", "Self-evaluation", "Evidence tracker"])
      workbook.removeWorksheet(workbook.getWorksheet(name)!.id);
  });
  const checked = await runCli(["validate", file]);
  expect(checked.code).toBe(1);
  expect(checked.out).toMatch(/3 errors, 0 warnings, 0 for information, in 0 plans/);
  const projected = await runCli(["project", file]);
  expect(projected.code).toBe(2);
  expect(projected.err).toMatch(/Nothing to project from: The self-evaluation's sheet "Self-evaluation" is no longer/);
});

import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { getFramework } from "../../src/domain/frameworks";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

const run = (...argv: string[]) => runCli(argv);

/** A plan made from last year's version of ILACS, with a manager's work typed into it in Excel. */
async function oldPlanWithWork(): Promise<string> {
  const current = getFramework("ofsted-ilacs-2024");
  const old = JSON.parse(JSON.stringify(current));
  old.version = "2024.4";
  old.judgements[2].criteria = old.judgements[2].criteria.slice(0, 8); // HP-09… arrived later
  old.judgements[1].criteria[0].text = "Leaders know themselves well.";
  const oldFile = path.join(tempDir(), "ilacs-2024-04.json");
  writeFileSync(oldFile, JSON.stringify(old));
  const file = path.join(tempDir(), "plan.xlsx");
  expect((await run("new", "--framework", oldFile, "--out", file)).code).toBe(0);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const plan = workbook.getWorksheet("Action plan")!;
  plan.getCell("D2").value = "Quarterly practice week";
  plan.getCell("E2").value = "Director of Children's Services";
  plan.getCell("G2").value = "Amber";
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("inspection-ready refresh", () => {
  it("brings the plan to the current version, keeping the manager's work", async () => {
    const file = await oldPlanWithWork();
    const out = path.join(tempDir(), "refreshed.xlsx");
    const { code, out: printed } = await run("refresh", file, "--out", out, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(printed);
    const actionPlan = report.plans.find((p: { kind: string }) => p.kind === "action-plan");
    expect(actionPlan.framework).toEqual({
      id: "ofsted-ilacs-2024",
      from: "2024.4",
      to: getFramework("ofsted-ilacs-2024").version,
    });
    expect(actionPlan.added).toEqual(["HP-09", "HP-10", "HP-11", "HP-12"]);
    expect(actionPlan.updatedCells).toEqual(["C2"]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const plan = workbook.getWorksheet("Action plan")!;
    expect([plan.getCell("D2").value, plan.getCell("E2").value, plan.getCell("G2").value]).toEqual([
      "Quarterly practice week",
      "Director of Children's Services",
      "Amber",
    ]);
    expect(String(plan.getCell("C2").value)).toMatch(/^Leaders know the quality of practice well/);
    const refs = (plan.getColumn(1).values as unknown[]).filter((v) => typeof v === "string");
    expect(refs).toEqual(expect.arrayContaining(["HP-09", "HP-12"]));
  });

  it("says in words what it did", async () => {
    const file = await oldPlanWithWork();
    const { code, out } = await run("refresh", file, "--out", path.join(tempDir(), "r.xlsx"));
    expect(code).toBe(0);
    expect(out).toMatch(
      /Refreshed "Action plan" to ofsted-ilacs-2024 .*: 1 cells reworded, 4 criteria added \(HP-09, HP-10, HP-11, HP-12\)\./,
    );
  });

  it("exit 2 for a workbook with no plans, and for an existing --out without --force", async () => {
    const plain = path.join(tempDir(), "plain.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Data").getCell("A1").value = 1;
    await workbook.xlsx.writeFile(plain);
    const none = await run("refresh", plain, "--out", path.join(tempDir(), "x.xlsx"));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no Inspection Ready plans to refresh/);
    const exists = await run("refresh", plain, "--out", plain);
    expect(exists.code).toBe(2);
    expect(exists.err).toMatch(/already exists/);
  });
});

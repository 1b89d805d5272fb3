import path from "node:path";
import ExcelJS from "exceljs";
import { getFramework } from "../../src/domain/frameworks";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const run = (...argv: string[]) => runCli(argv);

/** Every cell's text and every sheet's name in a workbook, hidden sheets included. */
async function everyText(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => {
    texts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
  });
  return texts;
}

describe("the frameworks in force today", () => {
  it("frameworks --json says when each is in force and which are in force now, in force first", async () => {
    const { code, out } = await run("frameworks", "--json");
    expect(code).toBe(0);
    const list = JSON.parse(out) as { id: string; inForceFrom: string; inForceTo: string | null; inForce: boolean }[];
    const byId = Object.fromEntries(list.map((f) => [f.id, f]));
    expect(byId["ofsted-ilacs-2026"]).toMatchObject({ inForceFrom: "2026-04-01", inForceTo: null, inForce: true });
    expect(byId["ofsted-ilacs-2024"]).toMatchObject({
      inForceFrom: "2023-01-01",
      inForceTo: "2026-03-31",
      inForce: false,
    });
    expect(byId["care-inspectorate-2021"]!.inForce).toBe(true);
    expect(byId["care-inspectorate-2014"]!.inForce).toBe(false);
    const firstPast = list.findIndex((f) => !f.inForce);
    expect(list.slice(firstPast).every((f) => !f.inForce)).toBe(true);
  });

  it("new with no framework makes an ILACS 2026 workbook, whose projection has no overall grade and says why", async () => {
    const file = path.join(tempDir(), "plan.xlsx");
    const made = await run("new", "--out", file, "--json");
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out).framework.id).toBe("ofsted-ilacs-2026");
    expect(JSON.parse(made.out).note).toBeUndefined();

    const { code, out } = await run("project", file, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.judgements.map((j: { name: string }) => j.name)).toEqual(
      getFramework("ofsted-ilacs-2026").judgements.map((j) => j.name),
    );
    expect(report.judgements).toHaveLength(4);
    expect(report.overall).toMatchObject({ applies: false, grade: null, gradeId: null, score: null });
    expect(report.overall.reasons[0].text).toMatch(
      /^No overall grade: From April 2026 there is no overall effectiveness judgement/,
    );

    const text = await run("project", file);
    expect(text.out).not.toMatch(/^Overall:/m);
    expect(text.out).toMatch(/No overall grade/);
  });

  it("new --country Scotland makes a Care Inspectorate workbook and timeline that name Annex A nowhere", async () => {
    const file = path.join(tempDir(), "scotland.xlsx");
    const { code, out } = await run(
      "new",
      "--country",
      "Scotland",
      "--notified",
      "02/11/2026 10:00",
      "--out",
      file,
      "--json",
    );
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.framework.id).toBe("care-inspectorate-2021");
    expect(report.sheets.map((s: { sheet: string }) => s.sheet)).toEqual([
      "Self-evaluation",
      "Action plan",
      "Evidence tracker",
      "Timeline",
      "Evidence checklist",
    ]);
    const texts = await everyText(file);
    expect(texts.filter((t) => /annex\s*a/i.test(t))).toEqual([]);
    expect(texts).toEqual(expect.arrayContaining(["Position statement, with the supporting evidence"]));
    expect(report.milestones.map((m: { label: string }) => m.label).join("; ")).not.toMatch(/annex/i);
  });

  it("making a workbook from a past framework is allowed, with a note saying it is not in force", async () => {
    const file = path.join(tempDir(), "history.xlsx");
    const text = await run("new", "--framework", "ofsted-ilacs-2024", "--out", file);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Note: Ofsted ILACS .* is not in force today \(in force 01\/01\/2023 to 31\/03\/2026\)/);
    const json = await run("new", "--framework", "ofsted-ilacs-2024", "--out", file, "--force", "--json");
    expect(JSON.parse(json.out).note).toMatch(/not in force today/);
  });

  it("refresh says a 2024 plan's framework has been replaced, and how to move to it", async () => {
    const file = path.join(tempDir(), "old.xlsx");
    await run("new", "--framework", "ofsted-ilacs-2024", "--kind", "action-plan", "--out", file);
    const kept = await run("refresh", file, "--out", path.join(tempDir(), "same.xlsx"));
    expect(kept.out).toMatch(/has been replaced by Ofsted ILACS .*from April 2026/);
    expect(kept.out).toMatch(/--framework ofsted-ilacs-2026/);
    const moved = await run(
      "refresh",
      file,
      "--framework",
      "ofsted-ilacs-2026",
      "--out",
      path.join(tempDir(), "moved.xlsx"),
      "--json",
    );
    expect(moved.code).toBe(0);
    const plan = JSON.parse(moved.out).plans[0];
    expect(plan.framework.id).toBe("ofsted-ilacs-2026");
    expect(plan.judgementsRemoved).toEqual([{ id: "overall-effectiveness", name: "Overall effectiveness", rows: [] }]);
  });
});

import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { projectQuery, projectWorkbook } from "../../src/commands/projectWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import type { Projection } from "../../src/domain/projection/project";
import { builtInFrameworks, findFramework } from "../../src/domain/frameworks";
import { amberGreenVocabulary, defaultRagVocabulary } from "../../src/domain/rag";
import { readMetadata } from "../../src/sheets/metadata";
import type { CellInput } from "../../src/workbook/types";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { recalculatedSheets } from "../support/libreoffice";
import { runCli } from "../support/runCli";

const WORKBOOKS = 200;
const now = new Date("2026-11-25T09:00:00Z");

const spec = fc.record({
  framework: fc.constantFrom(...builtInFrameworks().map((f) => f.id)),
  fourColour: fc.boolean(),
  // Each criterion's position: mostly RAG, sometimes a grade, in any case, or blank, junk, a number.
  positions: fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.nat(5).map((i) => ({ rag: i })) },
      { weight: 2, arbitrary: fc.nat(5).map((i) => ({ grade: i })) },
      { weight: 2, arbitrary: fc.constantFrom<CellInput>(null, "", "Purple", 3, "not started") },
    ),
    { minLength: 60, maxLength: 60 },
  ),
  upperCase: fc.boolean(),
  duplicateFirstRef: fc.boolean(),
});

type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

async function writeWorkbook(s: Spec, file: string): Promise<Projection> {
  const framework = findFramework(s.framework)!;
  const vocabulary = s.fourColour ? amberGreenVocabulary : defaultRagVocabulary;
  const workbook = XlsxWorkbook.empty();
  await runCommand(workbook, createWorkbookQuery, (snap) =>
    createWorkbook(snap, { framework, kinds: ["self-evaluation"], now, vocabulary }),
  );
  const snapshot = await workbook.read({ sheets: "all" });
  const table = snapshot.tables.find((t) => t.name === readMetadata(snapshot)!.plans[0]!.table)!;
  const grades = framework.scale.grades;
  const column: CellInput[][] = [];
  for (let r = table.range.top + 1; r <= table.range.bottom; r++) {
    const p = s.positions[(r - 1) % s.positions.length]!;
    let value: CellInput =
      typeof p === "object" && p !== null && "rag" in p
        ? vocabulary[p.rag % vocabulary.length]!.label
        : typeof p === "object" && p !== null && "grade" in p
          ? grades[p.grade % grades.length]!.label
          : (p as CellInput);
    if (s.upperCase && typeof value === "string") value = value.toUpperCase();
    column.push([value]);
  }
  const ops = [{ op: "writeValues" as const, sheet: table.sheet, row: table.range.top + 1, col: 3, values: column }];
  if (s.duplicateFirstRef && table.range.bottom > 2) {
    ops.push({
      op: "writeValues",
      sheet: table.sheet,
      row: 2,
      col: 0,
      values: [[snapshot.sheets[0]!.values![1]![0]!]],
    });
  }
  await workbook.apply({ description: "positions", ops });
  const { report } = await runCommand(workbook, projectQuery, (snap) =>
    projectWorkbook(snap, { resolve: findFramework, write: true }),
  );
  await workbook.save(file);
  return report;
}

describe("the Summary sheet's formulas agree with the engine (LibreOffice recalculates)", () => {
  it(`gives the same counts, scores and grades on ${WORKBOOKS} random workbooks`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "projection-"));
    const samples = fc.sample(spec, { numRuns: WORKBOOKS, seed: 7 });
    const files: string[] = [];
    const reports: Projection[] = [];
    for (const [i, s] of samples.entries()) {
      const file = path.join(dir, `wb${i}.xlsx`);
      reports.push(await writeWorkbook(s, file));
      files.push(file);
    }
    const computed = recalculatedSheets(files, dir);
    let graded = 0;
    files.forEach((file, i) => {
      const rows = computed.get(file)!.get("Summary")!;
      const header = rows[3]!;
      const col = (name: string) => header.indexOf(name);
      for (const judgement of reports[i]!.judgements) {
        const row = rows.find((r) => r[0] === judgement.name)!;
        const fromSheet = {
          file: path.basename(file),
          judgement: judgement.id,
          grade: row[col("Projected grade")],
          score: row[col("Score")] === "" ? null : Number(row[col("Score")]),
          counts: Object.fromEntries(
            Object.keys(judgement.counts)
              .filter((k) => col(k) > 0)
              .map((k) => [k, Number(row[col(k)])]),
          ),
        };
        expect(fromSheet).toEqual({
          file: path.basename(file),
          judgement: judgement.id,
          grade: judgement.grade ?? "Insufficient evidence",
          score: judgement.score,
          counts: Object.fromEntries(Object.entries(judgement.counts).filter(([k]) => col(k) > 0)),
        });
        if (judgement.grade) graded++;
      }
      const overall = reports[i]!.overall;
      if (overall.applies) {
        const row = rows.find(
          (r) => r[0] === findFramework(reports[i]!.framework.id)!.judgements.find((j) => j.kind === "overall")!.name,
        )!;
        expect({ file: path.basename(file), grade: row[col("Projected grade")] }).toEqual({
          file: path.basename(file),
          grade: overall.grade ?? "Insufficient evidence",
        });
      }
    });
    expect(graded).toBeGreaterThan(WORKBOOKS);
  });
});

describe("ILACS from April 2026 in the workbook, as LibreOffice recalculates it", () => {
  it("the Summary sheet shows four judgement grades and no overall grade", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ilacs-2026-"));
    const plan = path.join(dir, "plan.xlsx");
    const projected = path.join(dir, "projected.xlsx");
    expect((await runCli(["new", "--kind", "self-evaluation", "--out", plan])).code).toBe(0);
    // A manager's positions: every criterion Green but the help and protection ones, Amber.
    const workbook = await XlsxWorkbook.open(plan);
    const snapshot = await workbook.read({ sheets: "all" });
    const table = snapshot.tables.find((t) => t.name === "SelfEvaluation")!;
    const refs = snapshot.sheets.find((s) => s.name === table.sheet)!.values!;
    const column: CellInput[][] = [];
    for (let r = table.range.top + 1; r <= table.range.bottom; r++) {
      column.push([String(refs[r]![0]).startsWith("HP-") ? "Amber" : "Green"]);
    }
    await workbook.apply({
      description: "positions",
      ops: [{ op: "writeValues", sheet: table.sheet, row: 1, col: 3, values: column }],
    });
    await workbook.save(plan);
    const { code, out } = await runCli(["project", plan, "--write", "--out", projected, "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as Projection;

    const rows = recalculatedSheets([projected], dir).get(projected)!.get("Summary")!;
    const header = rows[3]!;
    const gradeCol = header.indexOf("Projected grade");
    const judgementRows = rows.filter((r) => report.judgements.some((j) => j.name === r[0]));
    expect(judgementRows.map((r) => [r[0], r[gradeCol]])).toEqual(report.judgements.map((j) => [j.name, j.grade]));
    expect(judgementRows).toHaveLength(4);
    expect(report.judgements.map((j) => j.grade)).toEqual(["Good", "Requires improvement to be good", "Good", "Good"]);
    expect(rows.flat().filter((cell) => /overall/i.test(String(cell)))).toEqual([]);
  });
});

describe("a council's own action plan, projected and summarised (LibreOffice recalculates)", () => {
  it("structure → project --write: the Summary's grades equal the engine's, per matched judgement", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "action-plan-"));
    const [plan, structured, projected] = ["plan", "structured", "projected"].map((n) =>
      path.join(dir, `${n}.xlsx`),
    ) as [string, string, string];
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Improvement plan");
    ws.getCell("A1").value = "Northshire Children's Services: Improvement Plan 2026";
    [
      ["Ref", "Action", "Lead Officer", "Timescale", "RAG", "Progress to date"],
      ["1. Help and protection"],
      ["1.1", "Daily MASH triage", "Head of Front Door", new Date(Date.UTC(2026, 2, 31)), "Green", "Running"],
      ["1.2", "Audit strategy discussions", "Practice lead", new Date(Date.UTC(2026, 0, 15)), "Amber", "Agreed"],
      ["1.3", "Return home interviews", "Missing lead", new Date(Date.UTC(2026, 4, 15)), "Red", "Provider late"],
      ["2. Children looked after"],
      ["2.1", "Sufficiency strategy", "Head of CLA", new Date(Date.UTC(2026, 5, 30)), "Red", "Delayed"],
      ["2.2", "Permanence panel", "Head of CLA", new Date(Date.UTC(2026, 6, 30)), "Green", "Monthly"],
      ["3. Leadership and management"],
      ["3.1", "Supervision policy", "AD", new Date(Date.UTC(2026, 3, 30)), "Blue", "Done"],
      ["3.2", "Practice week", "DCS", new Date(Date.UTC(2026, 9, 30)), "Green", "Planned"],
      ["4. Capacity"],
      ["4.1", "Recruit 10 social workers", "HR", new Date(Date.UTC(2026, 8, 30)), "Amber", "6 of 10"],
    ].forEach((row, i) => row.forEach((v, c) => (ws.getCell(3 + i, c + 1).value = v as ExcelJS.CellValue)));
    await book.xlsx.writeFile(plan);

    const structure = await runCli([
      "structure",
      plan,
      "--sheet",
      "Improvement plan",
      "--as",
      "action-plan",
      "--out",
      structured,
    ]);
    expect(structure.code).toBe(0);
    const { code, out } = await runCli([
      "project",
      structured,
      "--framework",
      "ofsted-ilacs-2024",
      "--areas",
      "4. Capacity=leaders",
      "--write",
      "--out",
      projected,
      "--json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as Projection & {
      unmatched: unknown[];
      matches: { area: string; judgement: string }[];
    };
    expect(report.unmatched).toEqual([]);
    expect(report.matches.map((m) => [m.area, m.judgement])).toEqual([
      ["1. Help and protection", "help-and-protection"],
      ["2. Children looked after", "children-in-care"],
      ["3. Leadership and management", "leaders"],
      ["4. Capacity", "leaders"],
    ]);

    const rows = recalculatedSheets([projected], dir).get(projected)!.get("Summary")!;
    const header = rows[3]!;
    const col = (name: string) => header.indexOf(name);
    for (const judgement of report.judgements) {
      const row = rows.find((r) => r[0] === judgement.name)!;
      expect([
        judgement.id,
        row[col("Projected grade")],
        row[col("Score")] === "" ? null : Number(row[col("Score")]),
      ]).toEqual([judgement.id, judgement.grade ?? "Insufficient evidence", judgement.score]);
    }
    const overall = rows.find((r) => r[0] === "Overall effectiveness")!;
    expect(overall[col("Projected grade")]).toBe(report.overall.grade ?? "Insufficient evidence");
    expect(report.judgements.filter((j) => j.grade !== null).length).toBeGreaterThanOrEqual(3);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { getFramework } from "../../src/domain/frameworks";
import { COMPLETE_CONCEPTS, conceptOfWords } from "../../src/domain/rag";
import { readMetadata } from "../../src/sheets/metadata";
import type { Scalar } from "../../src/workbook/types";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { messyPlans, writeMessyPlan, type MessyPlan } from "../fixtures/messyPlans";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const run = (...argv: string[]) => runCli(argv);

/** The plans whose RAG is in a council's own words or scale. */
const councilScales = messyPlans.filter((p) => p.expected.scale);

interface Finding {
  rule: string;
  cell: string;
  fix?: { value: Scalar };
}

/** The plan, and a self-evaluation beside it whose positions are written in the plan's own RAG words. */
async function councilWorkbook(plan: MessyPlan): Promise<{ file: string; words: string[] }> {
  const file = path.join(tempDir(), "council.xlsx");
  await writeMessyPlan(plan, file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(plan.sheet)!;
  const ragColumn = sheet.getRow(plan.expected.headerRow).values as ExcelJS.CellValue[];
  const col = ragColumn.findIndex((v) => typeof v === "string" && /rag/i.test(v));
  const words: string[] = [];
  for (let r = plan.expected.headerRow + 1; r <= sheet.rowCount; r++) {
    const v = sheet.getCell(r, col).value;
    if (typeof v === "string" && v.trim() !== "" && r <= plan.expected.headerRow + plan.expected.dataRows)
      words.push(v);
  }
  const sef = workbook.addWorksheet("SEF");
  sef.addRow(["Ref", "Criterion", "Self-assessed RAG", "Evidence"]);
  const criteria = getFramework("ofsted-ilacs-2024").judgements.flatMap((j) => j.criteria);
  criteria.forEach((c, i) => sef.addRow([c.ref, c.text ?? c.ref, words[i % words.length], "Audit"]));
  await workbook.xlsx.writeFile(file);
  return { file, words };
}

async function sheetValues(file: string, sheet: string): Promise<Scalar[][]> {
  const snapshot = await (await XlsxWorkbook.open(file)).read({ sheets: [sheet] });
  return snapshot.sheets.find((s) => s.name === sheet)!.values!;
}

describe.each(councilScales.map((p) => [p.name, p] as const))("structure → validate → project: %s", (_n, plan) => {
  it("keeps every value and the sheet's scale, and calls nothing complete overdue", async () => {
    const { file: input, words } = await councilWorkbook(plan);
    const inputBytes = readFileSync(input);
    const planned = path.join(tempDir(), "plan.xlsx");
    const structured = await run(
      "structure",
      input,
      "--sheet",
      plan.sheet,
      "--as",
      plan.as,
      "--out",
      planned,
      "--json",
    );
    expect([0, 1]).toContain(structured.code);
    expect(readFileSync(input)).toEqual(inputBytes);
    const report = JSON.parse(structured.out);
    expect(report.scale.statuses.map((s: { label: string }) => s.label)).toEqual(plan.expected.scale!.labels);
    expect(report.scale.kept).toBe(true);

    // No value changed without --normalise: only the cells the report lists as changes (blank headers).
    const before = await sheetValues(input, plan.sheet);
    const after = await sheetValues(planned, plan.sheet);
    const changed = new Set(report.changes.map((c: { cell: string }) => c.cell));
    before.forEach((row, r) =>
      row.forEach((v, c) => {
        const address = `${String.fromCharCode(65 + c)}${r + 1}`;
        if (!changed.has(address)) expect([address, after[r]?.[c] ?? null]).toEqual([address, v]);
      }),
    );

    // The self-evaluation in the same words: read with the scale the plan gave the workbook.
    const both = path.join(tempDir(), "both.xlsx");
    const sef = await run("structure", planned, "--sheet", "SEF", "--as", "self-evaluation", "--out", both, "--json");
    expect([0, 1]).toContain(sef.code);
    const sefReport = JSON.parse(sef.out);
    expect(sefReport.scale.kept).toBe(false);
    const kept = readMetadata(await (await XlsxWorkbook.open(both)).read({ sheets: ["_InspectionReady"] }))!.settings!
      .rag!;
    expect(kept.map((s) => s.label)).toEqual(plan.expected.scale!.labels);

    const validated = await run("validate", both, "--json");
    expect([0, 1]).toContain(validated.code);
    const { findings, suggestions } = JSON.parse(validated.out) as {
      findings: Finding[];
      suggestions: { cell: string; suggested: string }[];
    };
    const ragCol = report.columns.rag as string;
    const dueCol = report.columns.due as string;
    const planRows = after.slice(report.headerRow, report.headerRow + report.dataRows);
    planRows.forEach((row, i) => {
      const r = report.headerRow + i + 1;
      const rag = row[ragCol.charCodeAt(0) - 65];
      const concept = typeof rag === "string" ? conceptOfWords(rag) : undefined;
      if (concept && COMPLETE_CONCEPTS.includes(concept)) {
        expect(findings.filter((f) => f.rule === "overdue" && f.cell === `${dueCol}${r}`)).toEqual([]);
        expect(suggestions.filter((s) => s.cell === `${ragCol}${r}`)).toEqual([]);
      }
    });
    // Nothing is offered as a neighbouring status: a fix is always the value's own concept in the scale.
    for (const f of findings.filter((x) => x.rule === "rag-not-in-vocabulary" && x.fix)) {
      const status = kept.find((s) => s.label === f.fix!.value)!;
      expect(words.map((w) => conceptOfWords(w))).toContain(status.concept);
    }

    const projected = await run("project", both, "--framework", "ofsted-ilacs-2024", "--json");
    expect([0, 1]).toContain(projected.code);
    const counts = JSON.parse(projected.out).judgements[0].counts as Record<string, number>;
    for (const label of plan.expected.scale!.labels) expect(counts).toHaveProperty([label]);
  });

  if (plan.name.startsWith("sign-off"))
    it("reads each spelling for what it is: overdue only where the words are not complete", async () => {
      const { file } = await councilWorkbook(plan);
      const out = path.join(tempDir(), "plan.xlsx");
      await run("structure", file, "--sheet", plan.sheet, "--as", plan.as, "--out", out);
      const { findings } = JSON.parse((await run("validate", out, "--json")).out) as { findings: Finding[] };
      const overdue = findings.filter((f) => f.rule === "overdue" && f.cell.startsWith("D")).map((f) => f.cell);
      // D2 "Complete - awaiting sign off" and D3 "complete–awaiting sign-off" are past due but done.
      expect(overdue).toEqual(["D4", "D6"]);
    });

  it("with --normalise, writes the scale's own labels: Amber/Green stays Amber/Green", async () => {
    const { file: input } = await councilWorkbook(plan);
    const out = path.join(tempDir(), "normalised.xlsx");
    const structured = await run(
      "structure",
      input,
      "--sheet",
      plan.sheet,
      "--as",
      plan.as,
      "--out",
      out,
      "--normalise",
      "--json",
    );
    expect([0, 1]).toContain(structured.code);
    const report = JSON.parse(structured.out);
    const before = await sheetValues(input, plan.sheet);
    const after = await sheetValues(out, plan.sheet);
    const col = report.columns.rag.charCodeAt(0) - 65;
    const labelOf = (concept: string) =>
      report.scale.statuses.find((s: { concept: string }) => s.concept === concept)?.label;
    for (let r = report.headerRow; r < report.headerRow + report.dataRows; r++) {
      const value = before[r]?.[col];
      const concept = typeof value === "string" ? conceptOfWords(value) : undefined;
      expect(after[r]?.[col]).toBe(concept ? labelOf(concept) : value);
    }
    const validated = await run("validate", out, "--json");
    expect([0, 1]).toContain(validated.code);
    const unlisted = JSON.parse(validated.out).findings.filter((f: Finding) => f.rule === "rag-not-in-vocabulary");
    for (const f of unlisted) expect(conceptOfWords(String(after[Number(f.cell.slice(1)) - 1]?.[col]))).toBeUndefined();
  });
});

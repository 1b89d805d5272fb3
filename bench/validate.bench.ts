/**
 * `npm run bench`: the figures for validating a 50,000-row plan. Targets (issue: RAG and validation):
 * core under 150 ms; the whole CLI run within 1.5 × ExcelJS's bare load of the same file; through
 * Office.js at most 2 syncs plus one per 4 MB written. It prints its figures and the targets; it does not
 * fail a build (timings belong here, not in tests).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { createWorkbook, createWorkbookQuery } from "../src/commands/createWorkbook";
import { runCommand } from "../src/commands/runCommand";
import { validateQuery, validateWorkbook } from "../src/commands/validateWorkbook";
import { serialFromDate } from "../src/domain/dates";
import { ExcelWorkbook } from "../src/workbook/excel/excelWorkbook";
import { MemoryWorkbook } from "../src/workbook/memory/memoryWorkbook";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsxFile";
import { FakeExcel } from "../test/support/fakeOffice";
import { bigFramework, entries } from "./planFixture";

const ROWS = 50_000;
const now = new Date();
const today = Math.floor(serialFromDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()))));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time<T>(run: () => Promise<T> | T, times: number): Promise<{ ms: number; result: T }> {
  const samples: number[] = [];
  let result!: T;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    result = await run();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), result };
}

async function main(): Promise<void> {
  const framework = bigFramework(ROWS);
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-"));
  const file = path.join(dir, "plan-50k.xlsx");

  // The plan, in memory and as a file.
  const memory = new MemoryWorkbook();
  await runCommand(memory, createWorkbookQuery, (s) => createWorkbook(s, { framework, kinds: ["action-plan"], now }));
  const fill = entries({ top: 0 }, ROWS, today);
  memory.applySync({ description: "entries", ops: [fill] });
  const xlsx = XlsxWorkbook.empty();
  await runCommand(xlsx, createWorkbookQuery, (s) => createWorkbook(s, { framework, kinds: ["action-plan"], now }));
  await xlsx.apply({ description: "entries", ops: [fill] });
  await xlsx.save(file);

  const snapshot = memory.snapshot(validateQuery);
  const core = await time(() => validateWorkbook(snapshot, { asOf: today }), 5);
  const bareLoad = await time(async () => new ExcelJS.Workbook().xlsx.readFile(file), 3);
  const bin = path.join(__dirname, "../../../bin/inspection-ready.js");
  const cli = await time(() => {
    try {
      execFileSync(process.execPath, [bin, "validate", file, "--json"], { stdio: "ignore", maxBuffer: 1 << 30 });
    } catch (error) {
      if ((error as { status?: number }).status !== 1) throw error; // 1: findings, as expected
    }
  }, 3);

  // Through Office.js (the fake): read the plan, then write the checks.
  const fake = new FakeExcel();
  fake.model.addSheet("Sheet1");
  const excel = new ExcelWorkbook(fake);
  await runCommand(excel, createWorkbookQuery, (s) => createWorkbook(s, { framework, kinds: ["action-plan"], now }));
  await excel.apply({ description: "entries", ops: [fill] });
  await excel.read(validateQuery); // learns the table names, as the pane's first read does
  fake.resetCounts();
  const excelSnapshot = await excel.read(validateQuery);
  const readSyncs = fake.syncs;
  const readBytes = fake.readBytes;
  const { patch } = validateWorkbook(excelSnapshot, { asOf: today, write: true });
  fake.resetCounts();
  await excel.apply(patch);
  const writeSyncs = fake.syncs;
  const written = fake.syncLog.reduce((sum, sync) => sum + sync.bytes, 0);
  const allowed = 2 + Math.ceil(written / (4 * 1024 * 1024));

  const findings = core.result.report.findings.length;
  console.log(`validate ${ROWS.toLocaleString("en-GB")} rows (${findings.toLocaleString("en-GB")} findings)`);
  console.log(`  core (engine on a snapshot):     ${core.ms.toFixed(0)} ms   target < 150 ms`);
  console.log(`  ExcelJS bare load of the file:   ${bareLoad.ms.toFixed(0)} ms`);
  console.log(
    `  CLI validate, whole run:         ${cli.ms.toFixed(0)} ms   ratio ${(cli.ms / bareLoad.ms).toFixed(2)} × bare load, target ≤ 1.5`,
  );
  console.log(
    `  Office.js read (fake):           ${readSyncs} syncs, ${(readBytes / 1024 / 1024).toFixed(1)} MB read (see excelReads.bench)`,
  );
  console.log(
    `  Office.js write of checks (fake): ${writeSyncs} syncs, ${(written / 1024 / 1024).toFixed(1)} MB; target ≤ 2 + 1 per 4 MB = ${allowed}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

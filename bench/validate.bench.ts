/**
 * `npm run bench`: the figures for validating and projecting a 50,000-row plan. Targets (issues 10 and
 * 14): validate's core under 150 ms; the whole CLI run of validate and of project at most 1.3 × ExcelJS's
 * bare load of the same file (both as whole processes, in turn); through Office.js at most 2 syncs plus
 * one per 4 MB written. It prints each figure with its target and whether it is met; it does not fail a
 * build (timings belong here, not in tests).
 */
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
import { cliAgainstBareLoad, ms, report, time } from "./benchKit";
import { bigFramework, entries } from "./planFixture";

const ROWS = 50_000;
const RATIO_TARGET = 1.3;
/** project is stopped after this long: a run that long is far past its target anyway. */
const PROJECT_LIMIT_MS = 120_000;
const now = new Date();
const today = Math.floor(serialFromDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()))));

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
  // The engine as the pane runs it, again after each change: warmed, then the median of 9. The CLI's cold
  // run, Node's start and all, is in the ratios below.
  const core = await time(() => validateWorkbook(snapshot, { asOf: today }), 9, 2);
  const bareLoad = await time(async () => new ExcelJS.Workbook().xlsx.readFile(file), 3);
  const validate = cliAgainstBareLoad(["validate", file, "--json"], file, 3);
  const project = cliAgainstBareLoad(["project", file, "--json"], file, 3, { limitMs: PROJECT_LIMIT_MS, ok: [0, 1] });

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
  console.log(
    `validate and project ${ROWS.toLocaleString("en-GB")} rows (${findings.toLocaleString("en-GB")} findings)`,
  );
  report("validate core (engine on a snapshot)", ms(core.ms), { text: "< 150 ms", met: core.ms < 150 });
  report("ExcelJS bare load, in process", ms(bareLoad.ms));
  report("ExcelJS bare load, whole process", ms(validate.bareMs));
  for (const [name, run] of [
    ["CLI validate, whole run", validate],
    ["CLI project, whole run", project],
  ] as const) {
    report(name, run.finished ? `${ms(run.cliMs)} = ${run.ratio.toFixed(2)} ×` : `stopped after ${ms(run.cliMs)}`, {
      text: `≤ ${RATIO_TARGET} × bare load`,
      met: run.finished && run.ratio <= RATIO_TARGET,
    });
  }
  report("Office.js read (fake)", `${readSyncs} syncs, ${(readBytes / 1024 / 1024).toFixed(1)} MB`);
  report("Office.js write of checks (fake)", `${writeSyncs} syncs, ${(written / 1024 / 1024).toFixed(1)} MB`, {
    text: `≤ 2 + 1 per 4 MB = ${allowed} syncs`,
    met: writeSyncs <= allowed,
  });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

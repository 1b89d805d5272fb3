/**
 * `npm run bench`: reading a large plan from Excel, through the Office.js fake. Targets (issue 14): no
 * sync's response over 5 MB (the adapter aims at 4 MB), no range read over 5,000,000 cells, and about
 * one sync per 4 MB of cells read. It prints its figures and the targets; it does not fail a build.
 */
import { createWorkbook, createWorkbookQuery } from "../src/commands/createWorkbook";
import { startLiveValidation } from "../src/commands/liveValidation";
import { runCommand } from "../src/commands/runCommand";
import { validateQuery } from "../src/commands/validateWorkbook";
import { serialFromDate } from "../src/domain/dates";
import { ExcelWorkbook } from "../src/workbook/excel/excelWorkbook";
import { FakeExcel, READ_CELLS_LIMIT, RESPONSE_LIMIT } from "../test/support/fakeOffice";
import { bigFramework, entries } from "./planFixture";

const MB = 1024 * 1024;
const now = new Date();
const today = Math.floor(serialFromDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()))));

async function readFigures(rows: number): Promise<void> {
  const framework = bigFramework(rows);
  const fake = new FakeExcel();
  fake.model.addSheet("Sheet1");
  const excel = new ExcelWorkbook(fake);
  await runCommand(excel, createWorkbookQuery, (s) => createWorkbook(s, { framework, kinds: ["action-plan"], now }));
  await excel.apply({ description: "entries", ops: [entries({ top: 0 }, rows, today)] });
  await excel.read(validateQuery); // learns the sheet and table names, as the pane's first read does
  fake.resetCounts();
  await excel.read({ ...validateQuery, numberFormats: undefined });
  const withFormats = fake.readBytes;
  fake.resetCounts();
  const start = performance.now();
  await excel.read(validateQuery);
  const ms = performance.now() - start;

  const largest = Math.max(...fake.syncLog.map((sync) => sync.readBytes));
  const cells = Math.max(...fake.syncLog.map((sync) => sync.readCells));
  const floor = Math.ceil(fake.readBytes / (4 * MB));
  console.log(`read a ${rows.toLocaleString("en-GB")}-row plan for validate (fake Office.js, ${ms.toFixed(0)} ms)`);
  console.log(
    `  read syncs: ${fake.readSyncs}, ${(fake.readBytes / MB).toFixed(1)} MB read   target ≈ 1 per 4 MB (at least ${floor})`,
  );
  console.log(
    `  number formats left out (no rule uses them): ${(fake.readBytes / MB).toFixed(1)} MB read, against ${(withFormats / MB).toFixed(1)} MB with them   target: less`,
  );
  console.log(
    `  largest response: ${(largest / MB).toFixed(2)} MB   target ≤ ${(RESPONSE_LIMIT / MB).toFixed(0)} MB (aimed at 4)`,
  );
  console.log(
    `  largest range read: ${cells.toLocaleString("en-GB")} cells   target ≤ ${READ_CELLS_LIMIT.toLocaleString("en-GB")}`,
  );
}

/** What a live check reads after a person edits one row of a large plan, against a whole read. */
async function liveFigures(rows: number): Promise<void> {
  const framework = bigFramework(rows);
  const fake = new FakeExcel();
  fake.model.addSheet("Sheet1");
  const excel = new ExcelWorkbook(fake);
  await runCommand(excel, createWorkbookQuery, (s) => createWorkbook(s, { framework, kinds: ["action-plan"], now }));
  await excel.apply({ description: "entries", ops: [entries({ top: 0 }, rows, today)] });
  await fake.idle();
  let run: (() => void) | null = null;
  let checked = () => undefined as void;
  const live = await startLiveValidation(excel, {
    asOf: () => today,
    onReport: () => checked(),
    timers: { set: (next) => (run = next), clear: () => (run = null) },
  });
  fake.resetCounts();
  await live.recheck();
  const wholeBytes = fake.readBytes;
  fake.userEdit("Action plan", "G500", [["Red"]]);
  await fake.idle();
  fake.resetCounts();
  await new Promise<void>((resolve) => {
    checked = resolve;
    (run as (() => void) | null)?.();
  });
  console.log(`live check after one edit, ${rows.toLocaleString("en-GB")}-row plan (fake Office.js)`);
  console.log(
    `  read: ${(fake.readBytes / 1024).toFixed(1)} KB in ${fake.readSyncs} sync(s), against ${(wholeBytes / MB).toFixed(1)} MB for the whole plan   target: the rows edited only`,
  );
  await live.stop();
}

async function main(): Promise<void> {
  await readFigures(50_000);
  await readFigures(100_000);
  await liveFigures(50_000);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

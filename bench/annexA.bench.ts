/**
 * `npm run bench` (second part): checking a 100,000-row Annex A list. Target (issue: Annex A): the CLI
 * run within 1.5 × ExcelJS's bare load of the same file. Prints its figures; fails nothing.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { annexAQuery, checkAnnexA } from "../src/commands/checkAnnexA";
import { serialFromDate } from "../src/domain/dates";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsxFile";

const ROWS = 100_000;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
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
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-annex-"));
  const file = path.join(dir, "list3-100k.xlsx");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("List_3");
  sheet.addRow(["List 3: Referral"]);
  sheet.addRow([
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Date of referral",
    "Referral Source",
    "Referral NFA?",
    "Number of Referrals in Last 12 Months",
    "Allocated Team",
    "Allocated Worker",
  ]);
  const genders = ["a) Male", "b) Female", "Female", "c) Not stated/recorded"];
  for (let i = 0; i < ROWS; i++) {
    const birth = new Date(Date.UTC(2008 + (i % 17), i % 12, 1 + (i % 28)));
    const referral = new Date(Date.UTC(2026, 4 + (i % 6), 1 + (i % 28)));
    sheet.addRow([
      `C${i}`,
      genders[i % 4],
      "a) WBRI",
      birth,
      2026 - birth.getUTCFullYear() - 1,
      i % 97 === 0 ? "01/13/2026" : referral,
      "q) 6: Police",
      "b) No",
      i % 5,
      "Team A",
      "Worker B",
    ]);
  }
  await workbook.xlsx.writeFile(file);

  const asOf = Math.floor(serialFromDate(new Date(Date.UTC(2026, 10, 25))));
  const snapshot = await (await XlsxWorkbook.open(file)).read(annexAQuery);
  const core = await time(() => checkAnnexA(snapshot, asOf), 3);
  const bareLoad = await time(async () => new ExcelJS.Workbook().xlsx.readFile(file), 3);
  const bin = path.join(__dirname, "../../../bin/inspection-ready.js");
  const cli = await time(() => {
    try {
      execFileSync(process.execPath, [bin, "annex-a", file, "--json", "--as-of", "25/11/2026"], {
        stdio: "ignore",
        maxBuffer: 1 << 30,
      });
    } catch (error) {
      if ((error as { status?: number }).status !== 1) throw error;
    }
  }, 3);
  const { summary } = core.result;
  console.log(
    `annex-a on a ${ROWS.toLocaleString("en-GB")}-row list (${summary.errors.toLocaleString("en-GB")} errors, ${summary.warnings.toLocaleString("en-GB")} warnings)`,
  );
  console.log(`  core (checks on a snapshot):     ${core.ms.toFixed(0)} ms`);
  console.log(`  ExcelJS bare load of the file:   ${bareLoad.ms.toFixed(0)} ms`);
  console.log(
    `  CLI annex-a, whole run:          ${cli.ms.toFixed(0)} ms   ratio ${(cli.ms / bareLoad.ms).toFixed(2)} × bare load, target ≤ 1.5`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

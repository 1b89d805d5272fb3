/**
 * `npm run bench` (second part): checking Annex A lists. Targets (issues 13 and 14): the CLI on a
 * 100,000-row list at most 1.3 × ExcelJS's bare load of the same file (both as whole processes, in
 * turn); a 500,000-row list checked within Node's default heap (no --max-old-space-size), its peak
 * memory printed. It prints each figure with its target and whether it is met; it fails nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { annexAQuery, checkAnnexA } from "../src/commands/checkAnnexA";
import { serialFromYmd } from "../src/domain/dates";
import { readXlsxSnapshot } from "../src/workbook/xlsx/xlsxFile";
import { writeList3 } from "./annexAFixture";
import { cliAgainstBareLoad, cliMemory, ms, report, time } from "./benchKit";

const ROWS = 100_000;
const LARGE_ROWS = 500_000;
const RATIO_TARGET = 1.3;
const AS_OF = "25/11/2026";

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-annex-"));
  try {
    const file = path.join(dir, "list3-100k.xlsx");
    await writeList3(file, ROWS);
    const snapshot = await readXlsxSnapshot(file, annexAQuery);
    const core = await time(() => checkAnnexA(snapshot, serialFromYmd(2026, 11, 25)), 3);
    const bareLoad = await time(async () => new ExcelJS.Workbook().xlsx.readFile(file), 3);
    const cli = cliAgainstBareLoad(["annex-a", file, "--json", "--as-of", AS_OF], file, 3);
    const { summary } = core.result;
    console.log(
      `annex-a on a ${ROWS.toLocaleString("en-GB")}-row list (${summary.errors.toLocaleString("en-GB")} errors, ${summary.warnings.toLocaleString("en-GB")} warnings)`,
    );
    report("core (checks on a snapshot)", ms(core.ms));
    report("ExcelJS bare load, in process", ms(bareLoad.ms));
    report("ExcelJS bare load, whole process", ms(cli.bareMs));
    report("CLI annex-a, whole run", cli.finished ? `${ms(cli.cliMs)} = ${cli.ratio.toFixed(2)} ×` : "did not finish", {
      text: `≤ ${RATIO_TARGET} × bare load`,
      met: cli.finished && cli.ratio <= RATIO_TARGET,
    });

    const large = path.join(dir, "list3-500k.xlsx");
    await writeList3(large, LARGE_ROWS);
    const run = await cliMemory(["annex-a", large, "--json", "--as-of", AS_OF]);
    const completed = run.status === 0 || run.status === 1;
    console.log(`annex-a on a ${LARGE_ROWS.toLocaleString("en-GB")}-row list, Node's default heap`);
    report(
      "CLI annex-a, whole run",
      completed ? `completed in ${ms(run.ms)}` : `failed (exit ${run.status ?? run.signal})`,
      { text: `completes within the default heap (${run.heapLimitMb} MB)`, met: completed },
    );
    report("  peak heap in use", `${run.peakHeapMb} MB`);
    report("  peak resident memory", `${run.peakRssMb} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

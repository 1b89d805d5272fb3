/**
 * `npm run bench`: the county roll-up's time against ExcelJS's bare load of the same files (issue 12: "a
 * county of 12 districts × 200 actions each in seconds"). Two counties: seed 003's twelve districts of
 * 200 actions, and a large one of 50 districts of 1,000. The roll-up is timed as the command runs it
 * (in process, so Node's start-up is not counted): open every file, read it, roll up, write the county
 * workbook. The bare load is ExcelJS reading the same files and nothing else. It prints its figures; it
 * does not fail a build.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { createWorkbook, createWorkbookQuery } from "../src/commands/createWorkbook";
import { runCommand } from "../src/commands/runCommand";
import { serialFromDate } from "../src/domain/dates";
import type { Framework } from "../src/domain/framework";
import { parseFramework } from "../src/domain/frameworkSchema";
import { getFramework } from "../src/domain/frameworks";
import type { CellInput, PatchOp } from "../src/workbook/types";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsxFile";

const now = new Date();
const today = Math.floor(serialFromDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()))));

/** Seed 003's programme with `actions` criteria spread over its judgements: one action a criterion. */
function districtFramework(actions: number): Framework {
  const base = getFramework("improvement-programme");
  const themes = base.judgements.filter((j) => j.kind !== "overall");
  const judgements = base.judgements.map((j) => {
    const t = themes.indexOf(j);
    if (t < 0) return j;
    const criteria = Array.from({ length: actions }, (_, i) => i)
      .filter((i) => i % themes.length === t)
      .map((i) => ({
        ref: `D-${String(i + 1).padStart(5, "0")}`,
        text: `Commitment ${i + 1} of the district's improvement plan`,
        sources: ["seed-003"],
        confidence: "confirmed" as const,
      }));
    return { ...j, criteria };
  });
  return parseFramework({ ...base, judgements }, "bench framework");
}

/** A district manager's entries on every row, a different mix in each district, deterministic. */
function entries(rows: number, district: number): PatchOp {
  const rags = ["Green", "Amber", "Red", "Blue", "Not started", "Complete – awaiting sign-off", ""];
  const values: CellInput[][] = Array.from({ length: rows }, (_, i) => [
    `Action ${i + 1}`,
    "District manager",
    today + ((i * 13 + district * 7) % 120) - 60,
    rags[(i + district) % rags.length]!,
    i % 3 === 0 ? null : "Update",
    i % 4 === 0 ? null : "Evidence",
    today - ((i + district) % 45),
  ]);
  // Columns D..J of the action plan: Action, Lead, Due date, RAG, Progress update, Evidence, Last updated.
  return { op: "writeValues", sheet: "Action plan", row: 1, col: 3, values };
}

async function writeCounty(folder: string, districts: number, actions: number): Promise<string[]> {
  mkdirSync(folder);
  const framework = districtFramework(actions);
  const files: string[] = [];
  for (let d = 0; d < districts; d++) {
    const file = path.join(folder, `District ${String(d + 1).padStart(2, "0")}.xlsx`);
    const xlsx = XlsxWorkbook.empty();
    await runCommand(xlsx, createWorkbookQuery, (s) => createWorkbook(s, { framework, kinds: ["action-plan"], now }));
    await xlsx.apply({ description: "entries", ops: [entries(actions, d)] });
    await xlsx.save(file);
    files.push(file);
  }
  return files;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(run: () => Promise<unknown>, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function county(dir: string, districts: number, actions: number): Promise<void> {
  const folder = path.join(dir, `county-${districts}x${actions}`);
  const files = await writeCounty(folder, districts, actions);
  const out = path.join(dir, `county-${districts}x${actions} OFFICIAL-SENSITIVE.xlsx`);
  let code = -1;
  let printed = "";
  const rollUp = await time(async () => {
    code = await main(
      ["rollup", folder, "--out", out, "--force", "--json"],
      { out: (line) => (printed = line), err: (line) => console.error(line) },
      now,
    );
  }, 3);
  if (code !== 0) throw new Error(`rollup exited ${code}`);
  const totals = JSON.parse(printed).totals as Record<string, number>;
  const counted = Object.values(totals).reduce((a, b) => a + b, 0);
  if (counted !== districts * actions) throw new Error(`rollup counted ${counted} actions, not ${districts * actions}`);
  const bareLoad = await time(async () => {
    for (const file of files) await new ExcelJS.Workbook().xlsx.readFile(file);
  }, 3);
  const label = `${districts} districts × ${actions.toLocaleString("en-GB")} actions`;
  console.log(`roll-up of ${label} (${counted.toLocaleString("en-GB")} actions counted)`);
  console.log(`  ExcelJS bare load of the ${districts} files: ${bareLoad.toFixed(0)} ms`);
  console.log(
    `  rollup, whole command in process:      ${rollUp.toFixed(0)} ms   ratio ${(rollUp / bareLoad).toFixed(2)} × bare load`,
  );
}

async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-rollup-"));
  try {
    await county(dir, 12, 200);
    await county(dir, 50, 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../support/runCli";

// The corpus is built by a script, run here into a temporary folder, so no binary files are committed.

const { makeBadInputs, CASE_NAMES } = require("../../scripts/make-bad-inputs.js") as {
  makeBadInputs(dir: string, plan: string): Promise<string[]>;
  CASE_NAMES: string[];
};

/**
 * Every command over every bad input: the exit code is 0, 1 or 2 and nothing else; a refusal (2) is one
 * line saying what is wrong, never a crash, a stack trace or "unexpected error"; the input is left byte
 * for byte as it was; a refused command leaves no file behind, and no command leaves a temporary file.
 */
let root = "";
let files: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "inspection-ready-bad-"));
  const plan = path.join(root, "made-by-new.xlsx");
  expect((await runCli(["new", "--out", plan])).code).toBe(0);
  files = await makeBadInputs(path.join(root, "corpus"), plan);
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The first sheet of a workbook ExcelJS can open, for structure's --sheet; "Plan" for the rest. */
async function firstSheet(file: string): Promise<string> {
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    return workbook.worksheets.find((ws) => ws.name !== "_InspectionReady")?.name ?? "Plan";
  } catch {
    return "Plan";
  }
}

/** Each command, given the input and where its output goes. */
const COMMANDS: [string, (input: string, out: string, sheet: string) => string[]][] = [
  ["validate", (input) => ["validate", input]],
  ["validate --json", (input) => ["validate", input, "--json", "--as-of", "25/11/2026"]],
  ["validate --write", (input, out) => ["validate", input, "--write", "--out", out]],
  ["project", (input) => ["project", input]],
  ["project --write", (input, out) => ["project", input, "--write", "--out", out]],
  ["refresh", (input, out) => ["refresh", input, "--out", out]],
  [
    "structure",
    (input, out, sheet) => ["structure", input, "--sheet", sheet, "--as", "action-plan", "--normalise", "--out", out],
  ],
  ["annex-a --fix", (input, out) => ["annex-a", input, "--fix", "--out", out]],
  ["audit-sample", (input, out) => ["audit-sample", input, "--out", out]],
  // The marking is added to the name: the pack lands beside out, where "left behind" looks.
  ["export", (input, out) => ["export", input, "--out", out, "--marking", "OFFICIAL"]],
  ["export --out .csv", (input, out) => ["export", input, "--out", out.replace(/\.xlsx$/, " OFFICIAL.csv")]],
  ["rollup", (input, out) => ["rollup", input, "--out", out, "--marking", "OFFICIAL"]],
  // --out naming the input itself: refused without --force, the input untouched.
  ["new --out over the input", (input) => ["new", "--out", input]],
  ["refresh --out a missing folder", (input, out) => ["refresh", input, "--out", path.join(out, "no", "plan.xlsx")]],
];

it(`builds the corpus: at least 60 files (${CASE_NAMES.length})`, () => {
  expect(CASE_NAMES.length).toBeGreaterThanOrEqual(60);
  expect(files.map((f) => path.basename(f))).toEqual(CASE_NAMES);
});

it("runs every command over every bad input: exit 0/1/2, one line on 2, input unchanged, nothing left behind", async () => {
  const problems: string[] = [];
  const times: string[] = [];
  for (const file of files) {
    const started = Date.now();
    const name = path.basename(file);
    const folder = path.dirname(file);
    const before = readFileSync(file);
    const sheet = await firstSheet(file);
    for (const [label, argv] of COMMANDS) {
      const out = path.join(root, "out", `${name}.out.xlsx`);
      mkdirSync(path.dirname(out), { recursive: true });
      const say = (what: string) => problems.push(`${name} · ${label}: ${what}`);
      let result: { code: number; out: string; err: string };
      try {
        result = await runCli(argv(file, out, sheet));
      } catch (error) {
        say(`crashed: ${(error as Error).message}`);
        continue;
      }
      if (![0, 1, 2].includes(result.code)) say(`exit ${result.code}`);
      if (/unexpected error|\n\s+at |Cannot read properties|is not a function|undefined/.test(result.err))
        say(`stack or crash in: ${result.err}`);
      if (result.code === 2) {
        if (result.err.split("\n").length !== 1) say(`not one line: ${result.err}`);
        if (!result.err.startsWith("inspection-ready: ")) say(`not a message: ${result.err}`);
        const written = [out, out.replace(/\.xlsx$/, " OFFICIAL.xlsx"), out.replace(/\.xlsx$/, " OFFICIAL.csv")];
        if (written.some((f) => existsSync(f))) say("left its --out behind when refused");
      }
      if (!readFileSync(file).equals(before)) say("changed the input");
      const left = [...readdirSync(folder), ...readdirSync(path.dirname(out))].filter(
        (f) => f.endsWith(".tmp") || (f.startsWith(".") && f.includes(".xlsx.")),
      );
      if (left.length > 0) say(`left temporary files: ${left.join(", ")}`);
      rmSync(path.dirname(out), { recursive: true, force: true });
    }
    times.push(`${Date.now() - started} ms ${name}`);
  }
  if (process.env.BAD_INPUT_TIMES) console.log(times.join("\n"));
  expect(problems).toEqual([]);
}, 120_000);

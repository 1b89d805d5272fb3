import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { messyPlans, writeMessyPlan } from "../fixtures/messyPlans";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

const run = (...argv: string[]) => runCli(argv);

const plan = (name: string) => messyPlans.find((p) => p.name === name)!;

describe("inspection-ready structure", () => {
  it("structures a clean sheet: exit 0 and the report as JSON", async () => {
    const input = path.join(tempDir(), "in.xlsx");
    const output = path.join(tempDir(), "out.xlsx");
    await writeMessyPlan(plan("title rows above the header"), input);
    const inputBytes = readFileSync(input);
    const { code, out } = await run(
      "structure",
      input,
      "--sheet",
      "Improvement plan",
      "--as",
      "action-plan",
      "--out",
      output,
      "--json",
    );
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({
      sheet: "Improvement plan",
      headerRow: 4,
      dataRows: 4,
      unmapped: [],
      normalisable: [],
    });
    expect(report.mapping).toMatchObject({ lead: "Lead Officer", due: "Timescale" });
    expect(readFileSync(input)).toEqual(inputBytes);
    const structured = await (await XlsxWorkbook.open(output)).read({ sheets: [] });
    expect(structured.tables.map((t) => t.name)).toEqual(["ActionPlan"]);
  });

  it("exit 1 when values need a look, naming each cell; --normalise fixes those it can", async () => {
    const input = path.join(tempDir(), "in.xlsx");
    await writeMessyPlan(plan("RAG as initials, words and emoji"), input);
    const first = await run(
      "structure",
      input,
      "--sheet",
      "Tracker",
      "--as",
      "action-plan",
      "--out",
      path.join(tempDir(), "a.xlsx"),
    );
    expect(first.code).toBe(1);
    expect(first.out).toContain('To check Tracker!E2 (rag): "G" — suggest Green.');
    expect(first.out).toContain('To check Tracker!E8 (rag): "Purple" — not recognised: check it.');
    const fixed = await run(
      "structure",
      input,
      "--sheet",
      "Tracker",
      "--as",
      "action-plan",
      "--out",
      path.join(tempDir(), "b.xlsx"),
      "--normalise",
      "--json",
    );
    expect(fixed.code).toBe(1); // "Purple" still needs a person
    expect(JSON.parse(fixed.out).normalised).toBe(6);
  });

  it.each([
    [
      ["structure", "IN", "--sheet", "Nope", "--as", "action-plan", "--out", "OUT"],
      /There is no sheet called "Nope"; the workbook has "Cover", "Improvement plan"/,
    ],
    [
      ["structure", "IN", "--sheet", "Improvement plan", "--as", "plan", "--out", "OUT"],
      /structure needs --as self-evaluation\|action-plan\|evidence/,
    ],
    [["structure", "IN", "--sheet", "Improvement plan", "--as", "action-plan"], /structure needs --out OUT\.xlsx/],
    [["structure", "--sheet", "x", "--as", "action-plan", "--out", "OUT"], /structure needs the workbook to read/],
    [["structure", "IN", "--as", "action-plan", "--out", "OUT"], /structure needs --sheet NAME/],
    [
      ["structure", "IN", "--sheet", "Cover", "--as", "action-plan", "--out", "OUT"],
      /Could not find a header row on "Cover"/,
    ],
  ])("usage mistakes and unusable sheets: exit 2 with one line (%j)", async (argv, message) => {
    const input = path.join(tempDir(), "in.xlsx");
    await writeMessyPlan(plan("title rows above the header"), input);
    const output = path.join(tempDir(), "out.xlsx");
    const { code, err } = await run(...argv.map((a) => (a === "IN" ? input : a === "OUT" ? output : a)));
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.split("\n")).toHaveLength(1);
    expect(existsSync(output)).toBe(false);
  });

  it("never replaces a file without --force, the input included", async () => {
    const input = path.join(tempDir(), "in.xlsx");
    await writeMessyPlan(plan("title rows above the header"), input);
    const before = readFileSync(input);
    const refused = await run("structure", input, "--sheet", "Improvement plan", "--as", "action-plan", "--out", input);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already exists; choose another --out, or add --force/);
    expect(readFileSync(input)).toEqual(before);
  });

  it("says a file is unreadable with exit 2", async () => {
    const input = path.join(tempDir(), "in.xlsx");
    writeFileSync(input, "not a workbook");
    const { code, err } = await run(
      "structure",
      input,
      "--sheet",
      "S",
      "--as",
      "action-plan",
      "--out",
      path.join(tempDir(), "o.xlsx"),
    );
    expect(code).toBe(2);
    expect(err).toBe(
      `inspection-ready: Cannot open ${input}: it is text (a CSV or similar, named as if it were .xlsx), not an Excel workbook. Open it in Excel and save it as an Excel Workbook (.xlsx), then try again`,
    );
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { METADATA_SHEET } from "../../src/sheets/metadata";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

/**
 * Metadata records that are not what Inspection Ready writes, each once a crash ("unexpected error:
 * Cannot read properties of null… Please report it"): every command that reads the records now refuses
 * the workbook with a message naming the cell, the field and what to do, and changes nothing.
 */
const A_PLAN = {
  kind: "action-plan",
  sheet: "Action plan",
  table: "ActionPlan",
  createdAt: "2026-01-01T00:00:00.000Z",
  columns: { ref: "Ref", action: "Action" },
};

const BAD_RECORDS: { name: string; key: "plan" | "settings"; json: string; says: RegExp }[] = [
  { name: "a null plan record", key: "plan", json: "null", says: /should be an object but is null/ },
  { name: "a plan record that is a number", key: "plan", json: "5", says: /should be an object but is a number/ },
  { name: "a plan record that is text", key: "plan", json: '"Action plan"', says: /should be an object but is text/ },
  { name: "a plan record that is a list", key: "plan", json: "[]", says: /should be an object but is a list/ },
  {
    name: "a plan record without its columns",
    key: "plan",
    json: JSON.stringify({ ...A_PLAN, columns: undefined }),
    says: /its "columns" is missing/,
  },
  {
    name: "a plan record whose columns are null",
    key: "plan",
    json: JSON.stringify({ ...A_PLAN, columns: null }),
    says: /its "columns" should be an object but is null/,
  },
  {
    name: "a plan record whose sheet is null",
    key: "plan",
    json: JSON.stringify({ ...A_PLAN, sheet: null }),
    says: /its "sheet" should be text but is null/,
  },
  {
    name: "settings whose RAG scale is not a list",
    key: "settings",
    json: '{"rag":5}',
    says: /its "rag" should be a list but is a number/,
  },
  {
    name: "settings whose RAG scale holds a null",
    key: "settings",
    json: '{"rag":[null]}',
    says: /its "rag\[0\]" should be an object but is null/,
  },
  {
    name: "a plan record whose table is a number",
    key: "plan",
    json: JSON.stringify({ ...A_PLAN, table: 3 }),
    says: /its "table" should be text but is a number/,
  },
  { name: "null settings", key: "settings", json: "null", says: /should be an object but is null/ },
  {
    name: "settings whose stale days are text",
    key: "settings",
    json: '{"staleDays":"thirty"}',
    says: /its "staleDays" should be a number but is text/,
  },
];

/** A new plan whose metadata sheet has `json` written as a second record under `key`, in B2. */
async function planWithRecord(key: string, json: string): Promise<string> {
  const file = path.join(tempDir(), "plan.xlsx");
  expect((await runCli(["new", "--kind", "action-plan", "--out", file])).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(METADATA_SHEET)!;
  // Move the records down a row, so the bad one sits in B2 and the real plan stays recorded after it.
  sheet.insertRow(2, [key, json]);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe.each(BAD_RECORDS)("$name in the metadata sheet", ({ key, json, says }) => {
  it("is refused by every command that reads the records, naming the cell and what to do", async () => {
    const file = await planWithRecord(key, json);
    const before = readFileSync(file);
    const out = (name: string) => path.join(tempDir(), name);
    for (const argv of [
      ["validate", file],
      ["project", file],
      ["refresh", file, "--out", out("refreshed.xlsx")],
      ["structure", file, "--sheet", "Action plan", "--as", "action-plan", "--out", out("structured.xlsx")],
    ]) {
      const result = await runCli(argv);
      expect({ argv: argv[0], code: result.code }).toEqual({ argv: argv[0], code: 2 });
      expect(result.err).toContain(`${METADATA_SHEET}!B2`);
      expect(result.err).toMatch(says);
      expect(result.err).toMatch(/edited by hand\. Open a copy of the workbook saved before the change/);
      expect(result.err).not.toMatch(/Cannot read|unexpected|is not a function/);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

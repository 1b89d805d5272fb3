import {
  METADATA_SHEET,
  MetadataError,
  SCHEMA_VERSION,
  readMetadata,
  writeMetadataOps,
} from "../../src/sheets/metadata";
import { invertPatch } from "../../src/workbook/invert";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";

function workbookWithMetadata(rows: (string | number | null)[][]): MemoryWorkbook {
  const workbook = MemoryWorkbook.withSheets("Sheet1", METADATA_SHEET);
  workbook.applySync({
    description: "set up",
    ops: [{ op: "writeValues", sheet: METADATA_SHEET, row: 0, col: 0, values: rows }],
  });
  return workbook;
}

describe("metadata sheet", () => {
  it("is absent from a workbook the add-in has not touched", () => {
    expect(readMetadata(MemoryWorkbook.withSheets("Sheet1").snapshot())).toBeNull();
  });

  it("is created very hidden and read back", () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    const plan = {
      kind: "action-plan",
      sheet: "Action plan",
      table: "ActionPlan",
      frameworkId: "x",
      frameworkVersion: "1",
      createdAt: "2026-11-25T00:00:00.000Z",
      columns: { ref: "Ref" },
    };
    workbook.applySync({
      description: "meta",
      ops: writeMetadataOps(workbook.snapshot(), { schemaVersion: SCHEMA_VERSION, plans: [plan] }),
    });
    expect(workbook.sheet(METADATA_SHEET).visibility).toBe("veryHidden");
    expect(readMetadata(workbook.snapshot())).toEqual({ schemaVersion: SCHEMA_VERSION, plans: [plan] });
  });

  it("refuses a workbook saved by a newer schema, with a message that says what to do", () => {
    const workbook = workbookWithMetadata([["schemaVersion", String(SCHEMA_VERSION + 1)]]);
    expect(() => readMetadata(workbook.snapshot())).toThrow(MetadataError);
    expect(() => readMetadata(workbook.snapshot())).toThrow(/newer version of Inspection Ready.*Update the add-in/);
  });

  it("names the cell when a record was broken by hand", () => {
    const workbook = workbookWithMetadata([
      ["schemaVersion", "1"],
      ["plan", "{not json"],
    ]);
    expect(() => readMetadata(workbook.snapshot())).toThrow(`${METADATA_SHEET}!B2 is not valid JSON`);
  });

  it("rewriting existing records records the old ones, so undo restores them", () => {
    const workbook = workbookWithMetadata([
      ["schemaVersion", "1"],
      ["plan", "{}"],
      ["plan", "{}"],
    ]);
    const before = workbook.snapshot();
    const patch = { description: "rewrite", ops: writeMetadataOps(before, { schemaVersion: 1, plans: [] }) };
    workbook.applySync(patch);
    expect(workbook.snapshot().sheets[1]!.values).toEqual([["schemaVersion", "1"]]);
    workbook.applySync(invertPatch(patch));
    expect(workbook.snapshot()).toEqual(before);
  });
});

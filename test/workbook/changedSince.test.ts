import { changedSince, sameCell } from "../../src/workbook/changedSince";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type { WorkbookPatch } from "../../src/workbook/types";

/** A plan-like sheet and a change that wrote G2:G3 and a formula in K2 over what was there. */
function setUp() {
  const workbook = MemoryWorkbook.withSheets("Action plan");
  workbook.applySync({
    description: "set up",
    ops: [{ op: "writeValues", sheet: "Action plan", row: 0, col: 0, values: [["Ref", "RAG"]] }],
  });
  const change: WorkbookPatch = {
    description: "Set RAG",
    ops: [
      {
        op: "writeValues",
        sheet: "Action plan",
        row: 1,
        col: 6,
        values: [["Amber"], ["Amber"]],
        before: [[null], [null]],
      },
      {
        op: "writeValues",
        sheet: "Action plan",
        row: 1,
        col: 10,
        values: [[{ formula: '=IF(G2="Red",1,0)' }]],
        before: [[null]],
      },
    ],
  };
  workbook.applySync(change);
  return { workbook, change };
}

const typed = (workbook: MemoryWorkbook, sheet: string, row: number, col: number, value: string | number | null) =>
  workbook.applySync({ description: "typed", ops: [{ op: "writeValues", sheet, row, col, values: [[value]] }] });

describe("changedSince", () => {
  it("finds nothing where the cells still hold what the change wrote", () => {
    const { workbook, change } = setUp();
    expect(changedSince(change, workbook.snapshot())).toEqual([]);
  });

  it("names each cell typed over since, as Sheet!A1 in the order written", () => {
    const { workbook, change } = setUp();
    typed(workbook, "Action plan", 2, 6, "Green");
    typed(workbook, "Action plan", 1, 10, 5);
    typed(workbook, "Action plan", 1, 6, null);
    expect(changedSince(change, workbook.snapshot())).toEqual(["Action plan!G2", "Action plan!G3", "Action plan!K2"]);
  });

  it("ignores cells the change did not write", () => {
    const { workbook, change } = setUp();
    typed(workbook, "Action plan", 1, 7, "Progress");
    expect(changedSince(change, workbook.snapshot())).toEqual([]);
  });

  it("takes the last of two writes to the same cell as what the change left there", () => {
    const workbook = MemoryWorkbook.withSheets("S");
    const change: WorkbookPatch = {
      description: "two writes",
      ops: [
        { op: "writeValues", sheet: "S", row: 0, col: 0, values: [["first"]], before: [[null]] },
        { op: "writeValues", sheet: "S", row: 0, col: 0, values: [["second"]], before: [["first"]] },
      ],
    };
    workbook.applySync(change);
    expect(changedSince(change, workbook.snapshot())).toEqual([]);
  });

  it("on a sheet the change added, also counts anything typed outside what it wrote", () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    const change: WorkbookPatch = {
      description: "add",
      ops: [
        { op: "addSheet", sheet: "Timeline" },
        { op: "writeValues", sheet: "Timeline", row: 0, col: 0, values: [["Milestone", "Date"]] },
      ],
    };
    workbook.applySync(change);
    expect(changedSince(change, workbook.snapshot())).toEqual([]);
    typed(workbook, "Timeline", 4, 2, "a note");
    expect(changedSince(change, workbook.snapshot())).toEqual(["Timeline!C5"]);
  });

  it("skips sheets the snapshot did not read or no longer holds", () => {
    const { workbook, change } = setUp();
    typed(workbook, "Action plan", 1, 6, "Red");
    expect(changedSince(change, workbook.snapshot({ sheets: ["Other"] }))).toEqual([]);
    expect(changedSince(change, { sheets: [], tables: [] })).toEqual([]);
  });
});

describe("sameCell: values as a backend may read them back", () => {
  it.each([
    [null, "", null, true],
    ["", null, null, true],
    ["Amber", "Amber", null, true],
    ["Amber", "amber", null, false],
    ["1.1", 1.1, null, true],
    [1.1, "1.1", null, true],
    [46000, 46000.0000000001, null, true],
    [46000, 46001, null, false],
    [true, "TRUE", null, true],
    [false, true, null, false],
    ["x", null, null, false],
    [null, 0, null, false],
    ["x", "x", "=A1", false],
  ] as const)("%j read back as %j (formula %j): %s", (input, value, formula, same) => {
    expect(sameCell(input, value, formula)).toBe(same);
  });

  it("compares formulas without spaces, case or the leading =", () => {
    expect(sameCell({ formula: '=IF(G2="Red", 1, 0)' }, null, '=if(G2="RED",1,0)')).toBe(true);
    expect(sameCell({ formula: "=A1" }, 3, null)).toBe(false);
    expect(sameCell({ formula: "=A1" }, 3, "=A2")).toBe(false);
  });
});

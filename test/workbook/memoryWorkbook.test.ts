import { MemoryWorkbook, PatchError } from "../../src/workbook/memory/memoryWorkbook";

/** Every cell of every sheet, and the sheets' shape, as plain data to compare before and after. */
function everything(workbook: MemoryWorkbook) {
  return JSON.stringify({
    snapshot: workbook.snapshot(),
    tables: workbook.tables,
    merged: workbook.sheets.map((s) => s.merged),
  });
}

describe("a patch that fails part-way leaves the in-memory workbook as it was", () => {
  const start = () => {
    const workbook = MemoryWorkbook.withSheets("List", "Notes");
    workbook.applySync({
      description: "fill",
      ops: [
        {
          op: "writeValues",
          sheet: "List",
          row: 0,
          col: 0,
          values: [
            ["Child ID", "Date"],
            ["C1", 45000],
            ["C2", 45001],
          ],
        },
        { op: "setNumberFormats", sheet: "List", row: 1, col: 1, formats: [["dd/mm/yyyy"], ["dd/mm/yyyy"]] },
        { op: "addTable", sheet: "List", name: "Lists", range: { top: 0, left: 0, bottom: 2, right: 1 }, style: "x" },
      ],
    });
    return workbook;
  };

  test("cells written, formatted and merged, a sheet added and a table resized before the failing operation are all put back", () => {
    const workbook = start();
    const before = everything(workbook);
    expect(() =>
      workbook.applySync({
        description: "half a change",
        ops: [
          {
            op: "writeValues",
            sheet: "List",
            row: 1,
            col: 0,
            values: [
              ["changed", 1],
              [null, null],
            ],
          },
          { op: "writeValues", sheet: "List", row: 5, col: 3, values: [["a cell never there before"]] },
          { op: "setNumberFormats", sheet: "List", row: 1, col: 1, formats: [["0.00"]] },
          { op: "mergeCells", sheet: "List", range: { top: 1, left: 0, bottom: 2, right: 1 } },
          { op: "addSheet", sheet: "Findings" },
          { op: "writeValues", sheet: "Findings", row: 0, col: 0, values: [["x"]] },
          { op: "resizeTable", name: "Lists", range: { top: 0, left: 0, bottom: 9, right: 1 } },
          { op: "freezePanes", sheet: "List", rows: 1, columns: 0 },
          { op: "writeValues", sheet: "No such sheet", row: 0, col: 0, values: [["fails"]] },
        ],
      }),
    ).toThrow(PatchError);
    expect(everything(workbook)).toBe(before);
    expect(workbook.cell("List", 1, 0)).toEqual({ value: "C1", formula: null, numberFormat: "General" });
    expect(workbook.cell("List", 1, 1)?.numberFormat).toBe("dd/mm/yyyy");
    expect(workbook.cell("List", 5, 3)).toBeUndefined();
    expect(workbook.sheet("List").frozen).toEqual({ rows: 0, columns: 0 });
  });

  test("a patch that succeeds keeps every change, and a later failing patch does not undo it", () => {
    const workbook = start();
    workbook.applySync({
      description: "ok",
      ops: [{ op: "writeValues", sheet: "List", row: 2, col: 0, values: [["C3"]] }],
    });
    expect(() =>
      workbook.applySync({
        description: "fails",
        ops: [
          { op: "writeValues", sheet: "List", row: 2, col: 0, values: [["C4"]] },
          { op: "deleteSheet", sheet: "Missing" },
        ],
      }),
    ).toThrow(PatchError);
    expect(workbook.cell("List", 2, 0)?.value).toBe("C3");
  });
});

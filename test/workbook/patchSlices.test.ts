import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { slicePatch } from "../../src/workbook/patchSlices";
import type { WorkbookPatch } from "../../src/workbook/types";

const rows = (n: number, width: number, tag: string) =>
  Array.from({ length: n }, (_, r) => Array.from({ length: width }, (_, c) => `${tag}${r}:${c}`));

const patch: WorkbookPatch = {
  description: "A big write",
  ops: [
    { op: "addSheet", sheet: "Findings" },
    { op: "writeValues", sheet: "Findings", row: 0, col: 0, values: rows(2_500, 4, "f") },
    { op: "freezePanes", sheet: "Findings", rows: 1, columns: 0 },
    { op: "writeValues", sheet: "List", row: 3, col: 1, values: rows(1_000, 2, "new"), before: rows(1_000, 2, "old") },
    {
      op: "setNumberFormats",
      sheet: "List",
      row: 3,
      col: 1,
      formats: rows(1_000, 2, "0."),
      before: rows(1_000, 2, "General"),
    },
  ],
};

test("applying the parts in order gives the workbook the whole patch gives, and no part is over the size asked", () => {
  const whole = MemoryWorkbook.withSheets("List");
  whole.applySync(patch);
  const parted = MemoryWorkbook.withSheets("List");
  const parts = slicePatch(patch, 1_000);
  for (const ops of parts) parted.applySync({ description: patch.description, ops });
  expect(parted.snapshot()).toEqual(whole.snapshot());
  expect(parts.length).toBeGreaterThanOrEqual(14);
  for (const ops of parts) {
    const cells = ops.reduce(
      (n, op) =>
        n +
        (op.op === "writeValues"
          ? op.values.length * op.values[0]!.length
          : op.op === "setNumberFormats"
            ? op.formats.length * 2
            : 1),
      0,
    );
    expect(cells).toBeLessThanOrEqual(1_000);
  }
});

test("each cut write keeps the `before` of its own rows, so the parts undo as the whole does", () => {
  const parts = slicePatch(patch, 500).flat();
  const listWrites = parts.filter((op) => op.op === "writeValues" && op.sheet === "List");
  expect(listWrites.length).toBe(4);
  for (const op of listWrites) {
    if (op.op !== "writeValues") continue;
    expect(op.before?.length).toBe(op.values.length);
    expect(op.before?.[0]?.[0]).toBe(`old${op.row - 3}:0`);
  }
});

test("a small patch stays in one part, as it was", () => {
  const small: WorkbookPatch = {
    description: "small",
    ops: [
      { op: "addSheet", sheet: "A" },
      { op: "freezePanes", sheet: "A", rows: 1, columns: 0 },
    ],
  };
  expect(slicePatch(small, 1_000)).toEqual([small.ops]);
});

import fc from "fast-check";
import { invertPatch, NotInvertibleError } from "../../src/workbook/invert";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { cellsBefore, formatsBefore } from "../../src/workbook/snapshotCells";
import type { CellInput, PatchOp, WorkbookSnapshot } from "../../src/workbook/types";

const scalar = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.boolean(),
);
const cellInput: fc.Arbitrary<CellInput> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constantFrom("=1+1", "=A1*2", '="x"').map((formula) => ({ formula })) },
);
const numberFormat = fc.constantFrom("General", "dd/mm/yyyy", "0.00", "@");
const grid = <T>(cell: fc.Arbitrary<T>, rows: number, cols: number) =>
  fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** A random workbook: 1–3 sheets with random cells and formats, maybe a table and frozen panes. */
const randomWorkbook = fc
  .record({
    sheetCount: fc.integer({ min: 1, max: 3 }),
    blocks: fc.array(
      fc.record({
        sheet: fc.nat(2),
        row: fc.nat(6),
        col: fc.nat(4),
        values: fc
          .integer({ min: 1, max: 4 })
          .chain((h) => fc.integer({ min: 1, max: 4 }).chain((w) => grid(cellInput, h, w))),
        format: numberFormat,
      }),
      { maxLength: 4 },
    ),
    table: fc.boolean(),
    frozen: fc.nat(2),
  })
  .map((spec) => {
    const workbook = MemoryWorkbook.withSheets(...Array.from({ length: spec.sheetCount }, (_, i) => `Sheet${i + 1}`));
    const ops: PatchOp[] = [];
    for (const block of spec.blocks) {
      const sheet = `Sheet${(block.sheet % spec.sheetCount) + 1}`;
      ops.push({ op: "writeValues", sheet, row: block.row, col: block.col, values: block.values });
      ops.push({
        op: "setNumberFormats",
        sheet,
        row: block.row,
        col: block.col,
        formats: block.values.map((r) => r.map(() => block.format)),
      });
    }
    if (spec.table) {
      ops.push({
        op: "writeValues",
        sheet: "Sheet1",
        row: 20,
        col: 0,
        values: [
          ["Ref", "Name"],
          ["A", "B"],
        ],
      });
      ops.push({
        op: "addTable",
        sheet: "Sheet1",
        name: "Existing",
        range: { top: 20, left: 0, bottom: 21, right: 1 },
        style: "TableStyleLight1",
      });
    }
    ops.push({ op: "freezePanes", sheet: "Sheet1", rows: spec.frozen, columns: 0 });
    workbook.applySync({ description: "set up", ops });
    return workbook;
  });

/** A random patch planned from the snapshot, as a command would: every change records what it replaces. */
function randomPatch(snapshot: WorkbookSnapshot) {
  const sheetNames = snapshot.sheets.map((s) => s.name);
  const existingWrite = fc
    .record({
      sheet: fc.constantFrom(...sheetNames),
      row: fc.nat(8),
      col: fc.nat(6),
      h: fc.integer({ min: 1, max: 3 }),
      w: fc.integer({ min: 1, max: 3 }),
      seed: fc.array(cellInput, { minLength: 9, maxLength: 9 }),
      format: numberFormat,
    })
    .map(({ sheet, row, col, h, w, seed, format }): PatchOp[] => [
      {
        op: "writeValues",
        sheet,
        row,
        col,
        values: Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => seed[r * 3 + c] ?? null)),
        before: cellsBefore(snapshot, sheet, row, col, h, w),
      },
      {
        op: "setNumberFormats",
        sheet,
        row,
        col,
        formats: Array.from({ length: h }, () => Array.from({ length: w }, () => format)),
        before: formatsBefore(snapshot, sheet, row, col, h, w),
      },
    ]);
  const newSheet = fc
    .record({ values: grid(cellInput, 3, 3), table: fc.boolean() })
    .map(({ values, table }): PatchOp[] => {
      const sheet = `New ${sheetNames.length}`;
      const ops: PatchOp[] = [
        { op: "addSheet", sheet },
        { op: "writeValues", sheet, row: 0, col: 0, values: [["A", "B", "C"], ...values] },
        {
          op: "setValidation",
          sheet,
          range: { top: 1, left: 0, bottom: 3, right: 0 },
          rule: { type: "list", values: ["Red"], strict: true },
        },
        { op: "setVisibility", sheet, visibility: "hidden" },
      ];
      if (table)
        ops.push({
          op: "addTable",
          sheet,
          name: `T${sheetNames.length}`,
          range: { top: 0, left: 0, bottom: 3, right: 2 },
          style: "TableStyleMedium2",
        });
      return ops;
    });
  const freeze = fc.nat(3).map((rows): PatchOp[] => {
    const sheet = snapshot.sheets[0]!;
    return [
      {
        op: "freezePanes",
        sheet: sheet.name,
        rows,
        columns: 1,
        before: { rows: sheet.frozenRows, columns: sheet.frozenColumns },
      },
    ];
  });
  return fc
    .array(fc.oneof(existingWrite, existingWrite, newSheet, freeze), { minLength: 1, maxLength: 4 })
    .map((groups) => ({ description: "random change", ops: groups.flat() }));
}

describe("patch inversion", () => {
  it("applying a patch and then its inverse gives back the snapshot", () => {
    fc.assert(
      fc.property(
        randomWorkbook.chain((workbook) => fc.tuple(fc.constant(workbook), randomPatch(workbook.snapshot()))),
        ([workbook, patch]) => {
          const before = workbook.snapshot();
          // Two groups may add the same new sheet name; such a patch fails as a whole and changes nothing.
          try {
            workbook.applySync(patch);
          } catch {
            expect(workbook.snapshot()).toEqual(before);
            return;
          }
          workbook.applySync(invertPatch(patch));
          expect(workbook.snapshot()).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("undoes a new sheet by deleting it, whatever was written on it", () => {
    const patch = {
      description: "add",
      ops: [
        { op: "addSheet", sheet: "Plan" },
        { op: "writeValues", sheet: "Plan", row: 0, col: 0, values: [["x"]] },
        { op: "freezePanes", sheet: "Plan", rows: 1, columns: 0 },
      ] satisfies PatchOp[],
    };
    expect(invertPatch(patch).ops).toEqual([{ op: "deleteSheet", sheet: "Plan" }]);
  });

  it("refuses to invert a write on an existing sheet that did not record the old cells", () => {
    expect(() =>
      invertPatch({ description: "bad", ops: [{ op: "writeValues", sheet: "Sheet1", row: 0, col: 0, values: [[1]] }] }),
    ).toThrow(NotInvertibleError);
  });
});

import { changedRows, mergeRows } from "../../src/commands/liveCells";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/types";

describe("changedRows", () => {
  it("reads the rows of a change event's address", () => {
    expect(changedRows("E5")).toEqual({ top: 4, bottom: 4 });
    expect(changedRows("$E$9:G5")).toEqual({ top: 4, bottom: 8 });
    expect(changedRows("5:7")).toEqual({ top: 4, bottom: 6 });
    expect(changedRows("A2:B3, D10")).toEqual({ top: 1, bottom: 9 });
    expect(changedRows("'Action plan'!C3")).toEqual({ top: 2, bottom: 2 });
  });

  it("gives null for whole columns or an address it cannot read: every row may have changed", () => {
    expect(changedRows("E:E")).toBeNull();
    expect(changedRows("A1:C")).toBeNull();
    expect(changedRows("")).toBeNull();
  });
});

const sheet = (name: string, values: SheetSnapshot["values"], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({
  name,
  visibility: "visible",
  values,
  numberFormats: values?.map((row) => row.map(() => "General")) ?? null,
  formulas: values?.map((row) => row.map(() => null)) ?? null,
  frozenRows: 0,
  frozenColumns: 0,
  ...extra,
});

describe("mergeRows", () => {
  const kept: WorkbookSnapshot = {
    sheets: [
      sheet("Plan", [
        ["Ref", "Lead"],
        ["A1", "Ann"],
        ["A2", "Bob"],
        ["A3", "Cy"],
      ]),
      sheet("Meta", [["v", 1]]),
    ],
    tables: [],
  };

  it("replaces the rows of the span (empty where none were read), keeps the rest, takes whole sheets afresh", () => {
    const fresh: WorkbookSnapshot = {
      sheets: [sheet("Plan", [["A2", "Dee", "new"]], { firstRow: 2, protected: true }), sheet("Meta", [["v", 2]])],
      tables: [],
    };
    const merged = mergeRows(kept, fresh, new Map([["Plan", { top: 2, bottom: 4 }]]))!;
    expect(merged.sheets[0]!.values).toEqual([
      ["Ref", "Lead", null],
      ["A1", "Ann", null],
      ["A2", "Dee", "new"],
      [null, null, null],
      [null, null, null],
    ]);
    expect(merged.sheets[0]!.numberFormats![4]).toEqual(["General", "General", "General"]);
    expect(merged.sheets[0]!.firstRow).toBeUndefined();
    expect(merged.sheets[0]!.protected).toBe(true);
    expect(merged.sheets[1]!.values).toEqual([["v", 2]]);
  });

  it("keeps the cells of a sheet not read this time, with what is fresh about it", () => {
    const fresh: WorkbookSnapshot = { sheets: [sheet("Plan", null, { visibility: "hidden" })], tables: [] };
    const merged = mergeRows(kept, fresh, new Map())!;
    expect(merged.sheets[0]).toMatchObject({ visibility: "hidden", values: kept.sheets[0]!.values });
  });

  it("gives null where a sheet read in part was not kept", () => {
    const fresh: WorkbookSnapshot = { sheets: [sheet("New", [["x"]], { firstRow: 0 })], tables: [] };
    expect(mergeRows(kept, fresh, new Map([["New", { top: 0, bottom: 0 }]]))).toBeNull();
  });
});

import { UNDO_LIMIT, UndoHistory, describeCells, undoDownTo } from "../../src/taskpane/undoHistory";
import { invertPatch } from "../../src/workbook/invert";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type { WorkbookPatch } from "../../src/workbook/types";

/** Writes `value` to A1 of Sheet1, recording what was there, as a command would; returns the history. */
async function write(workbook: MemoryWorkbook, history: UndoHistory, value: string): Promise<UndoHistory> {
  const before = workbook.cell("Sheet1", 0, 0)?.value ?? null;
  const patch: WorkbookPatch = {
    description: `Write ${value}`,
    ops: [{ op: "writeValues", sheet: "Sheet1", row: 0, col: 0, values: [[value]], before: [[before]] }],
  };
  const undo = invertPatch(patch);
  await workbook.apply(patch);
  return history.push(patch, undo);
}

const a1 = (workbook: MemoryWorkbook) => workbook.cell("Sheet1", 0, 0)?.value ?? null;

describe("UndoHistory", () => {
  it("lists the steps newest first, each named by its patch's description", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    let history = UndoHistory.empty();
    for (const value of ["a", "b", "c"]) history = await write(workbook, history, value);
    expect(history.steps.map((s) => s.description)).toEqual(["Write c", "Write b", "Write a"]);
    expect(history.top?.description).toBe("Write c");
    expect(UndoHistory.empty().top).toBeNull();
  });

  it(`keeps at most ${UNDO_LIMIT} steps by default, forgetting the oldest`, async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    let history = UndoHistory.empty();
    for (let i = 1; i <= UNDO_LIMIT + 3; i++) history = await write(workbook, history, `v${i}`);
    expect(history.steps).toHaveLength(UNDO_LIMIT);
    expect(history.steps[UNDO_LIMIT - 1]!.description).toBe("Write v4");
    expect(new Set(history.steps.map((s) => s.id)).size).toBe(UNDO_LIMIT);
  });

  it("is immutable: pushing leaves the old history as it was", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    const empty = UndoHistory.empty(5);
    const one = await write(workbook, empty, "a");
    expect(empty.steps).toEqual([]);
    expect(one.steps).toHaveLength(1);
    expect(one.withoutTop().steps).toEqual([]);
  });
});

describe("undoDownTo", () => {
  it("undoes the last change only when asked for the newest step", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    let history = await write(workbook, UndoHistory.empty(), "a");
    history = await write(workbook, history, "b");
    const outcome = await undoDownTo(workbook, history, history.top!.id);
    expect(outcome.undone.map((s) => s.description)).toEqual(["Write b"]);
    expect(outcome.history.steps.map((s) => s.description)).toEqual(["Write a"]);
    expect(outcome.conflict).toBeNull();
    expect(a1(workbook)).toBe("a");
  });

  it("undoes down to a chosen step, newest first, and the workbook is as before it", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    let history = UndoHistory.empty();
    for (const value of ["a", "b", "c"]) history = await write(workbook, history, value);
    const chosen = history.steps[1]!; // "Write b"
    const outcome = await undoDownTo(workbook, history, chosen.id);
    expect(outcome.undone.map((s) => s.description)).toEqual(["Write c", "Write b"]);
    expect(outcome.history.steps.map((s) => s.description)).toEqual(["Write a"]);
    expect(a1(workbook)).toBe("a");
  });

  it("undoes nothing for a step that is not in the history", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    const history = await write(workbook, UndoHistory.empty(), "a");
    const outcome = await undoDownTo(workbook, history, 999);
    expect(outcome.undone).toEqual([]);
    expect(outcome.history).toBe(history);
  });

  it("stops before a step whose cells someone has typed over since, and goes on once confirmed", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    let history = await write(workbook, UndoHistory.empty(), "a");
    history = await write(workbook, history, "b");
    // Someone types in A1 after the last change.
    workbook.applySync({
      description: "typed",
      ops: [{ op: "writeValues", sheet: "Sheet1", row: 0, col: 0, values: [["mine"]] }],
    });
    const oldest = history.steps[1]!;
    const asked = await undoDownTo(workbook, history, oldest.id);
    expect(asked.undone).toEqual([]);
    expect(asked.conflict).toEqual({ step: history.top, cells: ["Sheet1!A1"] });
    expect(a1(workbook)).toBe("mine");

    const confirmed = await undoDownTo(workbook, asked.history, oldest.id, asked.conflict!.step.id);
    expect(confirmed.undone.map((s) => s.description)).toEqual(["Write b", "Write a"]);
    expect(confirmed.history.steps).toEqual([]);
    expect(a1(workbook)).toBeNull();
  });

  it("asks about an older step only when the workbook differs from what it wrote once the newer are undone", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    let history = await write(workbook, UndoHistory.empty(), "a");
    history = await write(workbook, history, "b");
    // The newer step wrote over the older one's cell: undoing it first puts "a" back, so nothing is lost.
    const outcome = await undoDownTo(workbook, history, history.steps[1]!.id);
    expect(outcome.conflict).toBeNull();
    expect(outcome.undone).toHaveLength(2);
  });

  it("reports a failure and keeps the steps before it undone", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    let history = await write(workbook, UndoHistory.empty(), "a");
    const broken: WorkbookPatch = { description: "Broken", ops: [] };
    history = history.push(broken, { description: "Undo: Broken", ops: [{ op: "deleteSheet", sheet: "Nowhere" }] });
    history = await write(workbook, history, "b");
    const outcome = await undoDownTo(workbook, history, history.steps[2]!.id);
    expect(outcome.undone.map((s) => s.description)).toEqual(["Write b"]);
    expect(outcome.failure).toBeTruthy();
    expect(outcome.history.steps.map((s) => s.description)).toEqual(["Broken", "Write a"]);
  });
});

describe("describeCells", () => {
  it.each([
    [[], ""],
    [["S!A1"], "S!A1"],
    [["S!A1", "S!A2"], "S!A1 and S!A2"],
    [["S!A1", "S!A2", "S!A3"], "S!A1, S!A2 and S!A3"],
    [["S!A1", "S!A2", "S!A3", "S!A4"], "S!A1, S!A2, S!A3 and 1 more cell"],
    [["S!A1", "S!A2", "S!A3", "S!A4", "S!A5"], "S!A1, S!A2, S!A3 and 2 more cells"],
  ])("%j reads %j", (cells, words) => {
    expect(describeCells(cells)).toBe(words);
  });
});

import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { SetCellsError, setCells, setCellsQuery, setRag } from "../../src/commands/setCells";
import { getFramework } from "../../src/domain/frameworks";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";

async function plan() {
  const workbook = MemoryWorkbook.withSheets("Sheet1");
  await runCommand(workbook, createWorkbookQuery, (s) =>
    createWorkbook(s, { framework: getFramework("ofsted-ilacs-2024"), kinds: ["action-plan"], now: new Date() }),
  );
  return workbook;
}

describe("setting cells the user chose", () => {
  it("sets RAG on a selection in a plan's RAG column, and undo restores it", async () => {
    const workbook = await plan();
    const before = workbook.snapshot();
    const { report, undo } = await runCommand(workbook, setCellsQuery(["Action plan"]), (s) =>
      setRag(s, { sheet: "Action plan", range: "G2:G4" }, "Amber"),
    );
    expect(report).toEqual({ cells: 3, status: "Amber" });
    expect([2, 3, 4].map((r) => workbook.cell("Action plan", r - 1, 6)!.value)).toEqual(["Amber", "Amber", "Amber"]);
    await workbook.apply(undo);
    expect(workbook.snapshot()).toEqual(before);
  });

  it.each([
    [{ sheet: "Action plan", range: "F2:G2" }, "Amber", /Action plan!F2 is not in the RAG column of a plan/],
    [{ sheet: "Action plan", range: "G1" }, "Amber", /Action plan!G1 is not in the RAG column/],
    [{ sheet: "Sheet1", range: "A1" }, "Amber", /Sheet1!A1 is not in the RAG column/],
    [{ sheet: "Action plan", range: "G2" }, "Purple", /"Purple" is not one of Blue/],
  ])("refuses %j with %s, changing nothing", async (selection, status, message) => {
    const workbook = await plan();
    const before = workbook.snapshot();
    await expect(
      runCommand(workbook, setCellsQuery([selection.sheet]), (s) => setRag(s, selection, status)),
    ).rejects.toThrow(message);
    await expect(
      runCommand(workbook, setCellsQuery([selection.sheet]), (s) => setRag(s, selection, status)),
    ).rejects.toThrow(SetCellsError);
    expect(workbook.snapshot()).toEqual(before);
  });

  it("writes a finding's fix and records the old value", async () => {
    const workbook = await plan();
    workbook.applySync({
      description: "typed",
      ops: [{ op: "writeValues", sheet: "Action plan", row: 1, col: 6, values: [["g"]] }],
    });
    const { undo } = await runCommand(workbook, setCellsQuery(["Action plan"]), (s) =>
      setCells(s, [{ sheet: "Action plan", cell: "G2", value: "Green" }], "Fix G2"),
    );
    expect(workbook.cell("Action plan", 1, 6)!.value).toBe("Green");
    await workbook.apply(undo);
    expect(workbook.cell("Action plan", 1, 6)!.value).toBe("g");
  });
});

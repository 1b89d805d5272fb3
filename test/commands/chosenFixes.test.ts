import { applyChosenFixes, applySuggestion, chosenFixesQuery } from "../../src/commands/chosenFixes";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { validateQuery, validateWorkbook } from "../../src/commands/validateWorkbook";
import { serialFromYmd } from "../../src/domain/dates";
import { getFramework } from "../../src/domain/frameworks";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";

const today = serialFromYmd(2026, 11, 25);

/** An action plan with two RAG initials (fixable) and an overdue Amber row (a Red suggestion). */
async function plan() {
  const workbook = MemoryWorkbook.withSheets("Sheet1");
  await runCommand(workbook, createWorkbookQuery, (s) =>
    createWorkbook(s, { framework: getFramework("ofsted-ilacs-2024"), kinds: ["action-plan"], now: new Date() }),
  );
  // Columns: A Ref, B Judgement, C Criterion, D Action, E Lead, F Due date, G RAG.
  await workbook.apply({
    description: "a manager's edits",
    ops: [
      { op: "writeValues", sheet: "Action plan", row: 1, col: 3, values: [["Recruit", "Ann", today + 30, "g"]] },
      { op: "writeValues", sheet: "Action plan", row: 2, col: 3, values: [["Audit", "Bob", today + 30, "a"]] },
      { op: "writeValues", sheet: "Action plan", row: 3, col: 3, values: [["Train", "Cal", today - 3, "Amber"]] },
    ],
  });
  const { findings, suggestions } = validateWorkbook(await workbook.read(validateQuery), { asOf: today }).report;
  return { workbook, fixable: findings.filter((f) => f.fix), suggestions };
}

describe("applying what a check offered, on the workbook as it is now", () => {
  it("writes every fix that still stands", async () => {
    const { workbook, fixable } = await plan();
    expect(fixable.map((f) => f.cell)).toEqual(["G2", "G3"]);
    const { report, patch } = await runCommand(workbook, chosenFixesQuery, (s) =>
      applyChosenFixes(s, fixable, today, (cells) => `Fix ${cells} cells`),
    );
    expect(report).toEqual({ cells: 2 });
    expect(patch.description).toBe("Fix 2 cells");
    expect([workbook.cell("Action plan", 1, 6)!.value, workbook.cell("Action plan", 2, 6)!.value]).toEqual([
      "Green",
      "Amber",
    ]);
  });

  it("leaves a cell someone has edited since the check alone, and says so when nothing is left", async () => {
    const { workbook, fixable } = await plan();
    await workbook.apply({
      description: "a person's newer value",
      ops: [{ op: "writeValues", sheet: "Action plan", row: 1, col: 6, values: [["Red"]] }],
    });
    const { report } = await runCommand(workbook, chosenFixesQuery, (s) =>
      applyChosenFixes(s, fixable, today, (cells) => `Fix ${cells} cells`),
    );
    expect(report).toEqual({ cells: 1 });
    expect(workbook.cell("Action plan", 1, 6)!.value).toBe("Red");
    await expect(
      runCommand(workbook, chosenFixesQuery, (s) => applyChosenFixes(s, fixable, today, () => "again")),
    ).rejects.toThrow(
      "Action plan!G2 and Action plan!G3 have changed since the plans were checked, so nothing was changed.",
    );
  });

  it("writes a suggested RAG while the dates still suggest it, and refuses it once they do not", async () => {
    const { workbook, suggestions } = await plan();
    const red = suggestions.find((s) => s.cell === "G4")!;
    expect(red.suggested).toBe("Red");
    await runCommand(workbook, chosenFixesQuery, (s) => applySuggestion(s, red, today));
    expect(workbook.cell("Action plan", 3, 6)!.value).toBe("Red");
    await expect(runCommand(workbook, chosenFixesQuery, (s) => applySuggestion(s, red, today))).rejects.toThrow(
      /Action plan!G4 has changed since the plans were checked/,
    );
  });
});

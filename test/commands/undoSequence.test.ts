import fc from "fast-check";
import { createInspectionSheets, inspectionSheetsQuery } from "../../src/commands/createInspectionSheets";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { setCellsQuery, setRag } from "../../src/commands/setCells";
import { structureQuery, structureSheet } from "../../src/commands/structureSheet";
import { validateQuery, validateWorkbook } from "../../src/commands/validateWorkbook";
import { serialFromYmd } from "../../src/domain/dates";
import { getFramework } from "../../src/domain/frameworks";
import type { PlanKind } from "../../src/domain/plan";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type { WorkbookAdapter, WorkbookPatch } from "../../src/workbook/types";

const ilacs = getFramework("ofsted-ilacs-2024");
const now = new Date("2026-03-02T10:00:00Z");
const asOf = serialFromYmd(2026, 3, 2);
const MESSY = "Improvement plan";

/** A workbook as councils start from: a cover sheet and a plan with a title, a blank row, text dates and "g". */
function messyWorkbook(): MemoryWorkbook {
  const workbook = MemoryWorkbook.withSheets("Sheet1", MESSY);
  workbook.applySync({
    description: "a council's own plan",
    ops: [
      {
        op: "writeValues",
        sheet: MESSY,
        row: 0,
        col: 0,
        values: [
          ["Children's Services Improvement Plan 2025–26", null, null, null, null, null],
          [null, null, null, null, null, null],
          ["Ref", "Action", "Lead Officer", "Timescale", "RAG", "Progress to date"],
          ["1.1", "Weekly performance clinic", "Head of Service", "31/03/2026", "g", "Clinics running"],
          ["1.2", "Supervision audit", "", 46000, "Amber", "Audit tool agreed"],
          ["1.3", "Commission new provider", "Commissioning", "end of June", "R", ""],
        ],
      },
    ],
  });
  return workbook;
}

type Step = (workbook: WorkbookAdapter) => Promise<{ undo: WorkbookPatch }>;

/** The pane's commands, run as the pane runs them (through runCommand); some fail on some workbooks. */
const command: fc.Arbitrary<{ name: string; run: Step }> = fc.oneof(
  fc.subarray<PlanKind>(["action-plan", "self-evaluation", "evidence"], { minLength: 1 }).map((kinds) => ({
    name: `create ${kinds.join("+")}`,
    run: (w: WorkbookAdapter) =>
      runCommand(w, createWorkbookQuery, (s) => createWorkbook(s, { framework: ilacs, kinds, now })),
  })),
  fc
    .record({ status: fc.constantFrom("Red", "Amber", "Green", "Blue"), top: fc.integer({ min: 2, max: 6 }) })
    .map(({ status, top }) => ({
      name: `set RAG G${top}:G${top + 2} ${status}`,
      run: (w: WorkbookAdapter) =>
        runCommand(w, setCellsQuery(["Action plan"]), (s) =>
          setRag(s, { sheet: "Action plan", range: `G${top}:G${top + 2}` }, status),
        ),
    })),
  fc.constant({
    name: "validate with write",
    run: (w: WorkbookAdapter) => runCommand(w, validateQuery, (s) => validateWorkbook(s, { asOf, write: true })),
  }),
  fc.integer({ min: 0, max: 10 }).map((days) => ({
    name: `inspection sheets notified +${days}`,
    run: (w: WorkbookAdapter) =>
      runCommand(w, inspectionSheetsQuery, (s) =>
        createInspectionSheets(s, {
          framework: ilacs,
          dates: { notified: asOf + days + 10 / 24, onsite: null, type: "standard" },
          now,
        }),
      ),
  })),
  fc.boolean().map((normalise) => ({
    name: `structure${normalise ? " and normalise" : ""}`,
    run: (w: WorkbookAdapter) =>
      runCommand(w, structureQuery(MESSY), (s) =>
        structureSheet(s, { sheet: MESSY, as: "action-plan", now, normalise }),
      ),
  })),
);

describe("undoing a sequence of real commands", () => {
  it("undoing each change in reverse order gives back the workbook as it was before the first", async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 5 }), async (commands) => {
        const workbook = messyWorkbook();
        const before = workbook.snapshot();
        const undos: WorkbookPatch[] = [];
        for (const { run } of commands) {
          // A command the workbook does not allow (no plan to set RAG on yet) is refused before it changes anything.
          const snapshot = workbook.snapshot();
          try {
            undos.push((await run(workbook)).undo);
            applied++;
          } catch {
            expect(workbook.snapshot()).toEqual(snapshot);
          }
        }
        for (const undo of undos.reverse()) await workbook.apply(undo);
        expect(workbook.snapshot()).toEqual(before);
      }),
      { numRuns: 40 },
    );
    // Most sequences apply something: the property is about real changes, not refusals.
    expect(applied).toBeGreaterThan(40);
  });
});

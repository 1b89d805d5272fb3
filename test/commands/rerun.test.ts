/**
 * Running a step again updates instead of duplicating: for each command that writes sheets of its own,
 * running it twice (with the user typing into cells they own between the runs) leaves the same sheets
 * as running it once, keeps every cell the user typed, and each run's patch undoes exactly.
 */
import fc from "fast-check";
import { annexAInPlace } from "../../src/commands/annexAInPlace";
import { annexAQuery } from "../../src/commands/checkAnnexA";
import { createInspectionSheets, inspectionSheetsQuery } from "../../src/commands/createInspectionSheets";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { projectQuery, projectWorkbook } from "../../src/commands/projectWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { validateQuery, validateWorkbook } from "../../src/commands/validateWorkbook";
import { serialFromYmd } from "../../src/domain/dates";
import { findFramework, getFramework } from "../../src/domain/frameworks";
import { PLAN_KINDS, type PlanKind } from "../../src/domain/plan";
import { INSPECTION_TYPES, type InspectionType } from "../../src/domain/timeline";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type { Scalar, SnapshotQuery, WorkbookPatch, WorkbookSnapshot } from "../../src/workbook/types";
import { XlsxBytesWorkbook } from "../../src/workbook/xlsx/xlsxBytes";
import { templateWith } from "../fixtures/annexA";

const now = new Date("2026-11-25T09:30:00Z");
const asOf = serialFromYmd(2026, 11, 25);
const ilacs = getFramework("ofsted-ilacs-2024");

/** A cell the user typed: where, and what. */
interface Typed {
  sheet: string;
  row: number;
  col: number;
  value: Scalar;
}

type Adapter = MemoryWorkbook | XlsxBytesWorkbook;
type Plan = (snapshot: WorkbookSnapshot) => { patch: WorkbookPatch; report: unknown };

const names = (snapshot: WorkbookSnapshot) => snapshot.sheets.map((s) => s.name);
const cellOf = (snapshot: WorkbookSnapshot, t: Typed) =>
  snapshot.sheets.find((s) => s.name === t.sheet)?.values?.[t.row]?.[t.col] ?? null;

/** A column of a sheet by its header in the first row. */
function columnOf(snapshot: WorkbookSnapshot, sheet: string, header: string): number {
  const col = snapshot.sheets.find((s) => s.name === sheet)!.values![0]!.indexOf(header);
  if (col < 0) throw new Error(`no "${header}" on ${sheet}`);
  return col;
}

/**
 * Runs `first`, types `typed(snapshot)` into the workbook, runs `second`, and checks the sheets, the
 * typed cells and both undos.
 */
async function twice(
  workbook: Adapter,
  query: SnapshotQuery,
  first: Plan,
  second: Plan,
  typed: (snapshot: WorkbookSnapshot) => Typed[],
  options: { keepsTyped?: (t: Typed) => boolean } = {},
): Promise<void> {
  const initial = await workbook.read({ sheets: "all" });
  const one = await runCommand(workbook, query, first);
  const afterOne = await workbook.read({ sheets: "all" });
  // The last typing in a cell is what it holds.
  const byCell = new Map(typed(afterOne).map((t) => [`${t.sheet}!${t.row},${t.col}`, t]));
  const cells = [...byCell.values()];
  if (cells.length > 0) {
    await workbook.apply({
      description: "The user types",
      ops: cells.map((t) => ({ op: "writeValues", sheet: t.sheet, row: t.row, col: t.col, values: [[t.value]] })),
    });
  }
  const beforeTwo = await workbook.read({ sheets: "all" });
  const two = await runCommand(workbook, query, second);
  const afterTwo = await workbook.read({ sheets: "all" });
  expect(names(afterTwo)).toEqual(names(afterOne));
  expect(afterTwo.tables.map((t) => [t.name, t.sheet])).toEqual(afterOne.tables.map((t) => [t.name, t.sheet]));
  for (const t of cells.filter(options.keepsTyped ?? (() => true))) {
    expect({ ...t, now: cellOf(afterTwo, t) }).toEqual({ ...t, now: t.value });
  }
  await workbook.apply(two.undo);
  expect(await workbook.read({ sheets: "all" })).toEqual(beforeTwo);
  // The first run undoes exactly too (on the workbook as it made it).
  if (cells.length === 0) {
    await workbook.apply(one.undo);
    expect(await workbook.read({ sheets: "all" })).toEqual(initial);
  }
}

/** Typed text, never blank, so it is something a user typed. */
const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "" && !s.startsWith("="));

describe("createInspectionSheets run again", () => {
  const frameworks = ["ofsted-ilacs-2024", "ofsted-sif-2013", "care-inspectorate-2021"].filter((id) =>
    findFramework(id),
  );
  const dates = fc.record({
    notified: fc
      .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 8 * 4, max: 17 * 4 }))
      .map(([day, quarter]) => serialFromYmd(2026, 1, 5) + day + quarter / 96),
    onsiteAfter: fc.option(fc.integer({ min: 1, max: 15 }), { nil: null }),
    type: fc.constantFrom(...INSPECTION_TYPES.map((t) => t.id)),
  });
  const asDates = (d: { notified: number; onsiteAfter: number | null; type: InspectionType }) => ({
    notified: d.notified,
    onsite: d.onsiteAfter === null ? null : Math.floor(d.notified) + d.onsiteAfter + 0.375,
    type: d.type,
  });

  it("updates the one Timeline and checklist in place, keeping every cell the user typed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...frameworks),
        dates,
        dates,
        fc.array(fc.tuple(fc.nat(30), fc.nat(4), text), { maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(12), text), { maxLength: 4 }),
        async (id, first, second, checklistEdits, timelineNotes) => {
          const framework = getFramework(id);
          const workbook = MemoryWorkbook.withSheets("Sheet1");
          const plan = (d: typeof first) => (s: WorkbookSnapshot) =>
            createInspectionSheets(s, { framework, dates: asDates(d), now });
          await twice(workbook, inspectionSheetsQuery, plan(first), plan(second), (snapshot) => {
            const checklist = snapshot.tables.find((t) => t.sheet.endsWith("checklist"))!;
            const userHeaders = ["Owner", "Source system", "Status", "Last refreshed", "Notes"];
            const rows = checklist.range.bottom - checklist.range.top;
            return [
              ...checklistEdits.map(([r, c, value]) => ({
                sheet: checklist.sheet,
                row: 1 + (r % rows),
                col: columnOf(snapshot, checklist.sheet, userHeaders[c]!),
                value,
              })),
              // Notes of the user's own beside the timeline, outside its table.
              ...timelineNotes.map(([r, value]) => ({ sheet: "Timeline", row: 1 + r, col: 7, value })),
            ];
          });
        },
      ),
      { numRuns: 25 },
    );
  });

  it("reports what changed, and the on-site row shows the date entered", async () => {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    const notified = serialFromYmd(2026, 11, 26) + 11 / 24;
    await runCommand(workbook, inspectionSheetsQuery, (s) =>
      createInspectionSheets(s, { framework: ilacs, dates: { notified, onsite: null, type: "standard" }, now }),
    );
    const onsite = serialFromYmd(2026, 12, 7) + 10 / 24;
    const { report } = await runCommand(workbook, inspectionSheetsQuery, (s) =>
      createInspectionSheets(s, { framework: ilacs, dates: { notified, onsite, type: "standard" }, now }),
    );
    expect(report.sheets.map((s) => [s.sheet, s.updated])).toEqual([
      ["Timeline", true],
      ["Annex A checklist", true],
    ]);
    const timeline = report.sheets[0]!;
    expect(timeline.updatedCells.length).toBeGreaterThan(0);
    expect(workbook.snapshot().sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "Timeline",
      "Annex A checklist",
      "_InspectionReady",
    ]);
    const rows = workbook.snapshot().sheets.find((sheet) => sheet.name === "Timeline")!.values!;
    const onsiteRow = rows.filter((row) => row[0] === "Inspectors arrive on site");
    expect(onsiteRow.map((row) => row[1])).toEqual([serialFromYmd(2026, 12, 7)]);
    expect(rows.slice(1).filter((row) => row[0] !== null)).toHaveLength(report.milestones.length);
  });

  it("a user's own sheet called Timeline is never touched: ours gets a unique name, and is found again", async () => {
    const workbook = MemoryWorkbook.withSheets("Timeline");
    workbook.applySync({
      description: "mine",
      ops: [{ op: "writeValues", sheet: "Timeline", row: 0, col: 0, values: [["my own plan"]] }],
    });
    const dates = { notified: serialFromYmd(2026, 11, 26) + 0.5, onsite: null, type: "standard" as const };
    for (let run = 0; run < 2; run++) {
      await runCommand(workbook, inspectionSheetsQuery, (s) =>
        createInspectionSheets(s, { framework: ilacs, dates, now }),
      );
    }
    expect(workbook.snapshot().sheets.map((s) => s.name)).toEqual([
      "Timeline",
      "Timeline (2)",
      "Annex A checklist",
      "_InspectionReady",
    ]);
    expect(workbook.cell("Timeline", 0, 0)!.value).toBe("my own plan");
  });
});

describe("projectWorkbook and validateWorkbook written again", () => {
  async function plans(kinds: PlanKind[]) {
    const workbook = MemoryWorkbook.withSheets("Sheet1");
    await runCommand(workbook, createWorkbookQuery, (s) => createWorkbook(s, { framework: ilacs, kinds, now }));
    return workbook;
  }
  const edits = fc.array(fc.tuple(fc.nat(35), fc.constantFrom("Green", "Amber", "Red", "Blue"), text), {
    maxLength: 6,
  });

  it("the Summary is rewritten in place", async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (typed) => {
        const workbook = await plans(["self-evaluation"]);
        const plan = (s: WorkbookSnapshot) => projectWorkbook(s, { resolve: findFramework, write: true });
        await twice(workbook, projectQuery, plan, plan, (snapshot) =>
          typed.flatMap(([r, rag, lead]) => [
            {
              sheet: "Self-evaluation",
              row: 1 + r,
              col: columnOf(snapshot, "Self-evaluation", "Position"),
              value: rag,
            },
            { sheet: "Self-evaluation", row: 1 + r, col: columnOf(snapshot, "Self-evaluation", "Lead"), value: lead },
          ]),
        );
      }),
      { numRuns: 8 },
    );
  });

  it("the Checks column is rewritten in place", async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (typed) => {
        const workbook = await plans(["self-evaluation", "action-plan"]);
        const plan = (s: WorkbookSnapshot) => validateWorkbook(s, { asOf, write: true });
        await twice(workbook, validateQuery, plan, plan, (snapshot) =>
          typed.flatMap(([r, rag, action]) => [
            { sheet: "Action plan", row: 1 + r, col: columnOf(snapshot, "Action plan", "RAG"), value: rag },
            { sheet: "Action plan", row: 1 + r, col: columnOf(snapshot, "Action plan", "Action"), value: action },
          ]),
        );
      }),
      { numRuns: 8 },
    );
  });
});

describe("createWorkbook again", () => {
  const kindsArb = fc.subarray([...PLAN_KINDS], { minLength: 1 });

  it("refuses a kind the workbook has, changing nothing; with replace, makes it again on the same sheet", async () => {
    await fc.assert(
      fc.asyncProperty(kindsArb, fc.array(fc.tuple(fc.nat(20), text), { maxLength: 5 }), async (kinds, mine) => {
        const workbook = MemoryWorkbook.withSheets("Notes");
        const plan = (replace: boolean) => (s: WorkbookSnapshot) =>
          createWorkbook(s, { framework: ilacs, kinds, now, replace });
        await runCommand(workbook, createWorkbookQuery, plan(false));
        const before = workbook.snapshot();
        await expect(runCommand(workbook, createWorkbookQuery, plan(false))).rejects.toThrow(
          /^This workbook already has /,
        );
        expect(workbook.snapshot()).toEqual(before);
        // Replacing clears the old sheets (that is what the user asked for); the user's own sheet stays.
        const fresh = MemoryWorkbook.withSheets("Notes");
        await twice(
          fresh,
          createWorkbookQuery,
          plan(false),
          plan(true),
          () => mine.map(([r, value]) => ({ sheet: "Notes", row: r, col: 0, value })),
          { keepsTyped: (t) => t.sheet === "Notes" },
        );
      }),
      { numRuns: 10 },
    );
  });
});

describe("annexAInPlace written again", () => {
  it("rewrites the one findings sheet in place, keeping the user's notes beside it", async () => {
    const workbook = await templateWith({
      1: [
        ["C1", "X", "1", "01/01/2026"],
        ["C2", "Q", "2", "not a date"],
      ],
    });
    const bytes = await workbook.xlsx.writeBuffer();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(3), text), { maxLength: 3 }), async (notes) => {
        const lists = await XlsxBytesWorkbook.fromBytes(bytes as ArrayBuffer);
        const plan = (s: WorkbookSnapshot) => annexAInPlace(s, { asOf, fix: false });
        await twice(lists, annexAQuery, plan, plan, () =>
          notes.map(([r, value]) => ({ sheet: "Annex A findings", row: 1 + r, col: 7, value })),
        );
        // Undone back to the first run where the user typed nothing, or to the first run's sheet otherwise.
        const again = annexAInPlace(await lists.read(annexAQuery), { asOf, fix: false });
        expect(again.report.findingsSheet).toMatchObject({ sheet: "Annex A findings", updated: notes.length > 0 });
      }),
      { numRuns: 3 },
    );
  });
});

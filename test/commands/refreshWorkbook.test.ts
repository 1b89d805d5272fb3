import fc from "fast-check";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import type { PlanKind } from "../../src/domain/plan";
import { newSheetSpec } from "../../src/sheets/planKinds";
import { RefreshError, refreshQuery, refreshWorkbook } from "../../src/commands/refreshWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import type { Framework } from "../../src/domain/framework";
import { findFramework, getFramework } from "../../src/domain/frameworks";
import { readMetadata } from "../../src/sheets/metadata";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type { PatchOp, Scalar, WorkbookSnapshot } from "../../src/workbook/types";

const now = new Date("2026-11-25T12:00:00Z");
const base = getFramework("improvement-programme");

interface Change {
  keep: boolean;
  reword: boolean;
}

/** An older version of a framework: some criteria missing, some worded differently, some since retired. */
function olderVersion(framework: Framework, changes: Change[], retired: number): Framework {
  let i = 0;
  return {
    ...framework,
    version: "old",
    judgements: framework.judgements.map((judgement, j) => ({
      ...judgement,
      criteria: [
        ...judgement.criteria
          .map((criterion) => ({ criterion, change: changes[i++ % changes.length]! }))
          .filter(({ change }) => change.keep)
          .map(({ criterion, change }) =>
            change.reword ? { ...criterion, text: `${criterion.text} (2019 wording)` } : criterion,
          ),
        ...(j === 1
          ? Array.from({ length: retired }, (_, n) => ({
              ...judgement.criteria[0]!,
              ref: `OLD-0${n + 1}`,
              text: "A retired criterion",
            }))
          : []),
      ],
    })),
  };
}

async function planFrom(framework: Framework): Promise<MemoryWorkbook> {
  const workbook = MemoryWorkbook.withSheets("Sheet1");
  await runCommand(workbook, createWorkbookQuery, (s) => createWorkbook(s, { framework, now }));
  return workbook;
}

const refresh = (workbook: MemoryWorkbook, framework?: Framework) =>
  runCommand(workbook, refreshQuery, (s) => refreshWorkbook(s, { framework, resolve: findFramework, now }));

/** Every non-empty cell of the council's own columns in every plan table, by sheet and address. */
function userCells(snapshot: WorkbookSnapshot): Map<string, Scalar> {
  const metadata = readMetadata(snapshot)!;
  const cells = new Map<string, Scalar>();
  for (const record of metadata.plans) {
    const table = snapshot.tables.find((t) => t.name === record.table)!;
    const values = snapshot.sheets.find((s) => s.name === table.sheet)!.values!;
    const userFields = newSheetSpec(record.kind as PlanKind).columns.filter((c) => c.owner === "user");
    for (const field of userFields) {
      const col = table.range.left + table.headers.indexOf(record.columns[field.field]!);
      for (let r = table.range.top + 1; r <= table.range.bottom; r++) {
        const value = values[r]?.[col] ?? null;
        if (value !== null && value !== "") cells.set(`${table.sheet}!${r},${col}`, value);
      }
    }
  }
  return cells;
}

interface Edit {
  kind: PlanKind;
  row: number;
  column: number;
  value: string | number;
}

/** A manager's edits: values typed into the council's own columns of the self-evaluation and action plan. */
const userEdits: fc.Arbitrary<Edit[]> = fc.array(
  fc.record({
    kind: fc.constantFrom<PlanKind>("self-evaluation", "action-plan"),
    row: fc.nat(20),
    column: fc.nat(10),
    value: fc.oneof(
      fc.string({ minLength: 1, maxLength: 10 }),
      fc.integer({ min: 1, max: 50000 }),
      fc.constantFrom("Red", "Amber", "Green"),
    ),
  }),
  { maxLength: 25 },
);

function applyEdits(workbook: MemoryWorkbook, edits: Edit[]): void {
  const snapshot = workbook.snapshot();
  const metadata = readMetadata(snapshot)!;
  const ops: PatchOp[] = [];
  for (const edit of edits) {
    const record = metadata.plans.find((p) => p.kind === edit.kind)!;
    const table = snapshot.tables.find((t) => t.name === record.table)!;
    const userColumns = newSheetSpec(edit.kind)
      .columns.map((c, i) => ({ c, i }))
      .filter(({ c }) => c.owner === "user");
    const { i } = userColumns[edit.column % userColumns.length]!;
    const row = table.range.top + 1 + (edit.row % (table.range.bottom - table.range.top));
    ops.push({ op: "writeValues", sheet: table.sheet, row, col: table.range.left + i, values: [[edit.value]] });
  }
  workbook.applySync({ description: "manager's edits", ops });
}

describe("refresh (property)", () => {
  it("never changes a non-empty cell the council owns, adds every new criterion, and undoes exactly", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ keep: fc.boolean(), reword: fc.boolean() }), { minLength: 1, maxLength: 15 }),
        fc.nat(2),
        userEdits,
        async (changes, retired, edits) => {
          const workbook = await planFrom(olderVersion(base, changes, retired));
          applyEdits(workbook, edits);
          const before = workbook.snapshot();
          const ownedBefore = userCells(before);

          const { report, undo } = await refresh(workbook, base);
          const after = workbook.snapshot();
          const ownedAfter = userCells(after);
          for (const [cell, value] of ownedBefore) expect([cell, ownedAfter.get(cell)]).toEqual([cell, value]);

          const criteria = base.judgements.flatMap((j) => j.criteria.map((c) => ({ ...c, judgement: j.name })));
          const selfEvaluation = after.sheets.find((s) => s.name === "Self-evaluation")!.values!;
          for (const criterion of criteria) {
            expect(selfEvaluation).toContainEqual(
              expect.arrayContaining([criterion.ref, criterion.judgement, criterion.text]),
            );
          }
          expect(report.plans.find((p) => p.kind === "self-evaluation")!.retired).toHaveLength(retired);

          await workbook.apply(undo);
          expect(workbook.snapshot()).toEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("refresh", () => {
  it("rewords, adds and reports retired criteria, and records the new version", async () => {
    const old = olderVersion(
      base,
      [
        { keep: true, reword: true },
        { keep: false, reword: false },
      ],
      1,
    );
    const workbook = await planFrom(old);
    const { report } = await refresh(workbook, base);
    const plan = report.plans.find((p) => p.kind === "action-plan")!;
    expect(plan.framework).toEqual({ id: base.id, from: "old", to: base.version });
    expect(plan.retired).toEqual(["OLD-01"]);
    expect(plan.added.length).toBeGreaterThan(0);
    expect(plan.updatedCells.length).toBeGreaterThan(0);
    expect(report.skipped).toEqual([]);
    expect(report.unchanged).toEqual([
      { sheet: "Evidence tracker", reason: "only self-evaluations and action plans follow the framework's criteria" },
    ]);
    expect(readMetadata(workbook.snapshot())!.plans.map((p) => [p.kind, p.frameworkVersion])).toEqual([
      ["self-evaluation", base.version],
      ["action-plan", base.version],
      ["evidence", "old"],
    ]);
  });

  it("grows the tables over the new rows and points the action plan's ref list at the grown self-evaluation", async () => {
    const old = olderVersion(
      base,
      [
        { keep: true, reword: false },
        { keep: false, reword: false },
      ],
      0,
    );
    const workbook = await planFrom(old);
    const before = workbook.tables.find((t) => t.name === "SelfEvaluation")!.range.bottom;
    const { report } = await refresh(workbook, base);
    const added = report.plans.find((p) => p.kind === "self-evaluation")!.added.length;
    const grown = workbook.tables.find((t) => t.name === "SelfEvaluation")!.range.bottom;
    expect(grown).toBe(before + added);
    const refRule = workbook.sheet("Action plan").validations.find((v) => v.range.left === 0 && v.range.top === 1)!;
    expect(refRule.rule).toMatchObject({ type: "rangeList", source: `'Self-evaluation'!$A$2:$A$${grown + 1}` });
  });

  it("with no framework given, refreshes each plan to the current version of its own framework", async () => {
    const workbook = await planFrom({ ...base, version: "2009.1" });
    const { report } = await refresh(workbook);
    expect(report.plans.map((p) => p.framework)).toEqual([
      { id: base.id, from: "2009.1", to: base.version },
      { id: base.id, from: "2009.1", to: base.version },
    ]);
  });

  it("refuses to add rows over values below a table, naming the cell, and changes nothing", async () => {
    const old = olderVersion(
      base,
      [
        { keep: true, reword: false },
        { keep: false, reword: false },
      ],
      0,
    );
    const workbook = await planFrom(old);
    const bottom = workbook.tables.find((t) => t.name === "ActionPlan")!.range.bottom;
    workbook.applySync({
      description: "note",
      ops: [{ op: "writeValues", sheet: "Action plan", row: bottom + 2, col: 3, values: [["a note"]] }],
    });
    const before = workbook.snapshot();
    await expect(refresh(workbook, base)).rejects.toThrow(new RegExp(`Action plan!D${bottom + 3} is not empty`));
    expect(workbook.snapshot()).toEqual(before);
  });

  it("says when there is nothing to refresh", async () => {
    await expect(refresh(MemoryWorkbook.withSheets("Sheet1"))).rejects.toThrow(RefreshError);
  });

  it("finds columns the user renamed in case or punctuation, or moved", async () => {
    const workbook = await planFrom(olderVersion(base, [{ keep: true, reword: true }], 0));
    workbook.applySync({
      description: "rename",
      ops: [{ op: "writeValues", sheet: "Action plan", row: 0, col: 2, values: [["CRITERION:"]] }],
    });
    const { report } = await refresh(workbook, base);
    expect(report.plans.find((p) => p.kind === "action-plan")!.updatedCells).toContain("C2");
  });
});

describe("moving a 2024 plan to ILACS from April 2026", () => {
  const ilacs2024 = getFramework("ofsted-ilacs-2024");
  const ilacs2026 = getFramework("ofsted-ilacs-2026");

  it("keeps every non-empty cell the council owns, adds the new criteria, and undoes exactly (property)", async () => {
    await fc.assert(
      fc.asyncProperty(userEdits, async (edits) => {
        const workbook = await planFrom(ilacs2024);
        applyEdits(workbook, edits);
        const before = workbook.snapshot();
        const ownedBefore = userCells(before);

        const { report, undo } = await refresh(workbook, ilacs2026);
        const ownedAfter = userCells(workbook.snapshot());
        for (const [cell, value] of ownedBefore) expect([cell, ownedAfter.get(cell)]).toEqual([cell, value]);
        const actionPlan = report.plans.find((p) => p.kind === "action-plan")!;
        expect(actionPlan.framework).toEqual({ id: ilacs2026.id, from: ilacs2024.version, to: ilacs2026.version });
        expect(actionPlan.added).toEqual(["LE-09", "HP-13", "HP-14", "CIC-10", "CL-08"]);
        expect(actionPlan.retired).toEqual([]);

        await workbook.apply(undo);
        expect(workbook.snapshot()).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });

  it("reports the overall judgement as gone, keeping the rows a council wrote under it", async () => {
    const workbook = await planFrom(ilacs2024);
    // A council's own row under Overall effectiveness, at the foot of the action plan.
    const table = workbook.snapshot().tables.find((t) => t.name === "ActionPlan")!;
    const row = table.range.bottom + 1;
    workbook.applySync({
      description: "a council's own row",
      ops: [
        {
          op: "writeValues",
          sheet: "Action plan",
          row,
          col: 0,
          values: [["OE-01", "Overall effectiveness", "Our own overall aim", "Keep the overall view"]],
        },
        { op: "resizeTable", name: "ActionPlan", range: { ...table.range, bottom: row }, before: table.range },
      ],
    });
    const { report } = await refresh(workbook, ilacs2026);
    const actionPlan = report.plans.find((p) => p.kind === "action-plan")!;
    expect(actionPlan.judgementsRemoved).toEqual([
      { id: "overall-effectiveness", name: "Overall effectiveness", rows: [`B${row + 1}`] },
    ]);
    expect(actionPlan.retired).toEqual(["OE-01"]);
    const values = workbook.snapshot().sheets.find((s) => s.name === "Action plan")!.values!;
    expect(values[row]!.slice(0, 4)).toEqual([
      "OE-01",
      "Overall effectiveness",
      "Our own overall aim",
      "Keep the overall view",
    ]);
  });

  it("says which framework has replaced a 2024 plan's when it is refreshed in place", async () => {
    const workbook = await planFrom(ilacs2024);
    const { report } = await refresh(workbook);
    const actionPlan = report.plans.find((p) => p.kind === "action-plan")!;
    expect(actionPlan.framework.to).toBe(ilacs2024.version);
    expect(actionPlan.supersededBy).toEqual({ id: ilacs2026.id, name: ilacs2026.name });
  });
});

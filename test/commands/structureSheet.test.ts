import path from "node:path";
import { runCommand } from "../../src/commands/runCommand";
import { StructureError, structureQuery, structureSheet } from "../../src/commands/structureSheet";
import { conceptOfWords } from "../../src/domain/rag";
import { METADATA_SHEET, readMetadata } from "../../src/sheets/metadata";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type { Scalar, WorkbookSnapshot } from "../../src/workbook/types";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { messyPlans, writeMessyPlan } from "../fixtures/messyPlans";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const now = new Date("2026-11-25T10:00:00Z");

function cellsOf(snapshot: WorkbookSnapshot, sheet: string): Map<string, Scalar> {
  const cells = new Map<string, Scalar>();
  snapshot.sheets
    .find((s) => s.name === sheet)!
    .values!.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") cells.set(`${r},${c}`, v);
      }),
    );
  return cells;
}

describe("structuring the sheets users already have (real .xlsx files)", () => {
  it("the corpus holds at least 8 messy layouts", () => {
    expect(messyPlans.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(messyPlans.map((p) => [p.name, p] as const))("%s", (_name, plan) => {
    async function structured(normalise = false) {
      const file = path.join(tempDir(), "messy.xlsx");
      await writeMessyPlan(plan, file);
      const workbook = await XlsxWorkbook.open(file);
      const before = await workbook.read({ sheets: "all" });
      const result = await runCommand(workbook, structureQuery(plan.sheet), (s) =>
        structureSheet(s, { sheet: plan.sheet, as: plan.as, now, normalise }),
      );
      const out = path.join(tempDir(), "structured.xlsx");
      await workbook.save(out);
      const after = await (await XlsxWorkbook.open(out)).read({ sheets: "all" });
      return { before, after, ...result };
    }

    it("finds the header row, the data rows and the mapping", async () => {
      const { report } = await structured();
      expect(report.headerRow).toBe(plan.expected.headerRow);
      expect(report.dataRows).toBe(plan.expected.dataRows);
      expect(report.mapping).toEqual(plan.expected.mapping);
      expect(report.unmapped).toEqual(plan.expected.unmapped);
      expect(report.range).toBe(plan.expected.range);
      if (plan.expected.sections) expect(report.sections).toEqual(plan.expected.sections);
    });

    it("reports values not in the plan's form without changing them", async () => {
      const { report, before, after } = await structured();
      const found = Object.fromEntries(report.normalisable.map((n) => [n.cell, n.suggestion]));
      expect(found).toEqual(plan.expected.normalisable ?? {});
      for (const n of report.normalisable) {
        const [row, col] = addressToIndex(n.cell);
        expect(cellsOf(after, plan.sheet).get(`${row},${col}`)).toEqual(
          cellsOf(before, plan.sheet).get(`${row},${col}`),
        );
      }
    });

    it("keeps every original value in its cell, and makes a managed table", async () => {
      const { before, after, report } = await structured();
      const original = cellsOf(before, plan.sheet);
      const now = cellsOf(after, plan.sheet);
      const changed = new Set(report.changes.map((c) => c.cell));
      for (const [key, value] of original) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        if (changed.has(indexToAddress(r, c))) continue;
        expect([key, now.get(key)]).toEqual([key, value]);
      }
      // Changes only ever fill blanks or rename a blank or repeated header.
      for (const change of report.changes)
        expect(change.why).toMatch(/merged cell|needs a name|must be different|are text/);
      expect(after.tables.filter((t) => t.sheet === plan.sheet)).toHaveLength(1);
      expect(readMetadata(after)!.plans[0]).toMatchObject({ kind: plan.as, sheet: plan.sheet, table: report.table });
      expect(cellsOf(after, "Cover").get("0,0")).toBe("Cover sheet");
    });

    it("with normalise, writes the suggested fixes and nothing else", async () => {
      const { report, after } = await structured(true);
      const cells = cellsOf(after, plan.sheet);
      for (const n of report.normalisable.filter((x) => x.fix !== undefined)) {
        const [row, col] = addressToIndex(n.cell);
        expect(cells.get(`${row},${col}`)).toEqual(n.fix);
      }
    });
  });
});

describe.each(messyPlans.filter((p) => p.expected.scale).map((p) => [p.name, p] as const))(
  "a sheet's own RAG scale: %s",
  (_name, plan) => {
    const expected = plan.expected.scale!;
    async function structured(normalise = false) {
      const file = path.join(tempDir(), "scale.xlsx");
      await writeMessyPlan(plan, file);
      const workbook = await XlsxWorkbook.open(file);
      const result = await runCommand(workbook, structureQuery(plan.sheet), (s) =>
        structureSheet(s, { sheet: plan.sheet, as: plan.as, now, normalise }),
      );
      return { ...result, after: await workbook.read({ sheets: "all" }) };
    }

    it("reports the scale found, from the values and the key, and where the key is", async () => {
      const { report } = await structured();
      expect(report.scale).toMatchObject({ from: expected.from, kept: expected.kept });
      expect(report.scale!.statuses.map((s) => s.label)).toEqual(expected.labels);
      if (expected.keyCells) expect(report.scale!.keyCells).toEqual(expected.keyCells);
    });

    it("keeps it as the workbook's scale, on the standard colours, and the RAG list offers its statuses", async () => {
      const { report, patch, after } = await structured();
      const kept = readMetadata(after)!.settings?.rag ?? [];
      expect(kept.map((s) => s.label)).toEqual(expected.labels);
      for (const status of kept) {
        const found = report.scale!.statuses.find((s) => s.label === status.label)!;
        expect(status.concept).toBe(found.concept);
        if (found.meaning) expect(status.meaning).toBe(found.meaning);
        expect(status.fill).toMatch(/^#[0-9A-F]{6}$/);
      }
      const ragColumn = report.headers.find((h) => h.column === report.columns.rag)!.col;
      const list = patch.ops.find((op) => op.op === "setValidation" && op.range.left === ragColumn);
      expect(list).toMatchObject({ rule: { type: "list", values: expected.labels } });
    });

    it("never folds a status into its neighbour: every Amber/Green value stays Amber/Green, even normalised", async () => {
      const { report, after } = await structured(true);
      const amberGreen = report.scale!.statuses.find((s) => s.concept === "amber-green")!.label;
      const sheet = after.sheets.find((s) => s.name === plan.sheet)!.values!;
      const col = report.headers.find((h) => h.column === report.columns.rag)!.col;
      const before = await structured(false);
      const original = before.after.sheets.find((s) => s.name === plan.sheet)!.values!;
      for (let r = report.headerRow; r < report.headerRow + report.dataRows; r++) {
        const value = original[r]?.[col];
        if (typeof value === "string" && conceptOfWords(value) === "amber-green")
          expect(sheet[r]![col]).toBe(amberGreen);
      }
    });
  },
);

describe("a sheet's scale when the workbook already has one", () => {
  it("is reported, not kept, and Amber/Green is not turned into Amber by --normalise", async () => {
    const wb = MemoryWorkbook.withSheets("Plan");
    wb.applySync({
      description: "user",
      ops: [
        {
          op: "writeValues",
          sheet: "Plan",
          row: 0,
          col: 0,
          values: [
            ["Action", "Lead", "RAG"],
            ["One", "A", "Amber/Green"],
            ["Two", "B", "Amber"],
          ],
        },
      ],
    });
    const first = await runCommand(wb, structureQuery("Plan"), (s) =>
      structureSheet(s, { sheet: "Plan", as: "action-plan", now }),
    );
    expect(first.report.scale?.kept).toBe(true);
    wb.applySync({
      description: "user",
      ops: [
        { op: "addSheet", sheet: "Second" },
        {
          op: "writeValues",
          sheet: "Second",
          row: 0,
          col: 0,
          values: [
            ["Action", "Lead", "RAG"],
            ["One", "A", "Blue"],
            ["Two", "B", "A/G"],
          ],
        },
      ],
    });
    const { report } = await runCommand(wb, structureQuery("Second"), (s) =>
      structureSheet(s, { sheet: "Second", as: "action-plan", now, normalise: true }),
    );
    expect(report.scale).toMatchObject({ kept: false });
    expect(report.scale!.note).toMatch(/has a RAG scale of its own already/);
    const blue = report.normalisable.find((n) => n.cell === "C2")!;
    expect(blue).toMatchObject({ suggestion: expect.stringMatching(/has no Blue \(nearest: Green\)/) });
    expect(blue.fix).toBeUndefined();
    expect(report.normalisable.find((n) => n.cell === "C3")).toMatchObject({ fix: "Amber/Green" });
    expect(wb.cell("Second", 1, 2)?.value).toBe("Blue");
  });
});

describe("structuring in memory", () => {
  function workbook(values: Scalar[][]) {
    const wb = MemoryWorkbook.withSheets("Plan");
    wb.applySync({ description: "user", ops: [{ op: "writeValues", sheet: "Plan", row: 0, col: 0, values }] });
    return wb;
  }

  it("fills merged theme cells down and unmerges them", async () => {
    const wb = workbook([
      ["Theme", "Action", "Lead"],
      ["Leadership", "One", "A"],
      [null, "Two", "B"],
    ]);
    wb.applySync({
      description: "merge",
      ops: [{ op: "mergeCells", sheet: "Plan", range: { top: 1, left: 0, bottom: 2, right: 0 } }],
    });
    const { report } = await runCommand(wb, structureQuery("Plan"), (s) =>
      structureSheet(s, { sheet: "Plan", as: "action-plan", now }),
    );
    expect(report.changes).toEqual([
      {
        cell: "A3",
        from: null,
        to: "Leadership",
        why: "filled from a merged cell, as a table cannot hold merged cells",
      },
    ]);
    expect(wb.sheet("Plan").merged).toEqual([]);
  });

  it("undo puts the sheet back exactly, merges included", async () => {
    const wb = workbook([
      ["Title"],
      [],
      ["Theme", "Action", "Lead", "RAG"],
      ["Leadership", "One", "A", "g"],
      [null, "Two", "B", "R"],
    ]);
    wb.applySync({
      description: "merge",
      ops: [{ op: "mergeCells", sheet: "Plan", range: { top: 3, left: 0, bottom: 4, right: 0 } }],
    });
    const before = wb.snapshot();
    const { undo } = await runCommand(wb, structureQuery("Plan"), (s) =>
      structureSheet(s, { sheet: "Plan", as: "action-plan", now, normalise: true }),
    );
    expect(wb.snapshot()).not.toEqual(before);
    await wb.apply(undo);
    expect(wb.snapshot()).toEqual(before);
  });

  it("names the Area column it adds for section headings, and none when the sheet has an area", async () => {
    const sections = workbook([["Action", "Lead"], ["1. Capacity"], ["Recruit", "HR"], ["Train", "L&D"]]);
    const added = structureSheet(sections.snapshot(), { sheet: "Plan", as: "action-plan", now }).report;
    expect(added.addedColumn).toBe(2);
    expect(added.mapping.area).toBe("Area");
    const plain = workbook([
      ["Theme", "Action", "Lead"],
      ["Capacity", "Recruit", "HR"],
    ]);
    expect(structureSheet(plain.snapshot(), { sheet: "Plan", as: "action-plan", now }).report.addedColumn).toBeNull();
  });

  it("takes the user's corrections to the mapping", async () => {
    const wb = workbook([
      ["Ref", "Action", "Who", "Notes"],
      ["1", "Do it", "Me", "x"],
    ]);
    const { report } = await runCommand(wb, structureQuery("Plan"), (s) =>
      structureSheet(s, { sheet: "Plan", as: "action-plan", now, mapping: { lead: 3, ref: null } }),
    );
    expect(report.mapping).toEqual({ action: "Action", lead: "Notes" });
    expect(report.unmapped).toEqual(["Ref", "Who"]);
  });

  it.each([
    [
      [
        ["Nothing", "to see"],
        ["here", "at all"],
      ],
      /Could not find a header row on "Plan": no row in the first 30 names two or more/,
    ],
    [[], /"Plan" is empty/],
  ])("explains what is wrong and changes nothing: %j", async (values, message) => {
    const wb = values.length ? workbook(values as Scalar[][]) : MemoryWorkbook.withSheets("Plan");
    const before = wb.snapshot();
    await expect(
      runCommand(wb, structureQuery("Plan"), (s) => structureSheet(s, { sheet: "Plan", as: "action-plan", now })),
    ).rejects.toThrow(message);
    expect(wb.snapshot()).toEqual(before);
  });

  it("names the sheets there are when the sheet does not exist, and refuses the metadata sheet", () => {
    const wb = workbook([["Ref", "Action"]]);
    expect(() => structureSheet(wb.snapshot(), { sheet: "Plna", as: "action-plan", now })).toThrow(
      'There is no sheet called "Plna"; the workbook has "Plan"',
    );
    expect(() => structureSheet(wb.snapshot(), { sheet: METADATA_SHEET, as: "action-plan", now })).toThrow(
      StructureError,
    );
  });

  it("refuses to structure the same sheet twice", async () => {
    const wb = workbook([
      ["Ref", "Action", "Lead"],
      ["1", "Do it", "Me"],
    ]);
    await runCommand(wb, structureQuery("Plan"), (s) => structureSheet(s, { sheet: "Plan", as: "action-plan", now }));
    expect(() => structureSheet(wb.snapshot(), { sheet: "Plan", as: "action-plan", now })).toThrow(
      /already a managed plan sheet/,
    );
  });
});

function addressToIndex(address: string): [number, number] {
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(match[2]) - 1, col];
}

function indexToAddress(row: number, col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

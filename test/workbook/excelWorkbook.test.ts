import { projectQuery, projectWorkbook } from "../../src/commands/projectWorkbook";
import { dateFromSerial } from "../../src/workbook/serialDates";
import { refreshQuery, refreshWorkbook } from "../../src/commands/refreshWorkbook";
import { structureQuery, structureSheet } from "../../src/commands/structureSheet";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import type { Framework } from "../../src/domain/framework";
import { parseFramework } from "../../src/domain/frameworkSchema";
import { getFramework } from "../../src/domain/frameworks";
import { METADATA_SHEET } from "../../src/sheets/metadata";
import { widthInPoints } from "../../src/workbook/excel/applyPatch";
import { EXCEL_API_REQUIREMENT, ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { SYNC_CELL_LIMIT, SYNC_PAYLOAD_LIMIT } from "../../src/workbook/excel/payload";
import { invertPatch } from "../../src/workbook/invert";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type {
  CellRange,
  SnapshotQuery,
  ValidationRule,
  WorkbookPatch,
  WorkbookSnapshot,
} from "../../src/workbook/types";
import { FakeExcel, type FakeSheet, REQUEST_LIMIT } from "../support/fakeOffice";

const now = new Date("2026-11-25T09:30:00Z");
const ilacs = getFramework("ofsted-ilacs-2024");

/** A workbook with a "Sheet1" of a few values, in the fake (through the adapter) and in memory alike. */
async function twoWorkbooks(options?: ConstructorParameters<typeof FakeExcel>[0]) {
  const fake = new FakeExcel(options);
  fake.model.addSheet("Sheet1");
  const excel = new ExcelWorkbook(fake);
  const memory = MemoryWorkbook.withSheets("Sheet1");
  const seed: WorkbookPatch = {
    description: "Seed",
    ops: [
      {
        op: "writeValues",
        sheet: "Sheet1",
        row: 0,
        col: 0,
        values: [
          ["Name", "Score"],
          ["Ada", 3],
          ["Grace", 4.5],
        ],
      },
    ],
  };
  await excel.apply(seed);
  await memory.apply(seed);
  fake.resetCounts();
  return { fake, excel, memory };
}

/** Plans createWorkbook from the adapter's own snapshot, as the pane does. */
async function planPlan(excel: ExcelWorkbook, framework: Framework, replace = false) {
  const snapshot = await excel.read(createWorkbookQuery);
  return createWorkbook(snapshot, { framework, kinds: ["action-plan"], now, replace }).patch;
}

function syntheticFramework(criteria: number): Framework {
  return parseFramework(
    {
      id: "synthetic-large",
      version: "1",
      name: "Synthetic framework",
      inspectorate: "Test inspectorate",
      country: "England",
      inForceFrom: "2024-01-01",
      confidence: "unconfirmed",
      sources: [{ id: "made-up", title: "Made up for a load test" }],
      scale: {
        id: "two-point",
        grades: [
          { id: "good", label: "Good", rank: 2 },
          { id: "poor", label: "Poor", rank: 1 },
        ],
        confidence: "unconfirmed",
        sources: ["made-up"],
      },
      judgements: [
        {
          id: "everything",
          name: "Everything at once",
          kind: "key",
          confidence: "unconfirmed",
          sources: ["made-up"],
          criteria: Array.from({ length: criteria }, (_, i) => ({
            ref: `C-${String(i + 1).padStart(5, "0")}`,
            text: `Criterion ${i + 1}: children are seen, heard and helped by practitioners who know them well.`,
            sources: ["made-up"],
            confidence: "unconfirmed",
          })),
        },
      ],
      linkingRules: [],
    },
    "the synthetic framework",
  );
}

/** A memory validation rule as the adapter writes it to Excel. */
function excelRule(rule: ValidationRule) {
  if (rule.type === "list") return { list: { inCellDropDown: true, source: rule.values.join(",") } };
  if (rule.type === "date") {
    const day = dateFromSerial(rule.minimum);
    const formula1 = `=DATE(${day.getUTCFullYear()},${day.getUTCMonth() + 1},${day.getUTCDate()})`;
    return { date: { formula1, operator: "GreaterThanOrEqualTo" } };
  }
  return { list: { inCellDropDown: true, source: `=${rule.source}` } };
}

const byRange = <T extends { range: CellRange }>(items: T[]) =>
  [...items].sort((a, b) => a.range.left - b.range.left || a.range.top - b.range.top);

function expectSameFormatting(fakeSheet: FakeSheet, memory: MemoryWorkbook, sheetName: string) {
  const sheet = memory.sheet(sheetName);
  expect(byRange(fakeSheet.validations).map((v) => ({ range: v.range, rule: v.rule }))).toEqual(
    byRange(sheet.validations).map((v) => ({ range: v.range, rule: excelRule(v.rule) })),
  );
  for (const v of sheet.validations) {
    const written = fakeSheet.validations.find((f) => JSON.stringify(f.range) === JSON.stringify(v.range))!;
    expect(written.errorAlert?.style).toBe("strict" in v.rule && !v.rule.strict ? "Warning" : "Stop");
    expect(written.prompt?.message).toBe(v.rule.prompt);
  }
  expect(
    fakeSheet.conditionalFormats.map(({ range, formula, fill, fontColor, bold }) => ({
      range,
      formula,
      fill,
      fontColor,
      bold,
    })),
  ).toEqual(
    sheet.conditionalFormats.map(({ range, format }) => ({
      range,
      formula: format.formula,
      fill: format.style.fill ?? null,
      fontColor: format.style.fontColour ?? null,
      bold: format.style.bold ?? null,
    })),
  );
  expect(new Map([...fakeSheet.columnWidths].map(([col, points]) => [col, points]))).toEqual(
    new Map([...sheet.columnWidths].map(([col, chars]) => [col, widthInPoints(chars)])),
  );
  expect(fakeSheet.rowHeights).toEqual(sheet.rowHeights);
  expect(fakeSheet.frozen).toEqual(sheet.frozen);
  const setup = sheet.printSetup!;
  expect(fakeSheet.pageLayout).toEqual({
    orientation: setup.orientation === "landscape" ? "Landscape" : "Portrait",
    paperSize: "A4",
    zoom: setup.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 },
    printTitleRows: setup.repeatRows ? `$${setup.repeatRows[0] + 1}:$${setup.repeatRows[1] + 1}` : null,
    firstPageNumber: "",
    leftHeader: setup.header?.left ?? "",
    centerHeader: setup.header?.centre ?? "",
    rightHeader: setup.header?.right ?? "",
    leftFooter: setup.footer?.left ?? "",
    centerFooter: setup.centreFooter,
    rightFooter: setup.footer?.right ?? "",
  });
  // Direct formatting: every cell the memory workbook formats has the same look in Excel.
  for (const { range } of sheet.formats) {
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const want = memory.cellFormat(sheetName, r, c);
        const style = fakeSheet.cells.get(`${r},${c}`)?.style ?? {};
        expect({ bold: style.bold, fill: style.fill, fontColor: style.fontColor }).toEqual({
          bold: want.bold,
          fill: want.fill?.toUpperCase(),
          fontColor: want.fontColour?.toUpperCase(),
        });
        if (want.border === "thin") expect(style.borders?.EdgeTop).toEqual({ style: "Continuous", weight: "Thin" });
      }
    }
  }
  for (const range of sheet.wrapped) {
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) expect(fakeSheet.cells.get(`${r},${c}`)?.wrap).toBe(true);
    }
  }
}

describe("the Office.js fake", () => {
  it("throws when a property is read before it is loaded and synced", async () => {
    const fake = new FakeExcel();
    fake.model.touch(fake.model.addSheet("Sheet1"), 0, 0).value = 7;
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/); // loaded, but not synced yet
      await context.sync();
      expect(range.values).toEqual([[7]]);
      expect(() => range.address).toThrow(/PropertyNotLoaded/); // only what was loaded
    });
  });

  it("applies writes only on sync, and refuses a batch that ends with writes never synced", async () => {
    const fake = new FakeExcel();
    const sheet = fake.model.addSheet("Sheet1");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["one", 2]];
      expect(sheet.cells.size).toBe(0);
      await context.sync();
    });
    expect([fake.model.cell(sheet, 0, 0)?.value, fake.model.cell(sheet, 0, 1)?.value]).toEqual(["one", 2]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["lost"]];
      }),
    ).rejects.toThrow(/never synced/);
    expect(fake.model.cell(sheet, 0, 0)?.value).toBe("one");
  });

  it("counts syncs and their payload, and refuses a request over 5 MB whole", async () => {
    const fake = new FakeExcel();
    const sheet = fake.model.addSheet("Sheet1");
    const big = Array.from({ length: 200 }, () => ["x".repeat(30_000)]); // 6 MB
    await expect(
      fake.run(async (context) => {
        const target = context.workbook.worksheets.getItem("Sheet1");
        target.getRange("A1").values = [["small"]];
        target.getRange("A1:A200").values = big;
        await context.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(fake.syncs).toBe(1);
    expect(fake.syncLog[0]!.bytes).toBeGreaterThan(REQUEST_LIMIT);
    expect(sheet.cells.size).toBe(0);
  });

  it("reads strings as typed input, as Excel does", async () => {
    const fake = new FakeExcel();
    const sheet = fake.model.addSheet("Sheet1");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1").values = [
        ["=1+1", "00123", "TRUE", "-x", "'=text", "plain"],
      ];
      await context.sync();
    });
    expect([0, 1, 2, 3, 4, 5].map((c) => fake.model.cell(sheet, 0, c))).toMatchObject([
      { formula: "=1+1" },
      { value: 123 },
      { value: true },
      { formula: "=-x" },
      { value: "=text", formula: null },
      { value: "plain" },
    ]);
  });
});

describe("ExcelWorkbook", () => {
  it(`needs ExcelApi ${EXCEL_API_REQUIREMENT}, for reading merged areas`, () => {
    expect(EXCEL_API_REQUIREMENT).toBe("1.13");
  });

  it("reads a snapshot in exactly one sync", async () => {
    const { fake, excel } = await twoWorkbooks();
    await excel.apply(await planPlan(excel, ilacs));
    fake.resetCounts();
    const snapshot = await excel.read({ sheets: ["Action plan", "Sheet1"] });
    expect(fake.syncs).toBe(1);
    expect(snapshot.sheets.map((s) => [s.name, s.visibility, s.frozenRows])).toEqual([
      ["Sheet1", "visible", 0],
      ["Action plan", "visible", 1],
      [METADATA_SHEET, "veryHidden", 0],
    ]);
    expect(snapshot.sheets[0]!.values).toEqual([
      ["Name", "Score"],
      ["Ada", 3],
      ["Grace", 4.5],
    ]);
    expect(snapshot.sheets[2]!.values).toBeNull();
    const rows = ilacs.judgements.reduce((n, j) => n + j.criteria.length, 0);
    expect(snapshot.tables).toEqual([
      {
        name: "ActionPlan",
        sheet: "Action plan",
        range: { top: 0, left: 0, bottom: rows, right: 9 },
        headers: [
          "Ref",
          "Judgement",
          "Criterion",
          "Action",
          "Lead",
          "Due date",
          "RAG",
          "Progress update",
          "Evidence",
          "Last updated",
        ],
      },
    ]);
  });

  it("reads a workbook it has not seen in two syncs the first time (tables need their items), then in one", async () => {
    const { fake, excel } = await twoWorkbooks();
    await excel.apply(await planPlan(excel, ilacs));
    const stranger = new ExcelWorkbook(fake);
    fake.resetCounts();
    const first = await stranger.read({ sheets: "all" });
    expect(fake.syncs).toBe(2);
    fake.resetCounts();
    expect(await stranger.read({ sheets: "all" })).toEqual(first);
    expect(fake.syncs).toBe(1);
    // A sheet the user adds later is found, at the cost of the second sync once (for its frozen panes)...
    fake.model.addSheet("Notes");
    fake.resetCounts();
    expect((await stranger.read({ sheets: ["Sheet1"] })).sheets.map((s) => s.name)).toContain("Notes");
    expect(fake.syncs).toBe(2);
    // ...or none, where the query names it.
    fake.model.addSheet("More notes");
    fake.resetCounts();
    expect((await stranger.read({ sheets: ["More notes"] })).sheets.map((s) => s.name)).toContain("More notes");
    expect(fake.syncs).toBe(1);
  });

  it("skips queried sheets that do not exist, and forgets deleted ones", async () => {
    const { fake, excel, memory } = await twoWorkbooks();
    const query: SnapshotQuery = { sheets: ["Sheet1", "No such sheet"] };
    expect(await excel.read(query)).toEqual(memory.snapshot(query));
    fake.model.addSheet("Temporary");
    await excel.read({ sheets: "all" });
    fake.model.deleteSheet(fake.model.sheet("Temporary"));
    fake.resetCounts();
    expect(await excel.read(query)).toEqual(memory.snapshot(query));
    expect(fake.syncs).toBe(1);
  });

  it("still reads correctly where the host refuses calls through a null object", async () => {
    const { fake, excel, memory } = await twoWorkbooks({ nullObjects: "throw" });
    const query: SnapshotQuery = { sheets: ["Sheet1", "No such sheet"] };
    expect(await excel.read(query)).toEqual(memory.snapshot(query));
    // The speculative read failed; the plain one took three: the collections, then each sheet's size (a
    // blank sheet's used range is a null object, so its first rows cannot be read alongside), then cells.
    expect(fake.syncs).toBe(4);
  });

  it("merges and unmerges cells, reads merged areas, and undoes a merge", async () => {
    const { excel, memory } = await twoWorkbooks();
    const patch: WorkbookPatch = {
      description: "Merge titles",
      ops: [
        { op: "mergeCells", sheet: "Sheet1", range: { top: 5, left: 0, bottom: 5, right: 3 } },
        { op: "mergeCells", sheet: "Sheet1", range: { top: 0, left: 3, bottom: 1, right: 4 } },
      ],
    };
    const before = await excel.read({ sheets: ["Sheet1"] });
    await excel.apply(patch);
    await memory.apply(patch);
    const sorted = (merges: CellRange[] = []) => [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
    const read = await excel.read({ sheets: ["Sheet1"] });
    const expected = memory.snapshot({ sheets: ["Sheet1"] });
    expect(read.sheets[0]!.merges).toEqual(sorted(expected.sheets[0]!.merges));
    expect({ ...read.sheets[0], merges: [] }).toEqual({ ...expected.sheets[0], merges: [] });
    await excel.apply(invertPatch(patch));
    expect(await excel.read({ sheets: ["Sheet1"] })).toEqual(before);
  });

  it("anchors cells at A1 whatever the used range, and keeps text that Excel would otherwise convert", async () => {
    const { fake, excel, memory } = await twoWorkbooks();
    const patch: WorkbookPatch = {
      description: "Awkward cells",
      ops: [
        { op: "addSheet", sheet: "Awkward" },
        {
          op: "writeValues",
          sheet: "Awkward",
          row: 2,
          col: 2,
          values: [
            ["=not a formula", "-5 days", "+44 20", "00123", "TRUE", "2025-01-31"],
            ["'quoted", "", 0, false, { formula: "=C3&D3" }, null],
          ],
        },
        { op: "setNumberFormats", sheet: "Awkward", row: 5, col: 1, formats: [["dd/mm/yyyy"]] },
      ],
    };
    await excel.apply(patch);
    await memory.apply(patch);
    const query: SnapshotQuery = { sheets: ["Awkward"] };
    const snapshot = await excel.read(query);
    // Excel cannot hold an empty string: the cell is empty, and reads back as such.
    expect(snapshot).toEqual(
      (() => {
        const expected = memory.snapshot(query);
        expected.sheets.find((s) => s.name === "Awkward")!.values![3]![3] = null;
        return expected;
      })(),
    );
    expect(snapshot.sheets[1]!.values![0]).toEqual([null, null, null, null, null, null, null, null]);
    expect(fake.model.sheet("Awkward").cells.get("3,6")?.formula).toBe("=C3&D3");
  });

  it("applies a 5,000-criterion plan in requests of at most 5,000 cells, each well filled", async () => {
    const framework = syntheticFramework(5_000);
    const { fake, excel } = await twoWorkbooks();
    const patch = await planPlan(excel, framework);
    const cells = patch.ops.reduce(
      (n, op) =>
        n +
        (op.op === "writeValues" ? op.values.length * Math.max(...op.values.map((row) => row.length)) : 0) +
        (op.op === "setNumberFormats" ? op.formats.length * Math.max(...op.formats.map((row) => row.length)) : 0),
      0,
    );
    fake.resetCounts();
    await excel.apply(patch);
    // Small enough to merge with co-authors' edits, and no more requests than that needs (a row is not split).
    expect(fake.syncLog.every((sync) => sync.writeCells <= SYNC_CELL_LIMIT)).toBe(true);
    expect(fake.syncs).toBeLessThanOrEqual(Math.ceil(cells / (SYNC_CELL_LIMIT - 20)) + 1);
    expect(fake.syncLog.every((sync) => sync.bytes <= SYNC_PAYLOAD_LIMIT)).toBe(true);
    const sheet = fake.model.sheet("Action plan");
    expect(fake.model.cell(sheet, 5_000, 0)?.value).toBe("C-05000");
    expect(fake.model.tables[0]).toMatchObject({
      name: "ActionPlan",
      range: { top: 0, left: 0, bottom: 5_000, right: 9 },
    });
  });

  it("writes a block of 12,000 cells in three requests of at most 5,000 cells, every value in place", async () => {
    const { fake, excel } = await twoWorkbooks();
    const rows = Array.from({ length: 1_000 }, (_, r) => Array.from({ length: 12 }, (_, c) => r * 12 + c));
    fake.resetCounts();
    await excel.apply({
      description: "Block",
      ops: [{ op: "writeValues", sheet: "Sheet1", row: 10, col: 0, values: rows }],
    });
    expect(fake.syncLog.map((sync) => sync.writeCells)).toEqual([4_992, 4_992, 2_016]);
    const sheet = fake.model.sheet("Sheet1");
    expect(rows.every((row, r) => row.every((value, c) => fake.model.cell(sheet, 10 + r, c)?.value === value))).toBe(
      true,
    );
  });

  it("splits a patch over 4 MB into syncs of at most 4 MB, and writes every value", async () => {
    const { fake, excel } = await twoWorkbooks();
    const rows = Array.from({ length: 1_000 }, (_, r) => [`${r}:`.padEnd(10_000, "é")]); // ~20 MB of UTF-8
    const bytes = rows.reduce((n, [text]) => n + Buffer.byteLength(JSON.stringify(text)), 0);
    expect(bytes).toBeGreaterThan(10 * 1024 * 1024);
    await excel.apply({
      description: "Big",
      ops: [
        { op: "addSheet", sheet: "Big" },
        { op: "writeValues", sheet: "Big", row: 0, col: 0, values: rows },
        { op: "setNumberFormats", sheet: "Big", row: 0, col: 0, formats: rows.map(() => ["@"]) },
      ],
    });
    expect(fake.syncs).toBeLessThanOrEqual(1 + Math.ceil(bytes / SYNC_PAYLOAD_LIMIT));
    expect(fake.syncs).toBeGreaterThanOrEqual(Math.ceil(bytes / SYNC_PAYLOAD_LIMIT));
    expect(fake.syncLog.every((sync) => sync.bytes <= SYNC_PAYLOAD_LIMIT)).toBe(true);
    const sheet = fake.model.sheet("Big");
    expect(rows.every(([text], r) => fake.model.cell(sheet, r, 0)?.value === text)).toBe(true);
    expect(fake.model.cell(sheet, 999, 0)?.numberFormat).toBe("@");
  });

  it("agrees with the memory workbook on a created plan: cells, tables, visibility, panes and formatting", async () => {
    const { fake, excel, memory } = await twoWorkbooks();
    expect(await excel.read(createWorkbookQuery)).toEqual(memory.snapshot(createWorkbookQuery));
    for (let round = 0; round < 2; round++) {
      // The second round replaces the action plan on its own sheet (a second "Action plan (2)" is never
      // made) and rewrites the metadata records, with their old contents as `before`.
      const replace = round > 0;
      const patch = await planPlan(excel, ilacs, replace);
      expect(
        createWorkbook(memory.snapshot(createWorkbookQuery), { framework: ilacs, kinds: ["action-plan"], now, replace })
          .patch,
      ).toEqual(patch);
      await excel.apply(patch);
      await memory.apply(patch);
    }
    for (const query of [{ sheets: "all" as const }, createWorkbookQuery, { sheets: ["Action plan"] }]) {
      expect(await excel.read(query)).toEqual(memory.snapshot(query));
    }
    expect(fake.model.sheets.map((s) => s.name)).not.toContain("Action plan (2)");
    expectSameFormatting(fake.model.sheet("Action plan"), memory, "Action plan");
  });

  it("agrees with the memory workbook on structuring a sheet and refreshing a plan (merges, table resize)", async () => {
    const { fake, excel, memory } = await twoWorkbooks();
    const messy: WorkbookPatch = {
      description: "A council's own sheet",
      ops: [
        { op: "addSheet", sheet: "Plan" },
        {
          op: "writeValues",
          sheet: "Plan",
          row: 0,
          col: 0,
          values: [
            ["Improvement plan"],
            [null],
            ["Theme", "Action", "Lead", "RAG"],
            ["Leadership", "One", "A", "g"],
            [null, "Two", "B", "Red"],
          ],
        },
        { op: "mergeCells", sheet: "Plan", range: { top: 3, left: 0, bottom: 4, right: 0 } },
      ],
    };
    await excel.apply(messy);
    await memory.apply(messy);
    const structure = (s: WorkbookSnapshot) =>
      structureSheet(s, { sheet: "Plan", as: "action-plan", now, normalise: true }).patch;
    const patch = structure(await excel.read(structureQuery("Plan")));
    expect(structure(memory.snapshot(structureQuery("Plan")))).toEqual(patch);
    await excel.apply(patch);
    await memory.apply(patch);

    const older = {
      ...ilacs,
      version: "old",
      judgements: ilacs.judgements.map((j) => ({ ...j, criteria: j.criteria.slice(0, 2) })),
    };
    // "Plan" is the workbook's action plan now, so only the kinds it lacks are made (a second is refused).
    const created = createWorkbook(await excel.read(createWorkbookQuery), {
      framework: older,
      kinds: ["self-evaluation", "evidence"],
      now,
    }).patch;
    await excel.apply(created);
    await memory.apply(created);
    const refresh = refreshWorkbook(await excel.read(refreshQuery), {
      framework: ilacs,
      resolve: () => undefined,
      now,
    }).patch;
    expect(
      refreshWorkbook(memory.snapshot(refreshQuery), { framework: ilacs, resolve: () => undefined, now }).patch,
    ).toEqual(refresh);
    await excel.apply(refresh);
    await memory.apply(refresh);
    expect(await excel.read({ sheets: "all" })).toEqual(memory.snapshot({ sheets: "all" }));
    expect(fake.model.tables.find((t) => t.name === "SelfEvaluation")!.range.bottom).toBe(36);

    await excel.apply(invertPatch(refresh));
    await memory.apply(invertPatch(refresh));
    expect(await excel.read({ sheets: "all" })).toEqual(memory.snapshot({ sheets: "all" }));
  });

  it("undoes a created plan: the inverse patch returns the workbook to its first snapshot", async () => {
    const { fake, excel } = await twoWorkbooks();
    const before = await excel.read({ sheets: "all" });
    const first = await planPlan(excel, ilacs);
    await excel.apply(first);
    const afterFirst = await excel.read({ sheets: "all" });
    const second = await planPlan(excel, ilacs, true);
    await excel.apply(second);
    await excel.apply(invertPatch(second));
    expect(await excel.read({ sheets: "all" })).toEqual(afterFirst);
    await excel.apply(invertPatch(first));
    expect(await excel.read({ sheets: "all" })).toEqual(before);
    expect(fake.model.tables).toEqual([]);
  });

  it("undoes changes to an existing sheet, removing exactly the conditional formats and rules it added", async () => {
    const { fake, excel, memory } = await twoWorkbooks();
    const userFormat = { type: "expression" as const, formula: "=$B1>4", style: { bold: true } };
    const seed: WorkbookPatch = {
      description: "The user's own formatting",
      ops: [
        { op: "addSheet", sheet: "Other" },
        {
          op: "addConditionalFormat",
          sheet: "Sheet1",
          range: { top: 0, left: 1, bottom: 9, right: 1 },
          format: userFormat,
        },
      ],
    };
    await excel.apply(seed);
    await memory.apply(seed);
    const snapshot = await excel.read({ sheets: "all" });
    const ours = { type: "expression" as const, formula: "=$B1>4", style: { fill: "#C50F1F", fontColour: "#FFFFFF" } };
    const patch: WorkbookPatch = {
      description: "Tidy Sheet1",
      ops: [
        {
          op: "writeValues",
          sheet: "Sheet1",
          row: 1,
          col: 0,
          values: [["Ada Lovelace", { formula: "=B2*2" }]],
          before: [["Ada", 3]],
        },
        {
          op: "setNumberFormats",
          sheet: "Sheet1",
          row: 1,
          col: 1,
          formats: [["0.0"], ["0.0"]],
          before: [["General"], ["General"]],
        },
        {
          op: "addTable",
          sheet: "Sheet1",
          name: "Scores",
          range: { top: 0, left: 0, bottom: 2, right: 1 },
          style: "TableStyleLight1",
        },
        {
          op: "setValidation",
          sheet: "Sheet1",
          range: { top: 1, left: 1, bottom: 2, right: 1 },
          rule: { type: "list", values: ["1", "2", "3"], strict: false },
        },
        {
          op: "setValidation",
          sheet: "Sheet1",
          range: { top: 4, left: 0, bottom: 9, right: 0 },
          rule: { type: "rangeList", source: "Sheet1!$A$2:$A$3", strict: true },
        },
        // Same formula as the user's format, on a smaller range: undo must leave the user's alone.
        { op: "addConditionalFormat", sheet: "Sheet1", range: { top: 1, left: 1, bottom: 2, right: 1 }, format: ours },
        { op: "freezePanes", sheet: "Sheet1", rows: 1, columns: 1, before: { rows: 0, columns: 0 } },
        {
          op: "setWrapText",
          sheet: "Sheet1",
          range: { top: 0, left: 0, bottom: 0, right: 1 },
          wrap: true,
          before: false,
        },
        { op: "setVisibility", sheet: "Other", visibility: "hidden", before: "visible" },
      ],
    };
    await excel.apply(patch);
    await memory.apply(patch);
    expect(await excel.read({ sheets: "all" })).toEqual(memory.snapshot({ sheets: "all" }));
    expect(fake.model.sheet("Sheet1").frozen).toEqual({ rows: 1, columns: 1 });
    expect(fake.model.sheet("Sheet1").conditionalFormats).toHaveLength(2);
    expect(fake.model.sheet("Sheet1").validations.map((v) => v.rule)).toEqual([
      { list: { inCellDropDown: true, source: "1,2,3" } },
      { list: { inCellDropDown: true, source: "=Sheet1!$A$2:$A$3" } },
    ]);

    fake.resetCounts();
    await excel.apply(invertPatch(patch));
    expect(fake.syncs).toBe(3); // two reads to find the conditional format, then the writes
    expect(await excel.read({ sheets: "all" })).toEqual(snapshot);
    const sheet = fake.model.sheet("Sheet1");
    expect(sheet.conditionalFormats.map((cf) => [cf.range, cf.formula, cf.bold])).toEqual([
      [{ top: 0, left: 1, bottom: 9, right: 1 }, userFormat.formula, true],
    ]);
    expect(sheet.validations).toEqual([]);
    expect(fake.model.cell(sheet, 0, 0)?.wrap).toBe(false);
  });
});

describe("ExcelWorkbook and the Summary sheet", () => {
  it("draws a native chart of RAG counts by judgement, and undo removes the sheet with it", async () => {
    const fake = new FakeExcel();
    fake.model.addSheet("Sheet1");
    const excel = new ExcelWorkbook(fake);
    const created = createWorkbook(await excel.read(createWorkbookQuery), {
      framework: ilacs,
      kinds: ["self-evaluation"],
      now,
    }).patch;
    await excel.apply(created);
    const before = await excel.read({ sheets: "all" });
    const { patch } = projectWorkbook(await excel.read(projectQuery), { resolve: () => ilacs, write: true });
    await excel.apply(patch);
    const chart = fake.model.sheet("Summary").charts[0]!;
    expect(chart).toMatchObject({
      name: "RAG by judgement",
      type: "ColumnStacked",
      seriesBy: "Columns",
      source: { top: 3, left: 0, bottom: 7, right: 6 },
    });
    await excel.apply(invertPatch(patch));
    expect(await excel.read({ sheets: "all" })).toEqual(before);
  });
});

describe("the date system in Excel", () => {
  const withOffice = async (supports116: boolean, work: () => Promise<void>) => {
    const global = globalThis as { Office?: unknown };
    global.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, v: string) => name === "ExcelApi" && (supports116 || v !== "1.16"),
        },
      },
    };
    try {
      await work();
    } finally {
      delete global.Office;
    }
  };

  it("reads use1904DateSystem where the host has ExcelApi 1.16, and says the snapshot is in 1904", async () => {
    const fake = new FakeExcel();
    fake.model.addSheet("Sheet1");
    fake.model.date1904 = true;
    await withOffice(true, async () => {
      const snapshot = await new ExcelWorkbook(fake).read({ sheets: "all" });
      expect(snapshot.dateSystem).toBe("1904");
    });
    fake.model.date1904 = false;
    await withOffice(true, async () => {
      expect((await new ExcelWorkbook(fake).read({ sheets: "all" })).dateSystem).toBeUndefined();
    });
  });

  it("takes the 1900 system, reading nothing more, where the host is older", async () => {
    const fake = new FakeExcel();
    fake.model.addSheet("Sheet1");
    fake.model.date1904 = true;
    await withOffice(false, async () => {
      expect((await new ExcelWorkbook(fake).read({ sheets: "all" })).dateSystem).toBeUndefined();
    });
  });
});

import { UserError } from "../../src/domain/userError";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { READ_CELL_LIMIT, RESPONSE_BUDGET, rowsPerChunk } from "../../src/workbook/excel/readCells";
import type { Scalar, SheetSnapshot } from "../../src/workbook/types";
import { FakeExcel, type FakeWorkbookModel, RESPONSE_LIMIT } from "../support/fakeOffice";

const RAG = ["Red", "Amber", "Green", "Blue"];

/**
 * Row `r` (0-based, 0 the header) of a plan-like sheet of 12 columns: reference, texts, a lead, a due
 * date (a serial shown as a date), a RAG status, a number, a formula and an occasional blank.
 */
function planRow(r: number): { value: Scalar; format: string; formula: string | null }[] {
  if (r === 0) {
    return [
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
      "Score",
      "Total",
    ].map((value) => ({ value, format: "General", formula: null }));
  }
  const text = (value: string) => ({ value, format: "General", formula: null });
  return [
    text(`A${r}`),
    text(`Judgement ${r % 7}`),
    text(`Criterion ${r} about the experiences and progress of children`),
    text(r % 11 === 0 ? "" : `Action for row ${r}: review case files and report to the board`),
    text(`Lead ${r % 23}`),
    { value: 46000 + (r % 400), format: "dd/mm/yyyy", formula: null },
    text(RAG[r % 4]!),
    text(r % 3 === 0 ? `Update ${r}` : ""),
    text(`Evidence ${r}`),
    { value: 46300 + (r % 50), format: "dd/mm/yyyy", formula: null },
    { value: (r % 97) / 4, format: "0.00", formula: null },
    { value: "", format: "General", formula: `=K${r + 1}*2` },
  ];
}

/** Writes `rows` plan rows (header included) straight into the fake's model, and the snapshot's grids. */
function seedPlan(model: FakeWorkbookModel, name: string, rows: number) {
  const sheet = model.addSheet(name);
  const values: Scalar[][] = [];
  const numberFormats: string[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = planRow(r);
    row.forEach((cell, c) => {
      if (cell.value === "" && cell.formula === null && cell.format === "General") return;
      Object.assign(model.touch(sheet, r, c), { value: cell.value, numberFormat: cell.format, formula: cell.formula });
    });
    // A formula cell's value reads as "" from the fake (it does not calculate), so null in the snapshot.
    values.push(row.map((cell) => (cell.value === "" ? null : cell.value)));
    numberFormats.push(row.map((cell) => cell.format));
    formulas.push(row.map((cell) => cell.formula));
  }
  return { values, numberFormats, formulas };
}

function cellsOf(sheet: SheetSnapshot | undefined) {
  return { values: sheet?.values, numberFormats: sheet?.numberFormats, formulas: sheet?.formulas };
}

/** Equal grids, compared as JSON: jest's deep equality takes most of a minute over a million cells. */
function expectSameCells(actual: ReturnType<typeof cellsOf>, expected: ReturnType<typeof cellsOf>): void {
  expect(actual.values?.length).toBe(expected.values?.length);
  expect(actual.values?.slice(-3)).toEqual(expected.values?.slice(-3)); // a readable difference, where there is one
  expect(JSON.stringify(actual) === JSON.stringify(expected)).toBe(true);
}

describe("reading large sheets from Excel", () => {
  it.each([
    [50_000, "a 50,000 × 12 plan"],
    [100_000, "a 100,000-row sheet"],
  ])(
    "reads %i rows (%s) in chunks, no sync over the limits, the same cells as written",
    async (rows) => {
      const fake = new FakeExcel();
      const expected = seedPlan(fake.model, "Action plan", rows);
      const small = seedPlan(fake.model, "Small", 200);
      const excel = new ExcelWorkbook(fake);

      const snapshot = await excel.read({ sheets: ["Action plan", "Small"] });

      expectSameCells(cellsOf(snapshot.sheets[0]), expected);
      expect(cellsOf(snapshot.sheets[1])).toEqual(small);
      // The chunked read of the big sheet holds what a one-sync read of a small sheet holds, row for row.
      const head = (grid: unknown[][] | null | undefined) => grid?.slice(0, 200);
      expect({
        values: head(snapshot.sheets[0]!.values),
        numberFormats: head(snapshot.sheets[0]!.numberFormats),
        formulas: head(snapshot.sheets[0]!.formulas),
      }).toEqual(cellsOf(snapshot.sheets[1]));

      expect(fake.syncLog.every((sync) => sync.readBytes <= RESPONSE_LIMIT)).toBe(true);
      expect(fake.syncLog.every((sync) => sync.readCells <= READ_CELL_LIMIT)).toBe(true);
      // Every sync but the last is well filled: about as few syncs as 4 MB a response allows.
      expect(fake.readSyncs).toBeLessThanOrEqual(Math.ceil(fake.readBytes / (RESPONSE_BUDGET * 0.6)) + 2);
      expect(fake.readBytes).toBeGreaterThan(RESPONSE_LIMIT); // so it could never have been one read
    },
    180_000,
  ); // a million cells through a fake that models each one: slow, and not what this measures

  it("reads a small sheet in one sync, as before", async () => {
    const fake = new FakeExcel();
    const expected = seedPlan(fake.model, "Plan", 500);
    const excel = new ExcelWorkbook(fake);
    await excel.read({ sheets: ["Plan"] });
    fake.resetCounts();
    expect(cellsOf((await excel.read({ sheets: ["Plan"] })).sheets[0])).toEqual(expected);
    expect(fake.syncs).toBe(1);
  });

  it("takes a null values array from Excel as an error naming the range, never as empty cells", async () => {
    const fake = new FakeExcel();
    seedPlan(fake.model, "Plan", 3);
    const excel = new ExcelWorkbook(fake);
    fake.nullValuesFor = () => true; // the speculative read and the plain one both get null
    const read = excel.read({ sheets: ["Plan"] });
    await expect(read).rejects.toThrow(UserError);
    await expect(read).rejects.toThrow(/Excel returned no data for 'Plan'!A1:L3\. Nothing was changed: try again/);
  });

  it("reads correctly after a single null (the plain read is the retry)", async () => {
    const fake = new FakeExcel();
    const expected = seedPlan(fake.model, "Plan", 3);
    let nulls = 1;
    fake.nullValuesFor = () => nulls-- > 0;
    expect(cellsOf((await new ExcelWorkbook(fake).read({ sheets: ["Plan"] })).sheets[0])).toEqual(expected);
    expect(nulls).toBeLessThan(0);
  });

  it("a null in a later chunk of a large sheet is an error too", async () => {
    const fake = new FakeExcel();
    seedPlan(fake.model, "Plan", 8_000);
    const excel = new ExcelWorkbook(fake);
    await excel.read({ sheets: ["Plan"] });
    fake.nullValuesFor = (range) => range.bottom >= 5_000; // a later chunk, on every attempt
    await expect(excel.read({ sheets: ["Plan"] })).rejects.toThrow(/Excel returned no data for 'Plan'!A\d{4}:L\d{4}\./);
  });

  it("reads cells longer than guessed by halving the chunks that a response refused", async () => {
    const fake = new FakeExcel();
    const sheet = fake.model.addSheet("Notes");
    const expected: Scalar[][] = [];
    for (let r = 0; r < 2_000; r++) {
      const row = [0, 1, 2].map((c) => `${r}:${c} ${"x".repeat(1_000)}`);
      row.forEach((value, c) => (fake.model.touch(sheet, r, c).value = value));
      expected.push(row);
    }
    const snapshot = await new ExcelWorkbook(fake).read({ sheets: ["Notes"] });
    expect(snapshot.sheets[0]!.values).toEqual(expected);
    const refused = fake.syncLog.filter((sync) => sync.readBytes > RESPONSE_LIMIT);
    expect(refused.length).toBeGreaterThan(0); // the guess was too small, and Excel said so
  });

  it("sizes chunks by the 5,000,000-cell limit for a wide sheet, and by bytes for a narrow one", () => {
    expect(rowsPerChunk({ columns: 16_384, bytesPerRow: 16_384 * 3 }, 1e12)).toBe(Math.floor(5_000_000 / 16_384));
    expect(rowsPerChunk({ columns: 12, bytesPerRow: 600 }, RESPONSE_BUDGET)).toBe(Math.floor(RESPONSE_BUDGET / 600));
    expect(rowsPerChunk({ columns: 12, bytesPerRow: null }, RESPONSE_BUDGET)).toBe(Math.floor(RESPONSE_BUDGET / 1_200));
    expect(rowsPerChunk({ columns: 12, bytesPerRow: 10_000_000 }, RESPONSE_BUDGET)).toBe(1);
  });
});

describe("reading without number formats (SnapshotQuery.numberFormats: false)", () => {
  it("leaves them out of the read and the snapshot, the values and formulas the same, fewer bytes", async () => {
    const fake = new FakeExcel();
    const expected = seedPlan(fake.model, "Plan", 3_000);
    const excel = new ExcelWorkbook(fake);
    await excel.read({ sheets: ["Plan"] });
    fake.resetCounts();
    await excel.read({ sheets: ["Plan"] });
    const withFormats = fake.readBytes;
    fake.resetCounts();
    const sheet = (await excel.read({ sheets: ["Plan"], numberFormats: false })).sheets[0]!;
    expect(sheet.numberFormats).toBeNull();
    expect(JSON.stringify({ values: sheet.values, formulas: sheet.formulas })).toBe(
      JSON.stringify({ values: expected.values, formulas: expected.formulas }),
    );
    expect(fake.readBytes).toBeLessThan(withFormats * 0.85);
  });
});

describe("reading some rows of a sheet (SnapshotQuery.rows)", () => {
  it("reads just the rows asked for, the used range's full width from column A, in one sync", async () => {
    const fake = new FakeExcel();
    const expected = seedPlan(fake.model, "Plan", 5_000);
    const excel = new ExcelWorkbook(fake);
    await excel.read({ sheets: ["Plan"] });
    const whole = fake.readBytes;
    fake.resetCounts();
    const snapshot = await excel.read({ sheets: ["Plan"], rows: [{ sheet: "Plan", top: 2_999, bottom: 3_001 }] });
    const sheet = snapshot.sheets[0]!;
    expect(sheet.firstRow).toBe(2_999);
    expect(cellsOf(sheet)).toEqual({
      values: expected.values.slice(2_999, 3_002),
      numberFormats: expected.numberFormats.slice(2_999, 3_002),
      formulas: expected.formulas.slice(2_999, 3_002),
    });
    expect(fake.syncs).toBe(1);
    expect(fake.readBytes).toBeLessThan(whole / 100);
  });

  it("reads the same rows the plain way, where a host refuses the speculative read", async () => {
    const fake = new FakeExcel({ nullObjects: "throw" });
    const expected = seedPlan(fake.model, "Plan", 1_500);
    fake.model.addSheet("Blank"); // its used range is a null object: the speculative read fails
    const excel = new ExcelWorkbook(fake);
    const query = { sheets: ["Plan", "Blank"], rows: [{ sheet: "Plan", top: 1_199, bottom: 1_201 }] };
    const sheet = (await excel.read(query)).sheets[0]!;
    expect(sheet.firstRow).toBe(1_199);
    expect(sheet.values).toEqual(expected.values.slice(1_199, 1_202));
    // The refused speculative sync, then the plain read's names, sizes and rows (one sync when speculation works).
    expect(fake.syncs).toBeGreaterThanOrEqual(3);
  });

  it("leaves out rows below the used range, and reads other sheets named without rows whole", async () => {
    const fake = new FakeExcel();
    seedPlan(fake.model, "Plan", 10);
    const other = seedPlan(fake.model, "Other", 3);
    const excel = new ExcelWorkbook(fake);
    const snapshot = await excel.read({ sheets: ["Plan", "Other"], rows: [{ sheet: "Plan", top: 8, bottom: 20 }] });
    expect(snapshot.sheets[0]!.values).toHaveLength(2); // rows 9 and 10 of the sheet; 11 to 21 are empty
    expect(snapshot.sheets[1]!.firstRow).toBeUndefined();
    expect(cellsOf(snapshot.sheets[1])).toEqual(other);
  });
});

describe("the fake's response limit", () => {
  it("measures what a sync returns and refuses a response over 5 MB", async () => {
    const fake = new FakeExcel();
    const sheet = fake.model.addSheet("Sheet1");
    for (let r = 0; r < 200; r++) fake.model.touch(sheet, r, 0).value = "x".repeat(30_000); // 6 MB
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A10").load("values");
      await context.sync();
    });
    expect(fake.syncLog[0]!.readBytes).toBeGreaterThan(300_000);
    expect(fake.syncLog[0]!.readBytes).toBeLessThan(310_000);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A200").load("values");
        await context.sync();
      }),
    ).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
    expect(fake.readBytes).toBeGreaterThan(RESPONSE_LIMIT);
  });
});

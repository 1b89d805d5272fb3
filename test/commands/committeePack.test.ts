import { committeePack, packIntoWorkbook, packPage } from "../../src/commands/committeePack";
import { findFramework } from "../../src/domain/frameworks";
import { serialFromYmd } from "../../src/domain/dates";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { packPlan } from "../support/packFixture";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const asOf = serialFromYmd(2026, 11, 25);

describe("the committee pack added to the plan's own workbook", () => {
  it("names its sheets apart from the workbook's and charts the RAG counts per judgement, totals left out", async () => {
    const file = await packPlan(tempDir());
    const snapshot = await (await XlsxWorkbook.open(file)).read({ sheets: "all" });
    const taken = { ...snapshot, sheets: [...snapshot.sheets, { ...snapshot.sheets[0]!, name: "Cover" }] };
    const pack = committeePack(taken, {
      asOf,
      madeOn: asOf,
      marking: "OFFICIAL-SENSITIVE",
      authority: "Anyshire",
      author: null,
      previous: null,
      suppress: true,
      resolve: findFramework,
    });
    const patch = packIntoWorkbook(pack, packPage(pack, "OFFICIAL-SENSITIVE", asOf), taken);
    const added = patch.ops.flatMap((op) => (op.op === "addSheet" ? [op.sheet] : []));
    expect(added).toContain("Cover (2)");
    expect(added).not.toContain("Cover");

    const charts = patch.ops.filter((op) => op.op === "addChart");
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    if (chart.op !== "addChart") throw new Error("not a chart");
    expect(chart.sheet).toBe("RAG by judgement");
    // Header row plus the four judgements of ILACS 2026; the Total row is not a category.
    expect(chart.source.bottom - chart.source.top).toBe(4);
    // Categories, then one series per status of the scale and "No status".
    expect(chart.source.right).toBe(7);
    expect(chart.at!.row).toBeGreaterThan(chart.source.bottom);

    const memory = MemoryWorkbook.withSheets("Sheet1");
    await memory.apply(patch);
    const sheet = memory.sheets.find((s) => s.name === "RAG by judgement")!;
    expect(sheet.charts.map((c) => c.title)).toEqual(["Actions by RAG status, per judgement"]);
  });

  it("writes its dates as the workbook counts them: from 1904 in a workbook of the 1904 date system", async () => {
    const file = await packPlan(tempDir());
    const snapshot = await (await XlsxWorkbook.open(file)).read({ sheets: "all" });
    const options = {
      asOf,
      madeOn: asOf,
      marking: "OFFICIAL",
      authority: "Anyshire",
      author: null,
      previous: null,
      suppress: true,
      resolve: findFramework,
    };
    const pack = committeePack(snapshot, options);
    const coverDate = (patch: ReturnType<typeof packIntoWorkbook>) =>
      patch.ops.flatMap((op) =>
        op.op === "writeValues" && op.sheet === "Cover"
          ? op.values.flatMap((row) => (row[0] === "Position as at" ? [row[1]] : []))
          : [],
      );
    const page = packPage(pack, "OFFICIAL", asOf);
    expect(coverDate(packIntoWorkbook(pack, page, snapshot))).toEqual([asOf]);
    expect(coverDate(packIntoWorkbook(pack, page, { ...snapshot, dateSystem: "1904" }))).toEqual([asOf - 1462]);
  });
});

import path from "node:path";
import ExcelJS from "exceljs";
import { d, templateWith } from "../fixtures/annexA";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();
const run = (...argv: string[]) => runCli(argv);

/** Lists 6 and 8 with children in three teams and six workers, and List 11's adopters under their own ids. */
async function lists(): Promise<string> {
  const file = path.join(tempDir(), "lists.xlsx");
  const team = (i: number) => `Team ${"ABC"[i % 3]}`;
  const worker = (i: number) => `Worker ${i % 6}`;
  const cin = (id: string, i: number) => [
    id,
    "a) Male",
    "a) WBRI",
    d(1, 1, 2015),
    11,
    "b) No",
    d(1, 7, 2026),
    "N1 - Abuse or neglect",
    null,
    null,
    null,
    "c) Child in need plan",
    team(i),
    worker(i),
  ];
  const cla = (id: string, i: number) => {
    const row: ExcelJS.CellValue[] = Array.from({ length: 34 }, () => null);
    row.splice(0, 5, id, "b) Female", "a) WBRI", d(1, 1, 2012), 14);
    row[32] = team(i + 1);
    row[33] = worker(i + 2);
    return row;
  };
  const adopter = (id: string) => [id, "F1", "a) Male", "a) WBRI", "b) No", "No", d(1, 12, 2025)];
  const workbook = await templateWith({
    6: Array.from({ length: 30 }, (_, i) => cin(`N${i}`, i)),
    8: Array.from({ length: 30 }, (_, i) => cla(`C${i}`, i)),
    11: Array.from({ length: 20 }, (_, i) => adopter(`A${i}`)),
  });
  await workbook.xlsx.writeFile(file);
  return file;
}

const sample = async (...extra: string[]) => {
  const out = path.join(tempDir(), `audit-${Math.random().toString(36).slice(2)}.xlsx`);
  const result = await run(
    "audit-sample",
    await lists(),
    "--out",
    out,
    "--cases",
    "12",
    "--as-of",
    "25/11/2026",
    ...extra,
  );
  return { ...result, file: out };
};

describe("audit-sample", () => {
  it("draws only children, spread across lists, teams and workers, into a workbook of the audit sheets alone", async () => {
    const { code, out, file } = await sample("--json", "--seed", "4242");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.seed).toBe(4242);
    expect(report.cases).toHaveLength(12);
    expect(report.cases.every((c: { list: number; id: string }) => c.list !== 11 && !c.id.startsWith("A"))).toBe(true);
    expect(report.cases.filter((c: { list: number }) => c.list === 6)).toHaveLength(6);
    expect(new Set(report.cases.map((c: { team: string }) => c.team))).toEqual(new Set(["Team A", "Team B", "Team C"]));
    expect(new Set(report.cases.map((c: { worker: string }) => c.worker)).size).toBe(6);
    const audit = new ExcelJS.Workbook();
    await audit.xlsx.readFile(file);
    expect(audit.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual([
      "Case audit",
      "QA compliance",
      "Sample",
    ]);
    const sheet = audit.getWorksheet("Sample")!;
    expect([sheet.getCell("A3").value, sheet.getCell("B3").value]).toEqual(["Seed", 4242]);
    expect(sheet.getCell("B1").value).toBe("lists.xlsx");
  });

  it("the same seed draws the same sample; the text says the seed", async () => {
    const first = JSON.parse((await sample("--json", "--seed", "7")).out).cases;
    const again = JSON.parse((await sample("--json", "--seed", "7")).out).cases;
    expect(again).toEqual(first);
    const other = JSON.parse((await sample("--json", "--seed", "8")).out).cases;
    expect(other).not.toEqual(first);
    const text = await sample("--seed", "7");
    expect(text.out).toMatch(/^Seed 7: --seed 7 draws the same sample from the same lists again\.$/m);
    expect((await sample("--seed", "seven")).err).toMatch(/--seed takes a whole number/);
  });

  it("leaves out children a previous audit shows completed in the last months", async () => {
    const previous = path.join(tempDir(), "previous.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Case audit");
    sheet.addRow([
      "Case",
      "Child Unique ID",
      "From list",
      "Auditor",
      "Due date",
      "Grade",
      "Themes",
      "Follow-up",
      "Completed",
    ]);
    for (let i = 0; i < 25; i++)
      sheet.addRow([String(i + 1), `N${i}`, "List 6", "M", null, null, null, null, d(1, 9, 2026)]);
    // Audited over a year ago: may be drawn again.
    for (let i = 0; i < 30; i++)
      sheet.addRow([String(i + 26), `C${i}`, "List 8", "M", null, null, null, null, d(1, 9, 2025)]);
    await workbook.xlsx.writeFile(previous);
    const { code, out } = await sample("--json", "--seed", "3", "--previous", previous, "--months", "6");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.leftOut).toEqual({ children: 25, since: "25/05/2026" });
    const fromCin = report.cases.filter((c: { list: number }) => c.list === 6).map((c: { id: string }) => c.id);
    expect(fromCin.every((id: string) => Number(id.slice(1)) >= 25)).toBe(true);
    expect(report.cases).toHaveLength(12);
    expect((await sample("--months", "3")).err).toMatch(/--months goes with --previous/);
  });
});

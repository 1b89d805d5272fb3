import { copyFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { packPlan } from "../support/packFixture";
import { runCli } from "../support/runCli";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

/** Seed 003's county: twelve district management teams, each with its own improvement plan. */
const DISTRICTS = [
  "Ashford",
  "Canterbury",
  "Dartford",
  "Dover",
  "Gravesham",
  "Maidstone",
  "Sevenoaks",
  "Shepway",
  "Swale",
  "Thanet",
  "Tonbridge and Malling",
  "Tunbridge Wells",
];
const STATUSES = ["Blue", "Complete – awaiting sign-off", "Green", "Amber", "Red", "Not started"];
const RAG_COLUMN = 7; // G: Ref, Judgement, Criterion, Action, Lead, Due date, RAG, …

/** Each district's RAG cells: a different mix for each, some left blank. */
function ragsFor(d: number, rows: number): (string | null)[] {
  return Array.from({ length: rows }, (_, r) => ((r + d) % 8 === 7 ? null : STATUSES[(r * (d + 1) + d) % 6]!));
}

async function setRags(file: string, rags: readonly (string | null)[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("Action plan")!;
  rags.forEach((rag, i) => {
    sheet.getCell(i + 2, RAG_COLUMN).value = rag;
  });
  await workbook.xlsx.writeFile(file);
}

/** A plan made by `new`, copied for every district and given each district's ratings with ExcelJS. */
async function countyFolder(dir: string): Promise<{ folder: string; rags: Map<string, (string | null)[]> }> {
  const template = path.join(dir, "template.xlsx");
  const made = await runCli([
    "new",
    "--framework",
    "improvement-programme",
    "--kind",
    "action-plan",
    "--out",
    template,
  ]);
  expect(made.code).toBe(0);
  const rows = (await actionRows(template)) - 1;
  const folder = path.join(dir, "districts");
  require("node:fs").mkdirSync(folder);
  const rags = new Map<string, (string | null)[]>();
  for (const [d, name] of DISTRICTS.entries()) {
    const file = path.join(folder, `${name}.xlsx`);
    copyFileSync(template, file);
    const mine = ragsFor(d, rows);
    await setRags(file, mine);
    rags.set(name, mine);
  }
  return { folder, rags };
}

async function actionRows(file: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.getWorksheet("Action plan")!.actualRowCount;
}

function tally(rags: readonly (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries([...STATUSES, "No status"].map((s) => [s, 0]));
  for (const rag of rags) counts[rag ?? "No status"]!++;
  return counts;
}

describe("inspection-ready rollup", () => {
  it("rolls up a folder of 12 district plans, names the corrupt file on stderr with exit 1, and rolls up the rest", async () => {
    const dir = tempDir();
    const { folder, rags } = await countyFolder(dir);
    // Thanet's file is damaged; Excel's lock file for Swale is open beside it.
    writeFileSync(path.join(folder, "Thanet.xlsx"), "PK\u0003\u0004 this is not a workbook any more");
    writeFileSync(path.join(folder, "~$Swale.xlsx"), "lock");
    const out = path.join(dir, "county.xlsx");

    const result = await runCli(["rollup", folder, "--out", out, "--as-of", "25/11/2026", "--json"]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${path.join(folder, "Thanet.xlsx")} was not rolled up`);
    expect(result.err).not.toContain("~$Swale");
    const json = JSON.parse(result.out);
    expect(json.framework).toMatchObject({ id: "improvement-programme", version: "2010.10" });
    const rolled = DISTRICTS.filter((d) => d !== "Thanet");
    expect(json.districts.map((d: { name: string }) => d.name)).toEqual(rolled);
    for (const d of json.districts) {
      expect([d.name, d.counts]).toEqual([d.name, tally(rags.get(d.name)!)]);
      expect(d.file).toBe(path.join(folder, `${d.name}.xlsx`));
      expect(d.direction).toBeNull();
      expect(typeof d.exceptions).toBe("number");
    }
    // The totals are the districts' sums, status by status, and every action is counted once.
    for (const status of [...STATUSES, "No status"]) {
      const sum = json.districts.reduce((n: number, d: { counts: Record<string, number> }) => n + d.counts[status]!, 0);
      expect([status, json.totals[status]]).toEqual([status, sum]);
    }
    const actions = rolled.reduce((n, name) => n + rags.get(name)!.length, 0);
    expect(Object.values(json.totals as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(actions);
    expect(json.unreadable.map((u: { file: string }) => u.file)).toEqual([path.join(folder, "Thanet.xlsx")]);

    // The county workbook: the marking in its name and on every page, the snapshot hidden.
    expect(json.out).toBe(path.join(dir, "county OFFICIAL-SENSITIVE.xlsx"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(json.out);
    const sheets = workbook.worksheets.map((s) => [s.name, s.state]);
    expect(sheets).toEqual([
      ["County roll-up", "visible"],
      ["Districts", "visible"],
      ["By judgement", "visible"],
      ["Exceptions", "visible"],
      ["Direction of travel", "visible"],
      ["Roll-up snapshot", "veryHidden"],
    ]);
    for (const sheet of workbook.worksheets.filter((s) => s.state === "visible")) {
      expect(sheet.pageSetup.orientation).toBe("landscape");
      expect(sheet.headerFooter.oddHeader).toContain("OFFICIAL-SENSITIVE");
      expect(sheet.headerFooter.oddFooter).toContain("OFFICIAL-SENSITIVE");
    }
    const cover = workbook.getWorksheet("County roll-up")!;
    const coverText: string[] = [];
    cover.eachRow((row) => row.eachCell((cell) => coverText.push(String(cell.value))));
    expect(coverText.join("\n")).toContain("Thanet.xlsx: it is not a readable .xlsx workbook");
    // The Districts sheet's total row, read from the file, is the JSON's totals.
    const districtsSheet = workbook.getWorksheet("Districts")!;
    let totalRow: ExcelJS.Row | undefined;
    districtsSheet.eachRow((row) => {
      if (row.getCell(1).value === "County total") totalRow = row;
    });
    expect(totalRow).toBeDefined();
    expect(STATUSES.map((_, i) => totalRow!.getCell(i + 2).value)).toEqual(STATUSES.map((s) => json.totals[s]));
  }, 120_000);

  it("rolls up a district whose workbook uses the 1904 date system as it would the same plan in the 1900 one", async () => {
    const dir = tempDir();
    const [plan1900, plan1904] = [await packPlan(dir, "north.xlsx"), await packPlan(dir, "south.xlsx")];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(plan1904);
    workbook.properties.date1904 = true; // the same dates, stored as a Mac workbook counts them
    await workbook.xlsx.writeFile(plan1904);
    const out = path.join(dir, "county.xlsx");
    const made = await runCli(["rollup", plan1900, plan1904, "--out", out, "--as-of", "25/11/2026", "--json"]);
    expect({ code: made.code, err: made.err }).toEqual({ code: 0, err: "" });
    const county = new ExcelJS.Workbook();
    await county.xlsx.readFile(JSON.parse(made.out).out);
    // Each district's row of the Exceptions sheet's counts reads the same.
    const rowsOf = (district: string) => {
      const rows: string[] = [];
      county.eachSheet((sheet) =>
        sheet.eachRow((row) => {
          const cells = (row.values as unknown[])
            .slice(1)
            .map((v) => (v instanceof Date ? v.toISOString() : String(v)));
          if (cells.includes(district)) rows.push(`${sheet.name}: ${cells.filter((c) => c !== district).join("|")}`);
        }),
      );
      return rows;
    };
    expect(rowsOf("north").length).toBeGreaterThan(2);
    expect(rowsOf("south")).toEqual(rowsOf("north"));
  });

  it("compares each district with the previous roll-up given as --previous", async () => {
    const dir = tempDir();
    const { folder, rags } = await countyFolder(dir);
    const october = path.join(dir, "county-october OFFICIAL-SENSITIVE.xlsx");
    const first = await runCli(["rollup", folder, "--out", october, "--as-of", "28/10/2026"]);
    expect(first.code).toBe(0);

    // Since October Ashford's first action went from Blue to Red (worse) and its second from awaiting
    // sign-off to Blue (improved); nothing else changed.
    const ashford = [...rags.get("Ashford")!];
    expect(ashford.slice(0, 2)).toEqual(["Blue", "Complete – awaiting sign-off"]);
    ashford[0] = "Red";
    ashford[1] = "Blue";
    await setRags(path.join(folder, "Ashford.xlsx"), ashford);
    // The last roll-up put in the same folder is left out as a district.
    copyFileSync(october, path.join(folder, "county-october.xlsx"));

    const out = path.join(dir, "county-november OFFICIAL-SENSITIVE.xlsx");
    const result = await runCli(["rollup", folder, "--out", out, "--previous", october, "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.earlierRollUps).toEqual([path.join(folder, "county-october.xlsx")]);
    const byName = Object.fromEntries(
      json.districts.map((d: { name: string; direction: unknown }) => [d.name, d.direction]),
    );
    const unchangedWithStatus = ashford.slice(2).filter((r) => r !== null).length;
    expect(unchangedWithStatus).toBeGreaterThan(0);
    expect(byName.Ashford).toEqual({
      improved: 1,
      same: unchangedWithStatus,
      worse: 1,
      new: 0,
      against: "roll-up",
      asOf: "28/10/2026",
    });
    const dover = rags.get("Dover")!;
    expect(byName.Dover).toMatchObject({ improved: 0, worse: 0, same: dover.filter((r) => r !== null).length });
  }, 120_000);

  it("refuses plans of different frameworks with exit 2, naming each file, and writes nothing", async () => {
    const dir = tempDir();
    const a = path.join(dir, "Ashford.xlsx");
    const b = path.join(dir, "Dover.xlsx");
    expect(
      (await runCli(["new", "--framework", "improvement-programme", "--kind", "action-plan", "--out", a])).code,
    ).toBe(0);
    expect((await runCli(["new", "--framework", "ofsted-ilacs-2026", "--kind", "action-plan", "--out", b])).code).toBe(
      0,
    );
    const out = path.join(dir, "county.xlsx");
    const result = await runCli(["rollup", a, b, "--out", out, "--marking", "OFFICIAL"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${a}: improvement-programme, version 2010.10`);
    expect(result.err).toContain(`${b}: ofsted-ilacs-2026, version 2026.4`);
    expect(readdirSync(dir).sort()).toEqual(["Ashford.xlsx", "Dover.xlsx"]);
    expect(existsSync(path.join(dir, "county OFFICIAL.xlsx"))).toBe(false);
  }, 60_000);

  it("keeps an existing --out unless --force is given", async () => {
    const dir = tempDir();
    const a = path.join(dir, "Ashford.xlsx");
    expect(
      (await runCli(["new", "--framework", "improvement-programme", "--kind", "action-plan", "--out", a])).code,
    ).toBe(0);
    const out = path.join(dir, "county OFFICIAL-SENSITIVE.xlsx");
    writeFileSync(out, "mine");
    const refused = await runCli(["rollup", a, "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("already exists");
    expect((await runCli(["rollup", a, "--out", out, "--force"])).code).toBe(0);
  }, 60_000);
});

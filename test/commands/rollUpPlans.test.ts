import { packSnapshotSheet } from "../../src/commands/packSnapshot";
import {
  readRollUpSnapshot,
  rollUpPatch,
  rollUpPlans,
  RollUpError,
  ROLLUP_SNAPSHOT_SHEET,
  type DistrictFile,
  type RollUpOptions,
} from "../../src/commands/rollUpPlans";
import { trackedActions } from "../../src/commands/trackedActions";
import { serialFromYmd } from "../../src/domain/dates";
import { findFramework } from "../../src/domain/frameworks";
import { defaultRagVocabulary } from "../../src/domain/rag";
import { writeMetadataOps, type PlanRecord } from "../../src/sheets/metadata";
import { readPlans } from "../../src/sheets/planTables";
import { layOutReportSheet } from "../../src/sheets/reportSheet";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import type { CellInput, WorkbookSnapshot } from "../../src/workbook/types";

const AS_OF = serialFromYmd(2026, 11, 25);
const HEADERS = ["Ref", "Area", "Action", "District or team", "Lead", "Due date", "RAG", "Last updated"];
const COLUMNS = {
  ref: "Ref",
  area: "Area",
  action: "Action",
  district: "District or team",
  lead: "Lead",
  due: "Due date",
  rag: "RAG",
  updated: "Last updated",
};

interface Row {
  ref: string;
  action: string;
  rag: string | null;
  district?: string | null;
  area?: string;
  due?: number;
  updated?: number;
}

/** A district's plan as a workbook the product made: an action plan table and its record in the metadata. */
function districtWorkbook(
  rows: readonly Row[],
  framework: { id: string; version: string } | null = { id: "improvement-programme", version: "2010.10" },
): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  const values: CellInput[][] = [
    HEADERS,
    ...rows.map((r) => [
      r.ref,
      r.area ?? "Capacity",
      r.action,
      r.district ?? null,
      "District manager",
      r.due ?? AS_OF + 30,
      r.rag,
      r.updated ?? AS_OF - 3,
    ]),
  ];
  workbook.applySync({
    description: "a district's plan",
    ops: [
      { op: "addSheet", sheet: "Action plan" },
      { op: "writeValues", sheet: "Action plan", row: 0, col: 0, values },
      {
        op: "addTable",
        sheet: "Action plan",
        name: "ActionPlan",
        range: { top: 0, left: 0, bottom: rows.length, right: HEADERS.length - 1 },
        style: "TableStyleMedium2",
      },
    ],
  });
  const record: PlanRecord = {
    kind: "action-plan",
    sheet: "Action plan",
    table: "ActionPlan",
    createdAt: "2026-09-20T09:00:00Z",
    columns: COLUMNS,
    ...(framework ? { frameworkId: framework.id, frameworkVersion: framework.version } : {}),
  };
  workbook.applySync({
    description: "metadata",
    ops: writeMetadataOps(workbook.snapshot(), { schemaVersion: 1, plans: [record] }),
  });
  return workbook;
}

const district = (file: string, rows: readonly Row[], framework?: { id: string; version: string } | null) => ({
  file,
  snapshot: districtWorkbook(rows, framework).snapshot(),
});

const options = (extra: Partial<RollUpOptions> = {}): RollUpOptions => ({
  asOf: AS_OF,
  previous: null,
  resolve: findFramework,
  ...extra,
});

/** The workbook a roll-up is written as, so what it kept of itself is read back as the next run would. */
function written(sheets: ReturnType<typeof rollUpPlans>): WorkbookSnapshot {
  const workbook = new MemoryWorkbook();
  workbook.applySync(rollUpPatch(sheets, { title: sheets.title, date: "25/11/2026", marking: "OFFICIAL" }));
  return workbook.snapshot();
}

const STATUSES = ["Blue", "Complete – awaiting sign-off", "Green", "Amber", "Red", "Not started"];

/** Rows with statuses from a list, including ones that are no status of the scale (blank, "Purple"). */
function rowsOf(rags: readonly (string | null)[], districtName: string | null = null): Row[] {
  return rags.map((rag, i) => ({ ref: `CAP-${i + 1}`, action: `Action ${i + 1}`, rag, district: districtName }));
}

describe("rollUpPlans", () => {
  const plans: Record<string, (string | null)[]> = {
    "Ashford.xlsx": ["Green", "Green", "Red", "Amber", null, "Blue", "Purple"],
    "Canterbury.xlsx": ["Red", "Red", "Not started", "Complete – awaiting sign-off"],
    "Dover.xlsx": ["Blue", "Blue", "Blue", "Amber", "Green", "g"],
  };
  const inputs: DistrictFile[] = Object.entries(plans).map(([file, rags]) => district(file, rowsOf(rags)));

  it("counts each district's actions by status, every action once, and the totals are the districts' sums status by status", () => {
    const rollUp = rollUpPlans(inputs, options());
    expect(rollUp.districts.map((d) => d.name)).toEqual(["Ashford", "Canterbury", "Dover"]);
    for (const [i, rags] of Object.values(plans).entries()) {
      const counts = rollUp.districts[i]!.counts;
      // Tallied from the input here: a status of the scale counts as itself ("g" is read as Green), anything else as No status.
      const expected: Record<string, number> = Object.fromEntries([...STATUSES, "No status"].map((s) => [s, 0]));
      for (const rag of rags) {
        const label = rag === "g" ? "Green" : rag !== null && STATUSES.includes(rag) ? rag : "No status";
        expected[label]!++;
      }
      expect(counts).toEqual(expected);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rags.length);
    }
    for (const status of [...STATUSES, "No status"]) {
      expect(rollUp.totals[status]).toBe(rollUp.districts.reduce((n, d) => n + d.counts[status]!, 0));
    }
    expect(Object.values(rollUp.totals).reduce((a, b) => a + b, 0)).toBe(
      Object.values(plans).reduce((n, r) => n + r.length, 0),
    );
    expect(rollUp.framework).toMatchObject({ id: "improvement-programme", version: "2010.10" });
  });

  it("writes the county totals on the Districts sheet as the sum of the district rows", () => {
    const rollUp = rollUpPlans(inputs, options());
    const table = rollUp.sheets.find((s) => s.name === "Districts")!.tables[0]!;
    const statusColumns = table.columns.map((c, i) => [c.header, i] as const).filter(([h]) => h !== "District");
    const total = table.rows[table.rows.length - 1]!;
    expect(total[0]).toBe("County total");
    for (const [header, i] of statusColumns) {
      if (table.columns[i]!.kind !== "count") continue;
      const sum = table.rows.slice(0, -1).reduce((n, row) => n + (row[i] as number), 0);
      expect([header, total[i]]).toEqual([header, sum]);
    }
  });

  it("counts each judgement by district, and every action is in exactly one judgement", () => {
    const rollUp = rollUpPlans(inputs, options());
    const sheet = rollUp.sheets.find((s) => s.name === "By judgement")!;
    const county = sheet.tables[0]!;
    const totalColumn = county.columns.findIndex((c) => c.header === "Total");
    const countyTotal = county.rows[county.rows.length - 1]![totalColumn];
    expect(countyTotal).toBe(17);
    // Each judgement's own table: its districts' totals add up to the county row for that judgement.
    for (const table of sheet.tables.slice(1)) {
      const row = county.rows.find((r) => r[0] === table.heading)!;
      const perDistrict = table.rows.slice(0, -1).reduce((n, r) => n + (r[totalColumn] as number), 0);
      expect([table.heading, perDistrict]).toEqual([table.heading, row[totalColumn]]);
    }
  });

  it("names a district from its District column where every action agrees, else from its file", () => {
    const rollUp = rollUpPlans(
      [
        district("plans/dist-07.xlsx", rowsOf(["Green", "Red"], "Swale")),
        district("plans/dist-08.xlsx", [
          { ref: "A", action: "One", rag: "Green", district: "Thanet" },
          { ref: "B", action: "Two", rag: "Green", district: "Dover" },
        ]),
        district("plans\\dist-09.xlsx", [
          { ref: "A", action: "One", rag: "Green", district: "Shepway" },
          { ref: "B", action: "Two", rag: "Green", district: null },
        ]),
      ],
      options(),
    );
    expect(rollUp.districts.map((d) => d.name)).toEqual(["Swale", "dist-08", "dist-09"]);
  });

  it("refuses plans of different frameworks or versions, naming each file and its framework and version", () => {
    const mixed = [
      district("Ashford.xlsx", rowsOf(["Green"])),
      district("Dover.xlsx", rowsOf(["Red"]), { id: "ofsted-ilacs-2026", version: "2026.4" }),
      district("Swale.xlsx", rowsOf(["Amber"]), { id: "improvement-programme", version: "2009.1" }),
      district("Thanet.xlsx", rowsOf(["Amber"]), null),
    ];
    let error: unknown;
    try {
      rollUpPlans(mixed, options());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RollUpError);
    const message = (error as Error).message;
    expect(message).toContain("Ashford.xlsx: improvement-programme, version 2010.10");
    expect(message).toContain("Dover.xlsx: ofsted-ilacs-2026, version 2026.4");
    expect(message).toContain("Swale.xlsx: improvement-programme, version 2009.1");
    expect(message).toContain("Thanet.xlsx: no framework");
  });

  it("leaves out a workbook with no action plan, saying why, and rolls up the rest", () => {
    const empty = MemoryWorkbook.withSheets("Sheet1").snapshot();
    const rollUp = rollUpPlans([inputs[0]!, { file: "notes.xlsx", snapshot: empty }, inputs[1]!], options());
    expect(rollUp.districts.map((d) => d.file)).toEqual(["Ashford.xlsx", "Canterbury.xlsx"]);
    expect(rollUp.unreadable).toEqual([{ file: "notes.xlsx", reason: expect.stringMatching(/no action plan/) }]);
  });

  it("counts the actions with exceptions: Red, overdue, not updated in 30 days", () => {
    const rollUp = rollUpPlans(
      [
        district("Ashford.xlsx", [
          { ref: "1", action: "Red one", rag: "Red" },
          { ref: "2", action: "Overdue", rag: "Green", due: AS_OF - 1 },
          { ref: "3", action: "Stale", rag: "Amber", updated: AS_OF - 40 },
          { ref: "4", action: "Fine", rag: "Green" },
          { ref: "5", action: "Red and overdue", rag: "Red", due: AS_OF - 10 },
        ]),
      ],
      options(),
    );
    expect(rollUp.districts[0]!.exceptions).toBe(4);
    // By kind: Red 2, overdue 2, no update 1, awaiting sign-off 0; 4 actions in all, and the county's the same.
    const table = rollUp.sheets.find((s) => s.name === "Exceptions")!.tables[0]!;
    expect(table.rows).toEqual([
      ["Ashford", 2, 2, 1, 0, 4],
      ["County total", 2, 2, 1, 0, 4],
    ]);
  });

  describe("direction of travel", () => {
    const before = {
      "Ashford.xlsx": rowsOf(["Red", "Green", "Amber", "Amber"], "Ashford"),
      "Dover.xlsx": rowsOf(["Amber", "Amber"], "Dover"),
    };
    const first = rollUpPlans(
      Object.entries(before).map(([file, rows]) => district(file, rows)),
      options({ asOf: AS_OF - 28 }),
    );
    const previous = readRollUpSnapshot(written(first), "county-october.xlsx")!;

    it("keeps a hidden record of itself that reads back with every district's actions", () => {
      const sheet = first.sheets.find((s) => s.name === ROLLUP_SNAPSHOT_SHEET)!;
      expect(sheet.visibility).toBe("veryHidden");
      expect(previous.asOf).toBe(AS_OF - 28);
      expect(previous.frameworkId).toBe("improvement-programme");
      expect(previous.actions.size).toBe(6);
      expect([...previous.groups.keys()]).toEqual(["Ashford", "Dover"]);
    });

    it("compares each district with itself in the previous roll-up: improved, same, worse and new counted", () => {
      const now = {
        // Red → Green improved, Green → Red worse, Amber → Amber same, Amber → Blue improved, one new action.
        "Ashford-november.xlsx": [
          ...rowsOf(["Green", "Red", "Amber", "Blue"], "Ashford"),
          { ref: "CAP-9", action: "A new action", rag: "Green", district: "Ashford" },
        ],
        // Dover's file was renamed, but its District column names it: Amber → Red worse, Amber → Amber same.
        "dover-v2.xlsx": rowsOf(["Red", "Amber"], "Dover"),
        // A district that was not in the last roll-up has nothing to compare with.
        "Swale.xlsx": rowsOf(["Green"], "Swale"),
      };
      const rollUp = rollUpPlans(
        Object.entries(now).map(([file, rows]) => district(file, rows)),
        options({ previous, previousName: "county-october.xlsx" }),
      );
      const byName = Object.fromEntries(rollUp.districts.map((d) => [d.name, d.direction]));
      expect(byName.Ashford).toEqual({
        improved: 2,
        same: 1,
        worse: 1,
        new: 1,
        against: "roll-up",
        asOf: "28/10/2026",
      });
      expect(byName.Dover).toEqual({ improved: 0, same: 1, worse: 1, new: 0, against: "roll-up", asOf: "28/10/2026" });
      expect(byName.Swale).toBeNull();
      const sheet = rollUp.sheets.find((s) => s.name === "Direction of travel")!;
      expect(sheet.tables[0]!.rows.find((r) => r[0] === "Swale")![1]).toBe("Not in the last roll-up");
    });

    it("without a previous roll-up, compares a district with a pack kept in its own workbook, else gives none", () => {
      const rows = rowsOf(["Red", "Green"], "Ashford");
      const workbook = districtWorkbook(rows);
      const plan = readPlans(workbook.snapshot()).first("action-plan")!;
      const packActions = trackedActions(plan, defaultRagVocabulary, findFramework("improvement-programme"));
      workbook.applySync({
        description: "a pack kept in the workbook",
        ops: layOutReportSheet(packSnapshotSheet(AS_OF - 14, "improvement-programme", packActions, []), {
          title: "Pack",
          date: "11/11/2026",
        }),
      });
      // Since that pack: Red → Amber improved, Green → Green same.
      const now = districtWorkbook(rowsOf(["Amber", "Green"], "Ashford"));
      const withPack = workbook.snapshot();
      const nowSnapshot = now.snapshot();
      nowSnapshot.sheets.push(withPack.sheets.find((s) => s.name === "Pack snapshot")!);
      const rollUp = rollUpPlans(
        [{ file: "Ashford.xlsx", snapshot: nowSnapshot }, district("Dover.xlsx", rowsOf(["Green"], "Dover"))],
        options(),
      );
      expect(rollUp.districts[0]!.direction).toEqual({
        improved: 1,
        same: 1,
        worse: 0,
        new: 0,
        against: "pack",
        asOf: "11/11/2026",
      });
      expect(rollUp.districts[1]!.direction).toBeNull();
    });

    it("refuses a previous roll-up of another framework", () => {
      expect(() =>
        rollUpPlans(
          [district("Ashford.xlsx", rowsOf(["Red"]), { id: "ofsted-ilacs-2026", version: "2026.4" })],
          options({ previous }),
        ),
      ).toThrow(/previous roll-up was of improvement-programme/);
    });
  });
});

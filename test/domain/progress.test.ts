import { actionDirection, directionCounts, scoreDirection } from "../../src/domain/progress/direction";
import { exceptionsOf } from "../../src/domain/progress/exceptions";
import { addCounts, countByStatus, NO_STATUS, percentageOf } from "../../src/domain/progress/statusCounts";
import { suppressTable, SUPPRESSED_TEXT } from "../../src/domain/progress/suppression";
import { actionKey, uniqueKeys, type TrackedAction } from "../../src/domain/progress/trackedAction";
import { serialFromYmd } from "../../src/domain/dates";
import { defaultRagVocabulary } from "../../src/domain/rag";
import { csvField, csvText } from "../../src/workbook/csv/csvText";

const asOf = serialFromYmd(2026, 11, 25);

function action(over: Partial<TrackedAction>): TrackedAction {
  return {
    key: "k",
    ref: "LE-01",
    action: "Audit",
    group: "Leaders",
    district: null,
    lead: null,
    update: null,
    due: null,
    updated: null,
    status: "Green",
    concept: "on-track",
    cell: "Action plan!G2",
    ...over,
  };
}

describe("exceptions", () => {
  it("finds Red, overdue, stale and long-awaiting actions, and none on an action in good order", () => {
    expect(exceptionsOf(action({ status: "Red", concept: "off-track" }), asOf).map((e) => e.kind)).toEqual([
      "off-track",
    ]);
    expect(exceptionsOf(action({ due: asOf - 1 }), asOf).map((e) => e.detail)).toEqual(["Due 24/11/2026, 1 day ago"]);
    expect(exceptionsOf(action({ updated: asOf - 31 }), asOf).map((e) => e.kind)).toEqual(["no-update"]);
    expect(exceptionsOf(action({ updated: asOf - 30 }), asOf)).toEqual([]);
    const waiting = action({
      status: "Complete – awaiting sign-off",
      concept: "awaiting-sign-off",
      updated: asOf - 15,
    });
    expect(exceptionsOf(waiting, asOf).map((e) => e.kind)).toEqual(["awaiting-sign-off"]);
    expect(exceptionsOf(action({ due: asOf, updated: asOf - 3 }), asOf)).toEqual([]);
  });

  it("never calls a complete action overdue, nor a not-started one stale", () => {
    expect(
      exceptionsOf(action({ status: "Blue", concept: "complete", due: asOf - 50, updated: asOf - 90 }), asOf),
    ).toEqual([]);
    expect(exceptionsOf(action({ status: "Not started", concept: "not-started", updated: asOf - 90 }), asOf)).toEqual(
      [],
    );
  });
});

describe("RAG counts", () => {
  it("counts every action once, blank and unknown statuses under No status", () => {
    const actions = [
      action({ status: "Green" }),
      action({ status: "Red", concept: "off-track" }),
      action({ status: null, concept: null }),
      action({ status: "Purple", concept: null }),
    ];
    const counts = countByStatus(actions, defaultRagVocabulary);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(actions.length);
    expect(counts).toMatchObject({ Green: 1, Red: 1, [NO_STATUS]: 2, Blue: 0 });
  });

  it("leaves Not started out of the percentages and keeps complete apart", () => {
    const counts = { ...countByStatus([], defaultRagVocabulary), Blue: 1, Green: 2, Red: 1, "Not started": 6 };
    expect(percentageOf("Blue", counts, defaultRagVocabulary)).toBe(25);
    expect(percentageOf("Green", counts, defaultRagVocabulary)).toBe(50);
    expect(percentageOf("Not started", counts, defaultRagVocabulary)).toBeNull();
  });

  it("adds districts' counts status by status", () => {
    expect(
      addCounts([
        { Red: 1, Green: 2 },
        { Red: 3, Blue: 1 },
      ]),
    ).toEqual({ Red: 4, Green: 2, Blue: 1 });
  });
});

describe("direction of travel", () => {
  it("reads Red → Green as improved, Green → Red and Not started → Amber as worse", () => {
    expect(actionDirection("off-track", "on-track")).toBe("improved");
    expect(actionDirection("on-track", "off-track")).toBe("worse");
    expect(actionDirection("not-started", "at-risk")).toBe("worse");
    expect(actionDirection("awaiting-sign-off", "complete")).toBe("improved");
    expect(actionDirection("on-track", "on-track")).toBe("same");
    expect(actionDirection(null, "on-track")).toBeNull();
    expect(directionCounts(["improved", "worse", null, "improved"])).toEqual({ improved: 2, same: 0, worse: 1 });
  });

  it("calls scores equal to 2 decimal places the same", () => {
    expect(scoreDirection(2.5, 2.504)).toBe("same");
    expect(scoreDirection(2.5, 2.57)).toBe("improved");
    expect(scoreDirection(null, 2)).toBeNull();
  });

  it("keys actions by ref and words, and tells identical rows apart", () => {
    expect(actionKey("LE-01", "Audit  the Front Door!")).toBe(actionKey("le-01", "audit the front door"));
    const keys = uniqueKeys([{ key: "a" }, { key: "a" }, { key: "b" }]).map((a) => a.key);
    expect(keys).toEqual(["a", "a#2", "b"]);
  });
});

describe("small-number suppression", () => {
  const shownOf = (body: number[][]) => suppressTable(body).shown;

  it("shows 0 and counts over 5, hides 1 to 5", () => {
    const { shown } = suppressTable([[0], [6], [1], [5], [40]]);
    expect(shown.map((r) => r[0])).toEqual([0, 6, SUPPRESSED_TEXT, SUPPRESSED_TEXT, 40, 52]);
  });

  it("hides a second count where a total would reveal a single hidden one", () => {
    // One small count in a column with its total: the next smallest is hidden too.
    const column = shownOf([[3], [20], [12]]).map((r) => r[0]);
    expect(column).toEqual([SUPPRESSED_TEXT, 20, SUPPRESSED_TEXT, 35]);
    // No line (row or column, totals included) ever has exactly one hidden cell.
    const grid = shownOf([
      [2, 10, 7],
      [9, 8, 30],
      [11, 14, 12],
    ]);
    const lines = [...grid, ...grid[0]!.map((_, c) => grid.map((row) => row[c]))];
    for (const line of lines) expect(line.filter((v) => v === SUPPRESSED_TEXT).length).not.toBe(1);
  });

  it("counts every hidden cell", () => {
    expect(suppressTable([[3], [20], [12]]).suppressed).toBe(2);
    expect(suppressTable([[30], [20]]).suppressed).toBe(0);
  });
});

describe("CSV", () => {
  it.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["\rCR", '"\'\rCR"'],
    ["plain, with comma", '"plain, with comma"'],
    ["Requires improvement", "Requires improvement"],
  ])("makes %j safe as %j", (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it("starts with a byte-order mark and ends lines as Excel expects", () => {
    expect(csvText([["a", "≤5"]])).toBe("\uFEFFa,≤5\r\n");
  });
});

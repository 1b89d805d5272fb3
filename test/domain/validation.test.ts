import { serialFromYmd } from "../../src/domain/dates";
import { amberGreenVocabulary, defaultRagVocabulary } from "../../src/domain/rag";
import { PlanRow, type CellValue, type RowField, type RowLayout } from "../../src/domain/validation/planRow";
import type { PlanKind } from "../../src/domain/plan";
import { RULES, checkRow, checksText, rulesFor, type RuleContext } from "../../src/domain/validation/rules";

const today = serialFromYmd(2026, 11, 25);
const COLUMNS: Record<RowField, string> = {
  ref: "A",
  criterion: "C",
  action: "D",
  item: "D",
  lead: "E",
  due: "F",
  rag: "G",
  status: "G",
  progress: "H",
  evidence: "I",
  measure: "K",
  updated: "J",
  completed: "L",
};

function row(values: Partial<Record<RowField, CellValue>>, extra: CellValue[] = []): PlanRow {
  // Each field in its own column (in the order given), then any extra managed cells.
  const fields = Object.keys(values) as RowField[];
  const cells: CellValue[] = [...fields.map((f) => values[f] ?? null), ...extra];
  const layout: RowLayout = {
    columns: Object.fromEntries(fields.map((f, i) => [f, i])),
    letters: Object.fromEntries(fields.map((f) => [f, COLUMNS[f]])),
    managed: cells.map((_, i) => ({ col: i, letters: i < fields.length ? COLUMNS[fields[i]!] : `Z${i}` })),
  };
  return new PlanRow("Action plan", 5, cells, layout);
}

const context = (overrides: Partial<RuleContext> = {}): RuleContext => ({
  asOf: today,
  staleDays: 30,
  vocabulary: defaultRagVocabulary,
  knownRefs: new Set(["hp-01", "le-01"]),
  duplicateRefs: new Set(),
  ...overrides,
});

const full = {
  ref: "HP-01",
  action: "Audit",
  lead: "AD",
  due: today + 10,
  rag: "Green",
  progress: "Going well",
  evidence: "Audit report",
  updated: today - 2,
};

function fired(
  kind: PlanKind,
  values: Partial<Record<RowField, CellValue>>,
  ctx = context(),
  extra: CellValue[] = [],
): string[] {
  return checkRow(row(values, extra), rulesFor(kind, Object.keys(values) as RowField[]), ctx).map((f) => f.rule.id);
}

describe("the rule catalogue", () => {
  it("every rule has an id, a severity, a label and a formula", () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z-]+$/);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(rule.label.length).toBeGreaterThan(3);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it("a complete, healthy row has no findings", () => {
    expect(fired("action-plan", full)).toEqual([]);
  });

  it.each<[string, Partial<Record<RowField, CellValue>>, string[]]>([
    ["missing lead", { lead: null }, ["missing-lead"]],
    ["missing lead (spaces only)", { lead: "   " }, ["missing-lead"]],
    ["missing due date", { due: null }, ["missing-due-date"]],
    ["date typed as text", { due: "31/03/2026" }, ["date-as-text"]],
    ["overdue and not complete", { due: today - 1 }, ["overdue"]],
    [
      "overdue, rated Amber with no update",
      { due: today - 1, rag: "Amber", progress: null },
      ["overdue", "at-risk-without-update"],
    ],
    ["Green without evidence", { evidence: null }, ["green-without-evidence"]],
    ["Blue without completion date", { rag: "Blue", updated: null }, ["complete-without-date"]],
    ["Red without an update or measure", { rag: "Red", progress: "" }, ["at-risk-without-update"]],
    ["RAG outside the vocabulary", { rag: "Purple" }, ["rag-not-in-vocabulary"]],
    ["RAG in the wrong case", { rag: "green" }, ["rag-not-in-vocabulary"]],
    ["ref not in the self-evaluation", { ref: "ZZ-9" }, ["unknown-criterion-ref"]],
    ["no update for over 30 days", { updated: today - 31 }, ["no-recent-update"]],
  ])("fires on %s", (_name, change, expected) => {
    expect(fired("action-plan", { ...full, ...change })).toEqual(expected);
  });

  it.each<[string, Partial<Record<RowField, CellValue>>]>([
    ["due today", { due: today }],
    ["overdue but complete", { due: today - 5, rag: "Blue" }],
    ["overdue but complete, awaiting sign-off", { due: today - 5, rag: "Complete – awaiting sign-off" }],
    ["no lead where there is no action yet", { action: null, lead: null, due: null }],
    ["updated exactly 30 days ago", { updated: today - 30 }],
    ["Amber with a measure but no update", { rag: "Amber", progress: null, measure: "Caseloads under 20" }],
    ["a ref in another case", { ref: "hp-01" }],
  ])("does not fire on %s", (_name, change) => {
    expect(fired("action-plan", { ...full, ...change })).toEqual([]);
  });

  it("offers the canonical RAG as a fix", () => {
    const [finding] = checkRow(row({ ...full, rag: "on track" }), rulesFor("action-plan", ["rag"]), context());
    expect(finding!.fix).toEqual({ value: "Green", label: "Change to Green" });
    expect(finding!.message).toBe(
      'Action plan!G5 holds "on track", which is not one of Blue, Complete – awaiting sign-off, Green, Amber, Red, Not started',
    );
  });

  it("reports Excel errors in any managed cell, and no other rule on an errored cell", () => {
    expect(fired("action-plan", { ...full, due: "#REF!" })).toEqual(["excel-error"]);
    expect(fired("action-plan", full, context(), ["#N/A"])).toEqual(["excel-error"]);
  });

  it("duplicate refs count in self-evaluations and evidence trackers, not in action plans", () => {
    const ctx = context({ duplicateRefs: new Set(["hp-01"]) });
    expect(fired("self-evaluation", { ref: "HP-01", rag: "Amber" }, ctx)).toEqual(["duplicate-ref"]);
    expect(fired("action-plan", full, ctx)).toEqual([]);
  });

  it("evidence items need an owner", () => {
    expect(fired("evidence", { ref: "E-01", item: "Annex A list 1", lead: null })).toEqual(["missing-owner"]);
  });

  it("a council's own scale: Amber/Green is neither complete nor at risk", () => {
    const ctx = context({ vocabulary: amberGreenVocabulary });
    expect(fired("action-plan", { ...full, rag: "Amber/Green", due: today - 1 }, ctx)).toEqual(["overdue"]);
    expect(fired("action-plan", { ...full, rag: "Blue" }, ctx)).toEqual(["rag-not-in-vocabulary"]);
  });

  it("the Checks text lists the rules' labels in catalogue order", () => {
    const findings = checkRow(
      row({ ...full, lead: null, due: today - 3 }),
      rulesFor("action-plan", Object.keys(COLUMNS) as RowField[]),
      context(),
    );
    expect(checksText(findings)).toBe("No lead; Overdue");
  });
});

import { COMPLETE_CONCEPTS, type RagStatus } from "../domain/rag";
import type { PlanField } from "../domain/plan";
import { isBlankValue, type PlanRow } from "../domain/validation/planRow";
import {
  checksFormula,
  conceptIn,
  rowChecker,
  RULES,
  rulesFor,
  ukDate,
  type Rule,
  type RuleContext,
  type RuleHit,
  type Severity,
} from "../domain/validation/rules";
import { FINDING_HIGHLIGHT, OVERDUE_HIGHLIGHT } from "../sheets/highlights";
import { writeMetadataOps } from "../sheets/metadata";
import { headerRowFormatOps } from "../sheets/printLayout";
import { readPlans, type PlanTable, type WorkbookPlans } from "../sheets/planTables";
import { cellAddress, columnLetters } from "../workbook/address";
import { cellsBefore } from "../workbook/snapshotCells";
import { dateSystemOf, serial1900, workbookSerial } from "../workbook/serialDates";
import type { CellInput, PatchOp, Scalar, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { UserError } from "../domain/userError";

export class ValidateError extends UserError {}

export interface ValidateOptions {
  /**
   * The day to judge dates against, as a serial of the 1900 date system (todaySerial's; the workbook's
   * own formulas use TODAY()). A workbook in the 1904 system is judged in its own serials.
   */
  asOf: number;
  /** Days without an update before a row is reported; 30 unless the workbook or the caller says. */
  staleDays?: number;
  /** Also plan the in-place checks: a Checks column of formulas and conditional formats. */
  write?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
  fix?: { cell: string; value: Scalar; label: string };
}

export interface RagSuggestion {
  sheet: string;
  cell: string;
  current: Scalar;
  suggested: string;
  reason: string;
}

export interface ValidateReport {
  findings: Finding[];
  summary: { errors: number; warnings: number; info: number };
  plans: { sheet: string; table: string; kind: string; rows: number }[];
  /** RAG ratings the dates suggest, each with its reason; never applied without the user. */
  suggestions: RagSuggestion[];
  /** The Checks text each checked row gets, by sheet and 1-based row: what the workbook's formulas show. */
  checks: { sheet: string; row: number; text: string }[];
}

/** Every sheet; no number formats, which no rule uses (Excel then reads about a quarter less). */
export const validateQuery = { sheets: "all" as const, numberFormats: false as const };

const CHECKS_HEADER = "Checks";

/**
 * Checks every managed plan against the rule catalogue. With `write`, also plans the same checks into
 * the workbook — a Checks column whose formulas state each row's findings in words, and conditional
 * formats — so the workbook keeps checking itself without the add-in, in print and in LibreOffice.
 */
export function validateWorkbook(
  snapshot: WorkbookSnapshot,
  options: ValidateOptions,
  /** The plans, where the caller has read them already from the same snapshot. */
  workbook: WorkbookPlans = readPlans(snapshot),
): { patch: WorkbookPatch; report: ValidateReport } {
  const { metadata } = workbook;
  if (!metadata || metadata.plans.length === 0) {
    throw new ValidateError(
      "This workbook has no Inspection Ready plans to check yet: create plan sheets, or structure a sheet you already have, first",
    );
  }
  const staleDays = options.staleDays ?? metadata.settings?.staleDays ?? 30;
  const system = dateSystemOf(snapshot);
  const asOf = workbookSerial(options.asOf, system);
  const dayZero = serial1900(0, system);
  const { vocabulary, plans } = workbook;
  const selfEvaluation = plans.find((p) => p.kind === "self-evaluation");
  const knownRefs = selfEvaluation ? refsOf(selfEvaluation) : null;
  const knownRefsSource = selfEvaluation?.columnReference("ref") ?? null;

  const report: ValidateReport = {
    findings: [],
    summary: { errors: 0, warnings: 0, info: 0 },
    plans: [],
    suggestions: [],
    checks: [],
  };
  const ops: PatchOp[] = [];
  let records = metadata.plans;
  for (const gone of workbook.missing) {
    report.findings.push({
      rule: "missing-table",
      severity: "error",
      sheet: gone.record.sheet,
      cell: "A1",
      message: gone.message,
    });
  }

  for (const plan of plans) {
    const rules = rulesFor(plan.kind, Object.keys(plan.columns) as PlanField[]);
    const rows = plan.rows();
    const context: RuleContext = {
      asOf,
      dayZero,
      staleDays,
      vocabulary,
      knownRefs,
      // Only self-evaluations and evidence trackers have unique refs to check.
      duplicateRefs: rules.some((r) => r.id === "duplicate-ref") ? duplicates(rows) : new Set(),
    };
    report.plans.push({ sheet: plan.table.sheet, table: plan.table.name, kind: plan.kind, rows: rows.length });
    const sheet = plan.table.sheet;
    let labels: string[] = [];
    const record = (hit: RuleHit, rule: Rule, row: PlanRow) => {
      const cell = hit.address ?? row.address(hit.field);
      const reported: Finding = { rule: rule.id, severity: rule.severity, sheet, cell, message: hit.message };
      if (hit.fix) reported.fix = { cell, value: hit.fix.value, label: hit.fix.label };
      report.findings.push(reported);
      if (options.write) labels.push(rule.label);
    };
    const suggest = plan.kind === "action-plan" ? suggesterFor(context) : null;
    const check = rowChecker(rules, context);
    for (const row of rows) {
      check(row, record);
      if (options.write) {
        // What checksText says, without building the row's findings twice.
        report.checks.push({ sheet, row: row.rowNumber, text: labels.join("; ") });
        labels = [];
      }
      const suggestion = suggest ? suggest(row) : null;
      if (suggestion) report.suggestions.push(suggestion);
    }
    if (options.write && rules.length > 0) {
      const planned = checksColumnOps(snapshot, plan, rules, vocabulary, staleDays, knownRefsSource);
      ops.push(...planned.ops);
      records = records.map((r) =>
        r === plan.record ? { ...r, columns: { ...r.columns, checks: CHECKS_HEADER } } : r,
      );
    }
  }
  for (const finding of report.findings) {
    if (finding.severity === "error") report.summary.errors++;
    else if (finding.severity === "warning") report.summary.warnings++;
    else report.summary.info++;
  }
  if (ops.length > 0)
    ops.push(
      ...writeMetadataOps(snapshot, { ...metadata, plans: records, settings: { ...metadata.settings, staleDays } }),
    );
  return { patch: { description: "Write the plan's checks into the workbook", ops }, report };
}

function refsOf(plan: PlanTable): Set<string> {
  return new Set(
    plan.rows().flatMap((row) => (isBlankValue(row.value("ref")) ? [] : [String(row.value("ref")).toLowerCase()])),
  );
}

function duplicates(rows: PlanRow[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const row of rows) {
    const ref = row.value("ref");
    if (isBlankValue(ref)) continue;
    const key = String(ref).toLowerCase();
    (seen.has(key) ? twice : seen).add(key);
  }
  return twice;
}

/**
 * Overdue and not complete suggests Red; due within 14 days with no recent update suggests Amber. One
 * suggester serves one plan: its reasons depend only on the due date, so each is written once and
 * shared by every row due that day (a large plan has tens of thousands of suggestions, a few hundred days).
 */
function suggesterFor(context: RuleContext): (row: PlanRow) => RagSuggestion | null {
  const offTrack = context.vocabulary.find((s) => s.concept === "off-track");
  const atRisk = context.vocabulary.find((s) => s.concept === "at-risk");
  const passed = new Map<number, string>();
  const soon = new Map<number, string>();
  const reason = (reasons: Map<number, string>, due: number, write: (date: string) => string) => {
    let text = reasons.get(due);
    if (text === undefined) reasons.set(due, (text = write(ukDate(due, context))));
    return text;
  };
  const suggestion = (row: PlanRow, current: Scalar, to: RagStatus, why: string): RagSuggestion => ({
    sheet: row.sheet,
    cell: row.address("rag"),
    current,
    suggested: to.label,
    reason: why,
  });
  return (row) => {
    const due = row.value("due");
    if (!row.has("rag") || typeof due !== "number") return null;
    const current = row.value("rag");
    // What the words mean, in any spelling ("Complete - awaiting sign off"): never Red for a finished row.
    const concept = conceptIn(current, context);
    if ((concept && COMPLETE_CONCEPTS.includes(concept)) || concept === "off-track") return null;
    if (due < context.asOf) {
      if (!offTrack) return null;
      return suggestion(
        row,
        current,
        offTrack,
        reason(passed, due, (date) => `due ${date} has passed and it is not complete`),
      );
    }
    const updated = row.value("updated");
    const recentlyUpdated = typeof updated === "number" && updated >= context.asOf - context.staleDays;
    if (due <= context.asOf + 14 && !recentlyUpdated && concept !== "at-risk" && atRisk) {
      const why = reason(
        soon,
        due,
        (date) => `due ${date}, within 14 days, with no update in the last ${context.staleDays} days`,
      );
      return suggestion(row, current, atRisk, why);
    }
    return null;
  };
}

/** The Checks column: added to the table the first time, its formulas rewritten every time. */
function checksColumnOps(
  snapshot: WorkbookSnapshot,
  plan: PlanTable,
  rules: ReturnType<typeof rulesFor>,
  vocabulary: readonly RagStatus[],
  staleDays: number,
  knownRefs: string | null,
): { ops: PatchOp[] } {
  const { table, values } = plan;
  const ops: PatchOp[] = [];
  let col = plan.column("checks");
  const top = table.range.top + 1;
  const bottom = table.range.bottom;
  if (col === undefined) {
    col = table.range.right + 1;
    for (let r = table.range.top; r <= bottom; r++) {
      const v = values[r]?.[col];
      if (v !== null && v !== undefined && v !== "") {
        throw new ValidateError(
          `Cannot add a Checks column to the table "${table.name}": ${table.sheet}!${cellAddress(r, col)} is not empty. Move it and try again.`,
        );
      }
    }
    ops.push(
      {
        op: "writeValues",
        sheet: table.sheet,
        row: table.range.top,
        col,
        values: [[CHECKS_HEADER]],
        before: cellsBefore(snapshot, table.sheet, table.range.top, col, 1, 1),
      },
      { op: "resizeTable", name: table.name, range: { ...table.range, right: col }, before: table.range },
      // The new header looks like the others when printed or opened outside Excel.
      ...headerRowFormatOps(table.sheet, table.range.top, col, col),
      { op: "setColumnWidths", sheet: table.sheet, widths: [{ col, width: 32 }] },
      { op: "setWrapText", sheet: table.sheet, range: { top, left: col, bottom, right: col }, wrap: true },
      {
        op: "addConditionalFormat",
        sheet: table.sheet,
        range: { top, left: col, bottom, right: col },
        format: {
          type: "expression",
          formula: `=LEN($${columnLetters(col)}${top + 1})>0`,
          style: FINDING_HIGHLIGHT,
        },
      },
    );
    const overdue = RULES.find((r) => r.id === "overdue")!;
    if (rules.includes(overdue) && plan.columns.due !== undefined) {
      const letters = Object.fromEntries(Object.entries(plan.columns).map(([f, c]) => [f, `$${columnLetters(c)}`]));
      ops.push({
        op: "addConditionalFormat",
        sheet: table.sheet,
        range: { top, left: plan.columns.due, bottom, right: plan.columns.due },
        format: {
          type: "expression",
          formula: `=${overdue.condition(letters, top + 1, formulaContext(plan, vocabulary, staleDays, knownRefs))}`,
          style: { ...OVERDUE_HIGHLIGHT, bold: true },
        },
      });
    }
  }
  const context = formulaContext(plan, vocabulary, staleDays, knownRefs);
  const letters = Object.fromEntries(Object.entries(plan.columns).map(([f, c]) => [f, columnLetters(c)]));
  const formulas: CellInput[][] = [];
  for (let r = top; r <= bottom; r++) formulas.push([{ formula: checksFormula(rules, letters, r + 1, context) }]);
  ops.push({
    op: "writeValues",
    sheet: table.sheet,
    row: top,
    col,
    values: formulas,
    before: cellsBefore(snapshot, table.sheet, top, col, formulas.length, 1),
  });
  return { ops };
}

function formulaContext(
  plan: PlanTable,
  vocabulary: readonly RagStatus[],
  staleDays: number,
  knownRefs: string | null,
) {
  const { table } = plan;
  const managed: string[] = [];
  for (let c = table.range.left; c <= table.range.right; c++) {
    if (c !== plan.column("checks")) managed.push(columnLetters(c));
  }
  const ownRefs = plan.columnReference("ref") ?? "";
  return { vocabulary, staleDays, ownRefs, knownRefs, managed };
}

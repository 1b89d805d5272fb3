import type { Framework } from "../domain/framework";
import { latestSuccessor } from "../domain/frameworks";
import { isPlanKind, type PlanField } from "../domain/plan";
import { UserError } from "../domain/userError";
import { writeMetadataOps, type PlanRecord } from "../sheets/metadata";
import { criterionCells, frameworkFields, PLAN_KIND_SPECS } from "../sheets/planKinds";
import { columnReference, readPlans, type PlanTable, type WorkbookPlans } from "../sheets/planTables";
import { columnRuleOps } from "../sheets/tableLayout";
import { cellAddress } from "../workbook/address";
import { cellsBefore, formatsBefore } from "../workbook/snapshotCells";
import type { CellInput, CellRange, PatchOp, Scalar, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";

export class RefreshError extends UserError {}

export interface RefreshOptions {
  /** Refresh every plan to this framework; otherwise each to the current version of its own framework. */
  framework?: Framework;
  /** The current version of a framework by id (the built-in ones, for the CLI and the pane). */
  resolve: (id: string) => Framework | undefined;
  now: Date;
}

export interface RefreshedPlan {
  sheet: string;
  table: string;
  kind: string;
  framework: { id: string; from: string | null; to: string };
  /** Framework-owned cells (judgement, criterion wording) rewritten. */
  updatedCells: string[];
  /** Refs of criteria added as new rows. */
  added: string[];
  /** Refs in the plan that the framework no longer has: their rows are kept as they are. */
  retired: string[];
  /**
   * Judgements of the plan's old framework that the new one does not have (moving ILACS 2024 to 2026
   * drops Overall effectiveness), each with the cells of the rows that name it: kept, never deleted.
   */
  judgementsRemoved: { id: string; name: string; rows: string[] }[];
  /** The framework that has replaced the one the plan now follows, to move to with --framework. */
  supersededBy?: { id: string; name: string };
}

export interface RefreshReport {
  plans: RefreshedPlan[];
  /** Plans that should have been refreshed but could not be, each with why. */
  skipped: { sheet: string; reason: string }[];
  /** Plans that do not follow a framework's criteria (evidence trackers), left as they are. */
  unchanged: { sheet: string; reason: string }[];
}

/** Refresh reads every sheet: which ones hold plans is only known from the metadata. */
export const refreshQuery = { sheets: "all" as const };

/**
 * Brings plans made from an older framework version up to date. Rows are keyed by ref: framework-owned
 * cells take the new wording, criteria the plan lacks are added as rows at the end of its table, and
 * rows whose criterion has gone are kept and reported. No cell a council owns (action, lead, dates, RAG,
 * progress, evidence, notes) is ever written.
 */
export function refreshWorkbook(
  snapshot: WorkbookSnapshot,
  options: RefreshOptions,
): { patch: WorkbookPatch; report: RefreshReport } {
  const workbook = readPlans(snapshot);
  const { metadata } = workbook;
  if (!metadata || metadata.plans.length === 0) {
    throw new RefreshError(
      "This workbook has no Inspection Ready plans to refresh yet: create plan sheets, or structure a sheet you already have, first",
    );
  }
  const ops: PatchOp[] = [];
  const report: RefreshReport = { plans: [], skipped: [], unchanged: [] };
  const records: PlanRecord[] = [];
  const grown = new Map<string, CellRange>();

  for (const record of metadata.plans) {
    const framework = record.frameworkId
      ? (options.framework ?? options.resolve(record.frameworkId))
      : options.framework;
    const plan = workbook.plans.find((p) => p.record === record);
    if (!isPlanKind(record.kind) || !PLAN_KIND_SPECS[record.kind].followsFramework) {
      report.unchanged.push({
        sheet: record.sheet,
        reason: "only self-evaluations and action plans follow the framework's criteria",
      });
      records.push(record);
      continue;
    }
    const gone = workbook.missing.find((m) => m.record === record);
    const reason = gone
      ? gone.message
      : !framework
        ? record.frameworkId
          ? `the framework "${record.frameworkId}" is not one this version knows; refresh with that framework's own file`
          : "it was structured from a sheet and follows no framework, so there is nothing to refresh it to"
        : !plan
          ? `its table "${record.table}" is no longer in the workbook`
          : undefined;
    if (reason || !framework || !plan) {
      report.skipped.push({ sheet: record.sheet, reason: reason ?? "" });
      records.push(record);
      continue;
    }
    const from = record.frameworkId ? options.resolve(record.frameworkId) : undefined;
    const result = refreshTable(snapshot, workbook, plan, framework, from, options.resolve);
    if ("skip" in result) {
      report.skipped.push({ sheet: record.sheet, reason: result.skip });
      records.push(record);
      continue;
    }
    ops.push(...result.ops);
    report.plans.push(result.report);
    if (result.grownTo) grown.set(record.table, result.grownTo);
    records.push({
      ...record,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      refreshedAt: options.now.toISOString(),
    });
  }

  ops.push(...refSourceUpdates(workbook, grown));
  ops.push(...writeMetadataOps(snapshot, { ...metadata, plans: records }));
  const target = options.framework ? ` to ${options.framework.name}` : "";
  return { patch: { description: `Refresh plans${target}`, ops }, report };
}

function refreshTable(
  snapshot: WorkbookSnapshot,
  workbook: WorkbookPlans,
  plan: PlanTable,
  framework: Framework,
  from: Framework | undefined,
  resolve: (id: string) => Framework | undefined,
): { ops: PatchOp[]; report: RefreshedPlan; grownTo?: CellRange } | { skip: string } {
  const { table, record } = plan;
  const refCol = plan.column("ref");
  if (refCol === undefined)
    return { skip: `its table "${table.name}" has no "${record.columns.ref ?? "Ref"}" column any more` };

  const owned = frameworkFields(plan.kind);
  const expected = new Map<string, Partial<Record<PlanField, CellInput>>>();
  for (const judgement of framework.judgements) {
    for (const criterion of judgement.criteria) expected.set(criterion.ref, criterionCells(judgement, criterion));
  }
  const ops: PatchOp[] = [];
  const updatedCells: string[] = [];
  const present = new Set<string>();
  const retired = new Set<string>();

  for (let r = plan.firstRow; r <= plan.lastRow; r++) {
    const ref = refText(plan.cell(r, refCol));
    if (!ref) continue;
    const wanted = expected.get(ref);
    if (!wanted) {
      retired.add(ref);
      continue;
    }
    present.add(ref);
    for (const field of owned) {
      const col = plan.column(field);
      const value = wanted[field] ?? null;
      if (col === undefined || plan.cell(r, col) === value) continue;
      ops.push({
        op: "writeValues",
        sheet: table.sheet,
        row: r,
        col,
        values: [[value]],
        before: cellsBefore(snapshot, table.sheet, r, col, 1, 1),
      });
      updatedCells.push(cellAddress(r, col));
    }
  }

  const missing = [...expected.keys()].filter((ref) => !present.has(ref) && !retired.has(ref));
  let grownTo: CellRange | undefined;
  if (missing.length > 0) {
    const top = table.range.bottom + 1;
    const bottom = table.range.bottom + missing.length;
    for (let r = top; r <= bottom; r++) {
      for (let c = table.range.left; c <= table.range.right; c++) {
        const value = plan.values[r]?.[c];
        if (value !== null && value !== undefined && value !== "") {
          throw new RefreshError(
            `Cannot add ${missing.length} new criteria below the table "${table.name}": ${table.sheet}!${cellAddress(r, c)} is not empty. Move what is below the table and refresh again.`,
          );
        }
      }
    }
    // The new rows hold the ref and the framework's own cells; the council's are left blank to fill in.
    const fieldAt = new Map<number, PlanField>();
    for (const field of ["ref", ...owned] as PlanField[]) {
      const col = plan.column(field);
      if (col !== undefined) fieldAt.set(col, field);
    }
    const rows: CellInput[][] = missing.map((ref) => {
      const wanted = expected.get(ref)!;
      const row: CellInput[] = [];
      for (let c = table.range.left; c <= table.range.right; c++) {
        const field = fieldAt.get(c);
        row.push(field === undefined ? null : (wanted[field] ?? null));
      }
      return row;
    });
    const width = table.range.right - table.range.left + 1;
    const newRange = { ...table.range, bottom };
    ops.push(
      {
        op: "writeValues",
        sheet: table.sheet,
        row: top,
        col: table.range.left,
        values: rows,
        before: cellsBefore(snapshot, table.sheet, top, table.range.left, rows.length, width),
      },
      { op: "resizeTable", name: table.name, range: newRange, before: table.range },
      {
        op: "setWrapText",
        sheet: table.sheet,
        range: { top, left: table.range.left, bottom, right: table.range.right },
        wrap: true,
      },
    );
    // The new rows get the same validation and colours as the rows the plan was made with.
    const { spec } = plan;
    const ruleColumns = spec.columns.flatMap((column) => {
      const col = plan.column(column.field);
      return col === undefined ? [] : [{ kind: column.kind, col }];
    });
    const refSource =
      plan.kind === "action-plan" ? workbook.first("self-evaluation")?.columnReference("ref") : undefined;
    ops.push(
      ...columnRuleOps(
        table.sheet,
        top,
        bottom,
        ruleColumns,
        { rag: workbook.vocabulary, statuses: spec.statuses, criterionRefSource: refSource },
        (col) => formatsBefore(snapshot, table.sheet, top, col, bottom - top + 1, 1),
      ),
    );
    grownTo = newRange;
  }

  return {
    ops,
    grownTo,
    report: {
      sheet: table.sheet,
      table: table.name,
      kind: record.kind,
      framework: { id: framework.id, from: record.frameworkVersion ?? null, to: framework.version },
      updatedCells,
      added: missing,
      retired: [...retired],
      judgementsRemoved: removedJudgements(plan, from, framework),
      ...successorOf(framework, resolve),
    },
  };
}

/** The old framework's judgements the new one lacks, with the plan's rows that name each (by its Judgement cell). */
function removedJudgements(
  plan: PlanTable,
  from: Framework | undefined,
  to: Framework,
): RefreshedPlan["judgementsRemoved"] {
  if (!from || from.id === to.id) return [];
  const kept = new Set(to.judgements.map((j) => j.id));
  return from.judgements
    .filter((j) => !kept.has(j.id))
    .map((j) => {
      const rows: string[] = [];
      const col = plan.column("judgement") ?? plan.column("area");
      for (let r = plan.firstRow; r <= plan.lastRow && col !== undefined; r++) {
        if (refText(plan.cell(r, col)).toLowerCase() === j.name.toLowerCase()) rows.push(cellAddress(r, col));
      }
      return { id: j.id, name: j.name, rows };
    });
}

/** The framework that has replaced this one, if any, for the report to suggest. */
function successorOf(framework: Framework, resolve: (id: string) => Framework | undefined) {
  const next = latestSuccessor(framework, resolve);
  return next.id === framework.id ? {} : { supersededBy: { id: next.id, name: next.name } };
}

function refText(value: Scalar | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/** When a self-evaluation grows, the action plans' ref lists must cover its new rows too. */
function refSourceUpdates(workbook: WorkbookPlans, grown: Map<string, CellRange>): PatchOp[] {
  const selfEvaluation = workbook.first("self-evaluation");
  const grownTo = selfEvaluation && grown.get(selfEvaluation.table.name);
  const refCol = selfEvaluation?.column("ref");
  const oldSource = selfEvaluation?.columnReference("ref");
  if (!selfEvaluation || !grownTo || refCol === undefined || !oldSource) return [];
  const source = columnReference(selfEvaluation.sheet, refCol, grownTo.top + 1, grownTo.bottom);
  const ops: PatchOp[] = [];
  for (const plan of workbook.plans.filter((p) => p.kind === "action-plan")) {
    const range = grown.get(plan.table.name) ?? plan.table.range;
    const col = plan.column("ref");
    if (col === undefined) continue;
    const cells = { top: range.top + 1, left: col, bottom: range.bottom, right: col };
    const rule = { type: "rangeList" as const, source, strict: false, prompt: "A ref from the self-evaluation" };
    ops.push({ op: "setValidation", sheet: plan.sheet, range: cells, rule, before: { ...rule, source: oldSource } });
  }
  return ops;
}

/** What a refresh says beyond counts, the same in the CLI and the pane: judgements gone, a newer framework. */
export function refreshNotes(plan: RefreshedPlan, frameworkName: string): string[] {
  const notes = plan.judgementsRemoved.map(
    (j) =>
      `${j.name} is not a judgement of ${frameworkName}; ${
        j.rows.length === 0
          ? "no row of the plan names it"
          : `the rows that name it are kept as they are (${j.rows.join(", ")})`
      }`,
  );
  if (plan.supersededBy) notes.push(`${frameworkName} has been replaced by ${plan.supersededBy.name}`);
  return notes;
}

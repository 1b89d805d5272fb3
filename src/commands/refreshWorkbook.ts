import type { Framework } from "../domain/framework";
import { readMetadata, workbookVocabulary, writeMetadataOps, type Metadata, type PlanRecord } from "../sheets/metadata";
import { columnRuleOps } from "../sheets/sheetSpec";
import { fieldColumn, selfEvaluationRefSource } from "../sheets/tableColumns";
import { cellAddress } from "../workbook/address";
import { cellsBefore, formatsBefore } from "../workbook/snapshotCells";
import type { CellInput, PatchOp, Scalar, TableSnapshot, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { PLAN_SPECS, type PlanKind } from "./createWorkbook";
import { UserError } from "../domain/userError";

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

/** The fields a framework owns and a refresh may rewrite; every other column belongs to the council. */
const FRAMEWORK_FIELDS = ["judgement", "criterion"] as const;
const REFRESHABLE: readonly PlanKind[] = ["self-evaluation", "action-plan"];

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
  const metadata = readMetadata(snapshot);
  if (!metadata || metadata.plans.length === 0) {
    throw new RefreshError(
      "This workbook has no Inspection Ready plans to refresh yet: create plan sheets, or structure a sheet you already have, first",
    );
  }
  const ops: PatchOp[] = [];
  const report: RefreshReport = { plans: [], skipped: [], unchanged: [] };
  const records: PlanRecord[] = [];
  const grown = new Map<string, TableSnapshot>();

  for (const record of metadata.plans) {
    const framework = record.frameworkId
      ? (options.framework ?? options.resolve(record.frameworkId))
      : options.framework;
    const table = snapshot.tables.find((t) => t.name === record.table);
    if (!REFRESHABLE.includes(record.kind as PlanKind)) {
      report.unchanged.push({
        sheet: record.sheet,
        reason: "only self-evaluations and action plans follow the framework's criteria",
      });
      records.push(record);
      continue;
    }
    const reason = !framework
      ? record.frameworkId
        ? `the framework "${record.frameworkId}" is not one this version knows; refresh with that framework's own file`
        : "it was structured from a sheet and follows no framework, so there is nothing to refresh it to"
      : !table
        ? `its table "${record.table}" is no longer in the workbook`
        : undefined;
    if (reason || !framework || !table) {
      report.skipped.push({ sheet: record.sheet, reason: reason ?? "" });
      records.push(record);
      continue;
    }
    const result = refreshTable(snapshot, table, record, framework);
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

  ops.push(...refSourceUpdates(snapshot, metadata, grown));
  ops.push(...writeMetadataOps(snapshot, { ...metadata, plans: records }));
  const target = options.framework ? ` to ${options.framework.name}` : "";
  return { patch: { description: `Refresh plans${target}`, ops }, report };
}

function refreshTable(
  snapshot: WorkbookSnapshot,
  table: TableSnapshot,
  record: PlanRecord,
  framework: Framework,
): { ops: PatchOp[]; report: RefreshedPlan; grownTo?: TableSnapshot } | { skip: string } {
  const sheet = snapshot.sheets.find((s) => s.name === table.sheet);
  const values = sheet?.values ?? [];
  const refCol = fieldColumn(table, record, "ref");
  if (refCol === undefined)
    return { skip: `its table "${table.name}" has no "${record.columns.ref ?? "Ref"}" column any more` };

  const expected = new Map<string, Record<(typeof FRAMEWORK_FIELDS)[number], string>>();
  for (const judgement of framework.judgements) {
    for (const criterion of judgement.criteria)
      expected.set(criterion.ref, { judgement: judgement.name, criterion: criterion.text });
  }
  const columns = Object.fromEntries(FRAMEWORK_FIELDS.map((f) => [f, fieldColumn(table, record, f)]));
  const ops: PatchOp[] = [];
  const updatedCells: string[] = [];
  const present = new Set<string>();
  const retired = new Set<string>();

  for (let r = table.range.top + 1; r <= table.range.bottom; r++) {
    const ref = refText(values[r]?.[refCol]);
    if (!ref) continue;
    const wanted = expected.get(ref);
    if (!wanted) {
      retired.add(ref);
      continue;
    }
    present.add(ref);
    for (const field of FRAMEWORK_FIELDS) {
      const col = columns[field];
      if (col === undefined || values[r]?.[col] === wanted[field]) continue;
      ops.push({
        op: "writeValues",
        sheet: table.sheet,
        row: r,
        col,
        values: [[wanted[field]]],
        before: cellsBefore(snapshot, table.sheet, r, col, 1, 1),
      });
      updatedCells.push(cellAddress(r, col));
    }
  }

  const missing = [...expected.keys()].filter((ref) => !present.has(ref) && !retired.has(ref));
  let grownTo: TableSnapshot | undefined;
  if (missing.length > 0) {
    const top = table.range.bottom + 1;
    const bottom = table.range.bottom + missing.length;
    for (let r = top; r <= bottom; r++) {
      for (let c = table.range.left; c <= table.range.right; c++) {
        const value = values[r]?.[c];
        if (value !== null && value !== undefined && value !== "") {
          throw new RefreshError(
            `Cannot add ${missing.length} new criteria below the table "${table.name}": ${table.sheet}!${cellAddress(r, c)} is not empty. Move what is below the table and refresh again.`,
          );
        }
      }
    }
    const fieldAt = new Map<number, string>();
    for (const field of ["ref", ...FRAMEWORK_FIELDS]) {
      const col = field === "ref" ? refCol : columns[field];
      if (col !== undefined) fieldAt.set(col, field);
    }
    const rows: CellInput[][] = missing.map((ref) => {
      const wanted = expected.get(ref)!;
      const row: CellInput[] = [];
      for (let c = table.range.left; c <= table.range.right; c++) {
        const field = fieldAt.get(c);
        row.push(field === "ref" ? ref : field === "judgement" || field === "criterion" ? wanted[field] : null);
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
    const spec = PLAN_SPECS[record.kind as PlanKind].spec;
    const ruleColumns = spec.columns.flatMap((column) => {
      const col = fieldColumn(table, record, column.field);
      return col === undefined ? [] : [{ kind: column.kind, col }];
    });
    const refSource = record.kind === "action-plan" ? currentRefSource(snapshot) : undefined;
    ops.push(
      ...columnRuleOps(
        table.sheet,
        top,
        bottom,
        ruleColumns,
        { rag: workbookVocabulary(readMetadata(snapshot)), statuses: spec.statuses, criterionRefSource: refSource },
        (col) => formatsBefore(snapshot, table.sheet, top, col, bottom - top + 1, 1),
      ),
    );
    grownTo = { ...table, range: newRange };
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
    },
  };
}

function refText(value: Scalar | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

function currentRefSource(snapshot: WorkbookSnapshot): string | undefined {
  const metadata = readMetadata(snapshot);
  const record = metadata?.plans.find((p) => p.kind === "self-evaluation");
  const table = record && snapshot.tables.find((t) => t.name === record.table);
  return record && table ? selfEvaluationRefSource(table, record) : undefined;
}

/** When a self-evaluation grows, the action plans' ref lists must cover its new rows too. */
function refSourceUpdates(
  snapshot: WorkbookSnapshot,
  metadata: Metadata,
  grown: Map<string, TableSnapshot>,
): PatchOp[] {
  const selfEvaluation = metadata.plans.find((p) => p.kind === "self-evaluation");
  const grownTable = selfEvaluation && grown.get(selfEvaluation.table);
  const oldTable = selfEvaluation && snapshot.tables.find((t) => t.name === selfEvaluation.table);
  if (!selfEvaluation || !grownTable || !oldTable) return [];
  const source = selfEvaluationRefSource(grownTable, selfEvaluation);
  const oldSource = selfEvaluationRefSource(oldTable, selfEvaluation);
  if (!source || !oldSource) return [];
  const ops: PatchOp[] = [];
  for (const plan of metadata.plans.filter((p) => p.kind === "action-plan")) {
    const table = grown.get(plan.table) ?? snapshot.tables.find((t) => t.name === plan.table);
    const refCol = table && fieldColumn(table, plan, "ref");
    if (!table || refCol === undefined) continue;
    const range = { top: table.range.top + 1, left: refCol, bottom: table.range.bottom, right: refCol };
    const rule = { type: "rangeList" as const, source, strict: false, prompt: "A ref from the self-evaluation" };
    ops.push({ op: "setValidation", sheet: table.sheet, range, rule, before: { ...rule, source: oldSource } });
  }
  return ops;
}

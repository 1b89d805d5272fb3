import type { Framework } from "../domain/framework";
import { defaultRagVocabulary, type RagStatus } from "../domain/rag";
import { actionPlanSpec } from "../sheets/actionPlan";
import { evidenceRows, evidenceTrackerSpec } from "../sheets/evidenceTracker";
import { METADATA_SHEET, emptyMetadata, readMetadata, writeMetadataOps, type Metadata } from "../sheets/metadata";
import { criterionRows, selfEvaluationSpec } from "../sheets/selfEvaluation";
import type { TableSheetSpec } from "../sheets/sheetSpec";
import { columnReference, selfEvaluationRefSource } from "../sheets/tableColumns";
import type { CellInput, PatchOp, SnapshotQuery, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { TableSheets } from "./tableSheets";

export type PlanKind = "self-evaluation" | "action-plan" | "evidence";

/** Every kind, in the order they are made: the self-evaluation first, as the others refer to its refs. */
export const PLAN_KINDS: readonly PlanKind[] = ["self-evaluation", "action-plan", "evidence"];

export const PLAN_SPECS: Record<PlanKind, { spec: TableSheetSpec; rows: (framework: Framework) => CellInput[][] }> = {
  "self-evaluation": { spec: selfEvaluationSpec, rows: (f) => criterionRows(selfEvaluationSpec, f) },
  "action-plan": { spec: actionPlanSpec, rows: (f) => criterionRows(actionPlanSpec, f) },
  evidence: { spec: evidenceTrackerSpec, rows: evidenceRows },
};

export interface CreateWorkbookOptions {
  framework: Framework;
  /** Which sheets to make; all three when omitted. */
  kinds?: readonly PlanKind[];
  /** When the plan is made; passed in so the command stays pure and testable. */
  now: Date;
  /** The RAG scale, for a new workbook; otherwise the framework's own, or the workbook's, or the standard. */
  vocabulary?: readonly RagStatus[];
}

export interface CreatedSheet {
  kind: PlanKind;
  sheet: string;
  table: string;
  rows: number;
}

export interface CreateWorkbookReport extends CreatedSheet {
  framework: { id: string; version: string; name: string };
  /** Every sheet made; the top-level kind, sheet, table and rows describe the action plan when made. */
  sheets: CreatedSheet[];
}

/** What createWorkbook needs to read: sheet and table names, and the metadata sheet's cells. */
export const createWorkbookQuery: SnapshotQuery = { sheets: [METADATA_SHEET] };

/**
 * Plans new plan sheets from a framework in the workbook the snapshot describes. It never touches an
 * existing sheet or table: names are made unique, and the only existing cells written are the add-in's
 * own metadata records.
 */
export function createWorkbook(
  snapshot: WorkbookSnapshot,
  options: CreateWorkbookOptions,
): { patch: WorkbookPatch; report: CreateWorkbookReport } {
  const { framework } = options;
  const wanted = options.kinds ?? PLAN_KINDS;
  const kinds = PLAN_KINDS.filter((kind) => wanted.includes(kind));
  const existing = readMetadata(snapshot);
  const metadata: Metadata = existing ?? emptyMetadata();
  // A workbook keeps one scale: a new sheet in an existing workbook takes the workbook's.
  const vocabulary = existing?.settings?.rag ?? options.vocabulary ?? framework.rag ?? defaultRagVocabulary;
  const settings =
    vocabulary === defaultRagVocabulary ? metadata.settings : { ...metadata.settings, rag: [...vocabulary] };
  const tables = new TableSheets(snapshot, framework, options.now);
  let criterionRefSource = existingRefSource(snapshot, metadata);
  for (const kind of kinds) {
    const { spec, rows: rowsFor } = PLAN_SPECS[kind];
    const rows = rowsFor(framework);
    const { sheet } = tables.add(spec, rows, { rag: vocabulary, criterionRefSource });
    if (kind === "self-evaluation") {
      const refCol = spec.columns.findIndex((c) => c.field === "ref");
      criterionRefSource = columnReference(sheet, refCol, 1, Math.max(rows.length, 1));
    }
  }
  const created = tables.made as CreatedSheet[];
  const ops: PatchOp[] = [
    ...tables.ops,
    ...writeMetadataOps(snapshot, {
      ...metadata,
      plans: [...metadata.plans, ...tables.records],
      ...(settings ? { settings } : {}),
    }),
  ];

  const main = created.find((c) => c.kind === "action-plan") ?? created[0]!;
  return {
    patch: { description: `Create ${describe(kinds)} from ${framework.name}`, ops },
    report: {
      ...main,
      framework: { id: framework.id, version: framework.version, name: framework.name },
      sheets: created,
    },
  };
}

/** The refs of a self-evaluation the workbook already has, from its table as it stands now. */
function existingRefSource(snapshot: WorkbookSnapshot, metadata: Metadata): string | undefined {
  const record = metadata.plans.find((p) => p.kind === "self-evaluation");
  const table = record && snapshot.tables.find((t) => t.name === record.table);
  return record && table ? selfEvaluationRefSource(table, record) : undefined;
}

function describe(kinds: readonly PlanKind[]): string {
  const names: Record<PlanKind, string> = {
    "self-evaluation": "self-evaluation",
    "action-plan": "action plan",
    evidence: "evidence tracker",
  };
  const list = kinds.map((k) => names[k]);
  return list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}` : list[0]!;
}

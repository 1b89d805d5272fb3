import type { Framework } from "../domain/framework";
import { PLAN_KINDS, type PlanKind } from "../domain/plan";
import { defaultRagVocabulary, type RagStatus } from "../domain/rag";
import { METADATA_SHEET, emptyMetadata, writeMetadataOps, type Metadata } from "../sheets/metadata";
import { newSheetSpec, PLAN_KIND_SPECS } from "../sheets/planKinds";
import { columnReference, readPlans } from "../sheets/planTables";
import type { PatchOp, SnapshotQuery, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { TableSheets } from "./tableSheets";

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
  const workbook = readPlans(snapshot);
  const existing = workbook.metadata;
  const metadata: Metadata = existing ?? emptyMetadata();
  // A workbook keeps one scale: a new sheet in an existing workbook takes the workbook's.
  const vocabulary = existing?.settings?.rag ?? options.vocabulary ?? framework.rag ?? defaultRagVocabulary;
  const settings =
    vocabulary === defaultRagVocabulary ? metadata.settings : { ...metadata.settings, rag: [...vocabulary] };
  const tables = new TableSheets(snapshot, framework, options.now);
  let criterionRefSource = workbook.first("self-evaluation")?.columnReference("ref");
  for (const kind of kinds) {
    const spec = newSheetSpec(kind);
    const rows = spec.newRows(framework);
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

function describe(kinds: readonly PlanKind[]): string {
  const list = kinds.map((k) => PLAN_KIND_SPECS[k].label.toLowerCase());
  return list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}` : list[0]!;
}

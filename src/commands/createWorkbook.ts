import type { Framework } from "../domain/framework";
import { defaultRagVocabulary } from "../domain/rag";
import { actionPlanRows, actionPlanSpec } from "../sheets/actionPlan";
import { METADATA_SHEET, emptyMetadata, readMetadata, writeMetadataOps, type PlanRecord } from "../sheets/metadata";
import { layOutTableSheet, uniqueName } from "../sheets/sheetSpec";
import type { SnapshotQuery, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";

export type PlanKind = "action-plan";

export interface CreateWorkbookOptions {
  framework: Framework;
  kind: PlanKind;
  /** When the plan is made; passed in so the command stays pure and testable. */
  now: Date;
}

export interface CreateWorkbookReport {
  kind: PlanKind;
  sheet: string;
  table: string;
  rows: number;
  framework: { id: string; version: string; name: string };
}

/** What createWorkbook needs to read: sheet and table names, and the metadata sheet's cells. */
export const createWorkbookQuery: SnapshotQuery = { sheets: [METADATA_SHEET] };

/**
 * Plans a new plan sheet from a framework in the workbook the snapshot describes. It never touches an
 * existing sheet or table: names are made unique, and the only existing cells written are the add-in's
 * own metadata records.
 */
export function createWorkbook(
  snapshot: WorkbookSnapshot,
  options: CreateWorkbookOptions,
): { patch: WorkbookPatch; report: CreateWorkbookReport } {
  const spec = actionPlanSpec;
  const metadata = readMetadata(snapshot) ?? emptyMetadata();
  const sheet = uniqueName(
    spec.sheetName,
    snapshot.sheets.map((s) => s.name),
    (n) => ` (${n})`,
  );
  const table = uniqueName(
    spec.tableName,
    snapshot.tables.map((t) => t.name),
    (n) => `${n}`,
  );
  const rows = actionPlanRows(options.framework);
  const record: PlanRecord = {
    kind: spec.kind,
    sheet,
    table,
    frameworkId: options.framework.id,
    frameworkVersion: options.framework.version,
    createdAt: options.now.toISOString(),
    columns: Object.fromEntries(spec.columns.map((c) => [c.field, c.header])),
  };
  const patch: WorkbookPatch = {
    description: `Create ${spec.sheetName.toLowerCase()} from ${options.framework.name}`,
    ops: [
      { op: "addSheet", sheet },
      ...layOutTableSheet(spec, sheet, table, rows, defaultRagVocabulary),
      ...writeMetadataOps(snapshot, { ...metadata, plans: [...metadata.plans, record] }),
    ],
  };
  return {
    patch,
    report: {
      kind: options.kind,
      sheet,
      table,
      rows: rows.length,
      framework: { id: options.framework.id, version: options.framework.version, name: options.framework.name },
    },
  };
}

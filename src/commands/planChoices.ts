import type { Framework } from "../domain/framework";
import { normaliseArea } from "../domain/projection/judgementWords";
import { UserError } from "../domain/userError";
import { METADATA_SHEET, writeMetadataOps } from "../sheets/metadata";
import { readPlans } from "../sheets/planTables";
import type { SnapshotQuery, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";

/**
 * What a user tells the product about a plan it could not work out alone, kept in the workbook's own
 * records so every later command (and the CLI on the same file) uses it: the framework a structured plan
 * answers, and which judgement each of its areas stands for.
 */

export class PlanChoiceError extends UserError {}

export const planChoicesQuery: SnapshotQuery = { sheets: [METADATA_SHEET] };

function recordOf(snapshot: WorkbookSnapshot, table: string) {
  const plans = readPlans(snapshot);
  const record = plans.metadata?.plans.find((p) => p.table === table);
  if (!plans.metadata || !record) throw new PlanChoiceError(`There is no managed plan with the table "${table}"`);
  return { metadata: plans.metadata, record };
}

/** The framework a plan answers, for a plan structured from a sheet of the council's own. */
export function choosePlanFramework(
  snapshot: WorkbookSnapshot,
  table: string,
  framework: Framework,
): { patch: WorkbookPatch; report: { sheet: string; framework: string } } {
  const { metadata, record } = recordOf(snapshot, table);
  const plans = metadata.plans.map((p) =>
    p === record ? { ...p, frameworkId: framework.id, frameworkVersion: framework.version } : p,
  );
  return {
    patch: {
      description: `Project "${record.sheet}" against ${framework.name}`,
      ops: writeMetadataOps(snapshot, { ...metadata, plans }),
    },
    report: { sheet: record.sheet, framework: framework.name },
  };
}

/** Which judgement (by id) an area of a plan stands for; null for none. */
export function chooseArea(
  snapshot: WorkbookSnapshot,
  table: string,
  area: string,
  judgement: string | null,
): { patch: WorkbookPatch; report: { sheet: string; area: string } } {
  const { metadata, record } = recordOf(snapshot, table);
  const plans = metadata.plans.map((p) =>
    p === record ? { ...p, areas: { ...p.areas, [normaliseArea(area)]: judgement } } : p,
  );
  return {
    patch: {
      description: `Match "${area}" to ${judgement ?? "no judgement"}`,
      ops: writeMetadataOps(snapshot, { ...metadata, plans }),
    },
    report: { sheet: record.sheet, area },
  };
}

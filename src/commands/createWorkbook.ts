import type { Framework } from "../domain/framework";
import { PLAN_KINDS, type PlanKind } from "../domain/plan";
import { defaultRagVocabulary, type RagStatus } from "../domain/rag";
import { UserError } from "../domain/userError";
import { listInWords } from "../domain/words";
import { emptyMetadata, readMetadata, writeMetadataOps, type Metadata, type PlanRecord } from "../sheets/metadata";
import { newSheetSpec, PLAN_KIND_SPECS } from "../sheets/planKinds";
import { columnReference, readPlans } from "../sheets/planTables";
import type { PatchOp, SnapshotQuery, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { findManagedTable, printPageFor, replaceTableSheet, TableSheets } from "./tableSheets";

export interface CreateWorkbookOptions {
  framework: Framework;
  /** Which sheets to make; all three when omitted. */
  kinds?: readonly PlanKind[];
  /** When the plan is made; passed in so the command stays pure and testable. */
  now: Date;
  /** The RAG scale, for a new workbook; otherwise the framework's own, or the workbook's, or the standard. */
  vocabulary?: readonly RagStatus[];
  /**
   * Replace the workbook's own sheets of the kinds asked for, where it has them: each is cleared and
   * made again (its metadata record replaced), and undo brings it back. Without it, a kind the workbook
   * already has is refused, naming the sheet: a second "Self-evaluation (2)" is never made.
   */
  replace?: boolean;
}

/** Plan sheets asked for that the workbook already has, which createWorkbook refuses without `replace`. */
export class PlanSheetsExistError extends UserError {
  constructor(readonly existing: ExistingPlanSheet[]) {
    const one = existing.length === 1;
    super(
      `This workbook already has ${listInWords(existing.map((e) => `${article(e.kind)} ${PLAN_KIND_SPECS[e.kind].label.toLowerCase()} ("${e.sheet}")`))}. Replace ${one ? "it" : "them"} (every cell on ${one ? "it" : "them"} goes), or keep ${one ? "it" : "them"} and make only the sheets the workbook lacks.`,
    );
  }
}

export interface ExistingPlanSheet {
  kind: PlanKind;
  sheet: string;
}

/** The workbook's own sheets of the kinds given, found through their metadata records (renamed ones too). */
export function existingPlanSheets(snapshot: WorkbookSnapshot, kinds: readonly PlanKind[]): ExistingPlanSheet[] {
  const metadata = readMetadata(snapshot);
  return PLAN_KINDS.filter((kind) => kinds.includes(kind)).flatMap((kind) => {
    const found = findManagedTable(snapshot, metadata, kind);
    return found ? [{ kind, sheet: found.table.sheet }] : [];
  });
}

function article(kind: PlanKind): string {
  return /^[aeiou]/i.test(PLAN_KIND_SPECS[kind].label) ? "an" : "a";
}

export interface CreatedSheet {
  kind: PlanKind;
  sheet: string;
  table: string;
  rows: number;
  /** True where the sheet replaced the workbook's own sheet of its kind (asked for with `replace`). */
  replaced?: boolean;
}

export interface CreateWorkbookReport extends CreatedSheet {
  framework: { id: string; version: string; name: string };
  /** Every sheet made; the top-level kind, sheet, table and rows describe the action plan when made. */
  sheets: CreatedSheet[];
}

/**
 * What createWorkbook needs to read: every sheet, since a sheet it replaces is only known from the
 * metadata and its cells are recorded for undo.
 */
export const createWorkbookQuery: SnapshotQuery = { sheets: "all" };

/**
 * Plans new plan sheets from a framework in the workbook the snapshot describes. It never touches a
 * sheet or table that is not its own (a user's own sheet called "Self-evaluation" keeps its name, and
 * ours takes a unique one). A kind the workbook already manages is refused, or with `replace` made again
 * on the same sheet; so the only existing cells written without `replace` are the add-in's own records.
 */
export function createWorkbook(
  snapshot: WorkbookSnapshot,
  options: CreateWorkbookOptions,
): { patch: WorkbookPatch; report: CreateWorkbookReport } {
  const { framework } = options;
  const wanted = options.kinds ?? PLAN_KINDS;
  const kinds = PLAN_KINDS.filter((kind) => wanted.includes(kind));
  const existingSheets = existingPlanSheets(snapshot, kinds);
  if (existingSheets.length > 0 && !options.replace) throw new PlanSheetsExistError(existingSheets);
  const workbook = readPlans(snapshot);
  const existing = workbook.metadata;
  const metadata: Metadata = existing ?? emptyMetadata();
  // A workbook keeps one scale: a new sheet in an existing workbook takes the workbook's.
  const vocabulary = existing?.settings?.rag ?? options.vocabulary ?? framework.rag ?? defaultRagVocabulary;
  const settings =
    vocabulary === defaultRagVocabulary ? metadata.settings : { ...metadata.settings, rag: [...vocabulary] };
  const tables = new TableSheets(snapshot, framework, options.now);
  let criterionRefSource = workbook.first("self-evaluation")?.columnReference("ref");
  const replacing: PatchOp[] = [];
  const replacedRecords = new Map<PlanRecord, PlanRecord>();
  const created: CreatedSheet[] = [];
  for (const kind of kinds) {
    const spec = newSheetSpec(kind);
    const rows = spec.newRows(framework);
    const found = findManagedTable(snapshot, existing, kind);
    const context = { rag: vocabulary, criterionRefSource };
    let sheet: string;
    if (found) {
      const replaced = replaceTableSheet(
        snapshot,
        found,
        spec,
        rows,
        context,
        printPageFor(spec, framework, options.now),
      );
      replacing.push(...replaced.ops);
      sheet = replaced.made.sheet;
      created.push({ ...(replaced.made as CreatedSheet), replaced: true });
      replacedRecords.set(found.record, {
        kind,
        sheet,
        table: found.table.name,
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        createdAt: options.now.toISOString(),
        columns: Object.fromEntries(spec.columns.map((c) => [c.field, c.header])),
      });
    } else {
      sheet = tables.add(spec, rows, context).sheet;
      created.push(tables.made[tables.made.length - 1] as CreatedSheet);
    }
    if (kind === "self-evaluation") {
      const refCol = spec.columns.findIndex((c) => c.field === "ref");
      criterionRefSource = columnReference(sheet, refCol, 1, Math.max(rows.length, 1));
    }
  }
  const ops: PatchOp[] = [
    ...replacing,
    ...tables.ops,
    ...writeMetadataOps(snapshot, {
      ...metadata,
      plans: [...metadata.plans.map((p) => replacedRecords.get(p) ?? p), ...tables.records],
      ...(settings ? { settings } : {}),
    }),
  ];

  const main = created.find((c) => c.kind === "action-plan") ?? created[0]!;
  return {
    patch: {
      description: `${replacedRecords.size > 0 ? "Replace" : "Create"} ${describe(kinds)} from ${framework.name}`,
      ops,
    },
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

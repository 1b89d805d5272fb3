import { WorkingCalendar, type HolidayRegion } from "../domain/calendar";
import type { Confidence, Framework } from "../domain/framework";
import { timeOfDay } from "../domain/dates";
import { defaultRagVocabulary } from "../domain/rag";
import { evidenceDue, inspectionTimeline, type InspectionDates, type Milestone } from "../domain/timeline";
import { OVERDUE_HIGHLIGHT } from "../sheets/highlights";
import { checklistFor, timelineSpec } from "../sheets/inspectionSheets";
import { EVIDENCE_NOT_STARTED, EVIDENCE_PROVIDED, EVIDENCE_TYPE_LABELS } from "../sheets/planKinds";
import { emptyMetadata, readMetadata, writeMetadataOps, type Metadata, type PlanRecord } from "../sheets/metadata";
import { fieldColumn } from "../sheets/planTables";
import { rowByField, type TableSheetSpec } from "../sheets/sheetSpec";
import { columnLetters } from "../workbook/address";
import { dateSystemOf, workbookSerial } from "../workbook/serialDates";
import type { CellRange, PatchOp, SnapshotQuery, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { findManagedTable, TableSheets, updateTableRows, type UpdatedSheet, type WantedRow } from "./tableSheets";

export interface InspectionSheetsOptions {
  framework: Framework;
  dates: InspectionDates;
  now: Date;
}

export interface InspectionSheetsReport {
  /** Each sheet made, or updated in place where the workbook had it already (`updated`), with what changed. */
  sheets: UpdatedSheet[];
  milestones: Milestone[];
  /** True where the on-site start was estimated from the framework's usual notice. */
  onsiteEstimated: boolean;
}

/**
 * Every sheet: the Timeline and checklist are updated in place where the workbook has them, and which
 * sheets they are (even renamed) is only known from the metadata.
 */
export const inspectionSheetsQuery: SnapshotQuery = { sheets: "all" };

const CONFIDENCE_WORDS: Record<Confidence, string> = {
  confirmed: "Confirmed",
  "partly-confirmed": "Partly confirmed",
  unconfirmed: "Unconfirmed",
};

export function regionFor(framework: Framework): HolidayRegion {
  return framework.country === "Scotland" ? "scotland" : "england-and-wales";
}

/**
 * The Timeline and checklist (Annex A's, in England) sheets for an inspection, from the notification date and time:
 * milestones and due dates worked out on the working-day calendar of the framework's nation, each with
 * its rule's confidence shown, and overdue checklist items coloured in place by a formula.
 *
 * Made again (once the on-site date is known), it updates the workbook's own Timeline and checklist in
 * place, found through their metadata records (so renamed sheets are found too): the Timeline's rows are
 * rewritten by position and the checklist's matched by ref, only the product's own cells are written,
 * and every cell the user typed is kept. It never makes a second Timeline or checklist.
 */
export function createInspectionSheets(
  snapshot: WorkbookSnapshot,
  options: InspectionSheetsOptions,
): { patch: WorkbookPatch; report: InspectionSheetsReport } {
  const { framework, dates } = options;
  const calendar = new WorkingCalendar(regionFor(framework));
  const milestones = inspectionTimeline(framework, dates, calendar);
  const start = milestones.find((m) => m.id === "onsite")?.when ?? dates.notified;
  const metadata = readMetadata(snapshot) ?? emptyMetadata();
  // Dates go into cells as the workbook counts days (1904 for old Mac workbooks); the records keep the domain's.
  const system = dateSystemOf(snapshot);
  const sheets = new TableSheets(snapshot, framework, options.now);
  const context = { rag: defaultRagVocabulary };
  const ops: PatchOp[] = [];
  const made: UpdatedSheet[] = [];
  const refreshed = new Map<PlanRecord, PlanRecord>();

  /** Updates the workbook's own sheet of the spec's kind in place, or makes it where there is none. */
  const write = (spec: TableSheetSpec, rows: WantedRow[], key?: string): { sheet: string; range: CellRange | null } => {
    const found = findManagedTable(snapshot, metadata, spec.kind);
    if (found) {
      const owned = spec.columns.filter((c) => c.owner === "framework").map((c) => c.field);
      const updated = updateTableRows(snapshot, found, spec, rows, { key, owned, context });
      ops.push(...updated.ops);
      made.push(updated.sheet);
      refreshed.set(found.record, {
        ...found.record,
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        refreshedAt: options.now.toISOString(),
      });
      return { sheet: found.table.sheet, range: updated.sheet.rowsAdded > 0 ? updated.range : null };
    }
    const sheet = sheets.add(
      spec,
      rows.map((row) => rowByField(spec.columns, row)),
      context,
    );
    made.push({ ...sheet, updated: false, updatedCells: [], rowsAdded: 0, rowsRemoved: 0, rowsKept: [] });
    return { sheet: sheet.sheet, range: { top: 0, left: 0, bottom: rows.length, right: spec.columns.length - 1 } };
  };

  write(
    timelineSpec,
    milestones.map((m) => ({
      milestone: m.label,
      date: workbookSerial(Math.floor(m.when), system),
      time: m.timed ? timeOfDay(m.when) : null,
      confidence: CONFIDENCE_WORDS[m.confidence],
      note: m.note,
    })),
  );
  const checklist = checklistFor(framework);
  const checklistRows = framework.evidence.map((item, i): WantedRow => {
    const due = evidenceDue(framework, item, start, calendar);
    return {
      ref: `A-${String(i + 1).padStart(2, "0")}`,
      item: item.title,
      type: EVIDENCE_TYPE_LABELS[item.kind],
      status: EVIDENCE_NOT_STARTED,
      due: workbookSerial(Math.floor(due.when), system),
      dueTime: timeOfDay(due.when),
      confidence: CONFIDENCE_WORDS[due.confidence],
    };
  });
  const written = write(checklist, checklistRows, "ref");
  ops.unshift(...sheets.ops);
  if (written.range) ops.push(overdueFormat(snapshot, metadata, checklist, written.sheet, written.range));
  ops.push(
    ...writeMetadataOps(snapshot, {
      ...metadata,
      plans: [...metadata.plans.map((p) => refreshed.get(p) ?? p), ...sheets.records],
      settings: { ...metadata.settings, inspection: { notified: dates.notified, onsite: start, type: dates.type } },
    }),
  );
  const updating = made.some((s) => s.updated);
  return {
    patch: {
      description: `${updating ? "Update" : "Create"} the inspection timeline and ${checklist.title} for ${framework.name}`,
      ops,
    },
    report: { sheets: made, milestones, onsiteEstimated: dates.onsite === null },
  };
}

/**
 * Overdue and not provided: the due date and time have passed (NOW(), so it stays current in Excel), over
 * the rows given (a new sheet's, or the rows an update added), with the columns where they now stand.
 */
function overdueFormat(
  snapshot: WorkbookSnapshot,
  metadata: Metadata,
  checklist: TableSheetSpec,
  sheet: string,
  range: CellRange,
): PatchOp {
  const found = findManagedTable(snapshot, metadata, checklist.kind);
  const column = (field: string) =>
    (found && fieldColumn(found.table, found.record, field)) ?? checklist.columns.findIndex((c) => c.field === field);
  const [status, date, time] = ["status", "due", "dueTime"].map((f) => columnLetters(column(f)));
  const top = found ? found.table.range.bottom + 1 : 1;
  const bottom = Math.max(range.bottom, top);
  const anchor = top + 1;
  return {
    op: "addConditionalFormat",
    sheet,
    range: { top, left: range.left, bottom, right: range.right },
    format: {
      type: "expression",
      formula: `=AND($${status}${anchor}<>"${EVIDENCE_PROVIDED}",ISNUMBER($${date}${anchor}),$${date}${anchor}+$${time}${anchor}<NOW())`,
      style: OVERDUE_HIGHLIGHT,
    },
  };
}

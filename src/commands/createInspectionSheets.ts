import { WorkingCalendar, type HolidayRegion } from "../domain/calendar";
import type { Confidence, Framework } from "../domain/framework";
import { defaultRagVocabulary } from "../domain/rag";
import { evidenceDue, inspectionTimeline, type InspectionDates, type Milestone } from "../domain/timeline";
import { OVERDUE_HIGHLIGHT } from "../sheets/highlights";
import { checklistFor, timelineSpec } from "../sheets/inspectionSheets";
import { EVIDENCE_NOT_STARTED, EVIDENCE_PROVIDED, EVIDENCE_TYPE_LABELS } from "../sheets/planKinds";
import { METADATA_SHEET, emptyMetadata, readMetadata, writeMetadataOps } from "../sheets/metadata";
import { rowByField, type TableSheetSpec } from "../sheets/sheetSpec";
import { columnLetters } from "../workbook/address";
import type { CellInput, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { TableSheets } from "./tableSheets";

export interface InspectionSheetsOptions {
  framework: Framework;
  dates: InspectionDates;
  now: Date;
}

export interface InspectionSheetsReport {
  sheets: { kind: string; sheet: string; table: string; rows: number }[];
  milestones: Milestone[];
  /** True where the on-site start was estimated from the framework's usual notice. */
  onsiteEstimated: boolean;
}

export const inspectionSheetsQuery = { sheets: [METADATA_SHEET] };

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
  const sheets = new TableSheets(snapshot, framework, options.now);
  const add = (spec: TableSheetSpec, rows: CellInput[][]) =>
    sheets.add(spec, rows, { rag: defaultRagVocabulary }).sheet;

  add(
    timelineSpec,
    milestones.map((m) =>
      rowByField(timelineSpec.columns, {
        milestone: m.label,
        date: Math.floor(m.when),
        time: m.timed ? m.when % 1 : null,
        confidence: CONFIDENCE_WORDS[m.confidence],
        note: m.note,
      }),
    ),
  );
  const checklist = checklistFor(framework);
  const checklistRows = framework.evidence.map((item, i): CellInput[] => {
    const due = evidenceDue(framework, item, start, calendar);
    return rowByField(checklist.columns, {
      ref: `A-${String(i + 1).padStart(2, "0")}`,
      item: item.title,
      type: EVIDENCE_TYPE_LABELS[item.kind],
      status: EVIDENCE_NOT_STARTED,
      due: Math.floor(due.when),
      dueTime: due.when % 1,
      confidence: CONFIDENCE_WORDS[due.confidence],
    });
  });
  const checklistSheet = add(checklist, checklistRows);
  const ops = sheets.ops;
  // Overdue and not provided: the due date and time have passed (NOW(), so it stays current in Excel).
  const [status, date, time] = ["status", "due", "dueTime"].map((f) =>
    columnLetters(checklist.columns.findIndex((c) => c.field === f)),
  );
  const last = Math.max(checklistRows.length, 1);
  ops.push({
    op: "addConditionalFormat",
    sheet: checklistSheet,
    range: { top: 1, left: 0, bottom: last, right: checklist.columns.length - 1 },
    format: {
      type: "expression",
      formula: `=AND($${status}2<>"${EVIDENCE_PROVIDED}",ISNUMBER($${date}2),$${date}2+$${time}2<NOW())`,
      style: OVERDUE_HIGHLIGHT,
    },
  });
  ops.push(
    ...writeMetadataOps(snapshot, {
      ...metadata,
      plans: [...metadata.plans, ...sheets.records],
      settings: { ...metadata.settings, inspection: { notified: dates.notified, onsite: start, type: dates.type } },
    }),
  );
  return {
    patch: { description: `Create the inspection timeline and ${checklist.title} for ${framework.name}`, ops },
    report: { sheets: sheets.made, milestones, onsiteEstimated: dates.onsite === null },
  };
}

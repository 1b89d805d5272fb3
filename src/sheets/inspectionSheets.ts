import type { Framework } from "../domain/framework";
import { EVIDENCE_STATUSES, NEW_TABLE_STYLE } from "./planKinds";
import type { ColumnSpec, TableSheetSpec } from "./sheetSpec";

// The columns are declared as constants so each sheet's field names are a type, and rows can be built
// by field name (rowByField) with a misspelt field caught by the compiler.

const checklistColumns = [
  { field: "ref", header: "Ref", owner: "framework", kind: "text", width: 7 },
  { field: "item", header: "Item", owner: "framework", kind: "longText", width: 44 },
  { field: "type", header: "Type", owner: "framework", kind: "text", width: 14 },
  { field: "lead", header: "Owner", owner: "user", kind: "text", width: 16 },
  { field: "source", header: "Source system", owner: "user", kind: "text", width: 16 },
  { field: "status", header: "Status", owner: "user", kind: "status", width: 12 },
  { field: "due", header: "Due date", owner: "framework", kind: "date", width: 12 },
  { field: "dueTime", header: "Due time", owner: "framework", kind: "time", width: 9 },
  { field: "updated", header: "Last refreshed", owner: "user", kind: "date", width: 12 },
  { field: "notes", header: "Notes", owner: "user", kind: "longText", width: 30 },
  { field: "confidence", header: "Rule", owner: "framework", kind: "text", width: 14 },
] as const satisfies readonly ColumnSpec[];

export type ChecklistField = (typeof checklistColumns)[number]["field"];

/** The Annex A checklist: each item inspectors ask for, who gets it, from where, and by when. */
export const checklistSpec: TableSheetSpec<ChecklistField> = {
  kind: "checklist",
  sheetName: "Annex A checklist",
  tableName: "AnnexAChecklist",
  tableStyle: NEW_TABLE_STYLE,
  statuses: EVIDENCE_STATUSES,
  columns: checklistColumns,
};

const timelineColumns = [
  { field: "milestone", header: "Milestone", owner: "framework", kind: "longText", width: 48 },
  { field: "date", header: "Date", owner: "framework", kind: "date", width: 12 },
  { field: "time", header: "Time", owner: "framework", kind: "time", width: 8 },
  { field: "confidence", header: "Rule", owner: "framework", kind: "text", width: 14 },
  { field: "note", header: "Note", owner: "framework", kind: "longText", width: 50 },
] as const satisfies readonly ColumnSpec[];

export type TimelineField = (typeof timelineColumns)[number]["field"];

/**
 * What the checklist is called for a framework: "Annex A checklist" in England, where inspectors ask for
 * Ofsted's Annex A lists; elsewhere (the Care Inspectorate in Scotland, which has no Annex A) "Evidence
 * checklist", so no Scottish workbook names Annex A.
 */
export function checklistFor(framework: Framework): TableSheetSpec<ChecklistField> & { title: string } {
  return framework.country === "England"
    ? { ...checklistSpec, title: "Annex A checklist" }
    : {
        ...checklistSpec,
        sheetName: "Evidence checklist",
        tableName: "EvidenceChecklist",
        title: "evidence checklist",
      };
}

/** The inspection's milestones, from the notification. */
export const timelineSpec: TableSheetSpec<TimelineField> = {
  kind: "timeline",
  sheetName: "Timeline",
  tableName: "InspectionTimeline",
  tableStyle: NEW_TABLE_STYLE,
  columns: timelineColumns,
};

import type { Framework } from "../domain/framework";
import type { CellInput } from "../workbook/types";
import type { TableSheetSpec } from "./sheetSpec";

export const EVIDENCE_STATUSES = ["Not started", "In progress", "Ready", "Provided"];

const EVIDENCE_TYPES: Record<string, string> = {
  dataset: "Data set",
  document: "Document",
  "self-evaluation": "Self-evaluation",
};

/** The evidence tracker: what inspectors will ask for, where it is, who owns it and whether it is ready. */
export const evidenceTrackerSpec: TableSheetSpec = {
  kind: "evidence",
  sheetName: "Evidence tracker",
  tableName: "EvidenceTracker",
  tableStyle: "TableStyleMedium2",
  statuses: EVIDENCE_STATUSES,
  columns: [
    { field: "ref", header: "Ref", owner: "framework", kind: "text", width: 8 },
    { field: "criterion", header: "Criterion refs", owner: "user", kind: "text", width: 14 },
    { field: "item", header: "Evidence item", owner: "framework", kind: "longText", width: 44 },
    { field: "type", header: "Type", owner: "framework", kind: "text", width: 14 },
    { field: "location", header: "Location or link", owner: "user", kind: "longText", width: 30 },
    { field: "lead", header: "Owner", owner: "user", kind: "text", width: 16 },
    { field: "status", header: "Status", owner: "user", kind: "status", width: 12 },
    { field: "due", header: "Date", owner: "user", kind: "date", width: 12 },
    { field: "reviewedBy", header: "Reviewed by", owner: "user", kind: "text", width: 16 },
  ],
};

/** The framework's evidence items (Annex A lists, documents) as the tracker's first rows. */
export function evidenceRows(framework: Framework): CellInput[][] {
  return framework.evidence.map((item, i) => {
    const byField: Record<string, CellInput> = {
      ref: `E-${String(i + 1).padStart(2, "0")}`,
      item: item.dueWithinHours ? `${item.title} (within ${item.dueWithinHours} hours)` : item.title,
      type: EVIDENCE_TYPES[item.kind] ?? item.kind,
      status: "Not started",
    };
    return evidenceTrackerSpec.columns.map((column) => byField[column.field] ?? null);
  });
}

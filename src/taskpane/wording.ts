import type { PlanKind } from "../commands/createWorkbook";
import type { PlanField } from "../sheets/headerMatching";
import type { Scalar } from "../workbook/types";

/** The sheets a plan workbook can hold, as the pane names them (and in the order they are made). */
export const KIND_LABELS: Record<PlanKind, string> = {
  "self-evaluation": "Self-evaluation",
  "action-plan": "Action plan",
  evidence: "Evidence tracker",
};

/** The same, inside a sentence: "as an action plan". */
export const KIND_IN_SENTENCE: Record<PlanKind, string> = {
  "self-evaluation": "a self-evaluation",
  "action-plan": "an action plan",
  evidence: "an evidence tracker",
};

/** What each field of a plan holds, in the words of the plan sheets' own headers. */
export const FIELD_LABELS: Record<PlanField, string> = {
  ref: "Ref",
  area: "Area or judgement",
  criterion: "Criterion",
  action: "Action",
  lead: "Lead",
  due: "Due date",
  rag: "RAG",
  progress: "Progress update",
  evidence: "Evidence",
  measure: "Measure of success",
  updated: "Last updated",
  item: "Evidence item",
  type: "Type",
  location: "Location or link",
  status: "Status",
  reviewedBy: "Reviewed by",
};

/** "1 row", "36 rows". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A sheet or file name inside a sentence. */
export function quoted(name: string): string {
  return `“${name}”`;
}

/** A cell's value as a user would recognise it in a list of changes. */
export function valueText(value: Scalar): string {
  if (value === null || (typeof value === "string" && value.trim() === "")) return "(blank)";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

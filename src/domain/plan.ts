/**
 * The names of the kinds of plan and of the fields a plan row can hold. They live here, in the lowest
 * layer, because the validation rules and the projection name fields; everything else about a kind or a
 * field (headers, the words councils use for them, who owns the column, widths) lives beside these names
 * in one place, the registry in sheets/planKinds.ts, which the compiler holds to this list.
 */

/** Every kind of plan, in the order they are made: the self-evaluation first, as the others cite its refs. */
export const PLAN_KINDS = ["self-evaluation", "action-plan", "evidence"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export function isPlanKind(kind: string): kind is PlanKind {
  return (PLAN_KINDS as readonly string[]).includes(kind);
}

/** Every field a plan's column can hold; a workbook's metadata records each column under one of these. */
export const PLAN_FIELDS = [
  "ref",
  "judgement",
  "area",
  "district",
  "criterion",
  "action",
  "item",
  "type",
  "location",
  "lead",
  "due",
  "rag",
  "status",
  "progress",
  "evidence",
  "measure",
  "updated",
  "reviewedBy",
  "completed",
  "checks",
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

import type { RagConcept } from "../rag";

/**
 * One action of a plan as a committee pack and a roll-up read it: what it is, whose it is, when it is due,
 * where it stands. Built once from a plan's row (commands/trackedActions.ts) and from a previous pack's
 * snapshot, so the current plan and the last pack are compared in the same terms.
 */
export interface TrackedAction {
  /** Identity across packs: the ref and the action's words, so a reordered plan still matches. */
  key: string;
  ref: string | null;
  action: string;
  /** The judgement, area or theme the action is reported under. */
  group: string;
  /** A district, locality or team, where the plan has such a column. */
  district: string | null;
  lead: string | null;
  /** The latest progress update, as the plan's owner wrote it. */
  update: string | null;
  /** Excel serial days; null where blank or not a date. */
  due: number | null;
  updated: number | null;
  /** The workbook's status label the cell reads as; null where blank or not a status. */
  status: string | null;
  concept: RagConcept | null;
  /** "Action plan!G12": the RAG cell, for people to find the row. */
  cell: string;
}

/** A key that survives case, spacing and punctuation edits to an action's words. */
export function actionKey(ref: string | null, action: string): string {
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  return `${words(ref ?? "")}|${words(action)}`;
}

/**
 * Keys made unique in plan order: a second action with the same ref and words is "…#2", so two identical
 * rows are tracked apart rather than merged.
 */
export function uniqueKeys<T extends { key: string }>(actions: T[]): T[] {
  const seen = new Map<string, number>();
  return actions.map((action) => {
    const n = (seen.get(action.key) ?? 0) + 1;
    seen.set(action.key, n);
    return n === 1 ? action : { ...action, key: `${action.key}#${n}` };
  });
}

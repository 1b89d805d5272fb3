import type { RagConcept, RagStatus } from "../rag";
import type { TrackedAction } from "./trackedAction";

/** Actions whose RAG cell is blank or holds no status of the plan's scale: counted, never dropped. */
export const NO_STATUS = "No status";

/**
 * Concepts left out of the percentages: an action not started has no position yet, and one without a
 * status has none at all, so neither makes a plan look better or worse than it is.
 */
const OUTSIDE_PERCENTAGES: ReadonlySet<RagConcept | null> = new Set<RagConcept | null>(["not-started", null]);

/** One number per status of the scale, in its order, then "No status": every action counted once. */
export function countByStatus(
  actions: readonly TrackedAction[],
  vocabulary: readonly RagStatus[],
): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(vocabulary.map((s) => [s.label, 0]));
  counts[NO_STATUS] = 0;
  for (const action of actions) {
    const label = action.status !== null && action.status in counts ? action.status : NO_STATUS;
    counts[label]!++;
  }
  return counts;
}

/** The denominator of a status's percentage: actions with a status other than Not started. */
export function percentageBase(counts: Record<string, number>, vocabulary: readonly RagStatus[]): number {
  return vocabulary.filter((s) => !OUTSIDE_PERCENTAGES.has(s.concept)).reduce((n, s) => n + (counts[s.label] ?? 0), 0);
}

/** A status's share of the actions under way or done, 0–100 to one decimal place; null where it has none. */
export function percentageOf(
  label: string,
  counts: Record<string, number>,
  vocabulary: readonly RagStatus[],
): number | null {
  const status = vocabulary.find((s) => s.label === label);
  if (!status || OUTSIDE_PERCENTAGES.has(status.concept)) return null;
  const base = percentageBase(counts, vocabulary);
  return base === 0 ? null : Math.round(((counts[label] ?? 0) * 1000) / base) / 10;
}

/** Sums of several count records, key by key (a county's totals from its districts). */
export function addCounts(records: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const record of records) {
    for (const [label, n] of Object.entries(record)) total[label] = (total[label] ?? 0) + n;
  }
  return total;
}

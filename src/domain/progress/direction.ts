import type { RagConcept } from "../rag";

/** Where an action or a judgement has gone since the last pack. */
export type Direction = "improved" | "same" | "worse";

/**
 * The order of progress an action moves along. Not started sits between at risk and amber/green: starting
 * on track is progress, but an action that goes from not started to Amber or Red has gone the wrong way.
 * Awaiting sign-off is below complete, as the work is done and only the sign-off is missing.
 */
export const CONCEPT_RANK: Readonly<Record<RagConcept, number>> = {
  "off-track": 0,
  "at-risk": 1,
  "not-started": 2,
  "amber-green": 3,
  "on-track": 4,
  "awaiting-sign-off": 5,
  complete: 6,
};

/** An action's direction from one status to another; null where either has no status to compare. */
export function actionDirection(before: RagConcept | null, after: RagConcept | null): Direction | null {
  if (before === null || after === null) return null;
  return compare(CONCEPT_RANK[before], CONCEPT_RANK[after]);
}

/**
 * A judgement's direction from its projected score before and now (1–4, the projection's scale). Scores
 * closer than a hundredth are the same: the Summary shows them to 2 decimal places, and a committee should
 * never read "worse" where the printed figures are equal.
 */
export function scoreDirection(before: number | null, after: number | null): Direction | null {
  if (before === null || after === null) return null;
  const a = Math.round(before * 100);
  const b = Math.round(after * 100);
  return compare(a, b);
}

function compare(before: number, after: number): Direction {
  return after > before ? "improved" : after < before ? "worse" : "same";
}

export const DIRECTION_WORDS: Readonly<Record<Direction, string>> = {
  improved: "Improved",
  same: "Same",
  worse: "Worse",
};

/** How many actions went each way: the line a roll-up gives each district. */
export function directionCounts(directions: readonly (Direction | null)[]): Record<Direction, number> {
  const counts: Record<Direction, number> = { improved: 0, same: 0, worse: 0 };
  for (const d of directions) if (d) counts[d]++;
  return counts;
}

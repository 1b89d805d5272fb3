import type { Confidence } from "../framework";

/** Criteria that share their sources and confidence, written as [ref, text] pairs to keep data files readable. */
export function criteria(sources: string[], confidence: Confidence, rows: [ref: string, text: string][]) {
  return rows.map(([ref, text]) => ({ ref, text, sources, confidence }));
}

export const ofstedFourPointGrades = [
  { id: "outstanding", label: "Outstanding", rank: 4 },
  { id: "good", label: "Good", rank: 3 },
  { id: "requires-improvement", label: "Requires improvement", rank: 2 },
  { id: "inadequate", label: "Inadequate", rank: 1 },
];

/** Marks the criteria a failure in which caps their judgement (see the projection). */
export function markCritical<T extends { ref: string }>(refs: string[], list: T[]): (T & { critical?: boolean })[] {
  return list.map((criterion) => (refs.includes(criterion.ref) ? { ...criterion, critical: true } : criterion));
}

/** The six-point scale of Scotland's inspectorates (Care Inspectorate, Education Scotland, HMIE). */
export const sixPointGrades = [
  { id: "excellent", label: "Excellent", rank: 6 },
  { id: "very-good", label: "Very good", rank: 5 },
  { id: "good", label: "Good", rank: 4 },
  { id: "adequate", label: "Adequate", rank: 3 },
  { id: "weak", label: "Weak", rank: 2 },
  { id: "unsatisfactory", label: "Unsatisfactory", rank: 1 },
];

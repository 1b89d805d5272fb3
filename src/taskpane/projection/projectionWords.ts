import type { Framework } from "../../domain/framework";
import type { JudgementProjection, Reason } from "../../domain/projection/project";
import type { RagStatus } from "../../domain/rag";

/** How sure a projection is, in words: from how many of the judgement's criteria have a position. */
export const CONFIDENCE_WORDS: Record<JudgementProjection["confidence"], string> = {
  high: "High confidence",
  medium: "Medium confidence",
  low: "Low confidence",
  insufficient: "Not enough positions",
};

export const KIND_WORDS: Record<JudgementProjection["kind"], string> = {
  overall: "Overall judgement",
  key: "Key judgement",
  contributory: "Contributory judgement",
};

const UNCONFIRMED_RULE = " (unconfirmed rule)";

/** A reason as the pane shows it: its text without the marker, and whether it rests on an unconfirmed rule. */
export function readReason(reason: Reason): { text: string; unconfirmed: boolean } {
  if (!reason.unconfirmed) return { text: reason.text, unconfirmed: false };
  return { text: reason.text.replace(UNCONFIRMED_RULE, "").trim(), unconfirmed: true };
}

/** The scale's grades, best first, as the target picker lists them. */
export function gradesBestFirst(framework: Framework): Framework["scale"]["grades"] {
  return [...framework.scale.grades].sort((a, b) => b.rank - a.rank);
}

/** How a grade looks: the best grades and those at the target green, the lowest red, the rest amber. */
export function gradeTone(
  framework: Framework | undefined,
  gradeId: string | null,
  targetLabel: string,
): "success" | "warning" | "danger" | "informative" {
  if (!framework || gradeId === null) return "informative";
  const grades = framework.scale.grades;
  const rank = grades.find((g) => g.id === gradeId)?.rank;
  const target = grades.find((g) => g.label === targetLabel)?.rank;
  const lowest = Math.min(...grades.map((g) => g.rank));
  if (rank === undefined) return "informative";
  if (target !== undefined && rank >= target) return "success";
  return rank === lowest ? "danger" : "warning";
}

/** "2.83": scores are shown to two places, as the reasons give them. */
export function scoreText(score: number | null): string {
  return score === null ? "none yet" : score.toFixed(2);
}

/** "92%": coverage as a whole percentage, rounded as the reasons round it. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A count's label with the colour it is drawn in: a RAG status's own, or a neutral shade for the rest. */
export interface CountKey {
  label: string;
  /** What the status means ("On track"), for the legend; absent for grades and "No position". */
  meaning?: string;
  fill: string;
  text: string;
  /** Drawn hatched, so "no position" is not read as a colour of its own. */
  hatched?: boolean;
}

const NO_POSITION = "No position";
/** Shades for positions given as grades rather than RAG statuses: distinct from the RAG colours. */
const GRADE_SHADES = [
  { fill: "#5C2E91", text: "#FFFFFF" },
  { fill: "#8764B8", text: "#FFFFFF" },
  { fill: "#C6B1DE", text: "#000000" },
  { fill: "#EFE7F7", text: "#000000" },
];

/**
 * The labels counted across the judgements, in the order the chart draws them: the RAG scale's, then any
 * grades used as positions, then "No position". Labels no judgement has are left out.
 */
export function countKeys(judgements: readonly JudgementProjection[], vocabulary: readonly RagStatus[]): CountKey[] {
  const used = (label: string) => judgements.some((j) => (j.counts[label] ?? 0) > 0);
  const keys: CountKey[] = vocabulary
    .filter((s) => used(s.label))
    .map((s) => ({ label: s.label, meaning: s.meaning, fill: s.fill, text: s.text }));
  const known = new Set([...vocabulary.map((s) => s.label), NO_POSITION]);
  const grades = [...new Set(judgements.flatMap((j) => Object.keys(j.counts)))].filter(
    (label) => !known.has(label) && used(label),
  );
  grades.forEach((label, i) => keys.push({ label, ...GRADE_SHADES[i % GRADE_SHADES.length]! }));
  if (used(NO_POSITION)) keys.push({ label: NO_POSITION, fill: "#FFFFFF", text: "#242424", hatched: true });
  return keys;
}

/** "Green 11, Red 1": a judgement's counts in words, for its bar's label and the table. */
export function countsInWords(judgement: JudgementProjection, keys: readonly CountKey[]): string {
  const parts = keys
    .filter((k) => (judgement.counts[k.label] ?? 0) > 0)
    .map((k) => `${k.label} ${judgement.counts[k.label]}`);
  return parts.length === 0 ? "no criteria" : parts.join(", ");
}

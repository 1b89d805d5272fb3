/**
 * The RAG vocabulary a plan uses. Colours mean different things to different people, so every status
 * carries its meaning in words and a concept the rules understand (is it complete? off track?), and the
 * fill colours are chosen so the text on them meets WCAG AA contrast on screen and on paper.
 */
export type RagConcept =
  "complete" | "awaiting-sign-off" | "on-track" | "amber-green" | "at-risk" | "off-track" | "not-started";

export interface RagStatus {
  label: string;
  meaning: string;
  concept: RagConcept;
  fill: string;
  text: string;
}

export const defaultRagVocabulary: readonly RagStatus[] = [
  { label: "Blue", meaning: "Complete", concept: "complete", fill: "#0F6CBD", text: "#FFFFFF" },
  {
    label: "Complete – awaiting sign-off",
    meaning: "Done, waiting for the lead to sign it off",
    concept: "awaiting-sign-off",
    fill: "#B4D6FA",
    text: "#000000",
  },
  { label: "Green", meaning: "On track", concept: "on-track", fill: "#107C10", text: "#FFFFFF" },
  { label: "Amber", meaning: "At risk", concept: "at-risk", fill: "#FFB900", text: "#000000" },
  { label: "Red", meaning: "Off track", concept: "off-track", fill: "#C50F1F", text: "#FFFFFF" },
  { label: "Not started", meaning: "Not started yet", concept: "not-started", fill: "#D1D1D1", text: "#000000" },
];

/** The four-colour scale some councils use instead, with Amber/Green between at risk and on track. */
export const amberGreenVocabulary: readonly RagStatus[] = [
  { label: "Red", meaning: "Off track", concept: "off-track", fill: "#C50F1F", text: "#FFFFFF" },
  { label: "Amber", meaning: "At risk", concept: "at-risk", fill: "#FFB900", text: "#000000" },
  { label: "Amber/Green", meaning: "Mostly on track", concept: "amber-green", fill: "#8CBD18", text: "#000000" },
  { label: "Green", meaning: "On track", concept: "on-track", fill: "#107C10", text: "#FFFFFF" },
];

/** The scales a workbook can be made with, by name (the CLI's --rag-scale). */
export const RAG_SCALES: Record<string, readonly RagStatus[]> = {
  standard: defaultRagVocabulary,
  "four-colour": amberGreenVocabulary,
};

export const RAG_CONCEPTS: readonly RagConcept[] = [
  "complete",
  "awaiting-sign-off",
  "on-track",
  "amber-green",
  "at-risk",
  "off-track",
  "not-started",
];

/** Words and marks councils write for each concept, in lower case with single spaces. */
const CONCEPT_WORDS: Record<RagConcept, string[]> = {
  complete: ["b", "blue", "complete", "completed", "done", "closed", "achieved", "🔵"],
  "awaiting-sign-off": [
    "complete - awaiting sign-off",
    "complete awaiting sign-off",
    "awaiting sign-off",
    "awaiting sign off",
    "c/a",
    "complete – awaiting sign-off",
  ],
  "on-track": ["g", "green", "on track", "on target", "🟢"],
  "amber-green": ["a/g", "ag", "amber/green", "amber green", "amber-green"],
  "at-risk": ["a", "amber", "at risk", "🟠", "🟡"],
  "off-track": ["r", "red", "off track", "not on track", "🔴"],
  "not-started": ["not started", "ns", "not yet started", "⚪"],
};

/** Where a vocabulary lacks a concept, the nearest one it has, more cautious first. */
const FALLBACK: Partial<Record<RagConcept, RagConcept[]>> = {
  "amber-green": ["at-risk"],
  "awaiting-sign-off": ["complete"],
  complete: ["on-track"],
  "not-started": [],
};

export interface RagReading {
  /** The canonical status, or null when the text is not one we recognise. */
  status: string | null;
  /** True when the cell already holds the canonical text exactly. */
  canonical: boolean;
}

/**
 * Reads what a manager typed into a RAG cell: any case, stray or non-breaking spaces, initials (G, A/G),
 * the words people use (On track, At risk, Off track, Complete, Done) and emoji circles. Nothing is
 * changed here; callers report a non-canonical value and offer the canonical one.
 */
export function readRag(value: unknown, vocabulary: readonly RagStatus[] = defaultRagVocabulary): RagReading {
  if (typeof value !== "string") return { status: null, canonical: false };
  if (vocabulary.some((s) => s.label === value)) return { status: value, canonical: true };
  const key = value
    .replace(/\u00a0/g, " ")
    .replace(/[‐‑–—]/g, "-")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
  if (key === "") return { status: null, canonical: false };
  const byLabel = vocabulary.find((s) => s.label.toLowerCase().replace(/[‐‑–—]/g, "-") === key);
  if (byLabel) return { status: byLabel.label, canonical: false };
  const concept = (Object.keys(CONCEPT_WORDS) as RagConcept[]).find((c) => CONCEPT_WORDS[c].includes(key));
  if (!concept) return { status: null, canonical: false };
  for (const candidate of [concept, ...(FALLBACK[concept] ?? [])]) {
    const status = vocabulary.find((s) => s.concept === candidate);
    if (status) return { status: status.label, canonical: false };
  }
  return { status: null, canonical: false };
}

/** The status a cell holds as Excel's "=" would see it: the label, ignoring case, or none. */
export function statusOf(value: unknown, vocabulary: readonly RagStatus[]): RagStatus | undefined {
  if (typeof value !== "string") return undefined;
  const lower = value.toLowerCase();
  return vocabulary.find((s) => s.label.toLowerCase() === lower);
}

/** Complete for the rules: done, whether or not signed off. */
export function isComplete(status: RagStatus | undefined): boolean {
  return status?.concept === "complete" || status?.concept === "awaiting-sign-off";
}

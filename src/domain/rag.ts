/**
 * The RAG vocabulary a plan uses. Colours mean different things to different people, so every status
 * carries its meaning in words, and the fill colours are chosen so white or black text on them meets
 * WCAG AA contrast when printed or shown on screen.
 */
export interface RagStatus {
  label: string;
  meaning: string;
  fill: string;
  text: string;
}

export const defaultRagVocabulary: readonly RagStatus[] = [
  { label: "Blue", meaning: "Complete", fill: "#0F6CBD", text: "#FFFFFF" },
  { label: "Green", meaning: "On track", fill: "#107C10", text: "#FFFFFF" },
  { label: "Amber", meaning: "At risk", fill: "#FFB900", text: "#000000" },
  { label: "Red", meaning: "Off track", fill: "#C50F1F", text: "#FFFFFF" },
];

/** Words and marks councils write for each default status, in lower case without spaces around. */
const RAG_SYNONYMS: Record<string, string[]> = {
  Blue: ["b", "blue", "complete", "completed", "done", "closed", "achieved", "🔵"],
  Green: ["g", "green", "on track", "on target", "🟢"],
  Amber: ["a", "amber", "at risk", "a/g", "amber/green", "ag", "🟠", "🟡"],
  Red: ["r", "red", "off track", "not on track", "overdue", "🔴"],
};

export interface RagReading {
  /** The canonical status, or null when the text is not one we recognise. */
  status: string | null;
  /** True when the cell already holds the canonical text exactly. */
  canonical: boolean;
}

/**
 * Reads what a manager typed into a RAG cell: any case, stray or non-breaking spaces, initials, the
 * words people use (On track, At risk, Off track, Complete, Done) and emoji circles. Nothing is changed
 * here; callers report a non-canonical value and offer the canonical one.
 */
export function readRag(value: unknown, vocabulary: readonly RagStatus[] = defaultRagVocabulary): RagReading {
  if (typeof value !== "string") return { status: null, canonical: false };
  const exact = vocabulary.find((s) => s.label === value);
  if (exact) return { status: exact.label, canonical: true };
  const key = value
    .replace(/\u00a0/g, " ")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
  if (key === "") return { status: null, canonical: false };
  for (const status of vocabulary) {
    const synonyms = RAG_SYNONYMS[status.label] ?? [status.label.toLowerCase()];
    if (status.label.toLowerCase() === key || synonyms.includes(key)) return { status: status.label, canonical: false };
  }
  return { status: null, canonical: false };
}

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

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

/**
 * Marks that separate words in what people type into a RAG cell, and nothing more: "Amber/Green",
 * "Amber-Green", "Amber / Green" and "amber green" are one status, as are "sign off", "sign-off" and
 * "signoff". A RAG key (see `ragKey`) drops them all, so the Excel formulas can do the same with SUBSTITUTE.
 */
export const RAG_SEPARATORS: readonly string[] = [
  " ",
  "\u00a0",
  "-",
  "\u2010",
  "\u2011",
  "\u2012",
  "\u2013",
  "\u2014",
  "\u2212",
  "/",
  "\\",
  ".",
  "_",
  "(",
  ")",
  ",",
];

/** Every separator at once: each is one character, so one character class finds them all. */
const SEPARATOR_PATTERN = new RegExp(
  `[${RAG_SEPARATORS.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}]`,
  "g",
);

/**
 * Keys already worked out. A plan repeats a handful of RAG texts over thousands of rows, and the rules ask
 * for the key of each cell several times; bounded, so a sheet of free text cannot grow it without end.
 */
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 1000;

/** What RAG text is compared by: lower case, with every separator (spaces, dashes, slashes) dropped. */
export function ragKey(text: string): string {
  const known = KEY_CACHE.get(text);
  if (known !== undefined) return known;
  const key = text.toLowerCase().replace(SEPARATOR_PATTERN, "");
  if (KEY_CACHE.size < KEY_CACHE_LIMIT) KEY_CACHE.set(text, key);
  return key;
}

/**
 * Words and marks councils write for each concept. Case, spaces, dashes and slashes do not matter (they
 * are compared by `ragKey`), so "Complete - awaiting sign off", "complete–awaiting sign-off" and
 * "COMPLETE AWAITING SIGNOFF" are all the one entry "complete – awaiting sign-off".
 * Red/Amber (between at risk and off track) is deliberately absent: no concept holds it, and calling it
 * Red or Amber would lose what the council meant, so it is reported for a person to decide.
 */
export const CONCEPT_WORDS: Readonly<Record<RagConcept, readonly string[]>> = {
  complete: [
    "B",
    "Blue",
    "Complete",
    "Completed",
    "Done",
    "Closed",
    "Achieved",
    "Complete and signed off",
    "Completed and signed off",
    "Complete – signed off",
    "Signed off",
    "🔵",
  ],
  "awaiting-sign-off": [
    "Complete – awaiting sign-off",
    "Completed – awaiting sign-off",
    "Awaiting sign-off",
    "Complete – pending sign-off",
    "Pending sign-off",
    "Complete – not signed off",
    "Light blue",
    "C/A",
  ],
  "on-track": ["G", "Green", "On track", "On target", "🟢"],
  "amber-green": ["A/G", "Amber/Green", "G/A", "Green/Amber"],
  "at-risk": ["A", "Amber", "At risk", "🟠", "🟡"],
  "off-track": ["R", "Red", "Off track", "Not on track", "🔴"],
  "not-started": ["Not started", "N/S", "Not yet started", "Yet to start", "Grey", "Gray", "⚪"],
};

const CONCEPT_BY_KEY: ReadonlyMap<string, RagConcept> = new Map(
  (Object.keys(CONCEPT_WORDS) as RagConcept[]).flatMap((concept) =>
    CONCEPT_WORDS[concept].map((word): [string, RagConcept] => [ragKey(word), concept]),
  ),
);

/** The concept of RAG text by the words councils use, whatever the scale; undefined when not one of them. */
export function conceptOfWords(text: string): RagConcept | undefined {
  return CONCEPT_BY_KEY.get(ragKey(text));
}

/**
 * The concept a cell holds for a workbook: a status of its own scale (its label in any case, spacing or
 * dashes), else the words councils use. Unlike `readRag`, never the nearest status the scale has.
 */
export function conceptOf(value: unknown, vocabulary: readonly RagStatus[]): RagConcept | undefined {
  if (typeof value !== "string") return undefined;
  const key = ragKey(value);
  if (key === "") return undefined;
  return vocabulary.find((s) => ragKey(s.label) === key)?.concept ?? CONCEPT_BY_KEY.get(key);
}

/**
 * The keys (see `ragKey`) that read as one of `concepts` for a workbook: its own labels of those
 * concepts, and the words councils use for them unless the workbook gives that text another concept.
 * What the Excel formulas list, so that they read a cell as `conceptOf` does.
 */
export function keysOfConcepts(vocabulary: readonly RagStatus[], concepts: readonly RagConcept[]): string[] {
  const labelled = new Map(vocabulary.map((s) => [ragKey(s.label), s.concept]));
  const keys = new Set<string>();
  for (const [key, concept] of labelled) if (concepts.includes(concept)) keys.add(key);
  for (const [key, concept] of CONCEPT_BY_KEY) if (!labelled.has(key) && concepts.includes(concept)) keys.add(key);
  return [...keys].filter((k) => k !== "");
}

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
 * Reads what a manager typed into a RAG cell: any case, spaces, dashes or slashes, initials (G, A/G),
 * the words people use (On track, At risk, Off track, Complete, Done) and emoji circles. Where the
 * workbook's scale lacks the concept, the nearest status it has is offered (Amber for Amber/Green): a
 * suggestion for a person to choose, see `conceptOf` for what the text itself means. Nothing is changed
 * here; callers report a non-canonical value and offer the canonical one.
 */
export function readRag(value: unknown, vocabulary: readonly RagStatus[] = defaultRagVocabulary): RagReading {
  if (typeof value !== "string") return { status: null, canonical: false };
  if (vocabulary.some((s) => s.label === value)) return { status: value, canonical: true };
  const key = ragKey(value);
  if (key === "") return { status: null, canonical: false };
  const byLabel = vocabulary.find((s) => ragKey(s.label) === key);
  if (byLabel) return { status: byLabel.label, canonical: false };
  const concept = CONCEPT_BY_KEY.get(key);
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

/** The concepts that count as done for the rules, whether or not signed off. */
export const COMPLETE_CONCEPTS: readonly RagConcept[] = ["complete", "awaiting-sign-off"];

/** Complete for the rules: done, whether or not signed off. */
export function isComplete(status: RagStatus | undefined): boolean {
  return status?.concept === "complete" || status?.concept === "awaiting-sign-off";
}

export function isRagConcept(text: string): text is RagConcept {
  return (RAG_CONCEPTS as readonly string[]).includes(text);
}

import {
  amberGreenVocabulary,
  conceptOf,
  conceptOfWords,
  defaultRagVocabulary,
  RAG_CONCEPTS,
  ragKey,
  type RagConcept,
  type RagStatus,
} from "./rag";

/**
 * A council's own RAG scale, as its sheet shows it: the statuses its values use, and the key it prints
 * ("Amber/Green = minor slippage"). Kept as the workbook's scale, so that a four-colour plan stays
 * four-colour and nothing is folded into a neighbouring status without a person choosing it.
 */

/** One line of a RAG key: the status as written, its concept (absent: not one we know) and its meaning. */
export interface RagKeyLine {
  label: string;
  concept?: RagConcept;
  meaning: string;
}

/** Between a status and its meaning in a key: "=", ":", or a dash with spaces round it ("Blue – done"). */
const KEY_SEPARATOR = /\s*(?:=|:|\s[-‐‑–—]\s|[–—])\s*/g;

/**
 * Reads a key line written in one cell: "Amber/Green = minor slippage", "Blue – complete and signed off",
 * "R: off track". The longest start that names a status is the label. Text that is a status on its own
 * ("Complete - awaiting sign off") is a value, not a key line: null. With `anyLabel`, a label we do not
 * know ("Red/Amber = significant slippage") is kept too, without a concept, if "=" or ":" marks it.
 */
export function readKeyLine(text: string, anyLabel = false): RagKeyLine | null {
  const trimmed = text.replace(/\s+/g, " ").trim();
  if (trimmed === "" || conceptOfWords(trimmed)) return null;
  let best: RagKeyLine | null = null;
  let first: RagKeyLine | null = null;
  for (const match of trimmed.matchAll(KEY_SEPARATOR)) {
    const label = trimmed.slice(0, match.index).trim();
    const meaning = trimmed.slice(match.index + match[0].length).trim();
    if (label === "" || meaning === "") continue;
    const concept = conceptOfWords(label);
    if (concept) best = { label, concept, meaning };
    else if (!first && /[=:]/.test(match[0]) && label.length <= 30) first = { label, meaning };
  }
  return best ?? (anyLabel ? first : null);
}

/** Is this cell the heading of a key: "RAG key", "Key", "Key to RAG ratings", "RAG status legend:". */
export function isKeyHeading(text: string): boolean {
  const t = text.replace(/\s+/g, " ").trim().toLowerCase();
  return /^(?:(?:b?rag|rating|ratings|status|colour|colours|progress)\s)*(?:key|legend)(?:\s(?:to|for)\s.{0,30})?:?$/.test(
    t,
  );
}

/** The standard colours and words for a concept, from the scales the product ships. */
export function standardStatus(concept: RagConcept): RagStatus {
  return [...defaultRagVocabulary, ...amberGreenVocabulary].find((s) => s.concept === concept)!;
}

export interface SheetScale {
  statuses: { label: string; concept: RagConcept; meaning?: string }[];
  from: "values" | "key" | "both";
  /** Key lines whose status we could not place (such as "Red/Amber"): reported, not guessed. */
  unrecognised: string[];
}

/**
 * The scale a sheet uses, from its key (in the key's order and words) and the RAG values it holds (read
 * by `vocabulary`, the workbook's scale so far). A sheet with Amber/Green values and no key has the
 * four-colour scale; values of other concepts join it. Null when the sheet shows no scale at all.
 */
export function sheetScale(
  key: RagKeyLine[],
  values: string[],
  vocabulary: readonly RagStatus[] = defaultRagVocabulary,
): SheetScale | null {
  const written = new Map<RagConcept, string[]>();
  for (const value of values) {
    const concept = conceptOf(value, vocabulary);
    if (concept) written.set(concept, [...(written.get(concept) ?? []), value.replace(/\s+/g, " ").trim()]);
  }
  const keyed = new Map<RagConcept, RagKeyLine>();
  for (const line of key) if (line.concept && !keyed.has(line.concept)) keyed.set(line.concept, line);
  if (keyed.size === 0 && written.size === 0) return null;

  const base: readonly RagConcept[] =
    keyed.size > 0
      ? [...keyed.keys()]
      : (written.has("amber-green") ? amberGreenVocabulary : defaultRagVocabulary)
          .map((s) => s.concept)
          .filter((c) => written.has(c) || written.has("amber-green"));
  const concepts = [...base, ...RAG_CONCEPTS.filter((c) => !base.includes(c) && written.has(c))];
  return {
    statuses: concepts.map((concept) => {
      const line = keyed.get(concept);
      // A key's "AG = minor slippage" names the status by initials: the label is then the words for it.
      const label =
        line && inWords(line.label) ? line.label : labelAsWritten(written.get(concept) ?? [], concept, vocabulary);
      return line ? { label, concept, meaning: line.meaning } : { label, concept };
    }),
    from: keyed.size === 0 ? "values" : written.size === 0 ? "key" : "both",
    unrecognised: key.filter((line) => !line.concept).map((line) => line.label),
  };
}

/** A status written in words, fit to be a label: capitalised, not initials, marks, or capitals throughout. */
const inWords = (s: string) => ragKey(s).length > 2 && /^\p{Lu}/u.test(s) && s !== s.toUpperCase();

/**
 * The label a sheet writes for a concept: its most common spelling in words ("Complete - awaiting sign
 * off"), not initials, marks, lower case or capitals throughout ("A/G", "amber-green", "AMBER-GREEN");
 * else the workbook's or the standard label.
 */
function labelAsWritten(spellings: string[], concept: RagConcept, vocabulary: readonly RagStatus[]): string {
  const words = spellings.filter(inWords);
  const counts = new Map<string, number>();
  for (const s of words) counts.set(s, (counts.get(s) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ?? vocabulary.find((s) => s.concept === concept)?.label ?? standardStatus(concept).label;
}

/** The scale as the workbook keeps it: the sheet's labels and the key's meanings on the standard colours. */
export function scaleVocabulary(scale: SheetScale): RagStatus[] {
  return scale.statuses.map(({ label, concept, meaning }) => {
    const standard = standardStatus(concept);
    return { label, meaning: meaning ?? standard.meaning, concept, fill: standard.fill, text: standard.text };
  });
}

/** Does the sheet's scale say more than the standard one: a key of its own, or a status it lacks. */
export function differsFromStandard(scale: SheetScale): boolean {
  return (
    scale.from !== "values" || scale.statuses.some((s) => !defaultRagVocabulary.some((d) => d.concept === s.concept))
  );
}

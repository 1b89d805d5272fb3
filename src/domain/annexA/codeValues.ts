import { CODE_WORDS } from "./codeWords";
import codeDetails from "./codeDetails2019.json";

/** The template's own description of a code (its Codes_used sheet), by the code's exact text. */
const DETAILS: Record<string, string> = codeDetails.details;

/** Strips a code's letter prefix: "b) Female" → "Female", "zz) T4: …" → "T4: …". */
export const withoutPrefix = (code: string): string => code.replace(/^[a-z]{1,2}\d?\)\s*/i, "");

/** A value compared as a person reads it: case, spaces, quotes, dashes and punctuation do not matter. */
export function codeKey(text: string): string {
  return text
    .replace(/[\u2018\u2019\u2032`]/g, "'")
    .replace(/&/g, " and ")
    .toLowerCase()
    .replace(/'/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The short code: "a) 1A: Individual" → "1A", "N1 - Abuse or neglect" → "N1", "a) WBRI" → "WBRI". */
function shortCode(code: string): string {
  return withoutPrefix(code).split(/:| - /)[0]!.trim();
}

/** The code's words after its short code: "N1 - Abuse or neglect" → "Abuse or neglect"; none for "a) Male". */
function codeWords(code: string): string | null {
  const rest = withoutPrefix(code);
  const match = /^[^:]+?(?::| - )\s*(.+)$/.exec(rest);
  return match ? match[1]!.trim() : null;
}

/** How a value was read as a code, for the report. */
export type CodeReading = "prefix" | "short code" | "words" | "common word";

export interface CodeIndex {
  exact: Set<string>;
  /** A value's codeKey → the template's code, and how it was read. */
  forms: Map<string, { code: string; how: CodeReading }>;
}

/**
 * Every form a column's codes may be written in, by codeKey. A form that would stand for two codes of
 * the column ("Individual" for 1A to 1D, "Adopted" for E11 and E12) is dropped: it is reported, not guessed.
 */
export function codeIndex(codes: readonly string[]): CodeIndex {
  const candidates = new Map<string, Map<string, CodeReading>>();
  const add = (form: string | null | undefined, code: string, how: CodeReading) => {
    if (!form) return;
    const key = codeKey(form);
    if (!key) return;
    const forCode = candidates.get(key) ?? new Map<string, CodeReading>();
    if (!forCode.has(code)) forCode.set(code, how);
    candidates.set(key, forCode);
  };
  for (const code of codes) {
    add(code, code, "prefix");
    add(withoutPrefix(code), code, "prefix");
    add(shortCode(code), code, "short code");
    const words = codeWords(code);
    add(words, code, "words");
    if (words) add(`${shortCode(code)} ${words}`, code, "prefix");
    const bare = withoutPrefix(code);
    if (/^(yes|no)$/i.test(bare)) add(bare[0]!, code, "short code");
    for (const word of CODE_WORDS[bare] ?? []) add(word, code, "common word");
    // The template's own description ("C1 - Interim care order", "White British"), whole and after its code.
    const detail = DETAILS[code];
    if (detail) {
      add(detail, code, "common word");
      add(codeWords(detail), code, "common word");
    }
  }
  const forms = new Map<string, { code: string; how: CodeReading }>();
  for (const [key, byCode] of candidates) {
    if (byCode.size !== 1) {
      // A form that is one code's own text or short code wins over another code's common word for it.
      const strong = [...byCode].filter(([, how]) => how === "prefix" || how === "short code");
      if (strong.length === 1) forms.set(key, { code: strong[0]![0], how: strong[0]![1] });
      continue;
    }
    const [code, how] = [...byCode][0]!;
    forms.set(key, { code, how });
  }
  return { exact: new Set(codes), forms };
}

/** "a) Male, b) Female, …": the allowed values, for a message. */
export function allowedValues(codes: readonly string[]): string {
  return codes.join("; ");
}

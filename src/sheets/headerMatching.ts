import type { PlanField } from "../domain/plan";
import { FIELD_SYNONYMS } from "./fieldSynonyms";

/**
 * Finding columns by what their headers say, the way councils actually write them. Matching is
 * tolerant of case, punctuation, curly quotes, stray spaces and a trailing "?" or ":", so users may
 * rename and reorder columns within the words we know.
 */

const DISTINCTIVE = new Set(["rag", "ref", "kpi"]);

/** Lower case, straight quotes, no punctuation but "#" and "/", single spaces. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201c\u201d]/g, "'")
    .replace(/\u00a0/g, " ")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9#/ ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** How well a header names a field: 3 an exact synonym, 2 a synonym as whole words within it, else 0. */
export function headerScore(header: string, field: PlanField): number {
  const text = normaliseHeader(header);
  if (text === "") return 0;
  const synonyms = FIELD_SYNONYMS[field] ?? [];
  if (synonyms.includes(text)) return 3;
  const padded = ` ${text} `;
  // Short synonyms ("no", "by", "who") only count as exact matches, as words they appear everywhere;
  // the distinctive ones ("RAG", "ref", "KPI") count as words too ("Self-assessed RAG").
  return synonyms.some((s) => (s.length > 3 || DISTINCTIVE.has(s)) && padded.includes(` ${s} `)) ? 2 : 0;
}

/**
 * Assigns columns to fields: the best-scoring pairs first, each field and each column used at most once.
 * Returns field → column index.
 */
export function matchHeaders(headers: readonly string[], fields: readonly PlanField[]): Map<PlanField, number> {
  const candidates: { field: PlanField; col: number; score: number }[] = [];
  headers.forEach((header, col) => {
    for (const field of fields) {
      const score = headerScore(header, field);
      if (score > 0) candidates.push({ field, col, score });
    }
  });
  // Best score first; among equals, the leftmost column and the field listed first.
  candidates.sort((a, b) => b.score - a.score || a.col - b.col || fields.indexOf(a.field) - fields.indexOf(b.field));
  const mapping = new Map<PlanField, number>();
  const usedColumns = new Set<number>();
  for (const { field, col } of candidates) {
    if (mapping.has(field) || usedColumns.has(col)) continue;
    mapping.set(field, col);
    usedColumns.add(col);
  }
  return mapping;
}

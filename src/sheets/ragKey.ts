import { conceptOfWords } from "../domain/rag";
import { isKeyHeading, readKeyLine, type RagKeyLine } from "../domain/ragScale";
import type { Scalar } from "../workbook/types";

/** A RAG key found on a sheet: its lines in order, and every cell it occupies (heading included). */
export interface FoundRagKey {
  lines: (RagKeyLine & { row: number; col: number })[];
  /** 0-based [row, col] of the heading and of each line's cells. */
  cells: [number, number][];
}

const text = (v: Scalar | undefined): string => (typeof v === "string" ? v.trim() : "");

/**
 * Finds a RAG key on a sheet, above, below or beside the table: a heading ("RAG key", "Key") with lines
 * under it, or two or more key lines together in one column. A line is one cell ("Amber/Green = minor
 * slippage", "Blue – complete and signed off") or, under a heading or on a row of its own, a status and
 * its meaning side by side ("Amber/Green" | "Minor slippage"). `inTable` says which cells hold the
 * plan's data, which are never read as a key; `dataRow`, the rows of the table, where a key needs a heading.
 */
export function findRagKey(
  values: Scalar[][],
  inTable: (row: number, col: number) => boolean,
  dataRow: (row: number) => boolean = () => false,
): FoundRagKey {
  const filled = (r: number) => (values[r] ?? []).filter((v) => text(v) !== "").length;
  const lineAt = (r: number, c: number, underHeading: boolean) => {
    // Beside the table, only a key with a heading: notes such as "Amber – awaiting funding" are data.
    if (inTable(r, c) || (!underHeading && dataRow(r))) return null;
    const own = text(values[r]?.[c]);
    if (own === "") return null;
    const oneCell = readKeyLine(own, underHeading);
    if (oneCell) return { line: oneCell, cells: [[r, c]] as [number, number][] };
    const meaning = text(values[r]?.[c + 1]);
    const concept = conceptOfWords(own);
    const meaningConcept = conceptOfWords(meaning);
    // "Red | Off track" is a key line; "Red | Green" is two values side by side.
    if (!concept || meaning === "" || (meaningConcept && meaningConcept !== concept) || inTable(r, c + 1)) return null;
    if (!underHeading && filled(r) !== 2) return null;
    return {
      line: { label: own, concept, meaning },
      cells: [
        [r, c],
        [r, c + 1],
      ] as [number, number][],
    };
  };

  const found: FoundRagKey = { lines: [], cells: [] };
  const taken = new Set<string>();
  const take = (block: NonNullable<ReturnType<typeof lineAt>>[], heading?: [number, number]) => {
    if (heading) found.cells.push(heading);
    for (const { line, cells } of block) {
      found.lines.push({ ...line, row: cells[0]![0], col: cells[0]![1] });
      found.cells.push(...cells);
      for (const [r, c] of cells) taken.add(`${r},${c}`);
    }
  };

  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (taken.has(`${r},${c}`) || inTable(r, c)) return;
      const heading = isKeyHeading(text(v));
      const block: NonNullable<ReturnType<typeof lineAt>>[] = [];
      const first = heading ? (text(values[r + 1]?.[c]) === "" ? r + 2 : r + 1) : r;
      for (let below = first; below < values.length; below++) {
        const line = lineAt(below, c, heading);
        if (!line) break;
        block.push(line);
      }
      if (heading ? block.length > 0 : block.length >= 2) {
        take(block, heading ? [r, c] : undefined);
        if (heading) taken.add(`${r},${c}`);
      }
    }),
  );
  return found;
}

import type { CellValue } from "../validation/planRow";
import { allColumns, normaliseAnnexHeader, type AnnexColumn, type AnnexList } from "./listSpecs";
import type { TemplateVersionId } from "./templateVersions";

/** How a header was matched to a column, strongest first. */
export type HeaderMatchHow = "name" | "version" | "synonym" | "pattern";

/** One column found on a sheet's header row, and why. */
export interface ColumnMatch {
  /** The template's name for the column. */
  column: string;
  /** 0-based column of the header. */
  col: number;
  /** The header as the sheet writes it. */
  header: string;
  how: HeaderMatchHow;
  /** The other name's template version (how = "version"), or the pattern (how = "pattern"). */
  version?: TemplateVersionId;
  pattern?: string;
}

export interface HeaderRow {
  /** 0-based row of the headers. */
  row: number;
  matched: number;
  /** Column name → its 0-based column. */
  map: Map<string, number>;
  /** Column name → the other name it was found by ("Sex" for "Gender"), with the version that uses it. */
  via: Map<string, { name: string; version: TemplateVersionId }>;
  matches: ColumnMatch[];
}

interface Wanted {
  column: AnnexColumn;
  how: Exclude<HeaderMatchHow, "pattern">;
  version?: TemplateVersionId;
  name: string;
}

const indexCache = new WeakMap<
  AnnexList,
  { exact: Map<string, Wanted>; patterns: { column: AnnexColumn; re: RegExp; source: string }[] }
>();

/** A list's names, other names and synonyms by their normalised form, and its patterns; built once per list. */
function indexOf(spec: AnnexList) {
  const cached = indexCache.get(spec);
  if (cached) return cached;
  const exact = new Map<string, Wanted>();
  const put = (name: string, wanted: Omit<Wanted, "name">) => {
    const key = normaliseAnnexHeader(name);
    if (!exact.has(key)) exact.set(key, { ...wanted, name });
  };
  const columns = allColumns(spec);
  // Names first, for every column, so a synonym can never take another column's own name.
  for (const column of columns) put(column.name, { column, how: "name" });
  for (const column of columns)
    for (const other of column.otherNames ?? []) put(other.name, { column, how: "version", version: other.version });
  for (const column of columns) for (const synonym of column.synonyms ?? []) put(synonym, { column, how: "synonym" });
  const patterns = columns.flatMap((column) =>
    (column.patterns ?? []).map((source) => ({ column, re: new RegExp(source), source })),
  );
  const index = { exact, patterns };
  indexCache.set(spec, index);
  return index;
}

/** Where each of a list's columns is on one row of headers: names and synonyms first, then patterns. */
export function matchHeaders(cells: readonly CellValue[], spec: AnnexList): ColumnMatch[] {
  const { exact, patterns } = indexOf(spec);
  const taken = new Set<string>();
  const matches: ColumnMatch[] = [];
  const left: { col: number; header: string; key: string }[] = [];
  cells.forEach((cell, col) => {
    if (typeof cell !== "string" || cell.trim() === "") return;
    const key = normaliseAnnexHeader(cell);
    const wanted = exact.get(key);
    if (!wanted || taken.has(wanted.column.name)) {
      left.push({ col, header: cell, key });
      return;
    }
    taken.add(wanted.column.name);
    matches.push({
      column: wanted.column.name,
      col,
      header: cell,
      how: wanted.how,
      ...(wanted.version ? { version: wanted.version } : {}),
    });
  });
  // Patterns only for the headers and columns still unmatched; a header two columns' patterns take is left alone.
  for (const { col, header, key } of left) {
    const candidates = patterns.filter((p) => !taken.has(p.column.name) && p.re.test(key));
    const columns = new Set(candidates.map((c) => c.column.name));
    if (columns.size !== 1) continue;
    const { column, source } = candidates[0]!;
    taken.add(column.name);
    matches.push({ column: column.name, col, header, how: "pattern", pattern: source });
  }
  return matches.sort((a, b) => a.col - b.col);
}

/** The row of a list's headers: of the first ten, the one that matches most of its columns. */
export function findHeaderRow(values: readonly (readonly CellValue[])[], spec: AnnexList): HeaderRow {
  let best: HeaderRow = { row: 0, matched: 0, map: new Map(), via: new Map(), matches: [] };
  for (let r = 0; r < Math.min(10, values.length); r++) {
    const matches = matchHeaders(values[r] ?? [], spec);
    if (matches.length <= best.matched) continue;
    const map = new Map(matches.map((m) => [m.column, m.col]));
    const via = new Map(
      matches.flatMap((m) =>
        m.how === "version" ? [[m.column, { name: m.header, version: m.version! }] as const] : [],
      ),
    );
    best = { row: r, matched: matches.length, map, via, matches };
  }
  return best;
}

/** Why a header was taken for a column, in words: "“Age” is a known other spelling of “Age of Child (Years)”". */
export function explainMatch(match: ColumnMatch): string {
  const header = `“${match.header.trim()}”`;
  const column = `“${match.column.trim()}”`;
  switch (match.how) {
    case "name":
      return match.header === match.column
        ? `${header} is the template's own header`
        : `${header} is the template's ${column}, spelt differently (case, spaces, quotes or punctuation)`;
    case "version":
      return `${header} is ${column} under the name a later template version gives it (${match.version})`;
    case "synonym":
      return `${header} is a known other spelling of ${column}`;
    case "pattern":
      return `${header} is read as ${column}: it fits the pattern /${match.pattern}/ and no other column's`;
  }
}

import type { AnnexColumn } from "./listSpecs";
import { BASE_VERSION, TEMPLATE_VERSIONS, templateVersion, type TemplateVersionId } from "./templateVersions";

/** A header that shows a later version of the template. */
export interface TemplateEvidence {
  version: TemplateVersionId;
  list: number;
  sheet: string;
  /** The header's cell, e.g. "B2". */
  cell: string;
  /** The header as the file writes it. */
  header: string;
  /** What it shows, in words. */
  shows: string;
}

/** The version a list's headers follow. */
export interface ListTemplate {
  /** Its layout ("ofsted-2019" or "regional-2024"), then any change on top of it ("sex-2026"). */
  versions: TemplateVersionId[];
  /** Later versions whose mark the list could carry but does not (a "Gender" header, not "Sex"). */
  notShown: TemplateVersionId[];
  evidence: TemplateEvidence[];
}

/** The version the file as a whole follows. */
export interface FileTemplate {
  versions: TemplateVersionId[];
  /** Some lists carry a later version's mark and others, which could, do not: reported, not an error. */
  mixed: boolean;
  /** One line, as the CLI and the pane show it. */
  description: string;
  evidence: TemplateEvidence[];
}

/** A column found on a list's header row, and the other name it was found by, if any. */
export interface HeaderMatch {
  column: AnnexColumn;
  cell: string;
  header: string;
  /** The version whose name for the column the header has, when it is not the column's own name. */
  via?: TemplateVersionId;
}

/** Which version a list's headers show: the columns a later version adds, a column by a later name. */
export function detectListTemplate(list: number, sheet: string, matches: HeaderMatch[]): ListTemplate {
  const evidence: TemplateEvidence[] = [];
  for (const { column, cell, header, via } of matches) {
    const version = column.since ?? (via !== BASE_VERSION ? via : undefined);
    if (!version) continue;
    const shows = column.since
      ? `a column the ${templateVersion(version).label} adds to List ${list}`
      : `"${header}" in place of "${column.name.trim()}"`;
    evidence.push({ version, list, sheet, cell, header, shows });
  }
  const shown = new Set(evidence.map((e) => e.version));
  const found = new Set(matches.map((m) => m.column.name));
  const couldShow = TEMPLATE_VERSIONS.filter(
    (v) =>
      v.id !== BASE_VERSION &&
      (v.added.some((a) => a.list === list) ||
        v.renamed.some((r) => r.lists.includes(list) && (found.has(r.from) || found.has(r.to)))),
  ).map((v) => v.id);
  return {
    versions: ordered(shown),
    notShown: couldShow.filter((id) => !shown.has(id)),
    evidence,
  };
}

/** A layout first (the base one when no later layout shows), then the changes shown, in the data's order. */
function ordered(shown: Set<TemplateVersionId>): TemplateVersionId[] {
  const layouts = TEMPLATE_VERSIONS.filter((v) => v.kind === "layout" && v.id !== BASE_VERSION && shown.has(v.id));
  const changes = TEMPLATE_VERSIONS.filter((v) => v.kind === "change" && shown.has(v.id));
  return [...(layouts.length > 0 ? layouts.map((v) => v.id) : [BASE_VERSION]), ...changes.map((v) => v.id)];
}

/**
 * The file's version from its lists'. Only List 9 can tell the 2019 template from the regional layout
 * (the other lists have the same columns in both), so a regional List 9 beside lists with the 2019
 * columns is the regional layout, not a mix. A file is mixed when some lists carry a later version's
 * mark and others that could carry it do not (some lists "Sex", others "Gender").
 */
export function detectFileTemplate(lists: { list: number; template: ListTemplate }[]): FileTemplate {
  const evidence = lists.flatMap((l) => l.template.evidence);
  if (lists.length === 0) return { versions: [], mixed: false, description: "Template: no lists to tell.", evidence };
  const shown = new Set(evidence.map((e) => e.version));
  const versions = ordered(shown);
  const mixes = [...shown].flatMap((id) => {
    const without = lists.filter((l) => l.template.notShown.includes(id)).map((l) => l.list);
    if (without.length === 0) return [];
    const withIt = lists.filter((l) => l.template.versions.includes(id)).map((l) => l.list);
    return [`${templateVersion(id).label} in ${listNumbers(withIt)}, but not in ${listNumbers(without)}`];
  });
  const [layout, ...changes] = versions.map((id) => templateVersion(id).label);
  if (mixes.length > 0) {
    return { versions, mixed: true, description: `Template: mixed. ${[layout, ...mixes].join("; ")}.`, evidence };
  }
  const follows = changes.length > 0 ? `${layout}, with ${changes.join(" and ")}` : layout;
  const because = versions
    .filter((id) => shown.has(id))
    .map((id) => {
      const items = evidence.filter((e) => e.version === id);
      const headers = [...new Set(items.map((e) => `"${e.header}"`))];
      return templateVersion(id).kind === "layout"
        ? `${listNumbers([...new Set(items.map((e) => e.list))])} ${items.length === 1 ? "has a column" : `has ${items.length} columns`} it adds`
        : `${headers.join(", ")} in ${listNumbers([...new Set(items.map((e) => e.list))])}`;
    });
  return {
    versions,
    mixed: false,
    description: `Template: ${follows}.${because.length > 0 ? ` Shown by: ${because.join("; ")}.` : ""}`,
    evidence,
  };
}

/** "List 9", "Lists 1 to 3 and 5", "Lists 4 and 6". */
export function listNumbers(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) runs.push(`${sorted[i]} to ${sorted[j]}`);
    else for (let k = i; k <= j; k++) runs.push(String(sorted[k]));
    i = j + 1;
  }
  const words = runs.length > 1 ? `${runs.slice(0, -1).join(", ")} and ${runs.at(-1)}` : (runs[0] ?? "");
  return `${sorted.length === 1 ? "List" : "Lists"} ${words}`;
}

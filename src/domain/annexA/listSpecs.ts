import type { AnnexColumn } from "./annexTypes";
export type { AnnexColumn, AnnexColumnType } from "./annexTypes";
import lists from "./ofstedLists2019.json";
import { BASE_VERSION, TEMPLATE_VERSIONS } from "./templateVersions";
import { HEADER_ALIASES } from "./headerAliases";

/**
 * The eleven Annex A lists as Ofsted's 2019 template defines them (extracted by
 * scripts/extract-annex-a.js from the template and shared/domain/annex-a.md), plus what the template's
 * guidance says about each list's cohort and its dates, written here as rules.
 */

export interface AnnexList {
  list: number;
  title: string;
  columns: AnnexColumn[];
  /** Columns later versions of the template add (templateVersions.ts): checked when present, never missing. */
  laterColumns: AnnexColumn[];
  /** The columns that identify a row in the list's cohort; a second row with the same values is a duplicate. */
  cohortKey: string[];
  /** Pairs of dates where the second may not come before the first. */
  datePairs: [start: string, end: string][];
}

export const ANNEX_A_SOURCE = lists.source;

const ID = "Child Unique ID";

/** The guidance's cohort rules (annex-a.md): one row per child, per contact, per assessment… */
const COHORT: Record<number, string[]> = {
  1: [ID, "Date of Contact"],
  2: [ID, "Assessment start date"],
  3: [ID, "Date of referral"],
  4: [ID, "Continuous Assessment Start Date"],
  5: [ID, "Strategy discussion initiating Section 47 Enquiry Start Date"],
  6: [ID],
  7: [ID],
  8: [ID],
  9: [ID],
  10: [ID],
  11: ["Individual adopter identifier"],
};

const DATE_PAIRS: Record<number, [string, string][]> = {
  2: [["Assessment start date", "Assessment completion date"]],
  4: [["Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"]],
  5: [["Strategy discussion initiating Section 47 Enquiry Start Date", "Date of Initial Child Protection Conference"]],
  6: [["CIN Start Date", "CIN Closure Date"]],
  7: [["Child Protection Plan Start Date", "Child Protection Plan End Date"]],
  8: [
    ["Date Started to be Looked After", "Date Ceased to be Looked After "],
    ["Date Started to be Looked After", "Start Date of Most Recent Placement"],
  ],
  10: [
    ["Date the Child Entered Care", "Date of Decision that Child Should be Placed for Adoption"],
    ["Date Placed for Adoption", "Date of Adoption Order "],
  ],
  11: [
    ["Date Stage 1 started", "Date Stage 1 ended"],
    ["Date Stage 2 started", "Date Stage 2 ended"],
    ["Date enquiry received", "Date application submitted"],
  ],
};

/** The other names the template versions give a list's column: "Gender" is also "Sex", and the other way round. */
function otherNames(list: number, name: string): AnnexColumn["otherNames"] {
  const names = TEMPLATE_VERSIONS.flatMap((v) =>
    v.renamed
      .filter((r) => r.lists.includes(list))
      .flatMap((r) =>
        r.from === name
          ? [{ name: r.to, version: v.id }]
          : r.to === name
            ? [{ name: r.from, version: BASE_VERSION }]
            : [],
      ),
  );
  return names.length > 0 ? names : undefined;
}

function laterColumns(list: number): AnnexColumn[] {
  return TEMPLATE_VERSIONS.flatMap((v) =>
    v.added
      .filter((a) => a.list === list)
      .map((a) => ({
        ...a.column,
        since: v.id,
        ...(a.otherNames ? { otherNames: a.otherNames.map((name) => ({ name, version: v.id })) } : {}),
      })),
  );
}

/** The column with the other spellings councils' exports give it, kept beside it (headerAliases.ts). */
function withAliases(column: AnnexColumn): AnnexColumn {
  const aliases = HEADER_ALIASES[column.name];
  return aliases ? { ...column, ...aliases } : column;
}

export const ANNEX_A_LISTS: AnnexList[] = lists.lists.map((list) => ({
  list: list.list,
  title: list.title,
  columns: (list.columns as AnnexColumn[]).map((c) => {
    const names = otherNames(list.list, c.name);
    return withAliases(names ? { ...c, otherNames: names } : c);
  }),
  laterColumns: laterColumns(list.list).map(withAliases),
  cohortKey: COHORT[list.list] ?? [],
  datePairs: DATE_PAIRS[list.list] ?? [],
}));

/** Headers compared as a person reads them: case, spaces, curly or straight quotes, a missing "?". */
export function normaliseAnnexHeader(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201c\u201d]/g, "'")
    .replace(/\u00a0/g, " ")
    .toLowerCase()
    .replace(/\(y\/n\)\)/g, "(y/n)")
    .replace(/[?:.*]/g, "")
    .replace(/_/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Every column a list may have: the template's, then those later versions add. */
export const allColumns = (spec: AnnexList): AnnexColumn[] => [...spec.columns, ...spec.laterColumns];

/** The list a sheet name stands for: "List_1", "List 1", "List 1 - Contacts", "list01". */
export function listNumberFromSheetName(name: string): number | null {
  const match = /^\s*list[\s_-]*0*(\d{1,2})(?!\d)/i.exec(name);
  const n = match ? Number(match[1]) : NaN;
  return n >= 1 && n <= 11 ? n : null;
}

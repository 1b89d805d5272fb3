import type { AnnexColumn, TemplateVersionId } from "./annexTypes";

/**
 * The versions of the Annex A template a file may follow, as data beside the list specs: what each
 * changes from Ofsted's August 2019 template (columns added to a list, columns renamed), where that is
 * known from, and how sure it is. The list specs take the added columns and the other names from here;
 * detectTemplate.ts reads the headers a file has against them.
 *
 * Sources: shared/domain/annex-a.md and research/issue10-facts.md section 4.
 */
export type { TemplateVersionId } from "./annexTypes";

export interface TemplateVersion {
  id: TemplateVersionId;
  /** As a user reads it, in the report's template line. */
  label: string;
  /** A layout (a file follows one), or a change that can come on top of either layout. */
  kind: "layout" | "change";
  source: string;
  confidence: "confirmed" | "partly confirmed" | "unconfirmed";
  /** What is and is not known about it. */
  note: string;
  /** Columns the version adds to a list: recognised when present, never reported missing when absent. */
  added: { list: number; after: string; column: AnnexColumn; otherNames?: string[] }[];
  /** Columns the version calls by another name: a header with either name matches the column. */
  renamed: { lists: number[]; from: string; to: string }[];
  /**
   * Spellings the version uses that the one header normaliser already reads as the template's (case,
   * quotes, a trailing "?" or space). Kept as a record and tested; they are not taken as evidence of the
   * version, because councils' own exports differ from the template in the same ways.
   */
  spellings: { list: number; template: string; version: string }[];
}

const YES_NO = ["a) Yes", "b) No"];
const ALL_LISTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

export const TEMPLATE_VERSIONS: readonly TemplateVersion[] = [
  {
    id: "ofsted-2019",
    label: "Ofsted 2019 template",
    kind: "layout",
    source: "Ofsted, Annex A - Child level data, Lists 1 - 11 (Guidance: August 2019)",
    confidence: "confirmed",
    note: "Ofsted's own workbook; the list specs are taken from it.",
    added: [],
    renamed: [],
    spellings: [],
  },
  {
    id: "regional-2024",
    label: "Regional pipeline layout (2024)",
    kind: "layout",
    source:
      "Social Finance, liia-tools-pipeline: docs/file_headers_by_dataset/annex_a_headers.md and spec/pipeline.json (sample Annex_A_2024_Jan.xlsx)",
    confidence: "partly confirmed",
    note: "The columns are confirmed from the pipeline's documentation; the date (January 2024) is taken from its sample file's name. Its blank rules for the added columns were not found, so they may be left blank here.",
    added: [
      {
        list: 9,
        after: "Age of Child (Years)",
        column: {
          name: "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
          type: "code",
          blank: true,
          codes: YES_NO,
        },
        // The pipeline's own spec/pipeline.json uses List 8's wording for it.
        otherNames: ["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"],
      },
      { list: 9, after: "Allocated Worker", column: { name: "Allocated Personal Advisor", type: "text", blank: true } },
      {
        list: 9,
        after: "Eligibility Category",
        column: { name: "Latest Pathway Plan Review Date", type: "date", blank: true },
      },
      { list: 9, after: "LA In Touch ", column: { name: "Latest Date of Contact", type: "date", blank: true } },
    ],
    renamed: [],
    spellings: [
      {
        list: 4,
        template: "Was the child assessed as requiring LA children\u2019s social care support",
        version: "Was the child assessed as requiring LA children's social care support?",
      },
      { list: 6, template: "Case status", version: "Case Status" },
      {
        list: 8,
        template:
          "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months",
        version: "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
      },
      {
        list: 8,
        template: "Number of Episodes the Child has been \u2018Absent\u2019 from their Placement in the last 12 months",
        version: "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
      },
      { list: 9, template: "LA In Touch ", version: "LA in Touch" },
    ],
  },
  {
    id: "sex-2026",
    label: "Sex in place of Gender (planned for 2026; unconfirmed until Ofsted publishes it)",
    kind: "change",
    source:
      "Social Finance, liia-tools-pipeline: spec/Annex_A_schema_2026.diff.yml (Gender renamed Sex in lists 1 to 11)",
    confidence: "unconfirmed",
    note: "A change in the regional pipeline's 2026 schema; Ofsted has not published it. Both names are accepted, with the same codes.",
    added: [],
    renamed: [{ lists: ALL_LISTS, from: "Gender", to: "Sex" }],
    spellings: [],
  },
];

export const BASE_VERSION: TemplateVersionId = "ofsted-2019";

export function templateVersion(id: TemplateVersionId): TemplateVersion {
  return TEMPLATE_VERSIONS.find((v) => v.id === id)!;
}

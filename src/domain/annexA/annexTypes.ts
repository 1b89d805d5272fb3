/**
 * The shapes both the list specs and the template versions are written in: a column of a list, and which
 * version of Ofsted's template a spelling belongs to. Apart, so neither file needs the other's types.
 */
export type TemplateVersionId = "ofsted-2019" | "regional-2024" | "sex-2026";

export type AnnexColumnType = "text" | "code" | "date" | "age" | "count";

export interface AnnexColumn {
  /** Exactly as the template writes it, curly quotes and trailing spaces included. */
  name: string;
  type: AnnexColumnType;
  blank: boolean;
  codes?: string[];
  /** Other names a header may have for this column, each with the template version that uses it ("Sex"). */
  otherNames?: { name: string; version: TemplateVersionId }[];
  /** Other whole headers councils' exports give the column (headerAliases.ts), compared after the one normaliser. */
  synonyms?: string[];
  /** Regular expressions (on the normalised header) tried when no name or synonym matched. */
  patterns?: string[];
  /** Set on a column a later version adds: recognised when present, never reported missing when absent. */
  since?: TemplateVersionId;
}

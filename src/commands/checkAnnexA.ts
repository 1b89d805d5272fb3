import { checkList, recogniseLists, type ListReport } from "../domain/annexA/checkList";
import { detectFileTemplate, type FileTemplate } from "../domain/annexA/detectTemplate";
import { UserError } from "../domain/userError";
import type { WorkbookSnapshot } from "../workbook/types";

export interface AnnexAReport {
  lists: ListReport[];
  summary: { lists: number; rows: number; errors: number; warnings: number };
  /** The version(s) of the template the file follows, with the headers that show it; `mixed` is not an error. */
  template: FileTemplate;
}

export const annexAQuery = { sheets: "all" as const };

/**
 * Checks the Annex A lists in a workbook against Ofsted's template: which sheet holds which list,
 * whether every column is there, and every cell; and which version of the template the file follows. Annex A holds child-level personal data: this reads
 * it and reports on it, and never writes or sends any of it anywhere.
 */
export function checkAnnexA(snapshot: WorkbookSnapshot, asOf: number): AnnexAReport {
  const sheets = snapshot.sheets.flatMap((s) => (s.values ? [{ name: s.name, values: s.values }] : []));
  const lists = recogniseLists(sheets).map(({ sheet, spec }) => checkList(sheet, spec, asOf));
  const findings = lists.flatMap((l) => l.findings);
  return {
    lists,
    summary: {
      lists: lists.length,
      rows: lists.reduce((n, l) => n + l.rows, 0),
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
    },
    template: detectFileTemplate(lists),
  };
}

/** A workbook with no sheet recognised as an Annex A list; `workbook` names it ("This workbook", a file). */
export class NoAnnexAListsError extends UserError {
  constructor(workbook = "This workbook") {
    super(
      `${workbook} holds no Annex A list. Name the sheets “List 1” to “List 11” (or List_1 to List_11), or keep the headers of Ofsted's template`,
    );
  }
}

/** The lists checked as of a day (nothing written); a workbook without lists is refused, saying how to name them. */
export function checkAnnexALists(snapshot: WorkbookSnapshot, asOf: number): { report: AnnexAReport } {
  const report = checkAnnexA(snapshot, asOf);
  if (report.summary.lists === 0) throw new NoAnnexAListsError();
  return { report };
}

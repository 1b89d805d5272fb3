import { FINDINGS_SHEET, annexAInPlace } from "../../commands/annexAInPlace";
import { annexAQuery, checkAnnexALists, type AnnexAReport } from "../../commands/checkAnnexA";
import type { RuleCatalogue } from "../checks/findingGroups";
import type { PaneCommand } from "../useWorkbookSession";
import { count, listInWords, quoted } from "../wording";

/** The checks on the lists, in the order their groups are listed within a severity. */
export const ANNEX_RULES: RuleCatalogue = [
  { id: "missing-column", label: "Column missing" },
  { id: "required", label: "Required cell left blank" },
  { id: "date", label: "Date not written as a date" },
  { id: "code", label: "Not one of the template's codes" },
  { id: "whole-number", label: "Not a whole number" },
  { id: "age", label: "Age not possible" },
  { id: "future-date", label: "Date after the as-of date" },
  { id: "date-order", label: "Dates in the wrong order" },
  { id: "duplicate", label: "The same child or case twice" },
  { id: "code-form", label: "Code written differently from the template" },
  { id: "age-vs-birth", label: "Age does not match the date of birth" },
];

/** "Checked 2 lists (3 rows): 2 errors and 1 warning." */
export function annexSummary(report: AnnexAReport): string {
  const { lists, rows, errors, warnings } = report.summary;
  const checked = `Checked ${count(lists, "list")} (${count(rows, "row")})`;
  if (errors + warnings === 0) return `${checked}: nothing needs attention.`;
  return `${checked}: ${listInWords([count(errors, "error"), count(warnings, "warning")])}.`;
}

type InPlaceReport = AnnexAReport & { fixed: number; sheet: string };

/**
 * The findings written into the workbook (a findings sheet, and the cells highlighted on the lists);
 * with `fix`, the values the checks could read put in the template's form first.
 */
export function annexInPlaceCommand(asOf: number, fix: boolean): PaneCommand<InPlaceReport> {
  return {
    query: annexAQuery,
    plan: (snapshot) => {
      checkAnnexALists(snapshot, asOf);
      const { patch, report } = annexAInPlace(snapshot, { asOf, fix });
      const sheet =
        patch.ops.find((op) => op.op === "addSheet")?.sheet ??
        snapshot.sheets.find((s) => s.name === FINDINGS_SHEET)?.name ??
        FINDINGS_SHEET;
      return { patch, report: { ...report, sheet } };
    },
    describe: (report) => {
      const total = report.lists.reduce((n, l) => n + l.findings.length, 0);
      const remaining = total - report.fixed;
      const listed = `${count(remaining, "finding")} ${remaining === 1 ? "is" : "are"} listed on ${quoted(report.sheet)}`;
      if (!fix)
        return `Wrote the findings into the workbook: ${listed}, and ${remaining === 1 ? "its cell is" : "their cells are"} highlighted on the lists.`;
      if (report.fixed === 0) return `Nothing could be fixed for you; ${listed}.`;
      return `Fixed ${count(report.fixed, "cell")} in the template's form; ${listed}.`;
    },
    failure: fix ? "Could not fix the lists" : "Could not write the findings into the workbook",
  };
}

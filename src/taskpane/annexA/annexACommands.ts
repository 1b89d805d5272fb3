import { FINDINGS_SHEET, annexAInPlace, type AnnexAInPlaceReport } from "../../commands/annexAInPlace";
import { annexAQuery, checkAnnexALists, type AnnexAReport } from "../../commands/checkAnnexA";
import type { AnnexARequest } from "../../commands/paneState";
import type { WorkbookPatch, WorkbookSnapshot } from "../../workbook/types";
import type { RuleCatalogue } from "../checks/findingGroups";
import type { PaneCommand } from "../useWorkbookSession";
import { count, listInWords, quoted } from "../wording";

/** The checks on the lists, in the order their groups are listed within a severity. */
export const ANNEX_RULES: RuleCatalogue = [
  { id: "missing-column", label: "Column missing" },
  { id: "excel-error", label: "Excel error value (#N/A, #REF!…)" },
  { id: "required", label: "Required cell left blank" },
  { id: "date", label: "Date not written as a date" },
  { id: "code", label: "Not one of the template's codes" },
  { id: "whole-number", label: "Not a whole number" },
  { id: "age", label: "Age not possible" },
  { id: "future-date", label: "Date after the as-of date" },
  { id: "before-birth", label: "Date before the child was born" },
  { id: "date-order", label: "Dates in the wrong order" },
  { id: "duplicate", label: "The same child or case twice" },
  { id: "outside-period", label: "Outside the months the list covers" },
  { id: "cross-list-birth", label: "Date of birth differs between lists" },
  { id: "cross-list-sex", label: "Sex differs between lists" },
  { id: "cross-list-ethnicity", label: "Ethnicity differs between lists" },
  { id: "plan-without-enquiry", label: "Plan without a section 47 enquiry in List 5" },
  { id: "plan-not-in-need", label: "On a plan, not in the children in need list" },
  { id: "care-not-in-need", label: "In care, not in the children in need list" },
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

/** What a fix changed, per rule, in words: "1 code put in the template's form and 1 date written as a date". */
export function fixedInWords(report: Pick<AnnexAInPlaceReport, "fixes">): string {
  return listInWords(
    report.fixes.map((f) =>
      f.rule === "code-form"
        ? `${count(f.count, "code")} put in the template's form`
        : f.rule === "date"
          ? `${count(f.count, "date")} written as ${f.count === 1 ? "a date" : "dates"}`
          : `${count(f.count, "cell")} (${f.rule})`,
    ),
  );
}

export type InPlaceReport = AnnexAInPlaceReport & { sheet: string };

/** The findings sheet and highlights planned on a snapshot (with `fix`, the fixes first): the command's plan. */
export function planAnnexInPlace(
  snapshot: WorkbookSnapshot,
  request: AnnexARequest,
  fix: boolean,
): { patch: WorkbookPatch; report: InPlaceReport } {
  const options = {
    asOf: request.asOf,
    ...(request.today !== undefined ? { today: request.today } : {}),
    lists: new Map(request.lists),
  };
  checkAnnexALists(snapshot, options);
  const { patch, report } = annexAInPlace(snapshot, { ...options, fix });
  const sheet =
    patch.ops.find((op) => op.op === "addSheet")?.sheet ??
    snapshot.sheets.find((s) => s.name === FINDINGS_SHEET)?.name ??
    FINDINGS_SHEET;
  return { patch, report: { ...report, sheet } };
}

/**
 * The findings written into the workbook (a findings sheet, and the cells highlighted on the lists);
 * with `fix`, the values the checks could read put in the template's form first. In the preview the
 * planning runs in the workbook's worker (the job), so a 100,000-row list does not stop the page.
 */
export function annexInPlaceCommand(request: AnnexARequest, fix: boolean): PaneCommand<InPlaceReport> {
  return {
    query: annexAQuery,
    plan: (snapshot) => planAnnexInPlace(snapshot, request, fix),
    job: { kind: "annexInPlace", request, fix },
    describe: (report) => {
      const total = report.lists.reduce((n, l) => n + l.findings.length, 0);
      const remaining = total - report.fixed;
      const listed = `${count(remaining, "finding")} ${remaining === 1 ? "is" : "are"} listed on ${quoted(report.sheet)}`;
      if (!fix)
        return `Wrote the findings into the workbook: ${listed}, and ${remaining === 1 ? "its cell is" : "their cells are"} highlighted on the lists.`;
      const unplaced = report.notFixed.find((n) => n.rule === "code")?.count ?? 0;
      const left =
        unplaced > 0 ? `; ${count(unplaced, "code")} could not be placed (each finding gives the allowed values)` : "";
      if (report.fixed === 0) return `Nothing could be fixed for you${left}; ${listed}.`;
      return `Fixed ${count(report.fixed, "cell")} in the template's form: ${fixedInWords(report)}${left}; ${listed}.`;
    },
    failure: fix ? "Could not fix the lists" : "Could not write the findings into the workbook",
  };
}

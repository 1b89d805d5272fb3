import {
  createInspectionSheets,
  inspectionSheetsQuery,
  type InspectionSheetsReport,
} from "../../commands/createInspectionSheets";
import type { Framework } from "../../domain/framework";
import { checklistFor } from "../../sheets/inspectionSheets";
import type { InspectionDates } from "../../domain/timeline";
import type { PaneCommand } from "../useWorkbookSession";
import { count, listInWords, quoted } from "../wording";

/** The Timeline and checklist sheets (Annex A's in England), as one change that "Undo last change" removes. */
export function inspectionSheetsCommand(
  framework: Framework,
  dates: InspectionDates,
): PaneCommand<InspectionSheetsReport> {
  return {
    query: inspectionSheetsQuery,
    plan: (snapshot) => createInspectionSheets(snapshot, { framework, dates, now: new Date() }),
    describe: (report) => {
      const made = listInWords(report.sheets.map((s) => quoted(s.sheet)));
      const checklist = report.sheets.find((s) => s.kind === "checklist");
      return `Made ${made} for ${framework.name}: ${count(report.milestones.length, "milestone")}${
        checklist ? ` and ${count(checklist.rows, "item")} to gather` : ""
      }.`;
    },
    failure: `Could not make the timeline and ${checklistFor(framework).title}`,
  };
}

import {
  createInspectionSheets,
  inspectionSheetsQuery,
  type InspectionSheetsReport,
} from "../../commands/createInspectionSheets";
import type { Framework } from "../../domain/framework";
import { checklistFor } from "../../sheets/inspectionSheets";
import type { InspectionDates } from "../../domain/timeline";
import type { PaneCommand } from "../useWorkbookSession";
import type { UpdatedSheet } from "../../commands/tableSheets";
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
      const verb = report.sheets.some((s) => s.updated) ? "Updated" : "Made";
      return `${verb} ${made} for ${framework.name}: ${count(report.milestones.length, "milestone")}${
        checklist ? ` and ${count(checklist.rows, "item")} to gather` : ""
      }.`;
    },
    details: (report) => report.sheets.flatMap(updateLines),
    failure: `Could not make the timeline and ${checklistFor(framework).title}`,
  };
}

/** What updating a sheet in place changed, in a line; nothing for a sheet just made. */
export function updateLines(sheet: UpdatedSheet): string[] {
  if (!sheet.updated) return [];
  const changes = [
    count(sheet.updatedCells.length, "cell") + " updated",
    ...(sheet.rowsAdded > 0 ? [`${count(sheet.rowsAdded, "row")} added`] : []),
    ...(sheet.rowsRemoved > 0 ? [`${count(sheet.rowsRemoved, "row")} no longer needed removed`] : []),
  ];
  const rows = sheet.rowsKept;
  const kept =
    rows.length > 0
      ? ` ${rows.length === 1 ? "Row" : "Rows"} ${listInWords(rows.map(String))} ${rows.length === 1 ? "is" : "are"} no longer needed but kept as ${rows.length === 1 ? "it is" : "they are"}: you typed in ${rows.length === 1 ? "it" : "them"}, or the framework no longer lists ${rows.length === 1 ? "its" : "their"} ref.`
      : "";
  return [`${quoted(sheet.sheet)}: ${listInWords(changes)}; your own cells are as you left them.${kept}`];
}

import {
  createInspectionSheets,
  inspectionSheetsQuery,
  type InspectionSheetsReport,
} from "../../commands/createInspectionSheets";
import type { Framework } from "../../domain/framework";
import type { InspectionDates, InspectionType } from "../../domain/timeline";
import type { PaneCommand } from "../useWorkbookSession";
import { count, listInWords, quoted } from "../wording";
import { readDate, readTime, serialDate, serialTime } from "./dateFields";

/** The inspection's dates as typed in the pane. */
export interface InspectionForm {
  notifiedDate: string;
  notifiedTime: string;
  onsiteDate: string;
  onsiteTime: string;
  type: InspectionType;
}

export type DateField = Exclude<keyof InspectionForm, "type">;
export type FormErrors = Partial<Record<DateField, string>>;

export const EMPTY_FORM: InspectionForm = {
  notifiedDate: "",
  notifiedTime: "",
  onsiteDate: "",
  onsiteTime: "",
  type: "standard",
};

/** Inspectors arrive at 09:00 unless the user says otherwise, as the estimate assumes. */
const NINE_AM = 9 / 24;

/** The form as the command's dates, or what is wrong with each field. */
export function readInspectionForm(
  form: InspectionForm,
): { ok: true; dates: InspectionDates } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const notifiedDate = readDate(form.notifiedDate);
  const notifiedTime = readTime(form.notifiedTime);
  const onsiteDate = readDate(form.onsiteDate);
  const onsiteTime = readTime(form.onsiteTime);
  if (!notifiedDate.ok) errors.notifiedDate = notifiedDate.message;
  else if (notifiedDate.value === null)
    errors.notifiedDate = "Enter the date the inspectorate notified you, as dd/mm/yyyy, for example 26/11/2026.";
  if (!notifiedTime.ok) errors.notifiedTime = notifiedTime.message;
  else if (notifiedTime.value === null)
    errors.notifiedTime = "Enter the time of the notification, as hh:mm on the 24-hour clock, for example 15:00.";
  if (!onsiteDate.ok) errors.onsiteDate = onsiteDate.message;
  if (!onsiteTime.ok) errors.onsiteTime = onsiteTime.message;
  else if (onsiteTime.value !== null && onsiteDate.ok && onsiteDate.value === null)
    errors.onsiteDate = "Enter the date inspectors arrive as well as the time, or clear the time.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const notified = notifiedDate.ok && notifiedTime.ok ? notifiedDate.value! + notifiedTime.value! : 0;
  const onsite =
    onsiteDate.ok && onsiteDate.value !== null
      ? onsiteDate.value + (onsiteTime.ok && onsiteTime.value !== null ? onsiteTime.value : NINE_AM)
      : null;
  if (onsite !== null && onsite <= notified) {
    return {
      ok: false,
      errors: {
        onsiteDate: `Inspectors arrive after the notification, but ${serialDate(onsite)} ${serialTime(onsite)} is not after ${serialDate(notified)} ${serialTime(notified)}.`,
      },
    };
  }
  return { ok: true, dates: { notified, onsite, type: form.type } };
}

/** The Timeline and Annex A checklist sheets, as one change that "Undo last change" removes. */
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
    failure: "Could not make the timeline and Annex A checklist",
  };
}

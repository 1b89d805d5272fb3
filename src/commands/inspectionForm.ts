import { WorkingCalendar } from "../domain/calendar";
import { parseDateText, parseTimeText, serialDate, serialTime } from "../domain/dates";
import type { Framework } from "../domain/framework";
import {
  DEFAULT_INSPECTION_TIME,
  DEFAULT_INSPECTION_TYPE,
  inspectionTimeline,
  isInspectionType,
  type InspectionDates,
  type InspectionType,
  type Milestone,
} from "../domain/timeline";
import { regionFor } from "./createInspectionSheets";

/**
 * The inspection's dates as people type them (in the pane's form), read and checked here so the CLI,
 * the pane and the tests share one reading: what each field must hold, the estimate of the on-site start
 * when it is left blank, and the form filled again from the dates a workbook has saved.
 */

/** The inspection's dates as typed. */
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
  type: DEFAULT_INSPECTION_TYPE,
};

/** A field's reading: its value, nothing (left blank), or what is wrong with it in words a user can act on. */
export type Reading<T> = { ok: true; value: T | null } | { ok: false; message: string };

/**
 * A date typed the British way: 26/11/2026 (or 26-11-2026, 26.11.2026, 26 Nov 2026), as an Excel serial.
 * Blank reads as no date; anything else that is not a real date is refused with an example.
 */
export function readDate(text: string): Reading<number> {
  const t = text.trim();
  if (!t) return { ok: true, value: null };
  const serial = parseDateText(t);
  if (serial === null) {
    return { ok: false, message: `“${t}” is not a date. Enter it as dd/mm/yyyy, for example 26/11/2026.` };
  }
  return { ok: true, value: serial };
}

/** A time of day on the 24-hour clock, 15:00 (or 15.00, 9:30), as a fraction of a day. */
export function readTime(text: string): Reading<number> {
  const t = text.trim();
  if (!t) return { ok: true, value: null };
  const time = parseTimeText(t);
  if (time === null) {
    return {
      ok: false,
      message: `“${t}” is not a time. Enter it as hh:mm on the 24-hour clock, for example 15:00.`,
    };
  }
  return { ok: true, value: time };
}

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
      ? onsiteDate.value + (onsiteTime.ok && onsiteTime.value !== null ? onsiteTime.value : DEFAULT_INSPECTION_TIME)
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

/** The milestone of inspectors' arrival in a timeline, if it has one. */
export function onsiteMilestone(milestones: readonly Milestone[]): Milestone | undefined {
  return milestones.find((m) => m.id === "onsite");
}

/** The on-site start the framework's usual notice gives for a notification, if the framework gives one. */
export function estimatedOnsite(framework: Framework, notified: number, type: InspectionType): number | undefined {
  const calendar = new WorkingCalendar(regionFor(framework));
  return onsiteMilestone(inspectionTimeline(framework, { notified, onsite: null, type }, calendar))?.when;
}

/** Whether saved dates' on-site start is the estimate (to the half minute), not a date the user gave. */
export function isEstimatedOnsite(framework: Framework, saved: { notified: number; onsite: number; type: string }) {
  const guess = estimatedOnsite(framework, saved.notified, inspectionType(saved.type));
  return guess !== undefined && Math.abs(guess - saved.onsite) < 1 / 2880;
}

/**
 * The form filled from the dates saved with a timeline. The on-site start is left blank where it is the
 * estimate, so making the sheets again keeps flagging it as an estimate.
 */
export function formFromSaved(saved: {
  notified: number;
  onsite: number;
  type: string;
  onsiteEstimated: boolean;
}): InspectionForm {
  return {
    notifiedDate: serialDate(saved.notified),
    notifiedTime: serialTime(saved.notified),
    onsiteDate: saved.onsiteEstimated ? "" : serialDate(saved.onsite),
    onsiteTime: saved.onsiteEstimated ? "" : serialTime(saved.onsite),
    type: inspectionType(saved.type),
  };
}

function inspectionType(text: string): InspectionType {
  return isInspectionType(text) ? text : DEFAULT_INSPECTION_TYPE;
}

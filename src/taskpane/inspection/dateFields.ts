import { dateFromSerial, formatUkDate, parseDateText, parseTimeText } from "../../domain/dates";

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

/** The day and the minutes past midnight of a serial, rounded to the minute. */
function dayAndMinutes(serial: number): { day: number; minutes: number } {
  let day = Math.floor(serial);
  let minutes = Math.round((serial - day) * 1440);
  if (minutes === 1440) {
    day += 1;
    minutes = 0;
  }
  return { day, minutes };
}

/** "30/11/2026". */
export function serialDate(serial: number): string {
  return formatUkDate(dateFromSerial(dayAndMinutes(serial).day));
}

/** "09:30". */
export function serialTime(serial: number): string {
  const { minutes } = dayAndMinutes(serial);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "Monday". */
export function serialWeekday(serial: number): string {
  return WEEKDAYS[dateFromSerial(dayAndMinutes(serial).day).getUTCDay()]!;
}

/** "2026-11-30T09:30" or "2026-11-30": for a <time> element. */
export function isoDateTime(serial: number, timed: boolean): string {
  const [dd, mm, yyyy] = serialDate(serial).split("/");
  return `${yyyy}-${mm}-${dd}${timed ? `T${serialTime(serial)}` : ""}`;
}

import { parseDateText, serialFromDate } from "../domain/dates";
import { UsageError } from "./args";

/** --as-of dd/mm/yyyy as an Excel serial; today, as the user's own calendar has it, when absent. */
export function asOfOption(text: string | undefined, now: Date, flag = "--as-of"): number {
  if (text === undefined) {
    // Today where the user is, as Excel's TODAY() sees it.
    return Math.floor(serialFromDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()))));
  }
  const serial = /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text) ? parseDateText(text) : null;
  if (serial === null) throw new UsageError(`${flag} takes a date as dd/mm/yyyy, not "${text}"`);
  return serial;
}

/** "dd/mm/yyyy hh:mm" (the time may be left off) as an Excel serial with the time as its fraction. */
export function dateTimeOption(flag: string, text: string): number {
  const match = /^\s*(\d{1,2}\/\d{1,2}\/\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/.exec(text);
  const day = match ? parseDateText(match[1]!) : null;
  const [hours, minutes] = [Number(match?.[2] ?? 9), Number(match?.[3] ?? 0)];
  if (day === null || hours > 23 || minutes > 59) {
    throw new UsageError(`${flag} takes a date and time as "dd/mm/yyyy hh:mm", not "${text}"`);
  }
  return day + (hours * 60 + minutes) / 1440;
}

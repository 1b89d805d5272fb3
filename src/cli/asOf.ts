import { parseDateText, parseTimeText, todaySerial } from "../domain/dates";
import { DEFAULT_INSPECTION_TIME } from "../domain/timeline";
import { UsageError } from "./args";

/** --as-of dd/mm/yyyy as an Excel serial; today, as the user's own calendar has it, when absent. */
export function asOfOption(text: string | undefined, now: Date, flag = "--as-of"): number {
  if (text === undefined) {
    return todaySerial(now);
  }
  const serial = /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text) ? parseDateText(text) : null;
  if (serial === null) throw new UsageError(`${flag} takes a date as dd/mm/yyyy, not "${text}"`);
  return serial;
}

/** "dd/mm/yyyy hh:mm" (the time may be left off) as an Excel serial with the time as its fraction. */
export function dateTimeOption(flag: string, text: string): number {
  const match = /^\s*(\d{1,2}\/\d{1,2}\/\d{4})(?:\s+(\S+))?\s*$/.exec(text);
  const day = match ? parseDateText(match[1]!) : null;
  const time = match?.[2] === undefined ? DEFAULT_INSPECTION_TIME : parseTimeText(match[2]);
  if (day === null || time === null) {
    throw new UsageError(`${flag} takes a date and time as "dd/mm/yyyy hh:mm", not "${text}"`);
  }
  return day + time;
}

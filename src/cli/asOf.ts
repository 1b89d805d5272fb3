import { parseDateText, serialFromDate } from "../domain/dates";
import { UsageError } from "./args";

/** --as-of dd/mm/yyyy as an Excel serial; today, as the user's own calendar has it, when absent. */
export function asOfOption(text: string | undefined, now: Date): number {
  if (text === undefined) {
    // Today where the user is, as Excel's TODAY() sees it.
    return Math.floor(serialFromDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()))));
  }
  const serial = /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text) ? parseDateText(text) : null;
  if (serial === null) throw new UsageError(`--as-of takes a date as dd/mm/yyyy, not "${text}"`);
  return serial;
}

import { serialFromYmd } from "../../domain/dates";

/**
 * Today as an Excel serial day, taken from the user's own calendar date (not UTC): a check run at
 * 00:30 on 1 April in London is a check on 1 April, as the workbook's TODAY() would have it.
 */
export function todaySerial(now: Date = new Date()): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** "09:05": the local time of day on the 24-hour clock, as a line such as "Checked at 09:05" shows it. */
export function timeOfDay(date: Date): string {
  return `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
}

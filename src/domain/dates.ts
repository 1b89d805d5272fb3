/**
 * Excel stores a date as the number of days since 30/12/1899 (its "serial"); we keep dates that way in
 * snapshots and patches so the three backends agree, and convert only at the edges.
 */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function serialFromDate(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

export function dateFromSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

export function serialFromYmd(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH_MS) / DAY_MS;
}

/** dd/mm/yyyy, the form every date takes in front of a user. */
export function formatUkDate(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

export const UK_DATE_FORMAT = "dd/mm/yyyy";

/**
 * Today as a serial day, taken from the user's own calendar date (not UTC): a check run at 00:30 on
 * 1 April in London is a check on 1 April, as the workbook's TODAY() would have it.
 */
export function todaySerial(now: Date = new Date()): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The user's own calendar day of `now` as dd/mm/yyyy: the date a command puts on what it prints. */
export function ukDateOf(now: Date): string {
  return formatUkDate(dateFromSerial(todaySerial(now)));
}

/**
 * The time of day of a serial as Excel stores it, exactly to the minute. A serial's fraction, taken as
 * `serial % 1`, can fall a hair below the minute (10:00 as 0.41666666664), which LibreOffice shows as
 * 09:59: rounding to whole minutes gives the same number Excel stores for a time typed as 10:00.
 */
export function timeOfDay(serial: number): number {
  return (Math.round((serial - Math.floor(serial)) * 1440) % 1440) / 1440;
}

/**
 * A time of day typed on the 24-hour clock, 15:00 (or 15.00, 9:30), as the fraction of a day Excel
 * stores; null when the text is not such a time.
 */
export function parseTimeText(text: string): number | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours > 23 || minutes > 59 ? null : (hours * 60 + minutes) / 1440;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A date typed as text, read the British way: 31/03/2025, 31-3-25, 31.03.2025, 31 March 2025,
 * 31 Mar 25, or ISO 2025-03-31. Returns the Excel serial, or null when the text is not a real date.
 * Two-digit years are 20xx: plans are about now, not the last century.
 */
export function parseDateText(text: string): number | null {
  const t = text.replace(/\u00a0/g, " ").trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) return validSerial(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (match) return validSerial(fullYear(match[3]!), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{2}|\d{4})$/.exec(t);
  if (match) {
    const month = MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1;
    return month > 0 ? validSerial(fullYear(match[3]!), month, Number(match[1])) : null;
  }
  return null;
}

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function validSerial(year: number, month: number, day: number): number | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return serialFromYmd(year, month, day);
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

/** "30/11/2026": the day of a serial that may carry a time. */
export function serialDate(serial: number): string {
  return formatUkDate(dateFromSerial(dayAndMinutes(serial).day));
}

/** "09:30": the time of day of a serial, to the minute, on the 24-hour clock. */
export function serialTime(serial: number): string {
  const { minutes } = dayAndMinutes(serial);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "Monday". */
export function serialWeekday(serial: number): string {
  return WEEKDAYS[dateFromSerial(dayAndMinutes(serial).day).getUTCDay()]!;
}

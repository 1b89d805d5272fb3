import { dateFromSerial as dateFromSerial1900, serialFromDate as serial1900FromDate } from "../domain/dates";

/**
 * Excel's serial encoding of JS Date values, for the adapters: a serial is the number of days (with the
 * time of day as a fraction) since day 0 of the workbook's date system.
 *
 * - "1900", the default and what every snapshot and patch holds: day 0 is 30/12/1899. Excel shows serial 1
 *   as 01/01/1900 and counts a 29/02/1900 that never was (serial 60); counting from 30/12/1899 agrees with
 *   Excel for every date from 01/03/1900 (serial 61) on, and no plan is older.
 * - "1904", the old Mac system: day 0 is 01/01/1904, which is day 1462 of the 1900 system.
 *
 * The day arithmetic itself is domain/dates', which the domain needs for its own serial days; this module
 * adds only the date system. ExcelJS already applies a file's 1904 setting when it turns cells into Dates,
 * so the xlsx adapter converts in the 1900 system; the parameter is for a backend that hands over raw
 * serials in the workbook's own system.
 */
export type DateSystem = "1900" | "1904";

/** How many days day 0 of each date system is after day 0 of the 1900 system (30/12/1899). */
export const DATE_SYSTEM_OFFSET_DAYS: Readonly<Record<DateSystem, number>> = { "1900": 0, "1904": 1462 };

/** The serial of a Date (taken in UTC) in the given date system. */
export function serialFromDate(date: Date, system: DateSystem = "1900"): number {
  return serial1900FromDate(date) - DATE_SYSTEM_OFFSET_DAYS[system];
}

/** The Date (in UTC) of a serial in the given date system, to the millisecond. */
export function dateFromSerial(serial: number, system: DateSystem = "1900"): Date {
  return dateFromSerial1900(serial + DATE_SYSTEM_OFFSET_DAYS[system]);
}

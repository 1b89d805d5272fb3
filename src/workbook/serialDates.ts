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
 * adds only the date system. A snapshot holds the workbook's own serials (Excel hands them over raw, and
 * the xlsx adapter turns ExcelJS's Dates back into them), with `dateSystem` saying which system; patches
 * write serials in the same system, so a value read and written back is unchanged. Commands convert where
 * text becomes a date, a date becomes text, or today is compared with a cell.
 */
export type DateSystem = "1900" | "1904";

/** How many days day 0 of each date system is after day 0 of the 1900 system (30/12/1899). */
export const DATE_SYSTEM_OFFSET_DAYS: Readonly<Record<DateSystem, number>> = { "1900": 0, "1904": 1462 };

/** The date system a snapshot's serials are in. */
export function dateSystemOf(snapshot: { dateSystem?: DateSystem }): DateSystem {
  return snapshot.dateSystem ?? "1900";
}

/**
 * A serial of the 1900 system, as the domain and `todaySerial` count, as the workbook counts it: what a
 * command writes into a cell, or compares with the workbook's own cells.
 */
export function workbookSerial(serial1900: number, system: DateSystem): number {
  return serial1900 - DATE_SYSTEM_OFFSET_DAYS[system];
}

/** A serial read from a workbook of the given date system, as the domain counts it (1900 system). */
export function serial1900(workbookSerial: number, system: DateSystem): number {
  return workbookSerial + DATE_SYSTEM_OFFSET_DAYS[system];
}

/** The serial of a Date (taken in UTC) in the given date system. */
export function serialFromDate(date: Date, system: DateSystem = "1900"): number {
  return serial1900FromDate(date) - DATE_SYSTEM_OFFSET_DAYS[system];
}

/** The Date (in UTC) of a serial in the given date system, to the millisecond. */
export function dateFromSerial(serial: number, system: DateSystem = "1900"): Date {
  return dateFromSerial1900(serial + DATE_SYSTEM_OFFSET_DAYS[system]);
}

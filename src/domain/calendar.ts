import Holidays from "date-holidays-parser";
import { dateFromSerial, serialFromYmd } from "./dates";
import { UK_HOLIDAY_DATA } from "./ukHolidayData";

/**
 * Working days for inspection deadlines: Monday to Friday, less the bank holidays of the council's
 * nation (England and Wales; Scotland for Care Inspectorate work), from the date-holidays package's rules, so
 * no list is kept by hand. Only the UK's part of its data is loaded (ukHolidayData.ts, generated from the
 * package): the whole world's would more than double the pane's script. Dates are Excel serials: the whole part is the day, the fraction the time.
 */
export type HolidayRegion = "england-and-wales" | "scotland";

export class WorkingCalendar {
  private readonly source: Holidays;
  private readonly byYear = new Map<number, Set<number>>();

  constructor(readonly region: HolidayRegion) {
    this.source = new Holidays(UK_HOLIDAY_DATA, "GB", region === "scotland" ? "SCT" : "ENG");
  }

  /** Bank holidays of a year as serial days (substitute days included). */
  holidays(year: number): Set<number> {
    let days = this.byYear.get(year);
    if (!days) {
      days = new Set(
        this.source
          .getHolidays(year)
          .filter((h) => h.type === "public")
          .map((h) => {
            const [y, m, d] = h.date.slice(0, 10).split("-").map(Number) as [number, number, number];
            return serialFromYmd(y, m, d);
          }),
      );
      this.byYear.set(year, days);
    }
    return days;
  }

  isWorkingDay(serial: number): boolean {
    const day = Math.floor(serial);
    const date = dateFromSerial(day);
    const weekday = date.getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays(date.getUTCFullYear()).has(day);
  }

  /** The same day if it is a working day, else the next one; the time of day is kept. */
  nextWorkingDay(serial: number): number {
    let day = serial;
    while (!this.isWorkingDay(day)) day += 1;
    return day;
  }

  /** The nth working day after a day (n ≥ 0; 0 is the next working day from it, itself included). */
  addWorkingDays(serial: number, n: number): number {
    let day = this.nextWorkingDay(serial);
    for (let i = 0; i < n; i++) day = this.nextWorkingDay(day + 1);
    return day;
  }

  /**
   * A deadline some hours after a start: "within 24 hours" of a Friday morning is the Monday morning,
   * not the Saturday — where the hours end on a day that is not a working day, the deadline moves to the
   * next working day at the same time. (Our reading of the guidance; a framework's data says so.)
   */
  deadlineAfterHours(start: number, hours: number): number {
    return this.nextWorkingDay(start + hours / 24);
  }

  /** The Wednesday of the week before the week a day falls in. */
  wednesdayOfWeekBefore(serial: number): number {
    const day = Math.floor(serial);
    const weekday = (dateFromSerial(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    return day - weekday - 7 + 2;
  }
}

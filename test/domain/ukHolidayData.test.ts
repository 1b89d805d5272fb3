import Holidays from "date-holidays";
import { WorkingCalendar, type HolidayRegion } from "../../src/domain/calendar";
import { dateFromSerial, formatUkDate } from "../../src/domain/dates";
import { UK_HOLIDAY_DATA } from "../../src/domain/ukHolidayData";
const { ukHolidayData } = require("../../scripts/uk-holiday-data.js");

/** The years plans, inspections and their deadlines fall in, with room either side. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2060;
const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

const asUkDates = (days: Set<number>) => [...days].sort((a, b) => a - b).map((d) => formatUkDate(dateFromSerial(d)));

/** Bank holidays as the whole date-holidays package gives them, all the world's data loaded. */
function fromWholePackage(region: HolidayRegion, year: number): string[] {
  const source = new Holidays("GB", region === "scotland" ? "SCT" : "ENG");
  return source
    .getHolidays(year)
    .filter((h) => h.type === "public")
    .map((h) => h.date.slice(0, 10).split("-").reverse().join("/"))
    .sort((a, b) => a.split("/").reverse().join("").localeCompare(b.split("/").reverse().join("")));
}

describe("the UK's holiday data shipped with the calendar", () => {
  it("is the date-holidays package's own UK data (run node scripts/uk-holiday-data.js if not)", () => {
    expect(UK_HOLIDAY_DATA).toEqual(ukHolidayData());
  });

  it.each<HolidayRegion>(["england-and-wales", "scotland"])(
    "gives %s the same bank holidays as the whole package in every year the product uses",
    (region) => {
      const calendar = new WorkingCalendar(region);
      for (const year of years) {
        const shipped = asUkDates(calendar.holidays(year));
        expect({ year, holidays: shipped }).toEqual({ year, holidays: fromWholePackage(region, year) });
        // Eight bank holidays a year in England and Wales, nine in Scotland, at least: none lost.
        expect(shipped.length).toBeGreaterThanOrEqual(region === "scotland" ? 9 : 8);
      }
    },
  );
});

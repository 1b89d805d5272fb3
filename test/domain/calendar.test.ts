import { WorkingCalendar } from "../../src/domain/calendar";
import { dateFromSerial, formatUkDate, serialFromYmd } from "../../src/domain/dates";

const day = (d: number, m: number, y: number) => serialFromYmd(y, m, d);
const uk = (serial: number) => formatUkDate(dateFromSerial(serial));
const time = (serial: number) => {
  const minutes = Math.round((serial % 1) * 24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
};

describe("the working-day calendar", () => {
  const england = new WorkingCalendar("england-and-wales");
  const scotland = new WorkingCalendar("scotland");

  it("knows the bank holidays of each nation", () => {
    expect(england.isWorkingDay(day(31, 8, 2026))).toBe(false); // summer bank holiday (England)
    expect(scotland.isWorkingDay(day(31, 8, 2026))).toBe(true);
    expect(scotland.isWorkingDay(day(3, 8, 2026))).toBe(false); // summer bank holiday (Scotland)
    expect(scotland.isWorkingDay(day(30, 11, 2026))).toBe(false); // St Andrew's Day
    expect(england.isWorkingDay(day(28, 12, 2026))).toBe(false); // Boxing Day, substitute
    expect(england.isWorkingDay(day(6, 4, 2026))).toBe(false); // Easter Monday
  });

  it("skips weekends", () => {
    expect(england.isWorkingDay(day(28, 11, 2026))).toBe(false);
    expect(england.isWorkingDay(day(29, 11, 2026))).toBe(false);
    expect(uk(england.addWorkingDays(day(27, 11, 2026), 1))).toBe("30/11/2026");
  });

  it("counts working days across Christmas", () => {
    expect(uk(england.addWorkingDays(day(23, 12, 2026), 3))).toBe("30/12/2026");
    // 25/12, the weekend, 28/12 (Boxing Day substitute) and 01/01 are not working days.
    expect(uk(england.addWorkingDays(day(24, 12, 2026), 5))).toBe("05/01/2027");
  });

  it("the 24-hour rule across a weekend: Friday 09:30 is due Monday 09:30, and past a bank holiday Tuesday", () => {
    const friday = day(27, 11, 2026) + 9.5 / 24;
    const due = england.deadlineAfterHours(friday, 24);
    expect([uk(due), time(due)]).toEqual(["30/11/2026", "09:30"]);
    const beforeBankHoliday = england.deadlineAfterHours(day(28, 8, 2026) + 0.5, 24);
    expect([uk(beforeBankHoliday), time(beforeBankHoliday)]).toEqual(["01/09/2026", "12:00"]);
    const wednesday = england.deadlineAfterHours(day(25, 11, 2026) + 14 / 24, 24);
    expect([uk(wednesday), time(wednesday)]).toEqual(["26/11/2026", "14:00"]);
  });

  it("finds the Wednesday of the week before", () => {
    expect(uk(england.wednesdayOfWeekBefore(day(30, 11, 2026)))).toBe("25/11/2026");
    expect(uk(england.wednesdayOfWeekBefore(day(4, 12, 2026)))).toBe("25/11/2026");
  });
});

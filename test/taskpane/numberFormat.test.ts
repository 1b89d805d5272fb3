import { cellText } from "../../src/taskpane/preview/gridModel";
import { formatNumber, isDateFormat, isTimeFormat } from "../../src/taskpane/preview/numberFormat";
import { serialFromYmd } from "../../src/domain/dates";

const day = serialFromYmd(2026, 3, 2);

describe("formatNumber: the preview grid shows a number as its format says", () => {
  it.each([
    // Times of day, on the 24-hour clock
    [0.625, "hh:mm", "15:00"],
    [0.625, "h:mm", "15:00"],
    [9.5 / 24, "hh:mm", "09:30"],
    [0.99999, "hh:mm", "23:59"],
    [(13 * 3600 + 5 * 60 + 7) / 86400, "hh:mm:ss", "13:05:07"],
    [day + 0.375, "hh:mm", "09:00"],
    [0.75, "h:mm AM/PM", "6:00 PM"],
    [0.25, "h:mm AM/PM", "6:00 AM"],
    [1.5, "[h]:mm", "36:00"],
    // Dates: always dd/mm/yyyy, whatever order the format gives
    [day, "dd/mm/yyyy", "02/03/2026"],
    [day, "d-mmm-yy", "02/03/2026"],
    [day, "yyyy-mm-dd", "02/03/2026"],
    [day, "[$-809]dd mmmm yyyy", "02/03/2026"],
    [day + 0.5, "dd/mm/yyyy hh:mm", "02/03/2026 12:00"],
    // Percentages
    [0.5, "0%", "50%"],
    [0.125, "0.0%", "12.5%"],
    [0.1234, "0.00%", "12.34%"],
    [1, "0%", "100%"],
    [0.005, "0%", "1%"],
    // Fixed decimals and thousands
    [2.5, "0.00", "2.50"],
    [2.345, "0.00", "2.35"],
    [1.005, "0.00", "1.01"],
    [-2.5, "0.0", "-2.5"],
    [3, "0", "3"],
    [2.5, "0", "3"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [1234, "#,##0", "1,234"],
    [0.5, "#.##", ".5"],
    [1.5, "0.0#", "1.5"],
    [1.555, "0.0#", "1.56"],
    // Text around the number, colours and sections
    [1234.5, "£#,##0.00", "£1,234.50"],
    [12, '0 "days"', "12 days"],
    [-3, "0;[Red]-0", "-3"],
    [-3, "0.00;(0.00)", "(3.00)"],
    [-0.001, "0.00", "0.00"],
    [12345, "0.00E+00", "1.23E+04"],
    // General, text, and formats the preview does not understand
    [0.1 + 0.2, "General", "0.3"],
    [46000, "General", "46000"],
    [42, "@", "42"],
    [42, "", "42"],
  ])("%p under %j shows %j", (value, format, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });
});

describe("format kinds", () => {
  it.each([
    ["dd/mm/yyyy", true, false],
    ["hh:mm", false, true],
    ["mm:ss", false, true],
    ["dd/mm/yyyy hh:mm", true, true],
    ["0.00", false, false],
    ['0 "days"', false, false],
    ["[Red]0%", false, false],
    ["General", false, false],
  ])("%j: date %s, time %s", (format, date, time) => {
    expect(isDateFormat(format)).toBe(date);
    expect(isTimeFormat(format)).toBe(time);
  });
});

describe("cellText", () => {
  it("shows blanks, booleans and text as they are, numbers by their format", () => {
    expect(cellText(null, "0.00")).toBe("");
    expect(cellText(true, "General")).toBe("TRUE");
    expect(cellText("15:00", "hh:mm")).toBe("15:00");
    expect(cellText(0.625, "hh:mm")).toBe("15:00");
    expect(cellText(day, "dd/mm/yyyy")).toBe("02/03/2026");
  });
});

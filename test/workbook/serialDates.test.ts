import ExcelJS from "exceljs";
import { zipEntries } from "../../src/workbook/xlsx/zipEntries";
import fc from "fast-check";
import { serialFromYmd } from "../../src/domain/dates";
import { DATE_SYSTEM_OFFSET_DAYS, dateFromSerial, serialFromDate } from "../../src/workbook/serialDates";
import { XlsxBytesWorkbook } from "../../src/workbook/xlsx/xlsxBytes";

const utc = (year: number, month: number, day: number, hours = 0, minutes = 0) =>
  new Date(Date.UTC(year, month - 1, day, hours, minutes));

describe("serialFromDate", () => {
  it("counts days since 30/12/1899 in the 1900 date system, as Excel shows them", () => {
    expect(serialFromDate(utc(1899, 12, 30))).toBe(0);
    expect(serialFromDate(utc(1900, 3, 1))).toBe(61); // Excel's 60 is the 29/02/1900 that never was
    expect(serialFromDate(utc(1970, 1, 1))).toBe(25569);
    expect(serialFromDate(utc(2025, 1, 1))).toBe(45658);
  });

  it("keeps the time of day as the fraction of a day", () => {
    expect(serialFromDate(utc(2025, 1, 1, 12))).toBe(45658.5);
    expect(serialFromDate(utc(2025, 1, 1, 15, 0))).toBeCloseTo(45658 + 15 / 24, 10);
  });

  it("counts from 01/01/1904 in the 1904 date system", () => {
    expect(DATE_SYSTEM_OFFSET_DAYS["1904"]).toBe(1462);
    expect(serialFromDate(utc(1904, 1, 1), "1904")).toBe(0);
    expect(serialFromDate(utc(2025, 1, 1), "1904")).toBe(44196);
  });

  it("agrees with the domain's serial days for whole dates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          expect(serialFromDate(utc(y, m, d))).toBe(serialFromYmd(y, m, d));
        },
      ),
    );
  });
});

describe("dateFromSerial", () => {
  it("is the inverse of serialFromDate, to the millisecond, in both date systems", () => {
    const dates = fc.date({ min: utc(1900, 3, 1), max: utc(2200, 1, 1), noInvalidDate: true });
    fc.assert(
      fc.property(dates, fc.constantFrom("1900" as const, "1904" as const), (date, system) => {
        expect(dateFromSerial(serialFromDate(date, system), system).getTime()).toBe(date.getTime());
      }),
    );
  });

  it("reads a serial with a time of day", () => {
    expect(dateFromSerial(45658.5).toISOString()).toBe("2025-01-01T12:00:00.000Z");
    expect(dateFromSerial(44196, "1904").toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });
});

describe("dates through a real .xlsx, as bytes", () => {
  async function reopen(source: ExcelJS.Workbook): Promise<XlsxBytesWorkbook> {
    return XlsxBytesWorkbook.fromBytes(new Uint8Array(await source.xlsx.writeBuffer()));
  }

  it("reads a date cell written by ExcelJS as its 1900 serial, with its number format", async () => {
    const source = new ExcelJS.Workbook();
    const ws = source.addWorksheet("Dates");
    ws.getCell("A1").value = utc(2026, 3, 31);
    ws.getCell("A1").numFmt = "dd/mm/yyyy";
    ws.getCell("A2").value = utc(2026, 3, 31, 15, 30);
    ws.getCell("A2").numFmt = "dd/mm/yyyy hh:mm";
    const sheet = (await (await reopen(source)).read({ sheets: "all" })).sheets[0]!;
    expect(sheet.values![0]![0]).toBe(serialFromYmd(2026, 3, 31));
    expect(sheet.values![1]![0]).toBeCloseTo(serialFromYmd(2026, 3, 31) + 15.5 / 24, 8);
    expect(sheet.numberFormats![0]![0]).toBe("dd/mm/yyyy");
  });

  it("reads a date in a 1904 workbook as the workbook's own serial, and says the snapshot is in 1904", async () => {
    const source = new ExcelJS.Workbook();
    source.properties.date1904 = true;
    const ws = source.addWorksheet("Dates");
    ws.getCell("A1").value = utc(2025, 1, 1);
    ws.getCell("A1").numFmt = "dd/mm/yyyy";
    const snapshot = await (await reopen(source)).read({ sheets: "all" });
    expect(snapshot.dateSystem).toBe("1904");
    // 01/01/2025 is serial 45658 counted from 1900 and 1462 fewer from 1904: what the file itself holds,
    // so a value read and written back is unchanged.
    expect(snapshot.sheets[0]!.values![0]![0]).toBe(45658 - 1462);
    expect(dateFromSerial(snapshot.sheets[0]!.values![0]![0] as number, "1904")).toEqual(utc(2025, 1, 1));
  });

  it("leaves the date system out of a 1900 workbook's snapshot", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Dates").getCell("A1").value = utc(2025, 1, 1);
    expect((await (await reopen(source)).read({ sheets: "all" })).dateSystem).toBeUndefined();
  });

  it("writes a date validation's minimum serial as the date ExcelJS reads back", async () => {
    const workbook = XlsxBytesWorkbook.empty();
    await workbook.apply({
      description: "due dates",
      ops: [
        { op: "addSheet", sheet: "Plan" },
        {
          op: "setValidation",
          sheet: "Plan",
          range: { top: 1, left: 0, bottom: 5, right: 0 },
          rule: { type: "date", minimum: serialFromYmd(2000, 1, 1) },
        },
      ],
    });
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await workbook.toBytes()).buffer);
    const model = (
      reread.getWorksheet("Plan") as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    const rule = Object.values(model)[0]!;
    expect(rule.type).toBe("date");
    expect((rule.formulae[0] as Date).toISOString()).toBe("2000-01-01T00:00:00.000Z");
  });

  it("writes a date validation's minimum as the same day in a workbook on the 1904 date system", async () => {
    const workbook = XlsxBytesWorkbook.empty();
    workbook.workbook.properties.date1904 = true;
    await workbook.apply({
      description: "due dates",
      ops: [
        { op: "addSheet", sheet: "Plan" },
        {
          op: "setValidation",
          sheet: "Plan",
          range: { top: 1, left: 0, bottom: 5, right: 0 },
          rule: { type: "date", minimum: serialFromYmd(2000, 1, 1) },
        },
      ],
    });
    // The file's own words: 01/01/2000 is day 36,526 of the 1900 system and day 35,064 of the 1904 one.
    const xml = zipEntries(Buffer.from(await workbook.toBytes()))!
      .read("xl/worksheets/sheet1.xml")!
      .toString("utf8");
    expect(/<formula1>([^<]*)<\/formula1>/.exec(xml)?.[1]).toBe("35064");
  });
});

import ExcelJS from "exceljs";
import { HEADER_FILL, HEADER_TEXT, headerRowFormatOps, pageSetupFor } from "../../src/sheets/printLayout";
import { wrappedLines } from "../../src/sheets/rowHeights";
import { longestGradeText } from "../../src/sheets/summarySheet";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { XlsxBytesWorkbook } from "../../src/workbook/xlsx/xlsxBytes";
import { timeOfDay, serialFromYmd } from "../../src/domain/dates";

/** WCAG relative luminance and contrast ratio of two "#RRGGBB" colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("print layout", () => {
  it("sets A4 landscape fitted to width, title left, date right, marking centred and in the footer", () => {
    expect(
      pageSetupFor({ title: "Action plan – Q&A", date: "25/11/2026", marking: "OFFICIAL-SENSITIVE" }, [2, 2]),
    ).toEqual({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      repeatRows: [2, 2],
      centreFooter: "Page &P of &N",
      header: { left: "Action plan – Q&&A", centre: "OFFICIAL-SENSITIVE", right: "25/11/2026" },
      footer: { left: "OFFICIAL-SENSITIVE" },
    });
    expect(pageSetupFor({ title: "Timeline", date: "01/01/2027" }, null)).toEqual(
      expect.objectContaining({ header: { left: "Timeline", right: "01/01/2027" }, repeatRows: null }),
    );
    expect(pageSetupFor({ title: "Timeline", date: "01/01/2027" }, null).footer).toBeUndefined();
  });

  it("styles a header row bold on a fill with AA contrast, bordered and wrapped", () => {
    expect(contrast(HEADER_FILL, HEADER_TEXT)).toBeGreaterThanOrEqual(4.5);
    const workbook = MemoryWorkbook.withSheets("Plan");
    workbook.applySync({ description: "header", ops: headerRowFormatOps("Plan", 2, 1, 3) });
    for (const col of [1, 2, 3]) {
      expect(workbook.cellFormat("Plan", 2, col)).toEqual({
        bold: true,
        fill: HEADER_FILL,
        fontColour: HEADER_TEXT,
        border: "thin",
        vertical: "top",
      });
    }
    expect(workbook.cellFormat("Plan", 2, 0)).toEqual({});
    expect(workbook.cellFormat("Plan", 3, 1)).toEqual({});
    expect(workbook.sheet("Plan").wrapped).toEqual([{ top: 2, left: 1, bottom: 2, right: 3 }]);
  });

  it("ExcelJS writes the format and the page header and footer, and reads them back from the file", async () => {
    const workbook = XlsxBytesWorkbook.empty();
    await workbook.apply({
      description: "print",
      ops: [
        { op: "addSheet", sheet: "Plan" },
        { op: "addSheet", sheet: "Notes" },
        { op: "writeValues", sheet: "Plan", row: 0, col: 0, values: [["Ref", "Action"]] },
        ...headerRowFormatOps("Plan", 0, 0, 1),
        {
          op: "setCellFormat",
          sheet: "Plan",
          range: { top: 1, left: 0, bottom: 1, right: 0 },
          format: { italic: true, fontSize: 14, horizontal: "centre" },
        },
        {
          op: "setPrintSetup",
          sheet: "Plan",
          setup: pageSetupFor({ title: "Action plan", date: "25/11/2026", marking: "OFFICIAL" }, [0, 0]),
        },
      ],
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await workbook.toBytes()).buffer);
    const ws = back.getWorksheet("Plan")!;
    for (const address of ["A1", "B1"]) {
      const cell = ws.getCell(address);
      expect(cell.font.bold).toBe(true);
      expect(cell.fill).toEqual(
        expect.objectContaining({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${HEADER_FILL.slice(1)}` } }),
      );
      expect([
        cell.border.top?.style,
        cell.border.left?.style,
        cell.border.bottom?.style,
        cell.border.right?.style,
      ]).toEqual(["thin", "thin", "thin", "thin"]);
      expect(cell.alignment).toEqual(expect.objectContaining({ wrapText: true, vertical: "top" }));
    }
    expect(ws.getCell("A2").font).toEqual(expect.objectContaining({ italic: true, size: 14 }));
    expect(ws.getCell("A2").alignment.horizontal).toBe("center");
    expect(ws.getCell("C1").font?.bold).toBeFalsy();
    expect(ws.headerFooter.oddHeader).toBe("&LAction plan&COFFICIAL&R25/11/2026");
    expect(ws.headerFooter.oddFooter).toBe("&LOFFICIAL&CPage &P of &N");
    // Page numbers running on across sheets is checked in LibreOffice's printout (libreoffice-print.e2e).
  });
});

describe("wrapped text and exact times", () => {
  it("counts lines breaking between words, so a grade in a narrow column is not cut", () => {
    expect(wrappedLines("Requires improvement to be good", 40)).toBe(1);
    expect(wrappedLines("Requires improvement to be good", 14)).toBe(3);
    expect(wrappedLines("one\ntwo", 40)).toBe(2);
    expect(longestGradeText()).toBe("Requires improvement to be good".length);
  });

  it("stores a time to the exact minute: 10:00 is 600/1440 whatever the serial's rounding", () => {
    const when = serialFromYmd(2026, 11, 2) + 10 / 24;
    expect(when % 1).not.toBe(10 / 24); // the error that printed as 09:59
    expect(timeOfDay(when)).toBe(600 / 1440);
    expect(timeOfDay(serialFromYmd(2026, 11, 2) + 23.999999 / 24)).toBe(0);
  });
});

import { UK_DATE_FORMAT } from "../domain/dates";
import { DATE_SYSTEM_OFFSET_DAYS, type DateSystem } from "../workbook/serialDates";
import type { CellFormat, CellInput, PatchOp, SheetVisibility } from "../workbook/types";
import { headerRowFormatOps, pageSetupFor, type PrintPage } from "./printLayout";

/**
 * A sheet of a report the product writes for people outside the performance team — the committee pack,
 * the county roll-up: a title, a few lines saying what the sheet shows and how it was counted, then one
 * or more tables. Described as data, so the same description becomes cells (xlsx, Excel, the preview)
 * and CSV text, and every report sheet prints alike.
 */

/** What a report cell holds. Dates are Excel serials, tagged so CSV writes them dd/mm/yyyy. */
export type ReportCell = string | number | { date: number } | null;

export type ReportColumnKind = "text" | "longText" | "count" | "percent" | "score" | "date";

export interface ReportColumn {
  header: string;
  /** Characters of the digit "0", as Excel's column width. */
  width: number;
  kind: ReportColumnKind;
}

export interface ReportTable {
  /** A heading above the table, in bold. */
  heading?: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Fills for single cells of the body (a RAG status in its colour), by 0-based body row and column. */
  fills?: { row: number; col: number; fill: string; fontColour: string }[];
  /** What to write where the table has no rows, so an empty section says so rather than vanishing. */
  empty?: string;
  /**
   * A native chart of the table (Excel draws it; an .xlsx the CLI writes goes without, as ExcelJS cannot
   * write charts): its first column as categories and the next `series` columns as the series, placed
   * under the sheet's last table. `withoutLastRow` leaves a total row out of the picture.
   */
  chart?: { name: string; title: string; series: number; withoutLastRow: boolean };
}

export interface ReportSheet {
  name: string;
  /** The page header's title, and the first line of the sheet. */
  title: string;
  /** Lines under the title: what the sheet shows and how it was counted. */
  intro: string[];
  tables: ReportTable[];
  visibility?: SheetVisibility;
}

const NUMBER_FORMATS: Partial<Record<ReportColumnKind, string>> = {
  count: "0",
  percent: '0.0"%"',
  score: "0.00",
  date: UK_DATE_FORMAT,
};

/** Points per line of 11pt text, as rowHeights.ts counts them. */
const LINE_HEIGHT = 15;

/**
 * The cells of a report cell: a date as its serial (its format says it is a date), counted in the date
 * system of the workbook it goes into (report dates are of the 1900 system, as the domain counts).
 */
export function reportCellInput(cell: ReportCell, system: DateSystem = "1900"): CellInput {
  return cell !== null && typeof cell === "object" ? cell.date - DATE_SYSTEM_OFFSET_DAYS[system] : cell;
}

/**
 * The operations that write a report sheet into a sheet the same patch adds. Intro lines and headings
 * span the table's width only on paper (they are left in the first column and allowed to run on), so a
 * reader of the cells finds every value in the column it belongs to.
 */
export function layOutReportSheet(sheet: ReportSheet, page: PrintPage, system: DateSystem = "1900"): PatchOp[] {
  const name = sheet.name;
  const width = Math.max(1, ...sheet.tables.map((t) => t.columns.length));
  const ops: PatchOp[] = [{ op: "addSheet", sheet: name }];
  const format = (row: number, left: number, right: number, f: CellFormat) =>
    ops.push({ op: "setCellFormat", sheet: name, range: { top: row, left, bottom: row, right }, format: f });
  const heights: { row: number; height: number }[] = [];
  const widths = new Map<number, number>();

  ops.push({ op: "writeValues", sheet: name, row: 0, col: 0, values: [[sheet.title]] });
  format(0, 0, 0, { bold: true, fontSize: 14 });
  heights.push({ row: 0, height: 21 });
  let row = 1;
  const introWidth = Math.max(60, sum(sheet.tables[0]?.columns.map((c) => c.width) ?? []));
  for (const line of sheet.intro) {
    ops.push({ op: "writeValues", sheet: name, row, col: 0, values: [[line]] });
    heights.push({ row, height: LINE_HEIGHT * linesFor(line, introWidth) });
    row++;
  }
  // The intro runs across the table's columns: merge them so the text wraps across the printed width.
  for (let r = 1; r < row; r++) {
    if (width > 1) ops.push({ op: "mergeCells", sheet: name, range: { top: r, left: 0, bottom: r, right: width - 1 } });
  }
  if (row > 1)
    ops.push({ op: "setWrapText", sheet: name, range: { top: 1, left: 0, bottom: row - 1, right: 0 }, wrap: true });

  let firstHeader: number | null = null;
  const charts: PatchOp[] = [];
  for (const table of sheet.tables) {
    row++; // a blank line between sections
    if (table.heading) {
      ops.push({ op: "writeValues", sheet: name, row, col: 0, values: [[table.heading]] });
      format(row, 0, 0, { bold: true, fontSize: 12 });
      row++;
    }
    const header = row;
    firstHeader ??= header;
    const last = table.columns.length - 1;
    ops.push({ op: "writeValues", sheet: name, row: header, col: 0, values: [table.columns.map((c) => c.header)] });
    ops.push(...headerRowFormatOps(name, header, 0, last));
    heights.push({
      row: header,
      height: LINE_HEIGHT * Math.max(...table.columns.map((c) => linesFor(c.header, c.width))),
    });
    table.columns.forEach((c, col) => widths.set(col, Math.max(widths.get(col) ?? 0, c.width)));
    const body =
      table.rows.length > 0 ? table.rows : [[table.empty ?? "None.", ...table.columns.slice(1).map(() => null)]];
    ops.push({
      op: "writeValues",
      sheet: name,
      row: header + 1,
      col: 0,
      values: body.map((r) => r.map((cell) => reportCellInput(cell, system))),
    });
    const top = header + 1;
    const bottom = header + body.length;
    ops.push({ op: "setWrapText", sheet: name, range: { top, left: 0, bottom, right: last }, wrap: true });
    ops.push({
      op: "setCellFormat",
      sheet: name,
      range: { top, left: 0, bottom, right: last },
      format: { border: "thin", vertical: "top" },
    });
    table.columns.forEach((column, col) => {
      const numberFormat = NUMBER_FORMATS[column.kind];
      if (numberFormat && table.rows.length > 0) {
        ops.push({
          op: "setNumberFormats",
          sheet: name,
          row: top,
          col,
          formats: body.map(() => [numberFormat]),
        });
      }
    });
    // A date in a column of another kind (the cover's "Position as at") still shows as a date.
    body.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell !== null && typeof cell === "object" && table.columns[c]?.kind !== "date") {
          ops.push({ op: "setNumberFormats", sheet: name, row: top + r, col: c, formats: [[UK_DATE_FORMAT]] });
        }
      }),
    );
    for (const fill of table.fills ?? []) {
      format(top + fill.row, fill.col, fill.col, { fill: fill.fill, fontColour: fill.fontColour });
    }
    body.forEach((cells, r) => {
      const lines = Math.max(
        1,
        ...cells.map((cell, c) => (typeof cell === "string" ? linesFor(cell, table.columns[c]?.width ?? 10) : 1)),
      );
      if (lines > 1) heights.push({ row: top + r, height: LINE_HEIGHT * lines });
    });
    if (table.chart && table.rows.length > (table.chart.withoutLastRow ? 1 : 0)) {
      charts.push({
        op: "addChart",
        sheet: name,
        name: table.chart.name,
        title: table.chart.title,
        source: {
          top: header,
          left: 0,
          bottom: table.chart.withoutLastRow ? bottom - 1 : bottom,
          right: table.chart.series,
        },
      });
    }
    row = bottom + 1;
  }
  // Charts go under the last table, where they cover no figure.
  for (const chart of charts) if (chart.op === "addChart") ops.push({ ...chart, at: { row: row + 1, col: 0 } });
  // A sheet of text alone (no table yet) reads across the page rather than down a narrow first column.
  if (widths.size === 0) widths.set(0, introWidth);
  ops.push(
    { op: "setColumnWidths", sheet: name, widths: [...widths].map(([col, w]) => ({ col, width: w })) },
    { op: "setRowHeights", sheet: name, heights },
    {
      op: "setPrintSetup",
      sheet: name,
      setup: pageSetupFor(page, sheet.tables.length === 1 && firstHeader !== null ? [firstHeader, firstHeader] : null),
    },
  );
  if (sheet.visibility && sheet.visibility !== "visible") {
    ops.push({ op: "setVisibility", sheet: name, visibility: sheet.visibility });
  }
  return ops;
}

/** Lines a text takes in a column of a width, breaking between words as a spreadsheet wraps it. */
export function linesFor(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  return text.split(/\r?\n/).reduce((total, paragraph) => total + wrappedLines(paragraph, perLine), 0);
}

function wrappedLines(paragraph: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const length = word.length;
    if (used === 0) {
      lines += Math.floor(Math.max(0, length - 1) / perLine);
      used = length % perLine || perLine;
    } else if (used + 1 + length <= perLine) {
      used += 1 + length;
    } else {
      lines += 1 + Math.floor(Math.max(0, length - 1) / perLine);
      used = length % perLine || perLine;
    }
  }
  return lines;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** A report sheet as rows of text for CSV: title, intro, then each table with its heading. */
export function reportSheetText(sheet: ReportSheet, formatDate: (serial: number) => string): string[][] {
  const lines: string[][] = [[sheet.title], ...sheet.intro.map((line) => [line])];
  for (const table of sheet.tables) {
    lines.push([]);
    if (table.heading) lines.push([table.heading]);
    lines.push(table.columns.map((c) => c.header));
    const rows = table.rows.length > 0 ? table.rows : [[table.empty ?? "None."]];
    for (const cells of rows) {
      lines.push(
        cells.map((cell, c) => {
          if (cell === null) return "";
          if (typeof cell === "object") return formatDate(cell.date);
          if (typeof cell === "number") return table.columns[c]?.kind === "score" ? cell.toFixed(2) : String(cell);
          return cell;
        }),
      );
    }
  }
  return lines;
}

import type ExcelJS from "exceljs";
import { parseRange, rangeAddress, rangesOverlap, sameRange } from "../address";
import type {
  CellFormat,
  CellRange,
  CellStyle,
  ExpressionFormat,
  PageBand,
  PatchOp,
  PrintSetup,
  ValidationRule,
  WorkbookPatch,
} from "../types";
import { isFormulaInput } from "../types";
import { cellScalar } from "./cellScalar";
import { DATE_SYSTEM_OFFSET_DAYS, dateFromSerial } from "../serialDates";

/**
 * Applies a patch to an ExcelJS workbook in memory. Used by the CLI (then written to a file) and by the
 * preview's download. Holds no product logic: each operation maps onto the ExcelJS model.
 */
export function applyPatchToExcelJs(workbook: ExcelJS.Workbook, patch: WorkbookPatch): void {
  for (const op of patch.ops) applyOp(workbook, op);
}

export class XlsxPatchError extends Error {}

function worksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new XlsxPatchError(`There is no sheet called "${name}"`);
  return found;
}

function applyOp(workbook: ExcelJS.Workbook, op: PatchOp): void {
  switch (op.op) {
    case "addSheet":
      if (workbook.worksheets.some((ws) => ws.name.toLowerCase() === op.sheet.toLowerCase())) {
        throw new XlsxPatchError(`A sheet called "${op.sheet}" already exists`);
      }
      workbook.addWorksheet(op.sheet);
      return;
    case "deleteSheet":
      workbook.removeWorksheet(worksheet(workbook, op.sheet).id);
      return;
    case "writeValues": {
      const ws = worksheet(workbook, op.sheet);
      op.values.forEach((rowValues, r) => {
        const row = ws.getRow(op.row + r + 1);
        rowValues.forEach((input, c) => {
          const cell = row.getCell(op.col + c + 1);
          // ExcelJS formulas carry no leading "=".
          cell.value = isFormulaInput(input) ? { formula: input.formula.replace(/^=/, "") } : input;
        });
      });
      return;
    }
    case "setNumberFormats": {
      const ws = worksheet(workbook, op.sheet);
      op.formats.forEach((rowFormats, r) =>
        rowFormats.forEach((format, c) => {
          ws.getCell(op.row + r + 1, op.col + c + 1).numFmt =
            format === "General" ? (undefined as unknown as string) : format;
        }),
      );
      return;
    }
    case "addTable":
      return addTable(worksheet(workbook, op.sheet), op.name, op.range, op.style);
    case "removeTable": {
      const owner = workbook.worksheets.find((ws) => tablesOf(ws).some((t) => tableName(t) === op.name));
      if (!owner) throw new XlsxPatchError(`There is no table called "${op.name}"`);
      owner.removeTable(op.name);
      return;
    }
    case "resizeTable": {
      // ExcelJS cannot resize a table in place; the same table is laid again over the new range.
      const owner = workbook.worksheets.find((ws) => tablesOf(ws).some((t) => tableName(t) === op.name));
      const table = owner && tablesOf(owner).find((t) => tableName(t) === op.name);
      if (!owner || !table) throw new XlsxPatchError(`There is no table called "${op.name}"`);
      const style =
        (table as unknown as { table: { style?: { theme?: string } } }).table.style?.theme ?? "TableStyleMedium2";
      owner.removeTable(op.name);
      addTable(owner, op.name, op.range, style);
      return;
    }
    case "setValidation":
      return setValidation(worksheet(workbook, op.sheet), op.range, op.rule, workbook.properties.date1904 === true);
    case "addConditionalFormat":
      worksheet(workbook, op.sheet).addConditionalFormatting({
        ref: rangeAddress(op.range),
        rules: [expressionRule(op.format)],
      });
      return;
    case "removeConditionalFormat": {
      const ws = worksheet(workbook, op.sheet);
      const formula = op.format.formula.replace(/^=/, "");
      ws.removeConditionalFormatting(
        (cf: ExcelJS.ConditionalFormattingOptions) =>
          !(
            safeSameRange(cf.ref, op.range) &&
            cf.rules.some((rule) => "formulae" in rule && rule.formulae?.[0] === formula)
          ),
      );
      return;
    }
    case "setColumnWidths": {
      const ws = worksheet(workbook, op.sheet);
      for (const { col, width } of op.widths) ws.getColumn(col + 1).width = width;
      return;
    }
    case "setRowHeights": {
      const ws = worksheet(workbook, op.sheet);
      for (const { row, height } of op.heights) ws.getRow(row + 1).height = height;
      return;
    }
    case "freezePanes": {
      const ws = worksheet(workbook, op.sheet);
      ws.views =
        op.rows === 0 && op.columns === 0
          ? [{ state: "normal" }]
          : [{ state: "frozen", xSplit: op.columns, ySplit: op.rows }];
      return;
    }
    case "addChart":
    case "removeChart":
      // ExcelJS cannot write charts: a file made by the CLI has the figures without the picture.
      return;
    case "mergeCells":
      worksheet(workbook, op.sheet).mergeCells(
        op.range.top + 1,
        op.range.left + 1,
        op.range.bottom + 1,
        op.range.right + 1,
      );
      return;
    case "unmergeCells": {
      const ws = worksheet(workbook, op.sheet);
      for (const merge of mergedRanges(ws)) {
        if (rangesOverlap(merge, op.range))
          ws.unMergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
      }
      return;
    }
    case "setWrapText": {
      const ws = worksheet(workbook, op.sheet);
      for (let r = op.range.top; r <= op.range.bottom; r++) {
        for (let c = op.range.left; c <= op.range.right; c++) {
          const cell = ws.getCell(r + 1, c + 1);
          cell.alignment = {
            ...cell.alignment,
            wrapText: op.wrap,
            vertical: op.wrap ? "top" : cell.alignment?.vertical,
          };
        }
      }
      return;
    }
    case "setPrintSetup":
      return setPrintSetup(worksheet(workbook, op.sheet), op.setup);
    case "setCellFormat":
      return setCellFormat(worksheet(workbook, op.sheet), op.range, op.format);
    case "setVisibility":
      worksheet(workbook, op.sheet).state = op.visibility;
      return;
  }
}

/** The merged areas of a sheet, 0-based. ExcelJS keeps them by master cell in a field it does not type. */
export function mergedRanges(ws: ExcelJS.Worksheet): CellRange[] {
  const merges = (
    ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> }
  )._merges;
  return Object.values(merges ?? {}).map((m) => ({
    top: m.top - 1,
    left: m.left - 1,
    bottom: m.bottom - 1,
    right: m.right - 1,
  }));
}

/** ExcelJS's typings describe getTables() wrongly (as tuples); at run time it returns the tables. */
export function tablesOf(ws: ExcelJS.Worksheet): ExcelJS.Table[] {
  return ws.getTables() as unknown as ExcelJS.Table[];
}

export function tableName(table: ExcelJS.Table): string {
  return (table as unknown as { table: { name: string } }).table.name;
}

function addTable(ws: ExcelJS.Worksheet, name: string, range: CellRange, style: string): void {
  const clash = ws.workbook.worksheets.some((sheet) =>
    tablesOf(sheet).some((t) => tableName(t).toLowerCase() === name.toLowerCase()),
  );
  if (clash) throw new XlsxPatchError(`A table called "${name}" already exists`);
  // ExcelJS writes a table's cells itself from the rows it is given: give it the cells already written
  // (values, formulas and their formats) and put each cell's format back afterwards.
  const columns: { name: string }[] = [];
  for (let c = range.left; c <= range.right; c++) {
    // The header's text, whatever form the cell holds it in (rich text, a hyperlink): ExcelJS writes the
    // column name back into the header cell, so anything else would replace what the user wrote.
    const header = cellScalar(ws.getCell(range.top + 1, c + 1).value);
    columns.push({ name: header === null || header === "" ? `Column${c - range.left + 1}` : String(header) });
  }
  const rows: ExcelJS.CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  for (let r = range.top + 1; r <= range.bottom; r++) {
    const values: ExcelJS.CellValue[] = [];
    const rowFormats: (string | undefined)[] = [];
    for (let c = range.left; c <= range.right; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      values.push(cell.value);
      rowFormats.push(cell.numFmt);
    }
    rows.push(values);
    formats.push(rowFormats);
  }
  ws.addTable({
    name,
    ref: rangeAddress({ top: range.top, left: range.left, bottom: range.top, right: range.left }),
    headerRow: true,
    totalsRow: false,
    style: { theme: style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns,
    rows,
  });
  formats.forEach((rowFormats, r) =>
    rowFormats.forEach((format, c) => {
      if (format) ws.getCell(range.top + r + 2, range.left + c + 1).numFmt = format;
    }),
  );
}

function setValidation(ws: ExcelJS.Worksheet, range: CellRange, rule: ValidationRule | null, date1904: boolean): void {
  const address = rangeAddress(range);
  // ExcelJS keeps validations per cell address internally; removing by range clears each cell.
  const validations = (ws as unknown as { dataValidations: unknown }).dataValidations as {
    add(address: string, validation: ExcelJS.DataValidation): void;
    remove(address: string): void;
  };
  validations.remove(address);
  if (!rule) return;
  if (rule.type === "list") {
    validations.add(address, {
      type: "list",
      allowBlank: true,
      formulae: [`"${rule.values.join(",")}"`],
      showErrorMessage: true,
      errorStyle: rule.strict ? "stop" : "warning",
      errorTitle: "Not in the list",
      error: `Choose one of: ${rule.values.join(", ")}`,
      showInputMessage: !!rule.prompt,
      prompt: rule.prompt,
    });
  } else if (rule.type === "rangeList") {
    validations.add(address, {
      type: "list",
      allowBlank: true,
      formulae: [rule.source],
      showErrorMessage: true,
      errorStyle: rule.strict ? "stop" : "warning",
      errorTitle: "Not in the list",
      error: "Choose a value from the list",
      showInputMessage: !!rule.prompt,
      prompt: rule.prompt,
    });
  } else {
    validations.add(address, {
      type: "date",
      operator: "greaterThanOrEqual",
      allowBlank: true,
      // ExcelJS reads a number here as JavaScript milliseconds: give it the date itself. It writes a date
      // as a 1900-system serial whatever the workbook's system, so in a 1904 workbook the date given is
      // the one whose 1900 serial is the minimum's 1904 serial (else the minimum lands four years late).
      formulae: [dateFromSerial(rule.minimum - (date1904 ? DATE_SYSTEM_OFFSET_DAYS["1904"] : 0))],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Not a date",
      error: "Enter a date as dd/mm/yyyy",
      showInputMessage: !!rule.prompt,
      prompt: rule.prompt,
    });
  }
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function expressionRule(format: ExpressionFormat): ExcelJS.ConditionalFormattingRule {
  return {
    type: "expression",
    priority: 1,
    formulae: [format.formula.replace(/^=/, "")],
    style: excelJsStyle(format.style),
  };
}

function excelJsStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const result: Partial<ExcelJS.Style> = {};
  if (style.fill) result.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(style.fill) } };
  if (style.fontColour || style.bold) {
    result.font = {
      ...(style.fontColour ? { color: { argb: argb(style.fontColour) } } : {}),
      ...(style.bold ? { bold: true } : {}),
    };
  }
  return result;
}

function setPrintSetup(ws: ExcelJS.Worksheet, setup: PrintSetup): void {
  ws.pageSetup.orientation = setup.orientation;
  ws.pageSetup.paperSize = 9; // A4 in the OOXML paper size table
  ws.pageSetup.fitToPage = setup.fitToWidth;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0; // 0 = as many pages tall as needed
  // ExcelJS writes firstPageNumber="1" useFirstPageNumber="1" by default, which makes every sheet start
  // again at page 1; without it, numbering runs on across the whole printout ("Page 3 of 9").
  ws.pageSetup.firstPageNumber = undefined;
  if (setup.repeatRows) ws.pageSetup.printTitlesRow = `${setup.repeatRows[0] + 1}:${setup.repeatRows[1] + 1}`;
  // A sheet read from a file without a header or footer has none at all (null), not an empty one.
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: bandCodes(setup.header ?? {}),
    oddFooter: bandCodes({ ...setup.footer, centre: setup.centreFooter }),
  };
}

/** A header or footer's three parts as one string of Excel's section codes (&L, &C, &R). */
function bandCodes(band: PageBand): string {
  return [
    band.left ? `&L${band.left}` : "",
    band.centre ? `&C${band.centre}` : "",
    band.right ? `&R${band.right}` : "",
  ].join("");
}

const HORIZONTAL: Record<NonNullable<CellFormat["horizontal"]>, ExcelJS.Alignment["horizontal"]> = {
  left: "left",
  centre: "center",
  right: "right",
};

/** Direct formatting, cell by cell (ExcelJS keeps a style per cell); properties not given are kept. */
function setCellFormat(ws: ExcelJS.Worksheet, range: CellRange, format: CellFormat): void {
  const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      // A cell ExcelJS has never styled has no font at all, and LibreOffice then draws it in its own
      // serif default: start from the font ExcelJS writes as the workbook's Normal style.
      const font: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2, ...cell.font };
      if (format.bold !== undefined) font.bold = format.bold;
      if (format.italic !== undefined) font.italic = format.italic;
      if (format.fontSize !== undefined) font.size = format.fontSize;
      if (format.fontColour !== undefined) font.color = { argb: argb(format.fontColour) };
      cell.font = font;
      if (format.fill !== undefined) {
        // A cell's own fill is the pattern's foreground; bgColor is what conditional formats use.
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(format.fill) } };
      }
      if (format.border === "thin") cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      if (format.horizontal !== undefined || format.vertical !== undefined) {
        cell.alignment = {
          ...cell.alignment,
          ...(format.horizontal !== undefined ? { horizontal: HORIZONTAL[format.horizontal] } : {}),
          ...(format.vertical !== undefined ? { vertical: format.vertical } : {}),
        };
      }
    }
  }
}

function safeSameRange(ref: string, range: CellRange): boolean {
  try {
    return sameRange(parseRange(ref), range);
  } catch {
    return false;
  }
}

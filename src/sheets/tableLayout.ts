import { UK_DATE_FORMAT, serialFromYmd } from "../domain/dates";
import type { RagStatus } from "../domain/rag";
import { columnLetters } from "../workbook/address";
import { headerRowFormatOps, pageSetupFor, type PrintPage } from "./printLayout";
import { rowHeightFor } from "./rowHeights";
import type { ColumnKind, TableSheetSpec } from "./sheetSpec";
import type { CellInput, CellRange, PatchOp } from "../workbook/types";

/** What the layout needs from the rest of the workbook. */
export interface LayoutContext {
  rag: readonly RagStatus[];
  /** Absolute reference to the self-evaluation's refs, for "criterionRef" columns; none, no list. */
  criterionRefSource?: string;
}

/** Earliest date the date columns accept: anything earlier is almost certainly a typing slip. */
const EARLIEST_PLAN_DATE = serialFromYmd(2000, 1, 1);

/**
 * The operations that lay out a new table sheet: header and rows, the table, validation, RAG colours,
 * formats, widths, frozen header, a header row that prints styled, and the page setup `page` describes.
 * The sheet must be added by the same patch, so undo simply deletes it.
 */
export function layOutTableSheet(
  spec: TableSheetSpec,
  sheet: string,
  table: string,
  rows: CellInput[][],
  context: LayoutContext,
  page: PrintPage,
): PatchOp[] {
  // Excel requires a table to have at least one data row; an empty plan gets one blank row to type in.
  const dataRows = rows.length > 0 ? rows : [spec.columns.map(() => null)];
  const lastRow = dataRows.length; // header at row 0, data at rows 1..lastRow
  const ops: PatchOp[] = [
    { op: "writeValues", sheet, row: 0, col: 0, values: [spec.columns.map((c) => c.header), ...dataRows] },
    {
      op: "addTable",
      sheet,
      name: table,
      range: { top: 0, left: 0, bottom: lastRow, right: spec.columns.length - 1 },
      style: spec.tableStyle,
    },
  ];
  ops.push(
    ...columnRuleOps(
      sheet,
      1,
      lastRow,
      spec.columns.map((column, col) => ({ kind: column.kind, col })),
      { ...context, statuses: spec.statuses },
    ),
  );
  // Wrap and top-align the whole body so long criteria read as paragraphs on screen and on paper.
  ops.push({
    op: "setWrapText",
    sheet,
    range: { top: 1, left: 0, bottom: lastRow, right: spec.columns.length - 1 },
    wrap: true,
  });
  // The header is bold and wraps too: a long header in a narrow column takes two lines.
  const headerHeight = rowHeightFor(
    spec.columns.map((c) => c.header),
    spec.columns,
    true,
  );
  const heights = [
    { row: 0, height: headerHeight },
    ...dataRows.map((row, r) => ({ row: r + 1, height: rowHeightFor(row, spec.columns) })),
  ].filter((h) => h.height > 15);
  ops.push(
    ...headerRowFormatOps(sheet, 0, 0, spec.columns.length - 1),
    { op: "setRowHeights", sheet, heights },
    { op: "setColumnWidths", sheet, widths: spec.columns.map((c, col) => ({ col, width: c.width })) },
    { op: "freezePanes", sheet, rows: 1, columns: 0 },
    { op: "setPrintSetup", sheet, setup: pageSetupFor(page, [0, 0]) },
  );
  return ops;
}

export interface RuleColumn {
  kind: ColumnKind;
  /** 0-based column of the sheet. */
  col: number;
}

/**
 * The validation, formats and RAG colours each kind of column carries, over rows top..bottom (0-based,
 * inclusive). Shared by new sheets, structured sheets and rows added by a refresh, so a column of a
 * kind behaves the same wherever it came from. `formatsBefore` records the formats replaced on an
 * existing sheet, for undo.
 */
export function columnRuleOps(
  sheet: string,
  top: number,
  bottom: number,
  columns: RuleColumn[],
  context: LayoutContext & { statuses?: readonly string[] },
  formatsBefore?: (col: number) => string[][],
): PatchOp[] {
  const ops: PatchOp[] = [];
  const body = (col: number): CellRange => ({ top, left: col, bottom, right: col });
  for (const { kind, col } of columns) {
    if (kind === "date") {
      ops.push(
        {
          op: "setNumberFormats",
          sheet,
          row: top,
          col,
          formats: Array.from({ length: bottom - top + 1 }, () => [UK_DATE_FORMAT]),
          ...(formatsBefore ? { before: formatsBefore(col) } : {}),
        },
        {
          op: "setValidation",
          sheet,
          range: body(col),
          rule: { type: "date", minimum: EARLIEST_PLAN_DATE, prompt: "Enter a date as dd/mm/yyyy" },
        },
      );
    }
    if (kind === "time") {
      ops.push({
        op: "setNumberFormats",
        sheet,
        row: top,
        col,
        formats: Array.from({ length: bottom - top + 1 }, () => ["hh:mm"]),
        ...(formatsBefore ? { before: formatsBefore(col) } : {}),
      });
    }
    if (kind === "status" && context.statuses) {
      ops.push({
        op: "setValidation",
        sheet,
        range: body(col),
        rule: { type: "list", values: [...context.statuses], strict: true },
      });
    }
    if (kind === "criterionRef" && context.criterionRefSource) {
      // Not strict: an action may answer a recommendation that is not a framework criterion.
      ops.push({
        op: "setValidation",
        sheet,
        range: body(col),
        rule: {
          type: "rangeList",
          source: context.criterionRefSource,
          strict: false,
          prompt: "A ref from the self-evaluation",
        },
      });
    }
    if (kind === "rag") {
      ops.push({
        op: "setValidation",
        sheet,
        range: body(col),
        rule: {
          type: "list",
          values: context.rag.map((status) => status.label),
          strict: true,
          // Excel refuses an input message over 255 characters; a council's own scale may be long.
          prompt: context.rag
            .map((status) => `${status.label}: ${status.meaning}`)
            .join("; ")
            .slice(0, 255),
        },
      });
      // One expression rule per status, anchored on the range's first cell.
      const anchor = `$${columnLetters(col)}${top + 1}`;
      for (const status of context.rag) {
        ops.push({
          op: "addConditionalFormat",
          sheet,
          range: body(col),
          format: {
            type: "expression",
            formula: `=${anchor}="${status.label}"`,
            style: { fill: status.fill, fontColour: status.text, bold: true },
          },
        });
      }
    }
  }
  return ops;
}

/** "Action plan", then "Action plan (2)", … — the first name not taken (Excel compares without case). */
export function uniqueName(wanted: string, taken: readonly string[], separator: (n: number) => string): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}${separator(n)}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

import { columnLetters, parseRange, rangeAddress, sameRange } from "../address";
import type { CellFormat, PatchOp, PrintSetup, SheetVisibility, ValidationRule, WorkbookPatch } from "../types";
import { dateFromSerial } from "../serialDates";
import { encodeBlock, encodeFormats } from "./cells";
import { CALL_OVERHEAD, SyncBudget, jsonBytes, queueRowChunks } from "./payload";
import type { NameSet } from "./readSnapshot";

type RemoveFormatOp = Extract<PatchOp, { op: "removeConditionalFormat" }>;

/**
 * Queues every operation of the patch in order and syncs as the request limits require: one sync for an
 * ordinary patch, one more for each further 5,000 cells written or 4 MB, whichever comes first (see
 * payload.ts). Removing a conditional format
 * needs two reads first (below), so a patch that does so, which only undo produces, takes two syncs more.
 *
 * Excel cannot roll back: if a sync fails, the operations sent before it stay applied.
 */
export async function applyPatch(
  context: Excel.RequestContext,
  patch: WorkbookPatch,
  known: { sheets: NameSet; tables: NameSet },
): Promise<void> {
  const removals = await findConditionalFormats(context, patch.ops);
  const budget = new SyncBudget(() => context.sync());
  const deleted = new Set<string>();
  for (const op of patch.ops) {
    await queueOp(context, op, budget, { removals, deleted, known });
  }
  await budget.finish();
}

interface OpState {
  removals: Map<RemoveFormatOp, Excel.ConditionalFormat[]>;
  /** Ids of conditional formats already queued for deletion, so two equal removals delete once. */
  deleted: Set<string>;
  known: { sheets: NameSet; tables: NameSet };
}

const sheetNamed = (context: Excel.RequestContext, name: string) => context.workbook.worksheets.getItem(name); // ExcelApi 1.1

async function queueOp(context: Excel.RequestContext, op: PatchOp, budget: SyncBudget, state: OpState): Promise<void> {
  // Block writes reserve their own payload, chunk by chunk; every other operation is small.
  if (op.op !== "writeValues" && op.op !== "setNumberFormats") await budget.reserve(opBytes(op));
  switch (op.op) {
    case "addSheet":
      context.workbook.worksheets.add(op.sheet); // ExcelApi 1.1
      state.known.sheets.add(op.sheet);
      return;
    case "deleteSheet":
      sheetNamed(context, op.sheet).delete(); // ExcelApi 1.1
      state.known.sheets.delete(op.sheet);
      return;
    case "writeValues": {
      const sheet = sheetNamed(context, op.sheet);
      const block = encodeBlock(op.values);
      const width = block.rows[0]?.length ?? 0;
      if (width === 0) return;
      await queueRowChunks(block.rows, budget, (start, rows) => {
        const range = sheet.getRange(blockAddress(op.row + start, op.col, rows.length, width)); // ExcelApi 1.1
        // Constants are valid input to `formulas` too, so a chunk holding any formula goes that way.
        if (block.hasFormula.slice(start, start + rows.length).some(Boolean))
          range.formulas = rows; // ExcelApi 1.1
        else range.values = rows; // ExcelApi 1.1
      });
      return;
    }
    case "setNumberFormats": {
      const sheet = sheetNamed(context, op.sheet);
      const rows = encodeFormats(op.formats);
      const width = rows[0]?.length ?? 0;
      if (width === 0) return;
      await queueRowChunks(rows, budget, (start, chunk) => {
        sheet.getRange(blockAddress(op.row + start, op.col, chunk.length, width)).numberFormat = chunk; // ExcelApi 1.1
      });
      return;
    }
    case "addTable": {
      const table = sheetNamed(context, op.sheet).tables.add(rangeAddress(op.range), true); // ExcelApi 1.1
      table.name = op.name; // ExcelApi 1.1
      table.style = op.style; // ExcelApi 1.1
      state.known.tables.add(op.name);
      return;
    }
    case "removeTable":
      // Keeps the cells and their values; Excel keeps the table style's look as plain cell formatting.
      context.workbook.tables.getItem(op.name).convertToRange(); // ExcelApi 1.2
      state.known.tables.delete(op.name);
      return;
    case "addChart": {
      const sheet = sheetNamed(context, op.sheet);
      const chart = sheet.charts.add("ColumnStacked", sheet.getRange(rangeAddress(op.source)), "Columns"); // ExcelApi 1.1
      chart.name = op.name; // ExcelApi 1.1
      chart.title.text = op.title; // ExcelApi 1.1
      if (op.at)
        chart.setPosition(rangeAddress({ top: op.at.row, left: op.at.col, bottom: op.at.row, right: op.at.col })); // ExcelApi 1.1
      return;
    }
    case "removeChart":
      sheetNamed(context, op.sheet).charts.getItem(op.name).delete(); // ExcelApi 1.1
      return;
    case "resizeTable":
      context.workbook.tables.getItem(op.name).resize(rangeAddress(op.range)); // ExcelApi 1.13
      return;
    case "setValidation": {
      const validation = sheetNamed(context, op.sheet).getRange(rangeAddress(op.range)).dataValidation; // ExcelApi 1.8
      validation.clear(); // ExcelApi 1.8; the range then holds the new rule only, or none for a null rule
      if (!op.rule) return;
      validation.rule = validationRule(context, op.rule); // ExcelApi 1.8
      validation.errorAlert = {
        // ExcelApi 1.8; an empty title and message let Excel show its own, in the user's language
        showAlert: true,
        style: "strict" in op.rule && !op.rule.strict ? "Warning" : "Stop",
        title: "",
        message: "",
      };
      if (op.rule.prompt) validation.prompt = { showPrompt: true, title: "", message: op.rule.prompt }; // ExcelApi 1.8
      return;
    }
    case "addConditionalFormat": {
      const range = sheetNamed(context, op.sheet).getRange(rangeAddress(op.range));
      const format = range.conditionalFormats.add("Custom"); // ExcelApi 1.6
      format.custom.rule.formula = op.format.formula; // ExcelApi 1.6; relative to the range's top-left cell
      const style = op.format.style;
      if (style.fill) format.custom.format.fill.color = style.fill; // ExcelApi 1.6
      if (style.fontColour) format.custom.format.font.color = style.fontColour; // ExcelApi 1.6
      if (style.bold !== undefined) format.custom.format.font.bold = style.bold; // ExcelApi 1.6
      return;
    }
    case "removeConditionalFormat":
      for (const format of state.removals.get(op) ?? []) {
        if (state.deleted.has(format.id)) continue;
        state.deleted.add(format.id);
        format.delete(); // ExcelApi 1.6
      }
      return;
    case "setColumnWidths": {
      const sheet = sheetNamed(context, op.sheet);
      for (const { col, width } of op.widths) {
        const letters = columnLetters(col);
        sheet.getRange(`${letters}:${letters}`).format.columnWidth = widthInPoints(width); // ExcelApi 1.2
      }
      return;
    }
    case "setRowHeights": {
      const sheet = sheetNamed(context, op.sheet);
      for (const run of heightRuns(op.heights)) {
        sheet.getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.height; // ExcelApi 1.2
      }
      return;
    }
    case "freezePanes": {
      const panes = sheetNamed(context, op.sheet).freezePanes; // ExcelApi 1.7 for every call below
      if (op.rows > 0 && op.columns > 0) {
        panes.freezeAt(rangeAddress({ top: 0, left: 0, bottom: op.rows - 1, right: op.columns - 1 }));
      } else if (op.rows > 0) panes.freezeRows(op.rows);
      else if (op.columns > 0) panes.freezeColumns(op.columns);
      else panes.unfreeze();
      return;
    }
    case "mergeCells":
      sheetNamed(context, op.sheet).getRange(rangeAddress(op.range)).merge(false); // ExcelApi 1.2
      return;
    case "unmergeCells":
      // Unmerges every merged area the range touches.
      sheetNamed(context, op.sheet).getRange(rangeAddress(op.range)).unmerge(); // ExcelApi 1.2
      return;
    case "setWrapText":
      sheetNamed(context, op.sheet).getRange(rangeAddress(op.range)).format.wrapText = op.wrap; // ExcelApi 1.1
      return;
    case "setPrintSetup":
      queuePrintSetup(sheetNamed(context, op.sheet).pageLayout, op.setup); // ExcelApi 1.9
      return;
    case "setCellFormat":
      queueCellFormat(sheetNamed(context, op.sheet).getRange(rangeAddress(op.range)).format, op.format);
      return;
    case "setVisibility":
      sheetNamed(context, op.sheet).visibility = EXCEL_VISIBILITY[op.visibility]; // ExcelApi 1.2 to set
      return;
    default: {
      const unknown: never = op;
      throw new Error(`The Excel adapter cannot apply "${(unknown as PatchOp).op}"`);
    }
  }
}

const EXCEL_VISIBILITY: Record<SheetVisibility, "Visible" | "Hidden" | "VeryHidden"> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

/** The payload an operation other than a block write adds: its own size plus a call's envelope per item. */
function opBytes(op: PatchOp): number {
  return jsonBytes(op) + CALL_OVERHEAD * (4 + extraCalls(op));
}

/** Calls an operation queues beyond the four the base allowance covers. */
function extraCalls(op: PatchOp): number {
  switch (op.op) {
    case "setColumnWidths":
      return op.widths.length;
    case "setRowHeights":
      return heightRuns(op.heights).length;
    case "setPrintSetup":
      // Orientation, paper, zoom, titles, first page number and five header and footer parts.
      return 10 + (setupBands(op.setup).length > 0 ? 1 : 0);
    case "setCellFormat":
      return formatCalls(op.format);
    default:
      return 0;
  }
}

function blockAddress(row: number, col: number, height: number, width: number): string {
  return rangeAddress({ top: row, left: col, bottom: row + height - 1, right: col + width - 1 });
}

/**
 * Excel's column width in characters counts the width of the digit "0" in the default font (7 pixels in
 * Calibri 11) and adds 5 pixels of cell padding; Office.js sets widths in points, 0.75 to the pixel at
 * 96 dpi. So 8.43 characters, Excel's default, is 64 pixels, 48 points.
 */
export function widthInPoints(characters: number): number {
  return (characters * 7 + 5) * 0.75;
}

/** Consecutive rows of equal height, so a long plan sets its heights in a few calls rather than thousands. */
function heightRuns(
  heights: readonly { row: number; height: number }[],
): { first: number; last: number; height: number }[] {
  const byRow = new Map(heights.map(({ row, height }) => [row, height])); // a row given twice: the later wins
  const runs: { first: number; last: number; height: number }[] = [];
  for (const [row, height] of [...byRow].sort(([a], [b]) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.last === row - 1 && last.height === height) last.last = row;
    else runs.push({ first: row, last: row, height });
  }
  return runs;
}

function validationRule(context: Excel.RequestContext, rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case "list": {
      // Excel's list source is one comma-separated string; an item with a comma in it would become two.
      const withComma = rule.values.find((value) => value.includes(","));
      if (withComma !== undefined) {
        throw new Error(`The list item "${withComma}" contains a comma, which an Excel drop-down list cannot hold`);
      }
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    }
    case "rangeList": {
      // The source may be given as a Range (ExcelApi 1.8), which keeps the sheet name out of any parsing.
      const { sheet, address } = splitReference(rule.source);
      return { list: { inCellDropDown: true, source: sheetNamed(context, sheet).getRange(address) } };
    }
    case "date":
      // DATE(y, m, d): no date format or locale is involved, and it is the same day in a workbook on
      // the 1904 date system, where the serial itself would be four years late.
      return { date: { formula1: dateFormula(rule.minimum), operator: "GreaterThanOrEqualTo" } };
  }
}

/** "'Self-evaluation'!$A$2:$A$37" → the sheet name (unquoted) and the address. */
export function splitReference(reference: string): { sheet: string; address: string } {
  const bang = reference.lastIndexOf("!");
  if (bang <= 0) throw new Error(`"${reference}" does not name a sheet and a range`);
  const quoted = reference.slice(0, bang);
  const sheet = /^'.*'$/.test(quoted) ? quoted.slice(1, -1).replace(/''/g, "'") : quoted;
  return { sheet, address: reference.slice(bang + 1) };
}

function queuePrintSetup(layout: Excel.PageLayout, setup: PrintSetup): void {
  layout.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait"; // ExcelApi 1.9
  layout.paperSize = "A4"; // ExcelApi 1.9 (PrintSetup allows only A4)
  // Fit all columns on one page across, as many pages down as it takes (0 = automatic); zoom must be
  // assigned as a whole object. ExcelApi 1.9
  layout.zoom = setup.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 };
  // "" = automatic: each sheet's pages are numbered on from the sheet before, so "Page x of y" counts
  // across the whole printout. ExcelApi 1.9
  layout.firstPageNumber = "";
  // Office.js can set print titles but not remove them, so a setup without repeated rows leaves them as
  // they are.
  if (setup.repeatRows) layout.setPrintTitleRows(`$${setup.repeatRows[0] + 1}:$${setup.repeatRows[1] + 1}`); // ExcelApi 1.9
  const page = layout.headersFooters.defaultForAllPages; // ExcelApi 1.9 for every part below
  page.centerFooter = setup.centreFooter;
  for (const [part, text] of setupBands(setup)) page[part] = text;
}

type BandPart = "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "rightFooter";

/** Every header and footer part besides the centre footer, "" where the setup leaves it empty. */
function setupBands(setup: PrintSetup): [BandPart, string][] {
  if (!setup.header && !setup.footer) return [];
  return [
    ["leftHeader", setup.header?.left ?? ""],
    ["centerHeader", setup.header?.centre ?? ""],
    ["rightHeader", setup.header?.right ?? ""],
    ["leftFooter", setup.footer?.left ?? ""],
    ["rightFooter", setup.footer?.right ?? ""],
  ];
}

const HORIZONTAL: Record<NonNullable<CellFormat["horizontal"]>, "Left" | "Center" | "Right"> = {
  left: "Left",
  centre: "Center",
  right: "Right",
};

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/** Direct formatting of a range; properties the format leaves out are not touched. */
function queueCellFormat(range: Excel.RangeFormat, format: CellFormat): void {
  if (format.bold !== undefined) range.font.bold = format.bold; // ExcelApi 1.1
  if (format.italic !== undefined) range.font.italic = format.italic; // ExcelApi 1.1
  if (format.fontSize !== undefined) range.font.size = format.fontSize; // ExcelApi 1.1
  if (format.fontColour !== undefined) range.font.color = format.fontColour; // ExcelApi 1.1
  if (format.fill !== undefined) range.fill.color = format.fill; // ExcelApi 1.1
  if (format.horizontal !== undefined) range.horizontalAlignment = HORIZONTAL[format.horizontal]; // ExcelApi 1.1
  if (format.vertical !== undefined) range.verticalAlignment = format.vertical === "top" ? "Top" : "Center"; // ExcelApi 1.1
  if (format.border === "thin") {
    // Every edge of every cell: the outline and the lines between. A one-cell-high range has no inside
    // horizontal line, which Excel simply ignores.
    for (const edge of EDGES) {
      const border = range.borders.getItem(edge); // ExcelApi 1.1
      border.style = "Continuous"; // ExcelApi 1.1
      border.weight = "Thin"; // ExcelApi 1.1
    }
  }
}

/** How many calls queueCellFormat makes for a format, for the payload estimate. */
function formatCalls(format: CellFormat): number {
  const simple = (["bold", "italic", "fontSize", "fontColour", "fill", "horizontal", "vertical"] as const).filter(
    (key) => format[key] !== undefined,
  ).length;
  return simple + (format.border === "thin" ? EDGES.length * 3 : 0);
}

/**
 * The conditional formats each removeConditionalFormat operation names: on exactly its range, with
 * exactly its formula, as the memory workbook removes them. A range's conditional formats are those that
 * intersect it, and a format's own range is reached only through a method, so this takes two reads: the
 * formats touching each range with their formulas, then the ranges of those whose formula matches. The
 * reads come before any write of the patch, which is sound because only undo removes formats, and it
 * removes formats that an earlier patch added.
 */
async function findConditionalFormats(
  context: Excel.RequestContext,
  ops: readonly PatchOp[],
): Promise<Map<RemoveFormatOp, Excel.ConditionalFormat[]>> {
  const found = new Map<RemoveFormatOp, Excel.ConditionalFormat[]>();
  const removals = ops.filter((op): op is RemoveFormatOp => op.op === "removeConditionalFormat");
  if (removals.length === 0) return found;
  const collections = removals.map(
    (op) =>
      sheetNamed(context, op.sheet)
        .getRange(rangeAddress(op.range))
        .conditionalFormats.load("items/id,items/type,items/customOrNullObject/rule/formula"), // ExcelApi 1.6
  );
  await context.sync();
  const candidates = removals.map(
    (op, i) =>
      collections[i]!.items.filter(
        (format) => format.type === "Custom" && format.customOrNullObject.rule.formula === op.format.formula,
      ).map((format) => ({ format, range: format.getRangeOrNullObject().load("address") })), // ExcelApi 1.6
  );
  if (candidates.some((list) => list.length > 0)) await context.sync();
  removals.forEach((op, i) => {
    const exact = candidates[i]!.filter(
      ({ range }) => !range.isNullObject && sameRange(parseRange(range.address), op.range),
    );
    const formats = exact.map(({ format }) => format);
    found.set(op, formats);
  });
  return found;
}

/** "=DATE(2000,1,1)" for a day given as a 1900-system serial. */
function dateFormula(serial: number): string {
  const day = dateFromSerial(serial);
  return `=DATE(${day.getUTCFullYear()},${day.getUTCMonth() + 1},${day.getUTCDate()})`;
}

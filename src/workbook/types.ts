/**
 * Plain-data types shared by every backend: a snapshot is what a command reads, a patch is what it asks
 * to be written. Nothing here knows about Office.js, ExcelJS or the DOM.
 *
 * Coordinates are 0-based (row 0 is spreadsheet row 1) so that arithmetic in commands stays simple;
 * A1-style addresses are produced only at the edges (adapters, user-facing messages).
 */

/** What a cell holds once read. Dates are Excel serial numbers; the number format says it is a date. */
export type Scalar = string | number | boolean | null;

/** A formula to write, in English (en-US) Excel syntax with a leading "=". */
export interface FormulaInput {
  formula: string;
}

/** What a command may write into a cell. */
export type CellInput = Scalar | FormulaInput;

export function isFormulaInput(value: CellInput): value is FormulaInput {
  return typeof value === "object" && value !== null && "formula" in value;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** A rectangle of cells, inclusive on both ends. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface TableSnapshot {
  name: string;
  sheet: string;
  range: CellRange;
  headers: string[];
}

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  /**
   * The values of the used range, anchored at A1 (so `values[r][c]` is row r, column c of the sheet),
   * or null where the snapshot query did not ask for this sheet's cells.
   */
  values: Scalar[][] | null;
  /**
   * Number formats of the same cells; "General" where none is set. Null also where the query asked for
   * no number formats (SnapshotQuery.numberFormats) and the backend left them out.
   */
  numberFormats: string[][] | null;
  /** Formulas of the same cells where a cell holds one (sparse: null where it does not). */
  formulas: (string | null)[][] | null;
  frozenRows: number;
  frozenColumns: number;
  /**
   * Merged areas among the cells read (a merged area's value is in its top-left cell; the others read
   * as null). Absent where the backend or query did not read them.
   */
  merges?: CellRange[];
  /**
   * True where the sheet is protected (Review > Protect Sheet): Excel refuses writes to it, so a command
   * that would change it is refused before anything is written. Absent where not protected, or where the
   * backend cannot tell.
   */
  protected?: boolean;
  /**
   * Where the query asked for some rows of this sheet only (SnapshotQuery.rows) and the backend read just
   * those: `values[0]` (and the formats' and formulas' first row) is this 0-based row of the sheet, and
   * the rows read run to the query's bottom row or the end of the used range. Absent where the sheet was
   * read whole, anchored at A1 as usual.
   */
  firstRow?: number;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  tables: TableSnapshot[];
  /**
   * The workbook's date system: its dates are serials counted from 30/12/1899 ("1900", the default when
   * absent) or from 01/01/1904 ("1904", old Mac workbooks). Cell values are the workbook's own serials,
   * so a command turning text into a date or a date into text converts with workbook/serialDates.
   */
  dateSystem?: "1900" | "1904";
}

/** Which cells a command needs; backends with expensive reads (Excel) read only these. */
export interface SnapshotQuery {
  /** Sheets whose cells to read. Names that do not exist are skipped. Sheet names are always read. */
  sheets: string[] | "all";
  /**
   * Of the sheets named in `sheets`, only these rows (0-based, inclusive), for a caller that holds the
   * rest from an earlier read (live checking after an edit). A backend with expensive reads (Excel) reads
   * just these and says so with SheetSnapshot.firstRow; the others may read the whole sheet.
   */
  rows?: { sheet: string; top: number; bottom: number }[];
  /**
   * False: no number formats are needed (a command that only reads, whose rules take a date from its
   * column's kind and the cell's serial, never from a format). A backend with expensive reads (Excel) then
   * leaves them out, about a quarter of what a plan's cells cost; the others may read them all the same. Commands
   * that write number formats read them, to record those they replace.
   */
  numberFormats?: false;
}

// ---- patch operations -------------------------------------------------------------------------------

export interface ListValidation {
  type: "list";
  values: string[];
  /** When true a value outside the list is refused; when false Excel only warns. */
  strict: boolean;
  prompt?: string;
}

export interface DateValidation {
  type: "date";
  /** Earliest allowed date as an Excel serial number. */
  minimum: number;
  prompt?: string;
}

/** A list whose choices are the cells of a range, e.g. the refs column of the self-evaluation. */
export interface RangeListValidation {
  type: "rangeList";
  /** An absolute reference with its sheet, e.g. "'Self-evaluation'!$A$2:$A$37" (no leading "="). */
  source: string;
  strict: boolean;
  prompt?: string;
}

export type ValidationRule = ListValidation | RangeListValidation | DateValidation;

export interface CellStyle {
  fill?: string; // "#RRGGBB"
  fontColour?: string; // "#RRGGBB"
  bold?: boolean;
}

/**
 * A conditional format whose rule is a formula relative to the range's top-left cell (Excel's "Use a
 * formula to determine which cells to format"). We never use "text contains" rules: ExcelJS writes them
 * without the text attribute and LibreOffice then ignores them (TOOLCHAIN.md).
 */
export interface ExpressionFormat {
  type: "expression";
  formula: string;
  style: CellStyle;
}

/** Text for the three parts of a page header or footer, in Excel header/footer codes (&P page, &N pages). */
export interface PageBand {
  left?: string;
  centre?: string;
  right?: string;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  paper: "A4";
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, 0-based inclusive, e.g. [0, 0] for the header row. */
  repeatRows: [number, number] | null;
  /** Footer text in Excel header/footer codes, e.g. "Page &P of &N" (centred). */
  centreFooter: string;
  /** The page header (a title and date, a protective marking); none where absent. */
  header?: PageBand;
  /** Left and right of the footer, beside centreFooter (a protective marking). */
  footer?: Omit<PageBand, "centre">;
}

/**
 * Direct formatting of cells: what prints and what every spreadsheet program draws, unlike a table
 * style (LibreOffice draws none). Absent properties are left as they are.
 */
export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  fill?: string; // "#RRGGBB"
  fontColour?: string; // "#RRGGBB"
  /** A thin border on every edge of every cell of the range. */
  border?: "thin";
  horizontal?: "left" | "centre" | "right";
  vertical?: "top" | "middle";
}

export type PatchOp =
  | { op: "addSheet"; sheet: string }
  | { op: "deleteSheet"; sheet: string }
  | {
      op: "writeValues";
      sheet: string;
      row: number;
      col: number;
      values: CellInput[][];
      /** The cells' previous contents, from the snapshot; absent only on a sheet the same patch adds. */
      before?: CellInput[][];
    }
  | {
      op: "setNumberFormats";
      sheet: string;
      row: number;
      col: number;
      formats: string[][];
      before?: string[][];
    }
  | { op: "addTable"; sheet: string; name: string; range: CellRange; style: string }
  | { op: "removeTable"; name: string }
  /** Grows or shrinks a table over new rows or columns; the header row stays where it is. */
  | { op: "resizeTable"; name: string; range: CellRange; before?: CellRange }
  | {
      op: "setValidation";
      sheet: string;
      range: CellRange;
      rule: ValidationRule | null;
      /** The rule it replaces where known; undo clears the range when this is absent. */
      before?: ValidationRule | null;
    }
  | { op: "addConditionalFormat"; sheet: string; range: CellRange; format: ExpressionFormat }
  /** Removes the conditional formats on exactly this range with exactly this formula (undo of add). */
  | { op: "removeConditionalFormat"; sheet: string; range: CellRange; format: ExpressionFormat }
  /** Widths in characters of the default font, as Excel's column width dialog shows them. */
  | {
      op: "setColumnWidths";
      sheet: string;
      widths: { col: number; width: number }[];
      before?: { col: number; width: number }[];
    }
  /** Row heights in points; set where text wraps, since not every spreadsheet program fits rows itself. */
  | {
      op: "setRowHeights";
      sheet: string;
      heights: { row: number; height: number }[];
      before?: { row: number; height: number | null }[];
    }
  | { op: "freezePanes"; sheet: string; rows: number; columns: number; before?: { rows: number; columns: number } }
  /**
   * A native chart of a block whose first column holds the categories and first row the series names.
   * Excel draws it; ExcelJS cannot write charts, so an .xlsx file made by the CLI goes without.
   */
  | {
      op: "addChart";
      sheet: string;
      name: string;
      source: CellRange;
      title: string;
      /** The cell its top-left corner sits on (0-based); where Excel puts it when absent. */
      at?: { row: number; col: number };
    }
  | { op: "removeChart"; sheet: string; name: string }
  | { op: "mergeCells"; sheet: string; range: CellRange }
  /** Excel tables cannot hold merged cells, so structuring a sheet unmerges within the table first. */
  | { op: "unmergeCells"; sheet: string; range: CellRange }
  | { op: "setWrapText"; sheet: string; range: CellRange; wrap: boolean; before?: boolean }
  | { op: "setPrintSetup"; sheet: string; setup: PrintSetup; before?: PrintSetup }
  /** Direct formatting of a range (headers, the pack's titles); undone only on sheets the patch adds. */
  | { op: "setCellFormat"; sheet: string; range: CellRange; format: CellFormat }
  | { op: "setVisibility"; sheet: string; visibility: SheetVisibility; before?: SheetVisibility };

export type PatchOpKind = PatchOp["op"];

export interface WorkbookPatch {
  /** What the patch does, in words a user understands ("Create ILACS action plan"): shown by Undo. */
  description: string;
  ops: PatchOp[];
}

/** A backend that can be read and written: Excel through Office.js, an .xlsx file, or memory. */
export interface WorkbookAdapter {
  read(query: SnapshotQuery): Promise<WorkbookSnapshot>;
  apply(patch: WorkbookPatch): Promise<void>;
  /**
   * Whether applying the patch clears the host's own undo history (Excel's Ctrl+Z), so the pane can say
   * so; absent where the host keeps none (a file, the preview).
   */
  clearsUndoHistory?(patch: WorkbookPatch): boolean;
}

/** A change a person made to cells, as a backend that can watch reports it. */
export interface CellChange {
  sheet: string;
  /** The range changed, e.g. "E5" or "E5:G9". */
  address: string;
  /** A co-author's change, made in their copy of the workbook and merged into this one. */
  remote?: boolean;
  /**
   * The add-in's own write, reported only so that a reader holding cells from an earlier read knows they
   * have changed: it must never start a check (which would check after every command, and could loop).
   */
  own?: boolean;
  /** Rows, columns or cells were inserted or deleted: cells have moved, so earlier reads are out of date. */
  moved?: boolean;
}

/**
 * A backend that can tell when a person changes cells (Excel); files and memory cannot and need not.
 * The add-in's own writes are reported with `own: true`, so a command's own writes never trigger a re-check.
 */
export interface WatchableWorkbook extends WorkbookAdapter {
  watch(sheets: string[], onChange: (change: CellChange) => void): Promise<() => Promise<void>>;
}

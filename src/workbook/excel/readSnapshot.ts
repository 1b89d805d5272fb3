import { parseRange } from "../address";
import type {
  CellRange,
  Scalar,
  SheetSnapshot,
  SheetVisibility,
  SnapshotQuery,
  TableSnapshot,
  WorkbookSnapshot,
} from "../types";
import { formulaOf, fromExcelValue } from "./cells";
import {
  type CellRead,
  cellProperties,
  newCellRead,
  readRemainingRows,
  takeRows,
  type UsedCells,
  WINDOW_ADDRESS,
} from "./readCells";

/** Names Excel compares without case (sheets, tables), remembered with the case Excel reported. */
export class NameSet {
  private readonly names = new Map<string, string>();

  add(name: string): void {
    this.names.set(name.toLowerCase(), name);
  }
  delete(name: string): void {
    this.names.delete(name.toLowerCase());
  }
  replace(names: readonly string[]): void {
    this.names.clear();
    names.forEach((name) => this.add(name));
  }
  list(): string[] {
    return [...this.names.values()];
  }
}

interface SheetRead {
  sheet: Excel.Worksheet;
  frozen: Excel.Range;
  /** The used range's position and size (not its cells), where the query asked for this sheet's cells. */
  used: Excel.Range | null;
  /** Its first rows (or the rows the query wants of it), read speculatively with its size (see WINDOW_ADDRESS), or null. */
  window: Excel.Range | null;
  /** The sheet's merged areas, likewise (a null object when there are none). */
  merged: Excel.RangeAreas | null;
}

interface TableRead {
  table: Excel.Table;
  range: Excel.Range;
  columns: Excel.TableColumnCollection;
}

const key = (name: string) => name.toLowerCase();

/**
 * Reads a snapshot. The worksheet and table collections come back with their names, but a table's
 * address, its headers and a sheet's frozen panes are reached only through methods (`getRange()`,
 * `freezePanes.getLocationOrNullObject()`), which need an item proxy, which needs the collection's
 * items, which need a sync: Office.js has no way to read every table's range in one sync of a workbook
 * it knows nothing about.
 *
 * So the reads are queued speculatively, by name, through `getItemOrNullObject`, for the sheets the
 * query names and for every sheet and table `known` holds (the names seen in the previous read and made
 * by this adapter's own patches), in the same sync as the collections. A name that no longer exists
 * gives a null object and is dropped. Only a sheet or table that appeared since (renamed or added by the
 * user, or every table on the first read of a workbook) costs a second sync, using the collection's own
 * items. In steady use, reading before each command, that is one sync for small sheets.
 *
 * Cells are read so that each response fits Excel on the web (see readCells.ts): the speculative reads
 * take each used range's size and its first rows (the window), which is the whole of a small sheet; the
 * rest of a larger sheet follows in chunks of rows, a sync per 4 MB or so.
 *
 * `speculate: false` skips the speculative reads (names and windows) and always takes the two syncs, plus
 * those of the cells; it is the fallback for a host that refuses calls made through a null object, or a
 * window too large for one response (see ExcelWorkbook.read).
 */
export async function readSnapshot(
  context: Excel.RequestContext,
  query: SnapshotQuery,
  known: { sheets: NameSet; tables: NameSet },
  speculate: boolean,
): Promise<WorkbookSnapshot> {
  const wantsCells = (name: string) =>
    query.sheets === "all" || query.sheets.some((wanted) => key(wanted) === key(name));
  const spans = rowSpans(query);
  const withFormats = query.numberFormats !== false;
  // The window: a sheet's first rows, or, where only some rows are wanted, those rows (whole rows, cut
  // to the used range by the intersection).
  const windowOf = (name: string) => {
    if (!speculate) return null;
    const span = spans.get(key(name));
    return span ? `${span.top + 1}:${span.bottom + 1}` : WINDOW_ADDRESS;
  };
  // Protection (ExcelApi 1.2) with the names: a command that would change a protected sheet is refused
  // before anything is written (see commands/protectedSheets.ts).
  const worksheets = context.workbook.worksheets.load("items/name,items/visibility,items/protection/protected"); // ExcelApi 1.1
  const dateSystem = queueDateSystemRead(context);
  const tables = context.workbook.tables.load("items/name,items/worksheet/name"); // ExcelApi 1.1; Table.worksheet 1.2

  const sheetReads = new Map<string, SheetRead>();
  const tableReads = new Map<string, TableRead>();
  if (speculate) {
    const named = query.sheets === "all" ? [] : query.sheets;
    for (const name of [...named, ...known.sheets.list()]) {
      if (sheetReads.has(key(name))) continue;
      const sheet = context.workbook.worksheets.getItemOrNullObject(name); // ExcelApi 1.4
      sheetReads.set(key(name), queueSheetRead(sheet, wantsCells(name), windowOf(name), withFormats));
    }
    for (const name of known.tables.list()) {
      tableReads.set(key(name), queueTableRead(context.workbook.tables.getItemOrNullObject(name))); // ExcelApi 1.4
    }
  }
  await context.sync();

  const missingSheets = worksheets.items.filter(
    (sheet) => sheetReads.get(key(sheet.name))?.sheet.isNullObject !== false,
  );
  const missingTables = tables.items.filter((table) => tableReads.get(key(table.name))?.table.isNullObject !== false);
  if (missingSheets.length > 0 || missingTables.length > 0) {
    for (const sheet of missingSheets) {
      sheetReads.set(key(sheet.name), queueSheetRead(sheet, wantsCells(sheet.name), windowOf(sheet.name), withFormats));
    }
    for (const table of missingTables) tableReads.set(key(table.name), queueTableRead(table));
    await context.sync();
  }

  const cellReads = new Map<string, CellRead>();
  for (const sheet of worksheets.items) {
    const read = sheetReads.get(key(sheet.name))!;
    if (wantsCells(sheet.name) && read.used && !read.used.isNullObject) {
      const span = spans.get(key(sheet.name));
      cellReads.set(
        key(sheet.name),
        span
          ? startRowsRead(sheet.name, read.used, span, read.window, withFormats)
          : startCellRead(sheet.name, read.used, read.window, withFormats),
      );
    }
  }
  await readRemainingRows(context, [...cellReads.values()], (name) => sheetReads.get(key(name))!.sheet);

  known.sheets.replace(worksheets.items.map((sheet) => sheet.name));
  known.tables.replace(tables.items.map((table) => table.name));
  return {
    ...(dateSystem?.use1904DateSystem ? { dateSystem: "1904" as const } : {}),
    sheets: worksheets.items.map((sheet) =>
      sheetSnapshot(
        sheet.name,
        sheet.visibility,
        sheet.protection.protected,
        sheetReads.get(key(sheet.name))!,
        wantsCells(sheet.name),
        cellReads.get(key(sheet.name))?.cells ?? null,
        spans.get(key(sheet.name)),
      ),
    ),
    tables: tables.items.map((table) =>
      tableSnapshot(table.name, table.worksheet.name, tableReads.get(key(table.name))!),
    ),
  };
}

/**
 * The workbook's date system, where the host can say: Workbook.use1904DateSystem is in ExcelApi 1.16 (not
 * in the @types/office-js this project builds with, hence the cast). Excel hands over serials in the
 * workbook's own system, so they need no conversion; the snapshot only says which system they are in.
 * On an older host the flag cannot be read and a workbook is taken to be in the 1900 system, as nearly
 * every workbook is (only old Mac workbooks use 1904).
 */
function queueDateSystemRead(context: Excel.RequestContext): { use1904DateSystem?: boolean } | null {
  const supported =
    typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.16") === true;
  if (!supported) return null;
  const workbook = context.workbook as unknown as { load(names: string): { use1904DateSystem?: boolean } };
  return workbook.load("use1904DateSystem");
}

/** The rows the query wants of each sheet (0-based, inclusive), from the first to the last it names. */
function rowSpans(query: SnapshotQuery): Map<string, RowSpan> {
  const spans = new Map<string, RowSpan>();
  for (const { sheet, top, bottom } of query.rows ?? []) {
    const known = spans.get(key(sheet));
    spans.set(
      key(sheet),
      known ? { top: Math.min(known.top, top), bottom: Math.max(known.bottom, bottom) } : { top, bottom },
    );
  }
  return spans;
}

interface RowSpan {
  top: number;
  bottom: number;
}

/**
 * The wanted rows of a used range (none where they lie outside it), the used range's full width, taken
 * from the speculative window where it holds exactly those.
 */
function startRowsRead(
  name: string,
  used: Excel.Range,
  span: RowSpan,
  window: Excel.Range | null,
  withFormats: boolean,
): CellRead {
  const top = Math.max(used.rowIndex, span.top);
  const bottom = Math.min(used.rowIndex + used.rowCount - 1, span.bottom);
  const read = newCellRead(name, top, used.columnIndex, Math.max(0, bottom - top + 1), used.columnCount, withFormats);
  const fits =
    window !== null &&
    !window.isNullObject &&
    window.rowIndex === top &&
    window.rowCount === read.rows &&
    window.columnIndex === used.columnIndex &&
    window.columnCount === used.columnCount;
  if (fits && read.rows > 0) takeRows(read, 0, read.rows, window);
  return read;
}

/**
 * A used range's cells to read: its size, and the rows of the speculative window when it covers the used
 * range's full width from its top row (otherwise the window is not used, and every row is read in chunks).
 */
function startCellRead(name: string, used: Excel.Range, window: Excel.Range | null, withFormats: boolean): CellRead {
  const read = newCellRead(name, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount, withFormats);
  const fits =
    window !== null &&
    !window.isNullObject &&
    window.rowIndex === used.rowIndex &&
    window.columnIndex === used.columnIndex &&
    window.columnCount === used.columnCount;
  if (fits) takeRows(read, 0, window.rowCount, window);
  return read;
}

function queueSheetRead(
  sheet: Excel.Worksheet,
  withCells: boolean,
  windowAddress: string | null,
  withFormats: boolean,
): SheetRead {
  sheet.load("name"); // ExcelApi 1.1; loaded so that isNullObject is known after the sync
  const frozen = sheet.freezePanes
    .getLocationOrNullObject() // ExcelApi 1.7
    .load("rowCount,columnCount,isEntireRow,isEntireColumn"); // ExcelApi 1.1; isEntireRow/Column 1.7
  const used = withCells
    ? sheet
        .getUsedRangeOrNullObject(false) // ExcelApi 1.4 (valuesOnly: false counts formatted cells, as memory does)
        .load("rowIndex,columnIndex,rowCount,columnCount") // ExcelApi 1.1
    : null;
  // Called through what may be a null object (a blank sheet's used range), so only on the speculative path.
  const window =
    used && windowAddress
      ? used
          .getIntersectionOrNullObject(windowAddress) // ExcelApi 1.4
          .load(`rowIndex,columnIndex,rowCount,columnCount,${cellProperties(withFormats)}`) // ExcelApi 1.1
      : null;
  // Merged areas of the whole sheet, not of the used range, which may be a null object.
  // Only the address is loaded: it is a property of the RangeAreas itself, so nothing is called through
  // what is a null object on a sheet without merged cells.
  const merged = withCells
    ? sheet
        .getRange() // ExcelApi 1.1
        .getMergedAreasOrNullObject() // ExcelApi 1.13
        .load("address") // ExcelApi 1.9
    : null;
  return { sheet, frozen, used, window, merged };
}

function queueTableRead(table: Excel.Table): TableRead {
  table.load("name"); // ExcelApi 1.1
  const range = table.getRange().load("address"); // ExcelApi 1.1
  // Column names are the header texts (Excel keeps them equal), and exist even when the header row is hidden.
  const columns = table.columns.load("items/name"); // ExcelApi 1.1
  return { table, range, columns };
}

const VISIBILITY: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

function sheetSnapshot(
  name: string,
  visibility: string,
  isProtected: boolean,
  read: SheetRead,
  withCells: boolean,
  cells: UsedCells | null,
  span?: RowSpan,
): SheetSnapshot {
  const frozen = read.frozen;
  const base = {
    name,
    visibility: VISIBILITY[visibility] ?? "visible",
    // The frozen pane is whole rows when only rows are frozen, whole columns when only columns are.
    frozenRows: frozen.isNullObject || frozen.isEntireColumn ? 0 : frozen.rowCount,
    frozenColumns: frozen.isNullObject || frozen.isEntireRow ? 0 : frozen.columnCount,
    ...(isProtected ? { protected: true } : {}),
  };
  if (!withCells || !read.used || !read.merged) return { ...base, values: null, numberFormats: null, formulas: null };
  const grid = span ? { ...spanCells(cells, span.top), firstRow: span.top } : anchoredCells(cells);
  return { ...base, ...grid, merges: mergedAreas(read.merged) };
}

/** Merged areas, top to bottom, then left to right. */
function mergedAreas(merged: Excel.RangeAreas): CellRange[] {
  if (merged.isNullObject) return [];
  return splitAreas(merged.address)
    .map(parseRange)
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

/** "Sheet1!A1:B2, 'My, sheet'!D4" → its areas: commas inside a quoted sheet name do not split. */
export function splitAreas(address: string): string[] {
  const areas: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled quote inside a name toggles twice, so it stays quoted
    if (ch === "," && !quoted) {
      areas.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) areas.push(current.trim());
  return areas;
}

/**
 * The used range's cells anchored at A1: the rows and columns above and left of the used range are
 * padded with empty cells. Excel's used range also counts cells that carry only other formatting (wrap
 * text, fills); those are trimmed from the bottom and right, so "used" means a value, a formula or a
 * number format, as it does for the other backends.
 */
function anchoredCells(used: UsedCells | null): Pick<SheetSnapshot, "values" | "numberFormats" | "formulas"> {
  if (!used) return { values: [], numberFormats: [], formulas: [] };
  const { top, left, values, formulas } = used;
  const formats = used.numberFormats;
  let height = 0;
  let width = 0;
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const format = formats?.[r]?.[c];
      const formatted = format !== undefined && format !== "General" && format !== "";
      if (value !== "" || formulaOf(formulas[r]?.[c], value) !== null || formatted) {
        height = Math.max(height, top + r + 1);
        width = Math.max(width, left + c + 1);
      }
    }),
  );
  const grid = <T>(pick: (r: number, c: number) => T, empty: T): T[][] =>
    Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => (r < top || c < left ? empty : pick(r - top, c - left))),
    );
  return {
    values: grid<Scalar>((r, c) => fromExcelValue(values[r]?.[c]), null),
    numberFormats: formats && grid((r, c) => String(formats[r]?.[c] || "General"), "General"),
    formulas: grid((r, c) => formulaOf(formulas[r]?.[c], values[r]?.[c]), null),
  };
}

/**
 * Rows read for a span of the sheet, from its first row: rows of the span above the used range are empty,
 * and rows below it are left out (the caller knows where the span ends). Columns are anchored at A and not
 * trimmed, so what the caller holds from a whole read is replaced cell for cell.
 */
function spanCells(
  used: UsedCells | null,
  firstRow: number,
): Pick<SheetSnapshot, "values" | "numberFormats" | "formulas"> {
  if (!used || used.values.length === 0) {
    return { values: [], numberFormats: used?.numberFormats === null ? null : [], formulas: [] };
  }
  const { top, left, values, formulas } = used;
  const formats = used.numberFormats;
  const width = left + (values[0]?.length ?? 0);
  const height = top + values.length - firstRow;
  const grid = <T>(pick: (r: number, c: number) => T, empty: T): T[][] =>
    Array.from({ length: height }, (_, i) => {
      const r = firstRow + i - top;
      return Array.from({ length: width }, (_, c) => (r < 0 || c < left ? empty : pick(r, c - left)));
    });
  return {
    values: grid<Scalar>((r, c) => fromExcelValue(values[r]?.[c]), null),
    numberFormats: formats && grid((r, c) => String(formats[r]?.[c] || "General"), "General"),
    formulas: grid((r, c) => formulaOf(formulas[r]?.[c], values[r]?.[c]), null),
  };
}

function tableSnapshot(name: string, sheet: string, read: TableRead): TableSnapshot {
  return {
    name,
    sheet,
    range: parseRange(read.range.address),
    headers: read.columns.items.map((column) => column.name),
  };
}

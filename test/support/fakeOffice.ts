/**
 * A small fake of the part of Office.js's Excel API that src/workbook/excel uses, to test the adapter
 * without Excel. It keeps Office.js's rules that matter to an adapter:
 *
 * - proxies: calls are queued and run, in order, only on `context.sync()`; reading a property that was
 *   not loaded and synced throws PropertyNotLoaded; a batch that ends with unsynced writes is an error
 *   (the fake is stricter than Excel.run here, to catch a forgotten sync);
 * - every sync is counted with its payload (the JSON of each queued call's name and arguments, plus a
 *   small envelope) and the cells it writes, and a sync over 5 MB is refused whole, as Excel on the web
 *   refuses it;
 * - every sync's response is measured too (the JSON of each loaded property's name and value), and one
 *   over 5 MB fails the sync with ResponsePayloadSizeLimitExceeded, as Excel on the web fails it (the
 *   fake still runs the sync's calls; an adapter must not use what a failed sync loaded). A range read
 *   of values over 5,000,000 cells returns null values, as Excel has been reported to do, and
 *   `nullValuesFor` makes chosen reads of values return null, to test that an adapter notices;
 * - *OrNullObject getters give null objects; a call through a null object gives a null object, or, with
 *   `nullObjects: "throw"`, fails the sync (Excel's behaviour here is not documented, so both are tested);
 * - a protected sheet (`FakeSheet.protected`) refuses writes to its cells and formatting with AccessDenied
 *   when the request reaches them, the calls before staying applied, as Excel does;
 * - change events: `userEdit` (a person, source "Local"), `remoteEdit` (a co-author, source "Remote"),
 *   `raiseChange` (rows inserted and the like), and the add-in's own writes with triggerSource
 *   "ThisLocalAddin" (ExcelApi 1.14; `reportsTriggerSource = false` plays an older host);
 * - Excel's own undo: `undoSteps` counts the steps the add-in's writes add (one a sync, or one a run with
 *   mergeUndoGroup, ExcelApi 1.20), and a call Excel cannot undo inside such a group fails with
 *   UndoNotSupported (Worksheet.delete; Worksheet.visibility where `platform` is "desktop");
 * - strings written to cells are read as typed input ("=…" a formula, "00123" a number, "TRUE" a
 *   Boolean, "2025-01-31" a date, a leading apostrophe keeps text), null leaves a cell alone, "" clears it.
 *
 * Its state is a plain model (`FakeExcel.model`) that tests inspect directly: sheets with their cells,
 * validations, conditional formats, column widths and row heights (points), frozen panes, page layout,
 * visibility and merged areas, and tables. It refuses what Excel refuses where an adapter could trip:
 * duplicate or invalid names, overlapping tables, merging inside a table, hiding or deleting the last
 * visible sheet, an array that does not fit its range, a prompt over 255 characters. It does not
 * calculate: a formula cell's value reads as "". Classes implement the scalar members of the Office.js types they stand for
 * (`Pick<Excel.X, …>`), so a name or type the adapter relies on that Office.js lacks fails to compile.
 */
import { serialFromYmd } from "../../src/domain/dates";
import { columnIndex, parseRange, rangeAddress, rangesOverlap, sameRange } from "../../src/workbook/address";
import type { CellRange } from "../../src/workbook/types";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel on the web refuses a request over 5 MB. */
export const REQUEST_LIMIT = 5 * 1024 * 1024;
/** ...and a response over 5 MB. */
export const RESPONSE_LIMIT = 5 * 1024 * 1024;
/** Excel reads at most this many cells of a range at once; above it, it has been reported to return null. */
export const READ_CELLS_LIMIT = 5_000_000;
/** Bytes the fake adds per queued call for Office.js's envelope (object path id, action type). */
const ENVELOPE = 40;
const GENERAL = "General";

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

// ---- the model ----------------------------------------------------------------------------------------

export interface FakeCell {
  /** What `values` returns: "" for an empty cell (and for a formula cell: the fake does not calculate). */
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  wrap: boolean;
  /** Direct formatting set through range.format; absent until a call sets it. */
  style?: FakeCellStyle;
}

/** The direct formatting the fake models, with Office.js's own names and values. */
export interface FakeCellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** Border line style and weight by edge ("EdgeTop", "InsideVertical", …) of the range set. */
  borders?: Record<string, { style?: string; weight?: string }>;
}

export interface FakeValidation {
  range: CellRange;
  rule: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
}

export interface FakeConditionalFormat {
  id: string;
  range: CellRange;
  formula: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface FakePageLayout {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  zoom: Excel.PageLayoutZoomOptions;
  printTitleRows: string | null;
  /** "" = automatic (numbered on from the sheet before); a number restarts this sheet's pages. */
  firstPageNumber: number | "";
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Sparse cells keyed "row,column" (0-based). */
  cells: Map<string, FakeCell>;
  validations: FakeValidation[];
  conditionalFormats: FakeConditionalFormat[];
  /** Points, by column. */
  columnWidths: Map<number, number>;
  /** Points, by row. */
  rowHeights: Map<number, number>;
  frozen: { rows: number; columns: number };
  pageLayout: FakePageLayout;
  merged: CellRange[];
  charts: { name: string; type: string; source: CellRange; seriesBy: string; title: string; at?: string }[];
  /** Review > Protect Sheet: writes to the sheet's cells and formatting fail with AccessDenied. */
  protected: boolean;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  range: CellRange;
  style: string;
}

export class FakeWorkbookModel {
  /** The workbook's date system flag, as Workbook.use1904DateSystem reads it. */
  date1904 = false;
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  private nextId = 1;

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `no worksheet "${name}"`);
    return sheet;
  }

  findTable(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): FakeSheet {
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw new FakeOfficeError("InvalidArgument", `bad sheet name "${name}"`);
    if (this.findSheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `a sheet called "${name}" exists`);
    const sheet: FakeSheet = {
      name,
      visibility: "Visible",
      cells: new Map(),
      validations: [],
      conditionalFormats: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      frozen: { rows: 0, columns: 0 },
      pageLayout: {
        orientation: "Portrait",
        paperSize: "Letter",
        zoom: { scale: 100 },
        printTitleRows: null,
        firstPageNumber: "",
        leftHeader: "",
        centerHeader: "",
        rightHeader: "",
        leftFooter: "",
        centerFooter: "",
        rightFooter: "",
      },
      merged: [],
      charts: [],
      protected: false,
    };
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    if (!this.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
      throw new FakeOfficeError("InvalidOperation", "a workbook must keep a visible sheet");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i]!.sheet === sheet) this.tables.splice(i, 1);
  }

  cell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
    return sheet.cells.get(`${row},${col}`);
  }

  touch(sheet: FakeSheet, row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let cell = sheet.cells.get(key);
    if (!cell) sheet.cells.set(key, (cell = { value: "", formula: null, numberFormat: GENERAL, wrap: false }));
    return cell;
  }

  /** Excel's used range counting formatting too (getUsedRange(false)), or null for a blank sheet. */
  usedRange(sheet: FakeSheet): CellRange | null {
    let used: CellRange | null = null;
    for (const [key, cell] of sheet.cells) {
      if (cell.value === "" && cell.formula === null && cell.numberFormat === GENERAL && !cell.wrap) continue;
      const [row, col] = key.split(",").map(Number) as [number, number];
      used = used
        ? {
            top: Math.min(used.top, row),
            left: Math.min(used.left, col),
            bottom: Math.max(used.bottom, row),
            right: Math.max(used.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }
    return used;
  }

  newId(): string {
    return String(this.nextId++);
  }
}

// ---- requests -----------------------------------------------------------------------------------------

export interface SyncRecord {
  /** Request bytes. */
  bytes: number;
  calls: number;
  /** Response bytes: what the sync's loads returned, as JSON. */
  readBytes: number;
  /** The most cells of any one range whose values, formulas or number formats the sync read. */
  readCells: number;
  /** Cells whose values, formulas or number formats the sync wrote (a co-author waits on each request's merge). */
  writeCells: number;
}

/** The calls that write a block of cells, with the block as their one argument. */
const BLOCK_WRITES = new Set(["values", "formulas", "numberFormat"]);

interface QueuedCall {
  name: string;
  args: unknown[];
  run: () => void;
  write: boolean;
}

/** Stands in for the global `Excel`: `new ExcelWorkbook(fake)`. */
export class FakeExcel {
  readonly model = new FakeWorkbookModel();
  readonly syncLog: SyncRecord[] = [];

  constructor(readonly options: { nullObjects: "propagate" | "throw" } = { nullObjects: "propagate" }) {}

  get syncs(): number {
    return this.syncLog.length;
  }

  /** Response bytes of every sync since the counts were reset. */
  get readBytes(): number {
    return this.syncLog.reduce((sum, sync) => sum + sync.readBytes, 0);
  }

  /** Syncs since the counts were reset that loaded anything. */
  get readSyncs(): number {
    return this.syncLog.filter((sync) => sync.readBytes > 0).length;
  }

  /** Reads of values for which this says true return null, as Excel has been reported to do. */
  nullValuesFor: (range: CellRange) => boolean = () => false;

  resetCounts(): void {
    this.syncLog.length = 0;
  }

  // ---- worksheet change events (ExcelApi 1.7; triggerSource 1.14) ----

  /** Handlers registered through worksheet.onChanged.add, by sheet. */
  readonly changeHandlers: {
    sheet: FakeSheet;
    handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;
  }[] = [];
  /** Cells the add-in wrote in the sync under way, reported as its own changes once the sync is done. */
  readonly addinChanges: { sheet: FakeSheet; address: string }[] = [];
  private delivering: Promise<unknown> = Promise.resolve();
  /** False to model hosts before ExcelApi 1.14, whose events carry no triggerSource. */
  reportsTriggerSource = true;

  /** A person typing into cells: the model changes at once and onChanged handlers hear of it. */
  userEdit(sheetName: string, address: string, rows: (string | number | boolean | null)[][]): void {
    this.deliver(this.edit(sheetName, address, rows), address, "Unknown");
  }

  /**
   * A co-author's edit, merged into this copy of the workbook: handlers hear of it with source "Remote"
   * (whatever their add-in may be doing at the time, as Excel does not know what caused it).
   */
  remoteEdit(sheetName: string, address: string, rows: (string | number | boolean | null)[][]): void {
    this.deliver(this.edit(sheetName, address, rows), address, "Unknown", "Remote");
  }

  /** A change event of another kind (a row inserted, say) for `address`, the model left as it is. */
  raiseChange(sheetName: string, address: string, changeType: string): void {
    this.deliver(this.model.sheet(sheetName), address, "Unknown", "Local", changeType);
  }

  private edit(sheetName: string, address: string, rows: (string | number | boolean | null)[][]): FakeSheet {
    const sheet = this.model.sheet(sheetName);
    const rect = parseAddress(address);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = this.model.touch(sheet, rect.top + r, rect.left + c);
        cell.formula = null;
        cell.value = value === null ? "" : value;
      }),
    );
    return sheet;
  }

  /** Waits until every change event raised so far has been handled. */
  async idle(): Promise<void> {
    let current: Promise<unknown>;
    do {
      current = this.delivering;
      await current;
    } while (current !== this.delivering);
  }

  deliverAddinChanges(): void {
    for (const { sheet, address } of this.addinChanges.splice(0)) this.deliver(sheet, address, "ThisLocalAddin");
  }

  private deliver(
    sheet: FakeSheet,
    address: string,
    triggerSource: "Unknown" | "ThisLocalAddin",
    source: "Local" | "Remote" = "Local",
    changeType = "RangeEdited",
  ): void {
    const args = {
      address,
      changeType,
      source,
      type: "WorksheetChanged",
      worksheetId: sheet.name,
      ...(this.reportsTriggerSource ? { triggerSource } : {}),
    } as unknown as Excel.WorksheetChangedEventArgs;
    // Excel raises events after the request that caused them, not during it.
    const handlers = this.changeHandlers.filter((h) => h.sheet === sheet);
    this.delivering = this.delivering.then(() => Promise.all(handlers.map((h) => h.handler(args))));
  }

  // ---- Excel's own undo (see src/workbook/excel/excelUndo.ts for the sources) ----

  /**
   * Steps the add-in's writes added to the user's undo stack: one per sync that writes, or one per
   * Excel.run with mergeUndoGroup (ExcelApi 1.20) that writes.
   */
  undoSteps = 0;
  /** Where the fake runs, for what Excel can undo: a sheet's visibility only on the web. */
  platform: "web" | "desktop" = "web";

  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  async run<T>(
    first: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    const batch = typeof first === "function" ? first : second!;
    const context = new FakeRequestContext(this);
    context.undoGroup = typeof first === "function" ? null : first.mergeUndoGroup ? { wrote: false } : null;
    const result = await batch(context as unknown as Excel.RequestContext);
    const unsynced = context.pending.filter((call) => call.write).length;
    if (unsynced > 0) throw new Error(`fake: the batch ended with ${unsynced} queued writes that were never synced`);
    if (context.undoGroup?.wrote) this.undoSteps++;
    return result;
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  pending: QueuedCall[] = [];
  /** The Excel.run's undo group, where it asked for one (mergeUndoGroup). */
  undoGroup: { wrote: boolean } | null = null;
  /** What the sync under way returns, counted as loads run. */
  response = { bytes: 0, cells: 0 };

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get model(): FakeWorkbookModel {
    return this.excel.model;
  }

  enqueue(name: string, args: unknown[], run: () => void, write = true): void {
    this.pending.push({ name, args, run, write });
  }

  async sync(): Promise<void> {
    const calls = this.pending;
    this.pending = [];
    const bytes = calls.reduce(
      (sum, call) => sum + Buffer.byteLength(JSON.stringify([call.name, call.args])) + ENVELOPE,
      0,
    );
    const writeCells = calls
      .filter((call) => BLOCK_WRITES.has(call.name))
      .reduce((sum, call) => sum + (call.args[0] as unknown[][]).reduce((n, row) => n + row.length, 0), 0);
    const record: SyncRecord = { bytes, calls: calls.length, readBytes: 0, readCells: 0, writeCells };
    this.excel.syncLog.push(record);
    if (bytes > REQUEST_LIMIT) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `the request is ${bytes} bytes; the limit is 5 MB`);
    }
    this.response = { bytes: 0, cells: 0 };
    if (calls.some((call) => call.write)) {
      if (this.undoGroup) this.undoGroup.wrote = true;
      else this.excel.undoSteps++;
    }
    // Like Excel, calls before a failing one stay applied; the rest are dropped.
    try {
      for (const call of calls) call.run();
    } finally {
      record.readBytes = this.response.bytes;
      record.readCells = this.response.cells;
      this.excel.deliverAddinChanges();
    }
    if (record.readBytes > RESPONSE_LIMIT) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `the response is ${record.readBytes} bytes; the limit is 5 MB`,
      );
    }
  }
}

// ---- proxies ------------------------------------------------------------------------------------------

/** A call Excel cannot undo, made inside an undo group (Excel.run's mergeUndoGroup). */
function undoNotSupported(api: string): FakeOfficeError {
  return new FakeOfficeError("UndoNotSupported", `${api} cannot be undone, so it cannot be in an undo group`);
}

/** Writes a protected sheet allows: hiding, showing and deleting it belong to the workbook's structure. */
const STRUCTURE_WRITES = new Set(["visibility", "delete"]);

/**
 * Excel refuses a write to a protected sheet's cells or formatting when the request reaches it, with
 * AccessDenied ("You cannot perform the requested operation"); the calls before it in the request stay
 * applied. `target` is a sheet, or an object on one (a range, a table).
 */
function refuseOnProtectedSheet(target: unknown, name: string): void {
  if (STRUCTURE_WRITES.has(name) || typeof target !== "object" || target === null) return;
  const owner = (target as { sheet?: unknown }).sheet;
  const sheet = (isFakeSheet(target) ? target : isFakeSheet(owner) ? owner : null) as FakeSheet | null;
  if (sheet?.protected) {
    throw new FakeOfficeError("AccessDenied", `${name}: the sheet "${sheet.name}" is protected`);
  }
}

function isFakeSheet(value: unknown): boolean {
  return typeof value === "object" && value !== null && "cells" in value && "pageLayout" in value;
}

type Resolver<T> = () => T | null;

function notLoaded(owner: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' of ${owner} is not available. Call load and context.sync() before reading it.`,
  );
}

abstract class FakeObject<T> {
  private readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, unknown>();
  private isNull: boolean | undefined;

  constructor(
    protected readonly ctx: FakeRequestContext,
    private readonly resolver: Resolver<T>,
  ) {}

  get isNullObject(): boolean {
    if (this.isNull === undefined) throw notLoaded(this.constructor.name, "isNullObject");
    return this.isNull;
  }

  /** The model object this proxy stands for, worked out when a queued call runs. */
  target(): T | null {
    return this.resolver();
  }

  /** A resolver for an object reached from this one (by a method or a navigation property). */
  protected from<U>(step: (target: T) => U | null): Resolver<U> {
    return () => {
      const target = this.target();
      if (target !== null) return step(target);
      if (this.ctx.excel.options.nullObjects === "throw") {
        throw new FakeOfficeError("ItemNotFound", `a call was made through a null ${this.constructor.name}`);
      }
      return null;
    };
  }

  /**
   * A navigation property's proxy, reached from this object's model by `step`: the same proxy every time,
   * as in Office.js, so what it has loaded stays loaded.
   */
  protected child<U, C>(
    name: string,
    Proxy: new (ctx: FakeRequestContext, resolver: Resolver<U>) => C,
    step: (target: T) => U | null,
  ): C {
    if (!this.children.has(name)) this.children.set(name, new Proxy(this.ctx, this.from(step)));
    return this.children.get(name) as C;
  }

  /** A navigation property standing for the same model object (a range's format, a sheet's panes). */
  protected share<C>(name: string, Proxy: new (ctx: FakeRequestContext, resolver: Resolver<T>) => C): C {
    return this.child(name, Proxy, (target) => target);
  }

  /** Creating a proxy through a method is part of the request too (an object path with its arguments). */
  protected path(name: string, args: unknown[]): void {
    this.ctx.enqueue(name, args, () => undefined, false);
  }

  load(propertyNames?: string | string[]): this {
    const paths = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? "").split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.enqueue("load", [paths], () => this.loadNow(paths), false);
    return this;
  }

  loadNow(paths: string[]): void {
    const target = this.target();
    this.isNull = target === null;
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      const slash = path.indexOf("/");
      if (slash < 0) {
        const value = target === null ? undefined : this.scalar(target, path);
        this.loaded.set(path, value);
        this.ctx.response.bytes += Buffer.byteLength(JSON.stringify({ [path]: value ?? null }));
      } else {
        const head = path.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), path.slice(slash + 1)]);
      }
    }
    for (const [name, rest] of nested) {
      const child = this.navigation(name);
      if (target === null) child.markNull(rest);
      else child.loadNow(rest);
    }
  }

  markNull(paths: string[]): void {
    this.isNull = true;
    for (const path of paths) {
      const slash = path.indexOf("/");
      if (slash < 0) this.loaded.set(path, undefined);
      else this.navigation(path.slice(0, slash)).markNull([path.slice(slash + 1)]);
    }
  }

  /** Reads a loaded property, as Office.js does: a null object's properties are undefined. */
  protected get<V>(name: string): V {
    if (this.isNull === true) return undefined as V;
    if (!this.loaded.has(name)) throw notLoaded(this.constructor.name, name);
    return this.loaded.get(name) as V;
  }

  /** Queues a write (a property set or a method call) to run on the model object at sync. */
  protected write(name: string, args: unknown[], apply: (target: T) => void): void {
    this.ctx.enqueue(name, args, () => {
      const target = this.target();
      if (target === null) throw new FakeOfficeError("ItemNotFound", `${name} on a null ${this.constructor.name}`);
      refuseOnProtectedSheet(target, name);
      apply(target);
    });
  }

  /** A loadable scalar's current value in the model. */
  protected scalar(_target: T, name: string): unknown {
    throw new Error(`fake: ${this.constructor.name}.${name} is not modelled`);
  }

  protected navigation(name: string): FakeObject<unknown> {
    throw new Error(`fake: ${this.constructor.name}.${name} cannot be loaded through`);
  }

  toJSON(): unknown {
    return { proxy: this.constructor.name };
  }
}

abstract class FakeCollection<M, P extends FakeObject<M>> extends FakeObject<M[]> {
  private loadedItems: P[] | undefined;

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded(this.constructor.name, "items");
    return this.loadedItems;
  }

  override loadNow(paths: string[]): void {
    super.loadNow(paths.filter((p) => !p.startsWith("items")));
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    this.loadedItems = (this.target() ?? []).map((model) => {
      const item = this.item(model);
      item.loadNow(itemPaths);
      return item;
    });
  }

  protected abstract item(model: M): P;
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  private date1904: boolean | undefined;

  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx, () => ctx.model.sheets);
    this.tables = new FakeTableCollection(ctx, () => ctx.model.tables, null);
  }

  /** Workbook.load: only use1904DateSystem (ExcelApi 1.16) is modelled. */
  load(names: string): this {
    if (names.trim() !== "use1904DateSystem") throw new Error(`the fake workbook loads only use1904DateSystem`);
    this.ctx.enqueue("load", [[names]], () => (this.date1904 = this.ctx.model.date1904), false);
    return this;
  }

  get use1904DateSystem(): boolean {
    if (this.date1904 === undefined) throw new Error("PropertyNotLoaded: use1904DateSystem");
    return this.date1904;
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  protected item(sheet: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => sheet);
  }

  getItem(name: string): FakeWorksheet {
    this.path("getItem", [name]);
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.path("getItemOrNullObject", [name]);
    return new FakeWorksheet(this.ctx, () => this.ctx.model.findSheet(name) ?? null);
  }

  add(name: string): FakeWorksheet {
    let added: FakeSheet | null = null;
    this.ctx.enqueue("add", [name], () => {
      added = this.ctx.model.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => added);
  }
}

class FakeWorksheet extends FakeObject<FakeSheet> implements Pick<Excel.Worksheet, "name" | "visibility" | "delete"> {
  get name(): string {
    return this.get("name");
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.get("visibility");
  }
  set visibility(value: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.write("visibility", [value], (sheet) => {
      if (this.ctx.undoGroup && this.ctx.excel.platform === "desktop") throw undoNotSupported("Worksheet.visibility");
      const others = this.ctx.model.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
      if (value !== "Visible" && others.length === 0) {
        throw new FakeOfficeError("InvalidOperation", "a workbook must keep a visible sheet");
      }
      sheet.visibility = value as FakeSheet["visibility"];
    });
  }

  protected override scalar(sheet: FakeSheet, name: string): unknown {
    if (name === "name") return sheet.name;
    if (name === "visibility") return sheet.visibility;
    return super.scalar(sheet, name);
  }

  /** ExcelApi 1.2: only `protected` is modelled. */
  get protection(): FakeWorksheetProtection {
    return this.share("protection", FakeWorksheetProtection);
  }

  protected override navigation(name: string): FakeObject<unknown> {
    if (name === "protection") return this.protection as FakeObject<unknown>;
    return super.navigation(name);
  }

  delete(): void {
    this.write("delete", [], (sheet) => {
      if (this.ctx.undoGroup) throw undoNotSupported("Worksheet.delete");
      this.ctx.model.deleteSheet(sheet);
    });
  }

  /** The range at `address`, or the whole sheet. */
  getRange(address?: string): FakeRange {
    this.path("getRange", address === undefined ? [] : [address]);
    const rect =
      address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } : parseAddress(address);
    return new FakeRange(
      this.ctx,
      this.from((sheet) => ({ sheet, rect })),
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly) throw new Error("fake: getUsedRange(true) is not modelled");
    this.path("getUsedRangeOrNullObject", [false]);
    return new FakeRange(
      this.ctx,
      this.from((sheet) => {
        const rect = this.ctx.model.usedRange(sheet);
        return rect ? { sheet, rect } : null;
      }),
    );
  }

  get freezePanes(): FakeFreezePanes {
    return this.share("freezePanes", FakeFreezePanes);
  }

  /** ExcelApi 1.1: add a chart over a range of this sheet, or find one by name to delete it. */
  get charts() {
    return {
      add: (type: string, source: FakeRange, seriesBy: string) => {
        const chart = { name: "", type, source: { top: 0, left: 0, bottom: 0, right: 0 }, seriesBy, title: "" };
        this.ctx.enqueue("charts.add", [type, seriesBy], () => {
          const sheet = this.target();
          const target = source.target();
          if (!sheet || !target) throw new FakeOfficeError("ItemNotFound", "charts.add on a null object");
          refuseOnProtectedSheet(sheet, "charts.add");
          chart.name = `Chart ${sheet.charts.length + 1}`;
          chart.source = target.rect;
          sheet.charts.push(chart);
        });
        const ctx = this.ctx;
        return {
          set name(value: string) {
            ctx.enqueue("chart.name", [value], () => (chart.name = value));
          },
          title: {
            set text(value: string) {
              ctx.enqueue("chart.title", [value], () => (chart.title = value));
            },
          },
          setPosition(startCell: string) {
            ctx.enqueue("chart.setPosition", [startCell], () => ((chart as { at?: string }).at = startCell));
          },
        };
      },
      getItem: (name: string) => ({
        delete: () => {
          this.ctx.enqueue("chart.delete", [name], () => {
            const sheet = this.target();
            const index = sheet?.charts.findIndex((c) => c.name === name) ?? -1;
            if (!sheet || index < 0) throw new FakeOfficeError("ItemNotFound", `no chart called "${name}"`);
            sheet.charts.splice(index, 1);
          });
        },
      }),
    } as unknown as Excel.ChartCollection;
  }

  /** ExcelApi 1.7. A registration takes effect when the request is synced, as in Excel. */
  get onChanged(): Pick<OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>, "add"> {
    return {
      add: (handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => {
        const entry = { sheet: null as FakeSheet | null, handler };
        this.ctx.enqueue("onChanged.add", [], () => {
          const sheet = this.target();
          if (!sheet) throw new FakeOfficeError("ItemNotFound", "onChanged on a null worksheet");
          entry.sheet = sheet;
          this.ctx.excel.changeHandlers.push(entry as { sheet: FakeSheet; handler: typeof handler });
        });
        const context = this.ctx;
        return {
          context: context as unknown as Excel.RequestContext,
          remove: () => {
            context.enqueue("remove", [], () => {
              const list = context.excel.changeHandlers;
              const index = list.findIndex((h) => h.handler === handler);
              if (index >= 0) list.splice(index, 1);
            });
          },
        } as unknown as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
      },
    };
  }

  get tables(): FakeTableCollection {
    if (!this.sheetTables) {
      const onSheet = this.from((sheet) => this.ctx.model.tables.filter((t) => t.sheet === sheet));
      this.sheetTables = new FakeTableCollection(this.ctx, onSheet, this);
    }
    return this.sheetTables;
  }
  private sheetTables: FakeTableCollection | undefined;

  get pageLayout(): FakePageLayoutProxy {
    return this.child("pageLayout", FakePageLayoutProxy, (sheet) => sheet.pageLayout);
  }
}

class FakeWorksheetProtection extends FakeObject<FakeSheet> implements Pick<Excel.WorksheetProtection, "protected"> {
  get protected(): boolean {
    return this.get("protected");
  }

  protected override scalar(sheet: FakeSheet, name: string): unknown {
    if (name === "protected") return sheet.protected;
    return super.scalar(sheet, name);
  }
}

class FakeTableCollection extends FakeCollection<FakeTable, FakeTableProxy> {
  constructor(
    ctx: FakeRequestContext,
    resolver: Resolver<FakeTable[]>,
    private readonly worksheet: FakeWorksheet | null,
  ) {
    super(ctx, resolver);
  }

  protected item(table: FakeTable): FakeTableProxy {
    return new FakeTableProxy(this.ctx, () => table);
  }

  getItem(name: string): FakeTableProxy {
    this.path("getItem", [name]);
    return new FakeTableProxy(this.ctx, () => {
      const table = this.ctx.model.findTable(name);
      if (!table) throw new FakeOfficeError("ItemNotFound", `no table "${name}"`);
      return table;
    });
  }

  getItemOrNullObject(name: string): FakeTableProxy {
    this.path("getItemOrNullObject", [name]);
    return new FakeTableProxy(this.ctx, () => this.ctx.model.findTable(name) ?? null);
  }

  add(address: string, hasHeaders: boolean): FakeTableProxy {
    if (!this.worksheet) throw new Error("fake: only worksheet.tables.add is modelled");
    const worksheet = this.worksheet;
    let added: FakeTable | null = null;
    this.ctx.enqueue("add", [address, hasHeaders], () => {
      const sheet = worksheet.target();
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "tables.add on a null worksheet");
      refuseOnProtectedSheet(sheet, "tables.add");
      const model = this.ctx.model;
      const range = parseAddress(address);
      if (model.tables.some((t) => t.sheet === sheet && rangesOverlap(t.range, range))) {
        throw new FakeOfficeError("InvalidOperation", "a table cannot overlap another table");
      }
      if (!hasHeaders) throw new Error("fake: tables without a header row are not modelled");
      for (let c = range.left; c <= range.right; c++) {
        // Excel names a blank header "ColumnN" and holds every header as text.
        const cell = model.touch(sheet, range.top, c);
        cell.formula = null;
        cell.value = cell.value === "" ? `Column${c - range.left + 1}` : String(cell.value);
      }
      added = { name: `Table${model.tables.length + 1}`, sheet, range, style: "TableStyleMedium2" };
      model.tables.push(added);
    });
    return new FakeTableProxy(this.ctx, () => added);
  }
}

class FakeTableProxy
  extends FakeObject<FakeTable>
  implements Pick<Excel.Table, "name" | "style" | "convertToRange" | "resize">
{
  resize(newRange: Excel.Range | string): void {
    if (typeof newRange !== "string") throw new Error("fake: only resize(address) is modelled");
    this.write("resize", [newRange], (table) => {
      const range = parseAddress(newRange);
      // Excel keeps the header row where it is and refuses an overlap with another table.
      if (range.top !== table.range.top)
        throw new FakeOfficeError("InvalidArgument", "the header row must stay in place");
      if (this.ctx.model.tables.some((t) => t !== table && t.sheet === table.sheet && rangesOverlap(t.range, range))) {
        throw new FakeOfficeError("InvalidOperation", "a table cannot overlap another table");
      }
      table.range = range;
    });
  }

  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.write("name", [value], (table) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(value))
        throw new FakeOfficeError("InvalidArgument", `bad table name "${value}"`);
      const clash = this.ctx.model.findTable(value);
      if (clash && clash !== table) throw new FakeOfficeError("InvalidArgument", `a table called "${value}" exists`);
      table.name = value;
    });
  }
  get style(): string {
    return this.get("style");
  }
  set style(value: string) {
    this.write("style", [value], (table) => {
      table.style = value;
    });
  }

  protected override scalar(table: FakeTable, name: string): unknown {
    if (name === "name") return table.name;
    if (name === "style") return table.style;
    return super.scalar(table, name);
  }

  protected override navigation(name: string): FakeObject<unknown> {
    if (name === "worksheet") return this.worksheet as FakeObject<unknown>;
    return super.navigation(name);
  }

  get worksheet(): FakeWorksheet {
    return this.child("worksheet", FakeWorksheet, (table) => table.sheet);
  }

  get columns(): FakeTableColumnCollection {
    return this.child("columns", FakeTableColumnCollection, (table) => {
      const headers: string[] = [];
      for (let c = table.range.left; c <= table.range.right; c++) {
        headers.push(String(this.ctx.model.cell(table.sheet, table.range.top, c)?.value ?? ""));
      }
      return headers;
    });
  }

  getRange(): FakeRange {
    this.path("getRange", []);
    return new FakeRange(
      this.ctx,
      this.from((table) => ({ sheet: table.sheet, rect: table.range })),
    );
  }

  convertToRange(): Excel.Range {
    this.write("convertToRange", [], (table) => {
      this.ctx.model.tables.splice(this.ctx.model.tables.indexOf(table), 1);
    });
    return undefined as unknown as Excel.Range; // the adapter does not use the result
  }
}

class FakeTableColumnCollection extends FakeCollection<string, FakeTableColumn> {
  protected item(header: string): FakeTableColumn {
    return new FakeTableColumn(this.ctx, () => header);
  }
}

class FakeTableColumn extends FakeObject<string> implements Pick<Excel.TableColumn, "name"> {
  get name(): string {
    return this.get("name");
  }
  protected override scalar(header: string, name: string): unknown {
    return name === "name" ? header : super.scalar(header, name);
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: CellRange;
}

type RangeScalars =
  | "address"
  | "rowIndex"
  | "columnIndex"
  | "rowCount"
  | "columnCount"
  | "isEntireRow"
  | "isEntireColumn"
  | "values"
  | "numberFormat"
  | "formulas";

class FakeRange extends FakeObject<RangeTarget> implements Pick<Excel.Range, RangeScalars | "merge" | "unmerge"> {
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get isEntireRow(): boolean {
    return this.get("isEntireRow");
  }
  get isEntireColumn(): boolean {
    return this.get("isEntireColumn");
  }
  get values(): Excel.Range["values"] {
    return this.get("values");
  }
  set values(rows: Excel.Range["values"]) {
    this.write("values", [rows], (target) => {
      this.eachInput(target, rows, (cell, input) => typeIn(cell, input));
      this.ctx.excel.addinChanges.push({ sheet: target.sheet, address: formatAddress(target.rect) });
    });
  }
  get formulas(): Excel.Range["formulas"] {
    return this.get("formulas");
  }
  set formulas(rows: Excel.Range["formulas"]) {
    this.write("formulas", [rows], (target) => {
      this.eachInput(target, rows, (cell, input) => typeIn(cell, input));
      this.ctx.excel.addinChanges.push({ sheet: target.sheet, address: formatAddress(target.rect) });
    });
  }
  get numberFormat(): Excel.Range["numberFormat"] {
    return this.get("numberFormat");
  }
  set numberFormat(rows: Excel.Range["numberFormat"]) {
    this.write("numberFormat", [rows], (target) =>
      this.eachInput(target, rows, (cell, format) => {
        cell.numberFormat = format === "" ? GENERAL : String(format);
      }),
    );
  }

  protected override scalar({ sheet, rect }: RangeTarget, name: string): unknown {
    const model = this.ctx.model;
    const grid = (pick: (cell: FakeCell | undefined) => unknown) => {
      const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      this.ctx.response.cells = Math.max(this.ctx.response.cells, cells);
      if (cells > READ_CELLS_LIMIT) return null;
      if (name === "values" && this.ctx.excel.nullValuesFor(rect)) return null;
      checkSize(rect);
      return Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) =>
        Array.from({ length: rect.right - rect.left + 1 }, (_, c) =>
          pick(model.cell(sheet, rect.top + r, rect.left + c)),
        ),
      );
    };
    switch (name) {
      case "address":
        return `${excelStyleName(sheet.name)}!${formatAddress(rect)}`;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "isEntireRow":
        return rect.left === 0 && rect.right === MAX_COLUMNS - 1;
      case "isEntireColumn":
        return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
      case "values":
        return grid((cell) => cell?.value ?? "");
      case "formulas":
        return grid((cell) => cell?.formula ?? cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? GENERAL);
    }
    return super.scalar({ sheet, rect }, name);
  }

  /** Runs `apply` for each cell of the range whose input is not null (null leaves a cell alone). */
  private eachInput(
    { sheet, rect }: RangeTarget,
    rows: unknown[][],
    apply: (cell: FakeCell, input: unknown) => void,
  ): void {
    const height = rect.bottom - rect.top + 1;
    const width = rect.right - rect.left + 1;
    if (rows.length !== height || rows.some((row) => row.length !== width)) {
      throw new FakeOfficeError("InvalidArgument", `the array is not ${height} by ${width}, the size of the range`);
    }
    rows.forEach((row, r) =>
      row.forEach((input, c) => {
        if (input !== null && input !== undefined)
          apply(this.ctx.model.touch(sheet, rect.top + r, rect.left + c), input);
      }),
    );
  }

  /** Merging keeps the top-left cell's contents, as Excel does; a table cannot hold merged cells. */
  merge(across?: boolean): void {
    if (across) throw new Error("fake: merge(across) is not modelled");
    this.write("merge", [false], ({ sheet, rect }) => {
      const model = this.ctx.model;
      if (model.tables.some((t) => t.sheet === sheet && rangesOverlap(t.range, rect))) {
        throw new FakeOfficeError("InvalidOperation", "cells in a table cannot be merged");
      }
      if (sheet.merged.some((m) => rangesOverlap(m, rect))) {
        throw new FakeOfficeError("InvalidOperation", "the range overlaps merged cells");
      }
      for (const [key, cell] of sheet.cells) {
        const [row, col] = key.split(",").map(Number) as [number, number];
        const inside = row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
        if (inside && (row !== rect.top || col !== rect.left)) Object.assign(cell, { value: "", formula: null });
      }
      sheet.merged.push({ ...rect });
    });
  }

  unmerge(): void {
    this.write("unmerge", [], ({ sheet, rect }) => {
      sheet.merged = sheet.merged.filter((m) => !rangesOverlap(m, rect));
    });
  }

  /** ExcelApi 1.4: the cells this range shares with `address` (on the same sheet), or a null object. */
  getIntersectionOrNullObject(address: string): FakeRange {
    this.path("getIntersectionOrNullObject", [address]);
    const other = parseAddress(address);
    return new FakeRange(
      this.ctx,
      this.from(({ sheet, rect }) => {
        if (!rangesOverlap(rect, other)) return null;
        return {
          sheet,
          rect: {
            top: Math.max(rect.top, other.top),
            left: Math.max(rect.left, other.left),
            bottom: Math.min(rect.bottom, other.bottom),
            right: Math.min(rect.right, other.right),
          },
        };
      }),
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.path("getMergedAreasOrNullObject", []);
    return new FakeRangeAreas(
      this.ctx,
      this.from(({ sheet, rect }) => {
        const areas = sheet.merged.filter((m) => rangesOverlap(m, rect)).map((m) => ({ sheet, rect: m }));
        return areas.length > 0 ? areas : null;
      }),
    );
  }

  get format(): FakeRangeFormat {
    return this.share("format", FakeRangeFormat);
  }

  get dataValidation(): FakeDataValidation {
    return this.share("dataValidation", FakeDataValidation);
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.share("conditionalFormats", FakeConditionalFormatCollection);
  }
}

class FakeRangeAreas extends FakeObject<RangeTarget[]> implements Pick<Excel.RangeAreas, "address"> {
  get address(): string {
    return this.get("address");
  }
  protected override scalar(areas: RangeTarget[], name: string): unknown {
    if (name !== "address") return super.scalar(areas, name);
    return areas.map(({ sheet, rect }) => `${excelStyleName(sheet.name)}!${formatAddress(rect)}`).join(", ");
  }
}

class FakeRangeFormat
  extends FakeObject<RangeTarget>
  implements Pick<Excel.RangeFormat, "columnWidth" | "rowHeight" | "wrapText">
{
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(points: number) {
    this.write("columnWidth", [points], ({ sheet, rect }) => {
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get rowHeight(): number {
    return this.get("rowHeight");
  }
  set rowHeight(points: number) {
    this.write("rowHeight", [points], ({ sheet, rect }) => {
      if (points < 0 || points > 409) throw new FakeOfficeError("InvalidArgument", "a row height is 0 to 409 points");
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(wrap: boolean) {
    this.write("wrapText", [wrap], ({ sheet, rect }) => {
      checkSize(rect);
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) this.ctx.model.touch(sheet, r, c).wrap = wrap;
      }
    });
  }
  set horizontalAlignment(value: string) {
    if (
      !["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(value)
    )
      throw new FakeOfficeError("InvalidArgument", `no horizontal alignment "${value}"`);
    this.write(
      "horizontalAlignment",
      [value],
      styleEach(this.ctx, (style) => (style.horizontalAlignment = value)),
    );
  }
  set verticalAlignment(value: string) {
    if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(value))
      throw new FakeOfficeError("InvalidArgument", `no vertical alignment "${value}"`);
    this.write(
      "verticalAlignment",
      [value],
      styleEach(this.ctx, (style) => (style.verticalAlignment = value)),
    );
  }
  get font(): FakeRangeFont {
    return this.share("font", FakeRangeFont);
  }
  get fill(): FakeRangeFill {
    return this.share("fill", FakeRangeFill);
  }
  get borders(): FakeRangeBorderCollection {
    return this.share("borders", FakeRangeBorderCollection);
  }
}

/** A write that sets part of the direct formatting of every cell of a range. */
function styleEach(ctx: FakeRequestContext, set: (style: FakeCellStyle) => void): (target: RangeTarget) => void {
  return ({ sheet, rect }) => {
    checkSize(rect);
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) set((ctx.model.touch(sheet, r, c).style ??= {}));
    }
  };
}

class FakeRangeFont extends FakeObject<RangeTarget> {
  set bold(value: boolean) {
    this.write(
      "bold",
      [value],
      styleEach(this.ctx, (style) => (style.bold = value)),
    );
  }
  set italic(value: boolean) {
    this.write(
      "italic",
      [value],
      styleEach(this.ctx, (style) => (style.italic = value)),
    );
  }
  set size(value: number) {
    if (value < 1 || value > 409) throw new FakeOfficeError("InvalidArgument", "a font size is 1 to 409 points");
    this.write(
      "size",
      [value],
      styleEach(this.ctx, (style) => (style.size = value)),
    );
  }
  set color(value: string) {
    checkColour(value);
    this.write(
      "color",
      [value],
      styleEach(this.ctx, (style) => (style.fontColor = value)),
    );
  }
}

class FakeRangeFill extends FakeObject<RangeTarget> {
  set color(value: string) {
    checkColour(value);
    this.write(
      "color",
      [value],
      styleEach(this.ctx, (style) => (style.fill = value)),
    );
  }
}

const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"];

class FakeRangeBorderCollection extends FakeObject<RangeTarget> {
  getItem(edge: string): FakeRangeBorder {
    if (!["DiagonalDown", "DiagonalUp", ...BORDER_EDGES].includes(edge))
      throw new FakeOfficeError("InvalidArgument", `no border "${edge}"`);
    this.path("getItem", [edge]);
    return new FakeRangeBorder(
      this.ctx,
      this.from((target) => ({ ...target, edge })),
    );
  }
}

class FakeRangeBorder extends FakeObject<RangeTarget & { edge: string }> {
  set style(value: string) {
    this.write("style", [value], (target) =>
      styleEach(
        this.ctx,
        (style) => ((style.borders ??= {})[target.edge] = { ...style.borders?.[target.edge], style: value }),
      )(target),
    );
  }
  set weight(value: string) {
    if (!["Hairline", "Thin", "Medium", "Thick"].includes(value))
      throw new FakeOfficeError("InvalidArgument", `no border weight "${value}"`);
    this.write("weight", [value], (target) =>
      styleEach(
        this.ctx,
        (style) => ((style.borders ??= {})[target.edge] = { ...style.borders?.[target.edge], weight: value }),
      )(target),
    );
  }
}

class FakeDataValidation
  extends FakeObject<RangeTarget>
  implements Pick<Excel.DataValidation, "rule" | "errorAlert" | "prompt" | "clear">
{
  get rule(): Excel.DataValidationRule {
    return this.get("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    this.write("rule", [rule], ({ sheet, rect }) => {
      const kinds = Object.keys(rule);
      if (kinds.length !== 1) throw new FakeOfficeError("InvalidArgument", "a rule has exactly one kind");
      const list = rule.list;
      if (list) {
        if (typeof list.source === "string" && (list.source === "" || list.source.length > 255)) {
          throw new FakeOfficeError("InvalidArgument", "a list source is 1 to 255 characters");
        }
        // A Range source is kept as its address, as Excel keeps a reference.
        if ((list.source as unknown) instanceof FakeRange) {
          const target = (list.source as unknown as FakeRange).target();
          if (!target) throw new FakeOfficeError("InvalidArgument", "the list source range does not exist");
          rule = {
            list: { ...list, source: `=${excelStyleName(target.sheet.name)}!${formatAddress(target.rect, true)}` },
          };
        }
      }
      if (rule.date && (rule.date.formula1 === undefined || !rule.date.operator)) {
        throw new FakeOfficeError("InvalidArgument", "a date rule needs formula1 and an operator");
      }
      sheet.validations = sheet.validations.flatMap((v) => subtract(v.range, rect).map((range) => ({ ...v, range })));
      sheet.validations.push({ range: { ...rect }, rule });
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.get("errorAlert");
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.write("errorAlert", [alert], (target) => {
      if (alert.title.length > 32 || alert.message.length > 225) {
        throw new FakeOfficeError("InvalidArgument", "an error alert's title is up to 32 characters, its message 225");
      }
      this.within(target).forEach((v) => (v.errorAlert = alert));
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.get("prompt");
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.write("prompt", [prompt], (target) => {
      if (prompt.title.length > 32 || prompt.message.length > 255) {
        throw new FakeOfficeError("InvalidArgument", "a prompt's title is up to 32 characters, its message 255");
      }
      this.within(target).forEach((v) => (v.prompt = prompt));
    });
  }

  clear(): void {
    this.write("clear", [], ({ sheet, rect }) => {
      sheet.validations = sheet.validations.flatMap((v) => subtract(v.range, rect).map((range) => ({ ...v, range })));
    });
  }

  private within({ sheet, rect }: RangeTarget): FakeValidation[] {
    return sheet.validations.filter((v) => contains(rect, v.range));
  }
}

class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat, FakeConditionalFormatProxy> {
  private readonly range: Resolver<RangeTarget>;

  constructor(ctx: FakeRequestContext, range: Resolver<RangeTarget>) {
    // The collection of a range holds the formats that intersect it.
    super(ctx, () => {
      const target = range();
      return target ? target.sheet.conditionalFormats.filter((cf) => rangesOverlap(cf.range, target.rect)) : null;
    });
    this.range = range;
  }

  protected item(format: FakeConditionalFormat): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this.ctx, () => format);
  }

  add(type: Excel.ConditionalFormatType | "Custom"): FakeConditionalFormatProxy {
    if (type !== "Custom") throw new Error(`fake: conditional formats of type ${type} are not modelled`);
    let added: FakeConditionalFormat | null = null;
    this.ctx.enqueue("add", [type], () => {
      const target = this.range();
      if (!target) throw new FakeOfficeError("ItemNotFound", "conditionalFormats.add on a null range");
      added = {
        id: this.ctx.model.newId(),
        range: { ...target.rect },
        formula: "",
        fill: null,
        fontColor: null,
        bold: null,
      };
      target.sheet.conditionalFormats.push(added);
    });
    return new FakeConditionalFormatProxy(this.ctx, () => added);
  }
}

class FakeConditionalFormatProxy
  extends FakeObject<FakeConditionalFormat>
  implements Pick<Excel.ConditionalFormat, "id" | "type" | "delete">
{
  get id(): string {
    return this.get("id");
  }
  get type(): Excel.ConditionalFormatType | "Custom" {
    return this.get("type");
  }

  protected override scalar(format: FakeConditionalFormat, name: string): unknown {
    if (name === "id") return format.id;
    if (name === "type") return "Custom";
    return super.scalar(format, name);
  }

  protected override navigation(name: string): FakeObject<unknown> {
    if (name === "custom" || name === "customOrNullObject") return this[name] as FakeObject<unknown>;
    return super.navigation(name);
  }

  get custom(): FakeCustomConditionalFormat {
    return this.share("custom", FakeCustomConditionalFormat);
  }

  /** Every modelled format is custom, so this is never a null object here. */
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.custom;
  }

  getRangeOrNullObject(): FakeRange {
    this.path("getRangeOrNullObject", []);
    return new FakeRange(
      this.ctx,
      this.from((format) => {
        const sheet = this.ctx.model.sheets.find((s) => s.conditionalFormats.includes(format));
        return sheet ? { sheet, rect: format.range } : null;
      }),
    );
  }

  delete(): void {
    this.write("delete", [], (format) => {
      for (const sheet of this.ctx.model.sheets) {
        const index = sheet.conditionalFormats.indexOf(format);
        if (index >= 0) sheet.conditionalFormats.splice(index, 1);
      }
    });
  }
}

class FakeCustomConditionalFormat extends FakeObject<FakeConditionalFormat> {
  protected override navigation(name: string): FakeObject<unknown> {
    if (name === "rule") return this.rule as FakeObject<unknown>;
    return super.navigation(name);
  }
  get rule(): FakeConditionalFormatRule {
    return this.share("rule", FakeConditionalFormatRule);
  }
  get format(): FakeConditionalRangeFormat {
    return this.share("format", FakeConditionalRangeFormat);
  }
}

class FakeConditionalFormatRule
  extends FakeObject<FakeConditionalFormat>
  implements Pick<Excel.ConditionalFormatRule, "formula">
{
  get formula(): string {
    return this.get("formula");
  }
  set formula(formula: string) {
    this.write("formula", [formula], (format) => {
      if (!formula.startsWith("=")) throw new FakeOfficeError("InvalidArgument", "a rule formula starts with =");
      format.formula = formula;
    });
  }
  protected override scalar(format: FakeConditionalFormat, name: string): unknown {
    return name === "formula" ? format.formula : super.scalar(format, name);
  }
}

class FakeConditionalRangeFormat extends FakeObject<FakeConditionalFormat> {
  get fill(): FakeConditionalFill {
    return this.share("fill", FakeConditionalFill);
  }
  get font(): FakeConditionalFont {
    return this.share("font", FakeConditionalFont);
  }
}

class FakeConditionalFill
  extends FakeObject<FakeConditionalFormat>
  implements Pick<Excel.ConditionalRangeFill, "color">
{
  get color(): string {
    return this.get("color");
  }
  set color(color: string) {
    this.write("color", [color], (format) => {
      format.fill = checkColour(color);
    });
  }
}

class FakeConditionalFont
  extends FakeObject<FakeConditionalFormat>
  implements Pick<Excel.ConditionalRangeFont, "color" | "bold">
{
  get color(): string {
    return this.get("color");
  }
  set color(color: string) {
    this.write("color", [color], (format) => {
      format.fontColor = checkColour(color);
    });
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(bold: boolean) {
    this.write("bold", [bold], (format) => {
      format.bold = bold;
    });
  }
}

class FakeFreezePanes
  extends FakeObject<FakeSheet>
  implements Pick<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns" | "freezeAt" | "unfreeze">
{
  getLocationOrNullObject(): FakeRange {
    this.path("getLocationOrNullObject", []);
    return new FakeRange(
      this.ctx,
      this.from((sheet) => {
        const { rows, columns } = sheet.frozen;
        if (rows === 0 && columns === 0) return null;
        return {
          sheet,
          rect: {
            top: 0,
            left: 0,
            bottom: rows > 0 ? rows - 1 : MAX_ROWS - 1,
            right: columns > 0 ? columns - 1 : MAX_COLUMNS - 1,
          },
        };
      }),
    );
  }
  freezeRows(count?: number): void {
    this.write("freezeRows", [count], (sheet) => {
      sheet.frozen = { rows: count ?? 1, columns: 0 };
    });
  }
  freezeColumns(count?: number): void {
    this.write("freezeColumns", [count], (sheet) => {
      sheet.frozen = { rows: 0, columns: count ?? 1 };
    });
  }
  freezeAt(frozenRange: Excel.Range | string): void {
    if (typeof frozenRange !== "string") throw new Error("fake: freezeAt takes an address here");
    this.write("freezeAt", [frozenRange], (sheet) => {
      const rect = parseAddress(frozenRange);
      if (rect.top !== 0 || rect.left !== 0)
        throw new FakeOfficeError("InvalidArgument", "the frozen range starts at A1");
      sheet.frozen = {
        rows: rect.bottom === MAX_ROWS - 1 ? 0 : rect.bottom + 1,
        columns: rect.right === MAX_COLUMNS - 1 ? 0 : rect.right + 1,
      };
    });
  }
  unfreeze(): void {
    this.write("unfreeze", [], (sheet) => {
      sheet.frozen = { rows: 0, columns: 0 };
    });
  }
}

type PageLayoutMembers = "orientation" | "paperSize" | "zoom" | "setPrintTitleRows" | "firstPageNumber";

class FakePageLayoutProxy extends FakeObject<FakePageLayout> implements Pick<Excel.PageLayout, PageLayoutMembers> {
  get orientation(): Excel.PageLayout["orientation"] {
    return this.get("orientation");
  }
  set orientation(value: Excel.PageLayout["orientation"]) {
    this.write("orientation", [value], (layout) => {
      layout.orientation = value as FakePageLayout["orientation"];
    });
  }
  get paperSize(): Excel.PageLayout["paperSize"] {
    return this.get("paperSize");
  }
  set paperSize(value: Excel.PageLayout["paperSize"]) {
    this.write("paperSize", [value], (layout) => {
      layout.paperSize = String(value);
    });
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.get("zoom");
  }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.write("zoom", [value], (layout) => {
      const fit = value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined;
      if (fit === (value.scale !== undefined))
        throw new FakeOfficeError("InvalidArgument", "zoom is a scale or pages to fit");
      layout.zoom = { ...value };
    });
  }
  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    if (typeof printTitleRows !== "string") throw new Error("fake: setPrintTitleRows takes an address here");
    this.write("setPrintTitleRows", [printTitleRows], (layout) => {
      const rect = parseAddress(printTitleRows);
      if (rect.left !== 0 || rect.right !== MAX_COLUMNS - 1) {
        throw new FakeOfficeError("InvalidArgument", "print title rows must span entire rows");
      }
      layout.printTitleRows = printTitleRows;
    });
  }
  get firstPageNumber(): number | "" {
    return this.get("firstPageNumber");
  }
  set firstPageNumber(value: number | "") {
    this.write("firstPageNumber", [value], (layout) => {
      if (value !== "" && (!Number.isInteger(value) || value < 1))
        throw new FakeOfficeError("InvalidArgument", "the first page number is a whole number, or blank");
      layout.firstPageNumber = value;
    });
  }
  get headersFooters(): FakeHeadersFooters {
    return this.share("headersFooters", FakeHeadersFooters);
  }
}

class FakeHeadersFooters extends FakeObject<FakePageLayout> {
  get defaultForAllPages(): FakeHeaderFooter {
    return this.share("defaultForAllPages", FakeHeaderFooter);
  }
}

type HeaderFooterPart = "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter";

class FakeHeaderFooter extends FakeObject<FakePageLayout> implements Pick<Excel.HeaderFooter, HeaderFooterPart> {
  private part(name: HeaderFooterPart, text: string): void {
    this.write(name, [text], (layout) => {
      // Excel refuses a header or footer part over 255 characters.
      if (text.length > 255) throw new FakeOfficeError("InvalidArgument", `${name} is over 255 characters`);
      layout[name] = text;
    });
  }
  get leftHeader(): string {
    return this.get("leftHeader");
  }
  set leftHeader(text: string) {
    this.part("leftHeader", text);
  }
  get centerHeader(): string {
    return this.get("centerHeader");
  }
  set centerHeader(text: string) {
    this.part("centerHeader", text);
  }
  get rightHeader(): string {
    return this.get("rightHeader");
  }
  set rightHeader(text: string) {
    this.part("rightHeader", text);
  }
  get leftFooter(): string {
    return this.get("leftFooter");
  }
  set leftFooter(text: string) {
    this.part("leftFooter", text);
  }
  get centerFooter(): string {
    return this.get("centerFooter");
  }
  set centerFooter(text: string) {
    this.part("centerFooter", text);
  }
  get rightFooter(): string {
    return this.get("rightFooter");
  }
  set rightFooter(text: string) {
    this.part("rightFooter", text);
  }
}

// ---- helpers ------------------------------------------------------------------------------------------

/** A string as Excel reads typed input; numbers and Booleans are kept as they are. */
function typeIn(cell: FakeCell, input: unknown): void {
  cell.formula = null;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `a cell cannot hold ${typeof input}`);
  if (input.length > 32_767) throw new FakeOfficeError("InvalidArgument", "a cell holds at most 32,767 characters");
  const text = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (input.startsWith("'")) cell.value = input.slice(1);
  else if (input.startsWith("=")) {
    cell.formula = input;
    cell.value = "";
  } else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) cell.value = Number(text);
  else if (/^(true|false)$/i.test(text)) cell.value = text.toLowerCase() === "true";
  else if (iso) {
    cell.value = serialFromYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (cell.numberFormat === GENERAL) cell.numberFormat = "yyyy-mm-dd";
  } else if (input.startsWith("+") || input.startsWith("-")) {
    cell.formula = `=${input}`;
    cell.value = "";
  } else cell.value = input;
}

/** "B3", "B3:D9", "C:E" (whole columns), "2:4" or "$1:$1" (whole rows). */
function parseAddress(address: string): CellRange {
  const local = (address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address).replace(/\$/g, "");
  const columns = /^([A-Za-z]+):([A-Za-z]+)$/.exec(local);
  if (columns) {
    const [a, b] = [columnIndex(columns[1]!), columnIndex(columns[2]!)];
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) {
    const [a, b] = [Number(rows[1]) - 1, Number(rows[2]) - 1];
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLUMNS - 1 };
  }
  return parseRange(local);
}

function formatAddress(rect: CellRange, absolute = false): string {
  if (rect.left === 0 && rect.right === MAX_COLUMNS - 1) return `${rect.top + 1}:${rect.bottom + 1}`;
  if (rect.top === 0 && rect.bottom === MAX_ROWS - 1) {
    const letters = rangeAddress({ ...rect, top: 0, bottom: 0 }).replace(/1/g, "");
    return letters.includes(":") ? letters : `${letters}:${letters}`;
  }
  const address = rangeAddress(rect);
  return absolute ? address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2") : address;
}

function contains(outer: CellRange, inner: CellRange): boolean {
  return (
    outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right
  );
}

/** `a` without the cells of `b`, as up to four rectangles. */
function subtract(a: CellRange, b: CellRange): CellRange[] {
  if (!rangesOverlap(a, b)) return [a];
  if (contains(b, a) || sameRange(a, b)) return [];
  const parts: CellRange[] = [];
  if (a.top < b.top) parts.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) parts.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) parts.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) parts.push({ top, bottom, left: b.right + 1, right: a.right });
  return parts;
}

function checkSize(rect: CellRange): void {
  const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
  if (cells > 2_000_000) throw new Error(`fake: ${cells} cells is more than the fake models cell by cell`);
}

function checkColour(colour: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(colour)) throw new FakeOfficeError("InvalidArgument", `"${colour}" is not a colour`);
  return colour.toUpperCase();
}

/** A sheet name as Excel itself writes it in an address: quoted only where it must be. */
function excelStyleName(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R\d*C?\d*|C\d*)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

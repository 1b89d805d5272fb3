import type { CellChange, SnapshotQuery, WatchableWorkbook, WorkbookPatch, WorkbookSnapshot } from "../types";
import { applyPatch } from "./applyPatch";
import { groupsAsOneUndoStep, hostUndoSupport, patchClearsExcelUndo, type UndoSupport } from "./excelUndo";
import { NameSet, readSnapshot } from "./readSnapshot";

/**
 * The highest ExcelApi requirement set any call of this adapter needs: reading merged areas
 * (Range.getMergedAreasOrNullObject) is 1.13; print setup (worksheet.pageLayout) and RangeAreas need 1.9,
 * data validation 1.8, freeze panes 1.7, conditional formats 1.6, the *OrNullObject getters 1.4, and
 * everything else 1.1–1.2. Each call notes its own set. The manifest's <Requirements> names this set.
 * 1.13 is in Office 2021 and later, Microsoft 365, the web and Mac; Office 2019 (up to 1.8) was already
 * ruled out by print setup.
 */
export const EXCEL_API_REQUIREMENT = "1.13";

/** What the adapter needs of the global `Excel`: tests pass a fake with the same shape. */
export interface ExcelRunner {
  run: {
    <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
    <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  };
}

/**
 * The workbook open in Excel, through Office.js. It only translates: reads become one batch of loads,
 * patches become queued calls; what to read and write is decided by the commands.
 */
export class ExcelWorkbook implements WatchableWorkbook {
  /** Sheet and table names seen in the last read or made by this adapter, to read them speculatively. */
  private readonly known = { sheets: new NameSet(), tables: new NameSet() };

  constructor(
    private readonly excel: ExcelRunner = Excel,
    /** What Excel's own undo can do here (see excelUndo.ts); asked of Office when not given. */
    private readonly undo: UndoSupport = hostUndoSupport(),
  ) {}

  /**
   * One sync in steady use when each sheet read is small (within the first 1,000 rows and 40 columns);
   * two on the first read of a workbook with tables, or after the user adds a sheet or table; a larger
   * sheet adds a sync per 4 MB of its cells (see readSnapshot.ts and readCells.ts).
   */
  async read(query: SnapshotQuery): Promise<WorkbookSnapshot> {
    try {
      return await this.excel.run((context) => readSnapshot(context, query, this.known, true));
    } catch {
      // The speculative reads go through getItemOrNullObject and on to the object's ranges, and read the
      // first rows of each used range before its size is known. Should a host refuse a call made through a
      // null object (a name that no longer exists, a blank sheet's used range), or those first rows be more
      // than one response may carry, read the plain way: the collections first, then only what exists, its
      // size, then its cells in chunks.
      return this.excel.run((context) => readSnapshot(context, query, this.known, false));
    }
  }

  /**
   * One sync for an ordinary patch; a large one takes a sync per 5,000 cells written or per 4 MB, whichever
   * comes first, so that each request stays small enough to merge with co-authors' edits (see payload.ts).
   */
  clearsUndoHistory(patch: WorkbookPatch): boolean {
    return patchClearsExcelUndo(patch, this.undo);
  }

  async apply(patch: WorkbookPatch): Promise<void> {
    if (patch.ops.length === 0) return;
    this.applying++;
    try {
      const batch = (context: Excel.RequestContext) => applyPatch(context, patch, this.known);
      // Where the host can, the whole patch is one step of Excel's own undo (Ctrl+Z), however many syncs
      // it takes (ExcelApi 1.20); elsewhere each sync is a step, and the pane's "Undo last change" undoes
      // the patch as a whole.
      if (groupsAsOneUndoStep(patch, this.undo)) await this.excel.run({ mergeUndoGroup: true }, batch);
      else await this.excel.run(batch);
    } finally {
      this.applying--;
      this.lastApplied = Date.now();
    }
  }

  /** Patches being applied now, and when the last one finished: for hosts that do not say who changed a cell. */
  private applying = 0;
  private lastApplied = 0;

  /**
   * Reports changes to the named sheets (worksheet.onChanged, ExcelApi 1.7), people's and co-authors'
   * (event source "Remote", ExcelApi 1.7). The add-in's own writes are told apart by the event's
   * triggerSource (ExcelApi 1.14) and reported as `own`; hosts without it give no triggerSource, and there
   * local changes that arrive while, or within a second after, the add-in writes are taken as its own. A
   * co-author's change is never the add-in's own, whatever its timing. Returns a function that stops watching.
   */
  async watch(sheets: string[], onChange: (change: CellChange) => void): Promise<() => Promise<void>> {
    return this.excel.run(async (context) => {
      const registrations = sheets.map((name) =>
        context.workbook.worksheets.getItem(name).onChanged.add(async (event) => {
          // ExcelApi 1.7
          onChange({ sheet: name, address: event.address, ...this.describe(event) });
        }),
      );
      await context.sync();
      return async () => {
        for (const registration of registrations) registration.remove();
        await context.sync();
      };
    });
  }

  /** Who made a change and whether it moved cells, from a change event. */
  private describe(event: Excel.WorksheetChangedEventArgs): Pick<CellChange, "remote" | "own" | "moved"> {
    const remote = event.source === "Remote"; // ExcelApi 1.7
    const source = (event as { triggerSource?: string }).triggerSource; // ExcelApi 1.14
    const own =
      !remote &&
      (source === "ThisLocalAddin" ||
        (source === undefined && (this.applying > 0 || Date.now() - this.lastApplied < 1000)));
    // An edit or a paste leaves every other cell where it was; inserting or deleting moves them.
    const moved = event.changeType !== "RangeEdited"; // ExcelApi 1.7
    return { ...(remote ? { remote } : {}), ...(own ? { own } : {}), ...(moved ? { moved } : {}) };
  }
}

import { METADATA_SHEET, readMetadata } from "../sheets/metadata";
import type { CellChange, WatchableWorkbook, WorkbookSnapshot } from "../workbook/types";
import { changedRows, mergeRows, type RowSpan } from "./liveCells";
import { validateWorkbook, type ValidateReport } from "./validateWorkbook";

export interface LiveValidationOptions {
  /** The sheets to watch, where the caller knows them already; otherwise read from the metadata. */
  sheets?: readonly string[];
  /** Check once at the start (the default); false where the caller has just checked from its own read. */
  checkAtStart?: boolean;
  /** Today as an Excel serial, asked afresh for every check. */
  asOf: () => number;
  onReport: (report: ValidateReport) => void;
  onError?: (error: unknown) => void;
  /** How long to wait after the last change before checking: typing a row should cost one check. */
  debounceMs?: number;
  /** Timers, injected so tests can run a debounce without waiting. */
  timers?: { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export interface LiveValidation {
  /** Check now, reading every plan sheet afresh, whatever has changed. */
  recheck(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Rows changed on one sheet beyond which a check reads every plan sheet again rather than the rows: a
 * paste of thousands of rows costs about what the whole plan does.
 */
export const MOST_ROWS_REREAD = 2_000;

/**
 * Keeps a workbook's findings current while people and co-authors edit it. Once a burst of edits is
 * over it checks with the same engine as the CLI and reports.
 *
 * What it reads: the rules need the whole of every plan, not only the rows edited (a duplicate ref is a
 * duplicate of another row; an action's ref must be one of the self-evaluation's), so the first check
 * reads every plan sheet, and the snapshot is kept. After that, a check reads only the rows the edits
 * touched (and the small metadata sheet), puts them into the kept snapshot and checks the whole of it.
 * It reads every plan sheet again where it cannot know what changed: after the add-in's own writes (a
 * command may also change sheets and tables it does not watch), after rows or cells were inserted or
 * deleted (cells moved), and after an edit or paste over more than MOST_ROWS_REREAD rows.
 *
 * No loop: checking only reads, and the add-in's own writes never start a check (the backend marks them
 * `own`); a co-author's edits (and their add-in's writes) arrive as remote changes and start one check.
 */
export async function startLiveValidation(
  workbook: WatchableWorkbook,
  options: LiveValidationOptions,
): Promise<LiveValidation> {
  const timers = options.timers ?? {
    set: (run, ms) => setTimeout(run, ms),
    clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const sheets = options.sheets
    ? [...options.sheets]
    : [...new Set((readMetadata(await workbook.read({ sheets: [METADATA_SHEET] }))?.plans ?? []).map((p) => p.sheet))];
  // The rules take a date from its column and its serial, never from a number format: none are read.
  const query = { sheets: [...sheets, METADATA_SHEET], numberFormats: false as const };

  /** The plan sheets as last read, or null where they must be read whole. */
  let kept: WorkbookSnapshot | null = null;
  /** Rows edited since the last check, by sheet. */
  let edited = new Map<string, RowSpan>();
  /** Counts the times what is kept was found out of date, so that a read under way then is not kept. */
  let outdated = 0;
  const forget = () => {
    kept = null;
    outdated++;
  };

  const check = async (whole: boolean) => {
    const spans = edited;
    edited = new Map();
    const since = outdated;
    const before = whole ? null : kept;
    try {
      let snapshot: WorkbookSnapshot | null = null;
      if (before !== null) {
        const rows = [...spans].map(([sheet, span]) => ({ sheet, ...span }));
        snapshot = mergeRows(
          before,
          await workbook.read({ ...query, sheets: [METADATA_SHEET, ...spans.keys()], rows }),
          spans,
        );
      }
      snapshot ??= await workbook.read(query);
      if (since === outdated) kept = snapshot;
      options.onReport(validateWorkbook(snapshot, { asOf: options.asOf() }).report);
    } catch (error) {
      forget();
      options.onError?.(error);
    }
  };

  let pending: unknown = null;
  const onChange = (change: CellChange) => {
    if (change.own) {
      // The add-in's own write: what is kept is out of date, but the write alone is no reason to check.
      forget();
      return;
    }
    const rows = change.moved ? null : changedRows(change.address);
    const span = edited.get(change.sheet);
    const joined =
      rows && span ? { top: Math.min(rows.top, span.top), bottom: Math.max(rows.bottom, span.bottom) } : rows;
    if (!joined || joined.bottom - joined.top + 1 > MOST_ROWS_REREAD) forget();
    else edited.set(change.sheet, joined);
    if (pending !== null) timers.clear(pending);
    pending = timers.set(() => {
      pending = null;
      void check(false);
    }, options.debounceMs ?? 400);
  };

  const unwatch = sheets.length > 0 ? await workbook.watch(sheets, onChange) : async () => undefined;
  if (sheets.length > 0 && options.checkAtStart !== false) await check(true);
  return {
    recheck: () => check(true),
    stop: async () => {
      if (pending !== null) timers.clear(pending);
      await unwatch();
    },
  };
}

import { METADATA_SHEET, readMetadata } from "../sheets/metadata";
import type { CellChange, WatchableWorkbook } from "../workbook/types";
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
  /** Check now, whatever has changed. */
  recheck(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps a workbook's findings current while people edit it: reads the plan sheets once a burst of
 * edits is over (one read, so one sync in Excel), checks them with the same engine as the CLI, and
 * reports. The add-in's own writes are never reported by the backend, so they do not start a round.
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
  const query = { sheets: [...sheets, METADATA_SHEET] };

  const recheck = async () => {
    try {
      const snapshot = await workbook.read(query);
      options.onReport(validateWorkbook(snapshot, { asOf: options.asOf() }).report);
    } catch (error) {
      options.onError?.(error);
    }
  };

  let pending: unknown = null;
  const onChange = (_change: CellChange) => {
    if (pending !== null) timers.clear(pending);
    pending = timers.set(() => {
      pending = null;
      void recheck();
    }, options.debounceMs ?? 400);
  };

  const unwatch = sheets.length > 0 ? await workbook.watch(sheets, onChange) : async () => undefined;
  if (sheets.length > 0 && options.checkAtStart !== false) await recheck();
  return {
    recheck,
    stop: async () => {
      if (pending !== null) timers.clear(pending);
      await unwatch();
    },
  };
}

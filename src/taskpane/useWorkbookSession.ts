import { useCallback, useRef, useState } from "react";
import { startLiveValidation, type LiveValidation, type LiveValidationOptions } from "../commands/liveValidation";
import { runCommand } from "../commands/runCommand";
import type {
  SnapshotQuery,
  WatchableWorkbook,
  WorkbookAdapter,
  WorkbookPatch,
  WorkbookSnapshot,
} from "../workbook/types";

/** What the pane shows after a command: a Fluent MessageBar's intent, an optional title, the text and a list. */
export interface SessionStatus {
  intent: "success" | "error" | "info";
  title?: string;
  message: string;
  /** Lines shown as a list under the message, e.g. one per plan a refresh looked at. */
  details?: string[];
}

/** One command as the pane runs it: what it reads, how it plans, and how its result reads to a user. */
export interface PaneCommand<Report> {
  query: SnapshotQuery;
  plan: (snapshot: WorkbookSnapshot) => { patch: WorkbookPatch; report: Report };
  /** The success message, e.g. `Created the sheet “Action plan” with 36 rows from …`. */
  describe: (report: Report) => string;
  /** Lines listed under the success message, where one sentence is not enough. */
  details?: (report: Report) => string[];
  /** The title of the error message when the command fails, e.g. "Could not create the plan sheets". */
  failure: string;
}

/** What a command would do, planned on a fresh snapshot but not applied. */
export type DryRun<Report> = { ok: true; report: Report } | { ok: false; error: string };

export interface WorkbookSession<Adapter extends WorkbookAdapter = WorkbookAdapter> {
  /** The workbook commands run on: Excel, or the preview's in-memory workbook. */
  workbook: Adapter;
  busy: boolean;
  status: SessionStatus | null;
  /** What "Undo last change" would undo, in words; null when there is nothing to undo. */
  undoDescription: string | null;
  /** Every patch applied in this session, undo patches included, in order (the preview replays them). */
  applied: readonly WorkbookPatch[];
  run<Report>(command: PaneCommand<Report>): Promise<Report | null>;
  /**
   * Reads a fresh snapshot and plans a command without applying it, for previews such as the mapping a
   * structure would use. Failures are returned, not shown, so the pane can show them where they belong.
   * A dry run waits for a command or read already under way rather than being refused, so the reads
   * several sections make after the same change (checks, projection, Annex A) run one after another.
   */
  dryRun<Report>(
    query: SnapshotQuery,
    plan: (snapshot: WorkbookSnapshot) => { report: Report },
  ): Promise<DryRun<Report>>;
  undo(): Promise<boolean>;
  /**
   * Checks the plans whenever people edit them, where the workbook can say so (Excel); null where it
   * cannot (the preview). Its reads wait for a command that is running, so a check never sees half a
   * change; the add-in's own writes are not reported, so the pane re-checks after its commands itself.
   */
  watchChecks(options: Omit<LiveValidationOptions, "timers">): Promise<LiveValidation | null>;
  /** Starts over on another workbook (the preview's "Open .xlsx…"): nothing applied, nothing to undo. */
  replaceWorkbook(workbook: Adapter, status?: SessionStatus): void;
  clearStatus(): void;
}

const BUSY = "Inspection Ready is still working on the last request; try again when it has finished.";

/**
 * The pane's one way to the workbook: runs commands through `runCommand` on the adapter it holds,
 * keeps the inverse of the last change for "Undo last change" (Excel cannot undo an add-in's writes with
 * Ctrl+Z), and turns results and failures into messages. One command runs at a time.
 */
export function useWorkbookSession<Adapter extends WorkbookAdapter>(
  initial: Adapter | (() => Adapter),
): WorkbookSession<Adapter> {
  const [workbook, setWorkbook] = useState<Adapter>(initial);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [last, setLast] = useState<{ description: string; undo: WorkbookPatch } | null>(null);
  const [applied, setApplied] = useState<WorkbookPatch[]>([]);
  const running = useRef(false);
  /** The command or read under way, if any: live checks wait for it before reading. */
  const underWay = useRef<Promise<unknown> | null>(null);

  /**
   * Runs `work` unless something is already running (or, with `wait`, once it has finished); null when it
   * was refused or failed.
   */
  const exclusive = useCallback(
    async <T>(work: () => Promise<T>, onError: (error: unknown) => void, wait = false): Promise<T | null> => {
      // Each waiter checks again when it wakes: another may have started in between.
      while (wait && running.current) await (underWay.current ?? Promise.resolve()).catch(() => undefined);
      if (running.current) {
        onError(new Error(BUSY));
        return null;
      }
      running.current = true;
      setBusy(true);
      const promise = work();
      underWay.current = promise;
      try {
        return await promise;
      } catch (error) {
        onError(error);
        return null;
      } finally {
        running.current = false;
        underWay.current = null;
        setBusy(false);
      }
    },
    [],
  );

  const showError = useCallback(
    (title: string) => (error: unknown) => setStatus({ intent: "error", title, message: errorMessage(error) }),
    [],
  );

  const run = useCallback(
    <Report>(command: PaneCommand<Report>): Promise<Report | null> =>
      exclusive(async () => {
        setStatus(null);
        const result = await runCommand(workbook, command.query, command.plan);
        setApplied((patches) => [...patches, result.patch]);
        setLast({ description: result.patch.description, undo: result.undo });
        setStatus({
          intent: "success",
          message: command.describe(result.report),
          details: command.details?.(result.report),
        });
        return result.report;
      }, showError(command.failure)),
    [workbook, exclusive, showError],
  );

  const dryRun = useCallback(
    async <Report>(
      query: SnapshotQuery,
      plan: (snapshot: WorkbookSnapshot) => { report: Report },
    ): Promise<DryRun<Report>> => {
      let failure = "";
      const report = await exclusive(
        async () => plan(await workbook.read(query)).report,
        (error) => (failure = errorMessage(error)),
        true,
      );
      return report === null ? { ok: false, error: failure } : { ok: true, report };
    },
    [workbook, exclusive],
  );

  const undo = useCallback(async (): Promise<boolean> => {
    if (!last) return false;
    const done = await exclusive(async () => {
      setStatus(null);
      await workbook.apply(last.undo);
      setApplied((patches) => [...patches, last.undo]);
      setLast(null);
      setStatus({ intent: "success", message: `Undone: ${last.description}.` });
      return true;
    }, showError("Could not undo the last change"));
    return done === true;
  }, [workbook, exclusive, showError, last]);

  const watchChecks = useCallback(
    async (options: Omit<LiveValidationOptions, "timers">): Promise<LiveValidation | null> => {
      if (!isWatchable(workbook)) return null;
      const watchable = workbook;
      const afterCurrentCommand: WatchableWorkbook = {
        read: async (query) => {
          while (underWay.current) await underWay.current.catch(() => undefined);
          return watchable.read(query);
        },
        apply: (patch) => watchable.apply(patch),
        watch: (sheets, onChange) => watchable.watch(sheets, onChange),
      };
      return startLiveValidation(afterCurrentCommand, options);
    },
    [workbook],
  );

  const replaceWorkbook = useCallback((next: Adapter, nextStatus?: SessionStatus) => {
    setWorkbook(() => next);
    setApplied([]);
    setLast(null);
    setStatus(nextStatus ?? null);
  }, []);

  const clearStatus = useCallback(() => setStatus(null), []);

  return {
    workbook,
    busy,
    status,
    undoDescription: last?.description ?? null,
    applied,
    run,
    dryRun,
    undo,
    watchChecks,
    replaceWorkbook,
    clearStatus,
  };
}

function isWatchable(workbook: WorkbookAdapter): workbook is WatchableWorkbook {
  return typeof (workbook as Partial<WatchableWorkbook>).watch === "function";
}

/** A message a user can act on, from whatever was thrown (our errors, Office.js errors, anything else). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return "Something went wrong, and no reason was given. Try again; if it keeps happening, reload the add-in.";
}

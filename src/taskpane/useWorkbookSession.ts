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
import { invertPatch } from "../workbook/invert";
import type { PlanJob, PlannedJob } from "./offThread/planJobs";
import { plansOffThread, type OffThreadPlanner } from "./offThread/offThreadPlanner";
import { UNDO_LIMIT, UndoHistory, describeCells, undoDownTo, type UndoOutcome } from "./undoHistory";

/** How long work off the thread runs before its progress bar (with Cancel) is shown. */
const PROGRESS_DELAY_MS = 300;
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
  /**
   * The same planning described as data, for a workbook that can plan on another thread (the preview's,
   * with its worker twin): commands that can take long on a big workbook give one.
   */
  job?: PlanJob;
}

/** Work under way off the page's main thread, for a progress bar with a Cancel button. */
export interface SessionProgress {
  text: string;
}

/** A change the pane can undo, as the Undo section lists it. */
export interface UndoEntry {
  id: number;
  /** What the change did, e.g. "Create action plan from …". */
  description: string;
}

/** An undo waiting for the user: someone has changed cells the change wrote since it was made. */
export interface UndoConfirmation {
  /** The change that would lose what was typed. */
  step: UndoEntry;
  /** The cells changed since, as "Sheet!A1". */
  cells: string[];
  /** "Plan!G2 and Plan!G3": the cells in words, at most a few named. */
  where: string;
  /** The step the user asked to undo down to (this one or an older one). */
  target: number;
}

/** What a command would do, planned on a fresh snapshot but not applied. */
export type DryRun<Report> = { ok: true; report: Report } | { ok: false; error: string };

export interface WorkbookSession<Adapter extends WorkbookAdapter = WorkbookAdapter> {
  /** The workbook commands run on: Excel, or the preview's in-memory workbook. */
  workbook: Adapter;
  /** A change the user asked for is under way (reads in the background do not count). */
  busy: boolean;
  status: SessionStatus | null;
  /** What "Undo last change" would undo, in words; null when there is nothing to undo. */
  undoDescription: string | null;
  /** The changes that can be undone, newest first; at most `undoLimit`. */
  undoSteps: readonly UndoEntry[];
  undoLimit: number;
  /** An undo that would lose what someone typed since, waiting for `confirmUndo` or `keepChanges`. */
  undoConfirmation: UndoConfirmation | null;
  /** Long work under way on the workbook's worker (the preview), which `cancel` stops; null otherwise. */
  progress: SessionProgress | null;
  /** Stops the work `progress` shows: nothing is changed. */
  cancel(): void;
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
    job?: PlanJob,
  ): Promise<DryRun<Report>>;
  /** Undoes the last change; false when it was not (nothing to undo, it failed, or it needs confirming). */
  undo(): Promise<boolean>;
  /**
   * Undoes each change, newest first, down to and including step `id`. Before each, the cells it wrote are
   * read again: where someone has changed them since, it stops and sets `undoConfirmation` instead.
   */
  undoTo(id: number): Promise<boolean>;
  /** "Undo anyway": undoes the change waiting for confirmation, and carries on down to the chosen step. */
  confirmUndo(): Promise<boolean>;
  /** "Keep my changes": undoes nothing more. */
  keepChanges(): void;
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

/**
 * Said after a change Excel cannot undo itself (deleting a sheet; hiding or showing one outside Excel on
 * the web), which clears the user's Ctrl+Z history: never cleared without saying so.
 */
export const EXCEL_UNDO_CLEARED =
  "Excel's own Undo (Ctrl+Z) cannot go back past this change, as Excel cannot undo deleting, hiding or showing a sheet; “Undo last change” in this pane still can.";

const BUSY = "Inspection Ready is still working on the last request; try again when it has finished.";

/**
 * The pane's one way to the workbook: runs commands through `runCommand` on the adapter it holds,
 * keeps the inverses of the last changes (up to UNDO_LIMIT) for Undo (Excel cannot undo an add-in's writes
 * with Ctrl+Z), and turns results and failures into messages. One command runs at a time.
 */
export function useWorkbookSession<Adapter extends WorkbookAdapter>(
  initial: Adapter | (() => Adapter),
): WorkbookSession<Adapter> {
  const [workbook, setWorkbook] = useState<Adapter>(initial);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [history, setHistoryState] = useState(() => UndoHistory.empty(UNDO_LIMIT));
  // The history as of now, for undos that run over several awaits.
  const historyNow = useRef(history);
  const setHistory = useCallback((next: UndoHistory) => {
    historyNow.current = next;
    setHistoryState(next);
  }, []);
  const [undoConfirmation, setUndoConfirmation] = useState<UndoConfirmation | null>(null);
  const [applied, setApplied] = useState<WorkbookPatch[]>([]);
  const [progress, setProgress] = useState<SessionProgress | null>(null);
  const cancelling = useRef<AbortController | null>(null);
  const running = useRef(false);
  /** A change the user asked for is under way (not only a read): a second one is refused, not queued. */
  const changing = useRef(false);
  /** The command or read under way, if any: live checks wait for it before reading. */
  const underWay = useRef<Promise<unknown> | null>(null);

  /**
   * Runs `work` once whatever is running has finished; null when it was refused or failed. A read (a dry
   * run, a live check) always waits its turn. A change waits for reads — a user who clicks "Set RAG" while
   * the checks are reading in the background should not be told to try again — but is refused while
   * another change is under way, so a double click does not apply it twice.
   */
  const exclusive = useCallback(
    async <T>(
      work: () => Promise<T>,
      onError: (error: unknown) => void,
      kind: "read" | "change",
    ): Promise<T | null> => {
      if (kind === "change" && changing.current) {
        onError(new Error(BUSY));
        return null;
      }
      if (kind === "change") changing.current = true;
      try {
        // Each waiter checks again when it wakes: another may have started in between.
        while (running.current) await (underWay.current ?? Promise.resolve()).catch(() => undefined);
        running.current = true;
        // Only a change makes the pane busy (its buttons wait): a read in the background must not swallow
        // a click — a change clicked meanwhile waits for the read instead.
        if (kind === "change") setBusy(true);
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
          if (kind === "change") setBusy(false);
        }
      } finally {
        if (kind === "change") changing.current = false;
      }
    },
    [],
  );

  const showError = useCallback(
    (title: string) => (error: unknown) => setStatus({ intent: "error", title, message: errorMessage(error) }),
    [],
  );

  /**
   * Plans a job on the workbook's twin, with progress shown and a Cancel that stops it. Only one job runs
   * at a time (the session's work is one at a time).
   */
  const offThread = useCallback(async (planner: OffThreadPlanner, job: PlanJob): Promise<PlannedJob> => {
    const controller = new AbortController();
    cancelling.current = controller;
    // The bar shows only for work that takes a while: the pane's state is read after every change, and a
    // small workbook's read would flash it each time.
    let text = "Starting…";
    let shown = false;
    const showing = setTimeout(() => {
      shown = true;
      setProgress({ text });
    }, PROGRESS_DELAY_MS);
    try {
      return await planner.planOffThread(job, {
        signal: controller.signal,
        onProgress: (now) => {
          text = now;
          if (shown) setProgress({ text });
        },
      });
    } finally {
      clearTimeout(showing);
      cancelling.current = null;
      setProgress(null);
    }
  }, []);

  const run = useCallback(
    <Report>(command: PaneCommand<Report>): Promise<Report | null> =>
      exclusive(
        async () => {
          setStatus(null);
          const result =
            command.job && plansOffThread(workbook)
              ? await runPlanned<Report>(workbook, await offThread(workbook, command.job))
              : await runCommand(workbook, command.query, command.plan);
          setApplied((patches) => [...patches, result.patch]);
          setHistory(historyNow.current.push(result.patch, result.undo));
          setUndoConfirmation(null);
          const details = [
            ...(command.details?.(result.report) ?? []),
            ...(workbook.clearsUndoHistory?.(result.patch) ? [EXCEL_UNDO_CLEARED] : []),
          ];
          setStatus({
            intent: "success",
            message: command.describe(result.report),
            ...(details.length > 0 ? { details } : {}),
          });
          return result.report;
        },
        showError(command.failure),
        "change",
      ),
    [workbook, exclusive, showError, setHistory, offThread],
  );

  const dryRun = useCallback(
    async <Report>(
      query: SnapshotQuery,
      plan: (snapshot: WorkbookSnapshot) => { report: Report },
      job?: PlanJob,
    ): Promise<DryRun<Report>> => {
      let failure = "";
      const report = await exclusive(
        async () =>
          job && plansOffThread(workbook)
            ? ((await offThread(workbook, job)).report as Report)
            : plan(await workbook.read(query)).report,
        (error) => (failure = errorMessage(error)),
        "read",
      );
      return report === null ? { ok: false, error: failure } : { ok: true, report };
    },
    [workbook, exclusive, offThread],
  );

  const undoDown = useCallback(
    async (target: number, confirmed: number | null): Promise<boolean> => {
      const outcome = await exclusive(
        async () => {
          setStatus(null);
          setUndoConfirmation(null);
          return undoDownTo(workbook, historyNow.current, target, confirmed);
        },
        showError("Could not undo"),
        "change",
      );
      if (!outcome) return false;
      setHistory(outcome.history);
      if (outcome.undone.length > 0) setApplied((patches) => [...patches, ...outcome.undone.map((s) => s.undo)]);
      if (outcome.conflict) {
        const { step, cells } = outcome.conflict;
        setUndoConfirmation({
          step: { id: step.id, description: step.description },
          cells,
          where: describeCells(cells),
          target,
        });
      }
      const cleared = outcome.undone.some((step) => workbook.clearsUndoHistory?.(step.undo));
      const said = undoStatus(outcome);
      setStatus(said && cleared ? { ...said, details: [...(said.details ?? []), EXCEL_UNDO_CLEARED] } : said);
      return outcome.undone.length > 0 && !outcome.conflict && !outcome.failure;
    },
    [workbook, exclusive, showError, setHistory],
  );

  const undo = useCallback(async (): Promise<boolean> => {
    const top = historyNow.current.top;
    return top ? undoDown(top.id, null) : false;
  }, [undoDown]);

  const undoTo = useCallback((id: number) => undoDown(id, null), [undoDown]);

  const confirmUndo = useCallback(async (): Promise<boolean> => {
    if (!undoConfirmation) return false;
    return undoDown(undoConfirmation.target, undoConfirmation.step.id);
  }, [undoDown, undoConfirmation]);

  const keepChanges = useCallback(() => {
    if (!undoConfirmation) return;
    setUndoConfirmation(null);
    setStatus({
      intent: "info",
      message: `Kept your changes: “${undoConfirmation.step.description}” was not undone.`,
    });
  }, [undoConfirmation]);

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

  const replaceWorkbook = useCallback(
    (next: Adapter, nextStatus?: SessionStatus) => {
      setWorkbook(() => next);
      setApplied([]);
      setHistory(UndoHistory.empty(UNDO_LIMIT));
      setUndoConfirmation(null);
      setStatus(nextStatus ?? null);
    },
    [setHistory],
  );

  const clearStatus = useCallback(() => setStatus(null), []);
  const cancel = useCallback(() => cancelling.current?.abort(), []);

  return {
    workbook,
    busy,
    status,
    undoDescription: history.top?.description ?? null,
    undoSteps: history.steps,
    undoLimit: history.limit,
    undoConfirmation,
    progress,
    cancel,
    applied,
    run,
    dryRun,
    undo,
    undoTo,
    confirmUndo,
    keepChanges,
    watchChecks,
    replaceWorkbook,
    clearStatus,
  };
}

/** A job's patch, planned and already applied on the twin, applied here with the undo it records. */
async function runPlanned<Report>(
  planner: OffThreadPlanner,
  planned: PlannedJob,
): Promise<{ patch: WorkbookPatch; undo: WorkbookPatch; report: Report }> {
  if (!planned.patch) throw new Error("The job planned no change.");
  const undo = invertPatch(planned.patch);
  await planner.applyPlanned(planned);
  return { patch: planned.patch, undo, report: planned.report as Report };
}

/** What an undo did, in words: the changes undone, and what stopped it where it stopped early. */
function undoStatus(outcome: UndoOutcome): SessionStatus | null {
  const done = outcome.undone.map((s) => s.description);
  const undone =
    done.length === 1
      ? `Undone: ${done[0]}.`
      : done.length > 1
        ? `Undone ${done.length} changes: ${done.join("; ")}.`
        : "";
  if (outcome.failure) {
    return {
      intent: "error",
      title: "Could not undo",
      message: [undone, errorMessage(outcome.failure)].filter(Boolean).join(" "),
    };
  }
  return undone ? { intent: "success", message: undone } : null;
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

import { useCallback, useRef, useState } from "react";
import { runCommand } from "../commands/runCommand";
import type { SnapshotQuery, WorkbookAdapter, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";

/** What the pane shows after a command: a Fluent MessageBar's intent, an optional title and the text. */
export interface SessionStatus {
  intent: "success" | "error" | "info";
  title?: string;
  message: string;
}

/** One command as the pane runs it: what it reads, how it plans, and how its result reads to a user. */
export interface PaneCommand<Report> {
  query: SnapshotQuery;
  plan: (snapshot: WorkbookSnapshot) => { patch: WorkbookPatch; report: Report };
  /** The success message, e.g. `Created sheet "Action plan" with 36 rows from …`. */
  describe: (report: Report) => string;
  /** The title of the error message when the command fails, e.g. "Could not create the action plan". */
  failure: string;
}

export interface WorkbookSession {
  busy: boolean;
  status: SessionStatus | null;
  /** What "Undo last change" would undo, in words; null when there is nothing to undo. */
  undoDescription: string | null;
  /** Every patch applied in this session, undo patches included, in order (the preview replays them). */
  applied: readonly WorkbookPatch[];
  run<Report>(command: PaneCommand<Report>): Promise<Report | null>;
  undo(): Promise<boolean>;
  clearStatus(): void;
}

/**
 * The pane's one way to the workbook: runs commands through `runCommand` on the adapter it is given,
 * keeps the inverse of the last change for "Undo last change" (Excel cannot undo an add-in's writes with
 * Ctrl+Z), and turns results and failures into messages. One command runs at a time.
 */
export function useWorkbookSession(adapter: WorkbookAdapter): WorkbookSession {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [last, setLast] = useState<{ description: string; undo: WorkbookPatch } | null>(null);
  const [applied, setApplied] = useState<WorkbookPatch[]>([]);
  const running = useRef(false);

  /** Runs `work` unless something is already running; false when it was refused or failed. */
  const exclusive = useCallback(async <T>(work: () => Promise<T>, failure: string): Promise<T | null> => {
    if (running.current) return null;
    running.current = true;
    setBusy(true);
    try {
      return await work();
    } catch (error) {
      setStatus({ intent: "error", title: failure, message: errorMessage(error) });
      return null;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const run = useCallback(
    <Report>(command: PaneCommand<Report>): Promise<Report | null> =>
      exclusive(async () => {
        setStatus(null);
        const result = await runCommand(adapter, command.query, command.plan);
        setApplied((patches) => [...patches, result.patch]);
        setLast({ description: result.patch.description, undo: result.undo });
        setStatus({ intent: "success", message: command.describe(result.report) });
        return result.report;
      }, command.failure),
    [adapter, exclusive],
  );

  const undo = useCallback(async (): Promise<boolean> => {
    if (!last) return false;
    const done = await exclusive(async () => {
      setStatus(null);
      await adapter.apply(last.undo);
      setApplied((patches) => [...patches, last.undo]);
      setLast(null);
      setStatus({ intent: "success", message: `Undone: ${last.description}.` });
      return true;
    }, "Could not undo the last change");
    return done === true;
  }, [adapter, exclusive, last]);

  const clearStatus = useCallback(() => setStatus(null), []);

  return { busy, status, undoDescription: last?.description ?? null, applied, run, undo, clearStatus };
}

/** A message a user can act on, from whatever was thrown (our errors, Office.js errors, anything else). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return "Something went wrong, and no reason was given. Try again; if it keeps happening, reload the add-in.";
}

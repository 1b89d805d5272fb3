import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveValidation } from "../../commands/liveValidation";
import type { ValidateReport } from "../../commands/validateWorkbook";
import { todaySerial } from "../../domain/dates";
import type { RagStatus } from "../../domain/rag";
import { errorMessage, type WorkbookSession } from "../useWorkbookSession";
import type { PaneStateHandle } from "../workbook/usePaneState";

/** Whether the pane can check as people edit: in Excel with ExcelApi 1.7 events, or not at all. */
export type LiveMode = "none" | "supported" | "unsupported";

export type LiveState =
  | { state: "off" }
  | { state: "unsupported" }
  | { state: "starting" }
  | { state: "on" }
  | { state: "failed"; message: string };

export interface CheckResult {
  report: ValidateReport;
  checkedAt: Date;
}

export interface Checks {
  /** The latest check, from "Check now", a re-check after a command, or live checking. */
  result: CheckResult | null;
  /** Why the last check could not run (no plans yet, a workbook from a newer version…). */
  problem: string | null;
  checking: boolean;
  /** The workbook's RAG scale, for "Set RAG for the selection". */
  vocabulary: readonly RagStatus[];
  live: LiveState;
  check(): Promise<void>;
}

/**
 * The state of "Check the plans". The check is a part of the pane's state, read with every other part in
 * one read after each command the pane runs (create, structure, refresh, a fix, a RAG set, undo), once
 * the user has checked; so the findings never describe a workbook that has gone. In Excel, where the
 * host can report edits, live checking also re-checks after people edit the plans.
 */
export function useChecks(session: WorkbookSession, liveMode: LiveMode, pane: PaneStateHandle): Checks {
  const { watchChecks } = session;
  const { want } = pane;
  const [live, setLive] = useState<LiveState>({ state: liveMode === "unsupported" ? "unsupported" : "off" });
  const [liveResult, setLiveResult] = useState<{ result: CheckResult | null; problem: string | null } | null>(null);
  const liveChecks = useRef<LiveValidation | null>(null);

  const checked = pane.state?.checks;
  const fromRead: { result: CheckResult | null; problem: string | null } | null = checked
    ? checked.ok
      ? { result: { report: checked.report, checkedAt: pane.readAt ?? new Date() }, problem: null }
      : { result: null, problem: checked.error }
    : null;
  // Live checking's report, which follows people's edits, until the pane's next read.
  const latest = liveResult ?? fromRead;
  useEffect(() => {
    setLiveResult(null);
  }, [pane.readAt]);

  const check = useCallback(() => want({ checks: true }), [want]);

  // Live checking, in Excel, while the workbook has plans: started again when the plan sheets change.
  const planSheets = JSON.stringify(pane.facts.managedSheets);
  useEffect(() => {
    if (liveMode !== "supported" || planSheets === "[]") return;
    let stopped = false;
    let started: LiveValidation | null = null;
    setLive({ state: "starting" });
    watchChecks({
      sheets: JSON.parse(planSheets) as string[],
      // The pane's own read checks the plans now and after each command; live checking follows edits.
      checkAtStart: false,
      asOf: () => todaySerial(),
      onReport: (report) => {
        if (!stopped) setLiveResult({ result: { report, checkedAt: new Date() }, problem: null });
      },
      onError: (error) => {
        if (!stopped) setLiveResult({ result: null, problem: errorMessage(error) });
      },
    }).then(
      (handle) => {
        if (stopped) {
          void handle?.stop().catch(() => undefined);
          return;
        }
        started = handle;
        liveChecks.current = handle;
        setLive(handle ? { state: "on" } : { state: "off" });
        if (handle) void want({ checks: true });
      },
      (error: unknown) => {
        if (!stopped) setLive({ state: "failed", message: errorMessage(error) });
      },
    );
    return () => {
      stopped = true;
      liveChecks.current = null;
      void started?.stop().catch(() => undefined);
    };
  }, [liveMode, planSheets, watchChecks, want]);

  return {
    result: latest?.result ?? null,
    problem: latest?.problem ?? null,
    checking: pane.reading?.checks ?? false,
    vocabulary: pane.facts.vocabulary,
    live,
    check,
  };
}

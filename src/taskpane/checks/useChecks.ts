import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveValidation } from "../../commands/liveValidation";
import { validateQuery, type ValidateReport } from "../../commands/validateWorkbook";
import { defaultRagVocabulary, type RagStatus } from "../../domain/rag";
import { errorMessage, type WorkbookSession } from "../useWorkbookSession";
import { inspect, scaleQuery, type Inspection } from "./checkCommands";
import { todaySerial } from "./today";

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
 * The state of "Check the plans". Every read goes through the session, as every command does. Once the
 * user has checked, the plans are checked again after each command the pane runs (create, structure,
 * refresh, a fix, a RAG set, undo), so the findings never describe a workbook that has gone. In Excel,
 * where the host can report edits, live checking also re-checks after people edit the plans.
 */
export function useChecks(session: WorkbookSession, liveMode: LiveMode): Checks {
  const { dryRun, watchChecks, workbook, applied, busy } = session;
  const [result, setResult] = useState<CheckResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [vocabulary, setVocabulary] = useState<readonly RagStatus[]>(defaultRagVocabulary);
  const [planSheets, setPlanSheets] = useState<string>("[]");
  const [live, setLive] = useState<LiveState>({ state: liveMode === "unsupported" ? "unsupported" : "off" });
  const checkedOnce = useRef(false);
  const liveChecks = useRef<LiveValidation | null>(null);
  const seen = useRef<{ workbook: unknown; applied: unknown } | null>(null);

  const take = useCallback((inspection: Inspection) => {
    setVocabulary(inspection.vocabulary);
    setPlanSheets(JSON.stringify(inspection.planSheets));
    if (!inspection.check) return;
    if (inspection.check.ok) {
      setResult({ report: inspection.check.report, checkedAt: new Date() });
      setProblem(null);
    } else {
      setResult(null);
      setProblem(inspection.check.error);
    }
  }, []);

  const check = useCallback(async () => {
    checkedOnce.current = true;
    setChecking(true);
    const outcome = await dryRun(validateQuery, (snapshot) => inspect(snapshot, todaySerial()));
    setChecking(false);
    if (outcome.ok) take(outcome.report);
    else setProblem(outcome.error);
  }, [dryRun, take]);

  const readScale = useCallback(async () => {
    const outcome = await dryRun(scaleQuery, (snapshot) => inspect(snapshot));
    if (outcome.ok) take(outcome.report);
  }, [dryRun, take]);

  // After every change the pane makes, and on another workbook: read the scale, or check again.
  useEffect(() => {
    if (busy) return;
    const last = seen.current;
    if (last && last.workbook === workbook && last.applied === applied) return;
    seen.current = { workbook, applied };
    if (last && last.workbook !== workbook) {
      checkedOnce.current = false;
      setResult(null);
      setProblem(null);
    }
    if (liveChecks.current) void liveChecks.current.recheck();
    if (checkedOnce.current && !liveChecks.current) void check();
    else void readScale();
  }, [busy, workbook, applied, check, readScale]);

  // Live checking, in Excel, while the workbook has plans: started again when the plan sheets change.
  useEffect(() => {
    if (liveMode !== "supported" || planSheets === "[]") return;
    let stopped = false;
    let started: LiveValidation | null = null;
    setLive({ state: "starting" });
    watchChecks({
      asOf: () => todaySerial(),
      onReport: (report) => {
        if (stopped) return;
        setResult({ report, checkedAt: new Date() });
        setProblem(null);
      },
      onError: (error) => {
        if (!stopped) setProblem(errorMessage(error));
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
  }, [liveMode, planSheets, watchChecks]);

  return { result, problem, checking, vocabulary, live, check };
}

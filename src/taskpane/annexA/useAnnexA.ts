import { useCallback, useRef, useState } from "react";
import type { AnnexAReport } from "../../commands/checkAnnexA";
import type { WorkbookSession } from "../useWorkbookSession";
import { useAfterChange } from "../workbook/useAfterChange";
import { annexAQuery, checkLists } from "./annexACommands";

export interface AnnexResult {
  report: AnnexAReport;
  asOf: number;
  checkedAt: Date;
}

export interface AnnexAState {
  result: AnnexResult | null;
  problem: string | null;
  checking: boolean;
  check(asOf: number): Promise<void>;
}

/**
 * The state of "Annex A lists". Once checked, the lists are checked again (as of the same day) after
 * every command the pane runs, so the findings follow a fix or an undo; another workbook starts afresh.
 */
export function useAnnexA(session: WorkbookSession): AnnexAState {
  const { dryRun } = session;
  const [result, setResult] = useState<AnnexResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const lastAsOf = useRef<number | null>(null);

  const check = useCallback(
    async (asOf: number) => {
      lastAsOf.current = asOf;
      setChecking(true);
      const outcome = await dryRun(annexAQuery, (snapshot) => checkLists(snapshot, asOf));
      setChecking(false);
      if (outcome.ok) {
        setResult({ report: outcome.report, asOf, checkedAt: new Date() });
        setProblem(null);
      } else {
        setResult(null);
        setProblem(outcome.error);
      }
    },
    [dryRun],
  );

  useAfterChange(session, (newWorkbook) => {
    if (newWorkbook) {
      lastAsOf.current = null;
      setResult(null);
      setProblem(null);
    } else if (lastAsOf.current !== null) void check(lastAsOf.current);
  });

  return { result, problem, checking, check };
}

import { useCallback } from "react";
import type { AnnexAReport } from "../../commands/checkAnnexA";
import type { AnnexARequest } from "../../commands/paneState";
import type { PaneStateHandle } from "../workbook/usePaneState";

export interface AnnexResult {
  report: AnnexAReport;
  /** The day checked as of: the one typed, or the latest date in the lists (report.asOf says which). */
  asOf: number;
  checkedAt: Date;
}

export interface AnnexAState {
  result: AnnexResult | null;
  problem: string | null;
  checking: boolean;
  /** What was last asked for: the as-of day typed (null for the lists' latest date) and the sheets named as lists. */
  request: AnnexARequest | null;
  check(request: AnnexARequest): Promise<void>;
}

/**
 * The state of "Annex A lists". Once checked, the lists are a part of the pane's state, checked again (as
 * of the same day, with the same sheets named as lists) from the one read after every command the pane
 * runs, so the findings follow a fix or an undo; another workbook starts afresh.
 */
export function useAnnexA(pane: PaneStateHandle): AnnexAState {
  const { want } = pane;
  const check = useCallback((request: AnnexARequest) => want({ annexA: request }), [want]);
  const checked = pane.state?.annexA;
  const request = pane.readWith?.annexA ?? null;
  return {
    result:
      checked?.ok && request
        ? { report: checked.report, asOf: checked.report.asOf.serial, checkedAt: pane.readAt ?? new Date() }
        : null,
    problem: checked && !checked.ok ? checked.error : null,
    checking: pane.reading?.annexA !== null && pane.reading?.annexA !== undefined,
    request,
    check,
  };
}

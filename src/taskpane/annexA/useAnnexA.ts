import { useCallback } from "react";
import type { AnnexAReport } from "../../commands/checkAnnexA";
import type { PaneStateHandle } from "../workbook/usePaneState";

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
 * The state of "Annex A lists". Once checked, the lists are a part of the pane's state, checked again (as
 * of the same day) from the one read after every command the pane runs, so the findings follow a fix or
 * an undo; another workbook starts afresh.
 */
export function useAnnexA(pane: PaneStateHandle): AnnexAState {
  const { want } = pane;
  const check = useCallback((asOf: number) => want({ annexA: { asOf } }), [want]);
  const checked = pane.state?.annexA;
  const asOf = pane.readWith?.annexA?.asOf ?? null;
  return {
    result:
      checked?.ok && asOf !== null ? { report: checked.report, asOf, checkedAt: pane.readAt ?? new Date() } : null,
    problem: checked && !checked.ok ? checked.error : null,
    checking: pane.reading?.annexA !== null && pane.reading?.annexA !== undefined,
    check,
  };
}

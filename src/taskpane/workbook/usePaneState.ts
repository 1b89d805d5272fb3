import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Framework } from "../../domain/framework";
import type { WorkbookSession } from "../useWorkbookSession";
import { afterNextPaint } from "../afterPaint";
import { PaneStateStore, type PaneStateSnapshot, type PaneWants } from "./paneStateStore";
import { useAfterChange } from "./useAfterChange";

export interface PaneStateHandle extends PaneStateSnapshot {
  /** Asks for parts of the state (kept after each change) and reads the workbook once now. */
  want(parts: Partial<PaneWants>): Promise<void>;
  wanted(): PaneWants;
}

/**
 * The pane's state of the workbook, read once after each change for every section (facts, checks,
 * projection, Annex A lists), rather than once per section.
 */
export function usePaneState(session: WorkbookSession, frameworks: readonly Framework[]): PaneStateHandle {
  const known = useRef(frameworks);
  useEffect(() => {
    known.current = frameworks;
  }, [frameworks]);
  const dryRun = useRef(session.dryRun);
  useEffect(() => {
    dryRun.current = session.dryRun;
  }, [session.dryRun]);
  const [store] = useState(
    () =>
      new PaneStateStore(
        () => dryRun.current,
        () => known.current,
      ),
  );

  // The first read (at the start) waits for the pane's first paint: loading its code and reading the
  // workbook need not hold up the pane appearing. Every later one reads at once.
  const started = useRef(false);
  useAfterChange(session, (newWorkbook) => {
    if (started.current) return void store.afterChange(newWorkbook);
    started.current = true;
    afterNextPaint(() => void store.afterChange(newWorkbook));
  });
  const snapshot = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.snapshot,
  );
  const want = useCallback((parts: Partial<PaneWants>) => store.want(parts), [store]);
  const wanted = useCallback(() => store.wanted, [store]);
  return { ...snapshot, want, wanted };
}

import { useEffect, useRef } from "react";
import type { WorkbookSession } from "../useWorkbookSession";

/**
 * Calls `onChange` once the session is idle after each change the pane makes (a command, an undo) and
 * when another workbook is opened, with whether the workbook itself was swapped; and once at the start.
 */
export function useAfterChange(
  session: Pick<WorkbookSession, "workbook" | "applied" | "busy">,
  onChange: (newWorkbook: boolean) => void,
): void {
  const { workbook, applied, busy } = session;
  const seen = useRef<{ workbook: unknown; applied: unknown } | null>(null);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    if (busy) return;
    const last = seen.current;
    if (last && last.workbook === workbook && last.applied === applied) return;
    seen.current = { workbook, applied };
    latest.current(last !== null && last.workbook !== workbook);
  }, [busy, workbook, applied]);
}

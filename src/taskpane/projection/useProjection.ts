import { useCallback, useEffect, useRef, useState } from "react";
import type { Framework } from "../../domain/framework";
import type { WorkbookSession } from "../useWorkbookSession";
import { useAfterChange } from "../workbook/useAfterChange";
import { projectQuery, projectView, type ProjectionView } from "./projectionCommands";

export interface ProjectionResult {
  view: ProjectionView;
  projectedAt: Date;
}

export interface ProjectionState {
  result: ProjectionResult | null;
  /** Why the last projection could not be made (no self-evaluation yet, an unknown framework…). */
  problem: string | null;
  projecting: boolean;
  project(): Promise<void>;
}

/**
 * The state of "Projected judgements". Once the user has projected, the projection is made again after
 * every command the pane runs (and when the target changes), so the cards never describe positions that
 * have gone; before that, nothing is read.
 */
export function useProjection(
  session: WorkbookSession,
  frameworks: readonly Framework[],
  /** The grade to aim for, by id; the framework's own target when null. */
  target: string | null,
  /** Told the framework of each projection made, whose grades the target picker then offers. */
  onFramework?: (id: string) => void,
): ProjectionState {
  const { dryRun } = session;
  const [result, setResult] = useState<ProjectionResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [projecting, setProjecting] = useState(false);
  const projected = useRef(false);
  const known = useRef(frameworks);
  useEffect(() => {
    known.current = frameworks;
  }, [frameworks]);

  const project = useCallback(async () => {
    projected.current = true;
    setProjecting(true);
    const outcome = await dryRun(projectQuery, (snapshot) =>
      projectView(snapshot, {
        resolve: (id) => known.current.find((f) => f.id === id),
        ...(target ? { target } : {}),
      }),
    );
    setProjecting(false);
    if (outcome.ok) {
      setResult({ view: outcome.report, projectedAt: new Date() });
      onFramework?.(outcome.report.projection.framework.id);
      setProblem(null);
    } else {
      setResult(null);
      setProblem(outcome.error);
    }
  }, [dryRun, target, onFramework]);

  useAfterChange(session, (newWorkbook) => {
    if (newWorkbook) {
      projected.current = false;
      setResult(null);
      setProblem(null);
    } else if (projected.current) void project();
  });

  // A new target: project again at once, if the user has projected.
  const lastTarget = useRef(target);
  useEffect(() => {
    if (lastTarget.current === target) return;
    lastTarget.current = target;
    if (projected.current) void project();
  }, [target, project]);

  return { result, problem, projecting, project };
}

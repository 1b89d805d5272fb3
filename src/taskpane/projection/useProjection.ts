import { useCallback, useEffect, useRef } from "react";
import type { ProjectionView } from "../../commands/projectionView";
import type { PaneStateHandle } from "../workbook/usePaneState";

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
 * The state of "Projected judgements". Once the user has projected, the projection is a part of the
 * pane's state, made again from the one read after every command the pane runs (and when the target
 * changes), so the cards never describe positions that have gone; before that, nothing is projected.
 */
export function useProjection(
  pane: PaneStateHandle,
  /** The grade to aim for, by id; the framework's own target when null. */
  target: string | null,
  /** Told the framework of each projection made, whose grades the target picker then offers. */
  onFramework?: (id: string) => void,
): ProjectionState {
  const { want, wanted } = pane;
  const project = useCallback(() => want({ projection: target ? { target } : {} }), [want, target]);

  const made = pane.state?.projection;
  const result = made?.ok ? { view: made.report, projectedAt: pane.readAt ?? new Date() } : null;

  // Each projection made tells which framework it used, for the target picker.
  const framework = made?.ok ? made.report.projection.framework.id : null;
  useEffect(() => {
    if (framework) onFramework?.(framework);
  }, [framework, made, onFramework]);

  // A new target: project again at once, if the user has projected.
  const lastTarget = useRef(target);
  useEffect(() => {
    if (lastTarget.current === target) return;
    lastTarget.current = target;
    if (wanted().projection) void project();
  }, [target, project, wanted]);

  return {
    result,
    problem: made && !made.ok ? made.error : null,
    projecting: pane.reading?.projection !== null && pane.reading?.projection !== undefined,
    project,
  };
}

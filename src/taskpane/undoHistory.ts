import { applyUnlessProtected } from "../commands/runCommand";
import { changedSince } from "../workbook/changedSince";
import type { WorkbookAdapter, WorkbookPatch } from "../workbook/types";

/** How many changes the pane can undo: the oldest is forgotten when a newer one would go past it. */
export const UNDO_LIMIT = 20;

/** One change the pane made, with the patch that undoes it and the patch as applied (to see what it wrote). */
export interface UndoStep {
  id: number;
  /** What the change did, in words: the patch's description. */
  description: string;
  undo: WorkbookPatch;
  applied: WorkbookPatch;
}

/**
 * The changes the pane can undo, newest first, at most `limit` of them. Immutable: each change returns a
 * new history, so React sees it change.
 */
export class UndoHistory {
  private constructor(
    /** Newest first. */
    readonly steps: readonly UndoStep[],
    readonly limit: number,
    private readonly nextId: number,
  ) {}

  static empty(limit = UNDO_LIMIT): UndoHistory {
    return new UndoHistory([], limit, 1);
  }

  get top(): UndoStep | null {
    return this.steps[0] ?? null;
  }

  /** Records a change just applied; past the limit the oldest is forgotten. */
  push(applied: WorkbookPatch, undo: WorkbookPatch): UndoHistory {
    const step: UndoStep = { id: this.nextId, description: applied.description, undo, applied };
    return new UndoHistory([step, ...this.steps].slice(0, this.limit), this.limit, this.nextId + 1);
  }

  /** The steps to undo, newest first, to undo down to and including step `id`; none when it is not here. */
  downTo(id: number): UndoStep[] {
    const index = this.steps.findIndex((s) => s.id === id);
    return index < 0 ? [] : this.steps.slice(0, index + 1);
  }

  /** The history once the newest step has been undone. */
  withoutTop(): UndoHistory {
    return new UndoHistory(this.steps.slice(1), this.limit, this.nextId);
  }
}

export interface UndoOutcome {
  history: UndoHistory;
  /** The steps undone, in the order they were undone (newest first). */
  undone: UndoStep[];
  /** The step not undone because someone has changed cells it wrote since; the user must confirm first. */
  conflict: { step: UndoStep; cells: string[] } | null;
  /** What went wrong applying an undo, if anything; the steps before it stay undone. */
  failure: unknown;
}

/**
 * Undoes the steps from the newest down to and including step `id`, one at a time. Before each it reads
 * the cells that step wrote and stops, undoing nothing more, where someone has changed them since — unless
 * that step is `confirmed` (the user chose "Undo anyway" for it).
 */
export async function undoDownTo(
  workbook: WorkbookAdapter,
  history: UndoHistory,
  id: number,
  confirmed: number | null = null,
): Promise<UndoOutcome> {
  const undone: UndoStep[] = [];
  let current = history;
  for (const step of history.downTo(id)) {
    try {
      const cells = step.id === confirmed ? [] : await typedSince(workbook, step);
      if (cells.length > 0) return { history: current, undone, conflict: { step, cells }, failure: null };
      await applyUnlessProtected(workbook, step.undo);
    } catch (failure) {
      return { history: current, undone, conflict: null, failure };
    }
    current = current.withoutTop();
    undone.push(step);
  }
  return { history: current, undone, conflict: null, failure: null };
}

/** The cells of `step` someone has changed since it was applied, read fresh from the workbook. */
async function typedSince(workbook: WorkbookAdapter, step: UndoStep): Promise<string[]> {
  const sheets = [
    ...new Set(step.applied.ops.flatMap((op) => (op.op === "writeValues" || op.op === "addSheet" ? [op.sheet] : []))),
  ];
  if (sheets.length === 0) return [];
  return changedSince(step.applied, await workbook.read({ sheets }));
}

/** "Plan!G2, Plan!G3 and 4 more cells": at most `shown` cells named, then how many more. */
export function describeCells(cells: readonly string[], shown = 3): string {
  if (cells.length <= shown) {
    return cells.length <= 1 ? (cells[0] ?? "") : `${cells.slice(0, -1).join(", ")} and ${cells[cells.length - 1]}`;
  }
  const more = cells.length - shown;
  return `${cells.slice(0, shown).join(", ")} and ${more} more ${more === 1 ? "cell" : "cells"}`;
}

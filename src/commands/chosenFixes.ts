import { UserError } from "../domain/userError";
import { cellName, listInWords } from "../domain/words";
import type { WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { setCells, type CellWrite } from "./setCells";
import { validateQuery, validateWorkbook, type Finding, type RagSuggestion } from "./validateWorkbook";

/**
 * Applying what a check offered (a finding's fix, a RAG the dates suggest) once the user chooses it. The
 * plans are checked again on the workbook as it is now, and only what still stands is written: a cell
 * someone has edited since the check is left alone, so a fix can never overwrite a person's newer value.
 */

export const chosenFixesQuery = validateQuery;

/** A cell changed after the check that offered to change it, so nothing was changed. */
export class StaleCheckError extends UserError {}

function changedSince(cells: string[]): StaleCheckError {
  return new StaleCheckError(
    `${listInWords(cells)} ${cells.length === 1 ? "has" : "have"} changed since the plans were checked, so nothing was changed. Choose “Check now” and try again.`,
  );
}

/**
 * Writes the fixes of the chosen findings that the workbook still needs, exactly as they were offered;
 * refused when none does. The report says how many were written (the rest had changed since).
 */
export function applyChosenFixes(
  snapshot: WorkbookSnapshot,
  chosen: readonly Finding[],
  asOf: number,
  /** The change's description for Undo, given how many cells it writes. */
  describe: (cells: number) => string,
): { patch: WorkbookPatch; report: { cells: number } } {
  const current = validateWorkbook(snapshot, { asOf }).report.findings;
  const writes: CellWrite[] = [];
  const stale: string[] = [];
  for (const finding of chosen) {
    const still = current.find(
      (f) => f.rule === finding.rule && f.sheet === finding.sheet && f.cell === finding.cell && f.fix,
    );
    if (still?.fix && still.fix.value === finding.fix?.value) {
      writes.push({ sheet: still.sheet, cell: still.fix.cell, value: still.fix.value });
    } else stale.push(cellName(finding));
  }
  if (writes.length === 0) throw changedSince(stale);
  return setCells(snapshot, writes, describe(writes.length));
}

/** Writes a RAG the dates suggested, if the check on the workbook as it is now still suggests it. */
export function applySuggestion(
  snapshot: WorkbookSnapshot,
  suggestion: RagSuggestion,
  asOf: number,
): { patch: WorkbookPatch; report: { cells: number } } {
  const still = validateWorkbook(snapshot, { asOf }).report.suggestions.some(
    (s) => s.sheet === suggestion.sheet && s.cell === suggestion.cell && s.suggested === suggestion.suggested,
  );
  if (!still) throw changedSince([cellName(suggestion)]);
  return setCells(
    snapshot,
    [{ sheet: suggestion.sheet, cell: suggestion.cell, value: suggestion.suggested }],
    `Set ${cellName(suggestion)} to ${suggestion.suggested}`,
  );
}

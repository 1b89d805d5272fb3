import { setCells, setCellsQuery, setRag, type CellWrite } from "../../commands/setCells";
import {
  validateQuery,
  validateWorkbook,
  type Finding,
  type RagSuggestion,
  type ValidateReport,
} from "../../commands/validateWorkbook";
import type { RagStatus } from "../../domain/rag";
import { METADATA_SHEET, readMetadata, workbookVocabulary } from "../../sheets/metadata";
import type { SnapshotQuery, WorkbookSnapshot } from "../../workbook/types";
import type { PaneCommand } from "../useWorkbookSession";
import { count, listInWords, quoted, valueText } from "../wording";
import { cellName } from "./findingGroups";

/** What one read of the workbook tells the checks section: its RAG scale, its plans, and the check. */
export interface Inspection {
  vocabulary: readonly RagStatus[];
  /** The sheets that hold managed plans, which live checking watches. */
  planSheets: string[];
  /** The check, or why it could not run (no plans yet); absent when only the scale was read. */
  check?: { ok: true; report: ValidateReport } | { ok: false; error: string };
}

export const scaleQuery: SnapshotQuery = { sheets: [METADATA_SHEET] };

/** The workbook's RAG scale and plan sheets, and with `asOf` the check of every plan (nothing written). */
export function inspect(snapshot: WorkbookSnapshot, asOf?: number): { report: Inspection } {
  const metadata = readMetadata(snapshot);
  const inspection: Inspection = {
    vocabulary: workbookVocabulary(metadata),
    planSheets: [...new Set((metadata?.plans ?? []).map((plan) => plan.sheet))],
  };
  if (asOf !== undefined) {
    try {
      inspection.check = { ok: true, report: validateWorkbook(snapshot, { asOf }).report };
    } catch (error) {
      inspection.check = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return { report: inspection };
}

/** Says a cell was changed after the check that suggested changing it, so the suggestion may be wrong. */
class StaleCheckError extends Error {}

const changedSince = (cells: string[]) =>
  new StaleCheckError(
    `${listInWords(cells)} ${cells.length === 1 ? "has" : "have"} changed since the plans were checked, so nothing was changed. Choose “Check now” and try again.`,
  );

/**
 * Applies the fixes of findings the user chose. The plans are checked again on the workbook as it is
 * now, and only fixes that still stand are written: a cell someone has edited since is left alone.
 */
export function fixCommand(
  chosen: readonly Finding[],
  asOf: number,
  /** The rule's label, when fixing every finding of a group. */
  groupLabel?: string,
): PaneCommand<{ cells: number }> {
  const single = chosen.length === 1 ? chosen[0]! : null;
  return {
    query: validateQuery,
    plan: (snapshot) => {
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
      const description = single?.fix
        ? `${single.fix.label} (${cellName(single)})`
        : `Fix ${count(writes.length, "cell")}${groupLabel ? ` under ${quoted(groupLabel)}` : ""}`;
      return setCells(snapshot, writes, description);
    },
    describe: ({ cells }) =>
      single?.fix
        ? `Fixed ${cellName(single)}: it now holds ${valueText(single.fix.value)}.`
        : `Fixed ${count(cells, "cell")}${leftAlone(chosen.length - cells)}.`,
    failure: single ? `Could not fix ${cellName(single)}` : "Could not apply the fixes",
  };
}

/** "; 1 other had changed since the check and was left alone", or nothing when none had. */
function leftAlone(n: number): string {
  if (n === 0) return "";
  return n === 1
    ? "; 1 other had changed since the check and was left alone"
    : `; ${n} others had changed since the check and were left alone`;
}

/** Writes a RAG the dates suggest, once the user asks; refused if the cell has changed since the check. */
export function suggestionCommand(suggestion: RagSuggestion, asOf: number): PaneCommand<{ cells: number }> {
  const where = cellName(suggestion);
  return {
    query: validateQuery,
    plan: (snapshot) => {
      const still = validateWorkbook(snapshot, { asOf }).report.suggestions.some(
        (s) => s.sheet === suggestion.sheet && s.cell === suggestion.cell && s.suggested === suggestion.suggested,
      );
      if (!still) throw changedSince([where]);
      return setCells(
        snapshot,
        [{ sheet: suggestion.sheet, cell: suggestion.cell, value: suggestion.suggested }],
        `Set ${where} to ${suggestion.suggested}`,
      );
    },
    describe: () => `Set ${where} to ${suggestion.suggested}.`,
    failure: `Could not set ${where} to ${suggestion.suggested}`,
  };
}

/** Writes the checks into the workbook: a Checks column of formulas and conditional formats per plan. */
export function writeChecksCommand(asOf: number): PaneCommand<ValidateReport> {
  return {
    query: validateQuery,
    plan: (snapshot) => validateWorkbook(snapshot, { asOf, write: true }),
    describe: (report) => {
      const sheets = [...new Set(report.plans.map((plan) => quoted(plan.sheet)))];
      return `Wrote the checks into ${listInWords(sheets)}: the Checks column says what needs attention on each row, and keeps saying it without the add-in.`;
    },
    failure: "Could not write the checks into the workbook",
  };
}

/** Sets a RAG status on the selected cells, which must all be in a plan's RAG column. */
export function setRagCommand(
  selection: { sheet: string; range: string },
  status: string,
): PaneCommand<{ cells: number }> {
  return {
    query: setCellsQuery([selection.sheet]),
    plan: (snapshot) => setRag(snapshot, selection, status),
    describe: ({ cells }) => `Set ${selection.sheet}!${selection.range} to ${status} (${count(cells, "cell")}).`,
    failure: "Could not set the RAG",
  };
}

import { applyChosenFixes, applySuggestion, chosenFixesQuery } from "../../commands/chosenFixes";
import { setCellsQuery, setRag } from "../../commands/setCells";
import {
  validateQuery,
  validateWorkbook,
  type Finding,
  type RagSuggestion,
  type ValidateReport,
} from "../../commands/validateWorkbook";
import type { PaneCommand } from "../useWorkbookSession";
import { cellName, count, listInWords, quoted, valueText } from "../wording";

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
    query: chosenFixesQuery,
    plan: (snapshot) =>
      applyChosenFixes(snapshot, chosen, asOf, (cells) =>
        single?.fix
          ? `${single.fix.label} (${cellName(single)})`
          : `Fix ${count(cells, "cell")}${groupLabel ? ` under ${quoted(groupLabel)}` : ""}`,
      ),
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
    query: chosenFixesQuery,
    plan: (snapshot) => applySuggestion(snapshot, suggestion, asOf),
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

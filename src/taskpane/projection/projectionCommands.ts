import { projectQuery, projectWorkbook, type ProjectOptions } from "../../commands/projectWorkbook";
import type { Projection } from "../../domain/projection/project";
import type { RagStatus } from "../../domain/rag";
import { readMetadata, workbookVocabulary } from "../../sheets/metadata";
import { fieldColumn } from "../../sheets/tableColumns";
import { cellAddress } from "../../workbook/address";
import type { WorkbookSnapshot } from "../../workbook/types";
import type { PaneCommand } from "../useWorkbookSession";
import { quoted } from "../wording";

export { projectQuery };

/** A projection as the pane shows it: with the workbook's RAG colours and the ref beside each position. */
export interface ProjectionView {
  projection: Projection;
  vocabulary: readonly RagStatus[];
  /** The criterion's ref for each position cell a reason names: "Self-evaluation!D13" → "HP-04". */
  refs: Record<string, string>;
}

/** Projects the judgements (nothing written) and gathers what the pane shows with them. */
export function projectView(
  snapshot: WorkbookSnapshot,
  options: Omit<ProjectOptions, "write">,
): { report: ProjectionView } {
  const { report } = projectWorkbook(snapshot, { ...options, write: false });
  return {
    report: { projection: report, vocabulary: workbookVocabulary(readMetadata(snapshot)), refs: refs(snapshot) },
  };
}

/** Each self-evaluation row's position cell and its ref, read the way the projection reads them. */
function refs(snapshot: WorkbookSnapshot): Record<string, string> {
  const record = readMetadata(snapshot)?.plans.find((p) => p.kind === "self-evaluation");
  const table = record && snapshot.tables.find((t) => t.name === record.table);
  if (!record || !table) return {};
  const refCol = fieldColumn(table, record, "ref");
  const positionCol = fieldColumn(table, record, "rag");
  if (refCol === undefined || positionCol === undefined) return {};
  const values = snapshot.sheets.find((s) => s.name === table.sheet)?.values ?? [];
  const found: Record<string, string> = {};
  for (let r = table.range.top + 1; r <= table.range.bottom; r++) {
    const ref = values[r]?.[refCol];
    if (typeof ref === "string" && ref.trim()) found[`${table.sheet}!${cellAddress(r, positionCol)}`] = ref.trim();
  }
  return found;
}

/** The Summary sheet of live formulas (and, in Excel, its chart), written or rewritten as one change. */
export function writeSummaryCommand(
  options: Omit<ProjectOptions, "write">,
): PaneCommand<{ projection: Projection; sheet: string }> {
  return {
    query: projectQuery,
    plan: (snapshot) => {
      const { patch, report } = projectWorkbook(snapshot, { ...options, write: true });
      const sheet = patch.ops.find((op) => op.op === "addSheet" || op.op === "writeValues")?.sheet ?? "Summary";
      return { patch, report: { projection: report, sheet } };
    },
    describe: ({ sheet }) =>
      `Wrote the projected judgements to ${quoted(sheet)}: its formulas work them out again whenever a position changes.`,
    failure: "Could not write the Summary sheet",
  };
}

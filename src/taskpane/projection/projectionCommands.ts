import { projectQuery, projectWorkbook, type ProjectOptions } from "../../commands/projectWorkbook";
import type { Projection } from "../../domain/projection/project";
import type { RagStatus } from "../../domain/rag";
import { readPlans } from "../../sheets/planTables";
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
  return { report: { projection: report, vocabulary: readPlans(snapshot).vocabulary, refs: refs(snapshot) } };
}

/** Each self-evaluation row's position cell and its ref, read the way the projection reads them. */
function refs(snapshot: WorkbookSnapshot): Record<string, string> {
  const plan = readPlans(snapshot).first("self-evaluation");
  if (!plan || plan.column("ref") === undefined || plan.column("rag") === undefined) return {};
  const found: Record<string, string> = {};
  for (let r = plan.firstRow; r <= plan.lastRow; r++) {
    const ref = plan.value(r, "ref");
    if (typeof ref === "string" && ref.trim()) found[plan.where(r, "rag")] = ref.trim();
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

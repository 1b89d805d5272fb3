import type { RagStatus } from "../domain/rag";
import { readPlans, type WorkbookPlans } from "../sheets/planTables";
import type { WorkbookSnapshot } from "../workbook/types";
import { projectQuery, projectWorkbook, type ProjectOptions, type ProjectReport } from "./projectWorkbook";

export { projectQuery };

/** A projection as the pane shows it: with the workbook's RAG colours and the ref beside each position. */
export interface ProjectionView {
  projection: ProjectReport;
  vocabulary: readonly RagStatus[];
  /** The criterion's ref for each position cell a reason names: "Self-evaluation!D13" → "HP-04". */
  refs: Record<string, string>;
}

/** Projects the judgements (nothing written) and gathers what the pane shows with them. */
export function projectView(
  snapshot: WorkbookSnapshot,
  options: Omit<ProjectOptions, "write">,
  plans: WorkbookPlans = readPlans(snapshot),
): { report: ProjectionView } {
  const { report } = projectWorkbook(snapshot, { ...options, write: false }, plans);
  return { report: { projection: report, vocabulary: plans.vocabulary, refs: positionRefs(plans) } };
}

/** Each self-evaluation row's position cell and its ref, read the way the projection reads them. */
function positionRefs(plans: WorkbookPlans): Record<string, string> {
  const plan = plans.first("self-evaluation");
  if (!plan || plan.column("ref") === undefined || plan.column("rag") === undefined) return {};
  const found: Record<string, string> = {};
  for (let r = plan.firstRow; r <= plan.lastRow; r++) {
    const ref = plan.value(r, "ref");
    if (typeof ref === "string" && ref.trim()) found[plan.where(r, "rag")] = ref.trim();
  }
  return found;
}

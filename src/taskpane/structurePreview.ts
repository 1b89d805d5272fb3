import type { PlanKind } from "../commands/createWorkbook";
import type { StructureReport } from "../commands/structureSheet";
import type { PlanField } from "../sheets/headerMatching";
import { FIELD_LABELS } from "./wording";

/** What the pane shows before structuring: the command's report, which names any column it would add. */
export type StructurePreviewReport = StructureReport;

/** The label of a field for a kind of sheet, in the words of that sheet's own headers. */
export function fieldLabel(kind: PlanKind, field: PlanField): string {
  if (kind === "evidence" && field === "lead") return "Owner";
  if (kind === "evidence" && field === "due") return "Date";
  if (kind === "self-evaluation" && field === "rag") return "Position (RAG)";
  if (kind === "self-evaluation" && field === "updated") return "Last reviewed";
  return FIELD_LABELS[field];
}

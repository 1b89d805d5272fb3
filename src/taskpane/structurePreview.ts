import type { PlanKind } from "../commands/createWorkbook";
import type { StructureReport } from "../commands/structureSheet";
import type { PlanField } from "../sheets/headerMatching";
import { parseRange } from "../workbook/address";
import type { WorkbookSnapshot } from "../workbook/types";
import { FIELD_LABELS } from "./wording";

/** What the pane shows before structuring: the command's report, and the column it would add, if any. */
export interface StructurePreviewReport extends StructureReport {
  /**
   * The 0-based column of the Area column structuring adds for section headings, which is not on the
   * sheet yet: it can only hold the area, so the other fields' lists leave it out.
   */
  addedColumn: number | null;
}

/**
 * The column the command would add for section headings: the last column of the table when the area is
 * mapped to it and every cell of it, header included, is blank on the sheet as it stands. (A column the
 * sheet already has cannot be blank from top to bottom and still be the table's last.)
 */
export function addedColumn(snapshot: WorkbookSnapshot, report: StructureReport): number | null {
  const last = report.headers[report.headers.length - 1];
  if (!last || report.sections.length === 0 || report.columns.area !== last.column) return null;
  const values = snapshot.sheets.find((s) => s.name === report.sheet)?.values ?? [];
  const { bottom } = parseRange(report.range);
  for (let r = report.headerRow - 1; r <= bottom; r++) {
    const value = values[r]?.[last.col];
    if (value !== null && value !== undefined && String(value).trim() !== "") return null;
  }
  return last.col;
}

/** The label of a field for a kind of sheet, in the words of that sheet's own headers. */
export function fieldLabel(kind: PlanKind, field: PlanField): string {
  if (kind === "evidence" && field === "lead") return "Owner";
  if (kind === "evidence" && field === "due") return "Date";
  if (kind === "self-evaluation" && field === "rag") return "Position (RAG)";
  if (kind === "self-evaluation" && field === "updated") return "Last reviewed";
  return FIELD_LABELS[field];
}

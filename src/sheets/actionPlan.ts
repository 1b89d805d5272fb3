import type { Framework } from "../domain/framework";
import type { CellInput } from "../workbook/types";
import { criterionRows } from "./selfEvaluation";
import type { TableSheetSpec } from "./sheetSpec";

/** The action plan: one row per criterion to start with; managers add actions, leads, dates and RAG. */
export const actionPlanSpec: TableSheetSpec = {
  kind: "action-plan",
  sheetName: "Action plan",
  tableName: "ActionPlan",
  tableStyle: "TableStyleMedium2",
  columns: [
    { field: "ref", header: "Ref", owner: "framework", kind: "criterionRef", width: 8 },
    { field: "judgement", header: "Judgement", owner: "framework", kind: "longText", width: 22 },
    { field: "criterion", header: "Criterion", owner: "framework", kind: "longText", width: 44 },
    { field: "action", header: "Action", owner: "user", kind: "longText", width: 32 },
    { field: "lead", header: "Lead", owner: "user", kind: "text", width: 14 },
    { field: "due", header: "Due date", owner: "user", kind: "date", width: 12 },
    { field: "rag", header: "RAG", owner: "user", kind: "rag", width: 9 },
    { field: "progress", header: "Progress update", owner: "user", kind: "longText", width: 32 },
    { field: "evidence", header: "Evidence", owner: "user", kind: "longText", width: 24 },
    { field: "updated", header: "Last updated", owner: "user", kind: "date", width: 12 },
  ],
};

/** The framework's criteria as the plan's first rows: framework-owned cells filled, user-owned ones blank. */
export function actionPlanRows(framework: Framework): CellInput[][] {
  return criterionRows(actionPlanSpec, framework);
}

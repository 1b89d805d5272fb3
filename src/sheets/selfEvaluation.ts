import type { Framework } from "../domain/framework";
import type { CellInput } from "../workbook/types";
import type { TableSheetSpec } from "./sheetSpec";

/** The self-evaluation: where the council stands against each criterion, and how it knows. */
export const selfEvaluationSpec: TableSheetSpec = {
  kind: "self-evaluation",
  sheetName: "Self-evaluation",
  tableName: "SelfEvaluation",
  tableStyle: "TableStyleMedium2",
  columns: [
    { field: "ref", header: "Ref", owner: "framework", kind: "text", width: 8 },
    { field: "judgement", header: "Judgement", owner: "framework", kind: "longText", width: 24 },
    { field: "criterion", header: "Criterion", owner: "framework", kind: "longText", width: 50 },
    { field: "rag", header: "Position", owner: "user", kind: "rag", width: 10 },
    { field: "evidence", header: "Evidence summary", owner: "user", kind: "longText", width: 44 },
    { field: "lead", header: "Lead", owner: "user", kind: "text", width: 16 },
    { field: "updated", header: "Last reviewed", owner: "user", kind: "date", width: 12 },
  ],
};

/** One row a criterion, in the framework's order: the framework's cells filled, the council's blank. */
export function criterionRows(spec: TableSheetSpec, framework: Framework): CellInput[][] {
  const rows: CellInput[][] = [];
  for (const judgement of framework.judgements) {
    for (const criterion of judgement.criteria) {
      const byField: Record<string, CellInput> = {
        ref: criterion.ref,
        judgement: judgement.name,
        criterion: criterion.text,
      };
      rows.push(spec.columns.map((column) => byField[column.field] ?? null));
    }
  }
  return rows;
}

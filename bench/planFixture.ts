/** A large plan for the benches: a framework of `rows` criteria, and a manager's entries on every row. */
import type { Framework } from "../src/domain/framework";
import { parseFramework } from "../src/domain/frameworkSchema";
import { getFramework } from "../src/domain/frameworks";
import type { CellInput, PatchOp } from "../src/workbook/types";

export function bigFramework(rows: number): Framework {
  const base = getFramework("improvement-programme");
  const criteria = Array.from({ length: rows }, (_, i) => ({
    ref: `C-${String(i + 1).padStart(5, "0")}`,
    text: `Criterion ${i + 1}: a measurable commitment of the improvement programme`,
    sources: ["seed-003"],
    confidence: "confirmed" as const,
  }));
  return parseFramework({ ...base, judgements: [{ ...base.judgements[1]!, criteria }] }, "bench framework");
}

/** A manager's entries on every row, some good and some not, deterministic. */
export function entries(table: { top: number }, rows: number, today: number): PatchOp {
  const rags = ["Green", "Amber", "Red", "Blue", "g", ""];
  const values: CellInput[][] = Array.from({ length: rows }, (_, i) => [
    `Action ${i + 1}`,
    i % 7 === 0 ? null : "Head of Service",
    today + ((i * 13) % 120) - 60,
    rags[i % rags.length]!,
    i % 3 === 0 ? null : "Update",
    i % 4 === 0 ? null : "Evidence",
    today - (i % 45),
  ]);
  // Columns D..J of the action plan: Action, Lead, Due date, RAG, Progress update, Evidence, Last updated.
  return { op: "writeValues", sheet: "Action plan", row: table.top + 1, col: 3, values };
}

import { projectQuery, projectWorkbook, type ProjectOptions } from "../../commands/projectWorkbook";
import type { Projection } from "../../domain/projection/project";
import type { PaneCommand } from "../useWorkbookSession";
import { quoted } from "../wording";

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

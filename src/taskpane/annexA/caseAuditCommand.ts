import { auditFramework, caseAudit, caseAuditQuery, type CaseAuditReport } from "../../commands/caseAudit";
import type { Framework } from "../../domain/framework";
import { findFramework } from "../../domain/frameworks";
import type { PaneCommand } from "../useWorkbookSession";
import { count, listInWords } from "../wording";

/**
 * Cases chosen from the Annex A lists for the authority's own audit, with the Case audit and QA
 * compliance sheets, through the one hook (so Undo removes them).
 */
export function caseAuditCommand(
  cases: number,
  due: number | null,
  asOf: number,
  loaded: readonly Framework[],
): PaneCommand<CaseAuditReport> {
  const resolve = (id: string) => loaded.find((f) => f.id === id) ?? findFramework(id);
  return {
    query: caseAuditQuery,
    plan: (snapshot) =>
      caseAudit(snapshot, { framework: auditFramework(snapshot, resolve), cases, due, asOf, now: new Date() }),
    describe: (report) => {
      const byList = new Map<number, number>();
      for (const c of report.cases) byList.set(c.list, (byList.get(c.list) ?? 0) + 1);
      const spread = listInWords([...byList].map(([list, n]) => `${n} from List ${list}`));
      return `Chose ${count(report.cases.length, "case")} (${spread}) on “${report.sheets[0]!.sheet}”, with “${report.sheets[1]!.sheet}” to follow each manager's audits. Drawn with seed ${report.seed}, recorded on the Sample sheet so the same sample can be drawn again.`;
    },
    failure: "Could not choose cases for audit",
  };
}

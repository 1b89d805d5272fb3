import { caseAudit, caseAuditQuery, type CaseAuditReport } from "../../commands/caseAudit";
import type { Framework } from "../../domain/framework";
import { findFramework, getFramework } from "../../domain/frameworks";
import { readMetadata } from "../../sheets/metadata";
import type { PaneCommand } from "../useWorkbookSession";
import { count, listInWords } from "../wording";

/** The framework of the workbook's plans, whose grade scale the audit uses; ILACS when it has none. */
function workbookFramework(snapshot: Parameters<typeof readMetadata>[0], loaded: readonly Framework[]): Framework {
  const id = readMetadata(snapshot)?.plans.find((p) => p.frameworkId)?.frameworkId;
  return (id && (loaded.find((f) => f.id === id) ?? findFramework(id))) || getFramework("ofsted-ilacs-2024");
}

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
  return {
    query: caseAuditQuery,
    plan: (snapshot) =>
      caseAudit(snapshot, { framework: workbookFramework(snapshot, loaded), cases, due, asOf, now: new Date() }),
    describe: (report) => {
      const byList = new Map<number, number>();
      for (const c of report.cases) byList.set(c.list, (byList.get(c.list) ?? 0) + 1);
      const spread = listInWords([...byList].map(([list, n]) => `${n} from List ${list}`));
      return `Chose ${count(report.cases.length, "case")} (${spread}) on “${report.sheets[0]!.sheet}”, with “${report.sheets[1]!.sheet}” to follow each manager's audits.`;
    },
    failure: "Could not choose cases for audit",
  };
}

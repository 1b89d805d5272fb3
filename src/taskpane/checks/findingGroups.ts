import type { Finding, ValidateReport } from "../../commands/validateWorkbook";
import { RULES, type Severity } from "../../domain/validation/rules";
import { cellName, count, listInWords } from "../wording";

/** What the pane needs of a finding to list it: the plans' checks and the Annex A lists' both fit. */
export interface ListedFinding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
  fix?: { label: string };
}

/** The findings of one rule, as the pane lists them under the rule's label. */
export interface FindingGroup<F extends ListedFinding = Finding> {
  rule: string;
  label: string;
  severity: Severity;
  findings: F[];
  /** The findings that carry a fix the user can apply. */
  fixable: F[];
}

/** The rules a list of findings comes from, in the order their groups are listed within a severity. */
export type RuleCatalogue = readonly { id: string; label: string }[];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** How each severity reads in the pane. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  error: "Error",
  warning: "Warning",
  info: "For information",
};

/**
 * The findings grouped by rule: errors first, then warnings, then those for information, and within a
 * severity in the catalogue's order (for the plans, the order the workbook's Checks column lists them).
 * Each group keeps the report's order, which is the rows' order.
 */
export function groupFindings<F extends ListedFinding>(
  findings: readonly F[],
  catalogue: RuleCatalogue = RULES,
): FindingGroup<F>[] {
  const groups = new Map<string, FindingGroup<F>>();
  for (const finding of findings) {
    let group = groups.get(finding.rule);
    if (!group) {
      const rule = catalogue.find((r) => r.id === finding.rule);
      group = {
        rule: finding.rule,
        label: rule?.label ?? finding.rule,
        severity: finding.severity,
        findings: [],
        fixable: [],
      };
      groups.set(finding.rule, group);
    }
    group.findings.push(finding);
    if (finding.fix) group.fixable.push(finding);
  }
  const order = (id: string) => {
    const index = catalogue.findIndex((r) => r.id === id);
    return index < 0 ? catalogue.length : index;
  };
  return [...groups.values()].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || order(a.rule) - order(b.rule),
  );
}

/**
 * A finding's message without the cell it starts with, which the pane shows beside it already:
 * `Action plan!E2: the action has no lead` → "The action has no lead".
 */
export function findingText(finding: ListedFinding): string {
  const prefix = cellName(finding);
  if (!finding.message.startsWith(prefix)) return finding.message;
  const rest = finding.message.slice(prefix.length).replace(/^:?\s+/, "");
  return rest ? sentenceCase(rest) : finding.message;
}

/** The first letter in upper case: a reason or message standing on its own line. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The check's result in one sentence, for the summary a screen reader announces:
 * "Checked 1 plan (40 rows): 2 errors, 3 warnings and 1 for information."
 */
export function summarySentence(report: ValidateReport): string {
  const rows = report.plans.reduce((n, plan) => n + plan.rows, 0);
  const checked = `Checked ${count(report.plans.length, "plan")} (${count(rows, "row")})`;
  const { errors, warnings, info } = report.summary;
  if (errors + warnings + info === 0) return `${checked}: nothing needs attention.`;
  return `${checked}: ${listInWords([count(errors, "error"), count(warnings, "warning"), `${info} for information`])}.`;
}

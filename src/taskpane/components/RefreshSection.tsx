import { Button, Spinner, Text } from "@fluentui/react-components";
import { useId } from "react";
import {
  refreshNotes,
  refreshQuery,
  refreshWorkbook,
  type RefreshReport,
  type RefreshedPlan,
} from "../../commands/refreshWorkbook";
import { latestSuccessor } from "../../domain/frameworks";
import type { Framework } from "../../domain/framework";
import type { SessionStatus, WorkbookSession } from "../useWorkbookSession";
import { count, listInWords, quoted } from "../wording";
import { StatusMessage } from "./StatusMessage";
import { usePaneStyles } from "./paneStyles";

export interface RefreshSectionProps {
  session: WorkbookSession;
  /** The frameworks the pane knows: built in, and loaded this session. */
  frameworks: Framework[];
  /** The framework the workbook's plans follow, as the pane last read it. */
  planFramework: string | null;
  claimStatus: () => void;
  status: SessionStatus | null;
  working: boolean;
}

/** Brings every plan in the workbook up to the current version of its framework, keeping the council's cells. */
export function RefreshSection({
  session,
  frameworks,
  planFramework,
  claimStatus,
  status,
  working,
}: RefreshSectionProps) {
  const pane = usePaneStyles();
  const ids = { detail: useId(), move: useId() };
  const resolve = (id: string) => frameworks.find((f) => f.id === id);
  const current = planFramework ? resolve(planFramework) : undefined;
  const successor = current && latestSuccessor(current, resolve);

  /** Refreshes every plan to its own framework's current version, or moves them all to `to`. */
  const refresh = (to?: Framework) => {
    claimStatus();
    return session.run({
      query: refreshQuery,
      plan: (snapshot) => refreshWorkbook(snapshot, { resolve, now: new Date(), ...(to ? { framework: to } : {}) }),
      describe: summary,
      details: (report) => [
        ...report.plans.map((plan) => planLine(plan, frameworks)),
        ...report.skipped.map((s) => `${quoted(s.sheet)} was skipped: ${s.reason}.`),
        ...report.unchanged.map((u) => `${quoted(u.sheet)} was left as it is: ${u.reason}.`),
      ],
      failure: "Could not refresh the plans",
    });
  };

  return (
    <>
      <Text id={ids.detail} className={pane.detail}>
        When a framework changes, refreshing rewords its criteria, adds new ones as rows and keeps retired ones.
        Actions, leads, dates, RAG ratings, progress and notes are never changed.
      </Text>
      <div className={pane.actions}>
        <Button onClick={() => refresh()} disabledFocusable={session.busy} aria-describedby={ids.detail}>
          Refresh to the current framework
        </Button>
        {working && <Spinner size="tiny" label="Working…" labelPosition="after" />}
      </div>
      {current && successor && successor.id !== current.id && (
        <>
          <Text id={ids.move} className={pane.detail} data-testid="successor-note">
            The plans follow {current.name}, which {successor.name} has replaced. Moving them rewords the criteria, adds
            the new ones and keeps every row and every cell you own; rows of judgements it no longer has are kept and
            listed.
          </Text>
          <div className={pane.actions}>
            <Button onClick={() => refresh(successor)} disabledFocusable={session.busy} aria-describedby={ids.move}>
              Move the plans to {successor.name}
            </Button>
          </div>
        </>
      )}
      <StatusMessage status={status} onDismiss={session.clearStatus} testId="status-refresh" />
    </>
  );
}

function changes(plan: RefreshedPlan): number {
  return plan.updatedCells.length + plan.added.length + plan.retired.length;
}

function summary(report: RefreshReport): string {
  const changed = report.plans.filter((p) => changes(p) > 0).length;
  const skipped =
    report.skipped.length > 0 ? ` ${count(report.skipped.length, "plan was", "plans were")} skipped.` : "";
  if (report.plans.length === 0) return `No plan could be refreshed.${skipped}`;
  if (changed === 0) return `Nothing to change: every plan already matches its framework.${skipped}`;
  return `Refreshed ${count(changed, "plan")} to the current framework.${skipped}`;
}

function planLine(plan: RefreshedPlan, frameworks: Framework[]): string {
  const name = frameworks.find((f) => f.id === plan.framework.id)?.name ?? plan.framework.id;
  const version =
    plan.framework.from && plan.framework.from !== plan.framework.to
      ? `, from version ${plan.framework.from} to ${plan.framework.to}`
      : "";
  const parts: string[] = [];
  if (plan.updatedCells.length > 0) parts.push(`${count(plan.updatedCells.length, "cell")} reworded`);
  if (plan.added.length > 0) {
    parts.push(`${count(plan.added.length, "criterion", "criteria")} added (${listInWords(plan.added)})`);
  }
  if (plan.retired.length > 0) {
    parts.push(
      `${count(plan.retired.length, "retired ref")} kept as ${plan.retired.length === 1 ? "it is" : "they are"} (${listInWords(plan.retired)})`,
    );
  }
  const notes = refreshNotes(plan, name).map((note) => ` ${note}.`);
  return `${quoted(plan.sheet)} (${name}${version}): ${parts.length === 0 ? "nothing to change" : listInWords(parts)}.${notes.join("")}`;
}

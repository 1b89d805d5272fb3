import type { Framework } from "../domain/framework";
import { readPlans, type WorkbookPlans } from "../sheets/planTables";
import type { SnapshotQuery, WorkbookSnapshot } from "../workbook/types";
import { checkAnnexAListsOrSheets, type AnnexAReport } from "./checkAnnexA";

export interface AnnexARequest {
  asOf: number | null;
  /** Today, where the user is: the as-of date is never taken from a list's date after it. */
  today?: number;
  /** Sheet name → list number, as the user chose in the pane. */
  lists?: readonly (readonly [string, number])[];
}
import { projectView, type ProjectionView } from "./projectionView";
import { validateWorkbook, type ValidateReport } from "./validateWorkbook";
import { factsOf, factsQuery, NO_FACTS, type WorkbookFacts } from "./workbookFacts";

/**
 * Everything the pane shows about a workbook, worked out from ONE snapshot: after a change the pane reads
 * the workbook once (in Excel on the web each read is a round trip over every sheet it names) and every
 * section takes its part from here. A part that cannot be made (no plans yet, no lists) carries why,
 * without stopping the others.
 */

/** Which parts the pane wants: the ones the user has asked for once stay wanted after each change. */
export interface PaneStateRequest {
  /** The plans' check, as of a day (today, where the user is). */
  checks?: { asOf: number };
  /** The projected judgements, towards a target grade (the framework's own when absent). */
  projection?: { target?: string };
  /** The Annex A lists' check, as of a day (null: the latest date in the lists), with the sheets the user said hold which list. */
  annexA?: AnnexARequest;
  /** Frameworks by id: the built-in ones and any the user has loaded. */
  resolve: (id: string) => Framework | undefined;
}

/** A part of the state: what it reports, or why it could not be made. */
export type Part<Report> = { ok: true; report: Report } | { ok: false; error: string };

export interface PaneState {
  facts: WorkbookFacts;
  checks?: Part<ValidateReport>;
  projection?: Part<ProjectionView>;
  annexA?: Part<AnnexAReport>;
}

/** The facts need the add-in's records alone; any other part needs every sheet. */
export function paneStateQuery(request: PaneStateRequest): SnapshotQuery {
  return request.checks || request.projection || request.annexA ? { sheets: "all" } : factsQuery;
}

export function paneState(snapshot: WorkbookSnapshot, request: PaneStateRequest): { report: PaneState } {
  const plans = part(() => readPlans(snapshot));
  const state: PaneState = { facts: plans.ok ? factsOf(plans.report, request.resolve) : NO_FACTS };
  const withPlans = <R>(work: (plans: WorkbookPlans) => R): Part<R> =>
    plans.ok ? part(() => work(plans.report)) : plans;
  if (request.checks) {
    const { asOf } = request.checks;
    state.checks = withPlans((read) => validateWorkbook(snapshot, { asOf }, read).report);
  }
  if (request.projection) {
    const { target } = request.projection;
    state.projection = withPlans(
      (read) => projectView(snapshot, { resolve: request.resolve, ...(target ? { target } : {}) }, read).report,
    );
  }
  if (request.annexA) {
    const { asOf, today, lists } = request.annexA;
    state.annexA = part(
      () =>
        checkAnnexAListsOrSheets(snapshot, { asOf, ...(today !== undefined ? { today } : {}), lists: new Map(lists) })
          .report,
    );
  }
  return { report: state };
}

function part<R>(work: () => R): Part<R> {
  try {
    return { ok: true, report: work() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

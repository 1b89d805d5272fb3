import { paneState, paneStateQuery, type PaneStateRequest } from "../../commands/paneState";
import type { SnapshotQuery, WorkbookSnapshot } from "../../workbook/types";
import { planAnnexInPlace } from "../annexA/annexACommands";
import type { PaneStateJobRequest, PlanJob, PlannedJob } from "./planJobs";

/** What a job reads and how it plans: run where the workbook's twin is, in the preview's worker. */
export function jobQuery(job: PlanJob): SnapshotQuery {
  switch (job.kind) {
    case "paneState":
      return paneStateQuery(withResolve(job.request));
    case "annexInPlace":
      return { sheets: "all" };
  }
}

export function planJob(snapshot: WorkbookSnapshot, job: PlanJob): PlannedJob {
  switch (job.kind) {
    case "paneState":
      return { patch: null, report: paneState(snapshot, withResolve(job.request)).report };
    case "annexInPlace": {
      const { patch, report } = planAnnexInPlace(snapshot, job.request, job.fix);
      return { patch, report };
    }
  }
}

function withResolve({ frameworks, ...request }: PaneStateJobRequest): PaneStateRequest {
  return { ...request, resolve: (id) => frameworks.find((f) => f.id === id) };
}

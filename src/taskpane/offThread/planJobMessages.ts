import type { FromTwin } from "../preview/twinMessages";
import type { PlanJob } from "./planJobs";
import type { SnapshotPart } from "./snapshotParts";

/**
 * What the pane inside Excel and its planning worker (planJob.worker.ts) say to each other. The workbook
 * lives in Excel, so the worker holds no copy of it: each job sends the snapshot it read, in parts, then
 * the job. The worker answers as the preview's twin does.
 */
export type ToJobPlanner = SnapshotPart | { type: "plan"; id: number; job: PlanJob };

export type FromJobPlanner = Exclude<FromTwin, { type: "outOfStep" }>;

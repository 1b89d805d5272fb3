/// <reference lib="webworker" />
/**
 * The pane's planning worker inside Excel: the Annex A checks and the pane's state on a large workbook
 * are planned here, off the pane's thread, from the snapshot the pane read (see jobPlanner.ts).
 */
import type { FromJobPlanner, ToJobPlanner } from "./planJobMessages";
import { JobPlanner } from "./jobPlanner";

const planner = new JobPlanner((message: FromJobPlanner) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message),
);

self.onmessage = (event: MessageEvent<ToJobPlanner>) => planner.handle(event.data);

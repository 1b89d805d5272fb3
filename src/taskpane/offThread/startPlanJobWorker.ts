/**
 * Starts the planning worker. Alone in its module, loaded only when a large workbook is first planned:
 * webpack bundles the worker from `new URL(…, import.meta.url)`, which the CommonJS type check and Jest do
 * not know.
 */
export function startPlanJobWorker(): Worker {
  // @ts-expect-error TS1343: tsconfig.json checks as CommonJS; webpack compiles this module as an ES module.
  return new Worker(new URL("./planJob.worker.ts", import.meta.url), { name: "plan-job" });
}

/**
 * Starts the worker that reads an .xlsx. Alone in its module, loaded only when a file is opened: webpack
 * bundles the worker from `new URL(…, import.meta.url)`, which the CommonJS type check and Jest do not know.
 */
export function startOpenXlsxWorker(): Worker {
  // @ts-expect-error TS1343: tsconfig.json checks as CommonJS; webpack compiles this module as an ES module.
  return new Worker(new URL("./openXlsx.worker.ts", import.meta.url), { name: "open-xlsx" });
}

import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/**
 * The built pane served on 127.0.0.1 and Debian's Chromium driven headless through playwright-core (never
 * a downloaded browser), every request and page error recorded: what the browser tests (previewBrowser.ts)
 * and the benches that time the pane share. Nothing here needs jest.
 */
/**
 * The project's folder, found from here upwards: this file runs from test/support under jest and from
 * build/bench/test/support when the benches (which share it) are compiled.
 */
const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "scripts", "start.js")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export const { serveStatic } = require(path.join(ROOT, "scripts", "start.js")) as {
  serveStatic: (
    root: string,
    options?: { host?: string; port?: number },
  ) => Promise<{ server: http.Server; url: string }>;
};

export const DIST = path.join(ROOT, "dist");

const CHROMIUM = "/usr/bin/chromium";
// Without the background-networking switches Chromium reaches for Google's hosts at start.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function startPreviewServer(): Promise<{ server: http.Server; baseUrl: string }> {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error("dist/taskpane.html is missing: run `npm run build` before `npm run test:browser`");
  }
  const { server, url } = await serveStatic(DIST, { host: "127.0.0.1", port: 0 });
  return { server, baseUrl: url };
}

export async function launchChromium(
  profileDir: string,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page; requests: string[]; pageErrors: string[] }> {
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport,
    locale: "en-GB",
  });
  context.on("request", (request) => requests.push(request.url()));
  context.on("page", recordLog);
  const page = context.pages()[0] ?? (await context.newPage());
  if (!logs.has(page)) recordLog(page);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return { context, page, requests, pageErrors };
}

const logs = new WeakMap<Page, string[]>();
/** The last lines of a page's log are kept: what led up to a failure, not the whole test file's. */
const LOG_LINES = 200;

function recordLog(page: Page): void {
  const log: string[] = [];
  logs.set(page, log);
  const add = (line: string) => {
    log.push(line);
    if (log.length > LOG_LINES) log.shift();
  };
  page.on("console", (message) => add(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => add(`page error: ${error.message}`));
  page.on("requestfailed", (request) => add(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on("worker", (worker) => {
    add(`worker started: ${worker.url()}`);
    worker.on("close", () => add(`worker ended: ${worker.url()}`));
  });
}

/**
 * What the page and its workers wrote to the console, the requests that failed and the workers started
 * and ended, for a failing test to show (a message that never came is often explained there).
 */
export function pageLog(page: Page): string[] {
  return logs.get(page) ?? [];
}

export async function stopPreview(
  context: BrowserContext | undefined,
  server: http.Server | undefined,
  scratch?: string,
): Promise<void> {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}

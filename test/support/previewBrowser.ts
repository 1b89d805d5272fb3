import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/**
 * What every browser test of the built pane needs: the production build served on 127.0.0.1, Debian's
 * Chromium driven headless through playwright-core (never a downloaded browser), every request and page
 * error recorded, and axe-core's verdict.
 */
export const { serveStatic } = require("../../scripts/start.js") as {
  serveStatic: (
    root: string,
    options?: { host?: string; port?: number },
  ) => Promise<{ server: http.Server; url: string }>;
};

export const DIST = path.resolve(__dirname, "../../dist");

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
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return { context, page, requests, pageErrors };
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

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script> tag: office.js's own telemetry frame, which the pane's
  // Content Security Policy blocks, can fire a violation while a tag loads, and Playwright then reports
  // the tag as failed.
  await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

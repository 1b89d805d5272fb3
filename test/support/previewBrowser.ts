import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";

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

/** Waits (up to 10 seconds) until `done` holds. */
export async function until(done: () => Promise<boolean>): Promise<void> {
  const by = Date.now() + 10_000;
  while (!(await done())) {
    if (Date.now() > by) throw new Error(`timed out waiting for ${done.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for a message (a status, an alert) that contains the text. */
export async function expectShown(locator: Locator, text: string): Promise<void> {
  try {
    await locator.filter({ hasText: text }).waitFor({ timeout: 10_000 });
  } catch (error) {
    const shown = await locator.allInnerTexts().catch(() => []);
    throw new Error(`Waited 10 s for “${text}”; shown instead: ${JSON.stringify(shown)}`, { cause: error });
  }
}

/** The steps every browser test takes with the pane, on whatever page the test file has open. */
export function paneSteps(page: () => Page, baseUrl: () => string) {
  return {
    async openPane(): Promise<void> {
      await page().goto(`${baseUrl()}/taskpane.html`);
      await page().locator('main[data-mode="preview"]').waitFor({ timeout: 15_000 });
    },
    /** Opens one of the pane's collapsible sections, by its heading. */
    async openSection(title: string): Promise<void> {
      const button = page().getByRole("button", { name: title, exact: true });
      if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
      await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
    },
    /** Clicks a button that opens the file chooser, and chooses the file. */
    async chooseFile(button: string, file: string): Promise<void> {
      const [chooser] = await Promise.all([
        page().waitForEvent("filechooser"),
        page().getByRole("button", { name: button }).click(),
      ]);
      await chooser.setFiles(file);
    },
  };
}

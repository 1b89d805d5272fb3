/**
 * The pane's Content-Security-Policy, in the built page in headless Chromium: connections only to the
 * page's own server, and the preview still works under it — its sections' scripts load, ExcelJS loads
 * for a download — with no violation but the one the policy is there for (office.js's telemetry frame). And
 * the page's own content: the pane's frame in taskpane.html is painted before the pane's script has run,
 * and React's pane replaces it, with the same headings.
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, type Page } from "playwright-core";
import { DIST, launchChromium, paneSteps, startPreviewServer, stopPreview, until } from "../support/previewBrowser";

interface Violation {
  directive: string;
  blocked: string;
}

let server: http.Server;
let baseUrl: string;
let scratch: string;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, baseUrl } = await startPreviewServer());
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-csp-"));
  ({ context, page, pageErrors } = await launchChromium(path.join(scratch, "profile"), { width: 1440, height: 1000 }));
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string; source: string }[] = [];
    (window as unknown as { cspViolations: typeof seen }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile }),
    );
  });
});

afterAll(async () => {
  await stopPreview(context, server, scratch);
});

const { openPane } = paneSteps(
  () => page,
  () => baseUrl,
);
const violations = () => page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);

test("the built page's policy allows connections only to its own server", () => {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const policy = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
  const directives = new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([name, ...values]) => [name, values]),
  );
  expect(directives.get("connect-src")).toEqual(["'self'"]);
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("script-src")).toEqual(["'self'"]);
  expect(directives.get("frame-src")).toEqual(["'self'"]);
});

test("the preview works under the policy, with nothing blocked but office.js's telemetry frame", async () => {
  await openPane();
  // Every section's script has loaded: no "Loading…" left in the pane.
  await until(async () => (await page.getByTestId("pane").getByText("Loading…").count()) === 0);
  await page.getByRole("button", { name: "Check the plans", exact: true }).click();
  await page.getByTestId("checks-section").waitFor({ state: "visible" });
  // A download loads ExcelJS's script and saves through a blob: URL.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download .xlsx" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  // office.js asks for its telemetry frame three seconds after loading; wait for it to be refused.
  await until(async () => (await violations()).some((v) => v.directive === "frame-src"));
  const unexpected = (await violations()).filter(
    (v) => !(v.directive === "frame-src" && new URL(v.blocked).hostname.endsWith(".oaspapps.com")),
  );
  expect(unexpected).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test("the pane's frame is painted before the pane's script runs, and React's pane replaces it", async () => {
  const early = await context.newPage();
  try {
    // The pane's script (taskpane.<hash>.js) is held back until the frame has been checked.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await early.route(/\/taskpane\.[0-9a-f]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await early.goto(`${baseUrl}/taskpane.html`, { waitUntil: "commit" });
    const title = early.getByRole("heading", { level: 1, name: "Inspection Ready" });
    await title.waitFor({ state: "visible" });
    await early.getByText("Build and keep your inspection plans in this workbook.").waitFor({ state: "visible" });
    await early.getByRole("status").filter({ hasText: "Loading…" }).waitFor({ state: "visible" });
    const frameHeadings = await early.locator("h2").allInnerTexts();
    // Painted, with text, while the script is still held: no pane of React's yet.
    await until(async () =>
      (await early.evaluate(() => performance.getEntriesByType("paint").map((entry) => entry.name))).includes(
        "first-contentful-paint",
      ),
    );
    expect(await early.getByTestId("pane").count()).toBe(0);
    const frameTitle = await title.boundingBox();
    const frameFont = await title.evaluate((h1) => getComputedStyle(h1).font);

    release();
    await early.locator('main[data-mode="preview"]').waitFor({ timeout: 15_000 });
    expect(await early.getByTestId("frame-sections").count()).toBe(0);
    expect(await early.getByRole("heading", { level: 1 }).count()).toBe(1);
    // The same headings in the same order, and the title where the frame had it, in the same type.
    expect(await early.getByTestId("pane").locator("h2").allInnerTexts()).toEqual(frameHeadings);
    expect(frameHeadings).toEqual(expect.arrayContaining(["Create a plan", "County roll-up", "Undo"]));
    expect(await title.boundingBox()).toEqual(frameTitle);
    expect(await title.evaluate((h1) => getComputedStyle(h1).font)).toBe(frameFont);
  } finally {
    await early.close();
  }
});

/**
 * A long Annex A list in the built pane, in headless Chromium, in preview mode: a 100,000-row List 1 is
 * opened with "Open .xlsx…". The file is read in a worker, so the page never stops answering for 200 ms or
 * more (the longest 'longtask' PerformanceObserver entry), a progress bar says how far it has got, and the
 * grid draws the list a page of rows at a time. A second opening is cancelled mid-way: the workbook shown
 * stays as it was and the preview says the opening was cancelled.
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, type Page } from "playwright-core";
import { templateWith } from "../fixtures/annexA";
import { launchChromium, paneSteps, startPreviewServer, stopPreview } from "../support/previewBrowser";

const ROWS = 100_000;
/** The longest the page may be kept from answering, in milliseconds. */
const LONGEST_TASK = 200;

let server: http.Server;
let baseUrl: string;
let scratch: string;
let context: BrowserContext;
let page: Page;
let bigFile: string;
let pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, baseUrl } = await startPreviewServer());
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-biglist-"));
  bigFile = path.join(scratch, "Long Annex A.xlsx");
  const contact = new Date(Date.UTC(2025, 0, 15));
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `C${String(i + 1).padStart(6, "0")}`,
    i % 2 === 0 ? "a) Male" : "b) Female",
    "a) WBRI",
    new Date(Date.UTC(2012, 0, 1 + (i % 365))),
    12,
    contact,
    "e) 2A: Schools",
  ]);
  await (await templateWith({ 1: rows })).xlsx.writeFile(bigFile);
  ({ context, page, pageErrors } = await launchChromium(path.join(scratch, "profile"), { width: 1440, height: 1000 }));
  // Every task that holds the main thread for 50 ms or more, from the first script on.
  await context.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
}, 120_000);

afterAll(async () => {
  await stopPreview(context, server, scratch);
});

const { openPane, chooseFile } = paneSteps(
  () => page,
  () => baseUrl,
);

const longestTask = () => page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
const resetLongTasks = () => page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));

test("a 100,000-row list opens with progress shown and the page never held for 200 ms", async () => {
  await openPane();
  await page.waitForTimeout(500);
  await resetLongTasks();
  await chooseFile("Open .xlsx…", bigFile);
  await page.getByTestId("open-progress").waitFor({ timeout: 10_000 });
  await page
    .getByTestId("open-progress")
    .filter({ hasText: /Read [\d,]+ of [\d,]+ rows/ })
    .waitFor({ timeout: 60_000 });
  await page.getByTestId("open-progress").waitFor({ state: "detached", timeout: 60_000 });
  await page.getByRole("tab", { name: "List_1", exact: true }).click();
  // The list's 100,000 rows under the template's two header rows, drawn a page at a time.
  await expect(page.getByTestId("grid-rows-shown").textContent()).resolves.toBe(
    `Rows 1–500 of ${(ROWS + 2).toLocaleString("en-GB")}`,
  );
  await expect(page.locator('[data-testid="sheet-grid"] tbody tr').count()).resolves.toBe(500);
  await expect(page.getByTestId("sheet-grid").getByText("C100000").count()).resolves.toBe(0);
  await page.getByRole("button", { name: "Next 500 rows" }).click();
  await expect(page.getByTestId("grid-rows-shown").textContent()).resolves.toBe(
    `Rows 501–1000 of ${(ROWS + 2).toLocaleString("en-GB")}`,
  );
  await expect(page.getByTestId("sheet-grid").getByText("C000499", { exact: true }).count()).resolves.toBe(1);
  expect(await longestTask()).toBeLessThan(LONGEST_TASK);
  expect(pageErrors).toEqual([]);
}, 90_000);

test("Cancel stops the opening and leaves the workbook shown as it was", async () => {
  await openPane();
  const before = await page.getByRole("tab").allTextContents();
  await chooseFile("Open .xlsx…", bigFile);
  await page.getByTestId("open-progress").waitFor({ timeout: 10_000 });
  await page.getByTestId("open-progress").getByRole("button", { name: "Cancel" }).click();
  await page.getByTestId("open-cancelled").filter({ hasText: "was cancelled" }).waitFor({ timeout: 10_000 });
  await expect(page.getByTestId("open-cancelled").textContent()).resolves.toContain("Long Annex A.xlsx");
  await expect(page.getByRole("tab").allTextContents()).resolves.toEqual(before);
  await expect(page.getByRole("heading", { name: /Workbook preview/ }).textContent()).resolves.toBe("Workbook preview");
  expect(pageErrors).toEqual([]);
}, 60_000);

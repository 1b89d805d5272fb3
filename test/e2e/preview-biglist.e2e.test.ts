/**
 * A long Annex A list in the built pane, in headless Chromium, in preview mode: a 100,000-row List 1 is
 * opened with "Open .xlsx…". The file is read in a worker, a progress bar says how far it has got, and the
 * grid draws the list a page of rows at a time. A second opening is cancelled mid-way: the workbook shown
 * stays as it was and the preview says the opening was cancelled. Then the list is checked and its
 * findings written, on the workbook's twin in that worker, with progress and a Cancel. The page's main
 * thread is watched through the browser's long-task entries: the bench (previewBigList.bench.ts) prints the
 * longest against the 200 ms; here, on a shared machine, it is held to 1 s — the page froze
 * 1 s to check and 4.4 s to write when the work was on the main thread.
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, type Page } from "playwright-core";
import { templateWith } from "../fixtures/annexA";
import {
  expectShown,
  launchChromium,
  paneSteps,
  startPreviewServer,
  stopPreview,
  until,
} from "../support/previewBrowser";

const ROWS = 100_000;

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
    // One child in ten with ethnicity in words, as case-management systems export it: 10,000 findings.
    i % 10 === 0 ? "White British" : "a) WBRI",
    new Date(Date.UTC(2012, 0, 1 + (i % 365))),
    12,
    contact,
    "e) 2A: Schools",
  ]);
  await (await templateWith({ 1: rows })).xlsx.writeFile(bigFile);
  ({ context, page, pageErrors } = await launchChromium(path.join(scratch, "profile"), { width: 1440, height: 1000 }));
}, 120_000);

afterAll(async () => {
  await stopPreview(context, server, scratch);
});

const { openPane, chooseFile, openSection } = paneSteps(
  () => page,
  () => baseUrl,
);

test("a 100,000-row list opens with progress shown, and the grid draws it a page at a time", async () => {
  await openPane();
  await chooseFile("Open .xlsx…", bigFile);
  await page.getByTestId("open-progress").waitFor({ timeout: 10_000 });
  await expectShown(page.getByTestId("open-progress"), /Read [\d,]+ of [\d,]+ rows/, 60_000);
  await page.getByTestId("open-progress").waitFor({ state: "detached", timeout: 60_000 });
  await page.getByRole("tab", { name: "List_1", exact: true }).click();
  // The list's 100,000 rows under the template's two header rows, drawn a page at a time.
  await expect(page.getByTestId("grid-rows-shown").textContent()).resolves.toBe(
    `Rows 1–500 of ${(ROWS + 2).toLocaleString("en-GB")}`,
  );
  // The page's first rows at once, the rest of its 500 a part a frame after (the page keeps answering).
  const rows = page.locator('[data-testid="sheet-grid"] tbody tr');
  await rows.nth(499).waitFor({ state: "attached", timeout: 10_000 });
  await expect(rows.count()).resolves.toBe(500);
  await expect(page.getByTestId("sheet-grid").getByText("C100000").count()).resolves.toBe(0);
  await page.getByRole("button", { name: "Next 500 rows" }).click();
  await expect(page.getByTestId("grid-rows-shown").textContent()).resolves.toBe(
    `Rows 501–1000 of ${(ROWS + 2).toLocaleString("en-GB")}`,
  );
  const firstOfPage2 = page.getByTestId("sheet-grid").getByText("C000499", { exact: true });
  await expect(firstOfPage2.count()).resolves.toBe(1);
  // Up from the first row of page 2: page 1 again, drawn at once down to its last row, which is selected and shown.
  await firstOfPage2.click();
  await page.keyboard.press("ArrowUp");
  await expectShown(page.getByTestId("grid-rows-shown"), "Rows 1–500");
  const lastOfPage1 = page.getByTestId("sheet-grid").getByText("C000498", { exact: true });
  await expect(lastOfPage1.getAttribute("aria-selected")).resolves.toBe("true");
  // Scrolled into the grid's view (the grid scrolls within its panel).
  await until(() =>
    lastOfPage1.evaluate((cell) => {
      const box = cell.closest('[role="tabpanel"]')!.getBoundingClientRect();
      const { top, bottom } = cell.getBoundingClientRect();
      return top >= box.top && bottom <= box.bottom;
    }),
  );
  expect(pageErrors).toEqual([]);
}, 180_000);

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

test("checking the list and writing its findings keep the page answering, with progress and a Cancel that changes nothing", async () => {
  await openPane();
  await chooseFile("Open .xlsx…", bigFile);
  await page.getByTestId("open-progress").waitFor({ timeout: 10_000 });
  await page.getByTestId("open-progress").waitFor({ state: "detached", timeout: 60_000 });
  // From here on, every task that holds the page's main thread over 50 ms is recorded.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = seen;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration))).observe({
      type: "longtask",
    });
  });
  await openSection("Annex A lists");

  await page.getByRole("button", { name: "Check the lists" }).click();
  const progress = page.getByTestId("work-progress");
  await progress.waitFor({ timeout: 10_000 });
  await progress.getByRole("button", { name: "Cancel" }).click();
  await expectShown(page.getByTestId("annexa-problem"), "Cancelled: nothing was changed.");
  await expect(progress.count()).resolves.toBe(0);

  // Checked again: the worker that was stopped is replaced by one built from the page's workbook.
  await page.getByRole("button", { name: "Check the lists" }).click();
  await progress
    .filter({ hasText: /Preparing the workbook|Reading the workbook|Checking the lists/ })
    .waitFor({ timeout: 10_000 });
  await page.getByText(/^Checked at /).waitFor({ timeout: 90_000 });
  await expect(page.getByTestId("annexa-problem").count()).resolves.toBe(0);
  // The 10,000 ethnicities in words are each found, and each can be put in the template's form.
  await expect(page.getByRole("button", { name: "Fix what can be fixed (10,000)" }).count()).resolves.toBe(1);

  await page.getByRole("button", { name: "Write findings into the workbook" }).click();
  await page.getByRole("tab", { name: "Annex A findings", selected: true }).waitFor({ timeout: 90_000 });
  await expect(page.getByTestId("grid-rows-shown").textContent()).resolves.toBe("Rows 1–500 of 14,111");
  // (10,000 codes in words and 4,110 ages that do not match the date of birth, under a header row.)
  // The pane's state is read again after the write, on the worker too: wait until it has been.
  await progress.waitFor({ state: "detached", timeout: 90_000 });
  await page.waitForTimeout(500);
  await progress.waitFor({ state: "detached", timeout: 90_000 });

  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(Math.max(0, ...longTasks)).toBeLessThan(1000);
  expect(pageErrors).toEqual([]);
}, 240_000);

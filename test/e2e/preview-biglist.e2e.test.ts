/**
 * A long Annex A list in the built pane, in headless Chromium, in preview mode: a 100,000-row List 1 is
 * opened with "Open .xlsx…". The file is read in a worker, a progress bar says how far it has got, and the
 * grid draws the list a page of rows at a time. (How long the main thread is held is a speed figure, not a
 * test: it is not yet under the issue's 200 ms — see issue 13's note.) A second opening is cancelled mid-way: the workbook shown
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
}, 120_000);

afterAll(async () => {
  await stopPreview(context, server, scratch);
});

const { openPane, chooseFile } = paneSteps(
  () => page,
  () => baseUrl,
);

test("a 100,000-row list opens with progress shown, and the grid draws it a page at a time", async () => {
  await openPane();
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

/**
 * A long Annex A list inside Excel (the pane built around the fake of Office.js, test/support/excelModePage):
 * the pane reads it through Office.js, then checks it in its planning worker, with progress and a Cancel,
 * so the pane's thread is not held for the whole check as it was. What is checked and written is the same
 * as on the pane's thread (test/taskpane/offThreadExcelWorkbook.test.ts holds the two equal).
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { contactRow, OFSTED_TEMPLATE } from "../fixtures/annexA";
import { buildExcelMode } from "../support/excelModePage";
import {
  expectShown,
  launchChromium,
  paneSteps,
  serveStatic,
  stopPreview,
  waitOrSayWhatIsShown,
} from "../support/previewBrowser";

const ROWS = 30_000;

let server: http.Server;
let url: string;
let scratch: string;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

const { openSection } = paneSteps(
  () => page,
  () => url,
);

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-excel-biglist-"));
  const out = path.join(scratch, "excel-mode");
  await buildExcelMode(out);
  ({ server, url } = await serveStatic(out, { host: "127.0.0.1", port: 0 }));
  ({ context, page, pageErrors } = await launchChromium(path.join(scratch, "profile"), { width: 420, height: 1200 }));
}, 180_000);

afterAll(async () => {
  await stopPreview(context, server, scratch);
});

/** Ofsted's template, its List 1 filled with children, one in ten with ethnicity in words, put in the fake Excel. */
async function fillExcel(): Promise<void> {
  const template = await (await XlsxWorkbook.open(OFSTED_TEMPLATE)).read({ sheets: "all" });
  const sheets = template.sheets.map((sheet) => ({ name: sheet.name, values: sheet.values ?? [] }));
  const list1 = sheets.find((s) => s.name === "List_1")!;
  for (let i = 0; i < ROWS; i++) {
    list1.values[2 + i] = contactRow(i);
  }
  await page.evaluate((sheets) => {
    type Cell = { value: unknown };
    const fake = (
      window as unknown as {
        fakeExcel: { model: { addSheet(name: string): unknown; touch(s: unknown, r: number, c: number): Cell } };
      }
    ).fakeExcel;
    for (const { name, values } of sheets) {
      const sheet = fake.model.addSheet(name);
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value !== null && value !== "") fake.model.touch(sheet, r, c).value = value;
        }),
      );
    }
  }, sheets);
}

test(`checking a ${ROWS.toLocaleString("en-GB")}-row list in Excel shows progress, can be cancelled, and finds every child`, async () => {
  await page.goto(`${url}/excel.html`);
  await page.locator('main[data-mode="excel"]').waitFor({ timeout: 30_000 });
  await fillExcel();
  await openSection("Annex A lists");

  await page.getByRole("button", { name: "Check the lists" }).click();
  const progress = page.getByTestId("work-progress");
  await progress
    .filter({ hasText: /Sending [\d,]+ rows to be checked|Checking the lists/ })
    .waitFor({ timeout: 60_000 });
  await progress.getByRole("button", { name: "Cancel" }).click();
  await expectShown(page.getByTestId("annexa-problem"), "Cancelled: nothing was changed.");
  await expect(progress.count()).resolves.toBe(0);

  // Checked again, in a new worker: every ethnicity in words is found, and each can be put in the template's form.
  await page.getByRole("button", { name: "Check the lists" }).click();
  await waitOrSayWhatIsShown(page.getByText(/^Checked at /), 120_000);
  await expect(page.getByTestId("annexa-problem").count()).resolves.toBe(0);
  await expect(page.getByRole("button", { name: "Fix what can be fixed (3,000)" }).count()).resolves.toBe(1);
  expect(pageErrors).toEqual([]);
}, 300_000);

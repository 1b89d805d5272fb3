/**
 * The committee pack from the built pane in headless Chromium, in preview mode: a council's plan workbook
 * with Annex A lists beside it is opened, the pack downloaded as .xlsx and as CSV, and both searched for
 * every child's id, name and date of birth. Nothing may leave 127.0.0.1.
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { childNeedles, packPlan } from "../support/packFixture";
import { launchChromium, paneSteps, startPreviewServer, stopPreview } from "../support/previewBrowser";

let server: http.Server;
let baseUrl: string;
let scratch: string;
let context: BrowserContext;
let page: Page;
let requests: string[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, baseUrl } = await startPreviewServer());
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-pack-"));
  ({ context, page, requests, pageErrors } = await launchChromium(path.join(scratch, "profile"), {
    width: 1280,
    height: 900,
  }));
});

afterAll(async () => {
  await stopPreview(context, server, scratch);
});

const steps = paneSteps(
  () => page,
  () => baseUrl,
);

async function download(button: string): Promise<{ name: string; file: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  const saved = path.join(scratch, file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), file: saved };
}

it("downloads the pack as .xlsx and CSV, marked, with no child-level data, and says what it did", async () => {
  const plan = await packPlan(scratch);
  await steps.openPane();
  await steps.chooseFile("Open .xlsx…", plan);
  await page.getByRole("tab", { name: "Action plan" }).waitFor();
  await steps.openSection("Committee pack");
  await page.getByLabel("Authority").fill("Anyshire County Council");

  const xlsx = await download("Download the pack (.xlsx)");
  expect(xlsx.name).toMatch(/^Committee pack \d{4}-\d{2}-\d{2} OFFICIAL-SENSITIVE\.xlsx$/);
  await page.getByTestId("pack-status").filter({ hasText: "with exceptions" }).waitFor();
  expect(await page.getByTestId("pack-status").innerText()).toMatch(/child identifiers? removed/);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx.file);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(
    expect.arrayContaining(["Cover", "Exceptions", "Summary by judgement", "Annex A counts", "Pack snapshot"]),
  );
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))));
  const all = texts.join("\n").toLowerCase();
  expect(all).toContain("anyshire county council");
  const csv = await download("Download as CSV");
  const csvText = fs.readFileSync(csv.file, "utf8").toLowerCase();
  for (const needle of childNeedles()) {
    expect(all).not.toContain(needle.toLowerCase());
    expect(csvText).not.toContain(needle.toLowerCase());
  }
  expect(requests.filter((url) => !url.startsWith(baseUrl))).toEqual([]);
  expect(pageErrors).toEqual([]);
});

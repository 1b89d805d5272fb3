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

it("adds the pack to the open workbook as new sheets with a chart, and Undo takes them away again", async () => {
  const plan = await packPlan(scratch, "in-workbook.xlsx");
  await steps.openPane();
  await steps.chooseFile("Open .xlsx…", plan);
  await page.getByRole("tab", { name: "Action plan" }).waitFor();
  await steps.openSection("Committee pack");
  const before = await page.getByRole("tab").allInnerTexts();
  await page.getByRole("button", { name: "Add the pack to this workbook" }).click();
  await page.getByTestId("pack-status").filter({ hasText: "Added the committee pack" }).waitFor();
  const after = await page.getByRole("tab").allInnerTexts();
  expect(after).toEqual(expect.arrayContaining([...before, "Cover", "Exceptions", "RAG by judgement"]));
  // The hidden snapshot is kept for the next pack, not shown.
  expect(after).not.toContain("Pack snapshot");

  await page.getByRole("button", { name: "Undo last change" }).click();
  await page.getByRole("tab", { name: "Cover" }).waitFor({ state: "detached" });
  expect(await page.getByRole("tab").allInnerTexts()).toEqual(before);
});

it("rolls up several district plans picked at once into a county workbook", async () => {
  const districts = await Promise.all(["Ashford", "Dover", "Swale"].map((name) => packPlan(scratch, `${name}.xlsx`)));
  await steps.openPane();
  await steps.openSection("County roll-up");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("rollup-files").setInputFiles(districts),
  ]);
  await page.getByTestId("rollup-status").filter({ hasText: "3 district plans rolled up" }).waitFor();
  const saved = path.join(scratch, file.suggestedFilename());
  await file.saveAs(saved);
  const county = new ExcelJS.Workbook();
  await county.xlsx.readFile(saved);
  const rows: unknown[][] = [];
  county.getWorksheet("Districts")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(["Ashford", "Dover", "Swale"]));
  expect(pageErrors).toEqual([]);
});

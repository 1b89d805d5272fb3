/**
 * A council's own action plan in the preview, all the way through: structured from its own sheet (by the
 * CLI, as a council would have done), opened in the pane, projected as its themes, then against the
 * framework the user says it answers, with an area the pane could not place put right by the user.
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { type BrowserContext, type Page } from "playwright-core";
import { getFramework } from "../../src/domain/frameworks";
import { runCli } from "../support/runCli";
import { expectShown, launchChromium, paneSteps, startPreviewServer, stopPreview } from "../support/previewBrowser";

const ILACS = getFramework("ofsted-ilacs-2026");

let server: http.Server;
let baseUrl: string;
let scratch: string;
let context: BrowserContext;
let page: Page;
let planFile: string;
let pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, baseUrl } = await startPreviewServer());
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-actionplan-"));
  const own = path.join(scratch, "Improvement plan.xlsx");
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("Improvement plan");
  ws.getCell("A1").value = "Northshire Children's Services: Improvement Plan 2026";
  [
    ["Ref", "Action", "Lead Officer", "Timescale", "RAG", "Progress to date"],
    ["1. Help and protection"],
    ["1.1", "Daily MASH triage", "Head of Front Door", new Date(Date.UTC(2026, 2, 31)), "Green", "Running"],
    ["1.2", "Audit strategy discussions", "Practice lead", new Date(Date.UTC(2026, 0, 15)), "Amber", "Agreed"],
    ["2. Children looked after"],
    ["2.1", "Sufficiency strategy", "Head of CLA", new Date(Date.UTC(2026, 5, 30)), "Red", "Delayed"],
    ["3. Capacity"],
    ["3.1", "Recruit 10 social workers", "HR", new Date(Date.UTC(2026, 8, 30)), "Green", "8 of 10"],
  ].forEach((row, i) => row.forEach((v, c) => (ws.getCell(3 + i, c + 1).value = v as ExcelJS.CellValue)));
  await book.xlsx.writeFile(own);
  planFile = path.join(scratch, "Northshire plan.xlsx");
  const structured = await runCli([
    "structure",
    own,
    "--sheet",
    "Improvement plan",
    "--as",
    "action-plan",
    "--out",
    planFile,
  ]);
  expect(structured.code).toBe(0);
  ({ context, page, pageErrors } = await launchChromium(path.join(scratch, "profile"), { width: 1440, height: 1000 }));
});

afterAll(async () => {
  await stopPreview(context, server, scratch);
});

const { openPane, openSection, chooseFile } = paneSteps(
  () => page,
  () => baseUrl,
);
const card = (id: string) => page.locator(`[data-testid="judgement-card"][data-judgement="${id}"]`);

test("a structured action plan: its themes, then its grades against the framework it answers", async () => {
  await openPane();
  await chooseFile("Open .xlsx…", planFile);
  await page.getByRole("heading", { name: /Workbook preview: Northshire plan\.xlsx/ }).waitFor();
  await openSection("Projected judgements");
  await page.getByRole("button", { name: "Project", exact: true }).click();

  // No framework yet: its own themes, and plainly no grade.
  await expectShown(page.getByTestId("projection-summary"), "No grade is projected");
  const themes = page.getByTestId("plan-themes");
  await expectShown(themes, "1. Help and protection");
  await expect(themes.innerText()).resolves.toMatch(/2\. Children looked after\s+Red 1/);
  await expect(page.getByTestId("judgement-card").count()).resolves.toBe(0);

  // The user says which framework it answers: grades per matched judgement.
  await page.getByLabel("The framework this plan answers").selectOption(ILACS.id);
  await expectShown(card("help-and-protection").getByTestId("projected-grade"), "Requires improvement to be good");
  await expectShown(card("children-in-care").getByTestId("projected-grade"), "Inadequate");
  await expect(page.getByTestId("overall-card").count()).resolves.toBe(0);
  const matches = page.getByTestId("area-match");
  await expect(matches.count()).resolves.toBe(3);
  await expect(page.getByLabel("Judgement for 1. Help and protection").inputValue()).resolves.toBe(
    "help-and-protection",
  );
  await expect(page.getByLabel("Judgement for 2. Children looked after").inputValue()).resolves.toBe(
    "children-in-care",
  );
  // "Capacity" names no judgement: its action is listed, not dropped.
  await expect(page.getByLabel("Judgement for 3. Capacity").inputValue()).resolves.toBe("");
  await expectShown(page.getByTestId("unmatched-actions"), "1 action matches no judgement");

  // Put right: capacity is the leaders' judgement. One change; the projection follows it.
  await page.getByLabel("Judgement for 3. Capacity").selectOption("leaders");
  await expectShown(card("leaders").getByTestId("projected-grade"), "Good");
  await expect(page.getByTestId("unmatched-actions").count()).resolves.toBe(0);
  await page.getByTestId("projection-section").screenshot({ path: "/tmp/pane-proj-actionplan.png" });
  expect(pageErrors).toEqual([]);
});

/**
 * Undo history in the built pane, in headless Chromium: in preview mode, two changes listed newest first
 * and both undone by undoing down to the first, leaving the workbook as it was; the grid showing a time as
 * hh:mm and a column made wider. Then in Excel (the Office.js fake), a cell typed over after a change:
 * undoing it names the cell and asks first, and "Keep my changes" and "Undo anyway" each do what they say.
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, type Locator, type Page } from "playwright-core";
import { getFramework } from "../../src/domain/frameworks";
import { buildExcelMode, type FakeExcelInPage } from "../support/excelModePage";
import {
  expectShown,
  launchChromium,
  paneSteps,
  seriousAxeViolations,
  serveStatic,
  startPreviewServer,
  stopPreview,
  until,
} from "../support/previewBrowser";

const ILACS = getFramework("ofsted-ilacs-2024");
const SIF = getFramework("ofsted-sif-2013");
const PLAN = "Action plan";
const CREATED = `Create action plan from ${ILACS.name}`;

let server: http.Server;
let baseUrl: string;
let scratch: string;
let context: BrowserContext;
let page: Page;
let requests: string[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, baseUrl } = await startPreviewServer());
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-undo-"));
  ({ context, page, requests, pageErrors } = await launchChromium(path.join(scratch, "profile"), {
    width: 1440,
    height: 1000,
  }));
});

afterAll(async () => {
  await stopPreview(context, server, scratch);
});

const { openPane, openSection } = paneSteps(
  () => page,
  () => baseUrl,
);
const grid = () => page.getByTestId("sheet-grid");
function gridCell(address: string): Locator {
  const [, letters, digits] = /^([A-Z])(\d+)$/.exec(address)!;
  return grid().locator(`td[data-row="${Number(digits) - 1}"][data-col="${letters!.charCodeAt(0) - 65}"]`);
}
async function expectCell(address: string, text: string): Promise<void> {
  await gridCell(address)
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor({ timeout: 10_000 });
}
const status = (id: string) => page.getByTestId(`status-${id}`);
const undoButton = () => page.getByRole("button", { name: "Undo last change" });
const steps = () => page.getByTestId("undo-steps").locator("li");
const stepTexts = async () => (await steps().allInnerTexts()).map((text) => text.replace(/\s*Undo to here$/, ""));

async function createActionPlan(): Promise<void> {
  await page.getByLabel("Inspection framework").selectOption(ILACS.id);
  for (const other of ["Self-evaluation", "Evidence tracker"])
    await page.getByRole("checkbox", { name: other }).uncheck();
  await page.getByRole("button", { name: "Create plan sheets" }).click();
  await expectShown(status("create"), "Created the sheet “Action plan”");
}

describe("in the preview", () => {
  test("two changes are listed newest first, and undoing down to the first undoes both", async () => {
    await openPane();
    const before = await page.getByRole("tab").allInnerTexts();
    await createActionPlan();
    await page.getByRole("tab", { name: PLAN, selected: true }).waitFor();
    // The preview keeps no undo history of its own to clear.
    await expect(status("create").innerText()).resolves.not.toContain("Ctrl+Z");

    await openSection("Check the plans");
    await gridCell("G2").click();
    await page.getByLabel("RAG status").selectOption("Amber");
    await page.getByRole("button", { name: "Set RAG" }).click();
    await expectShown(status("set-rag"), `Set ${PLAN}!G2 to Amber`);
    await expectCell("G2", "Amber");

    await until(async () => (await steps().count()) === 2);
    const [newest, oldest] = await stepTexts();
    expect(oldest).toBe(CREATED);
    expect(newest).toMatch(/Amber/);
    await expect(page.getByTestId("undo-section").innerText()).resolves.toContain("the last 20 are kept");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await steps().filter({ hasText: CREATED }).getByRole("button", { name: "Undo to here: 2 changes" }).click();
    await expectShown(status("undo"), `Undone 2 changes: ${newest}; ${CREATED}.`);
    await until(async () => (await page.getByRole("tab").allInnerTexts()).join() === before.join());
    await expect(steps().count()).resolves.toBe(0);
    await expect(undoButton().getAttribute("aria-disabled")).resolves.toBe("true");
  });

  test("a time shows as hh:mm and a date as dd/mm/yyyy in the grid", async () => {
    await openSection("Inspection dates");
    await page.getByLabel("Framework for the timeline").selectOption(SIF.id);
    await page.getByLabel("Notification date").fill("26/11/2026");
    await page.getByLabel("Notification time").fill("15:00");
    await page.getByLabel("On-site start date (optional)").fill("27/11/2026");
    await page.getByLabel("On-site start time (optional)").fill("09:30");
    await page.getByRole("button", { name: "Create timeline and Annex A checklist" }).click();
    await expectShown(status("inspection"), "Made “Timeline” and “Annex A checklist”");
    await page.getByRole("tab", { name: "Timeline", selected: true }).waitFor();
    const rows = await grid()
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")));
    expect(rows[0]!.slice(0, 3)).toEqual(["Milestone", "Date", "Time"]);
    expect(rows).toEqual(expect.arrayContaining([expect.arrayContaining(["26/11/2026", "15:00"])]));
    expect(rows).toEqual(expect.arrayContaining([expect.arrayContaining(["27/11/2026", "09:30"])]));
  });

  test("a column is made wider with the Wider button and by dragging its edge", async () => {
    const header = () => grid().locator("thead th").nth(0);
    const width = async () => (await header().boundingBox())!.width;
    const start = await width();
    await gridCell("A2").click();
    await page.getByRole("button", { name: "Wider column A" }).click();
    await until(async () => (await width()) >= start + 39);
    await expect(page.getByTestId("grid-announcement").innerText()).resolves.toMatch(
      /^Column A is now \d+ pixels wide\.$/,
    );
    await page.getByRole("button", { name: "Narrower column A" }).click();
    await until(async () => Math.abs((await width()) - start) < 2);

    const handle = (await grid().getByTestId("resize-column-A").boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + 100, handle.y + handle.height / 2, { steps: 5 });
    await page.mouse.up();
    await until(async () => (await width()) > start + 80);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe("in Excel (the Office.js fake)", () => {
  let excelServer: http.Server;
  let excelUrl: string;
  const excelCell = (sheet: string, address: string) =>
    page.evaluate(
      ([name, a1]) => {
        const fake = (window as unknown as { fakeExcel: FakeExcelInPage }).fakeExcel;
        const [, letters, digits] = /^([A-Z])(\d+)$/.exec(a1!)!;
        const cell = fake.model.cell(fake.model.sheet(name!), Number(digits) - 1, letters!.charCodeAt(0) - 65);
        return cell?.value ?? "";
      },
      [sheet, address],
    );
  const confirm = () => page.getByTestId("undo-confirm");

  beforeAll(async () => {
    const out = path.join(scratch, "excel-mode");
    await buildExcelMode(out);
    ({ server: excelServer, url: excelUrl } = await serveStatic(out, { host: "127.0.0.1", port: 0 }));
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => (excelServer ? excelServer.close(resolve) : resolve(undefined)));
  });

  test("undoing a change someone has typed over since names the cells and asks first", async () => {
    await page.setViewportSize({ width: 400, height: 1400 });
    await page.goto(`${excelUrl}/excel.html`);
    await page.locator('main[data-mode="excel"]').waitFor({ timeout: 15_000 });
    await createActionPlan();
    // Creating the plan hides the add-in's records sheet, which desktop Excel cannot undo: the pane says so.
    await expect(status("create").innerText()).resolves.toContain(
      "Excel's own Undo (Ctrl+Z) cannot go back past this change",
    );
    await page.getByRole("button", { name: "Check the plans", expanded: false }).click();
    const before = [await excelCell(PLAN, "G2"), await excelCell(PLAN, "G3")];
    await page.evaluate(
      () => ((window as unknown as { excelSelection: string }).excelSelection = "'Action plan'!G2:G3"),
    );
    await page.getByLabel("RAG status").selectOption("Amber");
    await page.getByRole("button", { name: "Set RAG" }).click();
    await expectShown(status("set-rag"), `Set ${PLAN}!G2:G3 to Amber (2 cells).`);

    // Someone types Red over G2 in Excel.
    await page.evaluate(() =>
      (window as unknown as { fakeExcel: FakeExcelInPage }).fakeExcel.userEdit("Action plan", "G2", [["Red"]]),
    );
    await undoButton().click();
    await expectShown(confirm(), `${PLAN}!G2 has been changed`);
    await expect(excelCell(PLAN, "G2")).resolves.toBe("Red");
    await expect(excelCell(PLAN, "G3")).resolves.toBe("Amber");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Keep my changes" }).click();
    await confirm().waitFor({ state: "detached" });
    await expectShown(status("undo"), "Kept your changes");
    await expect(excelCell(PLAN, "G2")).resolves.toBe("Red");
    await expect(steps().count()).resolves.toBe(2);

    await undoButton().click();
    await expectShown(confirm(), `${PLAN}!G2 has been changed`);
    await page.getByRole("button", { name: "Undo anyway" }).click();
    await confirm().waitFor({ state: "detached" });
    await until(async () => (await excelCell(PLAN, "G2")) === before[0]);
    await expect(excelCell(PLAN, "G3")).resolves.toBe(before[1]);
    await until(async () => (await stepTexts()).join() === CREATED);
  });
});

test("the page made no request beyond 127.0.0.1 and threw no errors", () => {
  const offMachine = requests.filter((url) => {
    const parsed = new URL(url.startsWith("blob:") ? url.slice("blob:".length) : url);
    return parsed.protocol !== "data:" && parsed.hostname !== "127.0.0.1";
  });
  expect(offMachine).toEqual([]);
  expect(pageErrors).toEqual([]);
});

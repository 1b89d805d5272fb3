/**
 * The built pane (dist/, from `npm run build`) in headless Chromium, in preview mode: create an ILACS
 * action plan, undo it, create it again by keyboard, download the workbook and read it back with ExcelJS,
 * check accessibility with axe-core, and check that the page never talks to anything but 127.0.0.1.
 * preview-workbooks.e2e.test.ts covers every framework, a council's own framework, structuring a user's
 * own .xlsx and refreshing plans.
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { type BrowserContext, type Page } from "playwright-core";
import { getFramework } from "../../src/domain/frameworks";
import { unconfirmedFacts } from "../../src/taskpane/frameworks/unconfirmedFacts";
import { tableName, tablesOf } from "../../src/workbook/xlsx/excelJsPatch";
import { launchChromium, seriousAxeViolations, startPreviewServer, stopPreview } from "../support/previewBrowser";

// The same tiny static server `npm start` uses for the preview on Linux.
const SCREENSHOT = "/tmp/pane.png";
const ILACS = "ofsted-ilacs-2024";
const HEADERS = [
  "Ref",
  "Judgement",
  "Criterion",
  "Action",
  "Lead",
  "Due date",
  "RAG",
  "Progress update",
  "Evidence",
  "Last updated",
];

const framework = getFramework(ILACS);
const criteria = framework.judgements.flatMap((j) => j.criteria.map((c) => ({ ...c, judgement: j.name })));

let server: http.Server;
let baseUrl: string;
let userDataDir: string;
let context: BrowserContext;
let page: Page;
let requests: string[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, baseUrl } = await startPreviewServer());
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-chromium-"));
  ({ context, page, requests, pageErrors } = await launchChromium(userDataDir, { width: 1440, height: 900 }));
});

afterAll(async () => {
  await stopPreview(context, server, userDataDir);
});

const grid = () => page.getByTestId("sheet-grid");
/** The text of each cell of a spreadsheet row (1-based, as Excel numbers rows), without the row number. */
const gridRow = (row: number) =>
  grid()
    .locator("tbody tr")
    .nth(row - 1)
    .locator("td")
    .allInnerTexts();
const createButton = () => page.getByRole("button", { name: "Create plan sheets" });
const undoButton = () => page.getByRole("button", { name: "Undo last change" });
const status = (section: "create" | "undo") => page.getByTestId(`status-${section}`);

async function expectActionPlanInGrid(): Promise<void> {
  await page.getByRole("tab", { name: "Action plan", selected: true }).waitFor();
  expect(await gridRow(1)).toEqual(expect.arrayContaining(HEADERS));
  expect((await gridRow(1)).slice(0, HEADERS.length)).toEqual(HEADERS);
  const first = await gridRow(2);
  expect(first[0]).toBe(criteria[0]!.ref);
  expect(first[1]).toBe(criteria[0]!.judgement);
  const text = await grid().innerText();
  for (const judgement of framework.judgements.filter((j) => j.criteria.length > 0)) {
    expect(text).toContain(judgement.name);
  }
  expect((await gridRow(criteria.length + 1))[0]).toBe(criteria[criteria.length - 1]!.ref);
}

async function expectNoSeriousAxeViolations(): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

test("opens in preview mode over an empty Sheet1", async () => {
  await page.goto(`${baseUrl}/taskpane.html`);
  await page.locator('main[data-mode="preview"]').waitFor({ timeout: 15_000 });
  // The sheet's grid follows the pane, just after its first paint.
  await page.getByTestId("sheet-grid").waitFor();
  await expect(page.getByRole("heading", { name: "Inspection Ready", level: 1 }).isVisible()).resolves.toBe(true);
  await expect(page.getByTestId("preview-banner").innerText()).resolves.toContain("Preview mode");
  await page.getByRole("tab", { name: "Sheet1", selected: true }).waitFor();
  await expect(undoButton().getAttribute("aria-disabled")).resolves.toBe("true");
  await expectNoSeriousAxeViolations();
});

test("creates an ILACS action plan and shows it in the grid", async () => {
  const picker = page.getByLabel("Inspection framework");
  await picker.selectOption(ILACS);
  // A framework that is not fully confirmed says so beside the picker.
  if (framework.confidence !== "confirmed") {
    await expect(page.getByText(/^(Partly confirmed|Unconfirmed):/).isVisible()).resolves.toBe(true);
  }
  // Only the action plan: the other two sheets are unticked.
  for (const other of ["Self-evaluation", "Evidence tracker"]) {
    await page.getByRole("checkbox", { name: other }).uncheck();
  }
  await expect(page.getByRole("checkbox", { name: "Action plan" }).isChecked()).resolves.toBe(true);
  await createButton().click();
  await expect(status("create").innerText()).resolves.toContain(
    `Created the sheet “Action plan” with ${criteria.length} rows from ${framework.name}.`,
  );
  await expectActionPlanInGrid();
  expect(await page.getByRole("tab").allInnerTexts()).toEqual(["Sheet1", "Action plan"]);
});

test("Undo last change removes the sheet", async () => {
  await undoButton().click();
  await expect(status("undo").innerText()).resolves.toContain(`Undone: Create action plan from ${framework.name}`);
  await page.getByRole("tab", { name: "Sheet1", selected: true }).waitFor();
  expect(await page.getByRole("tab").allInnerTexts()).toEqual(["Sheet1"]);
  await expect(undoButton().getAttribute("aria-disabled")).resolves.toBe("true");
});

test("creates the plan again from the keyboard", async () => {
  await page.getByLabel("Inspection framework").focus();
  // From the picker, Tab goes through everything of "Create a plan" in reading order.
  const facts = unconfirmedFacts(framework).length;
  const expected = [
    ...(facts > 0
      ? [`${facts} ${facts === 1 ? "fact" : "facts"} not yet confirmed against the published framework`]
      : []),
    "Load your own framework…",
    "Self-evaluation",
    "Action plan",
    "Evidence tracker",
    "Create plan sheets",
  ];
  const stops: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    await page.keyboard.press("Tab");
    stops.push(
      await page.evaluate(() => {
        const active = document.activeElement as HTMLInputElement | null;
        return active?.getAttribute("aria-label") ?? active?.labels?.[0]?.textContent ?? active?.textContent ?? "";
      }),
    );
  }
  expect(stops).toEqual(expected);
  await page.keyboard.press("Enter");
  await expect(status("create").innerText()).resolves.toContain(
    `Created the sheet “Action plan” with ${criteria.length} rows`,
  );
  await expectActionPlanInGrid();
  await page.screenshot({ path: SCREENSHOT });
  await expectNoSeriousAxeViolations();
});

test("Download .xlsx gives a workbook with the action plan table", async () => {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download .xlsx" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("Inspection Ready workbook.xlsx");
  const file = path.join(userDataDir, "download.xlsx");
  await download.saveAs(file);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name)).toEqual([
    "Sheet1",
    "Action plan",
  ]);
  const sheet = workbook.getWorksheet("Action plan")!;
  expect(sheet).toBeDefined();
  expect(tablesOf(sheet).map(tableName)).toEqual(["ActionPlan"]);
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
  expect(header).toEqual(HEADERS);
  expect(sheet.getCell("A2").value).toBe(criteria[0]!.ref);
  expect(sheet.getCell(`A${criteria.length + 1}`).value).toBe(criteria[criteria.length - 1]!.ref);
});

test("the page made no request beyond 127.0.0.1 and threw no errors", () => {
  expect(requests.length).toBeGreaterThan(0);
  const offMachine = requests.filter((url) => {
    const parsed = new URL(url.startsWith("blob:") ? url.slice("blob:".length) : url);
    if (parsed.protocol === "data:") return false;
    return parsed.hostname !== "127.0.0.1";
  });
  expect(offMachine).toEqual([]);
  expect(pageErrors).toEqual([]);
});

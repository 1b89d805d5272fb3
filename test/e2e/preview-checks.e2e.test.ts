/**
 * "Check the plans" in the built pane, in headless Chromium, in preview mode: checking a workbook with
 * no plans and a new ILACS plan; then a plan workbook made with the command line's own code and seeded
 * with the problems councils really have (an action with no lead, an overdue date, RAG "g", a date typed
 * as text), opened with "Open .xlsx…". The findings must match what validateWorkbook reports for that
 * file; going to a finding, fixing it, applying a RAG suggestion, setting a RAG on a selection made with
 * the mouse and with the keyboard, and writing the checks into the workbook are each checked, with Undo.
 * Also accessibility with the results open, a narrow pane, and that nothing leaves 127.0.0.1.
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { type BrowserContext, type Locator, type Page } from "playwright-core";
import { buildExcelMode, type FakeExcelInPage } from "../support/excelModePage";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { validateQuery, validateWorkbook, type ValidateReport } from "../../src/commands/validateWorkbook";
import { dateFromSerial, formatUkDate, serialFromYmd } from "../../src/domain/dates";
import { getFramework } from "../../src/domain/frameworks";
import type { Severity } from "../../src/domain/validation/rules";
import { splitAddress } from "../../src/taskpane/checks/selectionAddress";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
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
const PLAN = "Action plan";
const now = new Date();
/** Today in the local calendar, as the pane takes it. */
const TODAY = serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());

let server: http.Server;
let baseUrl: string;
let scratch: string;
let context: BrowserContext;
let page: Page;
let seededFile: string;
let expected: ValidateReport;
let requests: string[] = [];
let pageErrors: string[] = [];

/**
 * An ILACS plan made as the CLI makes it, then edited as a council would: action plan columns are Ref,
 * Judgement, Criterion, Action (D), Lead (E), Due date (F), RAG (G), Progress update (H), Evidence (I)
 * and Last updated (J).
 */
async function writeSeededPlan(file: string): Promise<void> {
  const made = XlsxWorkbook.empty();
  await runCommand(made, createWorkbookQuery, (snapshot) =>
    createWorkbook(snapshot, { framework: ILACS, now: new Date() }),
  );
  await made.apply({
    description: "What a council typed",
    ops: [
      {
        op: "writeValues",
        sheet: PLAN,
        row: 1,
        col: 3,
        values: [
          // Row 2: no lead, overdue, RAG typed as "g".
          ["Weekly performance clinic", null, TODAY - 30, "g", null, null, TODAY - 5],
          // Row 3: a date typed as text; Amber with no progress update.
          ["Supervision audit", "Practice lead", "31/03/2026", "Amber", null, null, TODAY - 2],
          // Row 4: Green, due within 14 days, not updated for 60 days: the dates suggest Amber.
          ["Commission new provider", "Head of Service", TODAY + 7, "Green", null, "Board minutes", TODAY - 60],
          // Row 5: RAG typed as "r".
          ["Return home interviews", "Service manager", TODAY + 40, "r", "Started", null, TODAY - 1],
        ],
      },
    ],
  });
  await made.save(file);
}

beforeAll(async () => {
  ({ server, baseUrl } = await startPreviewServer());
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-checks-"));
  seededFile = path.join(scratch, "Northshire ILACS plan.xlsx");
  await writeSeededPlan(seededFile);
  const opened = await XlsxWorkbook.open(seededFile);
  expected = validateWorkbook(await opened.read(validateQuery), { asOf: TODAY }).report;
  ({ context, page, requests, pageErrors } = await launchChromium(path.join(scratch, "profile"), {
    width: 1440,
    height: 1000,
  }));
});

afterAll(async () => {
  await stopPreview(context, server, scratch);
});

const { chooseFile, openPane: openPreview } = paneSteps(
  () => page,
  () => baseUrl,
);

// ---- helpers ------------------------------------------------------------------------------------------

async function openPane(): Promise<void> {
  await openPreview();
  await openChecks();
}

/** The pane starts with only "Create a plan" open: open "Check the plans" beside it. */
async function openChecks(): Promise<void> {
  await page.getByRole("button", { name: "Check the plans", expanded: false }).click();
}

const grid = () => page.getByTestId("sheet-grid");
/** A cell of the grid by its A1 address (single letters are enough here). */
function gridCell(address: string): Locator {
  const [, letters, digits] = /^([A-Z])(\d+)$/.exec(address)!;
  return grid().locator(`td[data-row="${Number(digits) - 1}"][data-col="${letters!.charCodeAt(0) - 65}"]`);
}
/** Waits until the cell shows the text (the grid is drawn again once a command has run). */
async function expectCell(address: string, text: string): Promise<void> {
  await gridCell(address)
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor({ timeout: 10_000 });
}
const status = (id: string) => page.getByTestId(`status-${id}`);
const checkNow = () => page.getByRole("button", { name: "Check now" }).click();
const summary = () => page.getByTestId("checks-summary");
const group = (rule: string) => page.locator(`[data-testid="finding-group"][data-rule="${rule}"]`);
const finding = (rule: string, cell: string) =>
  group(rule).locator(`[data-testid="finding"][data-cell="${PLAN}!${cell}"]`);
const undo = () => page.getByRole("button", { name: "Undo last change" }).click();
const selectionShown = () => page.getByTestId("grid-selection");

/** The groups as the pane lists them: rule and count, in order. */
async function shownGroups(): Promise<{ rule: string; count: number }[]> {
  return page
    .getByTestId("finding-group")
    .evaluateAll((sections) =>
      sections.map((s) => ({ rule: s.getAttribute("data-rule") ?? "", count: Number(s.getAttribute("data-count")) })),
    );
}

/** Waits for a check to show the counts given (a re-check runs after every command). */
async function expectSummary(report: Pick<ValidateReport, "summary">): Promise<void> {
  const { errors, warnings, info } = report.summary;
  const words = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} and ${info} for information`;
  await expectShown(summary(), words);
}

async function expectNoSeriousAxeViolations(): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

// ---- a workbook without plans, then a new ILACS plan -----------------------------------------------------

test("checking a workbook with no plans says how to make one, and nothing is live in the preview", async () => {
  await openPane();
  await checkNow();
  await expectShown(
    page.getByTestId("checks-problem"),
    "This workbook has no Inspection Ready plans to check yet: create plan sheets, or structure a sheet you already have, first",
  );
  await expect(page.getByTestId("live-note").count()).resolves.toBe(0);
});

test("once checked, the plans are checked again after a command: a new ILACS plan needs nothing", async () => {
  await page.getByLabel("Inspection framework").selectOption(ILACS.id);
  await page.getByRole("button", { name: "Create plan sheets" }).click();
  await expectShown(status("create"), "Created 3 sheets");
  // No "Check now": the check after the command shows the new plans.
  await expectShown(summary(), "Checked 3 plans");
  await expect(page.getByTestId("checks-problem").count()).resolves.toBe(0);
  const text = await summary().innerText();
  expect(text).toMatch(/^Checked 3 plans \(\d+ rows\): (nothing needs attention|.*for information)\.$/);
});

// ---- a council's plan with problems ---------------------------------------------------------------------

test("Check now lists what validateWorkbook reports for the file, grouped by rule, errors first", async () => {
  await chooseFile("Open .xlsx…", seededFile);
  await page.getByRole("heading", { name: /Workbook preview: Northshire ILACS plan\.xlsx/ }).waitFor();
  // Another workbook: the last one's findings are gone until it is checked.
  await expect(page.getByTestId("finding-group").count()).resolves.toBe(0);
  await checkNow();
  await expectSummary(expected);

  const counts = new Map<string, number>();
  for (const f of expected.findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const groups = await shownGroups();
  expect(new Map(groups.map((g) => [g.rule, g.count]))).toEqual(counts);
  // Errors first, then warnings, then those for information.
  const severities = groups.map((g) => SEVERITY_ORDER[expected.findings.find((f) => f.rule === g.rule)!.severity]);
  expect(severities).toEqual([...severities].sort((a, b) => a - b));
  // The problems seeded are among them, each on its own cell.
  for (const [rule, cell] of [
    ["missing-lead", "E2"],
    ["overdue", "F2"],
    ["rag-not-in-vocabulary", "G2"],
    ["date-as-text", "F3"],
    ["at-risk-without-update", "H3"],
    ["rag-not-in-vocabulary", "G5"],
    ["no-recent-update", "J4"],
  ] as const) {
    expect(expected.findings.some((f) => f.rule === rule && f.cell === cell)).toBe(true);
    await finding(rule, cell).waitFor();
  }
  const heading = group("rag-not-in-vocabulary").getByRole("heading", { level: 4 });
  await expect(heading.innerText()).resolves.toMatch(/Error\s*RAG not in the list \(2\)/);
  await expect(finding("missing-lead", "E2").innerText()).resolves.toContain("The action has no lead");
  await expect(page.getByTestId("checked-at").innerText()).resolves.toMatch(/^Checked at \d\d:\d\d$/);

  // Groups longer than ten show the first ten, and the rest on request.
  const long = groups.find((g) => g.count > 10);
  if (long) {
    await expect(group(long.rule).getByTestId("finding").count()).resolves.toBe(10);
    await group(long.rule)
      .getByRole("button", { name: `Show all ${long.count}` })
      .click();
    await expect(group(long.rule).getByTestId("finding").count()).resolves.toBe(long.count);
  }
  await page.getByTestId("checks-section").screenshot({ path: "/tmp/pane-checks-results.png" });
});

test("clicking a finding shows its sheet and highlights the cell", async () => {
  await expect(page.getByRole("tab", { selected: true }).innerText()).resolves.toBe("Self-evaluation");
  await finding("date-as-text", "F3")
    .getByRole("button", { name: `${PLAN}!F3` })
    .click();
  await page.getByRole("tab", { name: PLAN, selected: true }).waitFor();
  await expect(selectionShown().innerText()).resolves.toBe("F3");
  await expect(gridCell("F3").getAttribute("aria-selected")).resolves.toBe("true");
  const id = await gridCell("F3").getAttribute("id");
  await expect(grid().getAttribute("aria-activedescendant")).resolves.toBe(id);
  await expectShown(page.getByTestId("grid-announcement"), `Selected ${PLAN}!F3: 31/03/2026.`);
  await expect(gridCell("F3").isVisible()).resolves.toBe(true);
  await page.screenshot({ path: "/tmp/pane-checks-goto.png" });
});

test("a fix is applied with its button, the finding goes, and Undo brings the value back", async () => {
  await expectCell("G2", "g");
  await finding("rag-not-in-vocabulary", "G2")
    .getByRole("button", { name: `Change to Green (${PLAN}!G2)` })
    .click();
  await expectShown(status("checks"), `Fixed ${PLAN}!G2: it now holds Green.`);
  await expectCell("G2", "Green");
  await finding("rag-not-in-vocabulary", "G2").waitFor({ state: "detached" });
  await expect(group("rag-not-in-vocabulary").getAttribute("data-count")).resolves.toBe("1");
  // Focus stays among the findings rather than falling to the page.
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Findings");

  await undo();
  await expectShown(status("undo"), `Undone: Change to Green (${PLAN}!G2).`);
  await expectCell("G2", "g");
  await finding("rag-not-in-vocabulary", "G2").waitFor();
  await expectSummary(expected);
});

test("Fix all that have a suggestion fixes a group in one change, which Undo reverses", async () => {
  await group("rag-not-in-vocabulary")
    .getByRole("button", { name: /^Fix all that have a suggestion \(2\)/ })
    .click();
  await expectShown(status("checks"), "Fixed 2 cells.");
  await expectCell("G2", "Green");
  await expectCell("G5", "Red");
  await group("rag-not-in-vocabulary").waitFor({ state: "detached" });
  await undo();
  await expectCell("G2", "g");
  await expectCell("G5", "r");
  await expectSummary(expected);
});

test("a RAG the dates suggest is applied only when asked, and Undo restores the cell", async () => {
  const suggestion = expected.suggestions.find((s) => s.cell === "G4")!;
  expect(suggestion).toMatchObject({ current: "Green", suggested: "Amber" });
  const row = page.locator(`[data-testid="rag-suggestion"][data-cell="${PLAN}!G4"]`);
  await expect(row.innerText()).resolves.toContain("Green → Amber");
  await expect(row.innerText()).resolves.toContain(suggestion.reason.slice(1));
  await expect(page.getByTestId("rag-suggestion").count()).resolves.toBe(expected.suggestions.length);
  await expectCell("G4", "Green");

  await row.getByRole("button", { name: `Apply Amber to ${PLAN}!G4` }).click();
  await expectShown(status("suggestions"), `Set ${PLAN}!G4 to Amber.`);
  await expectCell("G4", "Amber");
  await row.waitFor({ state: "detached" });
  await undo();
  await expectCell("G4", "Green");
  await row.waitFor();
});

test("Set RAG for a selection made with the mouse", async () => {
  await gridCell("G2").click();
  await gridCell("G3").click({ modifiers: ["Shift"] });
  await expect(selectionShown().innerText()).resolves.toBe("G2:G3");
  await expect(page.getByTestId("selection-note").innerText()).resolves.toBe(`Selected: ${PLAN}!G2:G3`);
  await expect(grid().locator('td[aria-selected="true"]').count()).resolves.toBe(2);
  await page.getByLabel("RAG status").selectOption("Amber");
  await page.getByRole("button", { name: "Set RAG" }).click();
  await expectShown(status("set-rag"), `Set ${PLAN}!G2:G3 to Amber (2 cells).`);
  await expectCell("G2", "Amber");
  await expectCell("G3", "Amber");
  await page.screenshot({ path: "/tmp/pane-checks-set-rag.png" });
  await undo();
  await expectCell("G2", "g");
  await expectCell("G3", "Amber");
});

test("Set RAG for a selection made with the keyboard", async () => {
  await page.getByLabel("RAG status").selectOption("Red");
  await grid().focus();
  await page.keyboard.press("Control+Home");
  await expect(selectionShown().innerText()).resolves.toBe("A1");
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await expect(selectionShown().innerText()).resolves.toBe("G2");
  await page.keyboard.press("Shift+ArrowDown");
  await expect(selectionShown().innerText()).resolves.toBe("G2:G3");
  await expect(grid().getAttribute("aria-activedescendant")).resolves.toBe(await gridCell("G3").getAttribute("id"));
  await page.getByRole("button", { name: "Set RAG" }).click();
  await expectShown(status("set-rag"), `Set ${PLAN}!G2:G3 to Red (2 cells).`);
  await expectCell("G2", "Red");
  await expectCell("G3", "Red");
  await undo();
  await expectCell("G2", "g");
  await expectCell("G3", "Amber");
});

test("a selection outside a RAG column is refused with the cell named", async () => {
  await gridCell("F2").click();
  await page.getByRole("button", { name: "Set RAG" }).click();
  await expectShown(
    status("set-rag"),
    `${PLAN}!F2 is not in the RAG column of a plan; select cells in a RAG column and try again`,
  );
  await expect(status("set-rag").innerText()).resolves.toContain("Could not set the RAG");
  await expectCell("F2", formatUkDate(dateFromSerial(TODAY - 30)));
  // The header row is not a RAG cell either.
  await gridCell("G1").click();
  await gridCell("G2").click({ modifiers: ["Shift"] });
  await page.getByRole("button", { name: "Set RAG" }).click();
  await expectShown(status("set-rag"), `${PLAN}!G1 is not in the RAG column of a plan`);
});

test("the check results are accessible", async () => {
  await expect(page.getByTestId("finding-group").count()).resolves.toBeGreaterThan(0);
  await expectNoSeriousAxeViolations();
});

test("the checks are written into the workbook as a Checks column of formulas", async () => {
  await page.getByRole("button", { name: "Write the checks into the workbook" }).click();
  await expectShown(status("write-checks"), "Wrote the checks into");
  await page.getByRole("tab", { name: PLAN }).click();
  const header = await grid().locator("tbody tr").first().locator("td").allInnerTexts();
  expect(header).toContain("Checks");
  expect(header.indexOf("Checks")).toBe(10);
  // The same findings after the re-check: the Checks column is not itself checked.
  await expectSummary(expected);
  await page.screenshot({ path: "/tmp/pane-checks-written.png" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download .xlsx" }).click(),
  ]);
  const file = path.join(scratch, "checked.xlsx");
  await download.saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(PLAN)!;
  expect(sheet.getCell("K1").value).toBe("Checks");
  for (const address of ["K2", "K3", "K5"]) {
    const value = sheet.getCell(address).value as { formula?: string } | null;
    expect(value?.formula).toMatch(/^MID\(/);
  }
  expect(sheet.getCell("G2").value).toBe("g");

  await undo();
  await expectShown(status("undo"), "Undone: Write the plan's checks into the workbook.");
  expect(await grid().locator("tbody tr").first().locator("td").allInnerTexts()).not.toContain("Checks");
});

test("the section fits a narrow task pane", async () => {
  await page.setViewportSize({ width: 360, height: 3200 });
  await page.getByTestId("checks-section").screenshot({ path: "/tmp/pane-checks-narrow.png" });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1440, height: 1000 });
});

// ---- the same pane in Excel, through the Office.js fake ---------------------------------------------------

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
  const excelLog = () => page.evaluate(() => (window as unknown as { excelLog: string[] }).excelLog);

  beforeAll(async () => {
    const out = path.join(scratch, "excel-mode");
    await buildExcelMode(out);
    ({ server: excelServer, url: excelUrl } = await serveStatic(out, { host: "127.0.0.1", port: 0 }));
  }, 120_000);

  afterAll(async () => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await new Promise((resolve) => (excelServer ? excelServer.close(resolve) : resolve(undefined)));
  });

  test("live checking shows the findings as people edit the plans", async () => {
    // A task pane's width in Excel.
    await page.setViewportSize({ width: 400, height: 1400 });
    await page.goto(`${excelUrl}/excel.html`);
    await page.locator('main[data-mode="excel"]').waitFor({ timeout: 15_000 });
    await openChecks();
    await page.getByLabel("Inspection framework").selectOption(ILACS.id);
    for (const other of ["Self-evaluation", "Evidence tracker"])
      await page.getByRole("checkbox", { name: other }).uncheck();
    await page.getByRole("button", { name: "Create plan sheets" }).click();
    await expectShown(status("create"), "Created the sheet “Action plan”");
    // Live checking starts once the workbook has plans, and checks at once: no "Check now" needed.
    await expectShown(page.getByTestId("live-note"), "Live checking is on");
    await expectShown(summary(), "Checked 1 plan");

    await page.evaluate(
      ([due]) =>
        (window as unknown as { fakeExcel: FakeExcelInPage }).fakeExcel.userEdit("Action plan", "D2:G2", [
          ["Weekly performance clinic", null, due!, "g"],
        ]),
      [TODAY - 3],
    );
    await finding("rag-not-in-vocabulary", "G2").waitFor({ timeout: 10_000 });
    await finding("missing-lead", "E2").waitFor();
    await finding("overdue", "F2").waitFor();
    await expect(page.getByTestId("checked-at").innerText()).resolves.toMatch(/^Checked at \d\d:\d\d$/);
    await page.getByTestId("checks-section").screenshot({ path: "/tmp/pane-checks-excel.png" });

    // Going to a finding selects its cell in Excel.
    await finding("missing-lead", "E2")
      .getByRole("button", { name: `${PLAN}!E2` })
      .click();
    await until(async () => (await excelLog()).length === 2);
    await expect(excelLog()).resolves.toEqual([`activate ${PLAN}`, `select ${PLAN}!E2`]);
  });

  test("a fix is written to Excel and the findings follow, though Excel reports no event for it", async () => {
    await finding("rag-not-in-vocabulary", "G2")
      .getByRole("button", { name: `Change to Green (${PLAN}!G2)` })
      .click();
    await expectShown(status("checks"), `Fixed ${PLAN}!G2: it now holds Green.`);
    await expect(excelCell(PLAN, "G2")).resolves.toBe("Green");
    await finding("rag-not-in-vocabulary", "G2").waitFor({ state: "detached" });
    await undo();
    await until(async () => (await excelCell(PLAN, "G2")) === "g");
    await finding("rag-not-in-vocabulary", "G2").waitFor();
  });

  test("Set RAG works on Excel's selection, and names a cell outside the RAG column", async () => {
    await expect(page.getByTestId("selection-note").innerText()).resolves.toBe(
      "Sets the cells you have selected in Excel.",
    );
    await page.evaluate(
      () => ((window as unknown as { excelSelection: string }).excelSelection = "'Action plan'!G2:G3"),
    );
    await page.getByLabel("RAG status").selectOption("Amber");
    await page.getByRole("button", { name: "Set RAG" }).click();
    await expectShown(status("set-rag"), `Set ${PLAN}!G2:G3 to Amber (2 cells).`);
    await expect(excelCell(PLAN, "G2")).resolves.toBe("Amber");
    await expect(excelCell(PLAN, "G3")).resolves.toBe("Amber");

    await page.evaluate(() => ((window as unknown as { excelSelection: string }).excelSelection = "'Action plan'!E2"));
    await page.getByRole("button", { name: "Set RAG" }).click();
    await expectShown(status("set-rag"), `${PLAN}!E2 is not in the RAG column of a plan`);

    await page.evaluate(() => ((window as unknown as { excelSelection: string }).excelSelection = "'Action plan'!G:G"));
    await page.getByRole("button", { name: "Set RAG" }).click();
    await expectShown(page.getByTestId("checks-action-problem"), "whole rows or columns");
  });

  test("without ExcelApi 1.7 events the pane says live checking needs a newer Excel, and Check now works", async () => {
    await page.goto(`${excelUrl}/excel.html?events=none`);
    await page.locator('main[data-mode="excel"]').waitFor({ timeout: 15_000 });
    await openChecks();
    await expectShown(page.getByTestId("live-note"), "Live checking needs a newer version of Excel");
    await page.getByLabel("Inspection framework").selectOption(ILACS.id);
    for (const other of ["Self-evaluation", "Evidence tracker"])
      await page.getByRole("checkbox", { name: other }).uncheck();
    await page.getByRole("button", { name: "Create plan sheets" }).click();
    await expectShown(status("create"), "Created the sheet “Action plan”");
    await checkNow();
    await expectShown(summary(), "Checked 1 plan");
    await expectNoSeriousAxeViolations();
  });
});

test("Excel's address for a selection is split into its sheet and range", () => {
  expect(splitAddress("'Action plan'!G2:G3")).toEqual({ sheet: "Action plan", range: "G2:G3" });
  expect(splitAddress("Sheet1!$B$4")).toEqual({ sheet: "Sheet1", range: "B4" });
  expect(splitAddress("'Ofsted''s plan'!g2")).toEqual({ sheet: "Ofsted's plan", range: "G2" });
  expect(() => splitAddress("'Action plan'!G:G")).toThrow("whole rows or columns");
  expect(() => splitAddress("Sheet1!A1,Sheet1!C3")).toThrow("one block of cells");
  expect(splitAddress("'Plans, 2025'!G2")).toEqual({ sheet: "Plans, 2025", range: "G2" });
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

import ExcelJS from "exceljs";
/**
 * "Annex A lists" in the built pane, in headless Chromium, in preview mode: Ofsted's template with rows
 * a council might have typed (a code without its letter, a date written as words, a code that is not
 * one of the template's) is opened with "Open .xlsx…" and checked. The findings must match what
 * checkAnnexA reports for the file; going to a finding shows its list's tab and cell; "Fix what can be
 * fixed" puts the values in the template's form and Undo puts them back; the findings are written in
 * and undone. Also the as-of date, accessibility with the results open, a narrow pane, and that the
 * lists (children's personal data) never leave 127.0.0.1.
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, type Locator, type Page } from "playwright-core";
import { annexAQuery, checkAnnexA, type AnnexAReport } from "../../src/commands/checkAnnexA";
import { dateFromSerial, formatUkDate, serialFromYmd } from "../../src/domain/dates";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { templateWith } from "../fixtures/annexA";
import {
  expectShown,
  launchChromium,
  paneSteps,
  seriousAxeViolations,
  startPreviewServer,
  stopPreview,
  until,
} from "../support/previewBrowser";
import { resavedByLibreOffice } from "../support/libreoffice";

const LIST_1 = "List_1";
const now = new Date();
/** Today in the local calendar, as the pane takes it. */
const TODAY = serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
/** A contact date a month ago, as a date ExcelJS writes. */
const LAST_MONTH = dateFromSerial(TODAY - 30);

let server: http.Server;
let baseUrl: string;
let scratch: string;
let context: BrowserContext;
let page: Page;
let listsFile: string;
let expected: AnnexAReport;
let requests: string[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, baseUrl } = await startPreviewServer());
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-annexa-"));
  listsFile = path.join(scratch, "Northshire Annex A.xlsx");
  // List 1 (contacts): child, gender, ethnicity, date of birth, age, contact date, source.
  const workbook = await templateWith({
    1: [
      ["C001", "Male", "a) WBRI", "1 Feb 2016", 10, LAST_MONTH, "e) 2A: Schools"],
      ["C002", "Man", "a) WBRI", null, null, LAST_MONTH, "e) 2A: Schools"],
    ],
  });
  await workbook.xlsx.writeFile(listsFile);
  // As the pane checks with no as-of date typed: as of the latest date in the lists, never after today.
  expected = checkAnnexA(await (await XlsxWorkbook.open(listsFile)).read(annexAQuery), { asOf: null, today: TODAY });

  ({ context, page, requests, pageErrors } = await launchChromium(path.join(scratch, "profile"), {
    width: 1440,
    height: 1000,
  }));
});

afterAll(async () => {
  await stopPreview(context, server, scratch);
});

const { openPane, openSection, chooseFile } = paneSteps(
  () => page,
  () => baseUrl,
);

// ---- helpers ------------------------------------------------------------------------------------------

const status = (id: string) => page.getByTestId(`status-${id}`);
const list = (n: number) => page.locator(`[data-testid="annexa-list"][data-list="${n}"]`);
const group = (n: number, rule: string) => list(n).locator(`[data-testid="finding-group"][data-rule="${rule}"]`);
const tabs = () => page.getByRole("tab").allInnerTexts();
const undo = () => page.getByRole("button", { name: "Undo last change" }).click();
const grid = () => page.getByTestId("sheet-grid");
/** A cell of the grid by its A1 address (single letters are enough here). */
function gridCell(address: string): Locator {
  const [, letters, digits] = /^([A-Z])(\d+)$/.exec(address)!;
  return grid().locator(`td[data-row="${Number(digits) - 1}"][data-col="${letters!.charCodeAt(0) - 65}"]`);
}
async function expectCell(address: string, text: string): Promise<void> {
  await gridCell(address)
    .filter({ hasText: new RegExp(`^${text.replace(/[()]/g, "\\$&")}$`) })
    .waitFor({ timeout: 10_000 });
}

/** "Checked 11 lists (2 rows): 2 errors and 2 warnings.", as the pane says it. */
function summaryOf(report: AnnexAReport): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const { lists, rows, errors, warnings } = report.summary;
  return `Checked ${n(lists, "list")} (${n(rows, "row")}): ${n(errors, "error")} and ${n(warnings, "warning")}.`;
}

/** The groups the pane lists for a list: rule and count, in order. */
async function shownGroups(n: number): Promise<{ rule: string; count: number }[]> {
  return list(n)
    .getByTestId("finding-group")
    .evaluateAll((sections) =>
      sections.map((s) => ({ rule: s.getAttribute("data-rule") ?? "", count: Number(s.getAttribute("data-count")) })),
    );
}

/**
 * A screenshot of a section of the pane, in a window tall enough to show all of it (the pane scrolls
 * inside the window, so what is below the window's edge would not be drawn).
 */
async function shot(testId: string, file: string): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 4000 });
  await page.getByTestId(testId).screenshot({ path: file });
  await page.setViewportSize(size);
}

/** How far the pane's content reaches beyond its width (the pane scrolls, so the page alone would not show it). */
const paneOverflow = () => page.getByTestId("pane").evaluate((pane) => pane.scrollWidth - pane.clientWidth);

async function expectNoSeriousAxeViolations(): Promise<void> {
  // A section opening fades in: check the colours once it has.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  expect(await seriousAxeViolations(page)).toEqual([]);
}

// ---- tests ----------------------------------------------------------------------------------------------

test("the engine's findings for the file: a code without its letter, a date in words, an unknown code", () => {
  const findings = expected.lists.find((l) => l.list === 1)!.findings;
  expect(findings.map((f) => [f.cell, f.rule, f.fix?.value ?? null])).toEqual(
    expect.arrayContaining([
      ["B3", "code-form", "a) Male"],
      ["D3", "date", serialFromYmd(2016, 2, 1)],
      ["B4", "code", null],
    ]),
  );
});

test("the section says the lists hold children's personal data, and a workbook without lists is explained", async () => {
  await openPane();
  await openSection("Annex A lists");
  const privacy = await page.getByTestId("annexa-privacy").innerText();
  expect(privacy).toContain("Children's personal data");
  expect(privacy).toContain("never leave it");
  expect(privacy).toContain("“Open .xlsx…”");
  await page.getByRole("button", { name: "Check the lists" }).click();
  await expectShown(page.getByTestId("annexa-problem"), "This workbook holds no Annex A list");
  await expectNoSeriousAxeViolations();
});

test("Check the lists shows each list with what checkAnnexA reports for the file", async () => {
  await chooseFile("Open .xlsx…", listsFile);
  await page.getByRole("heading", { name: /Workbook preview: Northshire Annex A\.xlsx/ }).waitFor();
  await expect(page.getByTestId("annexa-problem").count()).resolves.toBe(0);
  await page.getByRole("button", { name: "Check the lists" }).click();
  await expectShown(page.getByTestId("annexa-summary"), summaryOf(expected));
  await expect(page.getByTestId("annexa-checked-at").innerText()).resolves.toMatch(
    new RegExp(
      `^Checked at \\d\\d:\\d\\d, as of ${formatUkDate(dateFromSerial(TODAY - 30))}, the latest date in the lists \\(List_1!F3\\)$`,
    ),
  );
  // The template version the file follows, in the same line as the CLI prints.
  await expect(page.getByTestId("annexa-template").innerText()).resolves.toBe(expected.template.description);
  expect(expected.template.description).toBe("Template: Ofsted 2019 template.");
  // Lists with rows or findings have a card each; the empty ones are listed in one line each.
  const quiet = expected.lists.filter((l) => l.rows === 0 && l.findings.length === 0);
  expect(quiet.length).toBe(10);
  await expect(page.getByTestId("annexa-list").count()).resolves.toBe(expected.lists.length - quiet.length);
  for (const report of quiet) {
    await expect(
      page.locator(`[data-testid="annexa-empty-list"][data-list="${report.list}"]`).innerText(),
    ).resolves.toBe(`List ${report.list}: ${report.title} (“${report.sheet}”, every column there)`);
  }
  for (const report of expected.lists.filter((l) => !quiet.includes(l))) {
    const card = list(report.list);
    await expect(card.getByRole("heading", { level: 3 }).innerText()).resolves.toBe(
      `List ${report.list}: ${report.title}`,
    );
    await expect(card.innerText()).resolves.toContain(`“${report.sheet}”, headers on row ${report.headerRow}`);
    await expect(card.getByTestId("annexa-rows").innerText()).resolves.toBe(String(report.rows));
    await expect(card.getByTestId("annexa-columns").innerText()).resolves.toBe(`${report.columns.matched} matched`);
    const counts = new Map<string, number>();
    for (const f of report.findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    expect(new Map((await shownGroups(report.list)).map((g) => [g.rule, g.count]))).toEqual(counts);
  }
  // Errors first.
  const groups = await shownGroups(1);
  expect(groups.map((g) => g.rule).indexOf("code")).toBeLessThan(groups.map((g) => g.rule).indexOf("code-form"));
  await expect(group(1, "code-form").innerText()).resolves.toContain("Can be fixed: change to a) Male");
  await expect(page.getByRole("button", { name: "Fix what can be fixed (2)" }).count()).resolves.toBe(1);
  await shot("annexa-section", "/tmp/pane-annexa-results.png");
});

test("going to a finding shows the List_1 tab and selects the cell", async () => {
  await expect(page.getByRole("tab", { selected: true }).innerText()).resolves.not.toBe(LIST_1);
  await group(1, "code-form")
    .getByRole("button", { name: `${LIST_1}!B3` })
    .click();
  await page.getByRole("tab", { name: LIST_1, exact: true, selected: true }).waitFor();
  await expect(page.getByTestId("grid-selection").innerText()).resolves.toBe("B3");
  await expect(gridCell("B3").getAttribute("aria-selected")).resolves.toBe("true");
  await expectShown(page.getByTestId("grid-announcement"), `Selected ${LIST_1}!B3: Male.`);
  await page.screenshot({ path: "/tmp/pane-annexa-goto.png" });
});

test("the results are accessible", async () => {
  await expectNoSeriousAxeViolations();
});

test("Fix what can be fixed puts the values in the template's form, and Undo puts them back", async () => {
  await expectCell("B3", "Male");
  await expectCell("D3", "1 Feb 2016");
  await page.getByRole("button", { name: "Fix what can be fixed (2)" }).click();
  await expectShown(
    status("annexa-fix"),
    "Fixed 2 cells in the template's form: 1 code put in the template's form and 1 date written as a date; 1 code could not be placed (each finding gives the allowed values)",
  );
  await expectCell("B3", "a) Male");
  await expectCell("D3", "01/02/2016");
  // Checked again: what could be fixed has gone, the unknown code is still there.
  await group(1, "code-form").waitFor({ state: "detached" });
  await group(1, "code").waitFor();
  await expect(list(1).locator('[data-testid="finding-group"][data-rule="date"]').count()).resolves.toBe(0);
  expect(await tabs()).toContain("Annex A findings");
  await page.screenshot({ path: "/tmp/pane-annexa-fixed.png" });

  await undo();
  await expectShown(status("undo"), "Undone: Write the Annex A findings into the workbook.");
  await expectCell("B3", "Male");
  await expectCell("D3", "1 Feb 2016");
  await group(1, "code-form").waitFor();
  await until(async () => !(await tabs()).includes("Annex A findings"));
});

test("Write findings into the workbook adds the findings sheet, which Undo removes", async () => {
  const total = expected.lists.reduce((n, l) => n + l.findings.length, 0);
  await page.getByRole("button", { name: "Write findings into the workbook" }).click();
  await expectShown(status("annexa-write"), `${total} findings are listed on “Annex A findings”`);
  await page.getByRole("tab", { name: "Annex A findings", selected: true }).waitFor();
  await expect(grid().locator("tbody tr").first().locator("td").allInnerTexts()).resolves.toEqual(
    expect.arrayContaining(["List", "Sheet", "Cell", "Severity", "Rule", "Message"]),
  );
  // The lists themselves are as they were.
  await page.getByRole("tab", { name: LIST_1, exact: true }).click();
  await expectCell("B3", "Male");
  await undo();
  await until(async () => !(await tabs()).includes("Annex A findings"));
});

test("Choose cases for audit adds the Case audit and QA compliance sheets, which Undo removes", async () => {
  const cases = page.getByLabel("Number of cases");
  await cases.fill("none");
  await page.getByRole("button", { name: "Choose cases for audit" }).click();
  await expectShown(page.getByRole("alert"), "Enter a whole number of cases from 1 to 500");
  await cases.fill("2");
  await page.getByRole("button", { name: "Choose cases for audit" }).click();
  await expectShown(status("annexa-audit"), "Chose 2 cases (2 from List 1) on “Case audit”");
  await page.getByRole("tab", { name: "Case audit", selected: true }).waitFor();
  expect(await tabs()).toEqual(expect.arrayContaining(["Case audit", "QA compliance"]));
  await expect(grid().locator("tbody tr").first().locator("td").allInnerTexts()).resolves.toEqual(
    expect.arrayContaining(["Case", "Child Unique ID", "From list", "Auditor", "Due date", "Grade"]),
  );
  await undo();
  await until(async () => !(await tabs()).includes("Case audit"));
  await cases.fill("30");
});

test("the as-of date: one that is not a date is explained, a real one is used", async () => {
  const asOf = page.getByLabel("Check as of (optional)");
  await asOf.fill("32/13/2026");
  await page.getByRole("button", { name: "Check the lists" }).click();
  await expectShown(page.getByRole("alert"), "“32/13/2026” is not a date");
  await expect(asOf.getAttribute("aria-invalid")).resolves.toBe("true");
  await asOf.fill("01/01/2020");
  await page.getByRole("button", { name: "Check the lists" }).click();
  await expectShown(page.getByTestId("annexa-checked-at"), "as of 01/01/2020");
  const earlier = checkAnnexA(await (await XlsxWorkbook.open(listsFile)).read(annexAQuery), serialFromYmd(2020, 1, 1));
  await expectShown(page.getByTestId("annexa-summary"), summaryOf(earlier));
});

test("the section fits a narrow task pane", async () => {
  await page.setViewportSize({ width: 360, height: 1000 });
  await shot("annexa-section", "/tmp/pane-annexa-narrow.png");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(paneOverflow()).resolves.toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1440, height: 1000 });
});

test("every section of the pane open at once is accessible", async () => {
  const closed = page.locator('[data-testid="pane"] h2 button[aria-expanded="false"]');
  while ((await closed.count()) > 0) await closed.first().click();
  await expect(page.locator('[data-testid="pane"] h2 button[aria-expanded="false"]').count()).resolves.toBe(0);
  await expect(page.locator('[data-testid="pane"] h2 button[aria-expanded="true"]').count()).resolves.toBe(9);
  await expectNoSeriousAxeViolations();
  // And one by one they close again, from the keyboard.
  const create = page.getByRole("button", { name: "Create a plan", exact: true });
  await create.focus();
  await page.keyboard.press("Enter");
  await expect(create.getAttribute("aria-expanded")).resolves.toBe("false");
  await expect(page.getByRole("button", { name: "Create plan sheets" }).count()).resolves.toBe(0);
});

test("a sheet not recognised as a list is shown with the list it resembles, and checked as the list the user names", async () => {
  const file = path.join(scratch, "Contacts export.xlsx");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Contacts");
  sheet.addRow(["Child ID", "DOB", "Contact Date"]);
  sheet.addRow(["C9", new Date(Date.UTC(2016, 1, 1)), LAST_MONTH]);
  await workbook.xlsx.writeFile(file);
  await chooseFile("Open .xlsx…", file);
  await page.getByRole("heading", { name: /Workbook preview: Contacts export\.xlsx/ }).waitFor();
  await page.getByLabel("Check as of (optional)").fill("");
  await page.getByRole("button", { name: "Check the lists" }).click();
  const shown = page.locator('[data-testid="annexa-unrecognised-sheet"][data-sheet="Contacts"]');
  await expectShown(shown, "It has 3 of 7 List 1 (Contacts) columns: Child Unique ID, Date of Birth, Date of Contact.");
  await expect(page.getByLabel("Which list “Contacts” holds").inputValue()).resolves.toBe("1");
  await expectNoSeriousAxeViolations();
  await page.getByRole("button", { name: "Check it as this list" }).click();
  await list(1).waitFor();
  await expect(list(1).innerText()).resolves.toContain("“Contacts”, headers on row 1");
  await expect(list(1).getByTestId("annexa-columns").innerText()).resolves.toBe(
    "3 matched; missing: “Gender”, “Ethnicity”, “Age of Child (Years)” and “Contact Source”",
  );
  await expect(shown.count()).resolves.toBe(0);
  const headers = list(1).getByTestId("annexa-header-matches");
  await headers.locator("summary").click();
  await expect(headers.innerText()).resolves.toContain(
    "C1: “Contact Date” is a known other spelling of “Date of Contact”",
  );
});

/** Opens a workbook whose List_1 is protected and asks for the findings to be written: refused, nothing added. */
async function writingIsRefused(file: string): Promise<void> {
  await chooseFile("Open .xlsx…", file);
  const name = path.basename(file).replace(/[.]/g, "\\.");
  await page.getByRole("heading", { name: new RegExp(`Workbook preview: ${name}`) }).waitFor();
  const tabsBefore = await tabs();
  await openSection("Annex A lists");
  await page.getByRole("button", { name: "Check the lists" }).click();
  await page.getByText(/^Checked at /).waitFor();
  await page.getByRole("button", { name: "Write findings into the workbook" }).click();
  await expectShown(
    page.getByRole("status").filter({ hasText: "Could not write the findings" }),
    'The sheet "List_1" is protected, so nothing was changed. Unprotect it (Review > Unprotect Sheet), then try again.',
  );
  await expect(tabs()).resolves.toEqual(tabsBefore);
}

async function protectedLists(name: string): Promise<string> {
  const protectedFile = path.join(scratch, name);
  const workbook = await templateWith({ 1: [["C001", "Man", "a) WBRI", null, null, LAST_MONTH, "e) 2A: Schools"]] });
  await workbook.getWorksheet("List_1")!.protect("", {});
  await workbook.xlsx.writeFile(protectedFile);
  return protectedFile;
}

test("a protected list: writing the findings is refused before anything is written, naming the sheet", async () => {
  await writingIsRefused(await protectedLists("Protected Annex A.xlsx"));
});

test('a list protected in LibreOffice (which writes sheet="true") is refused the same way', async () => {
  const savedDir = path.join(scratch, "saved-by-libreoffice");
  fs.mkdirSync(savedDir, { recursive: true });
  const [saved] = resavedByLibreOffice([await protectedLists("Annex A kept in LibreOffice.xlsx")], savedDir);
  await writingIsRefused(saved!);
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

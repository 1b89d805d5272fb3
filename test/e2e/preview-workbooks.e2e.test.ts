/**
 * The built pane in headless Chromium, in preview mode, with the workbooks users really have: every sheet
 * of a SIF plan, a council's own framework loaded from a JSON file (good and broken), refreshing a plan
 * to a newer version of its framework, and a messy .xlsx of the user's own opened, structured (with a
 * corrected mapping and fixed values), undone, structured again and downloaded with nothing of it lost.
 * Checks accessibility with the structure preview open, and that nothing leaves 127.0.0.1.
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { type BrowserContext, type Locator, type Page } from "playwright-core";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { getFramework } from "../../src/domain/frameworks";
import { PLAN_KINDS } from "../../src/domain/plan";
import { newSheetSpec } from "../../src/sheets/planKinds";
import { tableName, tablesOf } from "../../src/workbook/xlsx/excelJsPatch";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { messyPlans, writeMessyPlan, type MessyPlan } from "../fixtures/messyPlans";
import {
  expectShown as waitUntilShown,
  launchChromium,
  paneSteps,
  seriousAxeViolations,
  startPreviewServer,
  stopPreview,
} from "../support/previewBrowser";

const SIF = getFramework("ofsted-sif-2013");

let server: http.Server;
let baseUrl: string;
let scratch: string;
let context: BrowserContext;
let page: Page;
let requests: string[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  ({ server, baseUrl } = await startPreviewServer());
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-workbooks-"));
  ({ context, page, requests, pageErrors } = await launchChromium(path.join(scratch, "profile"), {
    width: 1440,
    height: 900,
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
  // The pane starts with only "Create a plan" open; these tests use two more of its sections.
  for (const title of ["Structure an existing sheet", "Keep plans up to date"]) {
    await page.getByRole("button", { name: title, expanded: false }).click();
  }
}

const grid = () => page.getByTestId("sheet-grid");
/** The text of each cell of a spreadsheet row (1-based), without the row number. */
const gridRow = (row: number) =>
  grid()
    .locator("tbody tr")
    .nth(row - 1)
    .locator("td")
    .allInnerTexts();
/** The text of one cell, by its A1 address. */
async function gridCell(address: string): Promise<string> {
  const [, letters, digits] = /^([A-Z])(\d+)$/.exec(address)!;
  return (await gridRow(Number(digits)))[letters!.charCodeAt(0) - 65] ?? "";
}
/** Waits until the element shows the text, then gives all of its text (messages appear after a command runs). */
async function textOnceShown(locator: Locator, expected: string | RegExp): Promise<string> {
  await waitUntilShown(locator, expected);
  return locator.innerText();
}
/** Waits until the element shows the text, in its case (a message appears once its command has run). */
async function expectShown(locator: Locator, expected: string): Promise<void> {
  expect(await textOnceShown(locator, expected)).toContain(expected);
}
const status = (section: "create" | "structure" | "refresh" | "undo") => page.getByTestId(`status-${section}`);
const tabs = () => page.getByRole("tab").allInnerTexts();
const picker = () => page.getByLabel("Inspection framework");

async function selectTab(name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.getByRole("tab", { name, selected: true }).waitFor();
}

function writeJson(name: string, data: unknown): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data, null, 2));
  return file;
}

async function expectNoSeriousAxeViolations(): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** A council's own framework, small enough to read: one judgement and its criteria. */
function ownFramework(version: string, criteria: [ref: string, text: string, confirmed?: boolean][]) {
  return {
    id: "northshire-local",
    version,
    name: "Northshire local improvement framework",
    inspectorate: "Northshire Council improvement board",
    country: "England",
    inForceFrom: "2025-04-01",
    confidence: "confirmed",
    sources: [{ id: "board", title: "Improvement board terms of reference" }],
    scale: {
      id: "progress",
      grades: [
        { id: "good", label: "Good", rank: 2 },
        { id: "ri", label: "Requires improvement", rank: 1 },
      ],
      confidence: "confirmed",
      sources: ["board"],
    },
    judgements: [
      {
        id: "front-door",
        name: "Front door",
        kind: "key",
        confidence: "confirmed",
        sources: ["board"],
        criteria: criteria.map(([ref, text, confirmed = true]) => ({
          ref,
          text,
          sources: ["board"],
          confidence: confirmed ? "confirmed" : "unconfirmed",
        })),
      },
    ],
    linkingRules: [],
  };
}

const OWN_V1 = ownFramework("1", [
  ["NL-01", "Contacts are screened within one working day"],
  ["NL-02", "Thresholds are understood by partners"],
  ["NL-03", "Strategy discussions are held promptly", false],
]);
const OWN_V2 = ownFramework("2", [
  ["NL-01", "Contacts are screened within one working day"],
  ["NL-02", "Partners understand and apply the thresholds"],
  ["NL-04", "Return home interviews are offered to every child"],
]);

/** A plan as a council keeps it: a title, the header on row 3, RAG as initials, and a column we do not know. */
const boardPlan: MessyPlan = {
  name: "a board's plan with RAG initials",
  sheet: "Improvement plan",
  as: "action-plan",
  build(ws) {
    ws.getCell("A1").value = "Northshire Children's Services Improvement Plan";
    const data: ExcelJS.CellValue[][] = [
      ["Ref", "Action", "Lead Officer", "Timescale", "RAG", "Board view"],
      ["1.1", "Weekly performance clinic", "Head of Service", new Date(Date.UTC(2026, 2, 31)), "G", "Assured"],
      ["1.2", "Supervision audit", "Practice lead", new Date(Date.UTC(2026, 0, 15)), "a", "Not yet assured"],
      ["1.3", "Commission new provider", "Commissioning manager", new Date(Date.UTC(2025, 11, 1)), "Red", ""],
    ];
    data.forEach((values, r) => values.forEach((value, c) => (ws.getCell(3 + r, c + 1).value = value)));
  },
  expected: {
    headerRow: 3,
    dataRows: 3,
    mapping: { ref: "Ref", action: "Action", lead: "Lead Officer", due: "Timescale", rag: "RAG" },
    unmapped: ["Board view"],
    normalisable: { E4: "Green", E5: "Amber" },
    range: "A3:F6",
  },
};

async function previewMapping(): Promise<void> {
  await page.getByRole("button", { name: "Preview mapping" }).click();
  await page.getByTestId("structure-preview").or(page.getByTestId("structure-error")).waitFor();
}

async function correctProgressToBoardView(): Promise<void> {
  const progress = page.getByRole("combobox", { name: "Column for Progress update" });
  await progress.selectOption({ label: "F – Board view" });
  await page.getByText("Every column holds a field of the plan.").waitFor();
  await expect(progress.inputValue()).resolves.toBe("5");
}

// ---- every sheet of a plan, for SIF -------------------------------------------------------------------

test("creates a self-evaluation, an action plan and an evidence tracker for SIF", async () => {
  await openPane();
  await picker().selectOption(SIF.id);
  const facts = page.getByTestId("unconfirmed-facts");
  await expect(facts.innerText()).resolves.toMatch(/^\d+ facts? not yet confirmed against the published framework/);
  await facts.locator("summary").click();
  await expect(facts.innerText()).resolves.toContain("Criterion SCB-01");
  for (const kind of ["Self-evaluation", "Action plan", "Evidence tracker"]) {
    await expect(page.getByRole("checkbox", { name: kind }).isChecked()).resolves.toBe(true);
  }
  await page.getByRole("button", { name: "Create plan sheets" }).click();
  const rows = SIF.judgements.reduce((n, j) => n + j.criteria.length, 0);
  await expectShown(
    status("create"),
    `Created 3 sheets from ${SIF.name}: “Self-evaluation” (${rows} rows), “Action plan” (${rows} rows) and “Evidence tracker” (${SIF.evidence.length} rows).`,
  );
  expect(await tabs()).toEqual(["Sheet1", "Self-evaluation", "Action plan", "Evidence tracker"]);
  await page.getByRole("tab", { name: "Action plan", selected: true }).waitFor();
  for (const spec of PLAN_KINDS.map(newSheetSpec)) {
    await selectTab(spec.sheetName);
    const headers = spec.columns.map((c) => c.header);
    expect((await gridRow(1)).slice(0, headers.length)).toEqual(headers);
  }
  await selectTab("Self-evaluation");
  expect((await gridRow(2))[0]).toBe(SIF.judgements.flatMap((j) => j.criteria)[0]!.ref);
});

test("refreshing a plan that matches its framework changes nothing", async () => {
  await page.getByRole("button", { name: "Refresh to the current framework" }).click();
  const text = await textOnceShown(status("refresh"), "Nothing to change");
  expect(text).toContain("Nothing to change: every plan already matches its framework.");
  expect(text).toContain(`“Self-evaluation” (${SIF.name}): nothing to change.`);
  expect(text).toContain(`“Action plan” (${SIF.name}): nothing to change.`);
  expect(text).toContain("“Evidence tracker” was left as it is");
});

test("refreshing a workbook without plans says how to make one", async () => {
  await openPane();
  await page.getByRole("button", { name: "Refresh to the current framework" }).click();
  await expectShown(
    status("refresh"),
    "This workbook has no Inspection Ready plans to refresh yet: create plan sheets, or structure a sheet you already have, first",
  );
});

test("a plan workbook made on the command line opens in the preview and refreshes", async () => {
  const file = path.join(scratch, "cli plan.xlsx");
  const made = XlsxWorkbook.empty();
  await runCommand(made, createWorkbookQuery, (snapshot) =>
    createWorkbook(snapshot, { framework: SIF, kinds: ["action-plan"], now: new Date() }),
  );
  await made.save(file);
  await openPane();
  await chooseFile("Open .xlsx…", file);
  // The add-in's records sheet is very hidden, in the file and in the preview.
  await page.getByRole("heading", { name: /Workbook preview: cli plan\.xlsx/ }).waitFor();
  expect(await tabs()).toEqual(["Action plan"]);
  expect((await gridRow(1))[0]).toBe("Ref");
  await page.getByRole("button", { name: "Refresh to the current framework" }).click();
  await expectShown(status("refresh"), `“Action plan” (${SIF.name}): nothing to change.`);
});

// ---- a council's own framework ------------------------------------------------------------------------

test("a file that is not JSON, or not a framework, is refused with where the problem is", async () => {
  await openPane();
  await chooseFile("Load your own framework…", writeJson("notes.json", "Northshire framework, draft 2"));
  const message = page.getByTestId("framework-load-message");
  await expect(message.innerText()).resolves.toMatch(
    /This framework could not be loaded[\s\S]*notes\.json is not JSON/,
  );

  const broken = structuredClone(OWN_V1);
  broken.judgements[0]!.criteria[1]!.ref = "nl 02";
  await chooseFile("Load your own framework…", writeJson("northshire-broken.json", broken));
  await expectShown(
    message,
    "northshire-broken.json is not a valid framework — $.judgements[0].criteria[1].ref: upper-case letters",
  );
  await expect(picker().locator("option", { hasText: "Northshire" }).count()).resolves.toBe(0);
});

test("a council's own framework joins the picker and makes a plan", async () => {
  await chooseFile("Load your own framework…", writeJson("northshire-v1.json", OWN_V1));
  await expectShown(
    page.getByTestId("framework-load-message"),
    "Loaded “Northshire local improvement framework” from northshire-v1.json.",
  );
  await expect(picker().inputValue()).resolves.toBe("northshire-local");
  await expect(picker().locator("optgroup[label='Loaded this session'] option").allInnerTexts()).resolves.toEqual([
    "Northshire local improvement framework",
  ]);
  await expectShown(page.getByTestId("unconfirmed-facts"), "1 fact not yet confirmed against the published framework");
  for (const other of ["Self-evaluation", "Evidence tracker"]) {
    await page.getByRole("checkbox", { name: other }).uncheck();
  }
  await page.getByRole("button", { name: "Create plan sheets" }).click();
  await expectShown(
    status("create"),
    "Created the sheet “Action plan” with 3 rows from Northshire local improvement framework.",
  );
  expect((await gridRow(2))[0]).toBe("NL-01");
  expect((await gridRow(4))[0]).toBe("NL-03");
});

test("refreshing to a newer version of it rewords, adds and keeps retired refs", async () => {
  await chooseFile("Load your own framework…", writeJson("northshire-v2.json", OWN_V2));
  await expect(picker().locator("option", { hasText: "Northshire" }).count()).resolves.toBe(1);
  await page.getByRole("button", { name: "Refresh to the current framework" }).click();
  const text = await textOnceShown(status("refresh"), "Refreshed");
  expect(text).toContain("Refreshed 1 plan to the current framework.");
  expect(text).toContain(
    "“Action plan” (Northshire local improvement framework, from version 1 to 2): 1 cell reworded, 1 criterion added (NL-04) and 1 retired ref kept as it is (NL-03).",
  );
  expect((await gridRow(3)).slice(0, 3)).toEqual([
    "NL-02",
    "Front door",
    "Partners understand and apply the thresholds",
  ]);
  expect((await gridRow(4))[0]).toBe("NL-03");
  expect((await gridRow(5)).slice(0, 3)).toEqual([
    "NL-04",
    "Front door",
    "Return home interviews are offered to every child",
  ]);
  await page.screenshot({ path: "/tmp/pane-refresh.png" });
});

// ---- structuring a sheet the user already has ---------------------------------------------------------

let boardFile: string;

test("opens the user's own .xlsx in the preview", async () => {
  await openPane();
  boardFile = path.join(scratch, "Northshire plan.xlsx");
  await writeMessyPlan(boardPlan, boardFile);
  await expectShown(page.getByTestId("preview-banner"), "never leaves your computer");
  await chooseFile("Open .xlsx…", boardFile);
  await page.getByRole("heading", { name: /Workbook preview: Northshire plan\.xlsx/ }).waitFor();
  expect(await tabs()).toEqual(["Cover", "Improvement plan"]);
  await page.getByRole("tab", { name: "Cover", selected: true }).waitFor();
  expect((await gridRow(1))[0]).toBe("Cover sheet");
});

test("a sheet without a header row is explained, with its name", async () => {
  await previewMapping();
  await expect(page.getByTestId("structure-error").innerText()).resolves.toMatch(
    /Could not preview “Cover” as an action plan[\s\S]*Could not find a header row on "Cover"/,
  );
});

test("previews the mapping of the selected sheet without changing it", async () => {
  await selectTab("Improvement plan");
  await expect(page.getByTestId("structure-sheet").innerText()).resolves.toBe("“Improvement plan”");
  await expect(page.getByLabel("Structure as").inputValue()).resolves.toBe("action-plan");
  await previewMapping();
  await expect(page.getByTestId("structure-error").count()).resolves.toBe(0);
  await expect(page.getByTestId("header-row").innerText()).resolves.toBe("Row 3");
  const preview = page.getByTestId("structure-preview");
  await expect(preview.innerText()).resolves.toContain("A3:F6");
  const lead = page.getByRole("combobox", { name: "Column for Lead" });
  await expect(lead.locator("option:checked").innerText()).resolves.toBe("C – Lead Officer");
  await expect(
    page.getByRole("combobox", { name: "Column for Progress update" }).locator("option:checked").innerText(),
  ).resolves.toBe("(not mapped)");
  await expect(preview.innerText()).resolves.toContain("Kept as they are: F – Board view.");
  const normalisable = page.getByTestId("normalisable");
  await expect(normalisable.innerText()).resolves.toMatch(/E4\s+G\s+Green/);
  await expect(normalisable.innerText()).resolves.toMatch(/E5\s+a\s+Amber/);
  // The sheet's RAG scale is shown; the standard one already holds G and a, so the workbook keeps its own.
  await expect(page.getByTestId("rag-scale").innerText()).resolves.toMatch(
    /Green.*Amber.*Not kept: the standard scale holds every status it uses/,
  );
  // Nothing was written: the grid still shows the user's own values, and there is nothing to undo.
  expect(await gridCell("E4")).toBe("G");
  await expect(page.getByRole("button", { name: "Undo last change" }).getAttribute("aria-disabled")).resolves.toBe(
    "true",
  );
});

test("a corrected mapping is previewed again", async () => {
  await correctProgressToBoardView();
  await expect(
    page.getByRole("combobox", { name: "Column for Progress update" }).locator("option:checked").innerText(),
  ).resolves.toBe("F – Board view");
});

test("the structure preview is accessible", async () => {
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.screenshot({ path: "/tmp/pane-structure-preview.png" });
  await expectNoSeriousAxeViolations();
  await page.setViewportSize({ width: 1440, height: 900 });
});

test("structures the sheet with the fixes, and Undo puts it back", async () => {
  await page.getByRole("checkbox", { name: "Also fix the values that have a suggestion (2)" }).check();
  await page.getByRole("button", { name: "Structure sheet" }).click();
  await expectShown(
    status("structure"),
    "Structured “Improvement plan” as an action plan: the table ActionPlan over A3:F6 with 3 data rows; 2 values put in the plan’s form.",
  );
  await page.getByRole("tab", { name: "Improvement plan", selected: true }).waitFor();
  expect(await gridCell("E4")).toBe("Green");
  expect(await gridCell("E5")).toBe("Amber");
  expect(await gridCell("A1")).toBe("Northshire Children's Services Improvement Plan");
  await page.screenshot({ path: "/tmp/pane-structured.png" });

  // A sheet that is now a plan is not structured twice.
  await previewMapping();
  await expectShown(page.getByTestId("structure-error"), '"Improvement plan" is already a managed plan sheet');

  await page.getByRole("button", { name: "Undo last change" }).click();
  await expectShown(status("undo"), "Undone: Structure");
  expect(await gridCell("E4")).toBe("G");
  expect(await gridCell("E5")).toBe("a");
});

test("Download .xlsx keeps the user's file and adds the structured table", async () => {
  // Structure it again, as the user would after checking the undo.
  await previewMapping();
  await correctProgressToBoardView();
  await page.getByRole("checkbox", { name: "Also fix the values that have a suggestion (2)" }).check();
  await page.getByRole("button", { name: "Structure sheet" }).click();
  await expectShown(status("structure"), "Structured “Improvement plan”");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download .xlsx" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("Northshire plan.xlsx");
  const file = path.join(scratch, "downloaded.xlsx");
  await download.saveAs(file);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name)).toEqual([
    "Cover",
    "Improvement plan",
  ]);
  expect(workbook.getWorksheet("Cover")!.getCell("A1").value).toBe("Cover sheet");
  const sheet = workbook.getWorksheet("Improvement plan")!;
  expect(tablesOf(sheet).map(tableName)).toEqual(["ActionPlan"]);
  expect(sheet.getCell("A1").value).toBe("Northshire Children's Services Improvement Plan");
  expect(sheet.getCell("E4").value).toBe("Green");
  expect(sheet.getCell("E5").value).toBe("Amber");
  expect(sheet.getCell("E6").value).toBe("Red");
  expect(sheet.getCell("F4").value).toBe("Assured");
  expect(sheet.getCell("C5").value).toBe("Practice lead");
  expect(sheet.getCell("D4").value).toEqual(new Date(Date.UTC(2026, 2, 31)));
});

test("a plan with merged cells opens, structures and downloads as a table", async () => {
  const merged = messyPlans.find((p) => p.name === "merged title and themes merged down the rows")!;
  const file = path.join(scratch, "merged.xlsx");
  await writeMessyPlan(merged, file);
  await openPane();
  await chooseFile("Open .xlsx…", file);
  await selectTab(merged.sheet);
  expect(await gridCell("B5")).toBe("");
  await previewMapping();
  await expect(page.getByTestId("header-row").innerText()).resolves.toBe(`Row ${merged.expected.headerRow}`);
  await expectShown(page.getByTestId("structure-changes"), "B5: (blank) → Leadership (filled from a merged cell");
  await page.getByRole("button", { name: "Structure sheet" }).click();
  await expectShown(status("structure"), `Structured “${merged.sheet}”`);
  expect(await gridCell("B5")).toBe("Leadership");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download .xlsx" }).click(),
  ]);
  const saved = path.join(scratch, "merged-downloaded.xlsx");
  await download.saveAs(saved);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(saved);
  const sheet = workbook.getWorksheet(merged.sheet)!;
  expect(tablesOf(sheet).map(tableName)).toEqual(["ActionPlan"]);
  expect(sheet.getCell("B5").value).toBe("Leadership");
  expect(sheet.getCell("A1").value).toBe("Post-inspection action plan");
});

test("the pane fits a narrow task pane", async () => {
  await page.setViewportSize({ width: 320, height: 1600 });
  await openPane();
  await chooseFile("Open .xlsx…", boardFile);
  await selectTab("Improvement plan");
  await previewMapping();
  await page.getByTestId("structure-preview").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/pane-narrow.png", fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1440, height: 900 });
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

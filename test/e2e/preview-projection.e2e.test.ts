/**
 * "Projected judgements" and "Inspection dates" in the built pane, in headless Chromium, in preview mode.
 * An ILACS self-evaluation made with the command line's own code, with positions typed in (HP-04 Red,
 * the rest Green), is opened with "Open .xlsx…" and projected: the cards must show what projectWorkbook
 * gives for the same file, the critical reason's link goes to its cell, the path to Good names HP-04 and
 * Outstanding needs more; the Summary sheet is written and undone. A second file with every care-leavers
 * criterion Red shows the unconfirmed linking rule as such. Then the inspection's dates: a SIF timeline
 * from a notification and an on-site start, a date that is not a date, and an ILACS estimate. Also
 * accessibility with each section open, a narrow pane, and that nothing leaves 127.0.0.1.
 */
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, type Page } from "playwright-core";
import { createInspectionSheets, inspectionSheetsQuery } from "../../src/commands/createInspectionSheets";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { projectQuery, projectWorkbook } from "../../src/commands/projectWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { serialFromYmd } from "../../src/domain/dates";
import type { Projection } from "../../src/domain/projection/project";
import { findFramework, getFramework } from "../../src/domain/frameworks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import {
  expectShown,
  launchChromium,
  paneSteps,
  seriousAxeViolations,
  startPreviewServer,
  stopPreview,
  until,
} from "../support/previewBrowser";

const ILACS = getFramework("ofsted-ilacs-2024");
const SIF = getFramework("ofsted-sif-2013");
const SELF_EVALUATION = "Self-evaluation";

let server: http.Server;
let baseUrl: string;
let scratch: string;
let context: BrowserContext;
let page: Page;
let positionsFile: string;
let careLeaversFile: string;
let timelineFile: string;
let expected: Projection;
let expectedOutstanding: Projection;
let expectedCareLeavers: Projection;
/** Where HP-04's position is, e.g. "Self-evaluation!D13". */
let hp04Cell: string;
let requests: string[] = [];
let pageErrors: string[] = [];

/**
 * An ILACS self-evaluation as the command line makes it, with a position typed against every criterion:
 * `position(ref)` says which.
 */
async function writeSelfEvaluation(file: string, position: (ref: string) => string): Promise<void> {
  const made = XlsxWorkbook.empty();
  await runCommand(made, createWorkbookQuery, (snapshot) =>
    createWorkbook(snapshot, { framework: ILACS, kinds: ["self-evaluation"], now: new Date() }),
  );
  const snapshot = await made.read({ sheets: [SELF_EVALUATION] });
  const table = snapshot.tables.find((t) => t.sheet === SELF_EVALUATION)!;
  const refCol = table.range.left + table.headers.indexOf("Ref");
  const positionCol = table.range.left + table.headers.indexOf("Position");
  const values = snapshot.sheets.find((s) => s.name === SELF_EVALUATION)!.values!;
  const rows = values.slice(table.range.top + 1, table.range.bottom + 1);
  await made.apply({
    description: "What the council typed",
    ops: [
      {
        op: "writeValues",
        sheet: SELF_EVALUATION,
        row: table.range.top + 1,
        col: positionCol,
        values: rows.map((row) => [position(String(row[refCol]))]),
      },
    ],
  });
  await made.save(file);
}

async function projectFile(file: string, target?: string): Promise<Projection> {
  const snapshot = await (await XlsxWorkbook.open(file)).read(projectQuery);
  return projectWorkbook(snapshot, { resolve: findFramework, ...(target ? { target } : {}) }).report;
}

beforeAll(async () => {
  ({ server, baseUrl } = await startPreviewServer());
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-projection-"));
  positionsFile = path.join(scratch, "Northshire self-evaluation.xlsx");
  await writeSelfEvaluation(positionsFile, (ref) => (ref === "HP-04" ? "Red" : "Green"));
  careLeaversFile = path.join(scratch, "Care leavers off track.xlsx");
  await writeSelfEvaluation(careLeaversFile, (ref) => (ref === "HP-04" || ref.startsWith("CL-") ? "Red" : "Green"));
  timelineFile = path.join(scratch, "Timeline made earlier.xlsx");
  const made = XlsxWorkbook.empty();
  await runCommand(made, inspectionSheetsQuery, (snapshot) =>
    createInspectionSheets(snapshot, {
      framework: ILACS,
      dates: { notified: serialFromYmd(2026, 11, 26) + 11 / 24, onsite: null, type: "short" },
      now: new Date(),
    }),
  );
  await made.save(timelineFile);
  expected = await projectFile(positionsFile);
  expectedOutstanding = await projectFile(positionsFile, "Outstanding");
  expectedCareLeavers = await projectFile(careLeaversFile);
  hp04Cell = expected.judgements.flatMap((j) => j.pathToTarget).find((s) => s.ref === "HP-04")!.cell!;

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
const card = (id: string) => page.locator(`[data-testid="judgement-card"][data-judgement="${id}"]`);
const tabs = () => page.getByRole("tab").allInnerTexts();
const undo = () => page.getByRole("button", { name: "Undo last change" }).click();

/** The refs of a card's path to the target, in order. */
const pathRefs = (id: string) =>
  card(id)
    .getByTestId("path-step")
    .evaluateAll((steps) => steps.map((s) => s.getAttribute("data-ref")));

/** Waits until the cards show the projection given: each judgement's grade and path, and the overall grade. */
async function expectCards(projection: Projection): Promise<void> {
  await expectShown(page.getByTestId("projection-summary"), `against the target ${projection.target}`);
  for (const judgement of projection.judgements) {
    await expectShown(card(judgement.id).getByTestId("projected-grade"), judgement.grade ?? "Insufficient evidence");
    await expect(card(judgement.id).getByTestId("path-step").count()).resolves.toBe(judgement.pathToTarget.length);
    await expect(pathRefs(judgement.id)).resolves.toEqual(judgement.pathToTarget.map((s) => s.ref));
  }
  await expect(page.getByTestId("overall-card").getByTestId("projected-grade").innerText()).resolves.toBe(
    projection.overall!.grade ?? "Insufficient evidence",
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

// ---- projected judgements -------------------------------------------------------------------------------

test("the engine's projection of the file: Red and critical HP-04 caps help and protection", () => {
  // What the browser tests below rely on: the seeded positions give a capped judgement and a path.
  const help = expected.judgements.find((j) => j.id === "help-and-protection")!;
  expect(help.reasons.some((r) => r.text.startsWith("HP-04 is Red and critical"))).toBe(true);
  expect(help.pathToTarget.map((s) => s.ref)).toContain("HP-04");
  expect(hp04Cell).toMatch(/^Self-evaluation!D\d+$/);
  const steps = (p: Projection) => p.judgements.reduce((n, j) => n + j.pathToTarget.length, 0);
  expect(steps(expectedOutstanding)).toBeGreaterThan(steps(expected));
  expect(expectedCareLeavers.overall!.reasons.some((r) => r.text.includes("(unconfirmed rule)"))).toBe(true);
});

test("projecting a workbook with no self-evaluation says how to make one", async () => {
  await openPane();
  await openSection("Projected judgements");
  // The target picker offers the framework's grades, best first, with its target chosen.
  const picker = page.getByLabel("Target grade");
  await expect(picker.locator("option").allInnerTexts()).resolves.toEqual([
    "Outstanding",
    "Good",
    "Requires improvement to be good",
    "Inadequate",
  ]);
  await expect(picker.inputValue()).resolves.toBe("good");
  await page.getByRole("button", { name: "Project", exact: true }).click();
  await expectShown(page.getByTestId("projection-problem"), "This workbook has no self-evaluation to project from");
});

test("Project shows a card per judgement with the grades the engine gives for the file", async () => {
  await chooseFile("Open .xlsx…", positionsFile);
  await page.getByRole("heading", { name: /Workbook preview: Northshire self-evaluation\.xlsx/ }).waitFor();
  // Another workbook: the last one's problem has gone.
  await expect(page.getByTestId("projection-problem").count()).resolves.toBe(0);
  await page.getByRole("button", { name: "Project", exact: true }).click();
  await expectCards(expected);
  await expect(page.getByTestId("judgement-card").count()).resolves.toBe(expected.judgements.length);
  for (const judgement of expected.judgements) {
    const words = { high: "High confidence", medium: "Medium confidence", low: "Low confidence" } as const;
    const confidence = judgement.confidence === "insufficient" ? "Not enough positions" : words[judgement.confidence];
    await expect(card(judgement.id).getByTestId("projected-confidence").innerText()).resolves.toBe(confidence);
    await expect(card(judgement.id).getByRole("heading", { level: 3 }).innerText()).resolves.toBe(judgement.name);
    await expect(card(judgement.id).getByTestId("projected-figures").innerText()).resolves.toBe(
      `Score ${judgement.score!.toFixed(2)} (1 to 4) · Coverage ${Math.round(judgement.coverage * 100)}%`,
    );
    await expect(card(judgement.id).getByTestId("reason").count()).resolves.toBe(judgement.reasons.length);
  }
  await expect(page.getByTestId("overall-card").getByRole("heading", { level: 3 }).innerText()).resolves.toBe(
    "Overall effectiveness",
  );
  // The bars say their counts in words, as the engine counted them.
  for (const judgement of expected.judgements) {
    const words = Object.entries(judgement.counts)
      .filter(([, n]) => n > 0)
      .map(([label, n]) => `${label} ${n}`);
    const label = await page
      .locator(`[data-testid="rag-bar"][data-judgement="${judgement.id}"]`)
      .getAttribute("aria-label");
    for (const part of words) expect(label).toContain(part);
  }
  await shot("projection-section", "/tmp/pane-proj-cards.png");
});

test("the critical reason's link goes to HP-04's position", async () => {
  const help = card("help-and-protection");
  const reason = help.getByTestId("reason").filter({ hasText: "HP-04 is Red and critical" });
  await expect(reason.innerText()).resolves.toContain("at best Requires improvement to be good");
  await expect(page.getByRole("tab", { selected: true }).innerText()).resolves.toBe(SELF_EVALUATION);
  await reason.getByRole("button", { name: `HP-04 (${hp04Cell})` }).click();
  const cell = hp04Cell.slice(hp04Cell.indexOf("!") + 1);
  await page.getByRole("tab", { name: SELF_EVALUATION, selected: true }).waitFor();
  await expect(page.getByTestId("grid-selection").innerText()).resolves.toBe(cell);
  await expectShown(page.getByTestId("grid-announcement"), `Selected ${hp04Cell}: Red.`);
});

test("the path to Good lists HP-04 from Red to Green, and its link goes to the cell", async () => {
  const step = card("help-and-protection").locator('[data-testid="path-step"][data-ref="HP-04"]');
  await expect(step.innerText()).resolves.toMatch(/HP-04\s*Red → Green/);
  await expect(card("help-and-protection").getByRole("heading", { name: "To reach Good" }).count()).resolves.toBe(1);
  await step.getByRole("button", { name: `HP-04 (${hp04Cell})` }).click();
  await expect(page.getByTestId("grid-selection").innerText()).resolves.toBe(hp04Cell.split("!")[1]);
});

test("a target of Outstanding projects again at once and lists more steps", async () => {
  await page.getByLabel("Target grade").selectOption({ label: "Outstanding" });
  await expectCards(expectedOutstanding);
  await expect(
    card("help-and-protection").getByRole("heading", { name: "To reach Outstanding" }).count(),
  ).resolves.toBe(1);
  const shown = await page.getByTestId("path-step").count();
  const before = expected.judgements.reduce((n, j) => n + j.pathToTarget.length, 0);
  expect(shown).toBeGreaterThan(before);
  await page.getByLabel("Target grade").selectOption({ label: "Good" });
  await expectCards(expected);
});

test("the projection section is accessible", async () => {
  await page.getByText("Show the counts as a table").click();
  await page.getByTestId("rag-table").waitFor();
  await expectNoSeriousAxeViolations();
});

test("Write the Summary sheet adds a Summary tab, which Undo removes", async () => {
  await expect(page.getByTestId("projection-section").innerText()).resolves.toContain(
    "so the projection moves when someone changes a position, with no add-in running; in Excel the sheet also has a chart",
  );
  expect(await tabs()).not.toContain("Summary");
  await page.getByRole("button", { name: "Write the Summary sheet" }).click();
  await expectShown(status("write-summary"), "Wrote the projected judgements to “Summary”");
  await page.getByRole("tab", { name: "Summary", selected: true }).waitFor();
  // The grid shows the formulas as written (the preview does not calculate them).
  await expect(page.getByTestId("sheet-grid").innerText()).resolves.toMatch(/=|COUNTIF/);
  // The projection is made again after the command, and has not moved.
  await expectCards(expected);
  await page.screenshot({ path: "/tmp/pane-proj-summary.png" });
  await undo();
  await expectShown(status("undo"), "Undone: Write the projected judgements");
  await until(async () => !(await tabs()).includes("Summary"));
  expect(await tabs()).toContain(SELF_EVALUATION);
});

test("an unconfirmed linking rule is marked as such in the overall judgement's reasons", async () => {
  await chooseFile("Open .xlsx…", careLeaversFile);
  await page.getByRole("heading", { name: /Workbook preview: Care leavers off track\.xlsx/ }).waitFor();
  // Another workbook: nothing shown from the last one until it is projected.
  await expect(page.getByTestId("judgement-card").count()).resolves.toBe(0);
  await page.getByRole("button", { name: "Project", exact: true }).click();
  await expectCards(expectedCareLeavers);
  const unconfirmed = page.getByTestId("overall-card").locator('[data-testid="reason"][data-unconfirmed="true"]');
  await expect(unconfirmed.count()).resolves.toBeGreaterThan(0);
  const text = await unconfirmed.first().innerText();
  expect(text).toMatch(/^Unconfirmed rule/);
  expect(text).not.toContain("(unconfirmed rule)");
  await page.getByTestId("overall-card").screenshot({ path: "/tmp/pane-proj-unconfirmed.png" });
  await expectNoSeriousAxeViolations();
});

test("the projection fits a narrow task pane", async () => {
  await page.setViewportSize({ width: 360, height: 3600 });
  await shot("projection-section", "/tmp/pane-proj-narrow.png");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(paneOverflow()).resolves.toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1440, height: 1000 });
});

// ---- inspection dates ------------------------------------------------------------------------------------

const milestone = (label: string) => page.getByTestId("milestone").filter({ hasText: label });

test("a SIF timeline from the notification and on-site start, with the 24-hour deadline", async () => {
  await openPane();
  await openSection("Inspection dates");
  await page.getByLabel("Framework for the timeline").selectOption(SIF.id);
  await page.getByLabel("Notification date").fill("26/11/2026");
  await page.getByLabel("Notification time").fill("15:00");
  await page.getByLabel("On-site start date (optional)").fill("27/11/2026");
  await page.getByLabel("On-site start time (optional)").fill("09:30");
  await page.getByRole("button", { name: "Create timeline and Annex A checklist" }).click();
  await expectShown(status("inspection"), "Made “Timeline” and “Annex A checklist”");
  const deadline = milestone("Key documents and full case lists due (24 hours)");
  await expect(deadline.locator("time").innerText()).resolves.toBe("30/11/2026 09:30");
  await expect(milestone("Inspectors arrive on site").locator("time").innerText()).resolves.toBe("27/11/2026 09:30");
  await expect(milestone("Notification of the inspection").locator("time").innerText()).resolves.toBe(
    "26/11/2026 15:00",
  );
  // The on-site start was given: no estimate to flag.
  await expect(page.getByTestId("onsite-estimate").count()).resolves.toBe(0);
  // Anything not confirmed says so where it is.
  const flagged = page.locator('[data-testid="milestone"]:not([data-confidence="confirmed"])');
  for (const item of await flagged.all()) expect(await item.innerText()).toMatch(/Not confirmed|Partly confirmed/);
  expect(await tabs()).toEqual(expect.arrayContaining(["Timeline", "Annex A checklist"]));
  await page.getByRole("tab", { name: "Timeline", selected: true }).waitFor();
  await shot("inspection-section", "/tmp/pane-proj-timeline.png");
  await expect(paneOverflow()).resolves.toBeLessThanOrEqual(0);
  await expectNoSeriousAxeViolations();
});

test("a date that is not a date is explained, and nothing changes", async () => {
  // The timeline is made: the button now updates it (it was "Create" before the timeline existed).
  const before = await tabs();
  await page.getByLabel("Notification date").fill("31/02/2026");
  await page.getByRole("button", { name: "Update timeline and Annex A checklist" }).click();
  const field = page.getByLabel("Notification date");
  await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
  await expectShown(
    page.getByRole("alert"),
    "“31/02/2026” is not a date. Enter it as dd/mm/yyyy, for example 26/11/2026.",
  );
  await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-invalid"))).resolves.toBe("true");
  await page.getByLabel("Notification time").fill("25:00");
  await page.getByRole("button", { name: "Update timeline and Annex A checklist" }).click();
  await expectShown(page.getByRole("alert").last(), "“25:00” is not a time");
  expect(await tabs()).toEqual(before);
  // The on-site start cannot come before the notification.
  await page.getByLabel("Notification date").fill("26/11/2026");
  await page.getByLabel("Notification time").fill("15:00");
  await page.getByLabel("On-site start date (optional)").fill("20/11/2026");
  await page.getByRole("button", { name: "Update timeline and Annex A checklist" }).click();
  await expectShown(page.getByRole("alert"), "Inspectors arrive after the notification");
  expect(await tabs()).toEqual(before);
  await shot("inspection-section", "/tmp/pane-proj-dates-error.png");
});

test("Undo removes the timeline and its milestones", async () => {
  await undo();
  await expectShown(status("undo"), "Undone: Create the inspection timeline");
  await until(async () => !(await tabs()).includes("Timeline"));
  await page.getByTestId("milestones").waitFor({ state: "detached" });
});

test("ILACS without an on-site date flags the start as an estimate", async () => {
  await page.getByLabel("Framework for the timeline").selectOption(ILACS.id);
  await page.getByLabel("Notification date").fill("26/11/2026");
  await page.getByLabel("Notification time").fill("11:00");
  await page.getByLabel("On-site start date (optional)").fill("");
  await page.getByLabel("On-site start time (optional)").fill("");
  await page.getByRole("radio", { name: "Short inspection" }).check();
  await page.getByRole("button", { name: "Create timeline and Annex A checklist" }).click();
  await expectShown(status("inspection"), `for ${ILACS.name}`);
  await expectShown(page.getByTestId("onsite-estimate"), "The on-site start is an estimate");
  const onsite = milestone("Inspectors arrive on site");
  await expect(onsite.getByTestId("estimate-flag").innerText()).resolves.toBe("Estimate");
  await expect(onsite.innerText()).resolves.toContain("estimate: ");
  await expect(milestone("Last day on site (short inspection").count()).resolves.toBe(1);
  await shot("inspection-section", "/tmp/pane-proj-estimate.png");
  await expect(paneOverflow()).resolves.toBeLessThanOrEqual(0);
  await expectNoSeriousAxeViolations();
});

test("the inspection dates fit a narrow task pane", async () => {
  await page.setViewportSize({ width: 320, height: 1000 });
  await shot("inspection-section", "/tmp/pane-proj-dates-narrow.png");
  await expect(paneOverflow()).resolves.toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1440, height: 1000 });
});

test("a workbook with a timeline fills in its dates, leaving an estimated on-site start blank", async () => {
  await chooseFile("Open .xlsx…", timelineFile);
  await page.getByRole("heading", { name: /Workbook preview: Timeline made earlier\.xlsx/ }).waitFor();
  // Another workbook: the last one's milestones have gone, and the form shows this one's dates.
  await expect(page.getByTestId("milestones").count()).resolves.toBe(0);
  await until(async () => (await page.getByLabel("Notification date").inputValue()) === "26/11/2026");
  await expect(page.getByLabel("Notification time").inputValue()).resolves.toBe("11:00");
  await expect(page.getByLabel("On-site start date (optional)").inputValue()).resolves.toBe("");
  await expect(page.getByLabel("On-site start time (optional)").inputValue()).resolves.toBe("");
  await expect(page.getByRole("radio", { name: "Short inspection" }).isChecked()).resolves.toBe(true);
  await expect(page.getByLabel("Framework for the timeline").inputValue()).resolves.toBe(ILACS.id);
});

test("making the timeline again once the on-site date is known updates the one Timeline in place", async () => {
  // The workbook made earlier has an estimated on-site start; the pane asks for the real one.
  await page.getByLabel("On-site start date (optional)").fill("03/12/2026");
  await page.getByLabel("On-site start time (optional)").fill("10:00");
  await page.getByRole("button", { name: "Update timeline and Annex A checklist" }).click();
  await expectShown(status("inspection"), "Updated “Timeline” and “Annex A checklist”");
  const names = await tabs();
  expect(names.filter((name) => name.startsWith("Timeline"))).toEqual(["Timeline"]);
  expect(names.filter((name) => name.startsWith("Annex A checklist"))).toEqual(["Annex A checklist"]);
  expect(names.some((name) => name.includes("(2)"))).toBe(false);
  // The on-site row shows the date entered, on the sheet and in the pane.
  await page.getByRole("tab", { name: "Timeline", selected: true }).waitFor();
  const onsiteRow = page.getByTestId("sheet-grid").locator("tr").filter({ hasText: "Inspectors arrive on site" });
  await until(async () => (await onsiteRow.count()) === 1 && (await onsiteRow.innerText()).includes("03/12/2026"));
  await expect(milestone("Inspectors arrive on site").locator("time").innerText()).resolves.toBe("03/12/2026 10:00");
  await expect(page.getByTestId("onsite-estimate").count()).resolves.toBe(0);
});

test("picking ILACS from April 2026 shows four judgement cards and no overall card", async () => {
  const ILACS_2026 = getFramework("ofsted-ilacs-2026");
  await openPane();
  await openSection("Create a plan");
  // England's framework in force today is the one the pane starts with; picking it says so.
  const picker = page.getByLabel("Inspection framework");
  await expect(picker.inputValue()).resolves.toBe(ILACS_2026.id);
  await expect(picker.locator('optgroup[label="In force"] option').allInnerTexts()).resolves.toContain(
    `${ILACS_2026.name} (partly confirmed)`,
  );
  await expect(picker.locator('optgroup[label="Past frameworks"] option').allInnerTexts()).resolves.toContain(
    `${ILACS.name} (partly confirmed) (past)`,
  );
  await picker.selectOption(ILACS.id);
  await expectShown(page.getByTestId("past-framework"), "is not in force today");
  await picker.selectOption(ILACS_2026.id);
  await expect(page.getByTestId("past-framework").count()).resolves.toBe(0);
  await page.getByRole("button", { name: "Create plan sheets" }).click();
  await expectShown(status("create"), `from ${ILACS_2026.name}`);

  await openSection("Projected judgements");
  await page.getByRole("button", { name: "Project", exact: true }).click();
  await expectShown(page.getByTestId("projection-summary"), "no overall grade");
  await expect(page.getByTestId("judgement-card").count()).resolves.toBe(4);
  for (const judgement of ILACS_2026.judgements) {
    await expect(card(judgement.id).getByRole("heading", { level: 3 }).innerText()).resolves.toBe(judgement.name);
  }
  await expect(page.getByTestId("overall-card").count()).resolves.toBe(0);
  await expect(page.locator('[data-testid="rag-bar"]').count()).resolves.toBe(4);
  await expect(page.getByTestId("projection-section").innerText()).resolves.not.toMatch(/overall effectiveness/i);
  await shot("projection-section", "/tmp/pane-proj-ilacs-2026.png");
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

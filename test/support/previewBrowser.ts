import fs from "node:fs";
import type { Locator, Page } from "playwright-core";

/**
 * What every browser test of the built pane needs: the production build served and Chromium launched
 * (builtPane.ts), the steps every test takes with the pane, and axe-core's verdict.
 */
import { pageLog } from "./builtPane";
export { DIST, launchChromium, pageLog, serveStatic, startPreviewServer, stopPreview } from "./builtPane";

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script> tag: office.js's own telemetry frame, which the pane's
  // Content Security Policy blocks, can fire a violation while a tag loads, and Playwright then reports
  // the tag as failed.
  await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Waits (up to 10 seconds) until `done` holds. */
export async function until(done: () => Promise<boolean>): Promise<void> {
  const by = Date.now() + 10_000;
  while (!(await done())) {
    if (Date.now() > by) throw new Error(`timed out waiting for ${done.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for a message (a status, an alert) that contains the text; when it does not come, says what did. */
export async function expectShown(locator: Locator, text: string | RegExp, timeout = 10_000): Promise<void> {
  try {
    await locator.filter({ hasText: text }).waitFor({ timeout });
  } catch (error) {
    const shown = await locator.allInnerTexts().catch(() => []);
    throw new Error(
      `Waited ${timeout / 1000} s for “${String(text)}”; shown instead: ${JSON.stringify(shown)}; ${await whatThePageShows(locator.page())}`,
      { cause: error },
    );
  }
}

/** Waits for `locator`; when it does not come, fails with what the pane shows instead and what the page logged. */
export async function waitOrSayWhatIsShown(locator: Locator, timeout: number): Promise<void> {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    throw new Error(`Waited ${timeout / 1000} s for ${String(locator)}; ${await whatThePageShows(locator.page())}`, {
      cause: error,
    });
  }
}

/**
 * The whole pane's text and what the page logged (its console, its workers, failed requests): a message
 * that never came is often explained by what the pane shows instead, or by a worker that never started.
 */
async function whatThePageShows(page: Page): Promise<string> {
  const pane = await page
    .locator("main")
    .first()
    .innerText()
    .catch(() => "(the pane could not be read)");
  return `the pane shows:\n${pane}\nThe page logged:\n${pageLog(page).join("\n")}`;
}

/** The steps every browser test takes with the pane, on whatever page the test file has open. */
export function paneSteps(page: () => Page, baseUrl: () => string) {
  return {
    async openPane(): Promise<void> {
      await page().goto(`${baseUrl()}/taskpane.html`);
      await page().locator('main[data-mode="preview"]').waitFor({ timeout: 15_000 });
      // The sheet's grid follows the pane, just after its first paint.
      await page().getByTestId("sheet-grid").waitFor();
    },
    /** Opens one of the pane's collapsible sections, by its heading. */
    async openSection(title: string): Promise<void> {
      const button = page().getByRole("button", { name: title, exact: true });
      if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
      await expect(button.getAttribute("aria-expanded")).resolves.toBe("true");
    },
    /** Clicks a button that opens the file chooser, and chooses the file. */
    async chooseFile(button: string, file: string): Promise<void> {
      const [chooser] = await Promise.all([
        page().waitForEvent("filechooser"),
        page().getByRole("button", { name: button }).click(),
      ]);
      await chooser.setFiles(file);
    },
  };
}

/**
 * The pane's start (issue 14): the gzip size of the pane's initial script, and in headless Chromium, cold,
 * each run in a fresh profile, from navigation: the first paint and the first contentful paint (the pane's
 * frame in taskpane.html, before any script has run), and the React pane — its first section's heading on
 * screen. Needs the production build: run `npm run build` first.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { DIST, launchChromium, startPreviewServer } from "../test/support/builtPane";

const SCRIPT_TARGET_KB = 300;
/** Each of the three times has the same target: something on screen, and the working pane, within 1 s. */
const RENDER_TARGET_MS = 1000;
const RUNS = 5;

/** The scripts taskpane.html loads itself (office.js is Microsoft's, loaded as shipped): the pane's own. */
function initialScripts(): string[] {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\bsrc="?([^" >]+)"?/g)].map((m) => m[1]!).filter((src) => src !== "office.js");
}

interface StartTimes {
  firstPaint: number;
  firstContentfulPaint: number;
  reactPane: number;
}

async function startTimes(url: string): Promise<StartTimes> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-bench-"));
  const { context, page } = await launchChromium(profile, { width: 1440, height: 1000 });
  try {
    await page.goto(url, { waitUntil: "commit" });
    // performance.now() counts from the navigation's start; checked each frame until a heading shows.
    const shown = await page.waitForFunction(
      () => {
        const heading = document.querySelector("[data-testid=pane] h2");
        return heading && heading.getBoundingClientRect().height > 0 ? performance.now() : false;
      },
      undefined,
      { polling: "raf", timeout: 30_000 },
    );
    const reactPane = (await shown.jsonValue()) as number;
    // Without the frame the first paint would come after the pane's: wait for both paint entries.
    await page.waitForFunction(() => performance.getEntriesByType("paint").length >= 2);
    const paints = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType("paint").map((entry) => [entry.name, entry.startTime])),
    );
    return {
      firstPaint: paints["first-paint"] ?? Number.NaN,
      firstContentfulPaint: paints["first-contentful-paint"] ?? Number.NaN,
      reactPane,
    };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    console.log("pane: dist/ is missing — run `npm run build` first to measure the pane's script and first render");
    return;
  }
  const scripts = initialScripts();
  const gzipBytes = scripts.reduce((sum, src) => sum + zlib.gzipSync(fs.readFileSync(path.join(DIST, src))).length, 0);
  const kb = gzipBytes / 1024;
  console.log(
    `pane initial script (${scripts.join(", ")}): ${kb.toFixed(0)} KB gzip (target ≤ ${SCRIPT_TARGET_KB} KB) ${kb <= SCRIPT_TARGET_KB ? "met" : "NOT MET"}`,
  );

  const { server, baseUrl: url } = await startPreviewServer();
  try {
    const runs: StartTimes[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await startTimes(`${url}/taskpane.html`));
    report(
      "first paint",
      runs.map((run) => run.firstPaint),
    );
    report(
      "first contentful paint (the pane's frame)",
      runs.map((run) => run.firstContentfulPaint),
    );
    report(
      "React pane, navigation to first section heading",
      runs.map((run) => run.reactPane),
    );
  } finally {
    server.close();
  }
}

/** One time's median over the cold starts, each run's figure beside it, and whether it meets the target. */
function report(what: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `pane ${what} (median of ${times.length} cold starts, ${sorted.map((t) => t.toFixed(0)).join("/")} ms): ${median.toFixed(0)} ms (target ≤ ${RENDER_TARGET_MS} ms) ${median <= RENDER_TARGET_MS ? "met" : "NOT MET"}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

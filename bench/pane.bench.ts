/**
 * The pane's start (issue 14): the gzip size of the pane's initial script, and the first render in headless
 * Chromium — from navigation to the first section's heading on screen — cold, each in a fresh profile.
 * Needs the production build: run `npm run build` first.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

const DIST = path.resolve(__dirname, "../../../dist");
const SCRIPT_TARGET_KB = 300;
const RENDER_TARGET_MS = 1000;
const RUNS = 5;

const { serveStatic } = require("../../../scripts/start.js") as {
  serveStatic: (
    root: string,
    options?: { host?: string; port?: number },
  ) => Promise<{ server: import("node:http").Server; url: string }>;
};

/** The scripts taskpane.html loads itself (office.js is Microsoft's, loaded as shipped): the pane's own. */
function initialScripts(): string[] {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\bsrc="?([^" >]+)"?/g)].map((m) => m[1]!).filter((src) => src !== "office.js");
}

async function firstRenderMs(url: string): Promise<number> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "inspection-ready-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    viewport: { width: 1440, height: 1000 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
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
    return (await shown.jsonValue()) as number;
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

  const { server, url } = await serveStatic(DIST, { host: "127.0.0.1", port: 0 });
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await firstRenderMs(`${url}/taskpane.html`));
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(
      `pane first render, navigation to first section heading (median of ${RUNS} cold starts, ${times.map((t) => t.toFixed(0)).join("/")} ms): ${median.toFixed(0)} ms (target ≤ ${RENDER_TARGET_MS} ms) ${median <= RENDER_TARGET_MS ? "met" : "NOT MET"}`,
    );
  } finally {
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

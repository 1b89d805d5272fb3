#!/usr/bin/env node
/**
 * `npm start`.
 * - Windows and macOS: sideload the add-in into Excel desktop with office-addin-debugging, as the Office
 *   add-in templates do (it starts `npm run dev-server`, https://localhost:3000, itself).
 * - Linux, where there is no Excel desktop: explain how to sideload into Excel on the web, and serve the
 *   built pane over http on 127.0.0.1 so it runs as the browser preview.
 * Also exports the small static file server the browser tests use.
 */
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const path = require("path");
const { URL } = require("url");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves the files under `root` (GET and HEAD only; "/" is the task pane). Resolves with the server and
 * its base URL once it listens; port 0 picks a free port.
 */
function serveStatic(root, { host = "127.0.0.1", port = 0 } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    } catch {
      response.writeHead(400).end("Bad request");
      return;
    }
    if (pathname === "/") pathname = "/taskpane.html";
    const file = path.resolve(base, `.${pathname}`);
    if (!file.startsWith(base + path.sep)) {
      response.writeHead(403).end("Forbidden");
      return;
    }
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) {
        response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${pathname}`);
        return;
      }
      response.writeHead(200, {
        "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-store",
      });
      if (request.method === "HEAD") response.end();
      else fs.createReadStream(file).pipe(response);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${address.port}` });
    });
  });
}

function startInExcelDesktop() {
  // The sideloading tool is an optional dependency: npm leaves it out where it cannot build (a machine
  // without the keychain library keytar needs). Say so rather than fail with npx's own message.
  try {
    require.resolve("office-addin-debugging/package.json", { paths: [ROOT] });
  } catch {
    console.error(
      "Excel's sideloading tool (office-addin-debugging) is not installed here: npm skips it where it cannot be built. " +
        "Run `npm install office-addin-debugging` on this machine, or use Excel on the web: `npm run dev-server`, " +
        "then upload manifest.xml (Home > Add-ins > More add-ins > Upload My Add-in).",
    );
    process.exit(1);
  }
  const appType = process.env.npm_package_config_app_type_to_debug || "desktop";
  const app = process.env.npm_package_config_app_to_debug || "excel";
  // `npx --no` runs the installed tool and never downloads one; a shell finds npx.cmd on Windows.
  const child = spawn("npx", ["--no", "office-addin-debugging", "start", "manifest.xml", appType, "--app", app], {
    cwd: ROOT,
    stdio: "inherit",
    shell: true,
  });
  child.on("exit", (code) => process.exit(code ?? 1));
}

async function startPreview() {
  const port = Number(process.env.PORT || 3000);
  console.log("There is no Excel desktop on Linux, so `npm start` serves the pane as a browser preview instead.");
  console.log(
    "To try it in Excel on the web: run `npm run dev-server` (https://localhost:3000; stop this preview first, " +
      "or start it on another port with PORT=3001 npm start), then in Excel on the web choose " +
      "Home > Add-ins > More add-ins > Upload My Add-in and upload manifest.xml.",
  );
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    console.log("No build yet; running `npm run build` first.");
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  try {
    const { url } = await serveStatic(DIST, { host: "127.0.0.1", port });
    console.log(`Preview: ${url}/taskpane.html  (Ctrl+C to stop)`);
  } catch (error) {
    console.error(
      error.code === "EADDRINUSE"
        ? `Port ${port} is in use (is the dev server running?). Try PORT=${port + 1} npm start.`
        : `Could not start the preview server: ${error.message}`,
    );
    process.exit(1);
  }
}

if (require.main === module) {
  if (process.platform === "win32" || process.platform === "darwin") startInExcelDesktop();
  else startPreview();
}

module.exports = { serveStatic };

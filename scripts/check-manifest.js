#!/usr/bin/env node
/**
 * Offline structural check of manifest.xml (`npm run check:manifest`, after `npm run build`).
 * `office-addin-manifest validate` posts the XML to Microsoft's online service; this check needs no
 * network: well-formed XML, a GUID Id, an Excel (Workbook) host, an https SourceLocation on localhost,
 * the ExcelApi requirement the Excel adapter declares, resource ids that resolve, and every icon and URL
 * the manifest names present in dist/.
 * Usage: node scripts/check-manifest.js [manifest.xml]. Exit code 1 with one line per problem; otherwise a
 * one-line summary.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { URL } = require("url");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.resolve(process.argv[2] || path.join(ROOT, "manifest.xml"));
const DIST = path.join(ROOT, "dist");
const ADAPTER_SOURCE = path.join(ROOT, "src", "workbook", "excel", "excelWorkbook.ts");
const DEV_ORIGIN = "https://localhost:3000";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// xml2js (a strict SAX parser underneath) comes with office-addin-manifest; resolve it through that
// package so the check does not depend on how npm hoisted it.
const xml2js = require(
  require.resolve("xml2js", { paths: [path.dirname(require.resolve("office-addin-manifest/package.json"))] }),
);

/** Parses XML into plain element objects: { name, attrs, children, text }, namespace prefixes dropped. */
async function parseXml(text) {
  const parsed = await xml2js.parseStringPromise(text, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitArray: true,
    charsAsChildren: false,
    tagNameProcessors: [xml2js.processors.stripPrefix],
    attrNameProcessors: [xml2js.processors.stripPrefix],
  });
  const [rootName] = Object.keys(parsed);
  // xsi:type values may carry a prefix too ("ov:Workbook"); URLs and other values are left alone.
  const attributes = (node) => {
    const attrs = { ...((node && node.$) || {}) };
    if (typeof attrs.type === "string") attrs.type = xml2js.processors.stripPrefix(attrs.type);
    return attrs;
  };
  const toElement = (name, node) => ({
    name,
    attrs: attributes(node),
    text: typeof node === "string" ? node : (node && node._) || "",
    children: ((node && node.$$) || []).map((child) => toElement(child["#name"], child)),
  });
  return toElement(rootName, parsed[rootName]);
}

function* descendants(element) {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

const all = (root, name) => [...descendants(root)].filter((e) => e.name === name);
const child = (element, name) => element.children.find((c) => c.name === name);

/** The ExcelApi version the Excel adapter says it needs, read from its source text. */
function adapterRequirement() {
  if (!fs.existsSync(ADAPTER_SOURCE))
    return {
      problem: `${path.relative(ROOT, ADAPTER_SOURCE)} is missing, so the ExcelApi requirement cannot be compared`,
    };
  const match = /export\s+const\s+EXCEL_API_REQUIREMENT\b[^=]*=\s*["'`]([0-9.]+)["'`]/.exec(
    fs.readFileSync(ADAPTER_SOURCE, "utf8"),
  );
  if (!match)
    return {
      problem: `${path.relative(ROOT, ADAPTER_SOURCE)} does not export EXCEL_API_REQUIREMENT as a string literal`,
    };
  return { version: match[1] };
}

async function check() {
  const problems = [];
  if (!fs.existsSync(MANIFEST)) return { problems: [`${MANIFEST} is missing`] };
  let root;
  try {
    root = await parseXml(fs.readFileSync(MANIFEST, "utf8"));
  } catch (error) {
    return { problems: [`manifest.xml is not well-formed XML: ${String(error.message).split("\n").join(" ")}`] };
  }
  if (root.name !== "OfficeApp") problems.push(`the root element is <${root.name}>, expected <OfficeApp>`);
  if (root.attrs.type !== "TaskPaneApp")
    problems.push(`OfficeApp xsi:type is "${root.attrs.type || ""}", expected "TaskPaneApp"`);

  const id = (child(root, "Id") || { text: "" }).text.trim();
  if (!GUID.test(id)) problems.push(`<Id> "${id}" is not a GUID`);
  const displayName = child(root, "DisplayName");
  if (!displayName || !displayName.attrs.DefaultValue) problems.push("<DisplayName> has no DefaultValue");

  const hosts = (child(root, "Hosts") || { children: [] }).children.map((h) => h.attrs.Name);
  if (hosts.length !== 1 || hosts[0] !== "Workbook")
    problems.push(`<Hosts> names ${JSON.stringify(hosts)}, expected exactly ["Workbook"]`);
  const overrideHosts = all(root, "VersionOverrides").flatMap((vo) => all(vo, "Host").map((h) => h.attrs.type));
  if (overrideHosts.some((type) => type !== "Workbook"))
    problems.push(`VersionOverrides names hosts ${JSON.stringify(overrideHosts)}, expected only "Workbook"`);

  const sourceLocation = child(child(root, "DefaultSettings") || { children: [] }, "SourceLocation");
  const source = sourceLocation ? sourceLocation.attrs.DefaultValue || "" : "";
  if (!source.startsWith(`${DEV_ORIGIN}/`))
    problems.push(`SourceLocation "${source}" is not https on ${DEV_ORIGIN.replace("https://", "")}`);

  // Requirements: ExcelApi, at exactly the version the Excel adapter declares.
  const sets = all(child(root, "Requirements") || { children: [] }, "Set");
  const excelApi = sets.filter((s) => s.attrs.Name === "ExcelApi");
  const required = adapterRequirement();
  if (excelApi.length !== 1) problems.push(`<Requirements> names ExcelApi ${excelApi.length} times, expected once`);
  else if (required.problem) problems.push(required.problem);
  else if (excelApi[0].attrs.MinVersion !== required.version) {
    problems.push(
      `<Requirements> asks for ExcelApi ${excelApi[0].attrs.MinVersion}, but excelWorkbook.ts declares EXCEL_API_REQUIREMENT = "${required.version}"`,
    );
  }

  // Every resid points at a resource that exists.
  const resources = new Map();
  for (const resource of all(root, "Resources").flatMap((r) => [...descendants(r)])) {
    if (resource.attrs.id) resources.set(resource.attrs.id, resource);
  }
  for (const user of [...descendants(root)].filter((e) => e.attrs.resid)) {
    if (!resources.has(user.attrs.resid))
      problems.push(`<${user.name} resid="${user.attrs.resid}"> refers to no resource`);
  }
  for (const resourceId of resources.keys()) {
    if (resourceId.length > 32) problems.push(`resource id "${resourceId}" is longer than 32 characters`);
  }
  if (!all(root, "Action").some((a) => a.attrs.type === "ShowTaskpane"))
    problems.push('no ribbon button shows the task pane (Action xsi:type="ShowTaskpane")');

  // Every URL the manifest names is served from the build.
  const urls = new Set();
  for (const element of descendants(root)) {
    const value = element.attrs.DefaultValue;
    if (typeof value === "string" && /^[a-z]+:\/\//i.test(value)) urls.add(value);
  }
  for (const url of urls) {
    if (!url.startsWith(`${DEV_ORIGIN}/`)) {
      problems.push(`${url} is not served by the dev server (${DEV_ORIGIN}); nothing may load from elsewhere`);
      continue;
    }
    const relative = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, "");
    const file = path.join(DIST, relative);
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      problems.push(`${url} → dist/${relative} does not exist (run npm run build first)`);
    }
  }
  return { problems, summary: { id, source, excelApi: excelApi[0] && excelApi[0].attrs.MinVersion, urls: urls.size } };
}

check().then(
  ({ problems, summary }) => {
    if (problems.length > 0) {
      for (const problem of problems) console.error(`manifest.xml: ${problem}`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `manifest.xml OK: Id ${summary.id}, Workbook host, ExcelApi ${summary.excelApi}, ${summary.urls} URLs all present in dist/`,
    );
  },
  (error) => {
    console.error(`manifest.xml: the check itself failed: ${error.message}`);
    process.exitCode = 1;
  },
);

#!/usr/bin/env node
/**
 * Builds a corpus of bad and awkward input files, the kind a council's shared drive holds: unreadable
 * files named .xlsx, sheets in shapes nobody planned for, and managed plans whose records or tables were
 * damaged outside the add-in. test/cli/badInputs.test.ts runs every CLI command over every file; the
 * files are made afresh in a temporary folder each run rather than committed.
 *
 *   node scripts/make-bad-inputs.js DIR PLAN.xlsx
 *
 * PLAN.xlsx is a workbook made by `inspection-ready new` (the test makes it), from which the damaged
 * managed plans are derived.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const METADATA_SHEET = "_InspectionReady";
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

/** An OLE compound file's header and a directory naming `streams`: enough to be told apart by its bytes. */
function oleFile(streams) {
  const header = Buffer.alloc(512);
  OLE_SIGNATURE.copy(header);
  const names = streams.map((name) => {
    const entry = Buffer.alloc(128);
    entry.write(name, 0, "utf16le");
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    return entry;
  });
  return Buffer.concat([header, ...names]);
}

/** A stored (uncompressed) zip of the given files: a valid zip that is not an Excel workbook. */
function zipOf(files) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

/** A small workbook of one sheet, built by `fill`, as bytes. */
async function sheetBytes(fill, name = "Plan", setUp = () => {}) {
  const workbook = new ExcelJS.Workbook();
  setUp(workbook);
  const sheet = workbook.addWorksheet(name);
  fill(sheet, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const HEADERS = ["Ref", "Action", "Lead officer", "Due date", "RAG", "Progress update", "Evidence"];

/** A council's own action plan: headers in row 1 and a few rows under them. */
function plainPlan(sheet) {
  sheet.addRow(HEADERS);
  sheet.addRow(["1.1", "Audit programme", "QA manager", utc(2026, 3, 31), "Amber", "Started", ""]);
  sheet.addRow(["1.2", "Training", "", "31/13/2026", "g", "", ""]);
  sheet.addRow(["1.3", "Practice week", "Head of service", "next week", "Red", "", ""]);
  sheet.getCell("D2").numFmt = "dd/mm/yyyy";
}

/** The managed plan made by `new`, opened to be damaged by `damage`, as bytes. */
async function planBytes(planFile, damage) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(planFile);
  await damage(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rewrites the metadata sheet's records: `edit` takes and returns [key, json] pairs. */
function editRecords(workbook, edit) {
  const sheet = workbook.getWorksheet(METADATA_SHEET);
  const rows = [];
  sheet.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
  const edited = edit(rows);
  for (let r = 1; r <= Math.max(rows.length, edited.length); r++) {
    const [key, json] = edited[r - 1] ?? [null, null];
    sheet.getRow(r).getCell(1).value = key;
    sheet.getRow(r).getCell(2).value = json;
  }
}

/** The first plan record's JSON changed by `change`, the rest kept. */
function changeFirstPlan(workbook, change) {
  editRecords(workbook, (rows) => {
    let done = false;
    return rows.map(([key, json]) => {
      if (key !== "plan" || done) return [key, json];
      done = true;
      return [key, change(JSON.parse(json))];
    });
  });
}

const withRecord = (key, json) => (workbook) =>
  editRecords(workbook, (rows) => [rows[0], [key, json], ...rows.slice(1)]);

/**
 * Every case: a file name and how to make its bytes (from the managed plan where it needs one). Names
 * are unique, and say what is wrong.
 */
const CASES = [
  // ---- not a workbook we can read ----------------------------------------------------------------------
  ["empty.xlsx", () => Buffer.alloc(0)],
  ["one-byte.xlsx", () => Buffer.from("P")],
  ["encrypted.xlsx", () => oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"])],
  ["old-excel.xlsx", () => oleFile(["Root Entry", "Workbook", "\u0005SummaryInformation"])],
  ["old-excel.xls", () => oleFile(["Root Entry", "Workbook"])],
  ["word-97.xlsx", () => oleFile(["Root Entry", "WordDocument", "1Table"])],
  ["csv-renamed.xlsx", () => Buffer.from("Ref,Action,Lead officer,Due date,RAG\n1.1,Audit,QA,31/03/2026,Amber\n")],
  ["csv-utf8-bom.xlsx", () => Buffer.from("\ufeffRef;Action;Lead\n1.1;Audit;QA\n")],
  ["text-utf16.xlsx", () => Buffer.from("\ufeffRef\tAction\r\n1.1\tAudit\r\n", "utf16le")],
  ["html-renamed.xlsx", () => Buffer.from("<html><body><table><tr><td>Ref</td></tr></table></body></html>")],
  ["random-bytes.xlsx", () => Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256))],
  ["zip-not-excel.xlsx", () => zipOf({ "notes.txt": "Not a workbook", "readme.md": "# Hello" })],
  ["zip-empty.xlsx", () => zipOf({})],
  [
    "truncated-half.xlsx",
    async (plan) => {
      const bytes = fs.readFileSync(plan);
      return bytes.subarray(0, Math.floor(bytes.length / 2));
    },
  ],
  ["truncated-header.xlsx", async (plan) => fs.readFileSync(plan).subarray(0, 100)],
  [
    "truncated-end.xlsx",
    async (plan) => {
      const bytes = fs.readFileSync(plan);
      return bytes.subarray(0, bytes.length - 30);
    },
  ],

  // ---- sheets in shapes nobody planned for ------------------------------------------------------------------
  ["no-sheets.xlsx", async () => Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer())],
  ["empty-sheet.xlsx", () => sheetBytes(() => {})],
  ["header-only.xlsx", () => sheetBytes((s) => s.addRow(HEADERS))],
  ["plain-plan.xlsx", () => sheetBytes(plainPlan)],
  [
    "merged-headers.xlsx",
    () =>
      sheetBytes((s) => {
        s.addRow(["Action plan", "", "", "", "", "", ""]);
        s.mergeCells("A1:G1");
        s.addRow(["Ref", "Action", "Who", "", "When", "RAG", ""]);
        s.mergeCells("C2:D2");
        s.mergeCells("F2:G2");
        s.addRow(["1.1", "Audit", "QA", "manager", utc(2026, 3, 31), "Amber", ""]);
      }),
  ],
  [
    "merged-data.xlsx",
    () =>
      sheetBytes((s) => {
        plainPlan(s);
        s.mergeCells("B2:B4");
      }),
  ],
  [
    "protected-sheet.xlsx",
    () =>
      sheetBytes((s) => {
        plainPlan(s);
        s.protect("secret", { selectLockedCells: true });
      }),
  ],
  [
    "hidden-sheet.xlsx",
    () =>
      sheetBytes((s, workbook) => {
        plainPlan(s);
        s.state = "hidden";
        workbook.addWorksheet("Cover").getCell("A1").value = "Cover";
      }),
  ],
  [
    "very-hidden-only.xlsx",
    () =>
      sheetBytes((s) => {
        plainPlan(s);
        s.state = "veryHidden";
      }),
  ],
  [
    "error-values.xlsx",
    () =>
      sheetBytes((s) => {
        plainPlan(s);
        s.getCell("C2").value = { error: "#N/A" };
        s.getCell("D3").value = { error: "#REF!" };
        s.getCell("E4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      }),
  ],
  [
    "huge-cell.xlsx",
    () =>
      sheetBytes((s) => {
        plainPlan(s);
        s.getCell("B2").value = "x".repeat(32767);
        s.getCell("F3").value = "Progress ".repeat(3640).slice(0, 32767);
      }),
  ],
  [
    "columns-16384.xlsx",
    () =>
      sheetBytes((s) => {
        plainPlan(s);
        s.getCell(1, 16384).value = "Last column";
        s.getCell(2, 16384).value = 1;
      }),
  ],
  ["quoted-sheet-name.xlsx", () => sheetBytes(plainPlan, "O'Brien's plan")],
  ["emoji-sheet-name.xlsx", () => sheetBytes(plainPlan, "Plan 📋 2026")],
  ["unicode-sheet-name.xlsx", () => sheetBytes(plainPlan, "Cynllun gweithredu – Ŵ")],
  ["long-sheet-name.xlsx", () => sheetBytes(plainPlan, "A very long sheet name of 31 ch")],
  [
    "duplicate-headers.xlsx",
    () =>
      sheetBytes((s) => {
        s.addRow(["Ref", "Action", "Action", "Due date", "Due date", "RAG", ""]);
        s.addRow(["1.1", "Audit", "Again", utc(2026, 3, 31), "31/03/2026", "Amber", ""]);
      }),
  ],
  [
    "blank-headers.xlsx",
    () =>
      sheetBytes((s) => {
        s.addRow(["Ref", "", "Action", "", "RAG"]);
        s.addRow(["1.1", "x", "Audit", "y", "Amber"]);
      }),
  ],
  [
    "numbers-for-text.xlsx",
    () =>
      sheetBytes((s) => {
        s.addRow(HEADERS);
        s.addRow([1.1, 42, true, -5, 3, 0, false]);
        s.addRow([2, null, 1e308, 0, "", -1, ""]);
      }),
  ],
  [
    "odd-dates.xlsx",
    () =>
      sheetBytes((s) => {
        s.addRow(HEADERS);
        s.addRow(["1.1", "Far future", "QA", utc(9999, 12, 31), "Amber", "", ""]);
        s.addRow(["1.2", "Day zero", "QA", 0, "Amber", "", ""]);
        s.addRow(["1.3", "Negative", "QA", -30, "Amber", "", ""]);
        s.addRow(["1.4", "29 February", "QA", "29/02/2025", "Amber", "", ""]);
        for (const r of [2, 3, 4]) s.getCell(`D${r}`).numFmt = "dd/mm/yyyy";
      }),
  ],
  [
    "rich-text-and-links.xlsx",
    () =>
      sheetBytes((s) => {
        plainPlan(s);
        s.getCell("B2").value = { richText: [{ text: "Audit " }, { font: { bold: true }, text: "programme" }] };
        s.getCell("G2").value = { text: "Evidence", hyperlink: "https://example.org/evidence" };
        s.getCell("F2").value = { formula: "A2&B2" };
      }),
  ],
  ["date-1904.xlsx", () => sheetBytes(plainPlan, "Plan", (workbook) => (workbook.properties.date1904 = true))],
  [
    "title-rows-only.xlsx",
    () =>
      sheetBytes((s) => {
        for (let r = 1; r <= 40; r++) s.addRow([`Note ${r}`]);
      }),
  ],
  [
    "annex-a-like.xlsx",
    () =>
      sheetBytes((s) => {
        s.addRow(["Child Unique ID", "Gender", "Ethnicity", "Date of birth", "Age", "Date of contact"]);
        s.addRow(["C1", "a) Male", "WBRI", "31/02/2020", "x", { error: "#VALUE!" }]);
        s.addRow(["C1", "", "", utc(2030, 1, 1), -3, "yesterday"]);
      }, "List 1 - Contacts"),
  ],

  // ---- a managed plan whose records were changed by hand -------------------------------------------------
  ["plan-as-made.xlsx", (plan) => fs.readFileSync(plan)],
  ["meta-null-plan.xlsx", (plan) => planBytes(plan, withRecord("plan", "null"))],
  ["meta-number-plan.xlsx", (plan) => planBytes(plan, withRecord("plan", "5"))],
  ["meta-text-plan.xlsx", (plan) => planBytes(plan, withRecord("plan", '"Action plan"'))],
  ["meta-list-plan.xlsx", (plan) => planBytes(plan, withRecord("plan", "[]"))],
  ["meta-bad-json.xlsx", (plan) => planBytes(plan, withRecord("plan", "{not json"))],
  ["meta-empty-cell.xlsx", (plan) => planBytes(plan, withRecord("plan", null))],
  [
    "meta-no-columns.xlsx",
    (plan) => planBytes(plan, (w) => changeFirstPlan(w, (p) => JSON.stringify({ ...p, columns: undefined }))),
  ],
  [
    "meta-null-columns.xlsx",
    (plan) => planBytes(plan, (w) => changeFirstPlan(w, (p) => JSON.stringify({ ...p, columns: null }))),
  ],
  [
    "meta-null-sheet.xlsx",
    (plan) => planBytes(plan, (w) => changeFirstPlan(w, (p) => JSON.stringify({ ...p, sheet: null }))),
  ],
  [
    "meta-number-table.xlsx",
    (plan) => planBytes(plan, (w) => changeFirstPlan(w, (p) => JSON.stringify({ ...p, table: 7 }))),
  ],
  [
    "meta-unknown-kind.xlsx",
    (plan) => planBytes(plan, (w) => changeFirstPlan(w, (p) => JSON.stringify({ ...p, kind: "risk-register" }))),
  ],
  [
    "meta-areas-text.xlsx",
    (plan) => planBytes(plan, (w) => changeFirstPlan(w, (p) => JSON.stringify({ ...p, areas: "all" }))),
  ],
  ["meta-null-settings.xlsx", (plan) => planBytes(plan, withRecord("settings", "null"))],
  ["meta-rag-not-list.xlsx", (plan) => planBytes(plan, withRecord("settings", '{"rag":5}'))],
  ["meta-rag-null-entry.xlsx", (plan) => planBytes(plan, withRecord("settings", '{"rag":[null]}'))],
  ["meta-rag-empty.xlsx", (plan) => planBytes(plan, withRecord("settings", '{"rag":[]}'))],
  ["meta-stale-text.xlsx", (plan) => planBytes(plan, withRecord("settings", '{"staleDays":"thirty"}'))],
  ["meta-inspection-null.xlsx", (plan) => planBytes(plan, withRecord("settings", '{"inspection":null}'))],
  [
    "meta-no-version.xlsx",
    (plan) => planBytes(plan, (w) => editRecords(w, (rows) => rows.filter(([key]) => key !== "schemaVersion"))),
  ],
  [
    "meta-newer-version.xlsx",
    (plan) =>
      planBytes(plan, (w) => editRecords(w, (rows) => rows.map(([k, j]) => [k, k === "schemaVersion" ? "99" : j]))),
  ],
  ["meta-sheet-empty.xlsx", (plan) => planBytes(plan, (w) => editRecords(w, () => []))],

  // ---- a managed plan whose sheets or tables were changed outside the add-in -----------------------------
  ["missing-sheet.xlsx", (plan) => planBytes(plan, (w) => w.removeWorksheet(w.getWorksheet("Action plan").id))],
  ["missing-table.xlsx", (plan) => planBytes(plan, (w) => w.getWorksheet("Action plan").removeTable("ActionPlan"))],
  [
    "missing-table-renamed-in-records.xlsx",
    (plan) => planBytes(plan, (w) => changeFirstPlan(w, (p) => JSON.stringify({ ...p, table: `${p.table}Gone` }))),
  ],
  [
    "missing-every-sheet.xlsx",
    (plan) =>
      planBytes(plan, (w) => {
        for (const ws of [...w.worksheets]) if (ws.name !== METADATA_SHEET) w.removeWorksheet(ws.id);
      }),
  ],
  [
    "plan-error-values.xlsx",
    (plan) =>
      planBytes(plan, (w) => {
        const s = w.getWorksheet("Action plan");
        s.getCell("D2").value = "Audit";
        s.getCell("E2").value = { error: "#N/A" };
        s.getCell("F2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
        s.getCell("G2").value = { error: "#REF!" };
      }),
  ],
  [
    "plan-huge-cells.xlsx",
    (plan) =>
      planBytes(plan, (w) => {
        const s = w.getWorksheet("Action plan");
        s.getCell("D2").value = "y".repeat(32767);
        s.getCell("H2").value = "z".repeat(32767);
      }),
  ],
  [
    "plan-quoted-sheet-names.xlsx",
    (plan) =>
      planBytes(plan, (w) => {
        w.getWorksheet("Action plan").name = "O'Brien's plan";
        w.getWorksheet("Self-evaluation").name = "SEF 📋 – Ŵ";
      }),
  ],
  ["plan-protected.xlsx", (plan) => planBytes(plan, async (w) => w.getWorksheet("Action plan").protect("secret", {}))],
  [
    "plan-hidden.xlsx",
    (plan) =>
      planBytes(plan, (w) => {
        w.getWorksheet("Action plan").state = "hidden";
        w.getWorksheet("Evidence tracker").state = "veryHidden";
      }),
  ],
  ["plan-1904.xlsx", (plan) => planBytes(plan, (w) => (w.properties.date1904 = true))],
  [
    "plan-text-dates.xlsx",
    (plan) =>
      planBytes(plan, (w) => {
        const s = w.getWorksheet("Action plan");
        s.getCell("D2").value = "Audit";
        s.getCell("F2").value = "31/03/2026";
        s.getCell("F3").value = "soon";
        s.getCell("G2").value = "purple";
      }),
  ],
  [
    "plan-wide.xlsx",
    (plan) =>
      planBytes(plan, (w) => {
        w.getWorksheet("Action plan").getCell(1, 16384).value = "Far right";
      }),
  ],
];

/**
 * Writes every case into `dir`, deriving the damaged plans from `planFile`. Returns the files' paths, in
 * the order of CASE_NAMES.
 */
async function makeBadInputs(dir, planFile) {
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (const [name, make] of CASES) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, await make(planFile));
    files.push(file);
  }
  return files;
}

const CASE_NAMES = CASES.map(([name]) => name);

module.exports = { makeBadInputs, CASE_NAMES };

if (require.main === module) {
  const [dir, plan] = process.argv.slice(2);
  if (!dir || !plan) {
    console.error("usage: node scripts/make-bad-inputs.js DIR PLAN.xlsx (a workbook made by inspection-ready new)");
    process.exit(2);
  }
  makeBadInputs(dir, plan).then(
    (files) => console.log(`${files.length} files written to ${dir}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

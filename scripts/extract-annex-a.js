#!/usr/bin/env node
// Builds src/domain/annexA/ofstedLists2019.json, the Annex A list specifications, from Ofsted's own
// template (column names, exactly as written, and the code sets on its Codes_used sheet) and from
// ../shared/domain/annex-a.md (each column's type and whether it may be blank). The output is data, kept
// in the repository; run this again only when the template or the notes change:
//   node scripts/extract-annex-a.js ../shared/domain/annex-a-template-ofsted-2019.xlsx ../shared/domain/annex-a.md
const fs = require("node:fs");
const path = require("node:path");
const ExcelJS = require("exceljs");

const [templatePath, notesPath] = process.argv.slice(2);
if (!templatePath || !notesPath) {
  console.error("usage: node scripts/extract-annex-a.js TEMPLATE.xlsx annex-a.md");
  process.exit(2);
}

const norm = (text) =>
  String(text)
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\(y\/n\)/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

// Code sets on Codes_used whose heading is not the list column's own header.
const CODE_SET_ALIASES = {
  "contact source": "contact referral source",
  "referral source": "contact referral source",
  "initial category of abuse": "initial latest category of abuse",
  "latest category of abuse": "initial latest category of abuse",
  "did the initial child protection conference result in a child protection plan":
    "did the initial child protection conference result in a child protection plan",
  "is this a second or subsequent period of being a looked after child within the last 12 months":
    "is this a second or subsequent episode of being a looked after child within the last 12 months",
  "was the child assessed as requiring la children s social care support":
    "was the child assessed as being in need at assessment",
};

function notesTables(markdown) {
  const lists = new Map();
  const sections = markdown.split(/^#### List (\d+):.*$/m);
  for (let i = 1; i < sections.length; i += 2) {
    const rows = sections[i + 1]
      .split("\n")
      .filter((line) => /^\| \d+ \|/.test(line))
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    lists.set(
      Number(sections[i]),
      rows.map(([, column, type, blank, codes]) => ({ column, type, blank, codes })),
    );
  }
  return lists;
}

function columnType(type) {
  if (/^date/.test(type)) return "date";
  if (/−1 = unborn/.test(type)) return "age";
  if (/^integer/.test(type)) return "count";
  if (/^code/.test(type)) return "code";
  return "text";
}

(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const codesSheet = workbook.getWorksheet("Codes_used");
  const codeSets = new Map();
  const headings = codesSheet.getRow(1).values;
  const kinds = codesSheet.getRow(2).values;
  for (let col = 1; col < headings.length; col++) {
    if (!headings[col] || (kinds[col] && kinds[col] !== "Preferred code")) continue;
    const codes = [];
    for (let r = 3; r <= codesSheet.rowCount; r++) {
      const value = codesSheet.getRow(r).getCell(col).value;
      if (typeof value === "string" && value.trim()) codes.push(value.trim());
    }
    if (codes.length) codeSets.set(norm(headings[col]), codes);
  }
  const notes = notesTables(fs.readFileSync(notesPath, "utf8"));
  const lists = [];
  for (let n = 1; n <= 11; n++) {
    const sheet = workbook.getWorksheet(`List_${n}`);
    const title = String(sheet.getRow(1).getCell(1).value ?? sheet.getRow(1).getCell(2).value);
    const headers = sheet.getRow(2).values.slice(1).map(String);
    const columns = headers.map((header, i) => {
      const note = notes.get(n)?.[i];
      // LA of Placement takes any local authority's name as well as its five codes: not a closed list.
      const type = note && header !== "LA of Placement" ? columnType(note.type) : "text";
      const column = { name: header, type, blank: note ? note.blank === "yes" : true };
      if (type === "code") {
        const key = norm(header);
        const codes = codeSets.get(CODE_SET_ALIASES[key] ?? key) ?? listedCodes(note.codes);
        if (!codes) throw new Error(`List ${n}: no code set for "${header}"`);
        column.codes = codes;
      }
      return column;
    });
    lists.push({ list: n, title: title.replace(/^List \d+:\s*/, ""), columns });
  }
  const out = path.join(__dirname, "..", "src", "domain", "annexA", "ofstedLists2019.json");
  fs.writeFileSync(
    out,
    JSON.stringify(
      { source: "Ofsted, Annex A - Child level data, Lists 1 - 11 (Guidance: August 2019)", lists },
      null,
      1,
    ) + "\n",
  );
  console.log(`wrote ${out}: ${lists.length} lists, ${lists.reduce((n, l) => n + l.columns.length, 0)} columns`);
})();

/** Codes written out in full in the notes ("a) Yes; b) No"); truncated lists ("…") are not usable. */
function listedCodes(text) {
  if (!text || text.includes("…") || /codes$/.test(text)) return null;
  return text
    .split(";")
    .map((code) => code.trim())
    .filter(Boolean);
}

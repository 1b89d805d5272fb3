import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { messyPlans } from "../fixtures/messyPlans";
import { countPixelsNear, pdfText, renderToPdf, type Raster } from "../support/libreoffice";
import { runCli } from "../support/runCli";
import { HEADER_FILL } from "../../src/sheets/printLayout";

/**
 * What a committee gets when it prints the product's workbooks from LibreOffice: one conversion of each
 * workbook, every check made on the same PDFs.
 *  - made: new (with a notification at 10:00) → positions typed → validate --write → project --write;
 *  - structured: a council's messy plan, structured.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), "lo-print-"));
const file = (name: string) => path.join(dir, `${name}.xlsx`);

/** Every page of a PDF as pixels, one raster per page. */
function pagesPixels(pdf: string, dpi = 40): Raster[] {
  const prefix = path.join(dir, `${path.basename(pdf, ".pdf")}-all`);
  execFileSync("pdftoppm", ["-r", String(dpi), pdf, prefix]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  const digits = String(pages).length;
  return Array.from({ length: pages }, (_, i) => {
    const data = readFileSync(`${prefix}-${String(i + 1).padStart(digits, "0")}.ppm`);
    return parsePpm(data);
  });
}

function parsePpm(data: Buffer): Raster {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 50).toString("latin1"))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

/** Each page's text, as pdftotext lays it out (pages are separated by form feeds). */
const pageTexts = (pdf: string) => pdfText(pdf).split("\f").slice(0, -1);

async function expectOk(argv: string[]) {
  const result = await runCli(argv);
  expect({ argv, code: result.code, err: result.err }).toEqual({ argv, code: 0, err: "" });
}

let made: string;
let structured: string;
let madeSheets: string[];

beforeAll(async () => {
  await expectOk(["new", "--framework", "ofsted-ilacs-2024", "--notified", "02/11/2026 10:00", "--out", file("plan")]);
  // A manager's positions: a mix, so judgements project to grades with scores that are not whole numbers.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file("plan"));
  const self = book.getWorksheet("Self-evaluation")!;
  const positionCol = (self.getRow(1).values as unknown[]).indexOf("Position");
  const cycle = ["Green", "Amber", "Amber", "Red", "Green", "Amber", "Green"];
  for (let r = 2; r <= self.rowCount; r++) self.getCell(r, positionCol).value = cycle[r % cycle.length]!;
  await book.xlsx.writeFile(file("positions"));
  await expectOk(["validate", file("positions"), "--write", "--out", file("validated")]);
  await expectOk(["project", file("validated"), "--write", "--out", file("made")]);

  const messy = messyPlans.find((p) => p.name === "title rows above the header")!;
  const raw = new ExcelJS.Workbook();
  messy.build(raw.addWorksheet(messy.sheet));
  await raw.xlsx.writeFile(file("messy"));
  await expectOk(["structure", file("messy"), "--sheet", messy.sheet, "--as", messy.as, "--out", file("structured")]);

  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(file("made"));
  madeSheets = written.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name);
  [made, structured] = renderToPdf([file("made"), file("structured")], dir) as [string, string];
}, 120_000);

describe("printing the product's workbooks from LibreOffice", () => {
  it("numbers the pages 1 to N in order across the whole printout, not sheet by sheet", () => {
    for (const pdf of [made, structured]) {
      const pages = pageTexts(pdf);
      const footers = pages.map((text) => /Page (\d+) of (\d+)/.exec(text)?.slice(1).map(Number) ?? null);
      expect(footers).toEqual(pages.map((_, i) => [i + 1, pages.length]));
    }
    expect(pageTexts(made).length).toBeGreaterThan(madeSheets.length);
  });

  it("prints on A4 landscape, with each sheet's title and the day it was made at the top of its pages", () => {
    for (const pdf of [made, structured]) {
      const sizes = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" }).match(
        /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g,
      )!;
      for (const size of sizes) {
        const [w, h] = /([\d.]+) x ([\d.]+)/.exec(size)!.slice(1).map(Number) as [number, number];
        // A4 is 841.89 × 595.28 points; landscape is the wide way.
        expect([Math.round(w), Math.round(h)]).toEqual([842, 595]);
      }
    }
    const first = pageTexts(made).map((t) => t.replace(/\s+/g, " "));
    for (const title of [
      "Self-evaluation –",
      "Action plan –",
      "Timeline –",
      "Annex A checklist –",
      "Projected judgements –",
    ]) {
      expect(first.some((t) => t.includes(title) && t.includes("25/11/2026"))).toBe(true);
    }
    expect(pdfText(structured).replace(/\s+/g, " ")).toContain("Action plan – Improvement plan");
  });

  it("draws every written sheet's header row bold on a fill, in LibreOffice's own rendering", () => {
    // The fill is the header's own colour (no table style, which LibreOffice does not draw), on every page:
    // the header row is repeated. Bold: the header text is in a bold face in the PDF's fonts.
    for (const pdf of [made, structured]) {
      const pages = pagesPixels(pdf);
      pages.forEach((page) => expect(countPixelsNear(page, HEADER_FILL, 10)).toBeGreaterThan(50));
      const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
      expect(fonts).toMatch(/Bold/);
    }
  });

  it("prints a 10:00 notification as 10:00", () => {
    const timeline = pageTexts(made).find((t) => t.includes("Notification of the inspection"))!;
    const line = timeline.split("\n").find((l) => l.includes("Notification of the inspection"))!;
    expect(line).toMatch(/02\/11\/2026\s+10:00/);
    expect(pdfText(made)).not.toContain("09:59");
  });

  it("shows grades uncut and scores to two decimal places on the Summary", () => {
    const summary = pageTexts(made)
      .filter((t) => t.includes("Projected judgements –"))
      .join("\n");
    expect(summary).toContain("Requires improvement to be good");
    // The judgements' scores: two decimals, never the six of a raw mean.
    expect(summary).toMatch(/\b[1-4]\.\d{2}\b/);
    expect(summary).not.toMatch(/\b[1-4]\.\d{3,}\b/);
  });
});

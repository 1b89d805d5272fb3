import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseCsv } from "../../src/workbook/csv/csvParse";

/**
 * LibreOffice (headless) as a user's other spreadsheet program and as a formula oracle. Each call gets its
 * own profile that tells Calc to recalculate every formula on load instead of trusting cached values.
 */
function profileDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  mkdirSync(path.join(dir, "user"), { recursive: true });
  writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/** One LibreOffice run converting every file to `format` into outDir (it takes a second to start). */
function convertAll(files: string[], format: string, outDir: string, timeout = 120_000): void {
  execFileSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${profileDir()}`,
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout },
  );
}

/** Converts each file to PDF in one LibreOffice run (it takes a second to start); returns the PDF paths. */
export function renderToPdf(files: string[], outDir: string): string[] {
  convertAll(files, "pdf", outDir);
  return files.map((file) => path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`));
}

export function pdfText(pdf: string): string {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
}

export interface Raster {
  width: number;
  height: number;
  /** RGB triples, row by row. */
  pixels: Uint8Array;
}

/** The first page of a PDF as pixels (PPM, so no image library is needed to read it). */
export function firstPagePixels(pdf: string, dpi = 60): Raster {
  const prefix = path.join(path.dirname(pdf), `${path.basename(pdf, ".pdf")}-page`);
  execFileSync("pdftoppm", ["-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
  return parsePpm(readFileSync(`${prefix}.ppm`));
}

function parsePpm(data: Buffer): Raster {
  // Header: "P6", width, height, maxval, each separated by whitespace, then one whitespace byte.
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[at]!))) at++;
    let token = "";
    while (!/\s/.test(String.fromCharCode(data[at]!))) token += String.fromCharCode(data[at++]!);
    fields.push(token);
  }
  at++;
  if (fields[0] !== "P6" || fields[3] !== "255") throw new Error(`Unexpected PPM header ${fields.join(" ")}`);
  return { width: Number(fields[1]), height: Number(fields[2]), pixels: data.subarray(at) };
}

/** How many pixels are within `tolerance` of a colour on each channel. */
export function countPixelsNear(raster: Raster, hex: string, tolerance = 24): number {
  const target = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i + 2 < raster.pixels.length; i += 3) {
    if (target.every((value, channel) => Math.abs(raster.pixels[i + channel]! - value!) <= tolerance)) count++;
  }
  return count;
}

/**
 * Every sheet of every file as CSV of the values LibreOffice computed (formulas recalculated on load), in
 * one LibreOffice run. Returns file → sheet name → rows of cells.
 */
export function recalculatedSheets(files: string[], outDir: string): Map<string, Map<string, string[][]>> {
  // Comma separated, double quotes, UTF-8, first line 1, formatted text, every sheet to its own file.
  convertAll(files, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", outDir, 600_000);
  const result = new Map<string, Map<string, string[][]>>();
  const produced = readdirSync(outDir).filter((f) => f.endsWith(".csv"));
  for (const file of files) {
    const stem = path.basename(file, path.extname(file));
    const sheets = new Map<string, string[][]>();
    for (const csv of produced.filter((f) => f.startsWith(`${stem}-`))) {
      sheets.set(csv.slice(stem.length + 1, -4), parseCsv(readFileSync(path.join(outDir, csv), "utf8")));
    }
    result.set(file, sheets);
  }
  return result;
}

/**
 * Each file opened in LibreOffice and saved again as .xlsx, as a user who keeps their workbooks in
 * LibreOffice would hand them to us; returns the paths of the saved copies (in outDir, same names).
 */
export function resavedByLibreOffice(files: string[], outDir: string): string[] {
  convertAll(files, "xlsx:Calc MS Excel 2007 XML", outDir);
  return files.map((file) => path.join(outDir, path.basename(file)));
}

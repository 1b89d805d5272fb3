import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { serialFromYmd } from "../domain/dates";
import { UserError } from "../domain/userError";
import type { PatchOp, SnapshotQuery, WorkbookSnapshot } from "../workbook/types";
import { XlsxWorkbook, readXlsxSnapshot } from "../workbook/xlsx/xlsxFile";
import { parseCsv } from "../workbook/csv/csvParse";
import { convertWithLibreOffice, findLibreOffice, removeConversion } from "./libreOffice";

/** What the lists were read from, when it was not an .xlsx file: said in the report. */
export interface AnnexAInput {
  workbook: XlsxWorkbook;
  /** "3 .csv files in lists/", "lists.xls, converted by LibreOffice". */
  readFrom?: string;
}

/** Spreadsheet formats LibreOffice reads and ExcelJS does not. */
const CONVERTED = new Set([".xls", ".ods", ".xlsb", ".fods"]);

/**
 * The Annex A lists from what the user has: an .xlsx workbook; a folder of .csv files, one list each (the
 * shape councils' standard datasets produce), each a sheet named after its file and recognised by its
 * headers; a single .csv; or an .xls / .ods workbook, converted to .xlsx by LibreOffice when it is
 * installed (nothing leaves the machine; the copy is made in a private temporary folder and removed).
 */
export async function openAnnexAInput(input: string): Promise<AnnexAInput> {
  if (existsSync(input) && statSync(input).isDirectory()) return csvFolder(input);
  const ext = path.extname(input).toLowerCase();
  if (ext === ".csv")
    return { workbook: await csvWorkbook([input]), readFrom: `${path.basename(input)}, read as one list` };
  if (CONVERTED.has(ext)) return converted(input, ext);
  return { workbook: await XlsxWorkbook.open(input) };
}

/**
 * The lists' snapshot, for a check that writes nothing: an .xlsx file read by the lean reader (not
 * ExcelJS's model of every cell: lists run to hundreds of thousands of rows), anything else as opened above.
 */
export async function readAnnexAInput(
  input: string,
  query: SnapshotQuery,
): Promise<{ snapshot: WorkbookSnapshot; readFrom?: string }> {
  const ext = path.extname(input).toLowerCase();
  const folder = existsSync(input) && statSync(input).isDirectory();
  if (!folder && ext !== ".csv" && !CONVERTED.has(ext)) return { snapshot: await readXlsxSnapshot(input, query) };
  const { workbook, readFrom } = await openAnnexAInput(input);
  return { snapshot: await workbook.read(query), ...(readFrom ? { readFrom } : {}) };
}

async function csvFolder(folder: string): Promise<AnnexAInput> {
  const files = readdirSync(folder)
    .filter((f) => f.toLowerCase().endsWith(".csv"))
    .sort()
    .map((f) => path.join(folder, f));
  if (files.length === 0)
    throw new UserError(
      `The folder ${folder} holds no .csv files; give a folder of .csv files, one list each, or an .xlsx workbook`,
    );
  return {
    workbook: await csvWorkbook(files),
    readFrom: `${files.length} .csv file${files.length === 1 ? "" : "s"} in ${folder}`,
  };
}

async function csvWorkbook(files: string[]): Promise<XlsxWorkbook> {
  const ops: PatchOp[] = [];
  const used = new Set<string>();
  for (const file of files) {
    if (!existsSync(file)) throw new UserError(`Cannot open ${file}: the file does not exist`);
    const base =
      path
        .basename(file, path.extname(file))
        .replace(/[[\]:*?/\\]/g, " ")
        .slice(0, 31)
        .trim() || "Sheet";
    let sheet = base;
    for (let n = 2; used.has(sheet.toLowerCase()); n++) sheet = `${base.slice(0, 27)} (${n})`;
    used.add(sheet.toLowerCase());
    const rows = parseCsv(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    const width = Math.max(1, ...rows.map((r) => r.length));
    const typed = rows.map((row, r) =>
      Array.from({ length: width }, (_, c) => (r === 0 ? row[c] || null : typedCell(row[c] ?? ""))),
    );
    const values = typed.map((row) => row.map((v) => (v && typeof v === "object" ? v.serial : v)));
    const formats = typed.map((row) => row.map((v) => (v && typeof v === "object" ? "dd/mm/yyyy" : "General")));
    ops.push({ op: "addSheet", sheet });
    if (rows.length > 0) {
      ops.push({ op: "writeValues", sheet, row: 0, col: 0, values });
      ops.push({ op: "setNumberFormats", sheet, row: 0, col: 0, formats });
    }
  }
  const workbook = XlsxWorkbook.empty();
  await workbook.apply({ description: "Read the .csv files", ops });
  return workbook;
}

/**
 * A .csv cell as Excel (set to a UK locale) would read it: a dd/mm/yyyy or yyyy-mm-dd date as a date, a
 * number as a number, except one with a leading zero (an identifier such as "00123" stays text).
 */
export function typedCell(text: string): string | number | { serial: number } | null {
  const t = text.trim();
  if (t === "") return null;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(t);
  const [y, m, d] = uk ? [+uk[3]!, +uk[2]!, +uk[1]!] : iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : [0, 0, 0];
  if (y) {
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return { serial: serialFromYmd(y, m, d) };
    return t;
  }
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(t)) return Number(t);
  return text;
}

async function converted(input: string, ext: string): Promise<AnnexAInput> {
  if (!existsSync(input)) throw new UserError(`Cannot open ${input}: the file does not exist`);
  const soffice = findLibreOffice();
  if (!soffice)
    throw new UserError(
      `${input} is an ${ext} workbook, which is read by converting it with LibreOffice, and LibreOffice (soffice) is not installed on this computer (looked on the PATH and in the usual places). Install LibreOffice, or save the file as .xlsx (File > Save As > Excel Workbook) and check that`,
    );
  let out: string;
  try {
    out = await convertWithLibreOffice(soffice, path.resolve(input), "xlsx");
  } catch {
    throw new UserError(`LibreOffice (${soffice}) could not convert ${input} to .xlsx; open it and save it as .xlsx`);
  }
  try {
    return {
      workbook: await XlsxWorkbook.open(out),
      readFrom: `${path.basename(input)}, converted to .xlsx by LibreOffice`,
    };
  } finally {
    removeConversion(out);
  }
}

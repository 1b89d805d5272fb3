import { parseRange } from "../address";
import { serialFromDate, type DateSystem } from "../serialDates";
import type {
  CellRange,
  Scalar,
  SheetSnapshot,
  SheetVisibility,
  SnapshotQuery,
  TableSnapshot,
  WorkbookSnapshot,
} from "../types";
import { UnsupportedXlsxError, attribute, attributes, elements, firstBody, xmlText } from "./xmlText";
import { zipEntries, type ZipEntries } from "./zipEntries";
import { isSheetProtected, relationships, workbookPartPath, xsdTrue } from "./xlsxParts";

/**
 * A snapshot read straight from an .xlsx file's XML, for the commands that only read (validate, project,
 * annex-a without --write). ExcelJS builds an object for every cell, with its style, before a command
 * sees a value: on a 100,000-row list that is most of the run and of the memory. This reader gives the
 * very snapshot snapshotFromExcelJs gives of the same file (the tests hold the two equal), ExcelJS's ways
 * included: a formula whose cached result is 0 or "" reads as empty, as ExcelJS hands it over; an empty
 * cell between two filled ones takes its row's or column's number format.
 *
 * It returns null for a file it does not read (encrypted, ZIP64, UTF-16 XML, a construct it does not
 * know): the caller then loads the file with ExcelJS, which reads it or says why it cannot.
 */
export function snapshotFromXlsxBytes(
  bytes: Buffer,
  query: SnapshotQuery = { sheets: "all" },
): WorkbookSnapshot | null {
  const zip = zipEntries(bytes);
  if (!zip) return null;
  try {
    return readWorkbook(zip, query);
  } catch (error) {
    if (error instanceof UnsupportedXlsxError) return null;
    throw error;
  }
}

// ExcelJS's own table of Excel's built-in number formats, so a format reads as the same text both ways.

const BUILT_IN_FORMATS = require("exceljs/lib/xlsx/defaultnumformats") as Record<string, { f?: string }>;
// ExcelJS's shifting of a shared formula to each cell that shares it.

const { slideFormula } = require("exceljs/lib/utils/shared-formula") as {
  slideFormula(formula: string, from: string, to: string): string;
};

const GENERAL = "General";

function readWorkbook(zip: ZipEntries, query: SnapshotQuery): WorkbookSnapshot {
  const text = (name: string): string | undefined => {
    const data = zip.read(name);
    if (data === undefined) return undefined;
    if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))
      throw new UnsupportedXlsxError("UTF-16 XML");
    const xml = data.toString("utf8", data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0);
    if (xml.includes("<![CDATA[")) throw new UnsupportedXlsxError("CDATA");
    return xml;
  };
  const book = text("xl/workbook.xml");
  if (book === undefined) throw new UnsupportedXlsxError("no workbook part");
  const properties = [...elements(book, "workbookPr")][0];
  const system: DateSystem = properties && xsdTrue(attributes(properties.attrs).date1904) ? "1904" : "1900";
  const rels = relationships(text("xl/_rels/workbook.xml.rels"));
  const styles = numberFormats(text("xl/styles.xml"));
  const strings = sharedStrings(text("xl/sharedStrings.xml"));
  const wanted = (name: string) =>
    query.sheets === "all" || query.sheets.some((s) => s.toLowerCase() === name.toLowerCase());

  const sheets: SheetSnapshot[] = [];
  const tables: TableSnapshot[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const { attrs } of elements(firstBody(book, "sheets") ?? "", "sheet")) {
    const sheet = attributes(attrs);
    const target = rels.get(sheet["r:id"] ?? "");
    if (target === undefined) continue;
    const path = workbookPartPath(target);
    const number = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(path)?.[1];
    const xml = number === undefined ? undefined : text(path);
    // ExcelJS leaves out what it does not hold as a worksheet (a chart sheet); so does this.
    if (xml === undefined || number === undefined) continue;
    const name = sheet.name ?? "";
    const id = sheet.sheetId ?? "";
    // Names and ids ExcelJS refuses or changes (and so fails to load, or loads otherwise) go to ExcelJS.
    if (!/^[1-9]\d*$/.test(id) || ids.has(id) || !acceptedName(name, names))
      throw new UnsupportedXlsxError("sheet ids or names");
    ids.add(id);
    names.add(name.toLowerCase());
    const sheetRels = relationships(text(`xl/worksheets/_rels/sheet${number}.xml.rels`));
    const read = readSheet(xml, wanted(name), { system, styles, strings, rels: sheetRels });
    sheets.push({ name, visibility: visibility(sheet.state), ...read.sheet });
    for (const part of read.tableParts) {
      const tableTarget = sheetRels.get(part);
      const match = tableTarget === undefined ? null : /^\.\.\/tables\/(table\d+)\.xml$/.exec(tableTarget);
      const tableXml = match ? text(`xl/tables/${match[1]}.xml`) : undefined;
      if (tableXml === undefined) throw new UnsupportedXlsxError("a table part ExcelJS would not find");
      tables.push(readTable(tableXml, name));
    }
  }
  return system === "1904" ? { sheets, tables, dateSystem: system } : { sheets, tables };
}

function acceptedName(name: string, taken: Set<string>): boolean {
  return (
    name !== "" &&
    name !== "History" &&
    name.length <= 31 &&
    !/[*?:/\\[\]]/.test(name) &&
    !/(^')|('$)/.test(name) &&
    !taken.has(name.toLowerCase())
  );
}

function visibility(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

function readTable(xml: string, sheet: string): TableSnapshot {
  const table = [...elements(xml, "table")][0];
  if (!table) throw new UnsupportedXlsxError("a table part without a table");
  const { name, ref } = attributes(table.attrs);
  if (name === undefined || ref === undefined) throw new UnsupportedXlsxError("a table without a name or range");
  const headers = [...elements(firstBody(table.body, "tableColumns") ?? "", "tableColumn")].map(
    ({ attrs }) => attributes(attrs).name ?? "",
  );
  return { name, sheet, range: parseRange(ref), headers };
}

/** The number format of each cell style (index into cellXfs), as ExcelJS names it; undefined for none. */
function numberFormats(xml: string | undefined): (styleId: number) => string | undefined {
  if (xml === undefined) throw new UnsupportedXlsxError("no styles part");
  const custom = new Map<number, string>();
  for (const { attrs } of elements(firstBody(xml, "numFmts") ?? "", "numFmt")) {
    const format = attributes(attrs);
    if (format.formatCode === undefined) throw new UnsupportedXlsxError("a number format without its code");
    custom.set(parseInt(format.numFmtId ?? "", 10), format.formatCode.replace(/[\\](.)/g, "$1"));
  }
  const xfs = [...elements(firstBody(xml, "cellXfs") ?? "", "xf")].map(({ attrs }) =>
    parseInt(attribute(attrs, "numFmtId") ?? "", 10),
  );
  const formats = xfs.map((id) => (id ? (custom.get(id) ?? BUILT_IN_FORMATS[id]?.f) : undefined));
  // A cell, row or column with style 0 (or none) has ExcelJS's empty style: no number format.
  return (styleId) => (styleId ? formats[styleId] : undefined);
}

const PLAIN_TEXT = /^<t(?:\s+xml:space="preserve")?>([^<]*)<\/t>$/;

/** The shared strings: text, rich text as its runs' text, and null for an entry with neither. */
function sharedStrings(xml: string | undefined): (string | null)[] {
  const strings: (string | null)[] = [];
  for (const { body } of elements(xml ?? "", "si")) {
    // Most entries are one plain text: read it without looking for runs.
    const plain = PLAIN_TEXT.exec(body);
    if (plain) {
      strings.push(escapedText(plain[1]!));
      continue;
    }
    if (body.includes("<rPh")) throw new UnsupportedXlsxError("phonetic runs");
    const runs = [...elements(body, "r")];
    if (runs.length > 0) {
      if (/<t[\s>/]/.test(body.replace(/<r[\s>][\s\S]*?<\/r>/g, ""))) throw new UnsupportedXlsxError("text and runs");
      strings.push(runs.map((run) => escapedText(firstBody(run.body, "t") ?? "")).join(""));
    } else {
      const texts = [...elements(body, "t")];
      strings.push(texts.length === 0 ? null : escapedText(texts[texts.length - 1]!.body));
    }
  }
  return strings;
}

/** Text of a `<t>` in a shared string or a rich-text run: decoded, with Excel's _xHHHH_ escapes undone. */
function escapedText(raw: string): string {
  const text = xmlText(raw);
  return text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** Whether ExcelJS takes a number in this format for a date (and hands it over as a Date). */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** A number in a date format, through a Date and back, to the millisecond, as ExcelJS and the snapshot do. */
function dateSerial(value: number, system: DateSystem): number {
  const ms = Math.round((value - 25569 + (system === "1904" ? 1462 : 0)) * 24 * 3600 * 1000);
  return serialFromDate(new Date(ms), system);
}

interface SheetContext {
  system: DateSystem;
  styles: (styleId: number) => string | undefined;
  strings: (string | null)[];
  rels: Map<string, string>;
}

/** A cell as ExcelJS holds it once read: its value and formula for the snapshot, its number format. */
interface ReadCell {
  value: Scalar;
  formula: string | null;
  format: string | undefined;
  /** False for a cell with only a style (ExcelJS's Null type): it does not make its row one with values. */
  valued: boolean;
}

/** 1-based row and column of an A1 address. */
function decodeAddress(address: string): { row: number; col: number } {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!match) throw new UnsupportedXlsxError(`the cell address ${address}`);
  let col = 0;
  for (const ch of match[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(match[2]), col };
}

function readSheet(
  xml: string,
  withCells: boolean,
  context: SheetContext,
): { sheet: Omit<SheetSnapshot, "name" | "visibility">; tableParts: string[] } {
  const dataStart = xml.search(/<sheetData[\s>/]/);
  const dataEnd = xml.indexOf("</sheetData>");
  const before = dataStart < 0 ? xml : xml.slice(0, dataStart);
  const after = dataEnd < 0 ? (dataStart < 0 ? "" : xml.slice(dataStart)) : xml.slice(dataEnd);
  const frozen = {
    ...frozenPanes(before),
    ...(isSheetProtected(after) ? { protected: true } : {}),
  };
  const tableParts = [...elements(firstBody(after, "tableParts") ?? "", "tablePart")].map(
    ({ attrs }) => attributes(attrs)["r:id"] ?? "",
  );
  if (!withCells) return { sheet: { ...frozen, values: null, numberFormats: null, formulas: null }, tableParts };

  const merges = [...elements(firstBody(after, "mergeCells") ?? "", "mergeCell")].map(({ attrs }) =>
    parseRange(attributes(attrs).ref ?? ""),
  );
  const hyperlinks = new Set<string>();
  for (const { attrs } of elements(firstBody(after, "hyperlinks") ?? "", "hyperlink")) {
    const link = attributes(attrs);
    if (link["r:id"] === undefined) continue;
    if (!context.rels.has(link["r:id"])) throw new UnsupportedXlsxError("a hyperlink without its target");
    if (link.ref !== undefined) hyperlinks.add(link.ref);
  }
  const columnFormat = columnFormats(before, context.styles);
  const body = dataStart < 0 ? "" : xml.slice(dataStart, dataEnd < 0 ? xml.length : dataEnd);
  const grid = new SheetGrid(context, merges, hyperlinks, columnFormat);
  grid.read(body);
  return { sheet: { ...frozen, ...grid.finish(), merges: merges.map(zeroBased) }, tableParts };
}

function zeroBased(range: CellRange): CellRange {
  // parseRange already gives 0-based coordinates; a copy keeps the snapshot's arrays its own.
  return { top: range.top, left: range.left, bottom: range.bottom, right: range.right };
}

function frozenPanes(xml: string): { frozenRows: number; frozenColumns: number } {
  const view = [...elements(firstBody(xml, "sheetViews") ?? "", "sheetView")][0];
  const pane = view ? [...elements(view.body, "pane")][0] : undefined;
  if (!pane) return { frozenRows: 0, frozenColumns: 0 };
  const { state, xSplit, ySplit } = attributes(pane.attrs);
  if (state !== "frozen" && state !== "frozenSplit") return { frozenRows: 0, frozenColumns: 0 };
  return { frozenRows: parseInt(ySplit || "0", 10), frozenColumns: parseInt(xSplit || "0", 10) };
}

/** The number format each column's style gives an empty cell ExcelJS makes in it (1-based columns). */
function columnFormats(xml: string, styles: SheetContext["styles"]): (col: number) => string | undefined {
  const spans = [...elements(firstBody(xml, "cols") ?? "", "col")]
    .map(({ attrs }) => {
      const col = attributes(attrs);
      return {
        min: parseInt(col.min || "0", 10),
        max: parseInt(col.max || "0", 10),
        format: col.style ? styles(parseInt(col.style, 10)) : undefined,
      };
    })
    .sort((a, b) => a.min - b.min);
  for (let i = 1; i < spans.length; i++)
    if (spans[i]!.min <= spans[i - 1]!.max) throw new UnsupportedXlsxError("overlapping column definitions");
  return (col) => spans.find((s) => col >= s.min && col <= s.max)?.format;
}

const ROW_OR_CELL = /<row\b((?:[^>"]|"[^"]*")*?)(\/?)>|<c\b((?:[^>"]|"[^"]*")*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** The cells of one sheet, row by row, into the snapshot's arrays, with merged areas as ExcelJS makes them. */
class SheetGrid {
  private readonly values: Scalar[][] = [];
  private readonly formats: string[][] = [];
  private readonly formulas: (string | null)[][] = [];
  private width = 0;
  /** Shared formulas' first cells, by their shared index: address and formula. */
  private readonly sharedMasters = new Map<string, string>();
  /** Formulas by address, for the cells a shared formula starts from. */
  private readonly formulaAt = new Map<string, string | null>();
  /** Rows merged areas reach, with the columns of their merged-away cells and of their first cell. */
  private readonly mergeRows = new Map<number, { slaves: Set<number>; masters: Set<number> }>();
  private readonly rowStyles = new Map<number, string | undefined>();
  private readonly seenRows = new Set<number>();

  constructor(
    private readonly context: SheetContext,
    merges: CellRange[],
    private readonly hyperlinks: Set<string>,
    private readonly columnFormat: (col: number) => string | undefined,
  ) {
    for (const m of merges) {
      for (let r = m.top + 1; r <= m.bottom + 1; r++) {
        const entry = this.mergeRows.get(r) ?? { slaves: new Set<number>(), masters: new Set<number>() };
        for (let c = m.left + 1; c <= m.right + 1; c++) {
          if (r === m.top + 1 && c === m.left + 1) entry.masters.add(c);
          else if (entry.slaves.has(c) || entry.masters.has(c)) throw new UnsupportedXlsxError("overlapping merges");
          else entry.slaves.add(c);
        }
        this.mergeRows.set(r, entry);
      }
    }
  }

  read(body: string): void {
    let row = 0;
    let cells: (ReadCell | undefined)[] = [];
    let lastCol = 0;
    for (const match of body.matchAll(ROW_OR_CELL)) {
      if (match[1] !== undefined) {
        if (row > 0) this.finishRow(row, cells);
        const number = attribute(match[1], "r");
        if (number === undefined) throw new UnsupportedXlsxError("a row without its number");
        row = parseInt(number, 10);
        const style = attribute(match[1], "s");
        this.rowStyles.set(row, style ? this.context.styles(parseInt(style, 10)) : undefined);
        cells = [];
        lastCol = 0;
        if (match[2] === "/") {
          this.finishRow(row, cells);
          row = 0;
        }
        continue;
      }
      if (row === 0) throw new UnsupportedXlsxError("a cell outside a row");
      const attrs = match[3]!;
      const address = attribute(attrs, "r");
      if (address === undefined) throw new UnsupportedXlsxError("a cell without its address");
      const at = decodeAddress(address);
      if (at.row !== row || at.col <= lastCol) throw new UnsupportedXlsxError("cells out of order");
      lastCol = at.col;
      const cell = this.readCell(address, attrs, match[4] ?? "");
      if (cell) cells[at.col] = cell;
    }
    if (row > 0) this.finishRow(row, cells);
    // Rows that only merged areas reach: ExcelJS makes them, and their cells.
    for (const r of this.mergeRows.keys()) if (!this.seenRows.has(r)) this.finishRow(r, []);
  }

  /** A cell as ExcelJS reads it, or undefined for one ExcelJS does not make (no value, formula or style). */
  private readCell(address: string, attrs: string, content: string): ReadCell | undefined {
    const { styles, strings, system } = this.context;
    const type = attribute(attrs, "t");
    const styleText = attribute(attrs, "s");
    const styleId = styleText === undefined ? 0 : parseInt(styleText, 10);
    const format = styles(styleId);
    let valueText: string | undefined;
    let formula: { text: string; attrs: string } | undefined;
    let inline: string | undefined;
    if (content !== "") {
      const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(content);
      if (v && v[1] !== "") valueText = xmlText(v[1]!);
      const f = /<f\b((?:[^>"]|"[^"]*")*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(content);
      if (f) formula = { attrs: f[1]!, text: f[2] === undefined ? "" : xmlText(f[2]) };
      if (type === "inlineStr") inline = /<is>([\s\S]*?)<\/is>/.exec(content)?.[1];
    }
    const link = this.hyperlinks.has(address);
    const shareType = formula ? attribute(formula.attrs, "t") : undefined;
    if (formula && (formula.text !== "" || shareType !== undefined)) {
      if (link) throw new UnsupportedXlsxError("a hyperlink on a formula");
      return this.formulaCell(address, formula, shareType, type, valueText, format);
    }
    let value: Scalar | undefined;
    if (type === "inlineStr" && inline !== undefined) value = inlineText(inline);
    else if (valueText !== undefined) {
      switch (type) {
        case "s": {
          const index = parseInt(valueText, 10);
          if (!(index >= 0 && index < strings.length)) throw new UnsupportedXlsxError("a shared string not there");
          value = strings[index]!;
          break;
        }
        case "str":
          value = decodeNamed(valueText);
          break;
        case "inlineStr":
          value = valueText;
          break;
        case "b":
          value = parseInt(valueText, 10) !== 0;
          break;
        case "e":
          value = valueText;
          break;
        default: {
          const number = parseFloat(valueText);
          if (isDateFormat(format)) {
            if (link) throw new UnsupportedXlsxError("a hyperlink on a date");
            value = dateSerial(number, system);
          } else value = number;
        }
      }
    }
    if (value === undefined) {
      if (link) throw new UnsupportedXlsxError("a hyperlink on an empty cell");
      return styleId ? { value: null, formula: null, format, valued: false } : undefined;
    }
    return { value, formula: null, format, valued: true };
  }

  private formulaCell(
    address: string,
    formula: { text: string; attrs: string },
    shareType: string | undefined,
    type: string | undefined,
    valueText: string | undefined,
    format: string | undefined,
  ): ReadCell {
    let result: Scalar | undefined;
    if (valueText !== undefined) {
      if (type === "str") result = decodeNamed(valueText);
      else if (type === "b") result = parseInt(valueText, 10) !== 0;
      else if (type === "e") result = valueText;
      else result = parseFloat(valueText);
    }
    if (result !== undefined && isDateFormat(format)) {
      if (typeof result !== "number") throw new UnsupportedXlsxError("a date format on a formula's text");
      result = dateSerial(result, this.context.system);
    } else if (!result) {
      // ExcelJS copies a formula's result only when it is truthy: 0, "" and FALSE are handed over as no result.
      result = undefined;
    }
    const value = result ?? null;
    let text: string | undefined = formula.text === "" ? undefined : formula.text;
    if (shareType === "shared") {
      const si = attribute(formula.attrs, "si") ?? "";
      if (attribute(formula.attrs, "ref") !== undefined) this.sharedMasters.set(si, address);
      else if (text === undefined) {
        const master = this.sharedMasters.get(si);
        // ExcelJS hands over a cell whose shared formula it cannot find as holding nothing.
        if (master === undefined) return { value: null, formula: null, format, valued: true };
        const { row, col } = decodeAddress(master);
        if (this.mergeRows.get(row)?.slaves.has(col)) throw new UnsupportedXlsxError("a merged-away formula");
        const masterFormula = this.formulaAt.get(master);
        if (!masterFormula) throw new UnsupportedXlsxError("a shared formula whose first cell is not there");
        text = slideFormula(masterFormula, master, address);
      }
    }
    if (text === undefined) throw new UnsupportedXlsxError("a formula without its text");
    this.formulaAt.set(address, text);
    return { value, formula: `=${text}`, format, valued: true };
  }

  private finishRow(row: number, cells: (ReadCell | undefined)[]): void {
    this.seenRows.add(row);
    const merged = this.mergeRows.get(row);
    let valued = false;
    let length = cells.length - 1;
    for (const cell of cells) if (cell?.valued) valued = true;
    if (merged) {
      for (const c of merged.slaves) {
        valued = true;
        if (c > length) length = c;
      }
      for (const c of merged.masters) if (c > length) length = c;
    }
    if (!valued) return;
    const r = row - 1;
    const rowFormat = this.rowStyles.get(row);
    for (let c = 1; c <= length; c++) {
      if (merged?.slaves.has(c)) continue;
      const cell = cells[c];
      const value = cell ? cell.value : null;
      const formula = cell ? cell.formula : null;
      const format = (cell ? cell.format : rowFormat || this.columnFormat(c)) || GENERAL;
      if (value === null && formula === null && format === GENERAL) continue;
      (this.values[r] ??= [])[c - 1] = value;
      (this.formats[r] ??= [])[c - 1] = format;
      if (formula !== null) (this.formulas[r] ??= [])[c - 1] = formula;
      if (c > this.width) this.width = c;
    }
  }

  finish(): { values: Scalar[][]; numberFormats: string[][]; formulas: (string | null)[][] } {
    const { values, formats, formulas, width } = this;
    const height = values.length;
    for (let r = 0; r < height; r++) {
      const v = (values[r] ??= []);
      const f = (formats[r] ??= []);
      const fx = (formulas[r] ??= []);
      for (let c = 0; c < width; c++) {
        if (v[c] === undefined) v[c] = null;
        if (f[c] === undefined) f[c] = GENERAL;
        if (fx[c] === undefined) fx[c] = null;
      }
    }
    return { values, numberFormats: formats, formulas };
  }
}

/** An inline string's text: its `<t>` as written (ExcelJS undoes no _xHHHH_ escapes there), or its runs'. */
function inlineText(body: string): string | undefined {
  if (body.includes("<rPh")) throw new UnsupportedXlsxError("phonetic runs");
  const runs = [...elements(body, "r")];
  if (runs.length > 0) {
    if (/<t[\s>/]/.test(body.replace(/<r[\s>][\s\S]*?<\/r>/g, ""))) throw new UnsupportedXlsxError("text and runs");
    return runs.map((run) => escapedText(firstBody(run.body, "t") ?? "")).join("");
  }
  const texts = [...elements(body, "t")];
  if (texts.length !== 1) throw new UnsupportedXlsxError("an inline string without one text");
  // An empty text is no value at all to ExcelJS.
  return texts[0]!.body === "" ? undefined : xmlText(texts[0]!.body);
}

/** ExcelJS decodes the five named entities once more in a "str" value (text already decoded once). */
function decodeNamed(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([a-z]*);/g, (whole) => {
    switch (whole) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return whole;
    }
  });
}

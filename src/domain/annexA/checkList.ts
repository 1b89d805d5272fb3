import { dateFromSerial, formatUkDate, parseDateText } from "../dates";
import type { CellValue } from "../validation/planRow";
import { isBlankValue } from "../validation/planRow";
import { detectListTemplate, type HeaderMatch, type ListTemplate } from "./detectTemplate";
import {
  ANNEX_A_LISTS,
  allColumns,
  listNumberFromSheetName,
  normaliseAnnexHeader,
  type AnnexColumn,
  type AnnexList,
} from "./listSpecs";
import type { TemplateVersionId } from "./templateVersions";

export interface AnnexFinding {
  rule: string;
  severity: "error" | "warning";
  sheet: string;
  cell: string;
  message: string;
  fix?: { cell: string; value: CellValue; label: string };
}

export interface ListReport {
  list: number;
  title: string;
  sheet: string;
  /** 1-based row of the headers. */
  headerRow: number;
  rows: number;
  columns: { matched: number; missing: string[]; extra: string[] };
  findings: AnnexFinding[];
  /** The version of the template the list's headers follow, and the headers that show it. */
  template: ListTemplate;
}

export interface SheetInput {
  name: string;
  values: CellValue[][];
}

const letters = (col: number): string => {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const at = (row: number, col: number) => `${letters(col)}${row + 1}`;

/**
 * Which sheets hold which lists: by name first ("List_1", "List 1 - Contacts"), and for a sheet with
 * another name, by its headers (most of a list's columns).
 */
export function recogniseLists(sheets: SheetInput[]): { sheet: SheetInput; spec: AnnexList }[] {
  const found: { sheet: SheetInput; spec: AnnexList }[] = [];
  const taken = new Set<number>();
  for (const sheet of sheets) {
    const n = listNumberFromSheetName(sheet.name);
    if (n !== null && !taken.has(n)) {
      found.push({ sheet, spec: ANNEX_A_LISTS[n - 1]! });
      taken.add(n);
    }
  }
  for (const sheet of sheets) {
    if (found.some((f) => f.sheet === sheet) || listNumberFromSheetName(sheet.name) !== null) continue;
    let best: { spec: AnnexList; score: number } | null = null;
    for (const spec of ANNEX_A_LISTS) {
      if (taken.has(spec.list)) continue;
      const header = findHeaderRow(sheet.values, spec);
      const score = header.matched / spec.columns.length;
      if (header.matched >= 3 && score >= 0.5 && (!best || score > best.score)) best = { spec, score };
    }
    if (best) {
      found.push({ sheet, spec: best.spec });
      taken.add(best.spec.list);
    }
  }
  return found.sort((a, b) => a.spec.list - b.spec.list);
}

interface HeaderRow {
  row: number;
  matched: number;
  /** Column name → its 0-based column. */
  map: Map<string, number>;
  /** Column name → the other name it was found by ("Sex" for "Gender"), with the version that uses it. */
  via: Map<string, { name: string; version: TemplateVersionId }>;
}

/**
 * The row of a list's headers (of the first ten, the one that matches most columns) and where each column
 * is: by the one header normaliser, against each column's name and the other names later versions give it.
 */
function findHeaderRow(values: CellValue[][], spec: AnnexList): HeaderRow {
  const wanted = new Map<string, { column: string; other?: { name: string; version: TemplateVersionId } }>();
  for (const column of allColumns(spec)) {
    wanted.set(normaliseAnnexHeader(column.name), { column: column.name });
    for (const other of column.otherNames ?? [])
      if (!wanted.has(normaliseAnnexHeader(other.name)))
        wanted.set(normaliseAnnexHeader(other.name), { column: column.name, other });
  }
  let best: HeaderRow = { row: 0, matched: 0, map: new Map(), via: new Map() };
  for (let r = 0; r < Math.min(10, values.length); r++) {
    const map = new Map<string, number>();
    const via = new Map<string, { name: string; version: TemplateVersionId }>();
    (values[r] ?? []).forEach((cell, c) => {
      if (typeof cell !== "string") return;
      const match = wanted.get(normaliseAnnexHeader(cell));
      if (!match || map.has(match.column)) return;
      map.set(match.column, c);
      if (match.other) via.set(match.column, match.other);
    });
    if (map.size > best.matched) best = { row: r, matched: map.size, map, via };
  }
  return best;
}

/** Strips a code's letter prefix: "b) Female" → "Female". */
const withoutPrefix = (code: string) => code.replace(/^[a-z]{1,2}\d?\)\s*/i, "");
/** The code's own token: "a) 1A: Individual" → "1a", "N1 - Abuse or neglect" → "n1". */
const token = (code: string) => withoutPrefix(code).split(/:| - /)[0]!.trim().toLowerCase();
/** "Y" and "N", as the "(Y/N)" in a header asks, for "a) Yes" and "b) No". */
const initial = (code: string) => (/^(yes|no)$/.test(token(code)) ? [token(code)[0]!] : []);
const loose = (text: string) =>
  text
    .replace(/\u00a0/g, " ")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

export function checkList(sheet: SheetInput, spec: AnnexList, asOf: number): ListReport {
  const header = findHeaderRow(sheet.values, spec);
  const findings: AnnexFinding[] = [];
  const headerCells = (sheet.values[header.row] ?? []).map((v, c) => ({ v, c })).filter(({ v }) => !isBlankValue(v));
  const extra = headerCells.filter(({ c }) => ![...header.map.values()].includes(c)).map(({ v }) => String(v).trim());
  const missing = spec.columns.filter((c) => !header.map.has(c.name));
  for (const column of missing) {
    const or = (column.otherNames ?? []).map((o) => ` (or "${o.name}")`).join("");
    findings.push({
      rule: "missing-column",
      severity: "error",
      sheet: sheet.name,
      cell: at(header.row, 0),
      message: `${sheet.name}: the column "${column.name.trim()}"${or} is missing`,
    });
  }
  const columns = allColumns(spec);
  /** A column by the name the file gives it: "Sex" where the file has Sex in place of Gender. */
  const nameOf = (column: AnnexColumn) => (header.via.get(column.name)?.name ?? column.name).trim();
  const colOf = (name: string) => header.map.get(name);
  const codeIndex = new Map<AnnexColumn, { exact: Set<string>; loose: Map<string, string> }>();
  for (const column of columns) {
    if (!column.codes) continue;
    const looseMap = new Map<string, string>();
    for (const code of column.codes) {
      for (const form of [loose(code), loose(withoutPrefix(code)), token(code), ...initial(code)])
        if (!looseMap.has(form)) looseMap.set(form, code);
    }
    codeIndex.set(column, { exact: new Set(column.codes), loose: looseMap });
  }

  let rows = 0;
  const seen = new Map<string, number>();
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (row.every((v) => isBlankValue(v))) continue;
    rows++;
    const dates = new Map<string, number>();
    for (const column of columns) {
      const c = colOf(column.name);
      if (c === undefined) continue;
      const value = row[c] ?? null;
      const name = nameOf(column);
      // Addresses are only worked out for a finding: most cells have none, and lists run to 100,000 rows.
      const report = (
        rule: string,
        severity: AnnexFinding["severity"],
        message: string,
        fix?: { value: CellValue; label: string },
      ) => {
        const cell = at(r, c);
        findings.push({
          rule,
          severity,
          sheet: sheet.name,
          cell,
          message: `${sheet.name}!${cell}: ${message}`,
          ...(fix ? { fix: { cell, ...fix } } : {}),
        });
      };
      if (isBlankValue(value)) {
        if (!column.blank) report("required", "error", `${name} is required`);
        continue;
      }
      if (column.type === "date") {
        const serial =
          typeof value === "number"
            ? value
            : typeof value === "string" && /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value.trim())
              ? parseDateText(value)
              : null;
        if (serial === null) {
          const guess = typeof value === "string" ? parseDateText(value) : null;
          report(
            "date",
            "error",
            `${name} "${String(value)}" is not a date as dd/mm/yyyy`,
            guess === null ? undefined : { value: guess, label: `Change to ${formatUkDate(dateFromSerial(guess))}` },
          );
          continue;
        }
        dates.set(column.name, serial);
      } else if (column.type === "code") {
        const index = codeIndex.get(column)!;
        const text = String(value);
        if (index.exact.has(text)) continue;
        const canonical = index.loose.get(loose(text));
        if (canonical)
          report(
            "code-form",
            "warning",
            `${name} "${text}" is written differently from the template's code "${canonical}"`,
            { value: canonical, label: `Change to ${canonical}` },
          );
        else report("code", "error", `${name} "${text}" is not one of the template's codes`);
      } else if (column.type === "count" || column.type === "age") {
        const n = typeof value === "number" ? value : /^\s*-?\d+\s*$/.test(String(value)) ? Number(value) : NaN;
        const min = column.type === "age" ? -1 : 0;
        if (!Number.isInteger(n) || n < min)
          report(
            column.type === "age" ? "age" : "whole-number",
            "error",
            `${name} "${String(value)}" is not a whole number of ${min} or more`,
          );
      }
    }
    checkRowDates(sheet.name, r, spec, row, dates, colOf, asOf, findings);
    if (spec.cohortKey.every((k) => colOf(k) !== undefined)) {
      const parts = spec.cohortKey.map((k) => row[colOf(k)!]);
      if (parts.every((p) => !isBlankValue(p))) {
        const key = parts.map((p) => String(p).trim().toLowerCase()).join("\u0000");
        const first = seen.get(key);
        if (first === undefined) seen.set(key, r);
        else {
          const perChild = spec.cohortKey.length === 1;
          findings.push({
            rule: "duplicate",
            severity: perChild ? "error" : "warning",
            sheet: sheet.name,
            cell: at(r, colOf(spec.cohortKey[0]!)!),
            message: `${sheet.name}!${at(r, colOf(spec.cohortKey[0]!)!)}: the same ${spec.cohortKey.map((k) => k.trim()).join(" and ")} as row ${first + 1}${perChild ? "; the list has one row per " + (spec.list === 11 ? "adopter" : "child") : ""}`,
          });
        }
      }
    }
  }
  return {
    list: spec.list,
    title: spec.title,
    sheet: sheet.name,
    headerRow: header.row + 1,
    rows,
    columns: { matched: header.matched, missing: missing.map((c) => c.name), extra },
    findings,
    template: detectListTemplate(spec.list, sheet.name, headerMatches(sheet, header, columns)),
  };
}

/** The columns found on the header row, with the header each was found by, for telling the template's version. */
function headerMatches(sheet: SheetInput, header: HeaderRow, columns: AnnexColumn[]): HeaderMatch[] {
  return columns.flatMap((column) => {
    const c = header.map.get(column.name);
    if (c === undefined) return [];
    const via = header.via.get(column.name)?.version;
    const text = String(sheet.values[header.row]?.[c] ?? "").trim();
    return [{ column, cell: at(header.row, c), header: text, ...(via ? { via } : {}) }];
  });
}

function checkRowDates(
  sheet: string,
  r: number,
  spec: AnnexList,
  row: CellValue[],
  dates: Map<string, number>,
  colOf: (name: string) => number | undefined,
  asOf: number,
  findings: AnnexFinding[],
): void {
  const push = (rule: string, column: string, message: string) => {
    const cell = at(r, colOf(column)!);
    findings.push({ rule, severity: "error", sheet, cell, message: `${sheet}!${cell}: ${message}` });
  };
  const dob = dates.get("Date of Birth");
  const ageCol = colOf("Age of Child (Years)");
  const age = ageCol === undefined ? null : row[ageCol];
  const ageNumber =
    typeof age === "number" ? age : typeof age === "string" && /^\s*-?\d+\s*$/.test(age) ? Number(age) : null;
  for (const [column, serial] of dates) {
    if (serial <= asOf) continue;
    if (column === "Date of Birth" && ageNumber === -1) continue; // an unborn child's expected date
    push(
      "future-date",
      column,
      `${column.trim()} ${formatUkDate(dateFromSerial(serial))} is after the as-of date ${formatUkDate(dateFromSerial(asOf))}`,
    );
  }
  if (ageNumber === -1 && dob !== undefined && dob <= asOf) {
    push(
      "age",
      "Age of Child (Years)",
      `age −1 is for an unborn child, but the date of birth ${formatUkDate(dateFromSerial(dob))} has passed`,
    );
  } else if (ageNumber !== null && ageNumber >= 0 && dob !== undefined && dob <= asOf) {
    const expected = ageOn(dob, asOf);
    if (expected !== ageNumber) {
      findings.push({
        rule: "age-vs-birth",
        severity: "warning",
        sheet,
        cell: at(r, ageCol!),
        message: `${sheet}!${at(r, ageCol!)}: age ${ageNumber} does not match the date of birth ${formatUkDate(dateFromSerial(dob))}, which makes ${expected} on ${formatUkDate(dateFromSerial(asOf))}`,
      });
    }
  }
  for (const [start, end] of spec.datePairs) {
    const [s, e] = [dates.get(start), dates.get(end)];
    if (s !== undefined && e !== undefined && e < s) {
      push(
        "date-order",
        end,
        `${end.trim()} ${formatUkDate(dateFromSerial(e))} is before ${start.trim()} ${formatUkDate(dateFromSerial(s))}`,
      );
    }
  }
}

/** Age in years at the last birthday. */
export function ageOn(birth: number, on: number): number {
  const [b, d] = [dateFromSerial(birth), dateFromSerial(on)];
  let years = d.getUTCFullYear() - b.getUTCFullYear();
  if (d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate()))
    years--;
  return years;
}

import { dateFromSerial, formatUkDate, parseDateText } from "../dates";
import type { CellValue } from "../validation/planRow";
import { isBlankValue, isExcelError } from "../validation/planRow";
import { allowedValues, codeIndex, codeKey, withoutPrefix, type CodeIndex, type CodeReading } from "./codeValues";
import { explainMatch, findHeaderRow, type HeaderMatchHow, type HeaderRow } from "./headerMatch";
import { DATE_ORDER, LIST_PERIODS, PRE_BIRTH_DATES, PRE_BIRTH_DAYS, periodStart } from "./listDates";
import { detectListTemplate, type HeaderMatch, type ListTemplate } from "./detectTemplate";
import { ANNEX_A_LISTS, allColumns, listNumberFromSheetName, type AnnexColumn, type AnnexList } from "./listSpecs";

export interface AnnexFinding {
  rule: string;
  severity: "error" | "warning";
  sheet: string;
  cell: string;
  message: string;
  fix?: { cell: string; value: CellValue; label: string };
  /** Where a rule across lists comes from, and how sure it is. */
  source?: string;
}

export interface ListReport {
  list: number;
  title: string;
  sheet: string;
  /** 1-based row of the headers. */
  headerRow: number;
  rows: number;
  columns: { matched: number; missing: string[]; extra: string[] };
  /** Which header was taken for which column, and how (the template's name, a synonym, a pattern). */
  headers: { column: string; header: string; cell: string; how: HeaderMatchHow; explanation: string }[];
  findings: AnnexFinding[];
  /** The version of the template the list's headers follow, and the headers that show it. */
  template: ListTemplate;
}

export interface SheetInput {
  name: string;
  values: CellValue[][];
  /**
   * Days from 30/12/1899 (day 0 of Excel's usual date system) to day 0 of the workbook's own: 1462 in a
   * workbook saved in the 1904 date system, 0 (or absent) otherwise. The sheet's date cells are the
   * workbook's serials; every date the checks compare, print or infer is counted from 30/12/1899.
   */
  dayZero?: number;
}

const letters = (col: number): string => {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const at = (row: number, col: number) => `${letters(col)}${row + 1}`;

/** A sheet that holds no list, with the list it most resembles and why. */
export interface UnrecognisedSheet {
  sheet: string;
  /** The list whose columns it has most of, or null when it has none of any list's. */
  resembles: { list: number; title: string; matched: number; of: number; columns: string[] } | null;
  /** In words, for the report: “"Contacts": 3 of 7 List 1 columns (…)”. */
  reason: string;
}

/** Sheets of Ofsted's own template that are not lists: named in the report as such, never as unrecognised. */
const TEMPLATE_SHEETS = new Set(["front_sheet", "faq_and_changes", "guidance", "codes_used", "annex a findings"]);

/** A sheet's resemblance to each list: the one it has most of the columns of (by share of the list's). */
function resemblance(sheet: SheetInput, skip: ReadonlySet<number>) {
  let best: { spec: AnnexList; header: HeaderRow; score: number } | null = null;
  for (const spec of ANNEX_A_LISTS) {
    if (skip.has(spec.list)) continue;
    const header = findHeaderRow(sheet.values, spec);
    const score = header.matched / spec.columns.length;
    if (header.matched > 0 && (!best || score > best.score)) best = { spec, header, score };
  }
  return best;
}

/**
 * Which sheets hold which lists: as the user says (`mapping`, sheet name → list), then by name ("List_1",
 * "List 1 - Contacts"), then, for a sheet with another name, by its headers (at least three and half of a
 * list's columns). Every other sheet with two or more of a list's columns is returned as unrecognised, with the list
 * it most resembles; sheets of the template's own (Guidance, Codes_used…) are `notLists`.
 */
export function recogniseSheets(
  sheets: SheetInput[],
  mapping: ReadonlyMap<string, number> = new Map(),
): {
  lists: { sheet: SheetInput; spec: AnnexList; by: "mapping" | "name" | "headers" }[];
  unrecognised: UnrecognisedSheet[];
  notLists: string[];
} {
  const found: { sheet: SheetInput; spec: AnnexList; by: "mapping" | "name" | "headers" }[] = [];
  const taken = new Set<number>();
  const mapped = new Map([...mapping].map(([name, list]) => [name.trim().toLowerCase(), list]));
  for (const sheet of sheets) {
    const n = mapped.get(sheet.name.trim().toLowerCase());
    if (n !== undefined && !taken.has(n)) {
      found.push({ sheet, spec: ANNEX_A_LISTS[n - 1]!, by: "mapping" });
      taken.add(n);
    }
  }
  for (const sheet of sheets) {
    if (found.some((f) => f.sheet === sheet)) continue;
    const n = listNumberFromSheetName(sheet.name);
    if (n !== null && !taken.has(n)) {
      found.push({ sheet, spec: ANNEX_A_LISTS[n - 1]!, by: "name" });
      taken.add(n);
    }
  }
  const unrecognised: UnrecognisedSheet[] = [];
  const notLists: string[] = [];
  for (const sheet of sheets) {
    if (found.some((f) => f.sheet === sheet)) continue;
    if (TEMPLATE_SHEETS.has(sheet.name.trim().toLowerCase())) {
      notLists.push(sheet.name);
      continue;
    }
    const best = resemblance(sheet, listNumberFromSheetName(sheet.name) === null ? taken : new Set());
    if (best && best.header.matched >= 3 && best.score >= 0.5 && !taken.has(best.spec.list)) {
      found.push({ sheet, spec: best.spec, by: "headers" });
      taken.add(best.spec.list);
      continue;
    }
    const any = best ?? resemblance(sheet, new Set());
    // One header in common ("Status", "Team") is no likeness: such a sheet is simply not a list.
    if (!any || any.header.matched < 2) {
      notLists.push(sheet.name);
      continue;
    }
    const columns = any.header.matches.map((m) => m.column.trim());
    const of = any.spec.columns.length;
    const why =
      listNumberFromSheetName(sheet.name) !== null
        ? `its name is that of a list another sheet already holds`
        : `too few to be sure (a list is recognised by at least 3 and half of its columns)`;
    unrecognised.push({
      sheet: sheet.name,
      resembles: { list: any.spec.list, title: any.spec.title, matched: any.header.matched, of, columns },
      reason: `"${sheet.name}" is not checked as a list: it has ${any.header.matched} of ${of} List ${any.spec.list} (${any.spec.title}) columns (${columns.join(", ")}), ${why}. If it is List ${any.spec.list}, say so: --list "${sheet.name}=${any.spec.list}" (or choose the list in the pane)`,
    });
  }
  return { lists: found.sort((a, b) => a.spec.list - b.spec.list), unrecognised, notLists };
}

/** Which sheets hold which lists (see recogniseSheets). */
export function recogniseLists(
  sheets: SheetInput[],
  mapping?: ReadonlyMap<string, number>,
): { sheet: SheetInput; spec: AnnexList }[] {
  return recogniseSheets(sheets, mapping).lists;
}

/**
 * A date cell as a serial counted from 30/12/1899: a real date (a serial of the workbook's date system,
 * whose day 0 is `dayZero` days later), or dd/mm/yyyy text; null for anything else.
 */
export function dateCell(value: CellValue | undefined, dayZero = 0): number | null {
  if (typeof value === "number") return value + dayZero;
  if (typeof value === "string" && /^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*$/.test(value)) return parseDateText(value.trim());
  return null;
}

/** A whole number written as a number or as text, or null. */
function wholeNumber(value: CellValue | undefined): number | null {
  const n =
    typeof value === "number" ? value : typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) ? n : null;
}

/**
 * The latest date of the list's events (not dates of birth, which may be an unborn child's expected day)
 * that is not after `cap`, and its cell: the as-of date when none is given.
 */
export function latestEventDate(
  sheet: SheetInput,
  spec: AnnexList,
  cap: number,
): { serial: number; cell: string } | null {
  const header = findHeaderRow(sheet.values, spec);
  const cols = allColumns(spec)
    .filter((c) => c.type === "date" && c.name !== "Date of Birth")
    .flatMap((c) => (header.map.has(c.name) ? [header.map.get(c.name)!] : []));
  const dayZero = sheet.dayZero ?? 0;
  let best: { serial: number; r: number; c: number } | null = null;
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    for (const c of cols) {
      const serial = dateCell(row[c], dayZero);
      if (serial !== null && serial <= cap && (!best || serial > best.serial)) best = { serial, r, c };
    }
  }
  return best ? { serial: best.serial, cell: `${sheet.name}!${at(best.r, best.c)}` } : null;
}

export interface CheckOptions {
  asOf: number;
  /** The as-of date was taken from the lists, not given: ages may be a few weeks older than it. */
  asOfInferred?: boolean;
}

/** How a value was read as a code, as the message says it. */
const READING_WORDS: Record<CodeReading, string> = {
  prefix: "",
  "short code": " (read by its short code)",
  words: " (read by its words)",
  "common word": " (read as a word case-management systems use for it)",
};

export function checkList(sheet: SheetInput, spec: AnnexList, options: CheckOptions | number): ListReport {
  const { asOf, asOfInferred = false } = typeof options === "number" ? { asOf: options } : options;
  const header = findHeaderRow(sheet.values, spec);
  const findings: AnnexFinding[] = [];
  const dayZero = sheet.dayZero ?? 0;
  const headerCells = (sheet.values[header.row] ?? []).map((v, c) => ({ v, c })).filter(({ v }) => !isBlankValue(v));
  const matchedCols = new Set(header.map.values());
  const extra = headerCells.filter(({ c }) => !matchedCols.has(c)).map(({ v }) => String(v).trim());
  const missing = spec.columns.filter((c) => !header.map.has(c.name));
  for (const column of missing) {
    const or = (column.otherNames ?? []).map((o) => ` (or "${o.name}")`).join("");
    findings.push({
      rule: "missing-column",
      severity: "error",
      sheet: sheet.name,
      cell: at(header.row, 0),
      message: `${sheet.name}: the column "${column.name.trim()}"${or} is missing; add it with that header (the list's other columns were found on row ${header.row + 1})`,
    });
  }
  const columns = allColumns(spec).filter((c) => header.map.has(c.name));
  /** A column by the name the file gives it: "Sex" where the file has Sex in place of Gender. */
  const nameOf = (column: AnnexColumn) => (header.via.get(column.name)?.name ?? column.name).trim();
  const colOf = (name: string) => header.map.get(name);
  const codeIndexes = new Map<AnnexColumn, CodeIndex>();
  for (const column of columns) if (column.codes) codeIndexes.set(column, codeIndex(column.codes));
  const headerName = (c: number) => {
    const v = sheet.values[header.row]?.[c];
    return isBlankValue(v) ? `column ${letters(c)}` : String(v).trim();
  };

  let rows = 0;
  const seen = new Map<string, number>();
  const period = LIST_PERIODS[spec.list];
  const start = period ? periodStart(asOf, period.months) : 0;
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    if (row.every((v) => isBlankValue(v))) continue;
    rows++;
    const report = (
      c: number,
      rule: string,
      severity: AnnexFinding["severity"],
      message: string,
      fix?: { value: CellValue; label: string },
    ) => {
      // Addresses are only worked out for a finding: most cells have none, and lists run to 100,000 rows.
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
    // Excel's error values, in any column of the list: a formula or a lookup that failed, not data.
    const errors = new Set<number>();
    row.forEach((value, c) => {
      if (!isExcelError(value)) return;
      errors.add(c);
      report(
        c,
        "excel-error",
        "error",
        `${headerName(c)} holds the Excel error ${String(value)}: a formula or lookup failed here. Put in the value itself (paste as values once the formula is right)${spec.columns.find((col) => colOf(col.name) === c)?.blank === false ? "; the list requires one" : ""}`,
      );
    });
    const dates = new Map<string, number>();
    for (const column of columns) {
      const c = colOf(column.name)!;
      if (errors.has(c)) continue;
      const value = row[c] ?? null;
      const name = nameOf(column);
      if (isBlankValue(value)) {
        if (!column.blank) report(c, "required", "error", `${name} is required: fill it in`);
        continue;
      }
      if (column.type === "date") {
        const serial = dateCell(value, dayZero);
        if (serial === null) {
          const guess = typeof value === "string" ? parseDateText(value) : null;
          report(
            c,
            "date",
            "error",
            `${name} "${String(value)}" is not a date as dd/mm/yyyy; write it as a date${guess === null ? "" : ` (it reads as ${formatUkDate(dateFromSerial(guess))})`}`,
            // The fix is what goes into the cell: a serial of the workbook's own date system.
            guess === null
              ? undefined
              : { value: guess - dayZero, label: `Change to ${formatUkDate(dateFromSerial(guess))}` },
          );
          continue;
        }
        dates.set(column.name, serial);
      } else if (column.type === "code") {
        const index = codeIndexes.get(column)!;
        const text = String(value);
        if (index.exact.has(text)) continue;
        // A letter the template does not give the code ("a) C1: ICO" for "C1: ICO") is read past too.
        const reading = index.forms.get(codeKey(text)) ?? index.forms.get(codeKey(withoutPrefix(text)));
        if (reading)
          report(
            c,
            "code-form",
            "warning",
            `${name} "${text}" is written differently from the template's code "${reading.code}"${READING_WORDS[reading.how]}; write "${reading.code}"`,
            { value: reading.code, label: `Change to ${reading.code}` },
          );
        else
          report(
            c,
            "code",
            "error",
            `${name} "${text}" is not one of the template's codes; use one of: ${allowedValues(column.codes!)}`,
          );
      } else if (column.type === "count" || column.type === "age") {
        const n = wholeNumber(value);
        const min = column.type === "age" ? -1 : 0;
        if (n === null || n < min)
          report(
            c,
            column.type === "age" ? "age" : "whole-number",
            "error",
            `${name} "${String(value)}" is not a whole number of ${min} or more; write the number only`,
          );
      }
    }
    checkRowDates(sheet.name, r, spec, row, dates, colOf, { asOf, asOfInferred, start }, findings);
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
            message: `${sheet.name}!${at(r, colOf(spec.cohortKey[0]!)!)}: the same ${spec.cohortKey.map((k) => k.trim()).join(" and ")} as row ${first + 1}${perChild ? "; the list has one row per " + (spec.list === 11 ? "adopter" : "child") + ": keep the most recent" : "; check it is not the same event twice"}`,
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
    headers: header.matches.map((m) => ({
      column: m.column,
      header: m.header,
      cell: at(header.row, m.col),
      how: m.how,
      explanation: explainMatch(m),
    })),
    findings,
    template: detectListTemplate(spec.list, sheet.name, headerMatches(sheet, header, allColumns(spec))),
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

const uk = (serial: number) => formatUkDate(dateFromSerial(serial));

function checkRowDates(
  sheet: string,
  r: number,
  spec: AnnexList,
  row: CellValue[],
  dates: Map<string, number>,
  colOf: (name: string) => number | undefined,
  { asOf, asOfInferred, start }: { asOf: number; asOfInferred: boolean; start: number },
  findings: AnnexFinding[],
): void {
  const push = (rule: string, column: string, message: string, severity: AnnexFinding["severity"] = "error") => {
    const cell = at(r, colOf(column)!);
    findings.push({ rule, severity, sheet, cell, message: `${sheet}!${cell}: ${message}` });
  };
  const dob = dates.get("Date of Birth");
  const ageCol = colOf("Age of Child (Years)");
  const ageNumber = ageCol === undefined ? null : wholeNumber(row[ageCol]);
  for (const [column, serial] of dates) {
    if (serial <= asOf) continue;
    if (column === "Date of Birth" && ageNumber === -1) continue; // an unborn child's expected date
    push(
      "future-date",
      column,
      `${column.trim()} ${uk(serial)} is after the as-of date ${uk(asOf)}${asOfInferred ? " (the latest date in the lists)" : ""}; check the year, or give --as-of`,
    );
  }
  // Nothing before the child's birth; work for an unborn child may start up to PRE_BIRTH_DAYS before it.
  if (dob !== undefined) {
    for (const [column, serial] of dates) {
      if (column === "Date of Birth" || serial >= dob) continue;
      const preBirth = PRE_BIRTH_DATES.has(column);
      if (preBirth && dob - serial <= PRE_BIRTH_DAYS) continue;
      push(
        "before-birth",
        column,
        `${column.trim()} ${uk(serial)} is before the date of birth ${uk(dob)}${preBirth ? ` by more than the ${PRE_BIRTH_DAYS} days pre-birth work can start` : ""}; one of the two dates is wrong`,
      );
    }
  }
  const rowDates = [...dates].filter(([c]) => c !== "Date of Birth").map(([, s]) => s);
  if (ageNumber === -1 && dob !== undefined && dob <= asOf) {
    push(
      "age",
      "Age of Child (Years)",
      `age −1 is for an unborn child, but the date of birth ${uk(dob)} has passed; give the age in years`,
    );
  } else if (ageNumber !== null && ageNumber >= 0 && dob !== undefined && dob <= asOf) {
    // The age may be taken at the row's own events or at extraction, which, when the as-of date is
    // inferred, can be a few weeks after the latest date in the lists.
    let earliest = asOf;
    for (const d of rowDates) if (d >= dob && d < earliest) earliest = d;
    const [low, high] = [ageOn(dob, earliest), ageOn(dob, asOfInferred ? asOf + 31 : asOf)];
    if (ageNumber < low || ageNumber > high) {
      const expected = ageOn(dob, asOf);
      findings.push({
        rule: "age-vs-birth",
        severity: "warning",
        sheet,
        cell: at(r, ageCol!),
        message: `${sheet}!${at(r, ageCol!)}: age ${ageNumber} does not match the date of birth ${uk(dob)}, which makes ${expected} on ${uk(asOf)}${asOfInferred ? " (the latest date in the lists)" : ""}; correct the age or the date of birth`,
      });
    }
  }
  let outOfOrder = false;
  for (const [start, end] of DATE_ORDER[spec.list] ?? []) {
    const [s, e] = [dates.get(start), dates.get(end)];
    if (s !== undefined && e !== undefined && e < s) {
      outOfOrder = true;
      push("date-order", end, `${end.trim()} ${uk(e)} is before ${start.trim()} ${uk(s)}; it cannot come first`);
    }
  }
  const period = LIST_PERIODS[spec.list];
  // Dates that contradict each other are reported as such; which of them is wrong decides the period.
  if (period && !outOfOrder && (!period.needs || dates.has(period.needs))) {
    const within = period.within.flatMap((c) => (dates.has(c) ? [[c, dates.get(c)!] as const] : []));
    if (within.length > 0 && within.every(([, d]) => d < start)) {
      const [column, serial] = within.reduce((a, b) => (b[1] > a[1] ? b : a));
      push(
        "outside-period",
        column,
        `${column.trim()} ${uk(serial)} is before the ${period.months} months the list covers (${uk(start)} to ${uk(asOf)}${asOfInferred ? ", to the latest date in the lists" : ""}): the list holds ${period.cohort}; leave the row out, or check the date`,
        "warning",
      );
    }
  }
}

/** Year, month (1–12) and day of a serial, by arithmetic (no Date made): lists run to 100,000 rows. */
function ymd(serial: number): [number, number, number] {
  // Days since 1970-01-01 (serial 25569), then Howard Hinnant's civil-from-days.
  const z = Math.floor(serial) - 25569 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Age in years at the last birthday. */
export function ageOn(birth: number, on: number): number {
  const [by, bm, bd] = ymd(birth);
  const [y, m, d] = ymd(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

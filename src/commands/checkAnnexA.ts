import {
  checkList,
  latestEventDate,
  recogniseSheets,
  type ListReport,
  type SheetInput,
  type UnrecognisedSheet,
} from "../domain/annexA/checkList";
import { checkAcrossLists } from "../domain/annexA/crossList";
import { detectFileTemplate, type FileTemplate } from "../domain/annexA/detectTemplate";
import { dateFromSerial, formatUkDate } from "../domain/dates";
import { UserError } from "../domain/userError";
import { dateSystemOf, serial1900 } from "../workbook/serialDates";
import type { WorkbookSnapshot } from "../workbook/types";

export interface AnnexAReport {
  lists: ListReport[];
  summary: { lists: number; rows: number; errors: number; warnings: number };
  /** The version(s) of the template the file follows, with the headers that show it; `mixed` is not an error. */
  template: FileTemplate;
  /** The day the lists were checked as of, and where it came from: given, or the latest date in the lists. */
  asOf: AsOfReport;
  /** Sheets with some list's columns that were not checked as a list, each with the list it most resembles. */
  unrecognised: UnrecognisedSheet[];
  /** Sheets that hold no list's columns, or are the template's own (Guidance, Codes_used…). */
  notLists: string[];
  /** Which sheets the user said hold which list (`--list`, the pane), as applied. */
  mapping: { sheet: string; list: number }[];
}

export interface AsOfReport {
  date: string;
  serial: number;
  source: "given" | "latest date in the lists" | "today (the lists have no dates)";
  /** The cell of the latest date, when taken from the lists. */
  cell?: string;
  /** In words, for the CLI and the pane. */
  description: string;
}

export const annexAQuery = { sheets: "all" as const };

export interface AnnexAOptions {
  /** The day to check as of; when null, the latest date in the lists (never after `today`). */
  asOf: number | null;
  /** Today: a cap on the dates the as-of date is taken from (a date after it is a mistake), and the last resort. */
  today?: number;
  /** Sheet name → list number, as the user says. */
  lists?: ReadonlyMap<string, number>;
}

/**
 * Checks the Annex A lists in a workbook against Ofsted's template: which sheet holds which list,
 * whether every column is there, every cell, the order of dates, the period each list covers, and the
 * same child across lists; and which version of the template the file follows. Annex A holds
 * child-level personal data: this reads it and reports on it, and never writes or sends any of it anywhere.
 */
export function checkAnnexA(snapshot: WorkbookSnapshot, options: AnnexAOptions | number): AnnexAReport {
  const { asOf: given, today, lists: mapping = new Map() } = typeof options === "number" ? { asOf: options } : options;
  const sheets = listSheets(snapshot);
  for (const name of mapping.keys())
    if (!sheets.some((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase()))
      throw new UserError(
        `There is no sheet "${name}" to take as a list; the sheets are ${sheets.map((s) => `"${s.name}"`).join(", ")}`,
      );
  const recognised = recogniseSheets(sheets, mapping);
  const asOf = given !== null ? asOfGiven(given) : asOfFromLists(recognised.lists, today);
  const inferred = asOf.source !== "given";
  const lists = recognised.lists.map(({ sheet, spec }) =>
    checkList(sheet, spec, { asOf: asOf.serial, asOfInferred: inferred }),
  );
  // Findings across lists are put with the list of the row they name.
  for (const finding of checkAcrossLists(recognised.lists, asOf.serial))
    lists.find((l) => l.sheet === finding.sheet)?.findings.push(finding);
  const findings = lists.flatMap((l) => l.findings);
  return {
    lists,
    summary: {
      lists: lists.length,
      rows: lists.reduce((n, l) => n + l.rows, 0),
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
    },
    template: detectFileTemplate(lists),
    asOf,
    unrecognised: recognised.unrecognised,
    notLists: recognised.notLists,
    mapping: recognised.lists
      .filter((l) => l.by === "mapping")
      .map((l) => ({ sheet: l.sheet.name, list: l.spec.list })),
  };
}

/**
 * The snapshot's sheets as the Annex A checks read them, each with the day 0 of the workbook's date
 * system, so that a date in a 1904 workbook is the day Excel shows, not four years and a day earlier.
 */
export function listSheets(snapshot: WorkbookSnapshot): SheetInput[] {
  const dayZero = serial1900(0, dateSystemOf(snapshot));
  return snapshot.sheets.flatMap((s) => (s.values ? [{ name: s.name, values: s.values, dayZero }] : []));
}

function asOfGiven(serial: number): AsOfReport {
  const date = formatUkDate(dateFromSerial(serial));
  return { date, serial, source: "given", description: `Checked as of ${date}, as given.` };
}

function asOfFromLists(lists: Parameters<typeof checkAcrossLists>[0], today: number | undefined): AsOfReport {
  const cap = today ?? Number.POSITIVE_INFINITY;
  let latest: { serial: number; cell: string } | null = null;
  for (const { sheet, spec } of lists) {
    const found = latestEventDate(sheet, spec, cap);
    if (found && (!latest || found.serial > latest.serial)) latest = found;
  }
  if (latest) {
    const date = formatUkDate(dateFromSerial(latest.serial));
    return {
      date,
      serial: latest.serial,
      source: "latest date in the lists",
      cell: latest.cell,
      description: `Checked as of ${date}, the latest date in the lists (${latest.cell}); give --as-of for another day.`,
    };
  }
  const serial = today ?? 0;
  const date = formatUkDate(dateFromSerial(serial));
  return {
    date,
    serial,
    source: "today (the lists have no dates)",
    description: `Checked as of ${date}, today: the lists have no dates to take it from.`,
  };
}

/** A workbook with no sheet recognised as an Annex A list; `workbook` names it ("This workbook", a file). */
export class NoAnnexAListsError extends UserError {
  constructor(workbook = "This workbook", unrecognised: UnrecognisedSheet[] = []) {
    super(
      unrecognised.length > 0
        ? `${workbook} holds no sheet recognised as an Annex A list. ${unrecognised.map((u) => u.reason).join(". ")}`
        : `${workbook} holds no Annex A list. Name the sheets “List 1” to “List 11” (or List_1 to List_11), or keep the headers of Ofsted's template`,
    );
  }
}

/** The lists checked as of a day (nothing written); a workbook without lists is refused, saying how to name them. */
export function checkAnnexALists(
  snapshot: WorkbookSnapshot,
  options: AnnexAOptions | number,
): { report: AnnexAReport } {
  const report = checkAnnexA(snapshot, options);
  if (report.summary.lists === 0) throw new NoAnnexAListsError("This workbook", report.unrecognised);
  return { report };
}

/**
 * As checkAnnexALists, except that a workbook whose only list-like sheets were not recognised is
 * reported rather than refused: the pane shows those sheets so the user can say which list each is.
 */
export function checkAnnexAListsOrSheets(
  snapshot: WorkbookSnapshot,
  options: AnnexAOptions | number,
): { report: AnnexAReport } {
  const report = checkAnnexA(snapshot, options);
  if (report.summary.lists === 0 && report.unrecognised.length === 0) throw new NoAnnexAListsError();
  return { report };
}

import { dateSystemOf } from "../workbook/serialDates";
import type { Framework } from "../domain/framework";
import { serialDate } from "../domain/dates";
import { DEFAULT_EXCEPTION_SETTINGS, exceptionsOf } from "../domain/progress/exceptions";
import { suppressTable, SUPPRESSED_TEXT } from "../domain/progress/suppression";
import { frameworkFromActions } from "../domain/projection/planProjection";
import { project, type Projection } from "../domain/projection/project";
import type { TrackedAction } from "../domain/progress/trackedAction";
import { UserError } from "../domain/userError";
import { readPlans, type PlanTable } from "../sheets/planTables";
import type { PrintPage } from "../sheets/printLayout";
import { layOutReportSheet, reportSheetText, type ReportCell, type ReportSheet } from "../sheets/reportSheet";
import { uniqueName } from "../sheets/tableLayout";
import { csvText } from "../workbook/csv/csvText";
import type { WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { checkAnnexA } from "./checkAnnexA";
import { childIdentifiers, withoutChildData } from "./childIdentifiers";
import { packSnapshotSheet } from "./packSnapshot";
import { actionsOf, projectWorkbook } from "./projectWorkbook";
import { trackedActions } from "./trackedActions";
import {
  completedSheet,
  coverSheet,
  directionSheet,
  districtsSheet,
  exceptionsSheet,
  PACK_SHEET_NAMES,
  ragSheet,
  summarySheet,
  type Group,
  reportColumn as col,
  type PackContext,
} from "./packSheets";

/**
 * The committee pack: what an officer takes to overview and scrutiny or cabinet, made from the plan
 * workbook in one step — a cover, the exceptions first, each judgement's projected grade and RAG counts,
 * what was completed and which way things went since the last pack, the districts, and counts from the
 * Annex A lists with small numbers suppressed. Nothing from an Annex A row reaches it: only counts, and
 * any child id, name or date of birth typed into a plan's own text is removed.
 */

export const DEFAULT_MARKING = "OFFICIAL-SENSITIVE";

export interface PackOptions extends PackContext {
  resolve: (id: string) => Framework | undefined;
}

export interface CommitteePack {
  sheets: ReportSheet[];
  framework: { id: string; version: string; name: string } | null;
  /** Actions with at least one exception. */
  exceptions: number;
  /** Counts hidden as small numbers (primary and secondary). */
  suppressed: number;
  /** Child identifiers removed from the plan's own text. */
  removed: number;
  /** The page title and date every sheet prints with. */
  title: string;
}

export class PackError extends UserError {}

export function committeePack(snapshot: WorkbookSnapshot, options: PackOptions): CommitteePack {
  const workbook = readPlans(snapshot);
  const plan = workbook.first("action-plan");
  if (!plan) {
    const missing = workbook.missing.find((m) => m.record.kind === "action-plan");
    throw new PackError(
      missing
        ? `${missing.message}; then make the pack`
        : "This workbook has no action plan to report on: create plan sheets, or structure the action plan you already have, first",
    );
  }
  const vocabulary = workbook.vocabulary;
  const framework = plan.record.frameworkId ? options.resolve(plan.record.frameworkId) : undefined;
  const actions = trackedActions(plan, vocabulary, framework, dateSystemOf(snapshot));
  const projected = projectionOf(snapshot, options, workbook, plan, framework);
  const projection = projected?.projection ?? null;
  const groups = groupsOf(actions, framework, projection);
  const exceptions = actions.map((a) => ({
    action: a,
    found: exceptionsOf(a, options.asOf, DEFAULT_EXCEPTION_SETTINGS),
  }));
  const annexA = annexACounts(snapshot, options);

  const title = `Committee pack – ${options.authority ?? "children's services"}`;
  const sheets: ReportSheet[] = [
    coverSheet(options, framework, plan.sheet),
    exceptionsSheet(exceptions),
    summarySheet(groups, vocabulary, framework, options.previous, projected?.source ?? null),
    ragSheet(groups, vocabulary),
    completedSheet(actions, options),
    directionSheet(actions, groups, options),
  ];
  if (actions.some((a) => a.district)) sheets.push(districtsSheet(actions, vocabulary, exceptions, options.previous));
  if (annexA) sheets.push(annexA.sheet);
  sheets.push(
    packSnapshotSheet(
      options.asOf,
      framework?.id ?? null,
      actions,
      groups.map((g) => ({ group: g.name, grade: g.grade, score: g.score })),
    ),
  );
  const ids = annexA?.ids;
  const removed = ids ? removeChildData(sheets, ids) : 0;
  return {
    sheets,
    framework: framework ? { id: framework.id, version: framework.version, name: framework.name } : null,
    exceptions: exceptions.filter((e) => e.found.length > 0).length,
    suppressed: annexA?.suppressed ?? 0,
    removed,
    title,
  };
}

/**
 * The grades the pack shows: the self-evaluation's where it has positions (the council's own judgement of
 * itself), else the action plan's RAG ratings read as the projection reads them; none for a plan that
 * follows no framework.
 */
function projectionOf(
  snapshot: WorkbookSnapshot,
  options: PackOptions,
  workbook: ReturnType<typeof readPlans>,
  plan: PlanTable,
  framework: Framework | undefined,
): { projection: Projection; source: string } | null {
  if (!framework) return null;
  if (workbook.first("self-evaluation")) {
    try {
      const report = projectWorkbook(snapshot, { resolve: options.resolve }, workbook).report;
      if (report.judgements.some((j) => j.coverage > 0))
        return { projection: report, source: "the self-evaluation's positions" };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
  }
  const { derived, positions } = frameworkFromActions(framework, actionsOf(plan), plan.record.areas ?? {});
  return { projection: project(derived, positions, workbook.vocabulary), source: "the action plan's RAG ratings" };
}

/** The framework's judgements in its order, then the plan's own areas in the order they first appear. */
function groupsOf(
  actions: readonly TrackedAction[],
  framework: Framework | undefined,
  projection: Projection | null,
): Group[] {
  const groups = new Map<string, Group>();
  for (const judgement of framework?.judgements ?? []) {
    if (judgement.kind === "overall") continue;
    const projected = projection?.judgements.find((j) => j.id === judgement.id);
    groups.set(judgement.name, {
      name: judgement.name,
      actions: [],
      grade: projected?.grade ?? null,
      score: projected?.score ?? null,
      reasons: projected?.reasons.map((r) => r.text) ?? [],
      judgement: true,
    });
  }
  for (const action of actions) {
    let group = groups.get(action.group);
    if (!group) {
      group = { name: action.group, actions: [], grade: null, score: null, reasons: [], judgement: false };
      groups.set(action.group, group);
    }
    group.actions.push(action);
  }
  return [...groups.values()];
}

/** Counts from the Annex A lists in the same workbook, small numbers suppressed unless told otherwise. */
function annexACounts(snapshot: WorkbookSnapshot, options: PackOptions) {
  const report = checkAnnexA(snapshot, options.asOf);
  if (report.lists.length === 0) return null;
  const lists = [...report.lists].sort((a, b) => a.list - b.list);
  const body = lists.map((l) => [
    l.rows,
    l.findings.filter((f) => f.severity === "error").length,
    l.findings.filter((f) => f.severity === "warning").length,
  ]);
  // Rows, errors and warnings are different things: each column is suppressed with its own total.
  const shownColumns = [0, 1, 2].map((c) => (options.suppress ? suppressTable(body.map((r) => [r[c]!])) : null));
  const suppressed = shownColumns.reduce((n, s) => n + (s?.suppressed ?? 0), 0);
  const cell = (r: number, c: number): ReportCell => {
    const shown = shownColumns[c];
    return shown ? shown.shown[r]![0]! : r < body.length ? body[r]![c]! : body.reduce((n, row) => n + row[c]!, 0);
  };
  const rows: ReportCell[][] = lists.map((l, r) => [`List ${l.list}`, l.title, cell(r, 0), cell(r, 1), cell(r, 2)]);
  rows.push(["Total", null, cell(lists.length, 0), cell(lists.length, 1), cell(lists.length, 2)]);
  const sheet: ReportSheet = {
    name: PACK_SHEET_NAMES.annexA,
    title: "Annex A lists: counts",
    intro: [
      `Records in each Annex A list of the workbook and what the checks found, as at ${serialDate(options.asOf)}. Counts only: no child's record is in this pack.`,
      options.suppress
        ? `Counts of 1 to 5 are shown as "${SUPPRESSED_TEXT}"; where a total would reveal one, a second count is hidden too.`
        : "INTERNAL: small counts are not suppressed.",
    ],
    tables: [
      {
        columns: [
          col("List", 8),
          col("What it lists", 40, "longText"),
          col("Records", 10, "count"),
          col("Errors found", 10, "count"),
          col("Warnings", 10, "count"),
        ],
        rows,
      },
    ],
  };
  return { sheet, suppressed, ids: childIdentifiers(snapshot, report.lists) };
}

/** Every text cell of every sheet with child identifiers removed; how many were. */
function removeChildData(sheets: ReportSheet[], ids: ReturnType<typeof childIdentifiers>): number {
  if (ids.texts.length === 0 && ids.births.length === 0) return 0;
  let removed = 0;
  const clean = (cell: ReportCell): ReportCell => {
    if (typeof cell !== "string") return cell;
    const result = withoutChildData(cell, ids);
    removed += result.removed;
    return result.text;
  };
  for (const sheet of sheets) {
    sheet.intro = sheet.intro.map((line) => clean(line) as string);
    for (const table of sheet.tables) table.rows = table.rows.map((row) => row.map(clean));
  }
  return removed;
}

// ---- the pack as a workbook and as CSV -----------------------------------------------------------------

/** The page every sheet of the pack prints with: its title, the date, the marking. */
export function packPage(pack: CommitteePack, marking: string, asOf: number): PrintPage {
  return { title: pack.title, date: serialDate(asOf), marking };
}

/** The pack's sheets as one patch, for a new workbook (the CLI's file, the pane's new workbook). */
export function packPatch(pack: CommitteePack, page: PrintPage): WorkbookPatch {
  return {
    description: "Make the committee pack",
    ops: pack.sheets.flatMap((sheet) => layOutReportSheet(sheet, page)),
  };
}

/** The pack's visible sheets, one after another, as CSV: what a council's own reporting tools take in. */
export function packCsv(pack: CommitteePack, marking: string): string {
  const rows: string[][] = [[marking]];
  for (const sheet of pack.sheets) {
    if (sheet.visibility && sheet.visibility !== "visible") continue;
    rows.push([], ...reportSheetText(sheet, serialDate));
  }
  rows.push([], [marking]);
  return csvText(rows);
}

/**
 * The pack's sheets added to the plan's own workbook (Excel draws its chart there): each sheet named apart
 * from those the workbook has ("Cover (2)"), so nothing of the user's is touched and Undo removes it all.
 */
export function packIntoWorkbook(pack: CommitteePack, page: PrintPage, snapshot: WorkbookSnapshot): WorkbookPatch {
  const taken = snapshot.sheets.map((s) => s.name);
  const sheets = pack.sheets.map((sheet) => {
    const name = uniqueName(sheet.name, taken, (n) => ` (${n})`);
    taken.push(name);
    return { ...sheet, name };
  });
  // A workbook of the 1904 date system counts its serials from 1904: the pack's dates are written so.
  const system = dateSystemOf(snapshot);
  return {
    description: "Add the committee pack",
    ops: sheets.flatMap((sheet) => layOutReportSheet(sheet, page, system)),
  };
}

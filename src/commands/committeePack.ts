import type { Framework } from "../domain/framework";
import { serialDate } from "../domain/dates";
import {
  actionDirection,
  directionCounts,
  DIRECTION_WORDS,
  scoreDirection,
  type Direction,
} from "../domain/progress/direction";
import {
  DEFAULT_EXCEPTION_SETTINGS,
  EXCEPTION_KINDS,
  EXCEPTION_TITLES,
  exceptionsOf,
  type ActionException,
} from "../domain/progress/exceptions";
import { countByStatus, NO_STATUS, percentageOf } from "../domain/progress/statusCounts";
import { suppressTable, SUPPRESSED_TEXT } from "../domain/progress/suppression";
import type { TrackedAction } from "../domain/progress/trackedAction";
import type { RagStatus } from "../domain/rag";
import { UserError } from "../domain/userError";
import { count } from "../domain/words";
import { readPlans } from "../sheets/planTables";
import type { PrintPage } from "../sheets/printLayout";
import { uniqueName } from "../sheets/tableLayout";
import {
  layOutReportSheet,
  reportSheetText,
  type ReportCell,
  type ReportColumn,
  type ReportSheet,
} from "../sheets/reportSheet";
import { csvText } from "../workbook/csv/csvText";
import type { WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { checkAnnexA } from "./checkAnnexA";
import { childIdentifiers, withoutChildData } from "./childIdentifiers";
import { packSnapshotSheet, type PackSnapshot } from "./packSnapshot";
import { actionsOf, projectWorkbook } from "./projectWorkbook";
import { frameworkFromActions } from "../domain/projection/planProjection";
import { project, type Projection } from "../domain/projection/project";
import type { PlanTable } from "../sheets/planTables";
import { trackedActions } from "./trackedActions";

/**
 * The committee pack: what an officer takes to overview and scrutiny or cabinet, made from the plan
 * workbook in one step — a cover, the exceptions first, each judgement's projected grade and RAG counts,
 * what was completed and which way things went since the last pack, the districts, and counts from the
 * Annex A lists with small numbers suppressed. Nothing from an Annex A row reaches it: only counts, and
 * any child id, name or date of birth typed into a plan's own text is removed.
 */

export const DEFAULT_MARKING = "OFFICIAL-SENSITIVE";

export const PACK_SHEET_NAMES = {
  cover: "Cover",
  exceptions: "Exceptions",
  summary: "Summary by judgement",
  rag: "RAG by judgement",
  completed: "Completed since last pack",
  direction: "Direction of travel",
  districts: "Districts",
  annexA: "Annex A counts",
} as const;

export interface PackOptions {
  /** The day the pack reports on (Excel serial): due dates and "30 days" are counted to it. */
  asOf: number;
  /** The day it was made, for the cover. */
  madeOn: number;
  marking: string;
  authority: string | null;
  author: string | null;
  /** The last pack's record of itself, for direction of travel and "completed since". */
  previous: PackSnapshot | null;
  /** Where the last pack came from, for the cover ("pack-october.xlsx"). */
  previousName?: string;
  /** False only for a pack that stays within the performance team. */
  suppress: boolean;
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
  const actions = trackedActions(plan, vocabulary, framework);
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

interface Group {
  name: string;
  actions: TrackedAction[];
  grade: string | null;
  score: number | null;
  reasons: string[];
  /** True for a judgement of the framework, false for the plan's own area. */
  judgement: boolean;
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

// ---- sheets --------------------------------------------------------------------------------------------

const col = (header: string, width: number, kind: ReportColumn["kind"] = "text"): ReportColumn => ({
  header,
  width,
  kind,
});

function coverSheet(options: PackOptions, framework: Framework | undefined, planSheet: string): ReportSheet {
  const frameworkText = framework
    ? `${framework.name} (version ${framework.version})`
    : "None: the plan follows no framework, so its actions are counted by its own areas";
  const rows: ReportCell[][] = [
    ["Authority", options.authority ?? "Not given"],
    ["Framework", frameworkText],
    ["Position as at", { date: options.asOf }],
    ["Produced on", { date: options.madeOn }],
    ["Author", options.author ?? "Not given"],
    ["Protective marking", options.marking],
    ["Made from", `The action plan on the sheet "${planSheet}"`],
    [
      "Compared with",
      options.previous
        ? `The pack as at ${serialDate(options.previous.asOf)}${options.previousName ? ` (${options.previousName})` : ""}`
        : "No previous pack: direction of travel starts with the next one",
    ],
  ];
  return {
    name: PACK_SHEET_NAMES.cover,
    title: "Committee pack",
    intro: [
      "Progress on the inspection improvement plan, for overview and scrutiny committee and cabinet.",
      `Exceptions come first: actions that are Red, overdue, not updated in ${DEFAULT_EXCEPTION_SETTINGS.staleDays} days, or awaiting sign-off for more than ${DEFAULT_EXCEPTION_SETTINGS.signOffDays} days.`,
      "Complete actions are counted apart from Green, Amber and Red; actions not started are shown apart and left out of the percentages.",
      options.suppress
        ? `No child-level data: counts from the Annex A lists of 1 to 5 are shown as "${SUPPRESSED_TEXT}", with a second count hidden wherever a total would reveal them.`
        : "INTERNAL: small counts from the Annex A lists are NOT suppressed. Do not share this pack outside the performance team.",
    ],
    tables: [{ columns: [col("About this pack", 22), col("", 80, "longText")], rows }],
  };
}

function exceptionsSheet(exceptions: { action: TrackedAction; found: ActionException[] }[]): ReportSheet {
  const order = (found: ActionException[]) => Math.min(...found.map((e) => EXCEPTION_KINDS.indexOf(e.kind)));
  const listed = exceptions.filter((e) => e.found.length > 0).sort((a, b) => order(a.found) - order(b.found));
  const byKind = EXCEPTION_KINDS.map(
    (kind) => `${EXCEPTION_TITLES[kind]}: ${listed.filter((e) => e.found.some((f) => f.kind === kind)).length}`,
  );
  return {
    name: PACK_SHEET_NAMES.exceptions,
    title: "Exceptions",
    intro: [
      `${count(listed.length, "action")} to draw to the committee's attention. ${byKind.join("; ")}.`,
      "An action is listed once, under its most serious exception, with every reason it is listed.",
    ],
    tables: [
      {
        columns: [
          col("Exception", 16, "longText"),
          col("Ref", 8),
          col("Action", 34, "longText"),
          col("Judgement or area", 22, "longText"),
          col("District or team", 14, "longText"),
          col("Lead", 14, "longText"),
          col("Due date", 11, "date"),
          col("RAG", 12, "longText"),
          col("Why", 30, "longText"),
          col("Latest update", 36, "longText"),
          col("Where", 16),
        ],
        rows: listed.map(({ action, found }) => [
          EXCEPTION_TITLES[found[0]!.kind],
          action.ref,
          action.action,
          action.group,
          action.district,
          action.lead,
          action.due === null ? null : { date: action.due },
          action.status ?? NO_STATUS,
          found.map((f) => f.detail).join("; "),
          action.update,
          action.cell,
        ]),
        empty: "No exceptions.",
      },
    ],
  };
}

function summarySheet(
  groups: readonly Group[],
  vocabulary: readonly RagStatus[],
  framework: Framework | undefined,
  previous: PackSnapshot | null,
  source: string | null,
): ReportSheet {
  const hasGrades = groups.some((g) => g.judgement);
  return {
    name: PACK_SHEET_NAMES.summary,
    title: "Summary by judgement",
    intro: [
      framework
        ? `Grades projected from ${source ?? "the plan"} by the framework's scoring table (scores from 1, the lowest grade, to 4, the highest, to 2 decimal places)${framework.judgements.some((j) => j.kind === "overall") ? "" : "; this framework has no overall grade"}.`
        : "The plan follows no framework, so there are no grades: its actions are counted by its own areas.",
      `The actions of each ${hasGrades ? "judgement" : "area"} by RAG status are on the next sheet, "${PACK_SHEET_NAMES.rag}".`,
    ],
    tables: [
      {
        columns: [
          col("Judgement or area", 34, "longText"),
          col("Projected grade", 18, "longText"),
          col("Score (1 to 4)", 10, "score"),
          col("Since last pack", 11),
          col("Actions", 9, "count"),
          col("Reasons", 64, "longText"),
        ],
        rows: groups.map((g) => [
          g.name,
          g.judgement ? (g.grade ?? "Not enough evidence to grade") : "Not a judgement of the framework",
          g.score,
          directionWord(
            previous ? scoreDirection(previous.groups.get(g.name)?.score ?? null, g.score) : null,
            previous,
          ),
          g.actions.length,
          g.reasons.join(" ") || (g.judgement ? "" : "The plan's own area: counted, not graded."),
        ]),
      },
    ],
  };
}

/** Each judgement's actions by RAG status, with the share of those under way or done and a bar to show it. */
function ragSheet(groups: readonly Group[], vocabulary: readonly RagStatus[]): ReportSheet {
  const labels = [...vocabulary.map((s) => s.label), NO_STATUS];
  const percentLabels = vocabulary.filter((s) => s.concept !== "not-started").map((s) => s.label);
  const counts = groups.map((g) => countByStatus(g.actions, vocabulary));
  const total = countByStatus(
    groups.flatMap((g) => g.actions),
    vocabulary,
  );
  const allCounts = [...counts, total];
  const names = [...groups.map((g) => g.name), "Total"];
  return {
    name: PACK_SHEET_NAMES.rag,
    title: "Actions by RAG status",
    intro: [
      "Complete actions are counted apart from Green, Amber and Red. Actions not started are shown apart and left out of the percentages, which are of the actions under way or done.",
      "The bar shows the share complete (signed off or awaiting sign-off) or on track, one block for each 10%.",
    ],
    tables: [
      {
        heading: "Number of actions",
        columns: [
          col("Judgement or area", 34, "longText"),
          ...labels.map((l) => col(l, 11, "count")),
          col("Total", 8, "count"),
          col("Complete or on track", 27),
        ],
        rows: allCounts.map((c, i) => [
          names[i]!,
          ...labels.map((l) => c[l]!),
          labels.reduce((n, l) => n + c[l]!, 0),
          completeOrOnTrack(c, vocabulary),
        ]),
        chart: {
          name: "RAG by judgement",
          title: "Actions by RAG status, per judgement",
          series: labels.length,
          withoutLastRow: true,
        },
      },
      {
        heading: "Share of the actions under way or done (%)",
        columns: [col("Judgement or area", 34, "longText"), ...percentLabels.map((l) => col(l, 11, "percent"))],
        rows: allCounts.map((c, i) => [names[i]!, ...percentLabels.map((l) => percentageOf(l, c, vocabulary))]),
      },
    ],
  };
}

function completeOrOnTrack(counts: Record<string, number>, vocabulary: readonly RagStatus[]): string {
  const shares = vocabulary
    .filter((s) => s.concept === "complete" || s.concept === "awaiting-sign-off" || s.concept === "on-track")
    .map((s) => percentageOf(s.label, counts, vocabulary));
  if (shares.every((p) => p === null)) return "None under way";
  return bar(shares.reduce<number>((n, p) => n + (p ?? 0), 0));
}

/** A bar of 10 blocks, one for each 10 %: a chart that prints and survives every spreadsheet program. */
export function bar(percent: number): string {
  const filled = Math.round(Math.min(100, Math.max(0, percent)) / 10);
  return `${"█".repeat(filled)}${"░".repeat(10 - filled)} ${Math.round(percent)}%`;
}

function completedSheet(actions: readonly TrackedAction[], options: PackOptions): ReportSheet {
  const done = (a: { concept: string | null }) => a.concept === "complete" || a.concept === "awaiting-sign-off";
  const previous = options.previous;
  const listed = previous
    ? actions.filter((a) => done(a) && !done(previous.actions.get(a.key) ?? { concept: null }))
    : actions.filter(
        (a) => done(a) && a.updated !== null && a.updated > options.asOf - DEFAULT_EXCEPTION_SETTINGS.staleDays,
      );
  return {
    name: PACK_SHEET_NAMES.completed,
    title: "Completed since the last pack",
    intro: [
      previous
        ? `${count(listed.length, "action")} complete now that ${listed.length === 1 ? "was" : "were"} not complete in the pack as at ${serialDate(previous.asOf)}.`
        : `No previous pack was given, so this lists the ${count(listed.length, "complete action")} last updated in the ${DEFAULT_EXCEPTION_SETTINGS.staleDays} days to ${serialDate(options.asOf)}.`,
    ],
    tables: [
      {
        columns: [
          col("Ref", 8),
          col("Action", 50, "longText"),
          col("Judgement or area", 26, "longText"),
          col("District or team", 14, "longText"),
          col("Lead", 14, "longText"),
          col("Status", 16, "longText"),
          col("Last updated", 11, "date"),
        ],
        rows: listed.map((a) => [
          a.ref,
          a.action,
          a.group,
          a.district,
          a.lead,
          a.status,
          a.updated === null ? null : { date: a.updated },
        ]),
        empty: "No action completed in this period.",
      },
    ],
  };
}

function directionSheet(
  actions: readonly TrackedAction[],
  groups: readonly Group[],
  options: PackOptions,
): ReportSheet {
  const previous = options.previous;
  if (!previous) {
    return {
      name: PACK_SHEET_NAMES.direction,
      title: "Direction of travel",
      intro: [
        "No previous pack was given. This pack keeps a record of itself: give it as the previous pack next time (--previous in the command line, or keep the pack in the workbook) to see which way each judgement and action went.",
      ],
      tables: [],
    };
  }
  const judgementRows = groups.map((g) => {
    const before = previous.groups.get(g.name);
    const direction = scoreDirection(before?.score ?? null, g.score);
    return [
      g.name,
      before?.grade ?? null,
      before?.score ?? null,
      g.grade,
      g.score,
      directionWord(direction, previous),
    ] as ReportCell[];
  });
  const rank = (d: Direction | null | "new") =>
    d === "worse" ? 0 : d === "new" ? 1 : d === "improved" ? 2 : d === "same" ? 3 : 4;
  const actionRows = actions
    .map((a) => {
      const before = previous.actions.get(a.key);
      const direction: Direction | null | "new" = before ? actionDirection(before.concept, a.concept) : "new";
      return { a, before, direction };
    })
    .sort((x, y) => rank(x.direction) - rank(y.direction));
  const removed = [...previous.actions].filter(([key]) => !actions.some((a) => a.key === key));
  const moves = directionCounts(actionRows.map((r) => (r.direction === "new" ? null : r.direction)));
  return {
    name: PACK_SHEET_NAMES.direction,
    title: "Direction of travel",
    intro: [
      `Against the pack as at ${serialDate(previous.asOf)}: ${moves.improved} improved, ${moves.same} the same, ${moves.worse} worse; ${count(actionRows.filter((r) => r.direction === "new").length, "new action")}, ${count(removed.length, "action")} no longer in the plan.`,
      "An action improves as it moves from Red towards complete (Red, Amber, Not started, Amber/Green, Green, awaiting sign-off, complete); a judgement by its projected score.",
    ],
    tables: [
      {
        heading: "By judgement",
        columns: [
          col("Judgement or area", 30, "longText"),
          col("Grade then", 16, "longText"),
          col("Score then", 9, "score"),
          col("Grade now", 16, "longText"),
          col("Score now", 9, "score"),
          col("Direction", 11),
        ],
        rows: judgementRows,
      },
      {
        heading: "By action",
        columns: [
          col("Ref", 8),
          col("Action", 50, "longText"),
          col("District or team", 14, "longText"),
          col("RAG then", 14, "longText"),
          col("RAG now", 14, "longText"),
          col("Direction", 11),
        ],
        rows: [
          ...actionRows.map(({ a, before, direction }) => [
            a.ref,
            a.action,
            a.district,
            before ? (before.status ?? NO_STATUS) : "Not in the last pack",
            a.status ?? NO_STATUS,
            direction === "new" ? "New" : directionWord(direction, previous),
          ]),
          ...removed.map(([, r]) => [r.ref, r.action, null, r.status ?? NO_STATUS, "No longer in the plan", "Removed"]),
        ],
        empty: "The plan has no actions.",
      },
    ],
  };
}

function directionWord(direction: Direction | null, previous: PackSnapshot | null): string | null {
  if (!previous) return null;
  return direction ? DIRECTION_WORDS[direction] : "Cannot compare";
}

function districtsSheet(
  actions: readonly TrackedAction[],
  vocabulary: readonly RagStatus[],
  exceptions: { action: TrackedAction; found: ActionException[] }[],
  previous: PackSnapshot | null,
): ReportSheet {
  const labels = [...vocabulary.map((s) => s.label), NO_STATUS];
  const names = [...new Set(actions.map((a) => a.district ?? "No district given"))];
  const rows = names.map((name) => {
    const mine = actions.filter((a) => (a.district ?? "No district given") === name);
    const counts = countByStatus(mine, vocabulary);
    const raised = exceptions.filter((e) => e.found.length > 0 && mine.includes(e.action)).length;
    const moves = previous
      ? directionCounts(
          mine.map((a) => {
            const before = previous.actions.get(a.key);
            return before ? actionDirection(before.concept, a.concept) : null;
          }),
        )
      : null;
    return [
      name,
      ...labels.map((l) => counts[l]!),
      mine.length,
      raised,
      moves ? `${moves.improved} improved, ${moves.same} same, ${moves.worse} worse` : null,
    ] as ReportCell[];
  });
  return {
    name: PACK_SHEET_NAMES.districts,
    title: "Districts and teams",
    intro: [
      "Each district's or team's actions by RAG status, its exceptions, and which way its actions went since the last pack.",
    ],
    tables: [
      {
        columns: [
          col("District or team", 22, "longText"),
          ...labels.map((l) => col(l, 10, "count")),
          col("Total", 8, "count"),
          col("Exceptions", 10, "count"),
          col("Since last pack", 26, "longText"),
        ],
        rows,
      },
    ],
  };
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
  return { description: "Add the committee pack", ops: sheets.flatMap((sheet) => layOutReportSheet(sheet, page)) };
}

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
  type ActionException,
} from "../domain/progress/exceptions";
import { countByStatus, NO_STATUS, percentageOf } from "../domain/progress/statusCounts";
import { SUPPRESSED_TEXT } from "../domain/progress/suppression";
import type { TrackedAction } from "../domain/progress/trackedAction";
import type { RagStatus } from "../domain/rag";
import { count } from "../domain/words";
import type { ReportCell, ReportColumn, ReportSheet } from "../sheets/reportSheet";
import type { PackSnapshot } from "./packSnapshot";

/**
 * The sheets of the committee pack, each described as data (a ReportSheet) from the plan's actions and
 * groups: the cover, the exceptions, the grades, the RAG counts, what was completed, the direction of
 * travel and the districts. committeePack.ts decides what goes in; this file says how each sheet reads.
 */

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

/** What the pack's sheets say about the pack itself: its date, marking, authors and the last pack. */
export interface PackContext {
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
}

/** A judgement of the framework, or an area of the plan, with its actions and projected grade. */
export interface Group {
  name: string;
  actions: TrackedAction[];
  grade: string | null;
  score: number | null;
  reasons: string[];
  /** True for a judgement of the framework, false for the plan's own area. */
  judgement: boolean;
}

/** A column of a pack table. */
export const reportColumn = (header: string, width: number, kind: ReportColumn["kind"] = "text"): ReportColumn => ({
  header,
  width,
  kind,
});

export function coverSheet(options: PackContext, framework: Framework | undefined, planSheet: string): ReportSheet {
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
    tables: [{ columns: [reportColumn("About this pack", 22), reportColumn("", 80, "longText")], rows }],
  };
}

export function exceptionsSheet(exceptions: { action: TrackedAction; found: ActionException[] }[]): ReportSheet {
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
          reportColumn("Exception", 16, "longText"),
          reportColumn("Ref", 8),
          reportColumn("Action", 34, "longText"),
          reportColumn("Judgement or area", 22, "longText"),
          reportColumn("District or team", 14, "longText"),
          reportColumn("Lead", 14, "longText"),
          reportColumn("Due date", 11, "date"),
          reportColumn("RAG", 12, "longText"),
          reportColumn("Why", 30, "longText"),
          reportColumn("Latest update", 36, "longText"),
          reportColumn("Where", 16),
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

export function summarySheet(
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
          reportColumn("Judgement or area", 34, "longText"),
          reportColumn("Projected grade", 18, "longText"),
          reportColumn("Score (1 to 4)", 10, "score"),
          reportColumn("Since last pack", 11),
          reportColumn("Actions", 9, "count"),
          reportColumn("Reasons", 64, "longText"),
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
export function ragSheet(groups: readonly Group[], vocabulary: readonly RagStatus[]): ReportSheet {
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
          reportColumn("Judgement or area", 34, "longText"),
          ...labels.map((l) => reportColumn(l, 11, "count")),
          reportColumn("Total", 8, "count"),
          reportColumn("Complete or on track", 27),
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
        columns: [
          reportColumn("Judgement or area", 34, "longText"),
          ...percentLabels.map((l) => reportColumn(l, 11, "percent")),
        ],
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

export function completedSheet(actions: readonly TrackedAction[], options: PackContext): ReportSheet {
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
          reportColumn("Ref", 8),
          reportColumn("Action", 50, "longText"),
          reportColumn("Judgement or area", 26, "longText"),
          reportColumn("District or team", 14, "longText"),
          reportColumn("Lead", 14, "longText"),
          reportColumn("Status", 16, "longText"),
          reportColumn("Last updated", 11, "date"),
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

export function directionSheet(
  actions: readonly TrackedAction[],
  groups: readonly Group[],
  options: PackContext,
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
          reportColumn("Judgement or area", 30, "longText"),
          reportColumn("Grade then", 16, "longText"),
          reportColumn("Score then", 9, "score"),
          reportColumn("Grade now", 16, "longText"),
          reportColumn("Score now", 9, "score"),
          reportColumn("Direction", 11),
        ],
        rows: judgementRows,
      },
      {
        heading: "By action",
        columns: [
          reportColumn("Ref", 8),
          reportColumn("Action", 50, "longText"),
          reportColumn("District or team", 14, "longText"),
          reportColumn("RAG then", 14, "longText"),
          reportColumn("RAG now", 14, "longText"),
          reportColumn("Direction", 11),
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

export function districtsSheet(
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
          reportColumn("District or team", 22, "longText"),
          ...labels.map((l) => reportColumn(l, 10, "count")),
          reportColumn("Total", 8, "count"),
          reportColumn("Exceptions", 10, "count"),
          reportColumn("Since last pack", 26, "longText"),
        ],
        rows,
      },
    ],
  };
}

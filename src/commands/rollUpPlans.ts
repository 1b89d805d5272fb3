import { dateSystemOf } from "../workbook/serialDates";
import type { Framework } from "../domain/framework";
import { serialDate } from "../domain/dates";
import { actionDirection, directionCounts, type Direction } from "../domain/progress/direction";
import {
  DEFAULT_EXCEPTION_SETTINGS,
  EXCEPTION_KINDS,
  EXCEPTION_TITLES,
  exceptionsOf,
  type ActionException,
  type ExceptionKind,
} from "../domain/progress/exceptions";
import { addCounts, countByStatus, NO_STATUS } from "../domain/progress/statusCounts";
import type { TrackedAction } from "../domain/progress/trackedAction";
import type { RagStatus } from "../domain/rag";
import { UserError } from "../domain/userError";
import { count, listInWords } from "../domain/words";
import { readPlans } from "../sheets/planTables";
import type { PrintPage } from "../sheets/printLayout";
import {
  layOutReportSheet,
  reportCellInput,
  type ReportCell,
  type ReportColumn,
  type ReportSheet,
} from "../sheets/reportSheet";
import type { CellInput, PatchOp, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { bar } from "./packSheets";
import { packSnapshotSheet, readPackSnapshot, type PackSnapshot } from "./packSnapshot";
import { NO_AREA, trackedActions } from "./trackedActions";

/**
 * The county roll-up: the improvement plans of a county's districts (seed 003's twelve district
 * management teams) added up into one view for the improvement board and cabinet — each judgement or
 * theme by district and RAG status, each district's RAG counts, exceptions and direction of travel, and
 * the county's totals. Plans are only added up when they follow the same framework and version and use
 * the same RAG scale: anything else would count different things under one heading.
 */

/**
 * The roll-up's record of itself, in the pack snapshot's format under its own name: every action keyed
 * by its district and its own key (so the next roll-up compares each district with itself), and each
 * district as a "group" row.
 */
export const ROLLUP_SNAPSHOT_SHEET = "Roll-up snapshot";

export const ROLLUP_SHEET_NAMES = {
  cover: "County roll-up",
  districts: "Districts",
  judgements: "By judgement",
  exceptions: "Exceptions",
  direction: "Direction of travel",
} as const;

export interface DistrictFile {
  /** The file as the user named it (a path, or a name in the preview): shown in messages and the JSON. */
  file: string;
  snapshot: WorkbookSnapshot;
}

export interface RollUpOptions {
  /** The day the roll-up reports on (Excel serial): due dates and "30 days" are counted to it. */
  asOf: number;
  /** The last roll-up's record of itself (readRollUpSnapshot); each district is compared with it. */
  previous: PackSnapshot | null;
  /** Where the last roll-up came from, for the cover. */
  previousName?: string;
  /** Files the caller could not open at all, listed on the cover so the reader knows what is missing. */
  skipped?: readonly { file: string; reason: string }[];
  resolve: (id: string) => Framework | undefined;
}

/** Which way a district's actions went, and against what. */
export interface DistrictDirection extends Record<Direction, number> {
  /** What the district was compared with: the previous roll-up, or a pack kept in its own workbook. */
  against: "roll-up" | "pack";
  /** The day of what it was compared with, dd/mm/yyyy. */
  asOf: string;
  /** Actions not in what it was compared with. */
  new: number;
}

export interface DistrictSummary {
  file: string;
  name: string;
  /** One number per status of the scale, then "No status": every action counted once. */
  counts: Record<string, number>;
  /** Actions with at least one exception. */
  exceptions: number;
  direction: DistrictDirection | null;
}

export interface CountyRollUp {
  framework: { id: string; version: string; name: string } | null;
  districts: DistrictSummary[];
  totals: Record<string, number>;
  /** Files given that hold no action plan (or one that cannot be read), with why: not rolled up. */
  unreadable: { file: string; reason: string }[];
  /** Things the reader should know that did not stop the roll-up (a district's pack snapshot unreadable). */
  notes: string[];
  sheets: ReportSheet[];
  title: string;
}

export class RollUpError extends UserError {}

const NO_DISTRICT_FRAMEWORK = "no framework";

interface District {
  file: string;
  name: string;
  actions: TrackedAction[];
  framework: { id: string; version: string | null } | null;
  vocabulary: readonly RagStatus[];
  /** A "Pack snapshot" kept in the district's own workbook, where it has one. */
  ownPack: PackSnapshot | null;
}

export function rollUpPlans(files: readonly DistrictFile[], options: RollUpOptions): CountyRollUp {
  const unreadable: { file: string; reason: string }[] = [];
  const notes: string[] = [];
  const read: District[] = [];
  for (const input of files) {
    try {
      read.push(readDistrict(input, options, notes));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      unreadable.push({ file: input.file, reason: error.message });
    }
  }
  if (read.length === 0) {
    throw new RollUpError(
      files.length === 0
        ? "There are no district plans to roll up: give the districts' workbooks, or a folder of them"
        : `None of the files holds an action plan to roll up: ${unreadable.map((u) => `${u.file} (${u.reason})`).join("; ")}`,
    );
  }
  refuseMixedFrameworks(read);
  refuseMixedScales(read);
  const frameworkId = read[0]!.framework?.id ?? null;
  const framework = frameworkId ? options.resolve(frameworkId) : undefined;
  const previous = options.previous;
  if (previous && previous.frameworkId !== frameworkId) {
    throw new RollUpError(
      `The previous roll-up${options.previousName ? ` (${options.previousName})` : ""} was of ${previous.frameworkId ?? NO_DISTRICT_FRAMEWORK}, and these plans follow ${frameworkId ?? NO_DISTRICT_FRAMEWORK}: give a previous roll-up of the same framework, or leave it out`,
    );
  }
  const districts = uniqueNames(read);
  const vocabulary = districts[0]!.vocabulary;

  const summaries = districts.map((d): DistrictSummary => {
    const raised = d.actions.filter((a) => exceptionsOf(a, options.asOf, DEFAULT_EXCEPTION_SETTINGS).length > 0);
    return {
      file: d.file,
      name: d.name,
      counts: countByStatus(d.actions, vocabulary),
      exceptions: raised.length,
      direction: directionOf(d, previous),
    };
  });
  const totals = addCounts(summaries.map((s) => s.counts));
  const title = `County roll-up of ${count(districts.length, "district plan")}`;
  const sheets: ReportSheet[] = [
    coverSheet(districts, framework, read[0]!.framework, options, unreadable),
    districtsSheet(summaries, totals, vocabulary),
    judgementsSheet(districts, vocabulary, framework),
    exceptionsSheet(districts, options.asOf),
    directionSheet(summaries, options),
    rollUpSnapshotSheet(options.asOf, frameworkId, districts),
  ];
  return {
    framework: framework
      ? { id: framework.id, version: framework.version, name: framework.name }
      : frameworkId
        ? { id: frameworkId, version: read[0]!.framework?.version ?? "", name: frameworkId }
        : null,
    districts: summaries,
    totals,
    unreadable,
    notes,
    sheets,
    title,
  };
}

/**
 * The roll-up's sheets as one patch, for a new workbook (the CLI's file, the preview's download). The
 * hidden snapshot is written as plain values: nobody prints it, and for a large county (50 districts of
 * 1,000 actions) the borders and wrapping of a printed sheet would cost more than all the others together.
 */
export function rollUpPatch(rollUp: CountyRollUp, page: PrintPage): WorkbookPatch {
  return {
    description: "Make the county roll-up",
    ops: rollUp.sheets.flatMap((sheet) =>
      sheet.name === ROLLUP_SNAPSHOT_SHEET ? plainSheetOps(sheet) : layOutReportSheet(sheet, page),
    ),
  };
}

function plainSheetOps(sheet: ReportSheet): PatchOp[] {
  const lines: CellInput[][] = [[sheet.title], ...sheet.intro.map((l) => [l])];
  for (const table of sheet.tables) {
    lines.push(
      [],
      table.columns.map((c) => c.header),
      ...table.rows.map((r) => r.map((cell) => reportCellInput(cell))),
    );
  }
  // Every row as wide as the widest, so each adapter writes a rectangle.
  const width = Math.max(...lines.map((l) => l.length));
  const values = lines.map((l) => [...l, ...Array<CellInput>(width - l.length).fill(null)]);
  return [
    { op: "addSheet", sheet: sheet.name },
    { op: "writeValues", sheet: sheet.name, row: 0, col: 0, values },
    { op: "setVisibility", sheet: sheet.name, visibility: sheet.visibility ?? "veryHidden" },
  ];
}

/** The record a previous roll-up kept of itself, or null where the workbook holds none. */
export function readRollUpSnapshot(snapshot: WorkbookSnapshot, source: string): PackSnapshot | null {
  return readPackSnapshot(snapshot, source, ROLLUP_SNAPSHOT_SHEET);
}

/** Whether a workbook is a roll-up this product wrote (so a folder's last county file is not a district). */
export function isRollUp(snapshot: WorkbookSnapshot): boolean {
  return snapshot.sheets.some((s) => s.name === ROLLUP_SNAPSHOT_SHEET);
}

// ---- reading each district ---------------------------------------------------------------------------

function readDistrict(input: DistrictFile, options: RollUpOptions, notes: string[]): District {
  if (isRollUp(input.snapshot)) {
    throw new RollUpError("it is a county roll-up, not a district's plan");
  }
  const workbook = readPlans(input.snapshot);
  const plan = workbook.first("action-plan");
  if (!plan) {
    const missing = workbook.missing.find((m) => m.record.kind === "action-plan");
    throw new RollUpError(
      missing
        ? `its action plan's table "${missing.record.table}" on the sheet "${missing.record.sheet}" is no longer in the workbook`
        : "it has no action plan made or structured by Inspection Ready (create one, or structure the district's sheet, first)",
    );
  }
  const framework = plan.record.frameworkId
    ? { id: plan.record.frameworkId, version: plan.record.frameworkVersion ?? null }
    : null;
  const actions = trackedActions(
    plan,
    workbook.vocabulary,
    framework ? options.resolve(framework.id) : undefined,
    dateSystemOf(input.snapshot),
  );
  let ownPack: PackSnapshot | null = null;
  try {
    ownPack = readPackSnapshot(input.snapshot, input.file);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    notes.push(`${error.message} (so its direction of travel is not shown)`);
  }
  return {
    file: input.file,
    name: districtName(actions, input.file),
    actions,
    framework,
    vocabulary: workbook.vocabulary,
    ownPack,
  };
}

/** The district as its plan names it, where every action names the same one; else the file's own name. */
function districtName(actions: readonly TrackedAction[], file: string): string {
  const named = new Set(actions.map((a) => a.district));
  const [only] = named;
  if (named.size === 1 && only) return only;
  return fileStem(file);
}

/** "folder/Canterbury.xlsx" → "Canterbury", without Node's path (this runs in the browser too). */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, "") || base;
}

/** Two districts that read as the same name are told apart by their files, so neither's actions are merged. */
function uniqueNames(districts: District[]): District[] {
  const counts = new Map<string, number>();
  for (const d of districts) counts.set(d.name.toLowerCase(), (counts.get(d.name.toLowerCase()) ?? 0) + 1);
  return districts.map((d) =>
    (counts.get(d.name.toLowerCase()) ?? 0) > 1 ? { ...d, name: `${d.name} (${d.file})` } : d,
  );
}

function frameworkWords(d: District): string {
  return d.framework ? `${d.framework.id}, version ${d.framework.version ?? "not recorded"}` : NO_DISTRICT_FRAMEWORK;
}

function refuseMixedFrameworks(districts: readonly District[]): void {
  const kinds = new Set(districts.map(frameworkWords));
  if (kinds.size <= 1) return;
  throw new RollUpError(
    `These plans follow different frameworks or versions, so their actions cannot be added up: ${districts
      .map((d) => `${d.file}: ${frameworkWords(d)}`)
      .join(
        "; ",
      )}. Roll up plans of one framework and version (keep plans up to date to bring older ones to the newer version first).`,
  );
}

function refuseMixedScales(districts: readonly District[]): void {
  const scale = (d: District) => d.vocabulary.map((s) => s.label).join(", ");
  if (new Set(districts.map(scale)).size <= 1) return;
  throw new RollUpError(
    `These plans use different RAG scales, so their counts cannot be added up: ${districts
      .map((d) => `${d.file}: ${scale(d)}`)
      .join("; ")}. Give every district's plan the same RAG scale first.`,
  );
}

// ---- direction of travel -----------------------------------------------------------------------------

/** The key a district's action has in the roll-up's snapshot: its district, then its own key. */
function rollUpKey(district: string, key: string): string {
  return `${district.trim().toLowerCase()} » ${key}`;
}

/**
 * A district's direction: against the previous roll-up where one is given (null for a district not in
 * it), else against a pack kept in its own workbook, else none.
 */
function directionOf(district: District, previous: PackSnapshot | null): DistrictDirection | null {
  let lookUp: (a: TrackedAction) => { concept: TrackedAction["concept"] } | undefined;
  let against: DistrictDirection["against"];
  let asOf: number;
  if (previous) {
    if (!previous.groups.has(district.name)) return null;
    lookUp = (a) => previous.actions.get(rollUpKey(district.name, a.key));
    against = "roll-up";
    asOf = previous.asOf;
  } else if (district.ownPack) {
    const pack = district.ownPack;
    lookUp = (a) => pack.actions.get(a.key);
    against = "pack";
    asOf = pack.asOf;
  } else {
    return null;
  }
  const befores = district.actions.map((a) => ({ a, before: lookUp(a) }));
  const moves = directionCounts(
    befores.map(({ a, before }) => (before ? actionDirection(before.concept, a.concept) : null)),
  );
  return { ...moves, new: befores.filter((b) => !b.before).length, against, asOf: serialDate(asOf) };
}

function rollUpSnapshotSheet(asOf: number, frameworkId: string | null, districts: readonly District[]): ReportSheet {
  // Only what the next roll-up compares: the key and the status. The ref and words are already in the
  // key, and leaving them out halves what a large county's file holds.
  const actions = districts.flatMap((d) =>
    d.actions.map((a) => ({ ...a, key: rollUpKey(d.name, a.key), ref: null, action: "" })),
  );
  const groups = districts.map((d) => ({ group: d.name, grade: null, score: null }));
  return {
    ...packSnapshotSheet(asOf, frameworkId, actions, groups),
    name: ROLLUP_SNAPSHOT_SHEET,
    title: "Roll-up snapshot",
    intro: ["What this roll-up recorded, for the next roll-up's direction of travel. Do not edit."],
  };
}

// ---- sheets ------------------------------------------------------------------------------------------

const col = (header: string, width: number, kind: ReportColumn["kind"] = "text"): ReportColumn => ({
  header,
  width,
  kind,
});

const labelsOf = (vocabulary: readonly RagStatus[]) => [...vocabulary.map((s) => s.label), NO_STATUS];
const totalOf = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

function coverSheet(
  districts: readonly District[],
  framework: Framework | undefined,
  recorded: District["framework"],
  options: RollUpOptions,
  unreadable: readonly { file: string; reason: string }[],
): ReportSheet {
  const frameworkText = framework
    ? `${framework.name} (version ${recorded?.version ?? framework.version})`
    : recorded
      ? `${recorded.id} (version ${recorded.version ?? "not recorded"}), not a framework this version knows`
      : "None: the plans follow no framework, so their actions are counted by their own areas";
  const missing = [...(options.skipped ?? []), ...unreadable];
  const rows: ReportCell[][] = [
    ["Framework", frameworkText],
    ["Position as at", { date: options.asOf }],
    ["Districts", `${districts.length}: ${listInWords(districts.map((d) => d.name))}`],
    [
      "Compared with",
      options.previous
        ? `The roll-up as at ${serialDate(options.previous.asOf)}${options.previousName ? ` (${options.previousName})` : ""}`
        : "No previous roll-up: each district is compared with the pack kept in its own workbook, where it has one",
    ],
    [
      "Not rolled up",
      missing.length === 0
        ? "None: every file given was rolled up"
        : missing.map((m) => `${m.file}: ${m.reason}`).join("\n"),
    ],
  ];
  return {
    name: ROLLUP_SHEET_NAMES.cover,
    title: "County roll-up of district improvement plans",
    intro: [
      "The districts' improvement plans added up: each district's actions by RAG status, its exceptions and its direction of travel, each judgement or theme by district, and the county's totals.",
      `Exceptions are actions that are Red, overdue, not updated in ${DEFAULT_EXCEPTION_SETTINGS.staleDays} days, or awaiting sign-off for more than ${DEFAULT_EXCEPTION_SETTINGS.signOffDays} days. Every action is counted once; one without a status of the scale is counted as "${NO_STATUS}".`,
    ],
    tables: [{ columns: [col("About this roll-up", 22), col("", 80, "longText")], rows }],
  };
}

function districtsSheet(
  summaries: readonly DistrictSummary[],
  totals: Record<string, number>,
  vocabulary: readonly RagStatus[],
): ReportSheet {
  const labels = labelsOf(vocabulary);
  const row = (name: string, counts: Record<string, number>, exceptions: number): ReportCell[] => [
    name,
    ...labels.map((l) => counts[l] ?? 0),
    totalOf(counts),
    completeOrOnTrack(counts, vocabulary),
    exceptions,
  ];
  return {
    name: ROLLUP_SHEET_NAMES.districts,
    title: "Districts by RAG status",
    intro: [
      "Each district's actions by RAG status, and the county's totals. The bar shows the share complete or on track of the actions under way or done (not started and no status left out), one block for each 10%.",
    ],
    tables: [
      {
        columns: [
          col("District", 22, "longText"),
          ...labels.map((l) => col(l, 10, "count")),
          col("Total", 8, "count"),
          col("Complete or on track", 27),
          col("Actions with exceptions", 12, "count"),
        ],
        rows: [
          ...summaries.map((s) => row(s.name, s.counts, s.exceptions)),
          row(
            "County total",
            totals,
            summaries.reduce((n, s) => n + s.exceptions, 0),
          ),
        ],
      },
    ],
  };
}

function completeOrOnTrack(counts: Record<string, number>, vocabulary: readonly RagStatus[]): string {
  const under = vocabulary.filter((s) => s.concept !== "not-started");
  const base = under.reduce((n, s) => n + (counts[s.label] ?? 0), 0);
  if (base === 0) return "None under way";
  const good = under
    .filter((s) => s.concept === "complete" || s.concept === "awaiting-sign-off" || s.concept === "on-track")
    .reduce((n, s) => n + (counts[s.label] ?? 0), 0);
  return bar((good * 100) / base);
}

/** The county's judgements by status, then each judgement's districts by status. */
function judgementsSheet(
  districts: readonly District[],
  vocabulary: readonly RagStatus[],
  framework: Framework | undefined,
): ReportSheet {
  const labels = labelsOf(vocabulary);
  const groups: string[] = (framework?.judgements ?? []).filter((j) => j.kind !== "overall").map((j) => j.name);
  for (const d of districts) for (const a of d.actions) if (!groups.includes(a.group)) groups.push(a.group);
  const countColumns = [...labels.map((l) => col(l, 10, "count")), col("Total", 8, "count")];
  const cells = (counts: Record<string, number>) => [...labels.map((l) => counts[l] ?? 0), totalOf(counts)];
  const inGroup = (d: District, group: string) => d.actions.filter((a) => a.group === group);

  const county = groups.map((g) =>
    countByStatus(
      districts.flatMap((d) => inGroup(d, g)),
      vocabulary,
    ),
  );
  return {
    name: ROLLUP_SHEET_NAMES.judgements,
    title: framework ? "Judgements by district" : "Themes by district",
    intro: [
      framework
        ? `Each judgement of ${framework.name}, and any theme of the plans that names none, by district and RAG status.`
        : "Each theme of the plans by district and RAG status.",
      `Actions whose area names no judgement and that have none of their own are under "${NO_AREA}".`,
    ],
    tables: [
      {
        heading: "County",
        columns: [col("Judgement or theme", 34, "longText"), ...countColumns],
        rows: [...groups.map((g, i) => [g, ...cells(county[i]!)]), ["County total", ...cells(addCounts(county))]],
      },
      ...groups.map((g) => {
        const byDistrict = districts.map((d) => countByStatus(inGroup(d, g), vocabulary));
        return {
          heading: g,
          columns: [col("District", 34, "longText"), ...countColumns],
          rows: [
            ...districts.map((d, i) => [d.name, ...cells(byDistrict[i]!)]),
            ["Total", ...cells(addCounts(byDistrict))],
          ],
        };
      }),
    ],
  };
}

/**
 * Exceptions counted by district and kind. The actions themselves are listed in each district's own
 * committee pack: a county of 50 districts can have thousands, which no board reads on paper.
 */
function exceptionsSheet(districts: readonly District[], asOf: number): ReportSheet {
  const found = districts.map((d) =>
    d.actions.map((a) => exceptionsOf(a, asOf, DEFAULT_EXCEPTION_SETTINGS)).filter((f) => f.length > 0),
  );
  const has = (f: ActionException[], kind: ExceptionKind) => f.some((e) => e.kind === kind);
  const row = (name: string, mine: ActionException[][]): ReportCell[] => [
    name,
    ...EXCEPTION_KINDS.map((k) => mine.filter((f) => has(f, k)).length),
    mine.length,
  ];
  const total = found.reduce((n, f) => n + f.length, 0);
  return {
    name: ROLLUP_SHEET_NAMES.exceptions,
    title: "Exceptions by district",
    intro: [
      `${count(total, "action")} across the county to draw to the board's attention, as at ${serialDate(asOf)}.`,
      "An action with more than one exception is counted under each kind, and once in the last column. Each district's committee pack lists its exceptions action by action.",
    ],
    tables: [
      {
        columns: [
          col("District", 22, "longText"),
          ...EXCEPTION_KINDS.map((k) => col(EXCEPTION_TITLES[k], 12, "count")),
          col("Actions with exceptions", 12, "count"),
        ],
        rows: [...districts.map((d, i) => row(d.name, found[i]!)), row("County total", found.flat())],
      },
    ],
  };
}

function directionSheet(summaries: readonly DistrictSummary[], options: RollUpOptions): ReportSheet {
  const previous = options.previous;
  const comparedWith = (d: DistrictDirection | null): string =>
    d === null
      ? previous
        ? "Not in the last roll-up"
        : "No previous roll-up, and no pack in its workbook"
      : d.against === "roll-up"
        ? `The roll-up as at ${d.asOf}`
        : `The pack in its own workbook, as at ${d.asOf}`;
  const rows = summaries.map((s): ReportCell[] => [
    s.name,
    comparedWith(s.direction),
    s.direction?.improved ?? null,
    s.direction?.same ?? null,
    s.direction?.worse ?? null,
    s.direction?.new ?? null,
  ]);
  const compared = summaries.map((s) => s.direction).filter((d): d is DistrictDirection => d !== null);
  const sumOf = (k: "improved" | "same" | "worse" | "new") => compared.reduce((n, d) => n + d[k], 0);
  return {
    name: ROLLUP_SHEET_NAMES.direction,
    title: "Direction of travel by district",
    intro: [
      previous
        ? `Each district's actions against the roll-up as at ${serialDate(previous.asOf)}${options.previousName ? ` (${options.previousName})` : ""}.`
        : "No previous roll-up was given: each district is compared with the committee pack kept in its own workbook, where it has one. This roll-up keeps a record of itself: give it as the previous roll-up next time.",
      "An action improves as it moves from Red towards complete (Red, Amber, Not started, Amber/Green, Green, awaiting sign-off, complete). New actions were not in what the district is compared with.",
    ],
    tables: [
      {
        columns: [
          col("District", 22, "longText"),
          col("Compared with", 34, "longText"),
          col("Improved", 10, "count"),
          col("Same", 10, "count"),
          col("Worse", 10, "count"),
          col("New", 10, "count"),
        ],
        rows: [
          ...rows,
          ...(compared.length > 0
            ? [["Total compared", null, sumOf("improved"), sumOf("same"), sumOf("worse"), sumOf("new")] as ReportCell[]]
            : []),
        ],
      },
    ],
  };
}

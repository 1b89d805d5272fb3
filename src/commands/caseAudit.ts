import { dateCell, recogniseLists } from "../domain/annexA/checkList";
import { findHeaderRow } from "../domain/annexA/headerMatch";
import { periodStart } from "../domain/annexA/listDates";
import { drawSample, type SampledCase, type SampleList } from "../domain/annexA/sample";
import { dateFromSerial, formatUkDate, serialFromYmd, todaySerial } from "../domain/dates";
import type { Framework } from "../domain/framework";
import { getFramework } from "../domain/frameworks";
import { defaultRagVocabulary } from "../domain/rag";
import { isBlankValue } from "../domain/validation/planRow";
import { emptyMetadata, readMetadata, writeMetadataOps } from "../sheets/metadata";
import { NEW_TABLE_STYLE } from "../sheets/planKinds";
import type { TableSheetSpec } from "../sheets/sheetSpec";
import { columnLetters, quoteSheetName } from "../workbook/address";
import type { CellInput, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { dateSystemOf, serial1900, workbookSerial } from "../workbook/serialDates";
import { TableSheets } from "./tableSheets";
import { listSheets } from "./checkAnnexA";
import { uniqueName } from "../sheets/tableLayout";
import { UserError } from "../domain/userError";

export class CaseAuditError extends UserError {}

export const caseAuditQuery = { sheets: "all" as const };

/** Audits a month each manager is expected to complete (seed 003: at least 5 duty cases a month). */
export const AUDITS_A_MONTH = 5;

/** How many cases an audit sample takes unless the user says, and the most it may take. */
export const AUDIT_CASES = { default: 30, min: 1, max: 500 } as const;

/** Whose grade scale the audit uses when neither the user nor the workbook's plans name a framework. */
export const AUDIT_DEFAULT_FRAMEWORK = "ofsted-ilacs-2024";

/** Whether a number of cases is one an audit sample can take. */
export function isAuditCases(cases: number): boolean {
  return Number.isInteger(cases) && cases >= AUDIT_CASES.min && cases <= AUDIT_CASES.max;
}

/**
 * The framework whose grade scale an audit of this workbook uses: its plans' framework where it has
 * one that `resolve` knows, else the default.
 */
export function auditFramework(snapshot: WorkbookSnapshot, resolve: (id: string) => Framework | undefined): Framework {
  const id = readMetadata(snapshot)?.plans.find((p) => p.frameworkId)?.frameworkId;
  return (id ? resolve(id) : undefined) ?? resolve(AUDIT_DEFAULT_FRAMEWORK) ?? getFramework(AUDIT_DEFAULT_FRAMEWORK);
}

function auditSpec(grades: string[]): TableSheetSpec {
  return {
    kind: "case-audit",
    sheetName: "Case audit",
    tableName: "CaseAudit",
    tableStyle: NEW_TABLE_STYLE,
    statuses: grades,
    columns: [
      { field: "case", header: "Case", owner: "framework", kind: "text", width: 7 },
      { field: "ref", header: "Child Unique ID", owner: "framework", kind: "text", width: 16 },
      { field: "list", header: "From list", owner: "framework", kind: "text", width: 28 },
      { field: "lead", header: "Auditor", owner: "user", kind: "text", width: 16 },
      { field: "due", header: "Due date", owner: "user", kind: "date", width: 12 },
      // The grade on the framework's scale: a "status" column, listed from the scale.
      { field: "grade", header: "Grade", owner: "user", kind: "status", width: 26 },
      { field: "themes", header: "Themes", owner: "user", kind: "longText", width: 30 },
      { field: "followUp", header: "Follow-up", owner: "user", kind: "longText", width: 30 },
      { field: "updated", header: "Completed", owner: "user", kind: "date", width: 12 },
      // After the columns the QA compliance formulas count, so those stay where they were.
      { field: "team", header: "Team", owner: "framework", kind: "text", width: 20 },
      { field: "worker", header: "Worker", owner: "framework", kind: "text", width: 20 },
    ],
  };
}

const complianceSpec: TableSheetSpec = {
  kind: "qa-compliance",
  sheetName: "QA compliance",
  tableName: "QACompliance",
  tableStyle: NEW_TABLE_STYLE,
  columns: [
    { field: "lead", header: "Manager", owner: "user", kind: "text", width: 20 },
    { field: "month", header: "Month", owner: "user", kind: "date", width: 12 },
    { field: "done", header: "Audits completed", owner: "framework", kind: "text", width: 16 },
    { field: "target", header: "Target", owner: "user", kind: "text", width: 8 },
    { field: "rag", header: "RAG", owner: "framework", kind: "rag", width: 10 },
  ],
};

export interface CaseAuditReport {
  cases: SampledCase[];
  sheets: { kind: string; sheet: string; table: string; rows: number }[];
  /** The seed the sample was drawn with: the same lists and seed draw the same sample again. */
  seed: number;
  /** Children left out because they were audited recently (a previous audit), and since when. */
  leftOut: { children: number; since: string | null };
}

export interface CaseAuditOptions {
  framework: Framework;
  cases: number;
  due: number | null;
  asOf: number;
  now: Date;
  /** The seed to draw with; one is made from `now` when left out, and reported. */
  seed?: number;
  /** Children not to draw (audited recently), by Child Unique ID. */
  exclude?: ReadonlySet<string>;
  /** The day from which an audit counts as recent, for the report. */
  excludeSince?: number;
  /** Where the lists come from, for the Sample sheet ("lists.xlsx"). */
  source?: string;
}

/** A seed from the clock, small enough to read out and type again. */
export const seedFrom = (now: Date): number => Math.floor(now.getTime() / 1000) % 1_000_000;

/** The children of each list (not List 11's adopters), with the team and worker each is allocated to. */
export function sampleLists(snapshot: WorkbookSnapshot): SampleList[] {
  return recogniseLists(listSheets(snapshot))
    .filter(({ spec }) => spec.columns.some((c) => c.name === "Child Unique ID"))
    .map(({ sheet, spec }) => {
      const header = findHeaderRow(sheet.values, spec);
      const [idCol, teamCol, workerCol] = ["Child Unique ID", "Allocated Team", "Allocated Worker"].map((n) =>
        header.map.get(n),
      );
      const text = (row: readonly unknown[], c: number | undefined) =>
        c === undefined || isBlankValue(row[c] as never) ? "" : String(row[c]).trim();
      const children =
        idCol === undefined
          ? []
          : sheet.values.slice(header.row + 1).flatMap((row, i) =>
              isBlankValue(row[idCol])
                ? []
                : [
                    {
                      id: text(row, idCol),
                      row: header.row + i + 2,
                      team: text(row, teamCol),
                      worker: text(row, workerCol),
                    },
                  ],
            );
      return { list: spec.list, title: spec.title, sheet: sheet.name, children };
    });
}

/**
 * The children a previous audit workbook shows audited since a day: its Case audit sheet (any sheet
 * with "Child Unique ID" and "Completed" headers), rows whose Completed date is on or after `since`.
 */
export function recentlyAudited(previous: WorkbookSnapshot, since: number): Set<string> {
  const audited = new Set<string>();
  // The previous audit may have been saved in the 1904 date system: its dates are read as Excel shows them.
  const dayZero = serial1900(0, dateSystemOf(previous));
  for (const sheet of previous.sheets) {
    const values = sheet.values ?? [];
    for (let r = 0; r < Math.min(10, values.length); r++) {
      const header = (values[r] ?? []).map((v) => (typeof v === "string" ? v.trim().toLowerCase() : ""));
      const [id, done] = [header.indexOf("child unique id"), header.indexOf("completed")];
      if (id < 0 || done < 0) continue;
      for (const row of values.slice(r + 1)) {
        const completed = dateCell(row[done], dayZero);
        if (!isBlankValue(row[id]) && completed !== null && completed >= since)
          audited.add(String(row[id]).trim().toLowerCase());
      }
      break;
    }
  }
  return audited;
}

/** The day N months before `asOf` (an audit on or after it is recent). */
export const monthsBefore = (asOf: number, months: number): number => periodStart(asOf, months) - 1;

/**
 * Chooses cases for the authority's own audit from the Annex A lists (30 by default, spread across the
 * lists) and lays out a Case audit sheet — auditor, due date, grade on the framework's scale, themes,
 * follow-up — and a QA compliance sheet whose formulas count each manager's completed audits in a month
 * against the target and rate them Green, Amber or Red.
 */
export function caseAudit(
  snapshot: WorkbookSnapshot,
  options: CaseAuditOptions,
  /** The workbook to write the sample into: the lists' own (the pane), or a new one (the CLI). */
  target: WorkbookSnapshot = snapshot,
): { patch: WorkbookPatch; report: CaseAuditReport } {
  const lists = sampleLists(snapshot);
  if (lists.every((l) => l.children.length === 0)) {
    throw new CaseAuditError("The workbook has no Annex A list with children in it to choose cases from");
  }
  const seed = options.seed ?? seedFrom(options.now);
  const exclude = options.exclude ?? new Set<string>();
  const chosen = drawSample(lists, options.cases, seed, exclude);
  if (chosen.length === 0)
    throw new CaseAuditError(
      "Every child on the lists was audited recently (the previous audit); there is no child left to choose",
    );
  const leftOut = new Set(
    lists.flatMap((l) => l.children.map((c) => c.id.trim().toLowerCase())).filter((id) => exclude.has(id)),
  );
  const metadata = readMetadata(target) ?? emptyMetadata();
  const tables = new TableSheets(target, options.framework, options.now);
  const grades = [...options.framework.scale.grades].sort((a, b) => b.rank - a.rank).map((g) => g.label);
  // Dates go in as the target workbook counts them (the pane writes into the lists' own, maybe 1904).
  const system = dateSystemOf(target);
  const add = (spec: TableSheetSpec, rows: CellInput[][]) => tables.add(spec, rows, { rag: defaultRagVocabulary });

  const audit = add(
    auditSpec(grades),
    chosen.map((c, i) => [
      `${i + 1}`,
      c.id,
      `List ${c.list}: ${c.title}`,
      null,
      options.due === null ? null : workbookSerial(options.due, system),
      null,
      null,
      null,
      null,
      c.team || null,
      c.worker || null,
    ]),
  );
  // QA compliance: ten managers' lines for this month, counted live from the Case audit sheet.
  const month = dateFromSerial(options.asOf);
  const monthStart = workbookSerial(serialFromYmd(month.getUTCFullYear(), month.getUTCMonth() + 1, 1), system);
  const auditRef = (col: number) =>
    `${quoteSheetName(audit.sheet)}!$${columnLetters(col)}$2:$${columnLetters(col)}$${audit.rows + 1}`;
  const green = defaultRagVocabulary.find((s) => s.concept === "on-track")!.label;
  const amber = defaultRagVocabulary.find((s) => s.concept === "at-risk")!.label;
  const red = defaultRagVocabulary.find((s) => s.concept === "off-track")!.label;
  const lines: CellInput[][] = Array.from({ length: 10 }, (_, i) => {
    const r = i + 2;
    return [
      null,
      monthStart,
      {
        formula: `=IF($A${r}="","",COUNTIFS(${auditRef(3)},$A${r},${auditRef(8)},">="&$B${r},${auditRef(8)},"<"&EDATE($B${r},1)))`,
      },
      AUDITS_A_MONTH,
      { formula: `=IF($A${r}="","",IF($C${r}>=$D${r},"${green}",IF($C${r}>=$D${r}*0.6,"${amber}","${red}")))` },
    ];
  });
  add(complianceSpec, lines);
  const since = options.excludeSince === undefined ? null : formatUkDate(dateFromSerial(options.excludeSince));
  const sampleSheet = uniqueName(
    "Sample",
    [...target.sheets.map((s) => s.name), ...tables.made.map((m) => m.sheet)],
    (n) => ` (${n})`,
  );
  const ops = [
    ...tables.ops,
    // How the sample was drawn, so it can be drawn again and shown to inspectors.
    { op: "addSheet" as const, sheet: sampleSheet },
    {
      op: "writeValues" as const,
      sheet: sampleSheet,
      row: 0,
      col: 0,
      values: [
        ["Drawn from", options.source ?? "this workbook"],
        ["Drawn on", formatUkDate(dateFromSerial(todaySerial(options.now)))],
        ["Seed", seed],
        ["Cases", chosen.length],
        ["Children left out, audited recently", leftOut.size],
        ["Audited since", since ?? "no previous audit given"],
        [
          "To draw it again",
          `audit-sample LISTS --cases ${options.cases} --seed ${seed}${since ? " --previous AUDIT.xlsx" : ""}`,
        ],
      ],
    },
    ...writeMetadataOps(target, { ...metadata, plans: [...metadata.plans, ...tables.records] }),
  ];
  return {
    patch: { description: `Choose ${chosen.length} cases for audit`, ops },
    report: { cases: chosen, sheets: tables.made, seed, leftOut: { children: leftOut.size, since } },
  };
}

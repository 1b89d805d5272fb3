import { recogniseLists } from "../domain/annexA/checkList";
import { chooseCases, type ChosenCase, type ListChildren } from "../domain/annexA/sample";
import { normaliseAnnexHeader } from "../domain/annexA/listSpecs";
import { dateFromSerial, serialFromYmd } from "../domain/dates";
import type { Framework } from "../domain/framework";
import { getFramework } from "../domain/frameworks";
import { defaultRagVocabulary } from "../domain/rag";
import { isBlankValue } from "../domain/validation/planRow";
import { emptyMetadata, readMetadata, writeMetadataOps } from "../sheets/metadata";
import { NEW_TABLE_STYLE } from "../sheets/planKinds";
import type { TableSheetSpec } from "../sheets/sheetSpec";
import { columnLetters, quoteSheetName } from "../workbook/address";
import type { CellInput, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { TableSheets } from "./tableSheets";
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
  cases: ChosenCase[];
  sheets: { kind: string; sheet: string; table: string; rows: number }[];
}

/**
 * Chooses cases for the authority's own audit from the Annex A lists (30 by default, spread across the
 * lists) and lays out a Case audit sheet — auditor, due date, grade on the framework's scale, themes,
 * follow-up — and a QA compliance sheet whose formulas count each manager's completed audits in a month
 * against the target and rate them Green, Amber or Red.
 */
export function caseAudit(
  snapshot: WorkbookSnapshot,
  options: { framework: Framework; cases: number; due: number | null; asOf: number; now: Date },
): { patch: WorkbookPatch; report: CaseAuditReport } {
  const sheets = snapshot.sheets.flatMap((s) => (s.values ? [{ name: s.name, values: s.values }] : []));
  const lists: ListChildren[] = recogniseLists(sheets).map(({ sheet, spec }) => {
    const idHeader = normaliseAnnexHeader(spec.columns[0]!.name);
    let headerRow = -1;
    let idCol = -1;
    for (let r = 0; r < Math.min(10, sheet.values.length) && idCol < 0; r++) {
      idCol = (sheet.values[r] ?? []).findIndex((v) => typeof v === "string" && normaliseAnnexHeader(v) === idHeader);
      headerRow = r;
    }
    const children =
      idCol < 0
        ? []
        : sheet.values
            .slice(headerRow + 1)
            .flatMap((row, i) =>
              isBlankValue(row[idCol]) ? [] : [{ id: String(row[idCol]).trim(), row: headerRow + i + 2 }],
            );
    return { list: spec.list, title: spec.title, sheet: sheet.name, children };
  });
  if (lists.every((l) => l.children.length === 0)) {
    throw new CaseAuditError("The workbook has no Annex A list with children in it to choose cases from");
  }
  const chosen = chooseCases(lists, options.cases);
  const metadata = readMetadata(snapshot) ?? emptyMetadata();
  const tables = new TableSheets(snapshot, options.framework, options.now);
  const grades = [...options.framework.scale.grades].sort((a, b) => b.rank - a.rank).map((g) => g.label);
  const add = (spec: TableSheetSpec, rows: CellInput[][]) => tables.add(spec, rows, { rag: defaultRagVocabulary });

  const audit = add(
    auditSpec(grades),
    chosen.map((c, i) => [`${i + 1}`, c.id, `List ${c.list}: ${c.title}`, null, options.due, null, null, null, null]),
  );
  // QA compliance: ten managers' lines for this month, counted live from the Case audit sheet.
  const month = dateFromSerial(options.asOf);
  const monthStart = serialFromYmd(month.getUTCFullYear(), month.getUTCMonth() + 1, 1);
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
  const ops = [
    ...tables.ops,
    ...writeMetadataOps(snapshot, { ...metadata, plans: [...metadata.plans, ...tables.records] }),
  ];
  return {
    patch: { description: `Choose ${chosen.length} cases for audit`, ops },
    report: { cases: chosen, sheets: tables.made },
  };
}

import { formatUkDate, dateFromSerial } from "../dates";
import {
  COMPLETE_CONCEPTS,
  conceptOf,
  keysOfConcepts,
  RAG_SEPARATORS,
  readRag,
  statusOf,
  type RagConcept,
  type RagStatus,
} from "../rag";
import type { PlanField, PlanKind } from "../plan";
import { flat } from "../words";
import { isBlankValue, isExcelError, type CellValue, type PlanRow, type RowField } from "./planRow";

export type Severity = "error" | "warning" | "info";

export interface RuleContext {
  /** Today, as an Excel serial day (what TODAY() returns), in the workbook's own date system. */
  asOf: number;
  /**
   * Days from 30/12/1899 to the workbook's day 0: 0 in the 1900 date system, 1462 in the 1904 one. The
   * cells' serials are the workbook's own, so dates in messages are read with it. 0 when absent.
   */
  dayZero?: number;
  staleDays: number;
  vocabulary: readonly RagStatus[];
  /** Refs of the self-evaluation, lower case; null when the workbook has none. */
  knownRefs: Set<string> | null;
  /** Refs that appear more than once in the row's own table, lower case. */
  duplicateRefs: Set<string>;
}

/** What the workbook's own formula for a rule needs to know about the table. */
export interface FormulaContext {
  vocabulary: readonly RagStatus[];
  staleDays: number;
  /** The ref column of the row's own table, absolute, for duplicates. */
  ownRefs: string;
  /** The self-evaluation's refs, absolute, or null. */
  knownRefs: string | null;
  /** Column letters of every managed cell in the row, for the Excel-error rule. */
  managed: string[];
}

export interface RuleHit {
  field: RowField;
  /** The cell, where it is not the field's own (the Excel-error rule). */
  address?: string;
  message: string;
  /** A value that fixes the cell, where one is known. */
  fix?: { value: CellValue; label: string };
}

export interface Rule {
  id: string;
  severity: Severity;
  /** The few words the Checks column shows for this rule. */
  label: string;
  kinds: PlanKind[];
  /** The fields the rule needs mapped; where one is missing the rule does not run (nor its formula). */
  needs: RowField[];
  /** Other fields the rule reads where they are mapped. */
  reads?: RowField[];
  /** `status` is the row's RAG as Excel's "=" sees it, worked out once per row for every rule. */
  test(row: PlanRow, context: RuleContext, status: RagStatus | undefined): RuleHit | null;
  /** The same test as an Excel condition over row r, given each needed field's column letters. */
  condition(columns: Partial<Record<RowField, string>>, r: number, context: FormulaContext): string;
}

const value = (row: PlanRow, field: RowField): CellValue => row.value(field);
const present = (v: CellValue) => !isBlankValue(v);
const at = (row: PlanRow, field: RowField) => `${row.sheet}!${row.address(field)}`;
/**
 * What a check works out again and again for the same few values (a plan's RAG column holds a handful of
 * texts, its dates a few hundred days), kept per context: one context is made for each plan checked.
 */
interface Memo {
  status: Map<CellValue, RagStatus | undefined>;
  concept: Map<CellValue, RagConcept | undefined>;
  dates: Map<number, string>;
  /** readRag's reading of a text not in the list, and the list in words, for the RAG message. */
  readings: Map<CellValue, { value: string; label: string } | null>;
  labels?: string;
}
const memos = new WeakMap<RuleContext, Memo>();
function memoOf(context: RuleContext): Memo {
  let memo = memos.get(context);
  if (!memo)
    memos.set(context, (memo = { status: new Map(), concept: new Map(), dates: new Map(), readings: new Map() }));
  return memo;
}
/** The value for `key`, worked out by `work(key)` the first time. `work` is never a fresh closure, so a
 * call that finds its key allocates nothing. */
function remembered<K, V>(map: Map<K, V>, key: K, work: (key: K, context: RuleContext) => V, context: RuleContext): V {
  const known = map.get(key);
  if (known !== undefined || map.has(key)) return known as V;
  const value = work(key, context);
  map.set(key, value);
  return value;
}

/** A serial day as dd/mm/yyyy, in the workbook's date system; each day written once per check. */
export const ukDate = (serial: number, context: RuleContext) =>
  remembered(memoOf(context).dates, serial, writeUkDate, context);
const writeUkDate = (serial: number, context: RuleContext) =>
  formatUkDate(dateFromSerial(serial + (context.dayZero ?? 0)));
/** The concept a RAG cell reads as (`conceptOf`), each distinct text worked out once per check. */
export const conceptIn = (rag: CellValue, context: RuleContext) =>
  remembered(memoOf(context).concept, rag, readConcept, context);
const readConcept = (rag: CellValue, context: RuleContext) => conceptOf(rag, context.vocabulary);
const readStatus = (rag: CellValue, context: RuleContext) => statusOf(rag, context.vocabulary);
/** The fix for a RAG text not in the list: the status it reads as, shared by every cell holding it. */
const readFix = (rag: CellValue, context: RuleContext) => {
  const { status } = readRag(rag, context.vocabulary);
  return status ? { value: status, label: `Change to ${status}` } : null;
};
/** "Red, Amber, Green, Blue": the workbook's list, as messages name it. */
const labelsOf = (context: RuleContext) => {
  const memo = memoOf(context);
  return (memo.labels ??= context.vocabulary.map((s) => s.label).join(", "));
};
const q = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * How many cells of a range hold the same text as a cell, ignoring case. Not COUNTIF: Excel's COUNTIF
 * reads "1.10" as the number 1.1 and "*" as a wildcard, so it would not match the engine's comparison.
 */
const sameText = (range: string, cell: string) => `SUMPRODUCT(--EXACT(UPPER(${range}),UPPER(${cell})))`;

/** Excel: the cell is not blank. */
const fPresent = (ref: string) => `LEN(TRIM(${ref}))>0`;
const fBlank = (ref: string) => `LEN(TRIM(${ref}))=0`;
const fIs = (ref: string, statuses: RagStatus[]) =>
  statuses.length === 0 ? "FALSE" : `OR(${statuses.map((s) => `${ref}=${q(s.label)}`).join(",")})`;
const withConcepts = (vocabulary: readonly RagStatus[], concepts: RagStatus["concept"][]) =>
  vocabulary.filter((s) => concepts.includes(s.concept));
/** Excel: the cell's text as `ragKey` makes it, lower case without spaces, dashes or slashes. */
const fRagKey = (ref: string) => `LOWER(${RAG_SEPARATORS.reduce((e, s) => `SUBSTITUTE(${e},${q(s)},"")`, ref)})`;
/** Excel: the cell reads as one of the concepts, as `conceptOf` reads it (any spelling councils use). */
const fConcept = (ref: string, vocabulary: readonly RagStatus[], concepts: readonly RagConcept[]) => {
  const keys = keysOfConcepts(vocabulary, concepts);
  return keys.length === 0 ? "FALSE" : `OR(${fRagKey(ref)}={${keys.map(q).join(",")}})`;
};

/**
 * The catalogue, in the order the Checks column lists findings. Each rule is written twice on purpose:
 * as TypeScript for the pane and CLI, and as an Excel condition the workbook carries, so the workbook
 * keeps checking itself when opened without the add-in. A test recalculates the formulas in LibreOffice
 * over random plans and requires both to flag the same rows.
 */
export const RULES: Rule[] = [
  {
    // About the workbook, not a row: a plan the records name whose table or sheet has gone. It runs on no
    // row (no kinds) and has no formula; it is listed here so its findings have a label and come first.
    id: "missing-table",
    severity: "error",
    label: "Plan table missing",
    kinds: [],
    needs: [],
    test: () => null,
    condition: () => "FALSE",
  },
  {
    id: "excel-error",
    severity: "error",
    label: "Excel error",
    kinds: ["action-plan", "self-evaluation", "evidence"],
    needs: [],
    test(row) {
      const bad = row.excelError();
      return bad
        ? {
            field: "ref",
            address: bad.address,
            message: flat`${row.sheet}!${bad.address} holds the Excel error ${bad.value}`,
          }
        : null;
    },
    condition: (_c, r, context) => `OR(${context.managed.map((col) => `ISERROR(${col}${r})`).join(",")})`,
  },
  {
    id: "rag-not-in-vocabulary",
    severity: "error",
    label: "RAG not in the list",
    kinds: ["action-plan", "self-evaluation"],
    needs: ["rag"],
    test(row, context) {
      const v = value(row, "rag");
      if (!present(v) || (typeof v === "string" && context.vocabulary.some((s) => s.label === v))) return null;
      const fix = remembered(memoOf(context).readings, v, readFix, context);
      const message = flat`${at(row, "rag")} holds "${String(v)}", which is not one of ${labelsOf(context)}`;
      return fix ? { field: "rag", message, fix } : { field: "rag", message };
    },
    condition: (c, r, context) =>
      `AND(${fPresent(`${c.rag}${r}`)},NOT(OR(${context.vocabulary.map((s) => `EXACT(${c.rag}${r},${q(s.label)})`).join(",")})))`,
  },
  {
    id: "missing-lead",
    severity: "warning",
    label: "No lead",
    kinds: ["action-plan"],
    needs: ["action", "lead"],
    test: (row) =>
      present(value(row, "action")) && !present(value(row, "lead"))
        ? { field: "lead", message: flat`${at(row, "lead")}: the action has no lead` }
        : null,
    condition: (c, r) => `AND(${fPresent(`${c.action}${r}`)},${fBlank(`${c.lead}${r}`)})`,
  },
  {
    id: "missing-owner",
    severity: "warning",
    label: "No owner",
    kinds: ["evidence"],
    needs: ["item", "lead"],
    test: (row) =>
      present(value(row, "item")) && !present(value(row, "lead"))
        ? { field: "lead", message: flat`${at(row, "lead")}: the evidence item has no owner` }
        : null,
    condition: (c, r) => `AND(${fPresent(`${c.item}${r}`)},${fBlank(`${c.lead}${r}`)})`,
  },
  {
    id: "missing-due-date",
    severity: "warning",
    label: "No due date",
    kinds: ["action-plan"],
    needs: ["action", "due"],
    test: (row) =>
      present(value(row, "action")) && !present(value(row, "due"))
        ? { field: "due", message: flat`${at(row, "due")}: the action has no due date` }
        : null,
    condition: (c, r) => `AND(${fPresent(`${c.action}${r}`)},${fBlank(`${c.due}${r}`)})`,
  },
  {
    id: "date-as-text",
    severity: "error",
    label: "Date typed as text",
    kinds: ["action-plan", "evidence"],
    needs: ["due"],
    test: (row) => {
      const v = value(row, "due");
      return typeof v === "string" && v.trim() !== ""
        ? { field: "due", message: flat`${at(row, "due")} holds "${v}" as text, not a date; enter it as dd/mm/yyyy` }
        : null;
    },
    condition: (c, r) => `AND(ISTEXT(${c.due}${r}),${fPresent(`${c.due}${r}`)})`,
  },
  {
    id: "overdue",
    severity: "error",
    label: "Overdue",
    kinds: ["action-plan"],
    needs: ["due", "rag"],
    // Complete in any spelling the words are recognised in ("Complete - awaiting sign off", "B"): a row
    // awaiting sign-off is not overdue, whether or not its RAG is in the workbook's exact form yet.
    test: (row, context) => {
      const due = value(row, "due");
      if (typeof due !== "number" || due >= context.asOf) return null;
      const concept = conceptIn(value(row, "rag"), context);
      if (concept && COMPLETE_CONCEPTS.includes(concept)) return null;
      return {
        field: "due",
        message: flat`${at(row, "due")}: due ${ukDate(due, context)} has passed and the action is not complete`,
      };
    },
    condition: (c, r, context) =>
      `AND(ISNUMBER(${c.due}${r}),${c.due}${r}<TODAY(),NOT(${fConcept(`${c.rag}${r}`, context.vocabulary, COMPLETE_CONCEPTS)}))`,
  },
  {
    id: "green-without-evidence",
    severity: "warning",
    label: "Green or Blue without evidence",
    kinds: ["action-plan", "self-evaluation"],
    needs: ["rag", "evidence"],
    test: (row, _context, status) => {
      if (!status || !["on-track", "complete"].includes(status.concept) || present(value(row, "evidence"))) return null;
      return { field: "evidence", message: flat`${at(row, "evidence")}: rated ${status.label} with no evidence` };
    },
    condition: (c, r, context) =>
      `AND(${fIs(`${c.rag}${r}`, withConcepts(context.vocabulary, ["on-track", "complete"]))},${fBlank(`${c.evidence}${r}`)})`,
  },
  {
    id: "complete-without-date",
    severity: "warning",
    label: "Blue without a completion date",
    kinds: ["action-plan"],
    needs: ["rag", "updated"],
    test: (row, _context, status) => {
      if (status?.concept !== "complete" || typeof value(row, "updated") === "number") return null;
      return {
        field: "updated",
        message: flat`${at(row, "updated")}: rated ${status.label} with no date it was completed`,
      };
    },
    condition: (c, r, context) =>
      `AND(${fIs(`${c.rag}${r}`, withConcepts(context.vocabulary, ["complete"]))},NOT(ISNUMBER(${c.updated}${r})))`,
  },
  {
    id: "at-risk-without-update",
    severity: "warning",
    label: "Amber or Red without an update",
    kinds: ["action-plan"],
    needs: ["rag", "progress"],
    reads: ["measure"],
    test: (row, _context, status) => {
      if (!status || !["at-risk", "off-track"].includes(status.concept)) return null;
      if (present(value(row, "progress")) || present(value(row, "measure"))) return null;
      return {
        field: "progress",
        message: flat`${at(row, "progress")}: rated ${status.label} with no progress update or measure`,
      };
    },
    condition: (c, r, context) =>
      `AND(${fIs(`${c.rag}${r}`, withConcepts(context.vocabulary, ["at-risk", "off-track"]))},${fBlank(`${c.progress}${r}`)}${c.measure ? `,${fBlank(`${c.measure}${r}`)}` : ""})`,
  },
  {
    id: "duplicate-ref",
    severity: "error",
    label: "Ref used twice",
    kinds: ["self-evaluation", "evidence"],
    needs: ["ref"],
    test: (row, context) => {
      const v = value(row, "ref");
      return present(v) && context.duplicateRefs.has(String(v).toLowerCase())
        ? { field: "ref", message: flat`${at(row, "ref")}: the ref "${String(v)}" is used on more than one row` }
        : null;
    },
    condition: (c, r, context) => `AND(${fPresent(`${c.ref}${r}`)},${sameText(context.ownRefs, `${c.ref}${r}`)}>1)`,
  },
  {
    id: "unknown-criterion-ref",
    severity: "warning",
    label: "Ref not in the self-evaluation",
    kinds: ["action-plan"],
    needs: ["ref"],
    test: (row, context) => {
      const v = value(row, "ref");
      if (!context.knownRefs || !present(v) || context.knownRefs.has(String(v).toLowerCase())) return null;
      return {
        field: "ref",
        message: flat`${at(row, "ref")}: the ref "${String(v)}" is not a criterion in the self-evaluation`,
      };
    },
    condition: (c, r, context) =>
      context.knownRefs ? `AND(${fPresent(`${c.ref}${r}`)},${sameText(context.knownRefs, `${c.ref}${r}`)}=0)` : "FALSE",
  },
  {
    id: "no-recent-update",
    severity: "info",
    label: "No update for a while",
    kinds: ["action-plan", "self-evaluation"],
    needs: ["updated"],
    test: (row, context) => {
      const updated = value(row, "updated");
      if (typeof updated !== "number" || updated >= context.asOf - context.staleDays) return null;
      return {
        field: "updated",
        message: flat`${at(row, "updated")}: last updated ${ukDate(updated, context)}, more than ${context.staleDays} days ago`,
      };
    },
    condition: (c, r, context) => `AND(ISNUMBER(${c.updated}${r}),${c.updated}${r}<TODAY()-${context.staleDays})`,
  },
];

export interface RowFinding extends RuleHit {
  rule: Rule;
}

/** The rules that apply to a kind of plan whose mapped fields are `fields`. */
export function rulesFor(kind: PlanKind, fields: Iterable<PlanField>): Rule[] {
  const mapped = new Set<PlanField>(fields);
  return RULES.filter((rule) => rule.kinds.includes(kind) && rule.needs.every((f) => mapped.has(f)));
}

/**
 * Every finding for a row. A rule whose cells hold an Excel error does not fire (its formula would be
 * an error, which the Checks formula treats as no finding); the Excel-error rule reports those cells.
 */
export function checkRow(row: PlanRow, rules: Rule[], context: RuleContext): RowFinding[] {
  const findings: RowFinding[] = [];
  rowChecker(rules, context)(row, (hit, rule) => findings.push({ ...hit, rule }));
  return findings;
}

export type FindingVisitor = (hit: RuleHit, rule: Rule, row: PlanRow) => void;

/**
 * checkRow for every row of one plan: each row's findings handed one by one to `visit`, in catalogue
 * order, with nothing made for a row that has none. What does not change from row to row is looked up
 * once here: a check of a large plan runs its rules hundreds of thousands of times, and builds tens of
 * thousands of findings; what it allocates besides them is most of its time (garbage collection).
 */
export function rowChecker(
  rules: readonly Rule[],
  context: RuleContext,
): (row: PlanRow, visit: FindingVisitor) => void {
  const statuses = memoOf(context).status;
  const tests = rules.map((rule) => rule.test);
  return (row, visit) => {
    const rag = row.has("rag") ? row.value("rag") : undefined;
    const status = rag === undefined ? undefined : remembered(statuses, rag, readStatus, context);
    // Most rows hold no Excel error: then no rule need look for one in the cells it reads.
    const errors = row.hasExcelError();
    for (let i = 0; i < tests.length; i++) {
      const rule = rules[i]!;
      if (errors && rule.id !== "excel-error" && readsAnError(row, rule)) continue;
      const hit = tests[i]!(row, context, status);
      if (hit) visit(hit, rule, row);
    }
  };
}

function readsAnError(row: PlanRow, rule: Rule): boolean {
  for (const field of rule.needs) if (isExcelError(row.value(field))) return true;
  for (const field of rule.reads ?? []) if (isExcelError(row.value(field))) return true;
  return false;
}

/** What the Checks column says for a row: the rules' labels, in catalogue order. */
export function checksText(findings: RowFinding[]): string {
  return findings.map((f) => f.rule.label).join("; ");
}

/** The Checks cell's formula for row r: the same labels, computed by Excel or LibreOffice. */
export function checksFormula(
  rules: Rule[],
  columns: Partial<Record<RowField, string>>,
  r: number,
  context: FormulaContext,
): string {
  const parts = rules.map(
    (rule) => `IF(IFERROR(${rule.condition(columns, r, context)},FALSE),${q(`; ${rule.label}`)},"")`,
  );
  return parts.length === 0 ? `=""` : `=MID(${parts.join("&")},3,1000)`;
}

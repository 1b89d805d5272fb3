import type { Criterion, Framework, Judgement } from "../domain/framework";
import { PLAN_KINDS, type PlanField, type PlanKind } from "../domain/plan";
import type { CellInput } from "../workbook/types";
import { rowByField, type ColumnSpec, type TableSheetSpec } from "./sheetSpec";

/**
 * The one registry of plan kinds: for each, what the pane and the CLI call it, its sheet and table, and
 * its columns — header, owner (the framework's or the council's), value kind, width — in the order a
 * new sheet has them and a mapping is shown. Create, structure, refresh, validate, project and the
 * pane's wording all read a kind from here; the words councils use for each field are in
 * fieldSynonyms.ts. A new plan kind is a new entry here (and its name in domain/plan.ts).
 */

/** A plan's column. Some exist only on one path: a new sheet's Judgement, a structured sheet's Area. */
export interface PlanColumn extends ColumnSpec<PlanField> {
  /** What the pane calls the field when mapping a user's columns, where it differs from the header. */
  label?: string;
  /** Only on new sheets made from a framework: structuring a user's sheet never maps it. */
  newOnly?: true;
  /** Only mapped when structuring a user's sheet: new sheets do not have it. */
  structureOnly?: true;
}

export interface PlanKindSpec extends TableSheetSpec<PlanField> {
  kind: PlanKind;
  /** "Action plan": a heading, a checkbox, a tab. */
  label: string;
  /** "an action plan": inside a sentence. */
  inSentence: string;
  columns: readonly PlanColumn[];
  /** Whether its rows follow the framework's criteria, so a refresh brings them up to date. */
  followsFramework: boolean;
  /** The first rows of a new sheet made from a framework. */
  newRows(framework: Framework): CellInput[][];
}

/** An evidence item's statuses, from where a new item starts to where inspectors have it. */
export const EVIDENCE_STATUSES = ["Not started", "In progress", "Ready", "Provided"] as const;
export const EVIDENCE_NOT_STARTED = EVIDENCE_STATUSES[0];
export const EVIDENCE_PROVIDED = EVIDENCE_STATUSES[3];

/** The evidence an inspectorate asks for, by kind, as a tracker or checklist names it. */
export const EVIDENCE_TYPE_LABELS: Record<Framework["evidence"][number]["kind"], string> = {
  dataset: "Data set",
  document: "Document",
  "self-evaluation": "Self-evaluation",
};

/** The style of every table the product makes; a structured sheet gets a lighter one, closer to its own look. */
export const NEW_TABLE_STYLE = "TableStyleMedium2";
export const STRUCTURED_TABLE_STYLE = "TableStyleLight9";

/**
 * A council's own grouping of rows (area, theme, priority…), mapped when structuring its sheet; a new
 * sheet has the framework's Judgement column instead. Structure adds it from section headings.
 */
const AREA_COLUMN: PlanColumn = {
  field: "area",
  header: "Area",
  label: "Area or judgement",
  owner: "user",
  kind: "text",
  width: 22,
  structureOnly: true,
};

const selfEvaluation: PlanKindSpec = {
  kind: "self-evaluation",
  label: "Self-evaluation",
  inSentence: "a self-evaluation",
  sheetName: "Self-evaluation",
  tableName: "SelfEvaluation",
  tableStyle: NEW_TABLE_STYLE,
  followsFramework: true,
  columns: [
    { field: "ref", header: "Ref", owner: "framework", kind: "text", width: 8 },
    { field: "judgement", header: "Judgement", owner: "framework", kind: "longText", width: 24, newOnly: true },
    AREA_COLUMN,
    { field: "criterion", header: "Criterion", owner: "framework", kind: "longText", width: 50 },
    { field: "rag", header: "Position", label: "Position (RAG)", owner: "user", kind: "rag", width: 10 },
    { field: "evidence", header: "Evidence summary", label: "Evidence", owner: "user", kind: "longText", width: 44 },
    { field: "lead", header: "Lead", owner: "user", kind: "text", width: 16 },
    { field: "updated", header: "Last reviewed", owner: "user", kind: "date", width: 12 },
  ],
  newRows: (framework) => criterionRows(selfEvaluation, framework),
};

/**
 * The district, locality or team an action belongs to, where a county's plan has one (seed 003's twelve
 * district plans): the committee pack and the roll-up count by it. Mapped when structuring; a new sheet
 * has none, as the framework has no districts.
 */
const DISTRICT_COLUMN: PlanColumn = {
  field: "district",
  header: "District or team",
  owner: "user",
  kind: "text",
  width: 14,
  structureOnly: true,
};

const actionPlan: PlanKindSpec = {
  kind: "action-plan",
  label: "Action plan",
  inSentence: "an action plan",
  sheetName: "Action plan",
  tableName: "ActionPlan",
  tableStyle: NEW_TABLE_STYLE,
  followsFramework: true,
  columns: [
    { field: "ref", header: "Ref", owner: "framework", kind: "criterionRef", width: 8 },
    { field: "judgement", header: "Judgement", owner: "framework", kind: "longText", width: 22, newOnly: true },
    AREA_COLUMN,
    { field: "criterion", header: "Criterion", owner: "framework", kind: "longText", width: 44 },
    { field: "action", header: "Action", owner: "user", kind: "longText", width: 32 },
    DISTRICT_COLUMN,
    { field: "lead", header: "Lead", owner: "user", kind: "text", width: 14 },
    { field: "due", header: "Due date", owner: "user", kind: "date", width: 12 },
    { field: "rag", header: "RAG", owner: "user", kind: "rag", width: 9 },
    { field: "progress", header: "Progress update", owner: "user", kind: "longText", width: 32 },
    { field: "evidence", header: "Evidence", owner: "user", kind: "longText", width: 24 },
    {
      field: "measure",
      header: "Measure of success",
      owner: "user",
      kind: "longText",
      width: 32,
      structureOnly: true,
    },
    { field: "updated", header: "Last updated", owner: "user", kind: "date", width: 12 },
  ],
  newRows: (framework) => criterionRows(actionPlan, framework),
};

const evidenceTracker: PlanKindSpec = {
  kind: "evidence",
  label: "Evidence tracker",
  inSentence: "an evidence tracker",
  sheetName: "Evidence tracker",
  tableName: "EvidenceTracker",
  tableStyle: NEW_TABLE_STYLE,
  statuses: EVIDENCE_STATUSES,
  followsFramework: false,
  columns: [
    { field: "ref", header: "Ref", owner: "framework", kind: "text", width: 8 },
    { field: "criterion", header: "Criterion refs", label: "Criterion", owner: "user", kind: "text", width: 14 },
    { field: "item", header: "Evidence item", owner: "framework", kind: "longText", width: 44 },
    { field: "type", header: "Type", owner: "framework", kind: "text", width: 14 },
    { field: "location", header: "Location or link", owner: "user", kind: "longText", width: 30 },
    { field: "lead", header: "Owner", owner: "user", kind: "text", width: 16 },
    { field: "status", header: "Status", owner: "user", kind: "status", width: 12 },
    { field: "due", header: "Date", owner: "user", kind: "date", width: 12 },
    { field: "reviewedBy", header: "Reviewed by", owner: "user", kind: "text", width: 16 },
  ],
  newRows: (framework) =>
    framework.evidence.map((item, i) =>
      rowOf(evidenceTracker, {
        ref: `E-${String(i + 1).padStart(2, "0")}`,
        item: item.dueWithinHours ? `${item.title} (within ${item.dueWithinHours} hours)` : item.title,
        type: EVIDENCE_TYPE_LABELS[item.kind],
        status: EVIDENCE_NOT_STARTED,
      }),
    ),
};

export const PLAN_KIND_SPECS: Readonly<Record<PlanKind, PlanKindSpec>> = {
  "self-evaluation": selfEvaluation,
  "action-plan": actionPlan,
  evidence: evidenceTracker,
};

/** Every kind's spec, in the order they are made. */
export const PLAN_KIND_LIST: readonly PlanKindSpec[] = PLAN_KINDS.map((kind) => PLAN_KIND_SPECS[kind]);

/** The columns a new sheet of a kind has, in order. */
export function newSheetColumns(kind: PlanKind): PlanColumn[] {
  return PLAN_KIND_SPECS[kind].columns.filter((c) => !c.structureOnly);
}

/** The spec a new sheet is laid out from: the kind's new-sheet columns only. */
export function newSheetSpec(kind: PlanKind): PlanKindSpec {
  return { ...PLAN_KIND_SPECS[kind], columns: newSheetColumns(kind) };
}

/** The fields structuring a user's sheet can map for a kind, in the order the mapping is shown. */
export function structureFields(kind: PlanKind): PlanField[] {
  return PLAN_KIND_SPECS[kind].columns.filter((c) => !c.newOnly).map((c) => c.field);
}

/** A kind's column for a field, if the kind has one. */
export function planColumn(kind: PlanKind, field: PlanField): PlanColumn | undefined {
  return PLAN_KIND_SPECS[kind].columns.find((c) => c.field === field);
}

/** What the pane calls a field of a kind, in the words of that kind's own sheet. */
export function fieldLabel(kind: PlanKind, field: PlanField): string {
  const column = planColumn(kind, field);
  return column ? (column.label ?? column.header) : field;
}

/** The fields a framework owns besides the ref that keys the row: the ones a refresh may rewrite. */
export function frameworkFields(kind: PlanKind): PlanField[] {
  return PLAN_KIND_SPECS[kind].columns.filter((c) => c.owner === "framework" && c.field !== "ref").map((c) => c.field);
}

/** The cells a framework's criterion fills in a plan row: its ref, its judgement and its wording. */
export function criterionCells(judgement: Judgement, criterion: Criterion): Partial<Record<PlanField, CellInput>> {
  return { ref: criterion.ref, judgement: judgement.name, criterion: criterion.text };
}

/** One row a criterion, in the framework's order: the framework's cells filled, the council's blank. */
function criterionRows(spec: PlanKindSpec, framework: Framework): CellInput[][] {
  return framework.judgements.flatMap((judgement) =>
    judgement.criteria.map((criterion) => rowOf(spec, criterionCells(judgement, criterion))),
  );
}

/** A new sheet's row from values by field; columns without a value are blank. */
function rowOf(spec: PlanKindSpec, byField: Partial<Record<PlanField, CellInput>>): CellInput[] {
  return rowByField(
    spec.columns.filter((c) => !c.structureOnly),
    byField,
  );
}

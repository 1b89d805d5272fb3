import { isPlanKind, PLAN_FIELDS, type PlanField, type PlanKind } from "../domain/plan";
import type { RagStatus } from "../domain/rag";
import { PlanRow, type RowLayout } from "../domain/validation/planRow";
import { cellAddress, columnLetters, quoteSheetName } from "../workbook/address";
import type { Scalar, TableSnapshot, WorkbookSnapshot } from "../workbook/types";
import { normaliseHeader } from "./headerMatching";
import { readMetadata, workbookVocabulary, type Metadata, type PlanRecord } from "./metadata";
import { PLAN_KIND_SPECS, type PlanKindSpec } from "./planKinds";

/**
 * The one way commands read the plans in a workbook: the metadata parsed once, each managed plan's
 * table found, each field's column found by its recorded header, and the rows read through that. A
 * command that needs the plans calls readPlans(snapshot) and works from what it returns.
 */

/** One managed plan table as it stands in the snapshot. */
export class PlanTable {
  readonly kind: PlanKind;
  readonly spec: PlanKindSpec;
  readonly sheet: string;
  /** Field → 0-based sheet column, for every recorded field whose column is still there. */
  readonly columns: Partial<Record<PlanField, number>>;
  /** The sheet's cells (0-based rows and columns, as the snapshot holds them). */
  readonly values: readonly (readonly Scalar[])[];

  constructor(
    readonly record: PlanRecord & { kind: PlanKind },
    readonly table: TableSnapshot,
    snapshot: WorkbookSnapshot,
  ) {
    this.kind = record.kind;
    this.spec = PLAN_KIND_SPECS[record.kind];
    this.sheet = table.sheet;
    this.values = snapshot.sheets.find((s) => s.name === table.sheet)?.values ?? [];
    const columns: Partial<Record<PlanField, number>> = {};
    for (const field of PLAN_FIELDS) {
      const col = fieldColumn(table, record, field);
      if (col !== undefined) columns[field] = col;
    }
    this.columns = columns;
  }

  /** 0-based sheet rows of the header and of the first and last data rows. */
  get headerRow(): number {
    return this.table.range.top;
  }
  get firstRow(): number {
    return this.table.range.top + 1;
  }
  get lastRow(): number {
    return this.table.range.bottom;
  }

  column(field: PlanField): number | undefined {
    return this.columns[field];
  }

  /** A cell of the sheet, null where blank or beyond what was read. */
  cell(row: number, col: number): Scalar {
    return this.values[row]?.[col] ?? null;
  }

  /** A field's cell on a 0-based sheet row; null where the plan has no such column. */
  value(row: number, field: PlanField): Scalar {
    const col = this.columns[field];
    return col === undefined ? null : this.cell(row, col);
  }

  /** "Self-evaluation!D13": where a field's cell is, for messages and links. */
  where(row: number, field: PlanField): string {
    return `${this.sheet}!${cellAddress(row, this.columns[field] ?? this.table.range.left)}`;
  }

  /** An absolute reference to a field's data cells, e.g. "'Self-evaluation'!$A$2:$A$37", for formulas. */
  columnReference(field: PlanField): string | undefined {
    const col = this.columns[field];
    return col === undefined ? undefined : columnReference(this.sheet, col, this.firstRow, this.lastRow);
  }

  /** The data rows with a value in some managed cell, typed by field: what the rules and engines read. */
  rows(): PlanRow[] {
    const layout = this.rowLayout();
    const rows: PlanRow[] = [];
    for (let r = this.firstRow; r <= this.lastRow; r++) {
      const row = new PlanRow(this.sheet, r + 1, this.values[r] ?? [], layout);
      if (!row.isBlank()) rows.push(row);
    }
    return rows;
  }

  private rowLayout(): RowLayout {
    const checks = this.columns.checks;
    const managed: RowLayout["managed"] = [];
    for (let col = this.table.range.left; col <= this.table.range.right; col++) {
      if (col !== checks) managed.push({ col, letters: columnLetters(col) });
    }
    const letters = Object.fromEntries(Object.entries(this.columns).map(([field, col]) => [field, columnLetters(col)]));
    return { columns: this.columns, letters, managed };
  }
}

/** Every managed table of a workbook, read once. */
export interface WorkbookPlans {
  /** The add-in's records; null for a workbook it has not touched. */
  metadata: Metadata | null;
  /** The workbook's RAG scale: its own, or the standard one. */
  vocabulary: readonly RagStatus[];
  /** The plans whose tables are in the workbook, in the order they were made. */
  plans: PlanTable[];
  /** Plans the metadata records whose table is no longer in the workbook, each with a message naming it. */
  missing: MissingPlan[];
  /** The first plan of a kind the metadata records, if its table is still there. */
  first(kind: PlanKind): PlanTable | undefined;
}

/**
 * A managed plan whose table has gone: its sheet deleted, its table removed or renamed, or the records
 * naming a table that was never there. Every command that reads plans reports it as an error, never
 * quietly checking one plan fewer.
 */
export interface MissingPlan {
  record: PlanRecord & { kind: PlanKind };
  /** True when the sheet has gone too; false when the sheet is there without its table. */
  sheetGone: boolean;
  /** What has gone and what to do, for the user. */
  message: string;
}

function missingPlan(record: PlanRecord & { kind: PlanKind }, snapshot: WorkbookSnapshot): MissingPlan {
  const label = PLAN_KIND_SPECS[record.kind].label.toLowerCase();
  const sheetGone = !snapshot.sheets.some((s) => s.name.toLowerCase() === record.sheet.toLowerCase());
  const restore = "Restore it with Undo or from a copy of the workbook saved before the change";
  const message = sheetGone
    ? `The ${label}'s sheet "${record.sheet}" is no longer in the workbook (nor its table "${record.table}"). ${restore}, or create the ${label} again`
    : `The ${label} on "${record.sheet}" is no longer an Excel table: its table "${record.table}" was removed or renamed. ${restore}, or if the table was renamed, name it "${record.table}" again (Table Design › Table Name)`;
  return { record, sheetGone, message };
}

export function readPlans(snapshot: WorkbookSnapshot): WorkbookPlans {
  const metadata = readMetadata(snapshot);
  const plans: PlanTable[] = [];
  const missing: MissingPlan[] = [];
  const byRecord = new Map<PlanRecord, PlanTable>();
  for (const record of metadata?.plans ?? []) {
    if (!isPlanRecord(record)) continue;
    const table = snapshot.tables.find((t) => t.name === record.table);
    if (!table) {
      missing.push(missingPlan(record, snapshot));
      continue;
    }
    const plan = new PlanTable(record, table, snapshot);
    plans.push(plan);
    byRecord.set(record, plan);
  }
  return {
    metadata,
    vocabulary: workbookVocabulary(metadata),
    plans,
    missing,
    first: (kind) => {
      const record = metadata?.plans.find((p) => p.kind === kind);
      return record && byRecord.get(record);
    },
  };
}

function isPlanRecord(record: PlanRecord): record is PlanRecord & { kind: PlanKind } {
  return isPlanKind(record.kind);
}

/**
 * The sheet column that holds a field of a managed table: found by the header recorded in the metadata,
 * or, if the user has since changed its case or punctuation, by the same header normalised. Columns are
 * never found by position, so users may reorder and insert columns.
 */
export function fieldColumn(table: TableSnapshot, record: PlanRecord, field: string): number | undefined {
  const header = record.columns[field];
  if (header === undefined) return undefined;
  let index = table.headers.indexOf(header);
  if (index < 0) index = table.headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(header));
  return index < 0 ? undefined : table.range.left + index;
}

/** An absolute reference to rows top..bottom (0-based) of one column, e.g. "'Self-evaluation'!$A$2:$A$37". */
export function columnReference(sheet: string, col: number, top: number, bottom: number): string {
  const letters = columnLetters(col);
  return `${quoteSheetName(sheet)}!$${letters}$${top + 1}:$${letters}$${bottom + 1}`;
}

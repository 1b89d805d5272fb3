import { ukDateOf } from "../domain/dates";
import type { Framework } from "../domain/framework";
import { UserError } from "../domain/userError";
import type { Metadata, PlanRecord } from "../sheets/metadata";
import { fieldColumn } from "../sheets/planTables";
import type { PrintPage } from "../sheets/printLayout";
import type { TableSheetSpec } from "../sheets/sheetSpec";
import { columnRuleOps, layOutTableSheet, uniqueName, type LayoutContext } from "../sheets/tableLayout";
import { cellAddress } from "../workbook/address";
import { cellsBefore, formatsBefore, widestRow } from "../workbook/snapshotCells";
import type { CellInput, CellRange, PatchOp, Scalar, TableSnapshot, WorkbookSnapshot } from "../workbook/types";

export interface MadeSheet {
  kind: string;
  sheet: string;
  table: string;
  rows: number;
}

/**
 * Adds managed table sheets to a workbook: unique sheet and table names (a user's own are never
 * touched), the layout of each spec, and the metadata record of each, for a command to write together.
 */
export class TableSheets {
  readonly ops: PatchOp[] = [];
  readonly made: MadeSheet[] = [];
  readonly records: PlanRecord[] = [];
  private readonly sheetNames: string[];
  private readonly tableNames: string[];

  constructor(
    snapshot: WorkbookSnapshot,
    private readonly framework: Framework,
    private readonly now: Date,
  ) {
    this.sheetNames = snapshot.sheets.map((s) => s.name);
    this.tableNames = snapshot.tables.map((t) => t.name);
  }

  add(spec: TableSheetSpec, rows: CellInput[][], context: LayoutContext): MadeSheet {
    // A unique name ("Timeline (2)") only ever where a sheet of that name is not one the product manages
    // as this kind: a user's own sheet called "Timeline" is never touched. Commands look for their own
    // sheet of a kind first (findManagedTable) and update it in place, so they never come here for it.
    const sheet = uniqueName(spec.sheetName, this.sheetNames, (n) => ` (${n})`);
    const table = uniqueName(spec.tableName, this.tableNames, (n) => `${n}`);
    this.sheetNames.push(sheet);
    this.tableNames.push(table);
    this.ops.push(
      { op: "addSheet", sheet },
      ...layOutTableSheet(spec, sheet, table, rows, context, printPageFor(spec, this.framework, this.now)),
    );
    const made = { kind: spec.kind, sheet, table, rows: rows.length };
    this.made.push(made);
    this.records.push({
      kind: spec.kind,
      sheet,
      table,
      frameworkId: this.framework.id,
      frameworkVersion: this.framework.version,
      createdAt: this.now.toISOString(),
      columns: Object.fromEntries(spec.columns.map((c) => [c.field, c.header])),
    });
    return made;
  }
}

/**
 * What a managed sheet prints at the top of each page: what it is, for which framework ("Action plan –
 * Ofsted ILACS, from April 2026"), and the day it was made.
 */
export function printPageFor(spec: TableSheetSpec, framework: Framework, now: Date): PrintPage {
  return { title: `${spec.sheetName} – ${framework.name}`, date: ukDateOf(now) };
}

/** A managed table sheet the workbook already has, found through its metadata record. */
export interface ManagedTable {
  record: PlanRecord;
  table: TableSnapshot;
}

/**
 * The table sheet of a kind the metadata records (the latest, where an older workbook has several),
 * found by its record's table and never by the sheet's name, so a sheet the user renamed is still found
 * and a user's own sheet that happens to share the name is never taken for ours.
 */
export function findManagedTable(
  snapshot: WorkbookSnapshot,
  metadata: Metadata | null,
  kind: string,
): ManagedTable | undefined {
  for (const record of [...(metadata?.plans ?? [])].reverse()) {
    if (record.kind !== kind) continue;
    const table = snapshot.tables.find((t) => t.name === record.table);
    if (table) return { record, table };
  }
  return undefined;
}

/** What updating a managed sheet in place changed. */
export interface UpdatedSheet extends MadeSheet {
  /** True where the sheet was there already and was updated rather than made. */
  updated: boolean;
  /** Framework-owned cells rewritten, e.g. "B3". */
  updatedCells: string[];
  /** Rows added at the end of the table. */
  rowsAdded: number;
  /** Rows no longer needed, cleared and taken out of the table (nothing of the user's was in them). */
  rowsRemoved: number;
  /** Rows no longer needed but kept as they are, because the user typed in them or they carry a key the product no longer has: sheet rows, 1-based. */
  rowsKept: number[];
}

/** A row the product wants in a managed table: its product cells by field. */
export type WantedRow = Record<string, CellInput>;

export class TableUpdateError extends UserError {}

/**
 * Updates a managed table in place to hold `wanted`: rows are matched by `key` (a field, such as the
 * ref) or, without one, by position. Only the `owned` fields of a matched row are rewritten, and only
 * where they differ; every other cell (the user's columns, columns the user added, anything outside the
 * table) is left alone. Wanted rows with no match are added below the table, which must be empty there.
 * Rows no longer wanted are cleared and taken out of the table only where positional, at the end, and
 * holding nothing in the user's columns; otherwise they are kept and reported.
 */
export function updateTableRows(
  snapshot: WorkbookSnapshot,
  found: ManagedTable,
  spec: TableSheetSpec,
  wanted: WantedRow[],
  options: { key?: string; owned: readonly string[]; context: LayoutContext },
): { ops: PatchOp[]; sheet: UpdatedSheet; range: CellRange } {
  const { table, record } = found;
  const sheet = table.sheet;
  const values = snapshot.sheets.find((s) => s.name === sheet)?.values;
  if (!values) throw new Error(`The snapshot holds no cells of "${sheet}"; include it in the query`);
  const cell = (r: number, c: number): Scalar => values[r]?.[c] ?? null;
  const columns = new Map<string, number>();
  for (const column of spec.columns) {
    const col = fieldColumn(table, record, column.field);
    if (col !== undefined) columns.set(column.field, col);
  }
  const userColumns: number[] = [];
  for (let c = table.range.left; c <= table.range.right; c++) {
    const field = spec.columns.find((s) => columns.get(s.field) === c);
    if (!field || field.owner === "user") userColumns.push(c);
  }
  const first = table.range.top + 1;
  const last = table.range.bottom;
  const ops: PatchOp[] = [];
  const updatedCells: string[] = [];
  const keyCol = options.key === undefined ? undefined : columns.get(options.key);
  if (options.key !== undefined && keyCol === undefined) {
    throw new TableUpdateError(
      `The table "${table.name}" on ${sheet} has no "${record.columns[options.key] ?? options.key}" column any more, so its rows cannot be matched; put the column back, or delete the sheet and make it again`,
    );
  }
  const keyText = (value: Scalar | CellInput | undefined) =>
    value === null || value === undefined ? "" : String(value).trim();

  // Which sheet row each wanted row goes to.
  const rowOf = new Map<number, number>();
  const unmatched: number[] = [];
  const rowsKept: number[] = [];
  let shrinkTo = last;
  if (keyCol !== undefined) {
    const byKey = new Map<string, number>();
    for (let r = first; r <= last; r++) {
      const key = keyText(cell(r, keyCol));
      if (key && !byKey.has(key)) byKey.set(key, r);
    }
    const wantedKeys = new Set(wanted.map((w) => keyText(w[options.key!])));
    wanted.forEach((w, i) => {
      const r = byKey.get(keyText(w[options.key!]));
      if (r === undefined) unmatched.push(i);
      else rowOf.set(i, r);
    });
    for (const [key, r] of byKey) if (!wantedKeys.has(key)) rowsKept.push(r + 1);
  } else {
    wanted.forEach((_, i) => (first + i <= last ? rowOf.set(i, first + i) : unmatched.push(i)));
    // Rows beyond the new ones: from the end, those the user typed nothing in go; the rest stay.
    const keepFrom = first + wanted.length;
    let r = last;
    while (r >= keepFrom && userColumns.every((c) => keyText(cell(r, c)) === "")) r--;
    shrinkTo = Math.max(r, keepFrom - 1, first);
    for (let k = keepFrom; k <= shrinkTo; k++) rowsKept.push(k + 1);
  }

  for (const [i, r] of rowOf) {
    for (const field of options.owned) {
      const col = columns.get(field);
      if (col === undefined) continue;
      const value = wanted[i]![field] ?? null;
      if (sameCell(cell(r, col), value)) continue;
      ops.push({
        op: "writeValues",
        sheet,
        row: r,
        col,
        values: [[value]],
        before: cellsBefore(snapshot, sheet, r, col, 1, 1),
      });
      updatedCells.push(cellAddress(r, col));
    }
  }

  let range: CellRange = table.range;
  const width = table.range.right - table.range.left + 1;
  let rowsRemoved = 0;
  if (shrinkTo < last) {
    // Clear the rows no longer needed (product cells only hold anything: the user's are blank) and shrink.
    const height = last - shrinkTo;
    ops.push({
      op: "writeValues",
      sheet,
      row: shrinkTo + 1,
      col: table.range.left,
      values: Array.from({ length: height }, () => Array.from({ length: width }, () => null)),
      before: cellsBefore(snapshot, sheet, shrinkTo + 1, table.range.left, height, width),
    });
    range = { ...table.range, bottom: shrinkTo };
    ops.push({ op: "resizeTable", name: table.name, range, before: table.range });
    rowsRemoved = height;
  }
  if (unmatched.length > 0) {
    const top = last + 1;
    const bottom = last + unmatched.length;
    for (let r = top; r <= bottom; r++) {
      for (let c = table.range.left; c <= table.range.right; c++) {
        if (keyText(cell(r, c)) !== "") {
          throw new TableUpdateError(
            `Cannot add ${unmatched.length} rows below the table "${table.name}": ${sheet}!${cellAddress(r, c)} is not empty. Move what is below the table and try again.`,
          );
        }
      }
    }
    const rows: CellInput[][] = unmatched.map((i) => {
      const row: CellInput[] = [];
      for (let c = table.range.left; c <= table.range.right; c++) {
        const field = [...columns].find(([, col]) => col === c)?.[0];
        row.push(field === undefined ? null : (wanted[i]![field] ?? null));
      }
      return row;
    });
    range = { ...table.range, bottom };
    ops.push(
      {
        op: "writeValues",
        sheet,
        row: top,
        col: table.range.left,
        values: rows,
        before: cellsBefore(snapshot, sheet, top, table.range.left, rows.length, width),
      },
      { op: "resizeTable", name: table.name, range, before: table.range },
      {
        op: "setWrapText",
        sheet,
        range: { top, left: table.range.left, bottom, right: table.range.right },
        wrap: true,
      },
    );
    const ruleColumns = spec.columns.flatMap((column) => {
      const col = columns.get(column.field);
      return col === undefined ? [] : [{ kind: column.kind, col }];
    });
    ops.push(
      ...columnRuleOps(sheet, top, bottom, ruleColumns, { ...options.context, statuses: spec.statuses }, (col) =>
        formatsBefore(snapshot, sheet, top, col, bottom - top + 1, 1),
      ),
    );
  }
  return {
    ops,
    range,
    sheet: {
      kind: spec.kind,
      sheet,
      table: table.name,
      rows: range.bottom - range.top,
      updated: true,
      updatedCells,
      rowsAdded: unmatched.length,
      rowsRemoved,
      rowsKept,
    },
  };
}

/** The same cell content: numbers compared to within a second's worth of a day, so times read back equal. */
function sameCell(old: Scalar, value: CellInput): boolean {
  if (typeof old === "number" && typeof value === "number") return Math.abs(old - value) < 1e-6;
  if ((old === null || old === "") && (value === null || value === "")) return true;
  return old === value;
}

/**
 * Replaces a managed table sheet with a new one of its kind, on the same sheet: what a user asks for
 * with "Replace them". Deleting a sheet cannot be undone from a patch (nothing records all it held), so
 * the old sheet is cleared instead, every cell and format it held recorded for undo, and the new layout
 * laid on it under the old table's name. Validation and colours the old layout already had on the same
 * cells are not added twice, so undo leaves the old sheet's own in place.
 */
export function replaceTableSheet(
  snapshot: WorkbookSnapshot,
  found: ManagedTable,
  spec: TableSheetSpec,
  rows: CellInput[][],
  context: LayoutContext,
  page: PrintPage,
): { ops: PatchOp[]; made: MadeSheet } {
  const { table } = found;
  const name = table.sheet;
  const old = snapshot.sheets.find((s) => s.name === name);
  if (!old?.values) throw new Error(`The snapshot holds no cells of "${name}"; include it in the query`);
  const laid = layOutTableSheet(spec, name, table.name, rows, context, page);
  const oldLaid = layOutTableSheet(
    spec,
    name,
    table.name,
    Array.from({ length: Math.max(table.range.bottom - table.range.top, 1) }, (_, r) =>
      spec.columns.map((_, c) => old.values![table.range.top + 1 + r]?.[table.range.left + c] ?? null),
    ),
    context,
    page,
  );
  const key = (op: PatchOp) =>
    op.op === "setValidation" || op.op === "addConditionalFormat" || op.op === "setWrapText"
      ? JSON.stringify([op.op, op.range, op.op === "addConditionalFormat" ? op.format.formula : null])
      : null;
  const previous = new Map(oldLaid.flatMap((op) => (key(op) ? [[key(op)!, op] as const] : [])));
  const newValues = laid.find((op) => op.op === "writeValues")!;
  const block = newValues.op === "writeValues" ? newValues.values : [];
  const height = Math.max(old.values.length, block.length);
  const width = widestRow(old.values, spec.columns.length);
  // Every cell of the old sheet goes; the new header and rows take their place.
  const formats: string[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => "General"));
  for (const op of laid) {
    if (op.op !== "setNumberFormats") continue;
    op.formats.forEach((row, r) => row.forEach((f, c) => (formats[op.row + r]![op.col + c] = f)));
  }
  const ops: PatchOp[] = [
    {
      op: "writeValues",
      sheet: name,
      row: 0,
      col: 0,
      values: Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => block[r]?.[c] ?? null)),
      before: cellsBefore(snapshot, name, 0, 0, height, width),
    },
    {
      op: "setNumberFormats",
      sheet: name,
      row: 0,
      col: 0,
      formats,
      before: formatsBefore(snapshot, name, 0, 0, height, width),
    },
  ];
  for (const op of laid) {
    const was = key(op) ? previous.get(key(op)!) : undefined;
    switch (op.op) {
      case "writeValues":
      case "setNumberFormats":
        break;
      case "addTable":
        ops.push({ op: "resizeTable", name: table.name, range: op.range, before: table.range });
        break;
      case "addConditionalFormat":
        if (!was) ops.push(op);
        break;
      case "setValidation":
        ops.push({ ...op, before: was?.op === "setValidation" ? was.rule : null });
        break;
      case "setWrapText":
        ops.push({ ...op, before: was !== undefined });
        break;
      case "setRowHeights": {
        const heights = oldLaid.find((o) => o.op === "setRowHeights");
        const oldHeights = new Map(
          heights?.op === "setRowHeights" ? heights.heights.map((h) => [h.row, h.height]) : [],
        );
        const rowsTouched = new Set([...op.heights.map((h) => h.row), ...oldHeights.keys()]);
        const all = [...rowsTouched].sort((a, b) => a - b);
        ops.push({
          op: "setRowHeights",
          sheet: name,
          heights: all.map((row) => ({ row, height: op.heights.find((h) => h.row === row)?.height ?? 15 })),
          before: all.map((row) => ({ row, height: oldHeights.get(row) ?? null })),
        });
        break;
      }
      case "setColumnWidths":
        ops.push({ ...op, before: op.widths });
        break;
      case "freezePanes":
        ops.push({ ...op, before: { rows: old.frozenRows, columns: old.frozenColumns } });
        break;
      case "setPrintSetup":
        ops.push({ ...op, before: op.setup });
        break;
      default:
        ops.push(op);
    }
  }
  return { ops, made: { kind: spec.kind, sheet: name, table: table.name, rows: rows.length } };
}

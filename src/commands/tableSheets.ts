import type { Framework } from "../domain/framework";
import type { PlanRecord } from "../sheets/metadata";
import type { TableSheetSpec } from "../sheets/sheetSpec";
import { layOutTableSheet, uniqueName, type LayoutContext } from "../sheets/tableLayout";
import type { CellInput, PatchOp, WorkbookSnapshot } from "../workbook/types";

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
    const sheet = uniqueName(spec.sheetName, this.sheetNames, (n) => ` (${n})`);
    const table = uniqueName(spec.tableName, this.tableNames, (n) => `${n}`);
    this.sheetNames.push(sheet);
    this.tableNames.push(table);
    this.ops.push({ op: "addSheet", sheet }, ...layOutTableSheet(spec, sheet, table, rows, context));
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

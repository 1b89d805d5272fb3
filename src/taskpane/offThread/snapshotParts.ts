import type { SheetSnapshot, WorkbookSnapshot } from "../../workbook/types";

/**
 * A snapshot cut into messages for a worker, and put together again there. A 100,000-row list is tens
 * of megabytes of cells: posted whole, copying it would hold the pane as long as planning it does. In
 * parts of a few thousand rows, with the page free between them, no message holds it more than a moment.
 */
export type SnapshotPart =
  /** A sheet as read, its cells (values, formulas, formats) empty: its rows follow in "rows" parts. */
  | { type: "sheet"; sheet: SheetSnapshot }
  | {
      type: "rows";
      /** The sheet's place in the snapshot's list of sheets. */
      index: number;
      values: SheetSnapshot["values"];
      formulas: SheetSnapshot["formulas"];
      numberFormats: SheetSnapshot["numberFormats"];
    }
  /** The last part: the tables and the date system. */
  | { type: "end"; tables: WorkbookSnapshot["tables"]; dateSystem?: WorkbookSnapshot["dateSystem"] };

export function* snapshotParts(snapshot: WorkbookSnapshot, rowsPerPart: number): Generator<SnapshotPart> {
  for (const [index, sheet] of snapshot.sheets.entries()) {
    const empty = <T>(cells: T[][] | null) => (cells === null ? null : []);
    yield {
      type: "sheet",
      sheet: {
        ...sheet,
        values: empty(sheet.values),
        formulas: empty(sheet.formulas),
        numberFormats: empty(sheet.numberFormats),
      },
    };
    const rows = Math.max(sheet.values?.length ?? 0, sheet.formulas?.length ?? 0, sheet.numberFormats?.length ?? 0);
    for (let first = 0; first < rows; first += rowsPerPart) {
      const slice = <T>(cells: T[][] | null) => (cells === null ? null : cells.slice(first, first + rowsPerPart));
      yield {
        type: "rows",
        index,
        values: slice(sheet.values),
        formulas: slice(sheet.formulas),
        numberFormats: slice(sheet.numberFormats),
      };
    }
  }
  yield {
    type: "end",
    tables: snapshot.tables,
    ...(snapshot.dateSystem !== undefined ? { dateSystem: snapshot.dateSystem } : {}),
  };
}

/** The parts put together again, in the order they were cut; `snapshot` is set when the last has come. */
export class SnapshotAssembler {
  private readonly sheets: SheetSnapshot[] = [];
  snapshot: WorkbookSnapshot | null = null;

  add(part: SnapshotPart): void {
    switch (part.type) {
      case "sheet":
        this.sheets.push(part.sheet);
        return;
      case "rows": {
        const sheet = this.sheets[part.index]!;
        append(sheet.values, part.values);
        append(sheet.formulas, part.formulas);
        append(sheet.numberFormats, part.numberFormats);
        return;
      }
      case "end":
        this.snapshot = {
          sheets: this.sheets,
          tables: part.tables,
          ...(part.dateSystem !== undefined ? { dateSystem: part.dateSystem } : {}),
        };
    }
  }
}

/** Rows appended one by one: a spread of thousands of rows as arguments can overflow a worker's stack. */
function append<T>(target: T[][] | null, rows: T[][] | null): void {
  if (!target || !rows) return;
  for (const row of rows) target.push(row);
}

import { rangesOverlap, sameRange } from "../address";
import type {
  CellFormat,
  CellInput,
  CellRange,
  ExpressionFormat,
  PatchOp,
  PrintSetup,
  Scalar,
  SheetSnapshot,
  SheetVisibility,
  SnapshotQuery,
  TableSnapshot,
  ValidationRule,
  WorkbookAdapter,
  WorkbookPatch,
  WorkbookSnapshot,
} from "../types";
import { isFormulaInput } from "../types";

export interface MemoryCell {
  value: Scalar;
  formula: string | null;
  numberFormat: string;
}

export interface MemorySheet {
  name: string;
  visibility: SheetVisibility;
  /** Sparse grid: rows[r][c] is undefined for a cell never touched. */
  rows: (MemoryCell | undefined)[][];
  validations: { range: CellRange; rule: ValidationRule }[];
  conditionalFormats: { range: CellRange; format: ExpressionFormat }[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozen: { rows: number; columns: number };
  printSetup: PrintSetup | null;
  wrapped: CellRange[];
  /** Direct formatting, in the order applied: a later format's properties win where ranges overlap. */
  formats: { range: CellRange; format: CellFormat }[];
  merged: CellRange[];
  charts: { name: string; source: CellRange; title: string; at?: { row: number; col: number } }[];
  /** Protected (Review > Protect Sheet), as tests and an imported file set it; commands refuse to change it. */
  protected?: boolean;
}

export interface MemoryTable {
  name: string;
  sheet: string;
  range: CellRange;
  style: string;
}

export class PatchError extends Error {}

const GENERAL = "General";
const NO_SHEETS: ReadonlySet<string> = new Set();

/**
 * A workbook held in memory: the backend of the browser preview and of the command tests. It applies
 * patches with the same rules Excel enforces (unique sheet and table names, tables that do not overlap)
 * so a patch that works here does not fail later in Excel for a reason the tests could have seen.
 */
export class MemoryWorkbook implements WorkbookAdapter {
  readonly sheets: MemorySheet[] = [];
  readonly tables: MemoryTable[] = [];
  /** While a patch is applied: each cell as it was before the patch first changed it. */
  private journal: JournalEntry[] | null = null;
  /** Sheets (lower case) whose cells need no journal: added by the patch, so put back by removing them. */
  private unjournalled: ReadonlySet<string> = NO_SHEETS;

  static withSheets(...names: string[]): MemoryWorkbook {
    const workbook = new MemoryWorkbook();
    for (const name of names) workbook.addSheet(name);
    return workbook;
  }

  async read(query: SnapshotQuery = { sheets: "all" }): Promise<WorkbookSnapshot> {
    return this.snapshot(query);
  }

  async apply(patch: WorkbookPatch): Promise<void> {
    this.applySync(patch);
  }

  snapshot(query: SnapshotQuery = { sheets: "all" }): WorkbookSnapshot {
    const wanted = (name: string) =>
      query.sheets === "all" || query.sheets.some((s) => s.toLowerCase() === name.toLowerCase());
    return {
      sheets: this.sheets.map((sheet) => snapshotSheet(sheet, wanted(sheet.name))),
      tables: this.tables.map((table) => this.snapshotTable(table)),
    };
  }

  /**
   * Applies every operation, or none: a failing operation leaves the workbook as it was. Rather than copy
   * every cell first (a 100,000-row list made each small patch copy a million cells), the sheets' own
   * arrays are copied and each cell is noted in a journal before it is changed, to be put back on failure.
   * `newSheets`: sheets a larger patch, applied in parts, adds — undone by deleting them, so their cells
   * need no journal (on a 100,000-row list's findings the journal was most of the page's garbage).
   */
  applySync(patch: WorkbookPatch, options: { newSheets?: ReadonlySet<string> } = {}): void {
    const saved = this.saveShape();
    this.journal = [];
    this.unjournalled = options.newSheets ?? NO_SHEETS;
    try {
      for (const op of patch.ops) this.applyOp(op);
    } catch (error) {
      for (const entry of this.journal.reverse()) entry.cells[entry.col] = entry.before;
      this.restore(saved);
      throw error;
    } finally {
      this.journal = null;
      this.unjournalled = NO_SHEETS;
    }
  }

  /**
   * Rows of cells put straight into a sheet from `firstRow` (0-based), as the in-memory workbook holds
   * them: how a workbook is built in parts from a file or from another copy of it. Not a patch: nothing is
   * checked or journalled, so it is only for rows that hold nothing yet.
   */
  putRows(sheetName: string, firstRow: number, rows: MemorySheet["rows"]): void {
    const target = this.sheet(sheetName).rows;
    for (let i = 0; i < rows.length; i++) target[firstRow + i] = rows[i]!;
  }

  sheet(name: string): MemorySheet {
    const found = this.findSheet(name);
    if (!found) throw new PatchError(`There is no sheet called "${name}"`);
    return found;
  }

  findSheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheetName: string, row: number, col: number): MemoryCell | undefined {
    return this.sheet(sheetName).rows[row]?.[col];
  }

  /** The direct formatting a cell has, every format over it merged in the order applied. */
  cellFormat(sheetName: string, row: number, col: number): CellFormat {
    return this.sheet(sheetName)
      .formats.filter(({ range }) => row >= range.top && row <= range.bottom && col >= range.left && col <= range.right)
      .reduce<CellFormat>((merged, { format }) => ({ ...merged, ...format }), {});
  }

  private snapshotTable(table: MemoryTable): TableSnapshot {
    const sheet = this.sheet(table.sheet);
    const headers: string[] = [];
    for (let c = table.range.left; c <= table.range.right; c++) {
      const value = sheet.rows[table.range.top]?.[c]?.value;
      headers.push(value === null || value === undefined ? "" : String(value));
    }
    return { name: table.name, sheet: sheet.name, range: { ...table.range }, headers };
  }

  private addSheet(name: string): void {
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name))
      throw new PatchError(`"${name}" is not a valid sheet name`);
    if (this.findSheet(name)) throw new PatchError(`A sheet called "${name}" already exists`);
    this.sheets.push({
      name,
      visibility: "visible",
      rows: [],
      validations: [],
      conditionalFormats: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      frozen: { rows: 0, columns: 0 },
      printSetup: null,
      wrapped: [],
      formats: [],
      merged: [],
      charts: [],
    });
  }

  private applyOp(op: PatchOp): void {
    switch (op.op) {
      case "addSheet":
        return this.addSheet(op.sheet);
      case "deleteSheet": {
        const sheet = this.sheet(op.sheet);
        this.sheets.splice(this.sheets.indexOf(sheet), 1);
        for (let i = this.tables.length - 1; i >= 0; i--) {
          if (this.tables[i]!.sheet === sheet.name) this.tables.splice(i, 1);
        }
        return;
      }
      case "writeValues": {
        const sheet = this.sheet(op.sheet);
        op.values.forEach((rowValues, r) =>
          rowValues.forEach((input, c) => this.writeCell(sheet, op.row + r, op.col + c, input)),
        );
        return;
      }
      case "setNumberFormats": {
        const sheet = this.sheet(op.sheet);
        op.formats.forEach((rowFormats, r) =>
          rowFormats.forEach((format, c) => {
            this.touchCell(sheet, op.row + r, op.col + c).numberFormat = format || GENERAL;
          }),
        );
        return;
      }
      case "addTable": {
        const sheet = this.sheet(op.sheet);
        if (this.tables.some((t) => t.name.toLowerCase() === op.name.toLowerCase())) {
          throw new PatchError(`A table called "${op.name}" already exists`);
        }
        if (this.tables.some((t) => t.sheet === sheet.name && rangesOverlap(t.range, op.range))) {
          throw new PatchError(`A table on "${sheet.name}" already covers part of that range`);
        }
        this.tables.push({ name: op.name, sheet: sheet.name, range: { ...op.range }, style: op.style });
        return;
      }
      case "removeTable": {
        const index = this.tables.findIndex((t) => t.name.toLowerCase() === op.name.toLowerCase());
        if (index < 0) throw new PatchError(`There is no table called "${op.name}"`);
        this.tables.splice(index, 1);
        return;
      }
      case "resizeTable": {
        const table = this.tables.find((t) => t.name.toLowerCase() === op.name.toLowerCase());
        if (!table) throw new PatchError(`There is no table called "${op.name}"`);
        if (op.range.top !== table.range.top) throw new PatchError(`Table "${op.name}" must keep its header row`);
        if (this.tables.some((t) => t !== table && t.sheet === table.sheet && rangesOverlap(t.range, op.range))) {
          throw new PatchError(`Table "${op.name}" would overlap another table`);
        }
        table.range = { ...op.range };
        return;
      }
      case "setValidation": {
        const sheet = this.sheet(op.sheet);
        sheet.validations = sheet.validations.filter((v) => !rangesOverlap(v.range, op.range));
        if (op.rule) sheet.validations.push({ range: { ...op.range }, rule: op.rule });
        return;
      }
      case "addConditionalFormat":
        this.sheet(op.sheet).conditionalFormats.push({ range: { ...op.range }, format: op.format });
        return;
      case "removeConditionalFormat": {
        const sheet = this.sheet(op.sheet);
        sheet.conditionalFormats = sheet.conditionalFormats.filter(
          (cf) => !(sameRange(cf.range, op.range) && cf.format.formula === op.format.formula),
        );
        return;
      }
      case "setColumnWidths": {
        const sheet = this.sheet(op.sheet);
        for (const { col, width } of op.widths) sheet.columnWidths.set(col, width);
        return;
      }
      case "setRowHeights": {
        const sheet = this.sheet(op.sheet);
        for (const { row, height } of op.heights) sheet.rowHeights.set(row, height);
        return;
      }
      case "freezePanes":
        this.sheet(op.sheet).frozen = { rows: op.rows, columns: op.columns };
        return;
      case "addChart":
        this.sheet(op.sheet).charts.push({
          name: op.name,
          source: { ...op.source },
          title: op.title,
          ...(op.at ? { at: { ...op.at } } : {}),
        });
        return;
      case "removeChart": {
        const sheet = this.sheet(op.sheet);
        sheet.charts = sheet.charts.filter((c) => c.name !== op.name);
        return;
      }
      case "mergeCells": {
        const sheet = this.sheet(op.sheet);
        if (sheet.merged.some((m) => rangesOverlap(m, op.range))) {
          throw new PatchError(`Cells on "${sheet.name}" are already merged there`);
        }
        // As in Excel, only the top-left cell keeps its value.
        for (let r = op.range.top; r <= op.range.bottom; r++) {
          for (let c = op.range.left; c <= op.range.right; c++) {
            if (r === op.range.top && c === op.range.left) continue;
            if (sheet.rows[r]?.[c]) Object.assign(this.touchCell(sheet, r, c), { value: null, formula: null });
          }
        }
        sheet.merged.push({ ...op.range });
        return;
      }
      case "unmergeCells": {
        const sheet = this.sheet(op.sheet);
        sheet.merged = sheet.merged.filter((m) => !rangesOverlap(m, op.range));
        return;
      }
      case "setWrapText": {
        const sheet = this.sheet(op.sheet);
        sheet.wrapped = sheet.wrapped.filter((r) => !sameRange(r, op.range));
        if (op.wrap) sheet.wrapped.push({ ...op.range });
        return;
      }
      case "setPrintSetup":
        this.sheet(op.sheet).printSetup = op.setup;
        return;
      case "setCellFormat":
        this.sheet(op.sheet).formats.push({ range: { ...op.range }, format: { ...op.format } });
        return;
      case "setVisibility": {
        const sheet = this.sheet(op.sheet);
        if (
          op.visibility !== "visible" &&
          this.sheets.filter((s) => s.visibility === "visible" && s !== sheet).length === 0
        ) {
          throw new PatchError("A workbook must keep at least one visible sheet");
        }
        sheet.visibility = op.visibility;
        return;
      }
    }
  }

  /** Everything but the cells: sheets and tables as they stand, with their own arrays and maps copied. */
  private saveShape(): { sheets: MemorySheet[]; tables: MemoryTable[] } {
    return {
      sheets: this.sheets.map((s) => ({
        ...s,
        validations: [...s.validations],
        conditionalFormats: [...s.conditionalFormats],
        columnWidths: new Map(s.columnWidths),
        rowHeights: new Map(s.rowHeights),
        frozen: { ...s.frozen },
        wrapped: [...s.wrapped],
        formats: [...s.formats],
        merged: [...s.merged],
        charts: [...s.charts],
      })),
      tables: this.tables.map((t) => ({ ...t, range: { ...t.range } })),
    };
  }

  private restore(saved: { sheets: MemorySheet[]; tables: MemoryTable[] }): void {
    // The saved sheets share their rows with the live ones, which the journal has already put back.
    this.sheets.splice(0, this.sheets.length, ...saved.sheets);
    this.tables.splice(0, this.tables.length, ...saved.tables);
  }

  /** The cell to change, created where there is none, noted in the journal first. */
  private touchCell(sheet: MemorySheet, row: number, col: number): MemoryCell {
    const cells = (sheet.rows[row] ??= []);
    const before = cells[col];
    if (!this.unjournalled.has(sheet.name.toLowerCase())) {
      this.journal?.push({ cells, col, before: before ? { ...before } : undefined });
    }
    return before ?? (cells[col] = { value: null, formula: null, numberFormat: GENERAL });
  }

  private writeCell(sheet: MemorySheet, row: number, col: number, input: CellInput): void {
    const cell = this.touchCell(sheet, row, col);
    if (isFormulaInput(input)) {
      // Memory does not calculate: a formula's value is unknown until Excel or LibreOffice computes it.
      cell.formula = input.formula;
      cell.value = null;
    } else {
      cell.formula = null;
      cell.value = input;
    }
  }
}

/** A cell as it was before a patch changed it: put back where the patch fails. */
interface JournalEntry {
  cells: (MemoryCell | undefined)[];
  col: number;
  before: MemoryCell | undefined;
}

function hasContent(cell: MemoryCell | undefined): boolean {
  return !!cell && (cell.value !== null || cell.formula !== null || cell.numberFormat !== GENERAL);
}

function snapshotSheet(sheet: MemorySheet, withCells: boolean): SheetSnapshot {
  const base = {
    name: sheet.name,
    visibility: sheet.visibility,
    frozenRows: sheet.frozen.rows,
    frozenColumns: sheet.frozen.columns,
    ...(sheet.protected ? { protected: true } : {}),
  };
  if (!withCells) return { ...base, values: null, numberFormats: null, formulas: null };
  let height = 0;
  let width = 0;
  sheet.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (hasContent(cell)) {
        height = Math.max(height, r + 1);
        width = Math.max(width, c + 1);
      }
    }),
  );
  const grid = <T>(pick: (cell: MemoryCell | undefined) => T): T[][] =>
    Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => pick(sheet.rows[r]?.[c])));
  return {
    ...base,
    values: grid((cell) => cell?.value ?? null),
    numberFormats: grid((cell) => cell?.numberFormat ?? GENERAL),
    formulas: grid((cell) => cell?.formula ?? null),
    merges: sheet.merged.map((m) => ({ ...m })),
  };
}

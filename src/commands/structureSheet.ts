import { dateFromSerial, formatUkDate, parseDateText, ukDateOf } from "../domain/dates";
import type { PlanField, PlanKind } from "../domain/plan";
import { conceptOf, readRag, type RagStatus } from "../domain/rag";
import { differsFromStandard, scaleVocabulary, sheetScale, standardStatus, type SheetScale } from "../domain/ragScale";
import { UserError } from "../domain/userError";
import { findRagKey } from "../sheets/ragKey";
import { detectLayout, headerText, isBlank, type DetectedLayout } from "../sheets/layoutDetection";
import {
  METADATA_SHEET,
  emptyMetadata,
  readMetadata,
  workbookVocabulary,
  writeMetadataOps,
  type Metadata,
} from "../sheets/metadata";
import {
  EVIDENCE_STATUSES,
  PLAN_KIND_SPECS,
  planColumn,
  STRUCTURED_TABLE_STYLE,
  structureFields,
} from "../sheets/planKinds";
import { headerRowFormatOps, pageSetupFor } from "../sheets/printLayout";
import { columnRuleOps, uniqueName, type RuleColumn } from "../sheets/tableLayout";
import { cellAddress, columnLetters, parseRange, rangesOverlap, sameRange } from "../workbook/address";
import { cellsBefore, formatsBefore } from "../workbook/snapshotCells";
import { dateSystemOf, workbookSerial, type DateSystem } from "../workbook/serialDates";
import type {
  CellInput,
  CellRange,
  PatchOp,
  Scalar,
  SheetSnapshot,
  WorkbookPatch,
  WorkbookSnapshot,
} from "../workbook/types";

export class StructureError extends UserError {}

export interface StructureOptions {
  sheet: string;
  as: PlanKind;
  now: Date;
  /** Apply the suggested fixes (canonical RAG text, real dates) as well as reporting them. */
  normalise?: boolean;
  /** The user's corrections to the detected mapping: field → 0-based column, or null to leave unmapped. */
  mapping?: Partial<Record<PlanField, number | null>>;
}

/** A value that is not in the plan's form, with the form we would write if asked. */
export interface Normalisable {
  cell: string;
  field: PlanField;
  value: Scalar;
  /** What the cell would become, in words (null: we cannot tell, the user must decide). */
  suggestion: string | null;
  /** The value a fix writes; absent where there is no suggestion. */
  fix?: Scalar;
}

export interface StructureReport {
  sheet: string;
  kind: PlanKind;
  table: string;
  /** 1-based, as a user counts rows. */
  headerRow: number;
  dataRows: number;
  /** Field → header as written. */
  mapping: Partial<Record<PlanField, string>>;
  /** Field → column letter, for the pane's mapping preview. */
  columns: Partial<Record<PlanField, string>>;
  unmapped: string[];
  /** Every column of the table, in order: 0-based index, letter and header, for correcting the mapping. */
  headers: { col: number; column: string; header: string }[];
  /** The 0-based column of the Area column added for section headings, not on the sheet yet; else null. */
  addedColumn: number | null;
  normalisable: Normalisable[];
  normalised: number;
  sections: string[];
  /** Cells we had to write so the range could become a table, each with why. */
  changes: { cell: string; from: Scalar; to: Scalar; why: string }[];
  range: string;
  /** The RAG scale the sheet shows, from its values and its key; null when it shows none. */
  scale: StructureScale | null;
}

/** A sheet's own RAG scale, as structuring found it. */
export interface StructureScale extends SheetScale {
  /** The key's cells (heading and lines), outside the table; empty when there is no key. */
  keyCells: string[];
  /** True when it became the workbook's scale (the workbook had none), so its statuses are in the lists. */
  kept: boolean;
  /** Why it was not kept, in words; absent when it was. */
  note?: string;
}

export function structureQuery(sheet: string) {
  return { sheets: [sheet, METADATA_SHEET] };
}

/**
 * Turns a sheet the user already has into a managed table: finds the header row under titles and notes,
 * maps columns by header, treats section rows as headings, and adds the plan's validation and formats.
 * Every original value stays where it was; the only cells written are blank or duplicate headers (a
 * table needs unique names), cells of merged areas filled with the area's value (a table cannot hold
 * merged cells), an Area column for section headings, and — only when asked — the suggested fixes.
 */
export function structureSheet(
  snapshot: WorkbookSnapshot,
  options: StructureOptions,
): { patch: WorkbookPatch; report: StructureReport } {
  const sheet = findSheet(snapshot, options.sheet);
  const values = sheet.values!;
  const metadata = readMetadata(snapshot) ?? emptyMetadata();
  if (metadata.plans.some((p) => p.sheet.toLowerCase() === sheet.name.toLowerCase())) {
    throw new StructureError(`"${sheet.name}" is already a managed plan sheet; there is nothing to structure`);
  }
  const fields = structureFields(options.as);
  let layout = detectLayout(values, sheet.merges ?? [], fields);
  if (!layout) {
    throw new StructureError(
      `Could not find a header row on "${sheet.name}": no row in the first 30 names two or more of the columns a ${options.as} has (for example Action, Lead, Due date, RAG)`,
    );
  }
  // A RAG key beside or under the table is not part of it: find it, and find the table without it.
  const full = fullRows(values, layout);
  const key = findRagKey(values, dataCells(layout, full), (r) => full.has(r));
  if (key.cells.length > 0) {
    const masked = values.map((row) => [...row]);
    for (const [r, c] of key.cells) masked[r]![c] = null;
    layout = detectLayout(masked, sheet.merges ?? [], fields) ?? layout;
  }
  applyMappingOverride(layout, options.mapping);
  const scale = fields.includes("rag") ? findScale(values, layout, key, metadata) : null;
  const vocabulary = scale?.kept ? scaleVocabulary(scale) : workbookVocabulary(metadata);

  const ops: PatchOp[] = [];
  const changes: StructureReport["changes"] = [];
  const write = (row: number, col: number, to: Scalar, why: string) => {
    const from = values[row]?.[col] ?? null;
    ops.push({
      op: "writeValues",
      sheet: sheet.name,
      row,
      col,
      values: [[to]],
      before: cellsBefore(snapshot, sheet.name, row, col, 1, 1),
    });
    changes.push({ cell: cellAddress(row, col), from, to, why });
  };

  const dataRows = new Set(layout.dataRows);

  // 1. Merged areas inside the table: unmerge, and fill each area's value into its other cells.
  const tableRange = (): CellRange => ({
    top: layout.headerRow,
    left: layout.left,
    bottom: layout.lastRow,
    right: layout.right,
  });
  for (const merge of sheet.merges ?? []) {
    if (!rangesOverlap(merge, tableRange())) continue;
    ops.push({ op: "unmergeCells", sheet: sheet.name, range: merge });
    const value = values[merge.top]?.[merge.left] ?? null;
    if (isBlank(value) || merge.top === layout.headerRow) continue;
    for (let r = merge.top; r <= merge.bottom; r++) {
      for (let c = merge.left; c <= merge.right; c++) {
        if (r === merge.top && c === merge.left) continue;
        if (dataRows.has(r)) {
          write(r, c, value, "filled from a merged cell, as a table cannot hold merged cells");
        }
      }
    }
  }

  // 2. Headers: a table needs a unique, non-blank name over every column.
  const headers: string[] = [];
  // Names taken so far, kept as they go: asking uniqueName with the whole list for each of a sheet's
  // 16,384 columns took a minute.
  const taken = new Set<string>();
  for (let c = layout.left; c <= layout.right; c++) {
    const raw = values[layout.headerRow]?.[c] ?? null;
    let text = headerText(raw);
    const why = text === "" ? "a table column needs a name" : "a table's column names must be different";
    if (text === "") text = `Column ${c - layout.left + 1}`;
    const wanted = text;
    for (let n = 2; taken.has(text.toLowerCase()); n++) text = `${wanted} ${n}`;
    taken.add(text.toLowerCase());
    headers.push(text);
    if (text !== raw)
      write(layout.headerRow, c, text, typeof raw === "number" ? "a table's column names are text" : why);
  }

  let addedColumn: number | null = null;
  // 3. Section headings fill an Area column when there is none.
  const sections = layout.sectionRows.map((s) => s.text);
  if (!layout.mapping.has("area") && sections.length > 0 && fields.includes("area")) {
    const col = layout.right + 1;
    const header = uniqueName("Area", headers, (n) => ` ${n}`);
    const column: CellInput[][] = [];
    let current: string | null = null;
    for (let r = layout.headerRow; r <= layout.lastRow; r++) {
      const heading = layout.sectionRows.find((s) => s.row === r);
      if (heading) current = heading.text;
      column.push([r === layout.headerRow ? header : dataRows.has(r) ? current : null]);
    }
    ops.push({
      op: "writeValues",
      sheet: sheet.name,
      row: layout.headerRow,
      col,
      values: column,
      before: cellsBefore(snapshot, sheet.name, layout.headerRow, col, column.length, 1),
    });
    headers.push(header);
    layout.right = col;
    layout.mapping.set("area", col);
    addedColumn = col;
  }

  // 4. Values not in the plan's form: reported, and fixed only when asked.
  const normalisable = findNormalisable(values, layout, options.as, vocabulary, dateSystemOf(snapshot));
  if (options.normalise) {
    for (const item of normalisable) {
      if (item.fix === undefined) continue;
      const { top: row, left: col } = parseRange(item.cell);
      ops.push({
        op: "writeValues",
        sheet: sheet.name,
        row,
        col,
        values: [[item.fix]],
        before: cellsBefore(snapshot, sheet.name, row, col, 1, 1),
      });
    }
  }

  // 5. The table, unless the range already is one.
  const range = tableRange();
  const existing = snapshot.tables.filter((t) => t.sheet === sheet.name && rangesOverlap(t.range, range));
  let table: string;
  if (existing.length === 1 && sameRange(existing[0]!.range, range)) {
    table = existing[0]!.name;
  } else if (existing.length > 0) {
    throw new StructureError(
      `"${sheet.name}" already has a table (${existing.map((t) => t.name).join(", ")}) over part of ${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}; convert it to a range (Table Design › Convert to Range) and try again`,
    );
  } else {
    table = uniqueName(
      PLAN_KIND_SPECS[options.as].tableName,
      snapshot.tables.map((t) => t.name),
      (n) => `${n}`,
    );
    ops.push({ op: "addTable", sheet: sheet.name, name: table, range, style: STRUCTURED_TABLE_STYLE });
  }

  // 6. The plan's validation and formats, on the data rows of the mapped columns.
  const top = layout.headerRow + 1;
  const ruleColumns: RuleColumn[] = [...layout.mapping].flatMap(([field, col]) => {
    const column = planColumn(options.as, field);
    return column ? [{ kind: column.kind, col }] : [];
  });
  ops.push(
    ...columnRuleOps(
      sheet.name,
      top,
      layout.lastRow,
      ruleColumns,
      { rag: vocabulary, statuses: PLAN_KIND_SPECS[options.as].statuses },
      (col) => formatsBefore(snapshot, sheet.name, top, col, layout.lastRow - top + 1, 1),
    ),
  );
  // dd/mm/yyyy is wider than a default column: without room, every date would show as "###".
  const dateColumns = [...layout.mapping].flatMap(([field, col]) => {
    const column = planColumn(options.as, field);
    return column?.kind === "date" ? [{ col, width: column.width }] : [];
  });
  if (dateColumns.length > 0) ops.push({ op: "setColumnWidths", sheet: sheet.name, widths: dateColumns });
  ops.push({
    op: "freezePanes",
    sheet: sheet.name,
    rows: layout.headerRow + 1,
    columns: 0,
    before: { rows: sheet.frozenRows, columns: sheet.frozenColumns },
  });
  // Print-ready: the header row styled directly (a table style prints nowhere but Excel), repeated on
  // every page of an A4 landscape printout fitted to width. Neither is in the snapshot, so undo leaves
  // them (see invert.ts): they change how the sheet looks, never what it holds.
  const label = PLAN_KIND_SPECS[options.as].label;
  ops.push(...headerRowFormatOps(sheet.name, layout.headerRow, layout.left, layout.right), {
    op: "setPrintSetup",
    sheet: sheet.name,
    setup: pageSetupFor(
      {
        title: sheet.name.toLowerCase() === label.toLowerCase() ? label : `${label} – ${sheet.name}`,
        date: ukDateOf(options.now),
      },
      [layout.headerRow, layout.headerRow],
    ),
  });

  const mapping = Object.fromEntries([...layout.mapping].map(([field, col]) => [field, headers[col - layout.left]!]));
  ops.push(
    ...writeMetadataOps(snapshot, {
      ...metadata,
      ...(scale?.kept ? { settings: { ...metadata.settings, rag: vocabulary.slice() } } : {}),
      plans: [
        ...metadata.plans,
        { kind: options.as, sheet: sheet.name, table, createdAt: options.now.toISOString(), columns: mapping },
      ],
    }),
  );

  const mappedColumns = new Set(layout.mapping.values());
  const report: StructureReport = {
    sheet: sheet.name,
    kind: options.as,
    table,
    headerRow: layout.headerRow + 1,
    dataRows: layout.dataRows.length,
    mapping,
    columns: Object.fromEntries([...layout.mapping].map(([field, col]) => [field, columnLetters(col)])),
    unmapped: headers.filter((_, i) => !mappedColumns.has(layout.left + i)),
    headers: headers.map((header, i) => ({ col: layout.left + i, column: columnLetters(layout.left + i), header })),
    addedColumn,
    normalisable,
    normalised: options.normalise ? normalisable.filter((n) => n.fix !== undefined).length : 0,
    sections,
    changes,
    range: `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`,
    scale,
  };
  return {
    patch: { description: `Structure "${sheet.name}" as ${PLAN_KIND_SPECS[options.as].label.toLowerCase()}`, ops },
    report,
  };
}

function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet || sheet.name === METADATA_SHEET) {
    const names = snapshot.sheets
      .filter((s) => s.visibility !== "veryHidden" && s.name !== METADATA_SHEET)
      .map((s) => `"${s.name}"`);
    // A workbook whose every sheet is very hidden once left this sentence ending "the workbook has".
    throw new StructureError(
      names.length === 0
        ? `There is no sheet called "${name}"; the workbook has no sheet that can be shown (every sheet is very hidden), so there is nothing to structure`
        : `There is no sheet called "${name}"; the workbook has ${names.join(", ")}`,
    );
  }
  if (!sheet.values || sheet.values.length === 0)
    throw new StructureError(`"${sheet.name}" is empty: there is nothing to structure`);
  return sheet;
}

/** The rows of a first guess at the table with three or more values: surely data, not a key's lines. */
function fullRows(values: Scalar[][], layout: DetectedLayout): Set<number> {
  return new Set(layout.dataRows.filter((r) => (values[r] ?? []).filter((v) => !isBlank(v)).length >= 3));
}

/** The cells of a first guess at the table that hold its data: mapped columns, in the header row and full rows. */
function dataCells(layout: DetectedLayout, full: Set<number>): (row: number, col: number) => boolean {
  const mapped = new Set(layout.mapping.values());
  return (row, col) => mapped.has(col) && (row === layout.headerRow || full.has(row));
}

/**
 * The sheet's own RAG scale, from its RAG values and its key. It becomes the workbook's scale when it says
 * more than the standard one (a key, or a status such as Amber/Green) and the workbook has no scale yet
 * and no plan made with the standard one, so that a four-colour sheet stays four-colour.
 */
function findScale(
  values: Scalar[][],
  layout: DetectedLayout,
  key: ReturnType<typeof findRagKey>,
  metadata: Metadata,
): StructureScale | null {
  const col = layout.mapping.get("rag");
  const ragValues =
    col === undefined
      ? []
      : layout.dataRows.flatMap((r) => {
          const v = values[r]?.[col];
          return typeof v === "string" && v.trim() !== "" ? [v] : [];
        });
  const found = sheetScale(key.lines, ragValues, workbookVocabulary(metadata));
  if (!found) return null;
  const keyCells = key.cells.map(([r, c]) => cellAddress(r, c));
  const note = !differsFromStandard(found)
    ? "the standard scale holds every status it uses"
    : metadata.settings?.rag
      ? "the workbook has a RAG scale of its own already, which its lists keep"
      : metadata.plans.length > 0
        ? "the workbook's other plans use the standard scale, which its lists keep"
        : undefined;
  return { ...found, keyCells, kept: note === undefined, ...(note ? { note } : {}) };
}

function applyMappingOverride(layout: DetectedLayout, override: StructureOptions["mapping"]): void {
  if (!override) return;
  for (const [field, col] of Object.entries(override) as [PlanField, number | null][]) {
    for (const [other, c] of layout.mapping) if (c === col) layout.mapping.delete(other);
    if (col === null) layout.mapping.delete(field);
    else {
      if (col < layout.left || col > layout.right) {
        throw new StructureError(
          `Column ${columnLetters(col)} is outside the plan's columns ${columnLetters(layout.left)}–${columnLetters(layout.right)}`,
        );
      }
      layout.mapping.set(field, col);
    }
  }
}

function findNormalisable(
  values: Scalar[][],
  layout: DetectedLayout,
  kind: PlanKind,
  vocabulary: readonly RagStatus[],
  system: DateSystem,
): Normalisable[] {
  const found: Normalisable[] = [];
  for (const [field, col] of layout.mapping) {
    for (const row of layout.dataRows) {
      const value = values[row]?.[col] ?? null;
      if (isBlank(value)) continue;
      const cell = cellAddress(row, col);
      if (field === "rag") {
        const reading = readRag(value, vocabulary);
        const concept = conceptOf(value, vocabulary);
        const nearest = reading.status && vocabulary.find((s) => s.label === reading.status)?.concept !== concept;
        if (reading.canonical) continue;
        if (!reading.status) found.push({ cell, field, value, suggestion: null });
        // A status the scale lacks (Amber/Green on a standard scale) is not folded into its neighbour
        // unasked: the nearest is named, and only a person may choose it.
        else if (nearest)
          found.push({
            cell,
            field,
            value,
            suggestion: `none applied: the workbook's scale has no ${standardStatus(concept!).label} (nearest: ${reading.status})`,
          });
        else found.push({ cell, field, value, suggestion: reading.status, fix: reading.status });
      } else if (planColumn(kind, field)?.kind === "status") {
        const status = EVIDENCE_STATUSES.find((s) => s.toLowerCase() === String(value).trim().toLowerCase());
        if (status !== value)
          found.push(
            status ? { cell, field, value, suggestion: status, fix: status } : { cell, field, value, suggestion: null },
          );
      } else if (planColumn(kind, field)?.kind === "date" && typeof value === "string") {
        const serial = parseDateText(value);
        found.push(
          serial === null
            ? { cell, field, value, suggestion: null }
            : {
                cell,
                field,
                value,
                suggestion: `${formatUkDate(dateFromSerial(serial))} as a date`,
                // Written as the workbook counts days: a 1904-system workbook would show a 1900 serial 4 years late.
                fix: workbookSerial(serial, system),
              },
        );
      }
    }
  }
  return found.sort((a, b) => compareCells(a.cell, b.cell));
}

function compareCells(a: string, b: string): number {
  const pa = parseRange(a);
  const pb = parseRange(b);
  return pa.top - pb.top || pa.left - pb.left;
}

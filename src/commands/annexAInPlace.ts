import { dateFromSerial, formatUkDate } from "../domain/dates";
import type { ListReport } from "../domain/annexA/checkList";
import { quoteSheetName } from "../workbook/address";
import { parseRange } from "../workbook/address";
import { cellsBefore, widestRow } from "../workbook/snapshotCells";
import type { CellInput, PatchOp, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { FINDING_HIGHLIGHT } from "../sheets/highlights";
import { emptyMetadata, readMetadata, writeMetadataOps, type Metadata, type PlanRecord } from "../sheets/metadata";
import { uniqueName } from "../sheets/tableLayout";
import { headerRowFormatOps, pageSetupFor } from "../sheets/printLayout";
import { rowHeightFor } from "../sheets/rowHeights";
import { checkAnnexA, type AnnexAOptions, type AnnexAReport } from "./checkAnnexA";

/** What --fix changed, per rule, and what it could not place (codes not read, with the allowed values). */
export interface FixSummary {
  rule: string;
  count: number;
  /** The first few cells changed, as Sheet!A1. */
  cells: string[];
}

export type AnnexAInPlaceReport = AnnexAReport & {
  fixed: number;
  /** Per rule, what --fix changed (empty without --fix). */
  fixes: FixSummary[];
  /** The findings --fix could not put right: codes it could not read, dates it could not read. */
  notFixed: { rule: string; count: number }[];
  findingsSheet: FindingsSheetReport;
};

export const FINDINGS_SHEET = "Annex A findings";
/** The kind of the findings sheet's metadata record: it has no table, so its record names none. */
export const FINDINGS_KIND = "annex-a-findings";
const FINDINGS_HEADER = ["List", "Sheet", "Cell", "Severity", "Rule", "Message"];

/**
 * The workbook's own findings sheet: the one its metadata records (renamed or not), or, in a workbook
 * written before findings sheets were recorded, the sheet of that name that starts with the findings'
 * header. A user's own sheet called "Annex A findings" is neither, and is never written.
 */
export function findingsSheetOf(snapshot: WorkbookSnapshot, metadata: Metadata | null): string | undefined {
  const names = new Map(snapshot.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  for (const record of [...(metadata?.plans ?? [])].reverse()) {
    if (record.kind === FINDINGS_KIND && names.has(record.sheet.toLowerCase()))
      return names.get(record.sheet.toLowerCase());
  }
  const named = snapshot.sheets.find((s) => s.name === FINDINGS_SHEET);
  const header = named?.values?.[0] ?? [];
  return named && FINDINGS_HEADER.every((h, c) => header[c] === h) ? named.name : undefined;
}

/**
 * The Annex A findings written into the workbook: a findings sheet (list, sheet, cell, severity, rule,
 * message) and, on every list sheet, a conditional format that highlights the cells the findings sheet
 * names, so the highlight follows the findings sheet. With `fix`, the values the checks could read are
 * also put in the template's form (codes with their prefix, dates as real dates). Nothing else changes.
 */
export function annexAInPlace(
  snapshot: WorkbookSnapshot,
  options: AnnexAOptions & { fix: boolean },
): { patch: WorkbookPatch; report: AnnexAInPlaceReport } {
  const report = checkAnnexA(snapshot, options);
  const asOf = report.asOf.serial;
  const metadata = readMetadata(snapshot);
  const ops: PatchOp[] = [];
  let fixed = 0;
  const fixes = new Map<string, FixSummary>();
  if (options.fix) {
    for (const finding of report.lists.flatMap((l) => l.findings)) {
      if (!finding.fix) continue;
      const { top, left } = parseRange(finding.fix.cell);
      const formats = finding.rule === "date" ? [["dd/mm/yyyy"]] : null;
      ops.push({
        op: "writeValues",
        sheet: finding.sheet,
        row: top,
        col: left,
        values: [[finding.fix.value]],
        before: cellsBefore(snapshot, finding.sheet, top, left, 1, 1),
      });
      if (formats) {
        const sheet = snapshot.sheets.find((s) => s.name === finding.sheet);
        ops.push({
          op: "setNumberFormats",
          sheet: finding.sheet,
          row: top,
          col: left,
          formats,
          before: [[sheet?.numberFormats?.[top]?.[left] ?? "General"]],
        });
      }
      fixed++;
      const summary = fixes.get(finding.rule) ?? { rule: finding.rule, count: 0, cells: [] };
      summary.count++;
      if (summary.cells.length < 5) summary.cells.push(`${finding.sheet}!${finding.fix.cell}`);
      fixes.set(finding.rule, summary);
    }
  }
  const notFixed = new Map<string, number>();
  if (options.fix)
    for (const finding of report.lists.flatMap((l) => l.findings))
      if (!finding.fix && (finding.rule === "code" || finding.rule === "date"))
        notFixed.set(finding.rule, (notFixed.get(finding.rule) ?? 0) + 1);
  // What remains after the fixes is what the findings sheet lists.
  const remaining = options.fix
    ? report.lists.map((l) => ({ ...l, findings: l.findings.filter((f) => !f.fix) }))
    : report.lists;
  const rows: CellInput[][] = [FINDINGS_HEADER];
  for (const list of remaining)
    for (const f of list.findings) rows.push([list.list, f.sheet, f.cell, f.severity, f.rule, f.message]);
  const existingName = findingsSheetOf(snapshot, metadata);
  const existing = snapshot.sheets.find((s) => s.name === existingName);
  let findingsSheet: FindingsSheetReport;
  if (existing) {
    // Rewritten in place: the six columns of findings only, so columns the user added beside them stay.
    const old = existing.values ?? [];
    const height = Math.max(rows.length, old.length);
    const block = Array.from({ length: height }, (_, r) => Array.from({ length: 6 }, (_, c) => rows[r]?.[c] ?? null));
    const before = cellsBefore(snapshot, existing.name, 0, 0, height, 6);
    const changed = block.flatMap((row, r) => row.filter((v, c) => (before[r]![c] ?? null) !== v).map(() => r)).length;
    ops.push({ op: "writeValues", sheet: existing.name, row: 0, col: 0, values: block, before });
    const oldRows = old.filter((row, r) => r > 0 && row.slice(0, 6).some((v) => v !== null && v !== "")).length;
    findingsSheet = {
      sheet: existing.name,
      updated: true,
      rows: rows.length - 1,
      previousRows: oldRows,
      cellsChanged: changed,
    };
    if (!metadata?.plans.some((p) => p.kind === FINDINGS_KIND))
      ops.push(...recordOps(snapshot, metadata, existing.name, asOf));
  } else {
    // A unique name only where the workbook has a sheet of that name that is not ours (the user's own).
    const sheet = uniqueName(
      FINDINGS_SHEET,
      snapshot.sheets.map((s) => s.name),
      (n) => ` (${n})`,
    );
    ops.push(
      { op: "addSheet", sheet },
      { op: "writeValues", sheet, row: 0, col: 0, values: rows },
      {
        op: "setColumnWidths",
        sheet,
        widths: [
          { col: 0, width: 6 },
          { col: 1, width: 16 },
          { col: 2, width: 8 },
          { col: 3, width: 9 },
          { col: 4, width: 14 },
          { col: 5, width: 90 },
        ],
      },
      { op: "freezePanes", sheet, rows: 1, columns: 0 },
      ...headerRowFormatOps(sheet, 0, 0, 5),
      {
        op: "setWrapText",
        sheet,
        range: { top: 1, left: 0, bottom: Math.max(1, rows.length - 1), right: 5 },
        wrap: true,
      },
      {
        op: "setRowHeights",
        sheet,
        heights: rows
          .map((row, r) => ({
            row: r,
            height: rowHeightFor(
              row,
              [6, 16, 8, 9, 14, 90].map((width) => ({ width })),
              r === 0,
            ),
          }))
          .filter((h) => h.height > 15),
      },
      {
        op: "setPrintSetup",
        sheet,
        setup: pageSetupFor(
          { title: "Annex A findings", date: formatUkDate(dateFromSerial(Math.floor(asOf))) },
          [0, 0],
        ),
      },
    );
    for (const list of report.lists) ops.push(highlight(snapshot, list, sheet));
    ops.push(...recordOps(snapshot, metadata, sheet, asOf));
    findingsSheet = { sheet, updated: false, rows: rows.length - 1, previousRows: 0, cellsChanged: 0 };
  }
  return {
    patch: {
      description: findingsSheet.updated
        ? "Update the Annex A findings in the workbook"
        : "Write the Annex A findings into the workbook",
      ops,
    },
    report: {
      ...report,
      fixed,
      fixes: [...fixes.values()],
      notFixed: [...notFixed].map(([rule, count]) => ({ rule, count })),
      findingsSheet,
    },
  };
}

/** The findings sheet written: made, or rewritten in place (`updated`) with how many findings it held before. */
export interface FindingsSheetReport {
  sheet: string;
  updated: boolean;
  /** Findings listed now. */
  rows: number;
  /** Findings the sheet listed before it was rewritten. */
  previousRows: number;
  /** Cells of the findings' six columns whose contents changed. */
  cellsChanged: number;
}

/** The findings sheet's metadata record, so it is found again by kind (renamed too), never by name. */
function recordOps(snapshot: WorkbookSnapshot, metadata: Metadata | null, sheet: string, asOf: number): PatchOp[] {
  const base = metadata ?? emptyMetadata();
  const record: PlanRecord = {
    kind: FINDINGS_KIND,
    sheet,
    table: "",
    createdAt: dateFromSerial(Math.floor(asOf)).toISOString(),
    columns: {},
  };
  return writeMetadataOps(snapshot, {
    ...base,
    plans: [...base.plans.filter((p) => p.kind !== FINDINGS_KIND), record],
  });
}

function highlight(snapshot: WorkbookSnapshot, list: ListReport, findingsSheet: string): PatchOp {
  const values = snapshot.sheets.find((s) => s.name === list.sheet)?.values ?? [];
  const width = widestRow(values, 1);
  const findings = quoteSheetName(findingsSheet);
  const name = list.sheet.replace(/"/g, '""');
  return {
    op: "addConditionalFormat",
    sheet: list.sheet,
    range: { top: list.headerRow, left: 0, bottom: Math.max(list.headerRow, values.length - 1), right: width - 1 },
    format: {
      type: "expression",
      formula: `=COUNTIFS(${findings}!$B:$B,"${name}",${findings}!$C:$C,ADDRESS(ROW(),COLUMN(),4))>0`,
      style: FINDING_HIGHLIGHT,
    },
  };
}

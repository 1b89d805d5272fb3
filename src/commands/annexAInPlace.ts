import type { ListReport } from "../domain/annexA/checkList";
import { quoteSheetName } from "../workbook/address";
import { parseRange } from "../workbook/address";
import { cellsBefore } from "../workbook/snapshotCells";
import type { CellInput, PatchOp, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { FINDING_HIGHLIGHT } from "../sheets/highlights";
import { uniqueName } from "../sheets/tableLayout";
import { checkAnnexA, type AnnexAReport } from "./checkAnnexA";

export const FINDINGS_SHEET = "Annex A findings";

/**
 * The Annex A findings written into the workbook: a findings sheet (list, sheet, cell, severity, rule,
 * message) and, on every list sheet, a conditional format that highlights the cells the findings sheet
 * names, so the highlight follows the findings sheet. With `fix`, the values the checks could read are
 * also put in the template's form (codes with their prefix, dates as real dates). Nothing else changes.
 */
export function annexAInPlace(
  snapshot: WorkbookSnapshot,
  options: { asOf: number; fix: boolean },
): { patch: WorkbookPatch; report: AnnexAReport & { fixed: number } } {
  const report = checkAnnexA(snapshot, options.asOf);
  const ops: PatchOp[] = [];
  let fixed = 0;
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
    }
  }
  // What remains after the fixes is what the findings sheet lists.
  const remaining = options.fix
    ? report.lists.map((l) => ({ ...l, findings: l.findings.filter((f) => !f.fix) }))
    : report.lists;
  const rows: CellInput[][] = [["List", "Sheet", "Cell", "Severity", "Rule", "Message"]];
  for (const list of remaining)
    for (const f of list.findings) rows.push([list.list, f.sheet, f.cell, f.severity, f.rule, f.message]);
  const existing = snapshot.sheets.find((s) => s.name === FINDINGS_SHEET);
  if (existing) {
    const height = Math.max(rows.length, existing.values?.length ?? 0);
    const block = Array.from({ length: height }, (_, r) => Array.from({ length: 6 }, (_, c) => rows[r]?.[c] ?? null));
    ops.push({
      op: "writeValues",
      sheet: FINDINGS_SHEET,
      row: 0,
      col: 0,
      values: block,
      before: cellsBefore(snapshot, FINDINGS_SHEET, 0, 0, height, 6),
    });
  } else {
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
    );
    for (const list of report.lists) ops.push(highlight(snapshot, list, sheet));
  }
  return { patch: { description: "Write the Annex A findings into the workbook", ops }, report: { ...report, fixed } };
}

function highlight(snapshot: WorkbookSnapshot, list: ListReport, findingsSheet: string): PatchOp {
  const values = snapshot.sheets.find((s) => s.name === list.sheet)?.values ?? [];
  const width = Math.max(1, ...values.map((r) => r.length));
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

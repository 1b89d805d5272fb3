import type { Framework } from "../domain/framework";
import { project, type Position, type Projection } from "../domain/projection/project";
import { isBlankValue } from "../domain/validation/planRow";
import { writeMetadataOps } from "../sheets/metadata";
import { readPlans, type WorkbookPlans } from "../sheets/planTables";
import { SUMMARY_SHEET, summaryValues } from "../sheets/summarySheet";
import { uniqueName } from "../sheets/tableLayout";
import { cellsBefore } from "../workbook/snapshotCells";
import type { CellInput, PatchOp, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { UserError } from "../domain/userError";

export class ProjectError extends UserError {}

export interface ProjectOptions {
  /** Project against this framework; otherwise the self-evaluation's own, through `resolve`. */
  framework?: Framework;
  resolve: (id: string) => Framework | undefined;
  /** The grade to aim for, by label or id ("Good"); the framework's target when absent. */
  target?: string;
  /** Also write (or rewrite) the Summary sheet of live formulas. */
  write?: boolean;
}

export const projectQuery = { sheets: "all" as const };

/**
 * Projects each judgement's grade from the self-evaluation, with its reasons and the path to the target
 * grade; with `write`, lays the same projection into the workbook as a Summary sheet of formulas.
 */
export function projectWorkbook(
  snapshot: WorkbookSnapshot,
  options: ProjectOptions,
  /** The plans, where the caller has read them already from the same snapshot. */
  workbook: WorkbookPlans = readPlans(snapshot),
): { patch: WorkbookPatch; report: Projection } {
  const { metadata } = workbook;
  const plan = workbook.first("self-evaluation");
  if (!metadata || !plan) {
    throw new ProjectError(
      "This workbook has no self-evaluation to project from: create plan sheets with a self-evaluation first",
    );
  }
  const { record, table } = plan;
  const framework = options.framework ?? (record.frameworkId ? options.resolve(record.frameworkId) : undefined);
  if (!framework) {
    throw new ProjectError(
      record.frameworkId
        ? `The self-evaluation follows the framework "${record.frameworkId}", which this version does not know; project with that framework's own file`
        : "The self-evaluation follows no framework; project with one chosen for it",
    );
  }
  const refCol = plan.column("ref");
  const positionCol = plan.column("rag");
  if (refCol === undefined || positionCol === undefined) {
    throw new ProjectError(
      `The self-evaluation table "${table.name}" has lost its "${record.columns.ref}" or "${record.columns.rag}" column`,
    );
  }
  const target = options.target === undefined ? undefined : gradeId(framework, options.target);
  const positions = new Map<string, Position>();
  for (let r = plan.firstRow; r <= plan.lastRow; r++) {
    const ref = plan.cell(r, refCol);
    if (isBlankValue(ref)) continue;
    const key = String(ref).toLowerCase();
    // The first row with a ref counts, as Excel's MATCH in the Summary sheet finds it.
    if (!positions.has(key)) positions.set(key, { value: plan.cell(r, positionCol), cell: plan.where(r, "rag") });
  }
  const { vocabulary } = workbook;
  const report = project(framework, positions, vocabulary, target);
  if (!options.write) return { patch: { description: "Project the judgements", ops: [] }, report };

  const layout = summaryValues(framework, vocabulary, {
    sheet: table.sheet,
    refCol,
    positionCol,
    top: table.range.top + 1,
    bottom: table.range.bottom,
  });
  const existingName = metadata.settings?.summarySheet;
  const existing = existingName ? snapshot.sheets.find((s) => s.name === existingName) : undefined;
  const ops: PatchOp[] = [];
  let sheet: string;
  if (existing) {
    sheet = existing.name;
    // Rewrite the block, clearing what the last summary had beyond it, and record every cell for Undo.
    const height = Math.max(layout.values.length, existing.values?.length ?? 0);
    const width = Math.max(...layout.values.map((r) => r.length), ...(existing.values ?? []).map((r) => r.length), 1);
    const block: CellInput[][] = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => layout.values[r]?.[c] ?? null),
    );
    ops.push({
      op: "writeValues",
      sheet,
      row: 0,
      col: 0,
      values: block,
      before: cellsBefore(snapshot, sheet, 0, 0, height, width),
    });
  } else {
    sheet = uniqueName(
      SUMMARY_SHEET,
      snapshot.sheets.map((s) => s.name),
      (n) => ` (${n})`,
    );
    const width = Math.max(...layout.values.map((r) => r.length));
    ops.push(
      { op: "addSheet", sheet },
      {
        op: "writeValues",
        sheet,
        row: 0,
        col: 0,
        values: layout.values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)),
      },
      {
        op: "setColumnWidths",
        sheet,
        widths: layout.values[3]!.map((_, col) => ({
          col,
          width: col === 0 ? 40 : col === layout.columns.reasons ? 48 : col === layout.columns.grade ? 26 : 12,
        })),
      },
      {
        op: "setNumberFormats",
        sheet,
        row: 4,
        col: layout.columns.coverage,
        formats: [...layout.judgementRows.keys()].map(() => ["0%"]),
      },
      { op: "freezePanes", sheet, rows: 4, columns: 1 },
      {
        op: "addChart",
        sheet,
        name: "RAG by judgement",
        // Judgement names and the RAG counts beside them, header included.
        source: { top: 3, left: 0, bottom: 3 + layout.judgementRows.size, right: vocabulary.length },
        title: "Criteria by RAG, per judgement",
      },
      {
        op: "setPrintSetup",
        sheet,
        setup: {
          orientation: "landscape",
          paper: "A4",
          fitToWidth: true,
          repeatRows: [3, 3],
          centreFooter: "Page &P of &N",
        },
      },
    );
    ops.push(...writeMetadataOps(snapshot, { ...metadata, settings: { ...metadata.settings, summarySheet: sheet } }));
  }
  return { patch: { description: `Write the projected judgements to "${sheet}"`, ops }, report };
}

/** A grade by its label or id, in any case; unknown grades are refused with the scale's labels. */
export function gradeId(framework: Framework, text: string): string {
  const wanted = text.trim().toLowerCase();
  const grade = framework.scale.grades.find((g) => g.id === wanted || g.label.toLowerCase() === wanted);
  if (!grade) {
    throw new ProjectError(
      `"${text}" is not a grade of ${framework.name}; the grades are ${framework.scale.grades.map((g) => g.label).join(", ")}`,
    );
  }
  return grade.id;
}

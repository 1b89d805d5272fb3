import type { Framework } from "../domain/framework";
import { normaliseArea } from "../domain/projection/judgementWords";
import {
  frameworkFromActions,
  PLAN_METHOD,
  themesOf,
  type AreaChoices,
  type AreaMatch,
  type PlanAction,
  type Theme,
  type UnmatchedAction,
} from "../domain/projection/planProjection";
import { project, type Position, type Projection } from "../domain/projection/project";
import { isBlankValue } from "../domain/validation/planRow";
import { METADATA_SHEET, writeMetadataOps } from "../sheets/metadata";
import { readPlans, type PlanTable, type WorkbookPlans } from "../sheets/planTables";
import { SUMMARY_SHEET, summaryFormatOps, summaryValues, type PositionSource } from "../sheets/summarySheet";
import { pageSetupFor } from "../sheets/printLayout";
import { ukDateOf } from "../domain/dates";
import { columnLetters, parseRange, quoteSheetName } from "../workbook/address";
import { uniqueName } from "../sheets/tableLayout";
import { cellsBefore, widestRow } from "../workbook/snapshotCells";
import type { CellInput, PatchOp, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";
import { UserError } from "../domain/userError";

export class ProjectError extends UserError {}

export interface ProjectOptions {
  /** Project against this framework; otherwise the plan's own, through `resolve`. */
  framework?: Framework;
  resolve: (id: string) => Framework | undefined;
  /** The grade to aim for, by label or id ("Good"); the framework's target when absent. */
  target?: string;
  /** Also write (or rewrite) the Summary sheet of live formulas. */
  write?: boolean;
  /**
   * For an action plan: which judgement each area of the plan stands for, where the user corrects the
   * match (area → judgement id, or null for none). Stored with the plan when written, and used after.
   */
  areas?: AreaChoices;
  /** When the command runs: the date the Summary prints in its page header (today where absent). */
  now?: Date;
}

/** A projection, and for an action plan how its areas were matched, what matched nothing, and its themes. */
export interface ProjectReport extends Projection {
  /** The plan the positions came from. */
  source: { kind: "self-evaluation" | "action-plan"; sheet: string; table: string };
  /** How the grades were worked out from the plan, where it is not a self-evaluation's positions. */
  method?: string;
  /** Each area of an action plan and the judgement it was matched to (null: none). */
  matches?: AreaMatch[];
  /** Actions whose area matches no judgement: reported, never dropped. */
  unmatched?: UnmatchedAction[];
  /** The plan's own areas or themes with their RAG counts. */
  themes?: Theme[];
  /** Plans the workbook records whose table or sheet has gone: errors, so the projection may rest on less. */
  missing?: { sheet: string; table: string; kind: string; message: string }[];
}

export const projectQuery = { sheets: "all" as const };

/** What a projection rests on: the framework it grades against, and where the Summary finds each position. */
interface Projected {
  report: ProjectReport;
  framework: Framework;
  source: PositionSource;
}

/**
 * Projects each judgement's grade from the self-evaluation, or where the workbook has none from the action
 * plan, with its reasons and the path to the target grade; with `write`, lays the same projection into the
 * workbook as a Summary sheet of formulas.
 */
export function projectWorkbook(
  snapshot: WorkbookSnapshot,
  options: ProjectOptions,
  /** The plans, where the caller has read them already from the same snapshot. */
  workbook: WorkbookPlans = readPlans(snapshot),
): { patch: WorkbookPatch; report: ProjectReport } {
  const missing = workbook.missing.map((m) => ({
    sheet: m.record.sheet,
    table: m.record.table,
    kind: m.record.kind,
    message: m.message,
  }));
  const projected = projectPlans(snapshot, options, workbook);
  return missing.length === 0 ? projected : { ...projected, report: { ...projected.report, missing } };
}

function projectPlans(
  snapshot: WorkbookSnapshot,
  options: ProjectOptions,
  workbook: WorkbookPlans,
): { patch: WorkbookPatch; report: ProjectReport } {
  const { metadata } = workbook;
  const selfEvaluation = workbook.first("self-evaluation");
  const actionPlan = workbook.first("action-plan");
  if (!metadata || (!selfEvaluation && !actionPlan)) {
    const gone = workbook.missing.filter((m) => m.record.kind !== "evidence").map((m) => m.message);
    throw new ProjectError(
      gone.length > 0
        ? `Nothing to project from: ${gone.join("; ")}`
        : "This workbook has no self-evaluation to project from, nor an action plan: create plan sheets, or structure the plan you already have, first",
    );
  }
  const plan = (selfEvaluation ?? actionPlan)!;
  const framework =
    options.framework ?? (plan.record.frameworkId ? options.resolve(plan.record.frameworkId) : undefined);
  if (!framework && plan.record.frameworkId) {
    throw new ProjectError(
      `The ${plan.spec.label.toLowerCase()} follows the framework "${plan.record.frameworkId}", which this version does not know; project with that framework's own file`,
    );
  }
  if (!framework && selfEvaluation) {
    throw new ProjectError("The self-evaluation follows no framework; project with one chosen for it");
  }
  const projected = selfEvaluation
    ? fromSelfEvaluation(selfEvaluation, framework!, workbook, options)
    : fromActionPlan(actionPlan!, framework, workbook, options);
  if (!projected && options.write) {
    throw new ProjectError(
      `The action plan "${actionPlan!.sheet}" follows no framework, so there are no grades for a Summary sheet: project it with a framework (--framework ID) to match its areas to that framework's judgements`,
    );
  }
  if (!projected) {
    return { patch: { description: "Project the plan's themes", ops: [] }, report: themesOnly(actionPlan!, workbook) };
  }
  const { report } = projected;
  if (!options.write) return { patch: { description: "Project the judgements", ops: [] }, report };

  const layout = summaryValues(projected.framework, workbook.vocabulary, projected.source);
  const vocabulary = workbook.vocabulary;
  const existingName = metadata.settings?.summarySheet;
  // The records name the last summary's sheet; a name edited by hand to a sheet the add-in keeps other
  // things on (a plan, its records) is not a summary to write over: a new one is made instead.
  const existing =
    existingName && isSummaryCandidate(snapshot, metadata, existingName)
      ? snapshot.sheets.find((s) => s.name === existingName)
      : undefined;
  const ops: PatchOp[] = [];
  const page = {
    title: `Projected judgements – ${projected.framework.name}`,
    date: ukDateOf(options.now ?? new Date()),
  };
  let sheet: string;
  if (existing) {
    sheet = existing.name;
    // Rewrite the block, clearing what the last summary had beyond it, and record every cell for Undo.
    const height = Math.max(layout.values.length, existing.values?.length ?? 0);
    const width = widestRow([...layout.values, ...(existing.values ?? [])], 1);
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
    // The page header carries today's date; the layout and its formats are the sheet's own already.
    const setup = pageSetupFor(page, [3, 3]);
    ops.push({ op: "setPrintSetup", sheet, setup, before: setup });
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
      ...summaryFormatOps(
        sheet,
        layout,
        [...vocabulary.map((s) => s.label), ...projected.framework.scale.grades.map((g) => g.label)],
        page,
      ),
    );
  }
  const plans = options.areas
    ? metadata.plans.map((r) =>
        r === plan.record ? { ...r, areas: { ...r.areas, ...normalisedChoices(options.areas) } } : r,
      )
    : metadata.plans;
  if (!existing || options.areas) {
    ops.push(
      ...writeMetadataOps(snapshot, { ...metadata, plans, settings: { ...metadata.settings, summarySheet: sheet } }),
    );
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

function fromSelfEvaluation(
  plan: PlanTable,
  framework: Framework,
  workbook: WorkbookPlans,
  options: ProjectOptions,
): Projected {
  const { record, table } = plan;
  const refCol = plan.column("ref");
  const positionCol = plan.column("rag");
  if (refCol === undefined || positionCol === undefined) {
    throw new ProjectError(
      `The self-evaluation table "${table.name}" has lost its "${record.columns.ref ?? "Ref"}" or "${record.columns.rag ?? "Position"}" column`,
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
  const report: ProjectReport = {
    ...project(framework, positions, workbook.vocabulary, target),
    source: { kind: "self-evaluation", sheet: plan.sheet, table: table.name },
  };
  return {
    report,
    framework,
    source: { sheet: table.sheet, refCol, positionCol, top: table.range.top + 1, bottom: table.range.bottom },
  };
}

/** The action plan's rows as the projection reads them: ref, area (or judgement) and RAG. */
/** An action has a RAG or says what is to be done; a row with neither is a heading or a note. */
export function isActionRow(row: ReturnType<PlanTable["rows"]>[number]): boolean {
  return !isBlankValue(row.value("rag")) || !isBlankValue(row.value("action")) || !isBlankValue(row.value("criterion"));
}

/** The actions of an action plan as the projection reads them. */
export function actionsOf(plan: PlanTable): PlanAction[] {
  if (plan.column("rag") === undefined) {
    throw new ProjectError(
      `The action plan table "${plan.table.name}" has no "${plan.record.columns.rag ?? "RAG"}" column any more, so there is nothing to project from`,
    );
  }
  const areaField = plan.column("area") !== undefined ? "area" : "judgement";
  return plan
    .rows()
    .filter(isActionRow)
    .map((row) => {
      const ref = row.value("ref");
      const area = row.value(areaField);
      return {
        ref: isBlankValue(ref) ? null : String(ref).trim(),
        area: isBlankValue(area) ? null : String(area).trim(),
        value: row.value("rag"),
        cell: `${plan.sheet}!${row.address("rag")}`,
        row: row.rowNumber,
      };
    });
}

function fromActionPlan(
  plan: PlanTable,
  framework: Framework | undefined,
  workbook: WorkbookPlans,
  options: ProjectOptions,
): Projected | null {
  if (!framework) return null;
  const actions = actionsOf(plan);
  const choices = { ...plan.record.areas, ...normalisedChoices(options.areas) };
  for (const [area, id] of Object.entries(options.areas ?? {})) {
    if (id !== null && !framework.judgements.some((j) => j.id === id && j.kind !== "overall")) {
      throw new ProjectError(
        `"${id}" (for the area "${area}") is not a judgement of ${framework.name}; its judgements are ${framework.judgements
          .filter((j) => j.kind !== "overall")
          .map((j) => j.id)
          .join(", ")}`,
      );
    }
  }
  const { derived, positions, matches, unmatched, cells } = frameworkFromActions(framework, actions, choices);
  const target = options.target === undefined ? undefined : gradeId(framework, options.target);
  const projection = project(derived, positions, workbook.vocabulary, target);
  const method = { text: PLAN_METHOD, cells: [] };
  const report: ProjectReport = {
    ...projection,
    judgements: projection.judgements.map((j) => ({ ...j, reasons: [method, ...j.reasons] })),
    source: { kind: "action-plan", sheet: plan.sheet, table: plan.table.name },
    method: PLAN_METHOD,
    matches,
    unmatched,
    themes: themesOf(actions, workbook.vocabulary),
  };
  const absolute = new Map(
    [...cells].map(([ref, cell]) => {
      const { top, left } = parseRange(cell.slice(cell.lastIndexOf("!") + 1));
      return [ref, `${quoteSheetName(plan.sheet)}!$${columnLetters(left)}$${top + 1}`] as const;
    }),
  );
  const rag = plan.column("rag")!;
  return {
    report,
    framework: derived,
    source: {
      sheet: plan.sheet,
      refCol: rag,
      positionCol: rag,
      top: plan.firstRow,
      bottom: plan.lastRow,
      cells: absolute,
    },
  };
}

/** A plan that follows no framework: its themes' RAG counts, and plainly no grade. */
function themesOnly(plan: PlanTable, workbook: WorkbookPlans): ProjectReport {
  const actions = actionsOf(plan);
  return {
    framework: { id: "", version: "", name: "No framework" },
    target: "",
    judgements: [],
    overall: {
      applies: false,
      grade: null,
      gradeId: null,
      score: null,
      reasons: [
        {
          text: "No grade is projected: the action plan follows no framework. Its themes' RAG counts are below; project with a framework to match its areas to that framework's judgements.",
          cells: [],
        },
      ],
    },
    source: { kind: "action-plan", sheet: plan.sheet, table: plan.table.name },
    themes: themesOf(actions, workbook.vocabulary),
    matches: [],
    unmatched: [],
  };
}

/** The user's choices keyed as matching reads them (areas normalised). */
function normalisedChoices(choices: AreaChoices | undefined): AreaChoices {
  return Object.fromEntries(Object.entries(choices ?? {}).map(([area, id]) => [normaliseArea(area), id]));
}

/** True when `name` may hold a summary: not the records sheet, no plan on it and no table of any kind. */
function isSummaryCandidate(
  snapshot: WorkbookSnapshot,
  metadata: { plans: { sheet: string }[] },
  name: string,
): boolean {
  const same = (other: string) => other.toLowerCase() === name.toLowerCase();
  return (
    !same(METADATA_SHEET) && !metadata.plans.some((p) => same(p.sheet)) && !snapshot.tables.some((t) => same(t.sheet))
  );
}

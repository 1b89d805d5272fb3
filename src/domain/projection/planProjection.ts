import type { Criterion, Framework, Judgement } from "../framework";
import { statusOf, type RagStatus } from "../rag";
import type { CellValue } from "../validation/planRow";
import { matchArea, normaliseArea, type MatchHow } from "./judgementWords";
import type { Position } from "./project";

/**
 * Projecting from an action plan, the plan most councils hold: one row per action with a RAG, grouped by
 * judgement, area or theme. Each action counts once, on the same scoring table as a self-evaluation's
 * positions; an action whose ref is one of the framework's criteria takes that criterion's judgement,
 * weight and critical flag, and any other action the judgement its area names (matched by the
 * judgement's name or the words councils use for it, or as the user chose). Rows that match no judgement
 * are reported, never dropped.
 */

/** One action of a plan as the projection reads it. */
export interface PlanAction {
  ref: string | null;
  /** The row's judgement, area or theme, as the plan writes it. */
  area: string | null;
  /** The RAG (or a grade) as typed. */
  value: CellValue;
  /** "Action plan!G12": the RAG cell. */
  cell: string;
  /** 1-based row of the sheet. */
  row: number;
}

/** How each area of the plan was matched, for the report and for the user to correct. */
export interface AreaMatch {
  area: string;
  judgement: string | null;
  name: string | null;
  how: MatchHow | "none";
  rows: number;
}

export interface UnmatchedAction {
  cell: string;
  ref: string | null;
  area: string | null;
}

export const PLAN_METHOD =
  "From the action plan's RAG ratings: each action counts once, scored as a self-evaluation's position would be (complete 4, on track 3, amber/green 2.5, at risk 2, off track 1); an action whose ref is a framework criterion takes that criterion's judgement, weight and critical flag.";

/** The user's choices, by area as normalised: a judgement id, or null for "matches no judgement". */
export type AreaChoices = Record<string, string | null>;

/**
 * The framework as the plan's actions make it: each judgement's criteria are its actions (keyed
 * "HP-04 (row 12)" or "Row 12"), so the engine that projects a self-evaluation projects the plan.
 */
export function frameworkFromActions(
  framework: Framework,
  actions: readonly PlanAction[],
  choices: AreaChoices = {},
): {
  derived: Framework;
  positions: Map<string, Position>;
  matches: AreaMatch[];
  unmatched: UnmatchedAction[];
  /** The position cell of each derived criterion, by its ref, for the Summary sheet's formulas. */
  cells: Map<string, string>;
} {
  const criteria = new Map<string, { judgement: Judgement; criterion: Criterion }>();
  for (const judgement of framework.judgements) {
    for (const criterion of judgement.criteria) criteria.set(criterion.ref.toLowerCase(), { judgement, criterion });
  }
  const byJudgement = new Map<string, Criterion[]>(framework.judgements.map((j) => [j.id, []]));
  const positions = new Map<string, Position>();
  const cells = new Map<string, string>();
  const matches = new Map<string, AreaMatch>();
  const unmatched: UnmatchedAction[] = [];

  for (const action of actions) {
    const known = action.ref ? criteria.get(action.ref.trim().toLowerCase()) : undefined;
    let judgement = known?.judgement;
    if (!judgement) {
      const area = action.area?.trim() ?? "";
      const key = normaliseArea(area);
      let match = matches.get(key);
      if (!match) {
        match = areaMatch(framework, area, key, choices);
        if (area) matches.set(key, match);
      }
      match.rows += area ? 1 : 0;
      judgement = match.judgement ? framework.judgements.find((j) => j.id === match!.judgement) : undefined;
    }
    if (!judgement) {
      unmatched.push({ cell: action.cell, ref: action.ref, area: action.area });
      continue;
    }
    const ref = action.ref ? `${action.ref.trim()} (row ${action.row})` : `Row ${action.row}`;
    byJudgement.get(judgement.id)!.push({
      ref,
      text: known?.criterion.text ?? action.area ?? ref,
      sources: known?.criterion.sources ?? judgement.sources,
      confidence: known?.criterion.confidence ?? judgement.confidence,
      ...(known?.criterion.weight ? { weight: known.criterion.weight } : {}),
      ...(known?.criterion.critical ? { critical: true } : {}),
    });
    positions.set(ref.toLowerCase(), { value: action.value, cell: action.cell });
    cells.set(ref, action.cell);
  }

  const derived: Framework = {
    ...framework,
    judgements: framework.judgements.map((j) =>
      j.kind === "overall" ? j : { ...j, criteria: byJudgement.get(j.id) ?? [] },
    ),
  };
  return { derived, positions, matches: [...matches.values()], unmatched, cells };
}

function areaMatch(framework: Framework, area: string, key: string, choices: AreaChoices): AreaMatch {
  if (key in choices) {
    const id = choices[key] ?? null;
    const chosen = id ? framework.judgements.find((j) => j.id === id) : undefined;
    return {
      area,
      judgement: chosen?.id ?? null,
      name: chosen?.name ?? null,
      how: chosen ? "chosen" : "none",
      rows: 0,
    };
  }
  const found = matchArea(framework, area);
  return found
    ? { area, judgement: found.judgement.id, name: found.judgement.name, how: found.how, rows: 0 }
    : { area, judgement: null, name: null, how: "none", rows: 0 };
}

/** A plan's own theme: its RAG counts and the cells of its actions. */
export interface Theme {
  name: string;
  counts: Record<string, number>;
  rows: string[];
}

/** The plan's actions grouped by their area or theme, in the order they first appear, with RAG counts. */
export function themesOf(actions: readonly PlanAction[], vocabulary: readonly RagStatus[]): Theme[] {
  const themes = new Map<string, Theme>();
  for (const action of actions) {
    const name = action.area?.trim() || "No area given";
    let theme = themes.get(name.toLowerCase());
    if (!theme) {
      theme = { name, counts: { ...Object.fromEntries(vocabulary.map((s) => [s.label, 0])), "No RAG": 0 }, rows: [] };
      themes.set(name.toLowerCase(), theme);
    }
    const status = statusOf(action.value, vocabulary);
    theme.counts[status ? status.label : "No RAG"]!++;
    theme.rows.push(action.cell);
  }
  return [...themes.values()];
}

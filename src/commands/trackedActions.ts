import type { Framework, Judgement } from "../domain/framework";
import { parseDateText } from "../domain/dates";
import { matchArea, normaliseArea } from "../domain/projection/judgementWords";
import { conceptOf, readRag, type RagStatus } from "../domain/rag";
import { actionKey, uniqueKeys, type TrackedAction } from "../domain/progress/trackedAction";
import type { CellValue } from "../domain/validation/planRow";
import type { PlanTable } from "../sheets/planTables";
import { serial1900, type DateSystem } from "../workbook/serialDates";
import { isActionRow } from "./projectWorkbook";

/** The group of actions whose area names no judgement and that have no area of their own. */
export const NO_AREA = "No area given";

/**
 * The actions of an action plan as the pack and the roll-up count them. Each is reported under its
 * framework judgement where its ref is a criterion or its area names one (as the projection matches
 * them, the user's choices included), else under the plan's own area or theme. A RAG typed in other words
 * ("Complete - awaiting sign off", "G") is read as the status it means, as the checks suggest it.
 */
export function trackedActions(
  plan: PlanTable,
  vocabulary: readonly RagStatus[],
  framework: Framework | undefined,
  /** The workbook's date system: its date cells are read as the domain counts them, in the 1900 one. */
  system: DateSystem = "1900",
): TrackedAction[] {
  const dayZero = serial1900(0, system);
  const group = groupFinder(framework, plan.record.areas ?? {});
  const actions = plan
    .rows()
    .filter(isActionRow)
    .map((row): TrackedAction => {
      const ref = text(row.value("ref"));
      const action = text(row.value("action")) ?? text(row.value("criterion")) ?? "";
      const rag = row.value("rag");
      const status = readRag(rag, vocabulary).status;
      const concept = conceptOf(rag, vocabulary) ?? vocabulary.find((s) => s.label === status)?.concept ?? null;
      return {
        key: actionKey(ref, action),
        ref,
        action,
        group: group(ref, text(row.value("area")) ?? text(row.value("judgement"))),
        district: text(row.value("district")),
        lead: text(row.value("lead")),
        update: text(row.value("progress")),
        due: dateOf(row.value("due"), dayZero),
        updated: dateOf(row.value("updated"), dayZero),
        status,
        concept,
        cell: `${row.sheet}!${row.address("rag")}`,
      };
    });
  return uniqueKeys(actions);
}

/** The group name for an action: its judgement's name where one is found, else its own area. */
function groupFinder(
  framework: Framework | undefined,
  choices: Record<string, string | null>,
): (ref: string | null, area: string | null) => string {
  const byRef = new Map<string, Judgement>();
  for (const judgement of framework?.judgements ?? []) {
    for (const criterion of judgement.criteria) byRef.set(criterion.ref.toLowerCase(), judgement);
  }
  // A plan repeats a few areas over many rows: each is matched once.
  const byArea = new Map<string, string>();
  const areaGroup = (area: string): string => {
    let group = byArea.get(area);
    if (group === undefined) {
      group = matchedArea(area);
      byArea.set(area, group);
    }
    return group;
  };
  const matchedArea = (area: string): string => {
    if (framework) {
      const key = normaliseArea(area);
      if (key in choices) {
        const chosen = framework.judgements.find((j) => j.id === choices[key]);
        return chosen?.name ?? area;
      }
      return matchArea(framework, area)?.judgement.name ?? area;
    }
    return area;
  };
  return (ref, area) => {
    const known = ref ? byRef.get(ref.trim().toLowerCase()) : undefined;
    if (known) return known.name;
    return area ? areaGroup(area) : NO_AREA;
  };
}

function text(value: CellValue): string | null {
  if (value === null) return null;
  const t = String(value).trim();
  return t === "" ? null : t;
}

function dateOf(value: CellValue, dayZero: number): number | null {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return value + dayZero;
  if (typeof value === "string") return parseDateText(value);
  return null;
}

import type { Framework } from "../domain/framework";
import type { RagStatus } from "../domain/rag";
import { METADATA_SHEET, workbookVocabulary } from "../sheets/metadata";
import { readPlans, type WorkbookPlans } from "../sheets/planTables";
import type { SnapshotQuery, WorkbookSnapshot } from "../workbook/types";
import { isEstimatedOnsite } from "./inspectionForm";

/** What the add-in's own records say about the workbook, for the pane's sections. */
export interface WorkbookFacts {
  /** The framework the self-evaluation was made from, where the workbook has one. */
  selfEvaluationFramework: string | null;
  /** The framework of the workbook's plans: the self-evaluation's, else the first plan's that names one. */
  planFramework: string | null;
  /** Every sheet the add-in manages (plans, timeline, checklist): what live checking watches. */
  managedSheets: string[];
  /**
   * The inspection's dates as saved with the timeline (Excel serials), the framework it was made for,
   * and whether the on-site start is the estimate the framework's usual notice gives (so the pane leaves
   * it blank, and making the sheets again keeps flagging it as an estimate).
   */
  inspection: {
    notified: number;
    onsite: number;
    type: string;
    framework: string | null;
    onsiteEstimated: boolean;
  } | null;
  vocabulary: readonly RagStatus[];
}

export const NO_FACTS: WorkbookFacts = {
  selfEvaluationFramework: null,
  planFramework: null,
  managedSheets: [],
  inspection: null,
  vocabulary: workbookVocabulary(null),
};

export const factsQuery: SnapshotQuery = { sheets: [METADATA_SHEET] };

/** The facts, from the metadata sheet alone; a workbook whose records cannot be read has none. */
export function readFacts(
  snapshot: WorkbookSnapshot,
  resolve: (id: string) => Framework | undefined = () => undefined,
): { report: WorkbookFacts } {
  let plans: WorkbookPlans;
  try {
    plans = readPlans(snapshot);
  } catch {
    return { report: NO_FACTS };
  }
  return { report: factsOf(plans, resolve) };
}

/** The facts from plans already read, so a caller that has them reads the metadata once. */
export function factsOf(plans: WorkbookPlans, resolve: (id: string) => Framework | undefined): WorkbookFacts {
  const { metadata } = plans;
  if (!metadata) return NO_FACTS;
  const selfEvaluation = metadata.plans.find((p) => p.kind === "self-evaluation" && p.frameworkId);
  const timeline = [...metadata.plans].reverse().find((p) => p.kind === "timeline");
  const saved = metadata.settings?.inspection;
  const framework = timeline?.frameworkId ?? null;
  const known = framework ? resolve(framework) : undefined;
  return {
    selfEvaluationFramework: selfEvaluation?.frameworkId ?? null,
    planFramework: selfEvaluation?.frameworkId ?? metadata.plans.find((p) => p.frameworkId)?.frameworkId ?? null,
    managedSheets: [...new Set(metadata.plans.map((p) => p.sheet))],
    inspection: saved
      ? { ...saved, framework, onsiteEstimated: known ? isEstimatedOnsite(known, saved) : false }
      : null,
    vocabulary: plans.vocabulary,
  };
}

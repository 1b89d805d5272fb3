import type { RagStatus } from "../../domain/rag";
import { METADATA_SHEET, readMetadata, workbookVocabulary } from "../../sheets/metadata";
import type { SnapshotQuery, WorkbookSnapshot } from "../../workbook/types";

/** What the add-in's own records say about the workbook, for the sections that follow it. */
export interface WorkbookFacts {
  /** The framework the self-evaluation was made from, where the workbook has one. */
  selfEvaluationFramework: string | null;
  /** The framework of the workbook's plans: the self-evaluation's, else the first plan's that names one. */
  planFramework: string | null;
  /** Every sheet the add-in manages (plans, timeline, checklist). */
  managedSheets: string[];
  /** The inspection's dates as saved with the timeline (Excel serials), and the framework it was made for. */
  inspection: { notified: number; onsite: number; type: string; framework: string | null } | null;
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
export function readFacts(snapshot: WorkbookSnapshot): { report: WorkbookFacts } {
  let metadata;
  try {
    metadata = readMetadata(snapshot);
  } catch {
    return { report: NO_FACTS };
  }
  if (!metadata) return { report: NO_FACTS };
  const selfEvaluation = metadata.plans.find((p) => p.kind === "self-evaluation" && p.frameworkId);
  const timeline = [...metadata.plans].reverse().find((p) => p.kind === "timeline");
  const saved = metadata.settings?.inspection;
  return {
    report: {
      selfEvaluationFramework: selfEvaluation?.frameworkId ?? null,
      planFramework: selfEvaluation?.frameworkId ?? metadata.plans.find((p) => p.frameworkId)?.frameworkId ?? null,
      managedSheets: [...new Set(metadata.plans.map((p) => p.sheet))],
      inspection: saved ? { ...saved, framework: timeline?.frameworkId ?? null } : null,
      vocabulary: workbookVocabulary(metadata),
    },
  };
}

import { defaultRagVocabulary, type RagStatus } from "../domain/rag";
import type { CellInput, PatchOp, Scalar, WorkbookSnapshot } from "../workbook/types";
import { UserError } from "../domain/userError";
import { checkPlanRecord, checkSettings } from "./metadataSchema";

/**
 * The add-in's own records live in a very hidden sheet of the workbook itself (the workbook is the
 * database): Excel, ExcelJS and LibreOffice all keep such a sheet, so a workbook made by the CLI opens in
 * the add-in and the other way round. One record a row: column A the key, column B its JSON.
 */
export const METADATA_SHEET = "_InspectionReady";
export const SCHEMA_VERSION = 1;

export interface PlanRecord {
  kind: string;
  sheet: string;
  table: string;
  /** The framework the plan was made from; absent for a sheet the user made and we structured. */
  frameworkId?: string;
  frameworkVersion?: string;
  /** ISO timestamp. */
  createdAt: string;
  /** ISO timestamp of the last refresh to a newer framework version. */
  refreshedAt?: string;
  /** Field → header as written, so readers can find columns after users rename or reorder them. */
  columns: Record<string, string>;
  /**
   * For an action plan: the judgement (by id) each of its areas stands for, where the user chose it
   * (area as normalised → judgement id, or null for none), so every later projection uses the choice.
   */
  areas?: Record<string, string | null>;
}

/** Choices a council makes once per workbook. */
export interface WorkbookSettings {
  /** Days without an update before a row is reported. */
  staleDays?: number;
  /** The workbook's RAG scale, when it is not the standard one. */
  rag?: RagStatus[];
  /** The sheet the projected judgements were written to. */
  summarySheet?: string;
  /** The inspection's dates (Excel serials), as entered or estimated. */
  inspection?: { notified: number; onsite: number; type: string };
}

/** The RAG scale a workbook uses: its own, or the standard one. */
export function workbookVocabulary(metadata: Metadata | null): readonly RagStatus[] {
  return metadata?.settings?.rag ?? defaultRagVocabulary;
}

export interface Metadata {
  schemaVersion: number;
  plans: PlanRecord[];
  settings?: WorkbookSettings;
}

export class MetadataError extends UserError {}

export function emptyMetadata(): Metadata {
  return { schemaVersion: SCHEMA_VERSION, plans: [] };
}

/** The metadata in a snapshot, or null for a workbook the add-in has not touched yet. */
export function readMetadata(snapshot: WorkbookSnapshot): Metadata | null {
  const sheet = snapshot.sheets.find((s) => s.name === METADATA_SHEET);
  if (!sheet) return null;
  if (!sheet.values) throw new Error(`The snapshot did not read the ${METADATA_SHEET} sheet; include it in the query`);
  const metadata = emptyMetadata();
  let version: number | null = null;
  sheet.values.forEach((row, r) => {
    const [key, json] = row;
    if (key === null || key === undefined || key === "") return;
    const value = parseJson(json ?? null, r);
    if (key === "schemaVersion") version = typeof value === "number" ? value : Number.NaN;
    else if (key === "plan")
      metadata.plans.push(valid(value, checkPlanRecord, "one of its plan records", r) as PlanRecord);
    else if (key === "settings") metadata.settings = valid(value, checkSettings, "its settings", r) as WorkbookSettings;
  });
  if (version === null || !Number.isInteger(version)) {
    throw new MetadataError(
      `The ${METADATA_SHEET} sheet has no valid schema version in it (column A "schemaVersion", column B a whole number); it may have been edited by hand. ${WHAT_TO_DO}`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new MetadataError(
      `This workbook was saved by a newer version of Inspection Ready (schema ${version}; this version reads up to ${SCHEMA_VERSION}). Update the add-in or CLI to open it.`,
    );
  }
  return { ...metadata, schemaVersion: SCHEMA_VERSION };
}

/** What a user can do about records that were changed by hand: they cannot be mended from the pane. */
const WHAT_TO_DO =
  "Open a copy of the workbook saved before the change, or make the plan sheets again in a new workbook and copy your rows across.";

function parseJson(cell: Scalar, row: number): unknown {
  try {
    return JSON.parse(String(cell));
  } catch {
    throw new MetadataError(
      `${METADATA_SHEET}!B${row + 1} is not valid JSON; the sheet may have been edited by hand. ${WHAT_TO_DO}`,
    );
  }
}

/** The record when it has the shape we write; otherwise a message naming the cell and the field. */
function valid(value: unknown, check: (value: unknown, field: string) => string | null, what: string, row: number) {
  const problem = check(value, "");
  if (problem === null) return value;
  throw new MetadataError(
    `${METADATA_SHEET}!B${row + 1}, ${what}, is not as Inspection Ready wrote it: ${problem}. The sheet (very hidden, where the add-in keeps its records) may have been edited by hand. ${WHAT_TO_DO}`,
  );
}

/** Operations that make the metadata sheet hold `metadata`, creating and hiding it when it is missing. */
export function writeMetadataOps(snapshot: WorkbookSnapshot, metadata: Metadata): PatchOp[] {
  const existing = snapshot.sheets.find((s) => s.name === METADATA_SHEET);
  const rows: CellInput[][] = [
    ["schemaVersion", JSON.stringify(metadata.schemaVersion)],
    ...metadata.plans.map((plan): CellInput[] => ["plan", JSON.stringify(plan)]),
    ...(metadata.settings ? [["settings", JSON.stringify(metadata.settings)] as CellInput[]] : []),
  ];
  if (!existing) {
    return [
      { op: "addSheet", sheet: METADATA_SHEET },
      { op: "writeValues", sheet: METADATA_SHEET, row: 0, col: 0, values: rows },
      { op: "setVisibility", sheet: METADATA_SHEET, visibility: "veryHidden" },
    ];
  }
  const old = existing.values ?? [];
  // Clear any old rows beyond the new ones, and record every replaced cell so undo restores it exactly.
  const height = Math.max(rows.length, old.length);
  const values: CellInput[][] = Array.from({ length: height }, (_, r) => [rows[r]?.[0] ?? null, rows[r]?.[1] ?? null]);
  const before: CellInput[][] = Array.from({ length: height }, (_, r) => [old[r]?.[0] ?? null, old[r]?.[1] ?? null]);
  return [{ op: "writeValues", sheet: METADATA_SHEET, row: 0, col: 0, values, before }];
}

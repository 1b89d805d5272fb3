import type { MemorySheet, MemoryTable } from "../../workbook/memory/memoryWorkbook";
import type { PatchOp, WorkbookPatch } from "../../workbook/types";
import type { PlanJob } from "../offThread/planJobs";

/**
 * What the page and the worker that holds the preview workbook's twin (workbookTwin.ts) say to each other
 * once the twin exists. The page's workbook and the twin change together: the page sends every patch it
 * applies, and a job's patch is applied to the twin as it is planned, then to the page's workbook.
 */
export type ToTwin =
  /** A sheet as the page holds it, without its cells (they follow in parts): building a twin afresh. */
  | { type: "seedSheet"; sheet: MemorySheet }
  | { type: "seedRows"; sheet: string; firstRow: number; rows: MemorySheet["rows"] }
  | { type: "seedTables"; tables: MemoryTable[] }
  | { type: "apply"; patch: WorkbookPatch }
  | { type: "plan"; id: number; job: PlanJob };

export type FromTwin =
  | { type: "progress"; id: number; text: string }
  /** A part of a job's patch, in order (a big write comes in several, so no message holds the page long). */
  | { type: "plannedPart"; id: number; ops: PatchOp[] }
  /** The job is planned: its report, and its patch's description when it has one (its parts came before). */
  | { type: "planned"; id: number; description: string | null; report: unknown }
  | { type: "failed"; id: number; message: string }
  /** A patch the page applied could not be applied to the twin: the twin is no longer the same workbook. */
  | { type: "outOfStep"; message: string };

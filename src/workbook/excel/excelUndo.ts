import type { PatchOp, WorkbookPatch } from "../types";

/**
 * What Excel's own undo (Ctrl+Z) can do with the add-in's writes on this host. From Microsoft's "Undo
 * support with the Excel JavaScript API" (learn.microsoft.com/office/dev/add-ins/excel/
 * excel-add-ins-undo-capabilities, May 2025) and the ExcelApi 1.20 requirement set page:
 *
 * - the add-in's writes join the user's undo stack; without grouping, each `context.sync()` is one step;
 * - `Excel.run({ mergeUndoGroup: true }, …)` (ExcelApi 1.20: Excel on the web, Microsoft 365 on Windows
 *   from Version 2509, Mac and iPad from 16.100; not Office 2021/2024 perpetual) makes every sync of one
 *   run one step, and throws UndoNotSupported when a call in it cannot be undone;
 * - a call that cannot be undone clears the user's undo stack from that call on. Of the calls this adapter
 *   makes, those are `Worksheet.delete` (every host) and setting `Worksheet.visibility` (Windows and Mac;
 *   Excel on the web can undo it).
 */
export interface UndoSupport {
  /** Excel.run's mergeUndoGroup is there (ExcelApi 1.20). */
  mergeGroups: boolean;
  /** Setting a sheet's visibility can be undone (Excel on the web). */
  visibilityUndoable: boolean;
}

/** What the running host supports; nothing outside Office (tests pass their own). */
export function hostUndoSupport(): UndoSupport {
  if (typeof Office === "undefined" || !Office.context?.requirements) {
    return { mergeGroups: false, visibilityUndoable: false };
  }
  return {
    mergeGroups: Office.context.requirements.isSetSupported("ExcelApi", "1.20"),
    // Office.PlatformType.OfficeOnline's value, compared as text: the enum object is not there in every host.
    visibilityUndoable: String(Office.context.platform) === "OfficeOnline",
  };
}

/** An operation Excel cannot undo on this host: applying it clears the user's undo history. */
function clearsUndo(op: PatchOp, support: UndoSupport): boolean {
  return op.op === "deleteSheet" || (op.op === "setVisibility" && !support.visibilityUndoable);
}

/**
 * Whether applying the patch clears the user's Excel undo history (Ctrl+Z) on this host, so that the pane
 * can say so: a patch that deletes a sheet (undoing a created sheet does) or, outside Excel on the web,
 * hides or shows one (creating plans hides the metadata sheet).
 */
export function patchClearsExcelUndo(patch: WorkbookPatch, support: UndoSupport = hostUndoSupport()): boolean {
  return patch.ops.some((op) => clearsUndo(op, support));
}

/**
 * Whether to apply the patch as one step of Excel's undo: where the host can group, and no operation in
 * the patch would make the group fail (UndoNotSupported) part-way.
 */
export function groupsAsOneUndoStep(patch: WorkbookPatch, support: UndoSupport): boolean {
  return support.mergeGroups && !patchClearsExcelUndo(patch, support);
}

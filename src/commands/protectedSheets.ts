import { UserError } from "../domain/userError";
import type { PatchOp, WorkbookPatch, WorkbookSnapshot } from "../workbook/types";

/**
 * A patch would change a protected sheet. Excel refuses such a write only when it reaches it, after the
 * operations before it have been applied, so the refusal comes first and nothing is written.
 */
export class ProtectedSheetError extends UserError {
  constructor(readonly sheets: readonly string[]) {
    const names = listed(sheets.map((name) => `"${name}"`));
    super(
      sheets.length === 1
        ? `The sheet ${names} is protected, so nothing was changed. Unprotect it (Review > Unprotect Sheet), then try again.`
        : `The sheets ${names} are protected, so nothing was changed. Unprotect them (Review > Unprotect Sheet), then try again.`,
    );
    this.name = "ProtectedSheetError";
  }
}

/**
 * The protected sheets whose contents or formatting the patch would change, in the order the patch
 * reaches them. Adding, deleting, hiding and showing a sheet are changes to the workbook's structure,
 * which sheet protection does not cover (workbook protection does, and Excel reports it itself); a sheet
 * the same patch adds is new, so never protected.
 */
export function protectedSheetsChanged(snapshot: WorkbookSnapshot, patch: WorkbookPatch): string[] {
  const protectedSheets = new Map(
    snapshot.sheets.filter((sheet) => sheet.protected).map((sheet) => [sheet.name.toLowerCase(), sheet.name]),
  );
  if (protectedSheets.size === 0) return [];
  const tableSheets = new Map(snapshot.tables.map((table) => [table.name.toLowerCase(), table.sheet]));
  const found = new Set<string>();
  for (const op of patch.ops) {
    if (op.op === "addSheet") {
      protectedSheets.delete(op.sheet.toLowerCase());
      continue;
    }
    const sheet = sheetChanged(op, tableSheets);
    const name = sheet === null ? undefined : protectedSheets.get(sheet.toLowerCase());
    if (name !== undefined) found.add(name);
  }
  return [...found];
}

/** Refuses, before anything is written, a patch that would change a protected sheet. */
export function refuseProtectedSheets(snapshot: WorkbookSnapshot, patch: WorkbookPatch): void {
  const sheets = protectedSheetsChanged(snapshot, patch);
  if (sheets.length > 0) throw new ProtectedSheetError(sheets);
}

/** The sheet whose cells or formatting an operation changes; null for changes to the workbook's structure. */
function sheetChanged(op: PatchOp, tableSheets: ReadonlyMap<string, string>): string | null {
  switch (op.op) {
    case "addSheet":
    case "deleteSheet":
    case "setVisibility":
      return null;
    case "removeTable":
    case "resizeTable":
      return tableSheets.get(op.name.toLowerCase()) ?? null;
    default:
      return op.sheet;
  }
}

/** "A", "A and B", "A, B and C". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

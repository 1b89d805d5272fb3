import type { PatchOp, WorkbookPatch } from "./types";

export class NotInvertibleError extends Error {}

/**
 * The patch that undoes `patch`. Excel cannot undo an add-in's writes with Ctrl+Z, so every command's
 * patch must be invertible from what it carries: sheets the patch adds are simply deleted again (which
 * takes everything written on them along), and every other operation restores the state it recorded.
 */
export function invertPatch(patch: WorkbookPatch): WorkbookPatch {
  const addedSheets = new Set(
    patch.ops.filter((op): op is Extract<PatchOp, { op: "addSheet" }> => op.op === "addSheet").map((op) => op.sheet),
  );
  const inverse: PatchOp[] = [];
  for (const op of [...patch.ops].reverse()) {
    if (op.op === "addSheet") {
      inverse.push({ op: "deleteSheet", sheet: op.sheet });
      continue;
    }
    if ("sheet" in op && addedSheets.has(op.sheet)) continue;
    inverse.push(...invertOp(op));
  }
  return { description: `Undo: ${patch.description}`, ops: inverse };
}

function invertOp(op: PatchOp): PatchOp[] {
  switch (op.op) {
    case "writeValues":
      if (!op.before) throw new NotInvertibleError(`Writing to ${op.sheet} did not record the cells it replaced`);
      return [{ op: "writeValues", sheet: op.sheet, row: op.row, col: op.col, values: op.before, before: op.values }];
    case "setNumberFormats":
      if (!op.before) throw new NotInvertibleError(`Formatting ${op.sheet} did not record the formats it replaced`);
      return [
        { op: "setNumberFormats", sheet: op.sheet, row: op.row, col: op.col, formats: op.before, before: op.formats },
      ];
    case "addTable":
      return [{ op: "removeTable", name: op.name }];
    case "resizeTable":
      if (!op.before) throw new NotInvertibleError(`Resizing table ${op.name} did not record its previous range`);
      return [{ op: "resizeTable", name: op.name, range: op.before, before: op.range }];
    case "setValidation":
      return [{ op: "setValidation", sheet: op.sheet, range: op.range, rule: op.before ?? null, before: op.rule }];
    case "addConditionalFormat":
      return [{ op: "removeConditionalFormat", sheet: op.sheet, range: op.range, format: op.format }];
    case "removeConditionalFormat":
      return [{ op: "addConditionalFormat", sheet: op.sheet, range: op.range, format: op.format }];
    case "setColumnWidths":
      // Widths are cosmetic and not in the snapshot; restore them only where the command recorded them.
      return op.before ? [{ op: "setColumnWidths", sheet: op.sheet, widths: op.before, before: op.widths }] : [];
    case "setRowHeights":
      return op.before
        ? [
            {
              op: "setRowHeights",
              sheet: op.sheet,
              heights: op.before.map((h) => ({ row: h.row, height: h.height ?? 15 })),
              before: op.heights,
            },
          ]
        : [];
    case "freezePanes":
      if (!op.before) throw new NotInvertibleError(`Freezing panes on ${op.sheet} did not record the previous panes`);
      return [
        {
          op: "freezePanes",
          sheet: op.sheet,
          rows: op.before.rows,
          columns: op.before.columns,
          before: { rows: op.rows, columns: op.columns },
        },
      ];
    case "addChart":
      return [{ op: "removeChart", sheet: op.sheet, name: op.name }];
    case "removeChart":
      throw new NotInvertibleError(`Removing the chart "${op.name}" cannot be undone`);
    case "mergeCells":
      return [{ op: "unmergeCells", sheet: op.sheet, range: op.range }];
    case "unmergeCells":
      return [{ op: "mergeCells", sheet: op.sheet, range: op.range }];
    case "setWrapText":
      return [{ op: "setWrapText", sheet: op.sheet, range: op.range, wrap: op.before ?? false, before: op.wrap }];
    case "setPrintSetup":
      return op.before ? [{ op: "setPrintSetup", sheet: op.sheet, setup: op.before, before: op.setup }] : [];
    case "setCellFormat":
      // Formats are not in the snapshot, so what a range looked like before is unknown. On a sheet the
      // patch adds (every use but a structured sheet's header row) undo deletes the sheet and the format
      // with it; elsewhere undo leaves the formatting in place, as it does column widths it never recorded.
      return [];
    case "setVisibility":
      if (!op.before) throw new NotInvertibleError(`Hiding or showing ${op.sheet} did not record its previous state`);
      return [{ op: "setVisibility", sheet: op.sheet, visibility: op.before, before: op.visibility }];
    case "deleteSheet":
    case "removeTable":
      // Only ever produced as an inverse; commands never delete a user's sheet or table.
      throw new NotInvertibleError(`"${op.op}" cannot be undone`);
    case "addSheet":
      return [{ op: "deleteSheet", sheet: op.sheet }];
  }
}

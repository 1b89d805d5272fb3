import type { CellStyle } from "../workbook/types";

/**
 * The colours the product's conditional formats paint, named once so every command that flags the same
 * thing flags it alike (and a LibreOffice test can look for the colour it expects).
 */

/** A cell a check or the Annex A findings sheet names: pale yellow, black text. */
export const FINDING_HIGHLIGHT: Readonly<CellStyle> = Object.freeze({ fill: "#FFF4CE", fontColour: "#000000" });

/** A due date passed with the work not done: pale red, dark red text. */
export const OVERDUE_HIGHLIGHT: Readonly<CellStyle> = Object.freeze({ fill: "#FDE7E9", fontColour: "#A4262C" });

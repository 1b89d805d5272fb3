import type { PatchOp, PrintSetup } from "../workbook/types";

/** What each printed page of a sheet says about itself. */
export interface PrintPage {
  title: string;
  /** dd/mm/yyyy */
  date: string;
  /** protective marking, e.g. OFFICIAL-SENSITIVE */
  marking?: string;
}

/** "Page 3 of 9": Excel's codes for this page and the number of pages in the whole printout. */
export const PAGE_X_OF_Y = "Page &P of &N";

/**
 * The header row's look: a pale blue that prints on any printer (and in greyscale) with black bold text,
 * a contrast of about 13:1, well above the 4.5:1 AA asks for. Kept here so every sheet looks alike.
 */
export const HEADER_FILL = "#BDD7EE";
export const HEADER_TEXT = "#000000";

/**
 * Excel allows 255 characters for a header or footer in all, codes included; a title longer than this
 * is cut with an ellipsis so the date and marking still fit.
 */
const MAX_TITLE = 120;

/** Text as it is shown in a header or footer: "&" is Excel's code character, so a literal one is doubled. */
function headerText(text: string): string {
  const plain = text.replace(/\s+/g, " ").trim();
  const short = plain.length > MAX_TITLE ? `${plain.slice(0, MAX_TITLE - 1)}…` : plain;
  return short.replace(/&/g, "&&");
}

/** A4 landscape, fitted to width, the given rows repeated; title left and date right in the page header, marking centred in the header and left in the footer, "Page &P of &N" centred in the footer. */
export function pageSetupFor(page: PrintPage, repeatRows: [number, number] | null): PrintSetup {
  const marking = page.marking?.trim() ? headerText(page.marking) : undefined;
  return {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    repeatRows,
    centreFooter: PAGE_X_OF_Y,
    header: {
      left: headerText(page.title),
      ...(marking ? { centre: marking } : {}),
      right: headerText(page.date),
    },
    ...(marking ? { footer: { left: marking } } : {}),
  };
}

/** Direct formatting of a header row (bold, a fill that prints and keeps AA contrast, thin borders, wrapped, top aligned). */
export function headerRowFormatOps(sheet: string, row: number, left: number, right: number): PatchOp[] {
  const range = { top: row, left, bottom: row, right };
  return [
    {
      op: "setCellFormat",
      sheet,
      range,
      format: { bold: true, fill: HEADER_FILL, fontColour: HEADER_TEXT, border: "thin", vertical: "top" },
    },
    { op: "setWrapText", sheet, range, wrap: true },
  ];
}

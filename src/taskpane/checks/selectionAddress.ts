/** A block of cells on one sheet: what "Set RAG for the selection" works on. */
export interface CellSelection {
  sheet: string;
  /** "G2" or "G2:G3". */
  range: string;
}

export class SelectionError extends Error {}

/**
 * Splits an address as Excel gives it for a selection, `'Action plan'!G2:G3` or `Sheet1!B4`, into the
 * sheet's name (unquoted) and the range. Whole rows or columns (`G:G`, `2:3`) and several blocks at once
 * are refused with a message that says what to select instead.
 */
export function splitAddress(address: string): CellSelection {
  let sheet: string;
  let rest: string;
  if (address.startsWith("'")) {
    // A quoted name ends at a quote that is not doubled; '' inside it is one quote.
    let end = 1;
    while (end < address.length && !(address[end] === "'" && address[end + 1] !== "'"))
      end += address[end] === "'" ? 2 : 1;
    sheet = address.slice(1, end).replace(/''/g, "'");
    rest = address.slice(end + 1);
  } else {
    const bang = address.indexOf("!");
    sheet = bang < 0 ? "" : address.slice(0, bang);
    rest = bang < 0 ? "" : address.slice(bang);
  }
  if (!sheet || !rest.startsWith("!")) {
    throw new SelectionError(`Excel gave the selection as “${address}”, without its sheet; select the cells again.`);
  }
  const range = rest.slice(1).replace(/\$/g, "");
  if (range.includes(",")) throw new SelectionError("Select one block of cells at a time, then try again.");
  if (!/^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(range)) {
    throw new SelectionError(
      `${sheet}!${range} is whole rows or columns; select the RAG cells of the rows you want to set, then try again.`,
    );
  }
  return { sheet, range: range.toUpperCase() };
}

import { serialDate } from "../domain/dates";
import { dateSystemOf, serial1900 } from "../workbook/serialDates";
import type { ListReport } from "../domain/annexA/checkList";
import type { Scalar, WorkbookSnapshot } from "../workbook/types";

/**
 * The child-level identifiers an Annex A list in the same workbook holds — child ids, names, dates of
 * birth — so that nothing a pack prints can carry one, even where someone typed a child's id or name into
 * an action's progress update. Read from the lists' own columns by their headers.
 */
const ID_HEADER =
  /\b(child|person|client|young person)\b.*\b(id|identifier|number|ref|reference)\b|^(child )?unique id|^id$|^upn$|^nhs number$|^lcs id$|^mosaic id$/i;
const NAME_HEADER = /\b(name|forename|surname|first name|last name|family name|given name)s?\b/i;
/** Names that are not a child's: the worker's, the team's, the carer's… */
const NOT_A_CHILD =
  /worker|team|manager|school|agency|carer|provider|placement|officer|practitioner|social|adopter|parent|mother|father|iro|chair|authority|la\b/i;
const BIRTH_HEADER = /birth|\bdob\b/i;

export interface ChildIdentifiers {
  /** Ids and names as text, longest first, so "Jo Smith" is removed before "Jo". */
  texts: string[];
  /** Dates of birth as dd/mm/yyyy. */
  births: string[];
}

export function childIdentifiers(snapshot: WorkbookSnapshot, lists: readonly ListReport[]): ChildIdentifiers {
  const texts = new Set<string>();
  const births = new Set<string>();
  // A date of birth stored as a serial counts from the workbook's own day 0 (1904 in a Mac workbook).
  const dayZero = serial1900(0, dateSystemOf(snapshot));
  for (const list of lists) {
    const values = snapshot.sheets.find((s) => s.name === list.sheet)?.values;
    if (!values) continue;
    const headers = (values[list.headerRow - 1] ?? []).map((h) => (typeof h === "string" ? h.trim() : ""));
    headers.forEach((header, col) => {
      const isId = ID_HEADER.test(header);
      const isName = !isId && NAME_HEADER.test(header) && !NOT_A_CHILD.test(header);
      const isBirth = BIRTH_HEADER.test(header) && !NOT_A_CHILD.test(header);
      if (!isId && !isName && !isBirth) return;
      for (let r = list.headerRow; r < values.length; r++) {
        const value: Scalar = values[r]?.[col] ?? null;
        if (value === null || value === "") continue;
        if (isBirth) {
          if (typeof value === "number") births.add(serialDate(value + dayZero));
          else births.add(String(value).trim());
        } else {
          const text = String(value).trim();
          // Very short ids ("1", "12") would blank out ordinary numbers in the text; ids that short
          // identify no one outside the list either.
          if (text.length >= 3) texts.add(text);
          if (isName) for (const part of text.split(/\s+/)) if (part.length >= 3) texts.add(part);
        }
      }
    });
  }
  return { texts: [...texts].sort((a, b) => b.length - a.length), births: [...births] };
}

export const REMOVED = "[removed]";

/** Text with every child identifier replaced, as whole words, and how many were replaced. */
export function withoutChildData(text: string, ids: ChildIdentifiers): { text: string; removed: number } {
  let removed = 0;
  let result = text;
  for (const needle of [...ids.texts, ...ids.births]) {
    if (!result.toLowerCase().includes(needle.toLowerCase())) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, "giu");
    result = result.replace(pattern, () => {
      removed++;
      return REMOVED;
    });
  }
  return { text: result, removed };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

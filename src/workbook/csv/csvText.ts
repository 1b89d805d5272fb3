/**
 * Comma-separated text a spreadsheet opens safely. UTF-8 with a byte-order mark, so Excel reads "≤5",
 * "Requires improvement" and accented names as written; every field that starts with a character a
 * spreadsheet would read as the start of a formula (= + - @, a tab or a carriage return) is prefixed
 * with an apostrophe, so no cell a user typed into a plan can run as a formula on a councillor's machine
 * (OWASP's advice on CSV injection); fields with commas, quotes or line breaks are quoted.
 */
export const CSV_BOM = "\uFEFF";

const FORMULA_STARTS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** One field made safe: neutralised if it could run as a formula, quoted if it must be. */
export function csvField(text: string): string {
  const safe = text.length > 0 && FORMULA_STARTS.has(text[0]!) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of already-formatted text as a CSV document, with the BOM and Windows line ends Excel expects. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

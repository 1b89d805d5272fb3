import type { Scalar } from "../workbook/types";

export { cellName, count, listInWords, thousands } from "../domain/words";

/** A sheet or file name inside a sentence. */
export function quoted(name: string): string {
  return `“${name}”`;
}

/** A cell's value as a user would recognise it in a list of changes. */
export function valueText(value: Scalar): string {
  if (value === null || (typeof value === "string" && value.trim() === "")) return "(blank)";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

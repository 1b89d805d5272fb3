import type { Scalar } from "../workbook/types";

/** "1 row", "36 rows". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

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

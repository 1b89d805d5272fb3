/**
 * How the product puts things into sentences, the same in the pane, the CLI and the messages of
 * commands: counts with their noun, lists with "and", a sheet's cell.
 */

/** "1 row", "36 rows", "100,000 rows": thousands separated, as people in the UK write them. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${thousands(n)} ${n === 1 ? singular : plural}`;
}

/**
 * "100,000": a whole number with its thousands separated, as `toLocaleString("en-GB")` writes it, without
 * Intl: the first use of a locale's number format costs the pane about 40 ms as it starts. Anything else
 * (a fraction, a number too large to be exact) is left to Intl.
 */
export function thousands(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString("en-GB");
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "Action plan!E2": a cell as messages and the pane name it. */
export function cellName(item: { sheet: string; cell: string }): string {
  return `${item.sheet}!${item.cell}`;
}

/**
 * A template literal as one flat string. Text joined with `+` or `${}` is a chain of pieces that the
 * garbage collector copies one by one for as long as it is kept; a check of a large plan keeps tens of
 * thousands of messages, and copying their pieces was half its time. Write `flat\`${a} holds ${b}\``.
 */
export function flat(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts: unknown[] = [strings[0]];
  for (let i = 0; i < values.length; i++) parts.push(values[i], strings[i + 1]);
  return parts.join("");
}

import { RAG_CONCEPTS } from "../domain/rag";

/**
 * The shape of each record in the metadata sheet, checked on every read. The sheet is very hidden but
 * still reachable (a macro, a script, another tool's save), and a record that is not what we wrote would
 * otherwise surface deep inside a command as "Cannot read properties of null". A small hand-written
 * checker is enough for three record types and keeps the add-in free of a schema library.
 *
 * A check returns null when the value fits, or a phrase saying what is wrong with it, naming the field
 * ("its "columns" is missing").
 */
type Check = (value: unknown, field: string) => string | null;

const describe = (value: unknown): string => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  return `a ${typeof value}`;
};

const named = (field: string) => (field === "" ? "it" : `its "${field}"`);
const wrong = (field: string, expected: string, value: unknown) =>
  `${named(field)} should be ${expected} but is ${describe(value)}`;

const text: Check = (value, field) => (typeof value === "string" ? null : wrong(field, "text", value));

const number: Check = (value, field) =>
  typeof value === "number" && Number.isFinite(value) ? null : wrong(field, "a number", value);

const oneOf =
  (choices: readonly string[]): Check =>
  (value, field) =>
    typeof value === "string" && choices.includes(value)
      ? null
      : `${named(field)} should be one of ${choices.join(", ")} but is ${typeof value === "string" ? `"${value}"` : describe(value)}`;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An object with these fields; a field whose name ends in "?" may be absent. Other fields are allowed. */
function object(fields: Record<string, Check>): Check {
  return (value, field) => {
    if (!isPlainObject(value)) return wrong(field, "an object", value);
    for (const [key, check] of Object.entries(fields)) {
      const optional = key.endsWith("?");
      const name = optional ? key.slice(0, -1) : key;
      const path = field === "" ? name : `${field}.${name}`;
      if (!(name in value) || value[name] === undefined) {
        if (optional) continue;
        return `${named(path)} is missing`;
      }
      const problem = check(value[name], path);
      if (problem) return problem;
    }
    return null;
  };
}

/** An object used as a map: any keys, each value passing `check`. */
function mapOf(check: Check): Check {
  return (value, field) => {
    if (!isPlainObject(value)) return wrong(field, "an object", value);
    for (const [key, item] of Object.entries(value)) {
      const problem = check(item, `${field}.${key}`);
      if (problem) return problem;
    }
    return null;
  };
}

function listOf(check: Check, least = 0): Check {
  return (value, field) => {
    if (!Array.isArray(value)) return wrong(field, "a list", value);
    if (value.length < least)
      return `${named(field)} should have at least ${least} item${least === 1 ? "" : "s"} but is empty`;
    for (const [index, item] of value.entries()) {
      const problem = check(item, `${field}[${index}]`);
      if (problem) return problem;
    }
    return null;
  };
}

const orNull =
  (check: Check): Check =>
  (value, field) =>
    value === null ? null : check(value, field);

const ragStatus = object({
  label: text,
  meaning: text,
  concept: oneOf(RAG_CONCEPTS),
  fill: text,
  text: text,
});

/** A plan record: one managed table (or sheet) the add-in made or structured. */
export const checkPlanRecord: Check = object({
  kind: text,
  sheet: text,
  table: text,
  "frameworkId?": text,
  "frameworkVersion?": text,
  createdAt: text,
  "refreshedAt?": text,
  columns: mapOf(text),
  "areas?": mapOf(orNull(text)),
});

/** The workbook's settings record. */
export const checkSettings: Check = object({
  "staleDays?": number,
  "rag?": listOf(ragStatus, 1),
  "summarySheet?": text,
  "inspection?": object({ notified: number, onsite: number, type: text }),
});

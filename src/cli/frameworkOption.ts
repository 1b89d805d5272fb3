import { readFileSync } from "node:fs";
import type { Framework } from "../domain/framework";
import { parseFramework } from "../domain/frameworkSchema";
import { findFramework, frameworkIds } from "../domain/frameworks";
import { UsageError } from "./args";

/**
 * The framework a --framework value names: a built-in id, or the path of a council's own framework file
 * (anything ending in .json). A file that is not JSON, or not a valid framework, is a usage error whose
 * message names the JSON path and what was expected there.
 */
export function frameworkFromOption(value: string): Framework {
  if (!/\.json$/i.test(value)) {
    const framework = findFramework(value);
    if (!framework) throw new UsageError(`there is no framework "${value}"; known ids: ${frameworkIds().join(", ")}`);
    return framework;
  }
  let text: string;
  try {
    text = readFileSync(value, "utf8");
  } catch {
    throw new UsageError(`cannot read the framework file ${value}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${value} is not valid JSON (${(error as Error).message})`);
  }
  return parseFramework(data, value);
}

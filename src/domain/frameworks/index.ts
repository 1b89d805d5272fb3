import { FrameworkError, parseFramework, type Framework } from "../framework";
import { ofstedIlacs2024 } from "./ofstedIlacs2024";

/** Every framework the product ships, checked against the schema once on first use. */
const builtIn: unknown[] = [ofstedIlacs2024];

let parsed: Framework[] | null = null;

export function builtInFrameworks(): Framework[] {
  parsed ??= builtIn.map((data, i) => parseFramework(data, `Built-in framework #${i + 1}`));
  return parsed;
}

export function frameworkIds(): string[] {
  return builtInFrameworks().map((f) => f.id);
}

export function findFramework(id: string): Framework | undefined {
  return builtInFrameworks().find((f) => f.id === id);
}

export function getFramework(id: string): Framework {
  const framework = findFramework(id);
  if (!framework) {
    throw new FrameworkError(`There is no framework "${id}". Known frameworks: ${frameworkIds().join(", ")}`);
  }
  return framework;
}

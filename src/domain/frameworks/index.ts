import { FrameworkError, parseFramework, type Framework } from "../framework";
import { caa2009 } from "./caa2009";
import { careInspectorate2014 } from "./careInspectorate2014";
import { improvementProgramme } from "./improvementProgramme";
import { ofstedIlacs2018 } from "./ofstedIlacs2018";
import { ofstedIlacs2024 } from "./ofstedIlacs2024";
import { ofstedSif2013 } from "./ofstedSif2013";

/** Every framework the product ships, checked against the schema once on first use. */
const builtIn: unknown[] = [
  ofstedIlacs2024,
  ofstedIlacs2018,
  ofstedSif2013,
  caa2009,
  careInspectorate2014,
  improvementProgramme,
];

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

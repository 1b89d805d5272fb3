import { FrameworkError, type Framework, type FrameworkData } from "../framework";
import { caa2009 } from "./caa2009";
import { careInspectorate2014 } from "./careInspectorate2014";
import { careInspectorate2021 } from "./careInspectorate2021";
import { improvementProgramme } from "./improvementProgramme";
import { ofstedIlacs2018 } from "./ofstedIlacs2018";
import { ofstedIlacs2024 } from "./ofstedIlacs2024";
import { ofstedIlacs2026 } from "./ofstedIlacs2026";
import { ofstedSif2013 } from "./ofstedSif2013";

/**
 * Every framework the product ships, as written in its module. The unit tests hold each to the schema
 * (test/domain/frameworks.test.ts: what the schema makes of it is exactly builtInFrameworks()), so it is
 * not parsed again as the pane or the CLI starts: building and running zod's schema was about a tenth of
 * the pane's start (issue 14).
 */
const builtIn: readonly object[] = [
  ofstedIlacs2026,
  ofstedIlacs2024,
  ofstedIlacs2018,
  ofstedSif2013,
  caa2009,
  careInspectorate2021,
  careInspectorate2014,
  improvementProgramme,
];

let parsed: Framework[] | null = null;

export function builtInFrameworks(): Framework[] {
  parsed ??= builtIn.map(withDefaults);
  return parsed;
}

/** The built-in frameworks' data as their modules write it, for the tests that hold it to the schema. */
export function builtInFrameworkData(): readonly object[] {
  return builtIn;
}

/**
 * A built-in framework with the lists the schema defaults to empty filled in, as parsing fills them. Its
 * modules are plain data (their strings not narrowed to the schema's words), hence the cast; the unit
 * test above is what makes it true: for every built-in, this equals what the schema makes of it.
 */
function withDefaults(data: object): Framework {
  const written = data as FrameworkData;
  return {
    ...written,
    changes: written.changes ?? [],
    flags: written.flags ?? [],
    evidence: written.evidence ?? [],
    timeline: written.timeline ?? [],
    recommendationCategories: written.recommendationCategories ?? [],
  };
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

/** A day as an ISO date (yyyy-mm-dd) in the user's own calendar, to compare with frameworks' dates. */
export function isoDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether a framework is in force on a day (ISO yyyy-mm-dd): from its first day to its last, if it has one. */
export function isInForce(framework: Framework, day: string): boolean {
  return framework.inForceFrom <= day && (framework.inForceTo === undefined || day <= framework.inForceTo);
}

/** The inspectorate that inspects councils' children's services in each nation the product serves. */
const INSPECTORATES: Partial<Record<Framework["country"], string>> = {
  England: "Ofsted",
  Scotland: "Care Inspectorate",
};

/**
 * The framework a nation's councils are inspected against on a day: its inspectorate's framework in
 * force then (the newest, should two overlap). What `new` and the pane start from.
 */
export function frameworkInForce(country: Framework["country"], day: string): Framework | undefined {
  return builtInFrameworks()
    .filter((f) => f.country === country && f.inspectorate === INSPECTORATES[country] && isInForce(f, day))
    .sort((a, b) => b.inForceFrom.localeCompare(a.inForceFrom))[0];
}

/** A framework's successor as refresh follows it: the newest framework that replaced it, step by step. */
export function latestSuccessor(framework: Framework, resolve: (id: string) => Framework | undefined): Framework {
  let current = framework;
  const seen = new Set([current.id]);
  for (let next = current.supersededBy && resolve(current.supersededBy); next;) {
    if (seen.has(next.id)) break;
    seen.add(next.id);
    current = next;
    next = current.supersededBy ? resolve(current.supersededBy) : undefined;
  }
  return current;
}

/** "01/01/2023 to 31/03/2026", or "from 01/04/2026": when a framework is in force, in a user's words. */
export function inForceWords(from: string, to: string | null | undefined): string {
  const uk = (iso: string) => iso.split("-").reverse().join("/");
  return to ? `${uk(from)} to ${uk(to)}` : `from ${uk(from)}`;
}

/** Said when a workbook is made from a framework not in force: allowed, for history, but said. */
export function pastFrameworkNote(framework: Framework): string {
  return `${framework.name} is not in force today (in force ${inForceWords(framework.inForceFrom, framework.inForceTo)}): use it for history, not to prepare for an inspection now.`;
}

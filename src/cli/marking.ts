import path from "node:path";
import { DEFAULT_MARKING } from "../commands/committeePack";
import { UsageError } from "./args";
import type { OptionSpec } from "./command";

/**
 * The protective marking a report for people outside the team carries (the committee pack, the county
 * roll-up): the same flag, the same default and the same file names for every command that makes one.
 */
export const MARKING_OPTION = {
  type: "string",
  valueName: "TEXT",
  description: `The protective marking on every page and in the file name; ${DEFAULT_MARKING} when left out.`,
} as const satisfies OptionSpec;

/** The --as-of of a report: the day it reports on. */
export function reportAsOfOption(report: string): OptionSpec & { type: "string" } {
  return {
    type: "string",
    valueName: "dd/mm/yyyy",
    description: `The day the ${report} reports on (overdue and 30 days are counted to it); today when left out.`,
  };
}

/** --marking as given, or the default; a blank marking is refused. */
export function markingFrom(value: string | undefined): string {
  const marking = (value ?? DEFAULT_MARKING).trim();
  if (marking === "") throw new UsageError("--marking needs the text of the marking, e.g. OFFICIAL-SENSITIVE");
  return marking;
}

/** The file name with the marking in it, where the name does not already carry it. */
export function withMarking(file: string, marking: string): string {
  const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
  const base = path.basename(file);
  if (key(base).includes(key(marking))) return file;
  const ext = path.extname(base);
  const safe = marking.replace(/[\\/:*?"<>|]/g, "-");
  return path.join(path.dirname(file), `${base.slice(0, base.length - ext.length)} ${safe}${ext}`);
}

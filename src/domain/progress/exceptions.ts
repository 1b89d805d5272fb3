import { serialDate } from "../dates";
import type { TrackedAction } from "./trackedAction";

/**
 * What a committee asks about first: actions off track, past their due date, not updated for a month, or
 * done but not signed off for too long. Each kind says why in words a councillor reads.
 */
export type ExceptionKind = "off-track" | "overdue" | "no-update" | "awaiting-sign-off";

export const EXCEPTION_KINDS: readonly ExceptionKind[] = ["off-track", "overdue", "no-update", "awaiting-sign-off"];

export const EXCEPTION_TITLES: Readonly<Record<ExceptionKind, string>> = {
  "off-track": "Red (off track)",
  overdue: "Overdue",
  "no-update": "No update in 30 days",
  "awaiting-sign-off": "Awaiting sign-off too long",
};

export interface ExceptionSettings {
  /** Days without an update before an open action is an exception (the "30 days"). */
  staleDays: number;
  /**
   * Days an action may wait for sign-off. Two weeks: one cycle of the fortnightly updates seed 003's
   * improvement board holds, so a sign-off missed at one meeting shows at the next.
   */
  signOffDays: number;
}

export const DEFAULT_EXCEPTION_SETTINGS: ExceptionSettings = { staleDays: 30, signOffDays: 14 };

export interface ActionException {
  kind: ExceptionKind;
  /** "Due 01/10/2026, 55 days ago". */
  detail: string;
}

const isDone = (a: TrackedAction) => a.concept === "complete" || a.concept === "awaiting-sign-off";

/** The exceptions an action raises on a day, in the order of EXCEPTION_KINDS. */
export function exceptionsOf(
  action: TrackedAction,
  asOf: number,
  settings: ExceptionSettings = DEFAULT_EXCEPTION_SETTINGS,
): ActionException[] {
  const found: ActionException[] = [];
  if (action.concept === "off-track") found.push({ kind: "off-track", detail: `RAG ${action.status ?? "Red"}` });
  if (!isDone(action) && action.due !== null && action.due < asOf) {
    found.push({ kind: "overdue", detail: `Due ${serialDate(action.due)}, ${days(asOf - action.due)} ago` });
  }
  const open = !isDone(action) && action.concept !== "not-started";
  if (open && action.updated !== null && action.updated < asOf - settings.staleDays) {
    found.push({
      kind: "no-update",
      detail: `Last updated ${serialDate(action.updated)}, ${days(asOf - action.updated)} ago`,
    });
  }
  if (action.concept === "awaiting-sign-off") {
    if (action.updated === null) {
      found.push({ kind: "awaiting-sign-off", detail: "Awaiting sign-off, with no date of the last update" });
    } else if (action.updated < asOf - settings.signOffDays) {
      found.push({
        kind: "awaiting-sign-off",
        detail: `Awaiting sign-off since ${serialDate(action.updated)}, ${days(asOf - action.updated)}`,
      });
    }
  }
  return found;
}

function days(n: number): string {
  const whole = Math.floor(n);
  return whole === 1 ? "1 day" : `${whole} days`;
}

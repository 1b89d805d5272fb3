import type { AnnexARequest, PaneState, PaneStateRequest } from "../../commands/paneState";
import { NO_FACTS, type WorkbookFacts } from "../../commands/workbookFacts";
import { todaySerial } from "../../domain/dates";
import type { Framework } from "../../domain/framework";
import { paneStateJob, type PlanJob } from "../offThread/planJobs";
import type { DryRun } from "../useWorkbookSession";
import type { SnapshotQuery, WorkbookSnapshot } from "../../workbook/types";

/** The parts of the pane's state a user has asked for; the plans' check is always as of today. */
export interface PaneWants {
  checks: boolean;
  projection: { target?: string } | null;
  annexA: AnnexARequest | null;
}

export const NOTHING_WANTED: PaneWants = { checks: false, projection: null, annexA: null };

/** The latest state read, when it was read, and which parts a read under way will bring. */
export interface PaneStateSnapshot {
  state: PaneState | null;
  facts: WorkbookFacts;
  readAt: Date | null;
  /** What the last read was asked for (the as-of day of the lists, the target), for showing with it. */
  readWith: PaneWants | null;
  reading: PaneWants | null;
}

export type DryRunner = <Report>(
  query: SnapshotQuery,
  plan: (snapshot: WorkbookSnapshot) => { report: Report },
  job?: PlanJob,
) => Promise<DryRun<Report>>;

/**
 * The pane's one reader of the workbook between commands: after each change (and when a section asks
 * for a part) it reads the workbook ONCE and works out every part wanted so far from that snapshot,
 * through the paneState command. Kept apart from React so its reads can be counted in a test.
 */
export class PaneStateStore {
  private wants: PaneWants = NOTHING_WANTED;
  private current: PaneStateSnapshot = { state: null, facts: NO_FACTS, readAt: null, readWith: null, reading: null };
  private readonly listeners = new Set<() => void>();
  /** Each read's number: a read that finishes after a newer one began is dropped. */
  private generation = 0;

  constructor(
    /** The session's way to read, asked afresh each time: it is bound to the workbook of the moment. */
    private readonly dryRun: () => DryRunner,
    /** The frameworks known at the time of a read (built in, and any the user has loaded). */
    private readonly frameworks: () => readonly Framework[],
  ) {}

  get snapshot(): PaneStateSnapshot {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** After a command or an undo, read again; another workbook starts with nothing wanted. */
  afterChange(newWorkbook: boolean): Promise<void> {
    if (newWorkbook) {
      this.wants = NOTHING_WANTED;
      this.publish({ state: null, facts: NO_FACTS, readAt: null, readWith: null, reading: null });
    }
    return this.refresh();
  }

  /** Asks for parts, kept wanted after every later change, and reads once now. */
  want(parts: Partial<PaneWants>): Promise<void> {
    this.wants = { ...this.wants, ...parts };
    return this.refresh();
  }

  get wanted(): PaneWants {
    return this.wants;
  }

  private async refresh(): Promise<void> {
    const wants = this.wants;
    const generation = ++this.generation;
    this.publish({ ...this.current, reading: wants });
    const frameworks = this.frameworks();
    const request = requestFor(wants, (id) => frameworks.find((f) => f.id === id));
    // The same read described as data, for the preview's worker to make off the page's main thread.
    const job = paneStateJob(request, frameworks);
    // The commands that make the state load with the first read, not with the pane (their code is a
    // good part of the pane's script, and nothing needs it before the pane is on screen).
    const { paneState, paneStateQuery } = await import(/* webpackChunkName: "pane-state" */ "../../commands/paneState");
    if (generation !== this.generation) return;
    const outcome = await this.dryRun()(paneStateQuery(request), (snapshot) => paneState(snapshot, request), job);
    if (generation !== this.generation) return;
    if (outcome.ok) {
      this.publish({
        state: outcome.report,
        facts: outcome.report.facts,
        readAt: new Date(),
        readWith: wants,
        reading: null,
      });
    } else {
      // The read itself failed (the workbook could not be read): every wanted part says why.
      const failed = { ok: false as const, error: outcome.error };
      this.publish({
        state: {
          facts: NO_FACTS,
          ...(wants.checks ? { checks: failed } : {}),
          ...(wants.projection ? { projection: failed } : {}),
          ...(wants.annexA ? { annexA: failed } : {}),
        },
        facts: this.current.facts,
        readAt: new Date(),
        readWith: wants,
        reading: null,
      });
    }
  }

  private publish(next: PaneStateSnapshot): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }
}

function requestFor(wants: PaneWants, resolve: (id: string) => Framework | undefined): PaneStateRequest {
  return {
    resolve,
    ...(wants.checks ? { checks: { asOf: todaySerial() } } : {}),
    ...(wants.projection ? { projection: wants.projection } : {}),
    ...(wants.annexA ? { annexA: wants.annexA } : {}),
  };
}

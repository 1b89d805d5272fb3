import type { WorkingCalendar } from "./calendar";
import type { Confidence, Framework } from "./framework";

/** The kinds of inspection, each with the words the pane and the CLI show for it; the first is the default. */
export const INSPECTION_TYPES = [
  { id: "standard", label: "Standard inspection" },
  { id: "short", label: "Short inspection" },
  { id: "focused", label: "Focused visit" },
] as const;

export type InspectionType = (typeof INSPECTION_TYPES)[number]["id"];

export const DEFAULT_INSPECTION_TYPE: InspectionType = INSPECTION_TYPES[0].id;

/** Whether text (a flag, a saved setting) names a kind of inspection. */
export function isInspectionType(text: unknown): text is InspectionType {
  return INSPECTION_TYPES.some((t) => t.id === text);
}

/**
 * 09:00, as the fraction of a day Excel stores: inspectors arrive, and a date given without a time is
 * taken to be, at this time unless the user says otherwise.
 */
export const DEFAULT_INSPECTION_TIME = 9 / 24;

/**
 * What a milestone is, whatever its label says: commands and the pane find a milestone by its id, so
 * its wording can change without breaking them.
 */
export type MilestoneId =
  | "notified"
  | "onsite"
  | "annex-a-earliest"
  | "annex-a-due"
  | "last-day-on-site"
  | "action-plan-due"
  | "draft-plan-due"
  | "week-1-on-site"
  | "lists-due"
  | "audit-cases-chosen"
  | "audit-cases-presented"
  | "inspection-ends"
  | "footprint-ends"
  | "pre-inspection-return"
  | `steering-group-${number}`;

export interface Milestone {
  id: MilestoneId;
  label: string;
  /** Excel serial: the day, with the time as the fraction where it matters. */
  when: number;
  /** Whether the time of day is part of the milestone (a deadline), or only the day. */
  timed: boolean;
  confidence: Confidence;
  /** Where the rule comes from, or why the date is only an estimate. */
  note: string;
}

export interface InspectionDates {
  notified: number;
  /** The on-site start as the user gave it, or null to take the framework's usual gap. */
  onsite: number | null;
  type: InspectionType;
}

const fact = (framework: Framework, id: string) => framework.timeline.find((t) => t.id === id);
const confidenceOf = (framework: Framework, id: string): Confidence => fact(framework, id)?.confidence ?? "unconfirmed";

/**
 * The inspection's milestones from the notification, for the framework and type of inspection. Amounts
 * come from the framework's timeline facts (with their confidence); where the user has not said when
 * inspectors arrive, the framework's usual gap is used and flagged as an estimate.
 */
export function inspectionTimeline(
  framework: Framework,
  dates: InspectionDates,
  calendar: WorkingCalendar,
): Milestone[] {
  const family = framework.id.startsWith("ofsted-ilacs")
    ? "ilacs"
    : framework.id === "ofsted-sif-2013"
      ? "sif"
      : framework.id.startsWith("care-inspectorate")
        ? "ci"
        : framework.id.startsWith("caa")
          ? "caa"
          : "other";
  const milestones: Milestone[] = [
    {
      id: "notified",
      label: "Notification of the inspection",
      when: dates.notified,
      timed: true,
      confidence: "confirmed",
      note: "as entered",
    },
  ];
  const onsiteGiven = dates.onsite !== null;
  const startAt = (defaultStart: number, confidence: Confidence, rule: string): number => {
    const start = dates.onsite ?? defaultStart;
    milestones.push({
      id: "onsite",
      label: "Inspectors arrive on site",
      when: start,
      timed: true,
      confidence: onsiteGiven ? "confirmed" : confidence,
      note: onsiteGiven ? "as entered" : `estimate: ${rule}; enter the date inspectors give you`,
    });
    return start;
  };
  const nineAm = (day: number) => Math.floor(day) + DEFAULT_INSPECTION_TIME;

  if (family === "ilacs") {
    const notice = fact(framework, "notice")?.amount ?? 5;
    const start = startAt(
      nineAm(calendar.addWorkingDays(Math.floor(dates.notified) + 1, notice - 1)),
      confidenceOf(framework, "notice"),
      `${notice} working days after notification`,
    );
    milestones.push({
      id: "annex-a-earliest",
      label: "Annex A lists: prepare no sooner than",
      when: calendar.wednesdayOfWeekBefore(start),
      timed: false,
      confidence: confidenceOf(framework, "annex-a-earliest"),
      note: "the Wednesday of the week before the inspection",
    });
    milestones.push({
      id: "annex-a-due",
      label: "Annex A lists and self-evaluation to inspectors",
      when: start,
      timed: true,
      confidence: "unconfirmed",
      note: "by the time inspectors arrive",
    });
    if (dates.type !== "focused") {
      const weeks = fact(framework, `${dates.type}-on-site`)?.amount ?? (dates.type === "short" ? 1 : 2);
      const last = calendar.addWorkingDays(Math.floor(start), weeks * 5 - 1);
      milestones.push({
        id: "last-day-on-site",
        label: `Last day on site (${dates.type} inspection, ${weeks} week${weeks > 1 ? "s" : ""})`,
        when: last,
        timed: false,
        confidence: confidenceOf(framework, `${dates.type}-on-site`),
        note: "working days from the first day on site",
      });
      const days = fact(framework, "action-plan-due")?.amount ?? 70;
      milestones.push({
        id: "action-plan-due",
        label: `Written action plan due (${days} working days)`,
        when: calendar.addWorkingDays(last + 1, days - 1),
        timed: false,
        confidence: "unconfirmed",
        note: "estimate counted from the last day on site; count from the report's publication once you have it",
      });
    } else {
      const days = fact(framework, "focused-visit-draft-plan")?.amount ?? 20;
      milestones.push({
        id: "draft-plan-due",
        label: `Draft plan due where the visit finds priority actions (${days} working days)`,
        when: calendar.addWorkingDays(Math.floor(start) + 1, days - 1),
        timed: false,
        confidence: "unconfirmed",
        note: "estimate counted from the visit; count from the letter's publication once you have it",
      });
    }
  } else if (family === "sif") {
    const start = startAt(
      nineAm(calendar.addWorkingDays(Math.floor(dates.notified) + 1, 0)),
      "unconfirmed",
      "the next working day",
    );
    const day = Math.floor(start);
    milestones.push(
      {
        id: "week-1-on-site",
        label: "Week 1: on site for 3 days",
        when: calendar.addWorkingDays(day, 2),
        timed: false,
        confidence: confidenceOf(framework, "week-1-on-site"),
        note: "last of the 3 days",
      },
      {
        id: "lists-due",
        label: "Key documents and full case lists due (24 hours)",
        when: calendar.deadlineAfterHours(start, fact(framework, "lists-due")?.amount ?? 24),
        timed: true,
        confidence: confidenceOf(framework, "lists-due"),
        note: "24 hours after inspectors arrive; a weekend or bank holiday moves it to the next working day",
      },
      {
        id: "audit-cases-chosen",
        label: "Week 2: inspectors choose 30 cases for the authority's own audit",
        when: day + 7,
        timed: false,
        confidence: confidenceOf(framework, "audit-cases"),
        note: "off site",
      },
      {
        id: "audit-cases-presented",
        label: "Audited cases presented (start of week 3)",
        when: calendar.nextWorkingDay(day + 14),
        timed: false,
        confidence: confidenceOf(framework, "audit-cases"),
        note: "about 200 further files examined in weeks 3 and 4",
      },
      {
        id: "inspection-ends",
        label: "End of the inspection (4 weeks)",
        when: calendar.addWorkingDays(day, 19),
        timed: false,
        confidence: confidenceOf(framework, "length"),
        note: "working days from the first day on site",
      },
    );
  } else if (family === "ci") {
    const noticeWeeks = fact(framework, "notice")?.amount ?? 12;
    const start = startAt(
      nineAm(calendar.nextWorkingDay(Math.floor(dates.notified) + noticeWeeks * 7)),
      confidenceOf(framework, "notice"),
      `${noticeWeeks} weeks after notification`,
    );
    const onsiteDays = fact(framework, "on-site")?.amount ?? 13;
    const returnWeeks = fact(framework, "pre-inspection-return")?.amount;
    if (returnWeeks !== undefined) {
      milestones.push({
        id: "pre-inspection-return",
        label: `Pre-inspection return of records for case file reading (${returnWeeks} weeks)`,
        when: calendar.nextWorkingDay(Math.floor(dates.notified) + returnWeeks * 7),
        timed: false,
        confidence: confidenceOf(framework, "pre-inspection-return"),
        note: "weeks from notification",
      });
    }
    milestones.push(
      {
        id: "last-day-on-site",
        label: `Last day of inspection activity on site (${onsiteDays} days)`,
        when: calendar.addWorkingDays(Math.floor(start), onsiteDays - 1),
        timed: false,
        confidence: confidenceOf(framework, "on-site"),
        note: "working days from the first day on site",
      },
      {
        id: "footprint-ends",
        label: `End of the inspection footprint (${fact(framework, "footprint")?.amount ?? 22} weeks)`,
        when: Math.floor(dates.notified) + (fact(framework, "footprint")?.amount ?? 22) * 7,
        timed: false,
        confidence: confidenceOf(framework, "footprint"),
        note: "weeks from notification",
      },
    );
  } else if (family === "caa") {
    const weeks = fact(framework, "safeguarding-notice")?.amount ?? 4;
    startAt(
      nineAm(calendar.nextWorkingDay(Math.floor(dates.notified) + weeks * 7)),
      confidenceOf(framework, "safeguarding-notice"),
      `${weeks} weeks' notice of the three-yearly inspection`,
    );
  } else {
    for (let month = 1; month <= 6; month++) {
      milestones.push({
        id: `steering-group-${month}`,
        label: `Improvement steering group, month ${month}`,
        when: calendar.nextWorkingDay(Math.floor(dates.notified) + 28 * month),
        timed: false,
        confidence: confidenceOf(framework, "steering-group"),
        note: "monthly; fortnightly updates to the lead member between meetings",
      });
    }
  }
  return milestones.sort((a, b) => a.when - b.when);
}

/** When each evidence item is due: within its hours of inspectors arriving, or by their arrival. */
export function evidenceDue(
  framework: Framework,
  item: Framework["evidence"][number],
  start: number,
  calendar: WorkingCalendar,
): { when: number; confidence: Confidence } {
  if (item.dueWithinHours)
    return { when: calendar.deadlineAfterHours(start, item.dueWithinHours), confidence: item.confidence };
  return { when: start, confidence: "unconfirmed" };
}

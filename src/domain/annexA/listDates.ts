import { dateFromSerial, serialFromYmd } from "../dates";

/**
 * What each list's dates must respect, as data: the order of its dates within a row, which dates cannot
 * come before the child's birth, and the months the list covers before the as-of date, with the dates
 * that put a row outside them. Sources: Ofsted's Annex A guidance (August 2019, cohort of each list) and
 * the order events take in Working Together to Safeguard Children (2023) and the SSDA903 return.
 */

/**
 * Pairs of dates where the second may not come before the first, per list ("each list's own order").
 * Only pairs that hold for every child: a "latest" review or visit is left out, as a system may give one
 * from an earlier episode before the current one has its first.
 */
export const DATE_ORDER: Record<number, [start: string, end: string][]> = {
  2: [["Assessment start date", "Assessment completion date"]],
  4: [["Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"]],
  5: [["Strategy discussion initiating Section 47 Enquiry Start Date", "Date of Initial Child Protection Conference"]],
  6: [["CIN Start Date", "CIN Closure Date"]],
  7: [["Child Protection Plan Start Date", "Child Protection Plan End Date"]],
  8: [
    ["Date Started to be Looked After", "Date Ceased to be Looked After "],
    ["Date Started to be Looked After", "Start Date of Most Recent Placement"],
    ["Start Date of Most Recent Placement", "Date Ceased to be Looked After "],
  ],
  10: [
    ["Date the Child Entered Care", "Date of Decision that Child Should be Placed for Adoption"],
    ["Date of Decision that Child Should be Placed for Adoption", "Date of Matching Child and Prospective Adopters"],
    ["Date of Matching Child and Prospective Adopters", "Date Placed for Adoption"],
    ["Date Placed for Adoption", "Date of Adoption Order "],
    ["Date of Placement Order", "Date of Adoption Order "],
  ],
  11: [
    ["Date enquiry received", "Date Stage 1 started"],
    ["Date Stage 1 started", "Date Stage 1 ended"],
    ["Date Stage 2 started", "Date Stage 2 ended"],
    ["Date enquiry received", "Date application submitted"],
    ["Date application submitted", "Date application approved"],
    ["Date application approved", "Date adopter matched with child(ren)"],
    ["Date adopter matched with child(ren)", "Date child/children placed with adopter(s)"],
    ["Date child/children placed with adopter(s)", "Date of Adoption Order"],
  ],
};

/**
 * Work may start before a child is born (a contact, referral, assessment, section 47 enquiry, child
 * protection conference and plan for an unborn baby: Working Together 2023, pre-birth assessment), so
 * those dates may come up to this many days before the date of birth; every other date may not.
 */
export const PRE_BIRTH_DAYS = 300;
export const PRE_BIRTH_DATES = new Set([
  "Date of Contact",
  "Assessment start date",
  "Assessment completion date",
  "Date of referral",
  "Continuous Assessment Start Date",
  "Continuous Assessment Date of Authorisation",
  "Strategy discussion initiating Section 47 Enquiry Start Date",
  "Date of Initial Child Protection Conference",
  "CIN Start Date",
  "Child Protection Plan Start Date",
  "Date of the Last Statutory Visit",
  "Date of latest review conference",
  "Date of Decision that Child Should be Placed for Adoption",
  "Date the child was placed for fostering in FFA or concurrent planning placement",
]);

/** The months a list covers before the as-of date (guidance: six months; twelve for Lists 10 and 11). */
export interface ListPeriod {
  months: number;
  /**
   * The dates of a row that fall in the period when it belongs there; the row is outside when every one
   * of them it has is before the period starts (a row with none of them is not judged). A row is judged
   * by its start only where the list has no end date: open work started earlier stays in the cohort.
   */
  within: string[];
  /** A date the row must have to be judged at all: open work (no end yet) started earlier stays in. */
  needs?: string;
  /** What the guidance puts in the list, for the message. */
  cohort: string;
}

export const LIST_PERIODS: Record<number, ListPeriod> = {
  1: { months: 6, within: ["Date of Contact"], cohort: "contacts in the 6 months" },
  2: {
    months: 6,
    within: ["Assessment start date", "Assessment completion date"],
    needs: "Assessment completion date",
    cohort: "early help assessments in the 6 months, and current interventions",
  },
  3: { months: 6, within: ["Date of referral"], cohort: "referrals in the 6 months" },
  4: {
    months: 6,
    within: ["Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"],
    needs: "Continuous Assessment Date of Authorisation",
    cohort: "assessments in the 6 months, and open ones",
  },
  5: {
    months: 6,
    within: [
      "Strategy discussion initiating Section 47 Enquiry Start Date",
      "Date of Initial Child Protection Conference",
    ],
    needs: "Date of Initial Child Protection Conference",
    cohort: "section 47 enquiries in the 6 months, and open ones",
  },
  6: {
    months: 6,
    within: ["CIN Closure Date"],
    cohort: "children in need at the as-of date or in the 6 months before",
  },
  7: {
    months: 6,
    within: ["Child Protection Plan End Date"],
    cohort: "children on a plan at the as-of date, and plans ended in the 6 months",
  },
  8: {
    months: 6,
    within: ["Date Ceased to be Looked After "],
    cohort: "children in care at the as-of date, and those who left care in the 6 months",
  },
  10: {
    months: 12,
    within: [
      "Date of Decision that Child Should be Placed for Adoption",
      "Date of Placement Order",
      "Date of Matching Child and Prospective Adopters",
      "Date Placed for Adoption",
      "Date of Adoption Order ",
      "Date of Decision that Child Should No Longer be Placed for Adoption",
    ],
    cohort: "children adopted, with a placement decision, or with the decision reversed in the 12 months",
  },
  11: {
    months: 12,
    within: [
      "Date enquiry received",
      "Date Stage 1 started",
      "Date Stage 1 ended",
      "Date Stage 2 started",
      "Date Stage 2 ended",
      "Date application submitted",
      "Date application approved",
      "Date adopter matched with child(ren)",
      "Date child/children placed with adopter(s)",
      "Date of Adoption Order",
      "Date of leaving adoption process",
    ],
    cohort: "adopters in contact with the agency in the 12 months",
  },
};

/** The day the period starts: the as-of date less the months, the day after (6 months to 25/11 starts 26/05). */
export function periodStart(asOf: number, months: number): number {
  const d = dateFromSerial(asOf);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() + 1 - months;
  while (m < 1) {
    m += 12;
    y--;
  }
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return serialFromYmd(y, m, Math.min(d.getUTCDate(), last)) + 1;
}

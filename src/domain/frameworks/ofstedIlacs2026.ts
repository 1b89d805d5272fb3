import { ofstedIlacs2024 } from "./ofstedIlacs2024";

/**
 * ILACS from April 2026: Ofsted removed the overall effectiveness judgement; the four judgements stay,
 * graded on the same four-point scale, and the framework was revised to fit the children's social care
 * reforms (family help, families staying together, safety, stable and loving homes).
 *
 * The 2026 text of the evaluation criteria could not be read for this version: the criteria carried from
 * 2024 keep their refs (so a 2024 plan refreshes onto this one row by row) and are "partly-confirmed";
 * the criteria for the reforms' themes are our own wording of the announced themes, "unconfirmed" until
 * checked against Ofsted's published framework. A council can correct them in its own framework file.
 */
const sources = {
  announcement: "ilacs-2026-announcement",
  framework: "ilacs-framework",
  reports2026: "ilacs-2026-reports",
  changes2024: "ilacs-2024-changes",
};

const judgement = (id: string) => ofstedIlacs2024.judgements.find((j) => j.id === id)!;

/** A criterion of 2024 carried into 2026: its wording is 2024's, its place in 2026 is not confirmed verbatim. */
const carried = (id: string) =>
  judgement(id).criteria.map((criterion) => ({
    ...criterion,
    sources: [sources.framework, sources.announcement],
    confidence: "partly-confirmed",
  }));

/** A criterion for one of the reforms' themes, in our own words. */
const theme = (ref: string, text: string) => ({
  ref,
  text,
  sources: [sources.announcement],
  confidence: "unconfirmed",
});

const graded = (id: string, extra: ReturnType<typeof theme>[]) => ({
  ...judgement(id),
  sources: [sources.announcement, sources.reports2026],
  confidence: "confirmed",
  criteria: [...carried(id), ...extra],
});

export const ofstedIlacs2026 = {
  ...ofstedIlacs2024,
  id: "ofsted-ilacs-2026",
  version: "2026.4",
  name: "Ofsted ILACS (Inspecting local authority children's services), from April 2026",
  inForceFrom: "2026-04-01",
  inForceTo: undefined,
  supersededBy: undefined,
  confidence: "partly-confirmed",
  sources: [
    ...ofstedIlacs2024.sources,
    {
      id: sources.announcement,
      title:
        "Ofsted, Ofsted confirms removal of headline judgement for inspections of local authorities' children's services (press release)",
      reference:
        "gov.uk, 27 November 2025; reported the same day by Local Government Lawyer and Public Sector Executive",
    },
    {
      id: sources.reports2026,
      title: "Ofsted ILACS inspection reports published from May 2026 (four graded judgements, no overall)",
      reference: "files.ofsted.gov.uk, e.g. North Northamptonshire 2026",
      note: "Read through a public report scraper's notes, not the reports themselves: a secondary source",
    },
    {
      id: sources.changes2024,
      title: "Ofsted, Inspecting local authority children's services: summary of framework changes",
      reference: "gov.uk, updated 5 April 2024",
    },
  ],
  scale: {
    ...ofstedIlacs2024.scale,
    sources: [sources.framework, sources.announcement],
  },
  judgements: [
    graded("leaders", [
      theme(
        "LE-09",
        "Leaders have a clear strategy for family help, including early help and prevention, agreed with partners, and know what difference it makes.",
      ),
    ]),
    graded("help-and-protection", [
      theme(
        "HP-13",
        "Families get family help at the right time, from the right people, so that children can stay safely with their families where that is right for them.",
      ),
      theme(
        "HP-14",
        "Family networks are involved early, including through family group decision-making, to keep children safe and at home.",
      ),
    ]),
    graded("children-in-care", [
      theme(
        "CIC-10",
        "Children in care live in stable and loving homes, with kinship care with family and friends considered first where it is safe.",
      ),
    ]),
    graded("care-leavers", [
      theme(
        "CL-08",
        "Care leavers have lasting relationships with people who matter to them and the support they need into adulthood.",
      ),
    ]),
  ],
  linkingRules: [
    {
      id: "no-overall-judgement",
      description:
        "From April 2026 there is no overall effectiveness judgement: each of the four judgements is graded on its own.",
      confidence: "confirmed",
      sources: [sources.announcement],
    },
    {
      id: "no-link-between-judgements",
      description:
        "No published rule limits one of the four judgements by another; none was found in the 2026 material. The projection grades each on its own.",
      confidence: "unconfirmed",
      sources: [sources.announcement],
    },
    {
      id: "pathway-after-judgements",
      description:
        "What follows an inspection (a focused visit before the next short inspection, or not) is said to depend on the impact of leaders and at least two of the three practice judgements being good or better. A rule about scheduling, not grading.",
      confidence: "unconfirmed",
      sources: [sources.reports2026],
    },
  ],
  changes: [
    {
      text: "The overall effectiveness judgement is removed; the four judgements stay, on the same four-point scale.",
      confidence: "confirmed",
      sources: [sources.announcement],
    },
    {
      text: "The framework is revised to fit the children's social care reforms: families supported to stay together, family help (including early help and prevention) when it is needed, safety, and stable and loving homes.",
      confidence: "confirmed",
      sources: [sources.announcement],
    },
    {
      text: "Ofsted consults during 2026 on a renewed children and families services framework, planned for 2027.",
      confidence: "confirmed",
      sources: [sources.announcement],
    },
    {
      text: "In force from 1 April 2026.",
      confidence: "partly-confirmed",
      sources: [sources.announcement, sources.reports2026],
    },
    {
      text: "The exact wording of the revised evaluation criteria is not confirmed here: criteria carried from 2024 keep their wording, and the reforms' themes are added as criteria in our own words (LE-09, HP-13, HP-14, CIC-10, CL-08).",
      confidence: "unconfirmed",
      sources: [sources.announcement, sources.changes2024],
    },
  ],
};

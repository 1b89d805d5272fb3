import { criteria } from "./build";

/**
 * A post-inspection improvement programme, after the one a county council ran following an unannounced
 * inspection of its duty and initial assessment teams (seed 003). Its themes are the judgements; its
 * measurable commitments are the criteria a tracker holds. The progress scale is this product's own
 * convention, not an inspectorate's, and says so.
 */
const seed = ["seed-003"];

export const improvementProgramme = {
  id: "improvement-programme",
  version: "2010.10",
  name: "Post-inspection improvement programme",
  inspectorate: "Council (after an Ofsted inspection)",
  country: "England",
  inForceFrom: "2010-10-01",
  confidence: "partly-confirmed",
  sources: [
    {
      id: "seed-003",
      title:
        "Update to Cabinet, 11 October 2010: improvement following the unannounced inspection of duty and initial assessment teams",
      note: "Seed document 003",
    },
    { id: "inspection-ready", title: "Inspection Ready's own convention for grading progress on an improvement plan" },
  ],
  scale: {
    id: "improvement-progress",
    grades: [
      { id: "achieved", label: "Achieved", rank: 4 },
      { id: "good-progress", label: "Good progress", rank: 3 },
      { id: "some-progress", label: "Some progress", rank: 2 },
      { id: "insufficient-progress", label: "Insufficient progress", rank: 1 },
    ],
    confidence: "unconfirmed",
    sources: ["inspection-ready"],
  },
  judgements: [
    {
      id: "overall-progress",
      name: "Overall progress of the improvement programme",
      kind: "overall",
      confidence: "unconfirmed",
      sources: ["inspection-ready"],
      criteria: [],
    },
    ...(
      [
        [
          "quality-assurance",
          "Quality assurance and monitoring",
          "QA",
          [
            "Every district management team has an improvement plan that is being carried out.",
            "Each district manager audits at least 5 duty cases a month, chosen at random.",
            "Use of the duty tracking sheet is mandatory and checked by district managers.",
            "Baseline and external audits of duty and initial assessment teams are completed and acted on.",
          ],
        ],
        [
          "capacity",
          "Capacity",
          "CA",
          [
            "Each duty team has the additional administrative assistant and social work assistant it was promised.",
            "Trainee social worker places are filled against the target.",
            "Funding for additional posts is identified and reported to members.",
          ],
        ],
        [
          "recruitment-retention",
          "Recruitment and retention",
          "RR",
          [
            "Social worker posts recruited against the campaign's targets.",
            "Social work assistants sponsored on qualifying courses against the target.",
            "A retention strategy, including pay, is agreed with the unions.",
          ],
        ],
        [
          "managing-demand",
          "Managing demand",
          "MD",
          [
            "Partners use the common assessment framework to co-ordinate early help.",
            "Inappropriate referrals to social care fall, with the safeguarding board's help.",
            "Each district's preventative services plan has indicators of success.",
          ],
        ],
        [
          "improving-systems",
          "Improving systems",
          "IS",
          [
            "The case recording system is reviewed with social workers' views.",
            "System changes that the review recommends are made and checked.",
          ],
        ],
      ] as const
    ).map(([id, name, prefix, texts]) => ({
      id,
      name,
      kind: "key",
      confidence: "confirmed",
      sources: seed,
      criteria: criteria(
        seed,
        "confirmed",
        texts.map((text, i): [string, string] => [`${prefix}-0${i + 1}`, text]),
      ),
    })),
  ],
  linkingRules: [],
  timeline: [
    {
      id: "steering-group",
      label: "Improvement steering group meets monthly",
      amount: 4,
      unit: "weeks",
      confidence: "confirmed",
      sources: seed,
    },
    {
      id: "member-updates",
      label: "Updates to the lead member and directors every fortnight",
      amount: 2,
      unit: "weeks",
      confidence: "confirmed",
      sources: seed,
    },
  ],
};

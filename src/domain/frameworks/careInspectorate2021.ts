import { criteria, sixPointGrades } from "./build";

/**
 * The Care Inspectorate's joint inspections of services for children and young people at risk of harm
 * (Scotland, since July 2021), led with Education Scotland, HM Inspectorate of Constabulary in Scotland
 * and Healthcare Improvement Scotland, against "A quality framework for children and young people in need
 * of care and protection" (2019). The inspection starts from the partnership's own joint self-evaluation
 * and position statement; Scotland has no Annex A: the inspectors ask for a pre-inspection return of
 * records for case file reading, a staff survey, and surveys of children and of parents and carers.
 *
 * Judgements are the four quality indicators the Care Inspectorate evaluates in its current programme
 * (2025/26, children on compulsory supervision orders living at home); its inspections of children at
 * risk of harm graded QI 2.1 alone. Criteria are our own summary, "unconfirmed" until checked.
 */
const qif = "ci-qif-2019";
const guide = "ci-guide";
const cso = "ci-cso-2025";

const qi = (id: string, number: string, name: string, texts: string[]) => ({
  id,
  name: `${number} ${name}`,
  kind: "key",
  confidence: "confirmed",
  sources: [qif, cso],
  criteria: criteria(
    [qif],
    "unconfirmed",
    texts.map((text, i): [string, string] => [`QI${number}-0${i + 1}`, text]),
  ),
});

export const careInspectorate2021 = {
  id: "care-inspectorate-2021",
  version: "2025.1",
  name: "Care Inspectorate joint inspection of services for children and young people at risk of harm, from 2021",
  inspectorate: "Care Inspectorate",
  country: "Scotland",
  inForceFrom: "2021-07-01",
  confidence: "partly-confirmed",
  sources: [
    {
      id: qif,
      title: "Care Inspectorate, A quality framework for children and young people in need of care and protection",
      reference: "2019 (revised): 6 domains, 10 key questions, 22 quality indicators",
    },
    {
      id: guide,
      title:
        "Care Inspectorate, The Guide: joint inspections of services for children and young people at risk of harm",
      reference:
        "careinspectorate.com: introduction, inspection footprint, phase one week by week, pre-inspection return",
    },
    {
      id: cso,
      title:
        "Care Inspectorate, Joint inspections of children and young people subject to compulsory supervision orders living at home: what will we look at on inspection",
      reference: "careinspectorate.com, 2025",
    },
    {
      id: "hmie-six-point",
      title: "HMIE, The six-point scale",
      reference: "hmie.gov.uk; the same words as the Care Inspectorate uses in its other remits",
    },
  ],
  scale: {
    id: "six-point",
    grades: sixPointGrades,
    // The quality framework has its own appendix on the scale, not read here; the words are HMIE's.
    confidence: "partly-confirmed",
    sources: ["hmie-six-point", qif],
  },
  judgements: [
    qi("qi-2-1", "2.1", "Impact on children and young people", [
      "Children and young people at risk of harm are safer because risks are identified early and responded to well.",
      "Children's wellbeing improves because of the help and support they receive.",
      "Children and young people say services listened to them and made a difference.",
    ]),
    qi("qi-5-3", "5.3", "Care planning, managing risk and effective intervention", [
      "Chronologies and assessments of risk and need are of good quality and shared between agencies.",
      "Plans are specific, reviewed, and lead to timely, effective intervention.",
      "Children on compulsory supervision orders living at home get the support their order intends.",
    ]),
    qi("qi-5-4", "5.4", "Involving individual children, young people and families", [
      "Children's views are sought, recorded and shape the decisions made about them, with advocacy where needed.",
      "Parents and carers are involved in planning and understand what is expected and why.",
    ]),
    qi("qi-9-2", "9.2", "Leadership of strategy and direction", [
      "Leaders share a vision for children at risk of harm and work together as a joined-up system.",
      "Leaders know the quality of services from self-evaluation and act on it.",
    ]),
  ],
  linkingRules: [
    {
      id: "each-qi-evaluated",
      description:
        "Each quality indicator is evaluated on its own on the six-point scale; there is no overall grade. Inspections of children at risk of harm graded QI 2.1 alone.",
      confidence: "confirmed",
      sources: [guide, cso],
    },
  ],
  evidence: [
    {
      id: "position-statement",
      title: "Position statement, with the supporting evidence",
      kind: "document",
      confidence: "confirmed",
      sources: [guide],
    },
    {
      id: "self-evaluation",
      title: "Joint self-evaluation by the partnership against the quality indicators",
      kind: "self-evaluation",
      confidence: "confirmed",
      sources: [qif, guide],
    },
    {
      id: "pre-inspection-return",
      title: "Pre-inspection return: the records inspectors sample for case file reading (within 3 weeks)",
      kind: "dataset",
      confidence: "confirmed",
      sources: [guide],
    },
    {
      id: "staff-survey",
      title: "Staff survey, shared with staff across the partnership",
      kind: "document",
      confidence: "confirmed",
      sources: [guide],
    },
    {
      id: "children-and-families-surveys",
      title: "Surveys of children and young people, and of parents and carers",
      kind: "document",
      confidence: "confirmed",
      sources: [guide],
    },
  ],
  timeline: [
    {
      id: "pre-inspection-return",
      label: "Pre-inspection return due after notification",
      amount: 3,
      unit: "weeks",
      confidence: "confirmed",
      sources: [guide],
    },
    {
      id: "notice",
      label: "From notification to inspectors on site (carried from the 2012 model)",
      amount: 12,
      unit: "weeks",
      confidence: "unconfirmed",
      sources: [guide],
    },
    {
      id: "footprint",
      label: "Whole inspection, from notification to the published report",
      amount: 22,
      unit: "weeks",
      confidence: "confirmed",
      sources: [guide],
    },
    {
      id: "on-site",
      label: "Inspection activity on site",
      amount: 5,
      unit: "days",
      confidence: "confirmed",
      sources: [guide],
    },
  ],
  recommendationCategories: ["Areas for improvement"],
};

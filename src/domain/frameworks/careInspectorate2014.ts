import { criteria, sixPointGrades } from "./build";

/**
 * The Care Inspectorate's joint inspection of services for children (Scotland), using the quality
 * indicators of "How well are we improving the lives of children and young people?" (2014), each
 * evaluated on a six-point scale. Only four indicators are confirmed by our sources; the rest of the
 * list is marked unconfirmed and a council can correct it in its own framework file.
 */
const seed = ["seed-004"];
const guide = ["ci-qi-guide"];

const qi = (id: string, number: string, name: string, confirmed: boolean, texts: string[]) => ({
  id,
  name: `${number} ${name}`,
  kind: "key",
  confidence: confirmed ? "confirmed" : "unconfirmed",
  sources: guide,
  criteria: criteria(
    guide,
    confirmed ? "partly-confirmed" : "unconfirmed",
    texts.map((text, i): [string, string] => [`QI${number}-0${i + 1}`, text]),
  ),
});

export const careInspectorate2014 = {
  id: "care-inspectorate-2014",
  version: "2014.1",
  name: "Care Inspectorate joint inspection of services for children: quality indicators, 2014 to 2021",
  inspectorate: "Care Inspectorate",
  country: "Scotland",
  inForceFrom: "2014-01-01",
  // Joint inspections of services for children and young people at risk of harm replaced it in July 2021.
  inForceTo: "2021-06-30",
  confidence: "partly-confirmed",
  sources: [
    {
      id: "seed-004",
      title: "Briefing note, September 2012: scrutiny and improvement of services for children",
      note: "Seed document 004",
    },
    {
      id: "ci-qi-guide",
      title:
        "Care Inspectorate, How well are we improving the lives of children and young people? A guide to evaluating services for children and young people using quality indicators",
      reference: "2014",
    },
  ],
  scale: {
    id: "six-point",
    grades: sixPointGrades,
    // "Adequate" is "Satisfactory" in the education version of the scale.
    confidence: "partly-confirmed",
    sources: guide,
  },
  judgements: [
    qi("qi-1-1", "1.1", "Improvements in the wellbeing of children and young people", false, [
      "Trend data show children's wellbeing improving across the partnership.",
      "Outcomes for the most vulnerable children are improving.",
    ]),
    qi("qi-2-1", "2.1", "Impact on children and young people", true, [
      "Children and young people are safe, healthy, achieving, nurtured, active, respected, responsible and included.",
      "Children say services have made a difference to their lives.",
    ]),
    qi("qi-2-2", "2.2", "Impact on families", false, [
      "Families get help when they need it and say it makes a difference.",
      "Parents are supported to build their capacity to care.",
    ]),
    qi("qi-5-1", "5.1", "Providing help and support at an early stage", false, [
      "Concerns are identified early and help is offered promptly.",
      "Universal services know how to get help for a child.",
    ]),
    qi("qi-5-2", "5.2", "Assessing and responding to risks and needs", false, [
      "Risks and needs are assessed well, with chronologies.",
      "Immediate concerns are responded to promptly by the right agencies.",
    ]),
    qi("qi-5-3", "5.3", "Care planning, managing risk and effective intervention", true, [
      "Plans are SMART, shared by agencies and reviewed.",
      "Risk is managed well and interventions make a difference.",
    ]),
    qi("qi-5-4", "5.4", "Involving individual children, young people and families", true, [
      "Children's views are sought and influence decisions about them.",
      "Families are involved in planning and understand the plan.",
    ]),
    qi("qi-6-4", "6.4", "Performance management and quality assurance", false, [
      "Self-evaluation is robust and drives improvement.",
      "Quality assurance includes multi-agency case reading.",
    ]),
    qi("qi-9-2", "9.2", "Leadership of strategy and direction", true, [
      "Leaders share a vision based on Getting it right for every child.",
      "Leaders drive integrated working across the community planning partnership.",
    ]),
    qi("qi-9-4", "9.4", "Leadership of improvement and change", false, [
      "Leaders act on evidence to improve services.",
      "Change is planned, resourced and its impact measured.",
    ]),
  ],
  linkingRules: [
    {
      id: "each-qi-evaluated",
      description: "Each quality indicator is evaluated on its own on the six-point scale; there is no overall grade.",
      confidence: "partly-confirmed",
      sources: guide,
    },
  ],
  evidence: [
    {
      id: "self-evaluation",
      title: "Joint self-evaluation against the quality indicators",
      kind: "self-evaluation",
      confidence: "confirmed",
      sources: seed,
    },
  ],
  timeline: [
    {
      id: "notice",
      label: "Notice of the inspection date",
      amount: 12,
      unit: "weeks",
      confidence: "confirmed",
      sources: seed,
    },
    {
      id: "footprint",
      label: "Whole inspection footprint",
      amount: 22,
      unit: "weeks",
      confidence: "confirmed",
      sources: seed,
    },
    {
      id: "on-site",
      label: "Inspection activity on site",
      amount: 13,
      unit: "days",
      confidence: "confirmed",
      sources: seed,
    },
  ],
};

import { criteria } from "./build";

/**
 * The Comprehensive Area Assessment (England, 2009–2010) as it applied to children's services: an
 * organisational assessment scored 1–4 from use of resources and managing performance, a rating against
 * the five Every Child Matters outcomes, and red and green flags in the area assessment.
 */
const seed = ["seed-000"];

export const caa2009 = {
  id: "caa-2009",
  version: "2009.1",
  name: "Comprehensive Area Assessment (CAA): children's services, 2009",
  inspectorate: "Audit Commission and Ofsted",
  country: "England",
  inForceFrom: "2009-04-01",
  inForceTo: "2010-06-30",
  confidence: "partly-confirmed",
  sources: [
    {
      id: "seed-000",
      title: "Kent Children's Trust: Inspection of children's services – the future",
      note: "Seed document 000",
    },
  ],
  scale: {
    id: "caa-four-point",
    grades: [
      { id: "excellent", label: "4 – Performing excellently", rank: 4 },
      { id: "well", label: "3 – Performing well", rank: 3 },
      { id: "adequately", label: "2 – Performing adequately", rank: 2 },
      { id: "poorly", label: "1 – Performing poorly", rank: 1 },
    ],
    confidence: "confirmed",
    sources: seed,
  },
  judgements: [
    {
      id: "organisational-assessment",
      name: "Organisational assessment",
      kind: "overall",
      confidence: "confirmed",
      sources: seed,
      criteria: [],
    },
    {
      id: "use-of-resources",
      name: "Use of resources",
      kind: "key",
      parent: "organisational-assessment",
      confidence: "confirmed",
      sources: seed,
      criteria: criteria(seed, "unconfirmed", [
        ["UR-01", "Money is managed so that spending follows the needs of children and young people."],
        ["UR-02", "Services are commissioned with partners on the evidence of need."],
        ["UR-03", "The workforce and other resources are deployed where they make most difference."],
      ]),
    },
    {
      id: "managing-performance",
      name: "Managing performance",
      kind: "key",
      parent: "organisational-assessment",
      confidence: "confirmed",
      sources: seed,
      criteria: criteria(seed, "partly-confirmed", [
        ["MP-01", "A self-evaluation is completed each year and is accurate."],
        ["MP-02", "Outcomes are monitored, benchmarked, and the direction of travel is known."],
        ["MP-03", "Needs assessment and evidence drive targeted activity for the most vulnerable groups."],
      ]),
    },
    ...(
      [
        [
          "be-healthy",
          "Be healthy",
          "BH",
          [
            "Children's health outcomes improve against the national indicator set.",
            "Health services for vulnerable children are accessible and joined up.",
          ],
        ],
        [
          "stay-safe",
          "Stay safe",
          "SS",
          [
            "Annual unannounced fieldwork finds thresholds, referrals and assessments are sound.",
            "Children looked after and those in need of protection are safe, as inspection every three years confirms.",
          ],
        ],
        [
          "enjoy-and-achieve",
          "Enjoy and achieve",
          "EA",
          ["Attainment improves and gaps for vulnerable groups narrow.", "Attendance is good and exclusions fall."],
        ],
        [
          "positive-contribution",
          "Make a positive contribution",
          "PC",
          [
            "Children, young people and parents are consulted and involved in decisions.",
            "Offending and anti-social behaviour by young people fall.",
          ],
        ],
        [
          "economic-wellbeing",
          "Achieve economic well-being",
          "EW",
          ["Young people stay in education, employment or training.", "Families are helped out of poverty."],
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
        "unconfirmed",
        texts.map((text, i): [string, string] => [`${prefix}-0${i + 1}`, text]),
      ),
    })),
  ],
  linkingRules: [
    {
      id: "organisational-assessment-combines",
      description:
        "Use of resources and managing performance are each scored 1 to 4 and combined into the organisational assessment.",
      confidence: "confirmed",
      sources: seed,
    },
    {
      id: "poor-fieldwork-triggers-inspection",
      description: "Poor performance in the annual safeguarding fieldwork triggers an early full inspection.",
      confidence: "confirmed",
      sources: seed,
    },
  ],
  flags: [
    {
      id: "red",
      label: "Red flag",
      meaning: "An area of concern across the partnership",
      confidence: "confirmed",
      sources: seed,
    },
    {
      id: "green",
      label: "Green flag",
      meaning: "Outstanding performance across the partnership",
      confidence: "confirmed",
      sources: seed,
    },
  ],
  evidence: [
    {
      id: "self-evaluation",
      title: "Annual self-evaluation",
      kind: "self-evaluation",
      confidence: "confirmed",
      sources: seed,
    },
    {
      id: "performance-profile",
      title:
        "Annual performance profile: inspected services, ECM national indicators, direction of travel, other monitoring and evidence",
      kind: "document",
      confidence: "confirmed",
      sources: seed,
    },
  ],
  timeline: [
    {
      id: "safeguarding-notice",
      label: "Three-yearly safeguarding and looked-after children inspection: notice",
      amount: 4,
      unit: "weeks",
      confidence: "confirmed",
      sources: seed,
    },
    {
      id: "fieldwork-notice",
      label: "Annual unannounced safeguarding fieldwork: notice",
      amount: 0,
      unit: "days",
      confidence: "confirmed",
      sources: seed,
    },
  ],
};
